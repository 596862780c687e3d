// The `lesson:` steps (say, step, expect, ask) and the `challenge:`.
#include <semaphore.h>

#include <algorithm>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {
namespace {

constexpr std::size_t kMaxChoices = 8;

// Read-write and file locks count the processes that hold them.
bool has_value(const ObjectSpec& o) {
  return o.kind == ObjectKind::semaphore || o.kind == ObjectKind::shared_memory ||
         o.kind == ObjectKind::rwlock || o.kind == ObjectKind::file_lock ||
         o.kind == ObjectKind::event || is_channel_mechanism(o.mechanism);
}
const Need kValued{has_value,
                   "a semaphore, a channel, a shared_memory, an rwlock, a file_lock or an event"};
bool is_mutex(const ObjectSpec& o) {
  return o.kind == ObjectKind::mutex;
}
const Need kMutex{is_mutex, "a mutex"};
bool switchable_channel(const ObjectSpec& o) {
  return is_switchable(o);
}
const Need kSwitchable{switchable_channel, "a channel that lists alternatives"};

struct LessonContext {
  Reader& r;
  const std::vector<ObjectSpec>& objects;
  std::vector<ProcessName> procs;
};

std::vector<std::pair<std::string, int>> load_step(LessonContext& c, const Entry& e) {
  std::vector<std::pair<std::string, int>> out;
  if (e.value.IsScalar()) {
    if (check_instance(c.r, c.procs, e.value.Scalar(), e.pos, true, true)) {
      out.emplace_back(e.value.Scalar(), 1);
    }
    return out;
  }
  Fields f(c.r, e.value, e.pos, "'step'");
  if (!f.is_map()) return out;
  if (f.entries().empty()) c.r.error(e.pos, "'step' is empty: name a process and a count");
  for (const Entry& s : f.entries()) {
    bool known = check_instance(c.r, c.procs, s.key, s.key_pos, true, true);
    std::optional<int64_t> n =
        c.r.integer(s.value, s.pos, "the step count of " + quoted(s.key), 1, kMaxActions);
    if (known && n) out.emplace_back(s.key, static_cast<int>(*n));
  }
  return out;
}

// switch: {buffer: posix_mq} - the channel moves to that mechanism live.
std::vector<std::pair<std::string, ObjectKind>> load_switch(LessonContext& c, const Entry& e) {
  std::vector<std::pair<std::string, ObjectKind>> out;
  Fields f(c.r, e.value, e.pos, "'switch'");
  if (!f.is_map()) return out;
  if (f.entries().empty())
    c.r.error(e.pos, "'switch' is empty: name a channel and a mechanism ({buffer: posix_mq})");
  for (const Entry& s : f.entries()) {
    const ObjectSpec* o = object_ref(c.r, c.objects, s.key, s.key_pos, "switch", kSwitchable);
    std::optional<std::string> word = c.r.text(s.value, s.pos, "the mechanism of " + quoted(s.key));
    if (!o || !word) continue;
    const std::optional<ObjectKind> k = object_kind_from(*word);
    if (!k || std::find(o->runs_on.begin(), o->runs_on.end(), *k) == o->runs_on.end()) {
      std::vector<std::string_view> names;
      for (ObjectKind m : o->runs_on) names.push_back(to_string(m));
      std::string list;
      for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
      c.r.error(s.pos, quoted(s.key) + " cannot run on " + quoted(*word) +
                           did_you_mean(*word, names) + "; it can run on " + list);
      continue;
    }
    out.emplace_back(s.key, *k);
  }
  return out;
}

std::vector<std::string> instances(LessonContext& c, Fields& f, std::string_view key) {
  std::vector<std::string> out;
  const Entry* e = f.get(key);
  if (!e) return out;
  for (auto& [name, pos] : c.r.texts(e->value, e->pos, quoted(key))
                               .value_or(std::vector<std::pair<std::string, SourcePos>>{})) {
    if (check_instance(c.r, c.procs, name, pos, false, true)) out.push_back(name);
  }
  return out;
}

Expect load_expect(LessonContext& c, const Entry& e) {
  Expect x;
  Fields f(c.r, e.value, e.pos, "'expect'");
  x.pos = f.pos();
  if (!f.is_map()) return x;
  f.allow({"blocked", "running", "finished", "value", "owner", "deadlock"});
  x.deadlock = f.boolean("deadlock");
  x.blocked = instances(c, f, "blocked");
  x.running = instances(c, f, "running");
  x.finished = instances(c, f, "finished");
  std::pair<std::string_view, const std::vector<std::string>*> states[] = {
      {"blocked", &x.blocked}, {"running", &x.running}, {"finished", &x.finished}};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) {
      for (const std::string& name : *states[i].second) {
        if (std::find(states[j].second->begin(), states[j].second->end(), name) !=
            states[j].second->end()) {
          c.r.error(f.get(states[j].first)->pos, quoted(name) + " cannot be both " +
                                                     std::string(states[i].first) + " and " +
                                                     std::string(states[j].first));
        }
      }
    }
  }
  if (const Entry* value = f.get("value")) {
    Fields values(c.r, value->value, value->pos, "'value'");
    for (const Entry& v : values.entries()) {
      object_ref(c.r, c.objects, v.key, v.key_pos, "value", kValued);
      std::optional<int64_t> n =
          c.r.integer(v.value, v.pos, "the value of " + quoted(v.key), -INT64_MAX, INT64_MAX);
      if (n) x.value.emplace_back(v.key, *n);
    }
  }
  if (const Entry* owner = f.get("owner")) {
    Fields owners(c.r, owner->value, owner->pos, "'owner'");
    if (owners.is_map() && owners.entries().empty()) {
      c.r.error(owner->pos, "'owner' needs a mutex and its owner, like {guard: producer}");
    }
    for (std::size_t i = 0; i < owners.entries().size(); ++i) {
      const Entry& o = owners.entries()[i];
      if (i > 0) {
        c.r.error(o.key_pos, "'owner' checks one mutex per lesson step");
        continue;
      }
      object_ref(c.r, c.objects, o.key, o.key_pos, "owner", kMutex);
      x.owner_of = o.key;
      if (o.value.IsNull() || (o.value.IsScalar() && o.value.Scalar().empty())) continue;
      std::optional<std::string> who = c.r.text(o.value, o.pos, "the owner of " + quoted(o.key));
      if (who && check_instance(c.r, c.procs, *who, o.pos, false, false)) x.owner = *who;
    }
  }
  return x;
}

