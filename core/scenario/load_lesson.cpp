// The `lesson:` steps (say, switch, step, kill, run, expect, ask) and the `challenge:`.
#include <semaphore.h>

#include <algorithm>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {
namespace {

constexpr std::size_t kMaxChoices = 8;

bool switchable_channel(const ObjectSpec& o) {
  return is_switchable(o);
}
const Need kSwitchable{switchable_channel,
                       QT_TRANSLATE_NOOP("Diagnostics", "a channel that lists alternatives")};

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
  if (f.entries().empty())
    c.r.error(e.pos,
              say(QT_TRANSLATE_NOOP("Diagnostics", "'step' is empty: name a process and a count")));
  for (const Entry& s : f.entries()) {
    bool known = check_instance(c.r, c.procs, s.key, s.key_pos, true, true);
    std::optional<int64_t> n =
        c.r.integer(s.value, s.pos,
                    say(QT_TRANSLATE_NOOP("Diagnostics", "the step count of %1"), {quoted(s.key)}),
                    1, kMaxActions);
    if (known && n) out.emplace_back(s.key, static_cast<int>(*n));
  }
  return out;
}

// run: writer | all | [writer, reader] - run until blocked or finished.
// kill: crasher | [a, b] - SIGKILL (no `all`: a lesson kills on purpose).
std::vector<std::string> load_processes_to(LessonContext& c, const Entry& e, bool allow_all) {
  std::vector<std::string> out;
  const std::string what = "'" + e.key + "'";
  const auto names = c.r.texts(e.value, e.pos, what);
  if (!names) return out;
  if (names->empty())
    c.r.error(e.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 is empty: name a process"), {what}));
  for (const auto& [name, pos] : *names) {
    if (!check_instance(c.r, c.procs, name, pos, allow_all, true)) continue;
    if (name == "all" && names->size() > 1) {
      c.r.error(pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                           "'all' already runs every process: write 'run: all' "
                                           "alone")));
      continue;
    }
    out.push_back(name);
  }
  return out;
}

// switch: {buffer: posix_mq} - the channel moves to that mechanism live.
std::vector<std::pair<std::string, ObjectKind>> load_switch(LessonContext& c, const Entry& e) {
  std::vector<std::pair<std::string, ObjectKind>> out;
  Fields f(c.r, e.value, e.pos, "'switch'");
  if (!f.is_map()) return out;
  if (f.entries().empty())
    c.r.error(e.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                           "'switch' is empty: name a channel and a "
                                           "mechanism ({buffer: posix_mq})")));
  for (const Entry& s : f.entries()) {
    const ObjectSpec* o = object_ref(c.r, c.objects, s.key, s.key_pos, "switch", kSwitchable);
    std::optional<std::string> word =
        c.r.text(s.value, s.pos,
                 say(QT_TRANSLATE_NOOP("Diagnostics", "the mechanism of %1"), {quoted(s.key)}));
    if (!o || !word) continue;
    const std::optional<ObjectKind> k = object_kind_from(*word);
    if (!k || std::find(o->runs_on.begin(), o->runs_on.end(), *k) == o->runs_on.end()) {
      std::vector<std::string_view> names;
      for (ObjectKind m : o->runs_on) names.push_back(to_string(m));
      std::string list;
      for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
      c.r.error(s.pos,
                say(QT_TRANSLATE_NOOP("Diagnostics", "%1 cannot run on %2%3; it can run on %4"),
                    {quoted(s.key), quoted(*word), suggest(*word, names), list}));
      continue;
    }
    out.emplace_back(s.key, *k);
  }
  return out;
}

// A choice: a text, or {en, zh, when: {...}} with what must hold of the
// real state for it to be the right one.
void load_choice(LessonContext& c, Ask& a, const Item& item) {
  const Entry* when = nullptr;
  std::optional<Fields> f;
  if (item.node.IsMap()) {
    f.emplace(c.r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "a choice")));
    f->allow({"en", "zh", "when"});
    when = f->get("when");
  }
  std::optional<LocalText> t;
  if (f) {
    std::optional<std::string> en = f->text("en", true);
    if (en) t = LocalText{*en, f->text("zh").value_or("")};
  } else {
    t = c.r.local_text(item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "a choice")));
  }
  if (!t) return;
  a.choices.push_back(*t);
  a.when.push_back(when ? std::optional<Expect>(load_expect(c, *when, "'when'")) : std::nullopt);
}