Ask load_ask(Reader& r, const Entry& e) {
  Ask a;
  Fields f(r, e.value, e.pos, "'ask'");
  if (!f.is_map()) return a;
  f.allow({"en", "zh", "choices", "answer"});
  a.question.en = f.text("en", true).value_or("");
  a.question.zh = f.text("zh").value_or("");
  if (const Entry* choices = f.need("choices")) {
    for (const Item& item :
         r.list(choices->value, choices->pos, "'choices'").value_or(std::vector<Item>{})) {
      if (std::optional<LocalText> t = r.local_text(item.node, item.pos, "a choice")) {
        a.choices.push_back(*t);
      }
    }
    if (choices->value.IsSequence() &&
        (choices->value.size() < 2 || choices->value.size() > kMaxChoices)) {
      r.error(choices->pos, "'choices' must list 2 to " + std::to_string(kMaxChoices) +
                                " answers, not " + std::to_string(choices->value.size()));
    }
  }
  int64_t last = std::max<int64_t>(0, static_cast<int64_t>(a.choices.size()) - 1);
  if (const Entry* answer = f.need("answer")) {
    std::optional<int64_t> n = r.integer(answer->value, answer->pos, "'answer'", 0, INT64_MAX);
    if (n && *n > last) {
      r.error(answer->pos,
              "'answer' is the number of the right choice counted from 0, so it "
              "must be between 0 and " +
                  std::to_string(last) + ", not " + std::to_string(*n));
    } else if (n) {
      a.answer = static_cast<int>(*n);
    }
  }
  return a;
}

}  // namespace

std::vector<LessonStep> load_lesson(Reader& r, const Entry& lesson,
                                    const std::vector<ObjectSpec>& objects,
                                    const std::vector<ProcessSpec>& processes) {
  LessonContext c{r, objects, {}};
  for (const ProcessSpec& p : processes) c.procs.push_back({p.name, p.count});
  std::vector<LessonStep> out;
  std::optional<std::vector<Item>> items = r.list(lesson.value, lesson.pos, "'lesson'");
  if (!items) return out;
  if (items->empty()) r.error(lesson.pos, "'lesson' is empty: give at least one step");
  for (const Item& item : *items) {
    Fields f(r, item.node, item.pos, "this lesson step");
    if (!f.is_map()) continue;
    f.allow({"say", "switch", "step", "expect", "ask"});
    LessonStep s;
    s.pos = f.pos();
    s.say = f.local_text("say", true).value_or(LocalText{});
    if (const Entry* sw = f.get("switch")) s.switches = load_switch(c, *sw);
    if (const Entry* step = f.get("step")) s.step = load_step(c, *step);
    if (const Entry* expect = f.get("expect")) s.expect = load_expect(c, *expect);
    if (const Entry* ask = f.get("ask")) s.ask = load_ask(r, *ask);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Challenge> load_challenge(Reader& r, const Entry& challenge) {
  Fields f(r, challenge.value, challenge.pos, "'challenge'");
  if (!f.is_map()) return std::nullopt;
  f.allow({"goal", "say"});
  Challenge c;
  c.goal = f.text("goal", true).value_or("");
  if (const Entry* goal = f.get("goal"); goal && !c.goal.empty() && c.goal != "race" &&
                                         c.goal != "deadlock" && c.goal != "starvation" &&
                                         c.goal != "order") {
    r.error(goal->pos, "unknown goal " + quoted(c.goal) +
                           did_you_mean(c.goal, {"race", "deadlock", "starvation", "order"}) +
                           "; use race, deadlock, starvation or order");
  }
  c.say = f.local_text("say", true).value_or(LocalText{});
  return c;
}

}  // namespace ipclab::scenario_detail