Ask load_ask(LessonContext& c, const Entry& e) {
  Reader& r = c.r;
  Ask a;
  Fields f(r, e.value, e.pos, "'ask'");
  a.pos = f.pos();
  if (!f.is_map()) return a;
  f.allow({"en", "zh", "choices", "value", "answer", "now", "hide", "explain"});
  a.question.en = f.text("en", true).value_or("");
  a.question.zh = f.text("zh").value_or("");
  a.now = f.boolean("now").value_or(false);
  a.explain = f.local_text("explain").value_or(LocalText{});
  const Entry* choices = f.get("choices");
  const Entry* value = f.get("value");
  if (choices && value)
    r.error(value->pos, say(QT_TRANSLATE_NOOP(
                            "Diagnostics", "'ask' has 'choices' or a 'value' to type, not both")));
  else if (!choices && !value)
    r.error(f.pos(), say(QT_TRANSLATE_NOOP("Diagnostics",
                                           "'ask' needs 'choices' (a multiple-choice question) "
                                           "or 'value' (an object whose value the student "
                                           "types)")));
  if (choices) {
    for (const Item& item :
         r.list(choices->value, choices->pos, "'choices'").value_or(std::vector<Item>{}))
      load_choice(c, a, item);
    if (choices->value.IsSequence() &&
        (choices->value.size() < 2 || choices->value.size() > kMaxChoices)) {
      r.error(choices->pos,
              say(QT_TRANSLATE_NOOP("Diagnostics", "'choices' must list 2 to %1 answers, not %2"),
                  {std::to_string(kMaxChoices), std::to_string(choices->value.size())}));
    }
  }
  if (value) {
    if (std::optional<std::string> name = r.text(value->value, value->pos, "'value'")) {
      const ObjectSpec* o = object_ref(r, c.objects, *name, value->pos, "value", kValued);
      if (o && not_private(r, *o, value->pos, "value")) a.value_of = *name;
    }
  }
  if (const Entry* hide = f.get("hide")) {
    for (auto& [name, pos] : r.texts(hide->value, hide->pos, "'hide'")
                                 .value_or(std::vector<std::pair<std::string, SourcePos>>{})) {
      if (object_ref(r, c.objects, name, pos, "hide", kValued)) a.hide.push_back(name);
    }
  }
  if (const Entry* answer = f.need("answer")) {
    if (value) {
      if (auto n = r.integer(answer->value, answer->pos, "'answer'", -INT64_MAX, INT64_MAX))
        a.answer = *n;
    } else {
      const int64_t last = std::max<int64_t>(0, static_cast<int64_t>(a.choices.size()) - 1);
      std::optional<int64_t> n = r.integer(answer->value, answer->pos, "'answer'", 0, INT64_MAX);
      if (n && *n > last) {
        r.error(answer->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                   "'answer' is the number of the right choice "
                                                   "counted from 0, so it must be between 0 and "
                                                   "%1, not %2"),
                                 {std::to_string(last), std::to_string(*n)}));
      } else if (n) {
        a.answer = *n;
      }
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
  if (items->empty())
    r.error(lesson.pos,
            say(QT_TRANSLATE_NOOP("Diagnostics", "'lesson' is empty: give at least one step")));
  for (const Item& item : *items) {
    Fields f(r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "this lesson step")));
    if (!f.is_map()) continue;
    f.allow({"say", "switch", "step", "kill", "run", "expect", "ask"});
    LessonStep s;
    s.pos = f.pos();
    s.say = f.local_text("say", true).value_or(LocalText{});
    if (const Entry* sw = f.get("switch")) s.switches = load_switch(c, *sw);
    if (const Entry* step = f.get("step")) s.step = load_step(c, *step);
    if (const Entry* kill = f.get("kill")) s.kill = load_processes_to(c, *kill, false);
    if (const Entry* run = f.get("run")) s.run = load_processes_to(c, *run, true);
    if (const Entry* expect = f.get("expect")) s.expect = load_expect(c, *expect);
    if (const Entry* ask = f.get("ask")) s.ask = load_ask(c, *ask);
    out.push_back(std::move(s));
  }
  // No step follows the last one: its question is about the state as it is.
  if (!out.empty() && out.back().ask) out.back().ask->now = true;
  return out;
}

std::optional<Challenge> load_challenge(LessonContext& lc, const Entry& challenge) {
  Reader& r = lc.r;
  Fields f(r, challenge.value, challenge.pos, "'challenge'");
  if (!f.is_map()) return std::nullopt;
  f.allow({"goal", "object", "times", "max_steps", "say", "hints", "explain", "solution"});
  Challenge c;
  c.pos = f.pos();
  if (const Entry* goal = f.need("goal")) {
    if (std::optional<std::string> word = r.text(goal->value, goal->pos, "'goal'"))
      if (std::optional<FindingKind> k = finding_ref(r, *word, goal->pos, "goal")) c.goal = *k;
  }
  if (const Entry* object = f.get("object")) {
    if (std::optional<std::string> name = r.text(object->value, object->pos, "'object'")) {
      const auto any = [](const ObjectSpec&) { return true; };
      if (object_ref(r, lc.objects, *name, object->pos, "object",
                     Need{any, QT_TRANSLATE_NOOP("Diagnostics", "an object")}))
        c.object = *name;
    }
  }
  c.times = static_cast<int>(f.integer("times", 1, 1000).value_or(3));
  c.max_steps = static_cast<int>(f.integer("max_steps", 1, 100000).value_or(0));
  c.say = f.local_text("say", true).value_or(LocalText{});
  c.explain = f.local_text("explain").value_or(LocalText{});
  if (const Entry* hints = f.get("hints")) {
    for (const Item& item :
         r.list(hints->value, hints->pos, "'hints'").value_or(std::vector<Item>{}))
      if (std::optional<LocalText> t =
              r.local_text(item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "a hint"))))
        c.hints.push_back(*t);
    if (hints->value.IsSequence() && (hints->value.size() < 1 || hints->value.size() > 3))
      r.error(
          hints->pos,
          say(QT_TRANSLATE_NOOP("Diagnostics", "'hints' lists 1 to 3 hints, vaguest first, not %1"),
              {std::to_string(hints->value.size())}));
  }
  if (const Entry* solution = f.get("solution")) {
    for (auto& [name, pos] : r.texts(solution->value, solution->pos, "'solution'")
                                 .value_or(std::vector<std::pair<std::string, SourcePos>>{})) {
      // One step of one process: a copy by its own name when count > 1.
      if (check_instance(r, lc.procs, name, pos, false, false)) c.solution.push_back(name);
    }
  }
  return c;
}

}  // namespace ipclab::scenario_detail
