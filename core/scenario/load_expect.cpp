// `expect:` of a lesson step (and `when:` of a choice): what must hold of
// the real state.
#include <algorithm>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {

namespace {

// Read-write and file locks count the processes that hold them.
bool has_value(const ObjectSpec& o) {
  return o.kind == ObjectKind::semaphore || o.kind == ObjectKind::shared_memory ||
         o.kind == ObjectKind::rwlock || o.kind == ObjectKind::file_lock ||
         o.kind == ObjectKind::event || is_channel_mechanism(o.mechanism);
}
bool is_mutex(const ObjectSpec& o) {
  return o.kind == ObjectKind::mutex;
}
const Need kMutex{is_mutex, QT_TRANSLATE_NOOP("Diagnostics", "a mutex")};
bool is_shared_memory(const ObjectSpec& o) {
  return o.kind == ObjectKind::shared_memory;
}
const Need kSharedMemory{is_shared_memory, QT_TRANSLATE_NOOP("Diagnostics", "a shared_memory")};
bool is_channel(const ObjectSpec& o) {
  return is_channel_mechanism(o.mechanism);
}
const Need kChannel{is_channel, QT_TRANSLATE_NOOP("Diagnostics", "a channel")};

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

}  // namespace

const Need kValued{
    has_value, QT_TRANSLATE_NOOP(
                   "Diagnostics",
                   "a semaphore, a channel, a shared_memory, an rwlock, a file_lock or an event")};

std::vector<std::string_view> finding_names() {
  std::vector<std::string_view> out;
  for (int i = 0; i < kFindingKindCount; ++i) out.push_back(to_string(static_cast<FindingKind>(i)));
  return out;
}

std::optional<FindingKind> finding_ref(Reader& r, std::string_view word, SourcePos at,
                                       std::string_view what) {
  if (std::optional<FindingKind> k = finding_kind_from(word)) return k;
  const std::vector<std::string_view> names = finding_names();
  std::string list;  // all but the last
  for (size_t i = 0; i + 1 < names.size(); ++i)
    list += (i == 0 ? "" : ", ") + std::string(names[i]);
  const Phrase all = names.size() < 2 ? Phrase(std::string(names.empty() ? "" : names[0]))
                                      : say(QT_TRANSLATE_NOOP("Diagnostics", "%1 or %2"),
                                            {list, std::string(names.back())});
  const Phrase hint = suggest(word, names);
  if (what == "goal") {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown goal %1%2; use %3"),
                    {quoted(word), hint, all}));
  } else if (what == "finding") {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown finding %1%2; use %3"),
                    {quoted(word), hint, all}));
  } else {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown %1 %2%3; use %4"),
                    {std::string(what), quoted(word), hint, all}));
  }
  return std::nullopt;
}

Expect load_expect(LessonContext& c, const Entry& e, const Phrase& what) {
  Expect x;
  Fields f(c.r, e.value, e.pos, what);
  x.pos = f.pos();
  if (!f.is_map()) return x;
  f.allow({"blocked", "running", "finished", "value", "owner", "deadlock", "happened", "cells",
           "contents", "memory", "at_least"});
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
          c.r.error(f.get(states[j].first)->pos,
                    say(QT_TRANSLATE_NOOP("Diagnostics", "%1 cannot be both %2 and %3"),
                        {quoted(name), states[i].first, states[j].first}));
        }
      }
    }
  }
  if (const Entry* value = f.get("value")) {
    Fields values(c.r, value->value, value->pos, "'value'");
    for (const Entry& v : values.entries()) {
      if (const ObjectSpec* o = object_ref(c.r, c.objects, v.key, v.key_pos, "value", kValued))
        not_private(c.r, *o, v.key_pos, "value");
      std::optional<int64_t> n = c.r.integer(
          v.value, v.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "the value of %1"), {quoted(v.key)}),
          -INT64_MAX, INT64_MAX);
      if (n) x.value.emplace_back(v.key, *n);
    }
  }
  if (const Entry* owner = f.get("owner")) {
    Fields owners(c.r, owner->value, owner->pos, "'owner'");
    if (owners.is_map() && owners.entries().empty()) {
      c.r.error(owner->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "'owner' needs a mutex and its "
                                                  "owner, like {guard: producer}")));
    }
    // One mutex or several: {guard: producer, other: null}.
    for (const Entry& o : owners.entries()) {
      if (!object_ref(c.r, c.objects, o.key, o.key_pos, "owner", kMutex)) continue;
      if (o.value.IsNull() || (o.value.IsScalar() && o.value.Scalar().empty())) {
        x.owners.emplace_back(o.key, "");
        continue;
      }
      std::optional<std::string> who =
          c.r.text(o.value, o.pos,
                   say(QT_TRANSLATE_NOOP("Diagnostics", "the owner of %1"), {quoted(o.key)}));
      if (who && check_instance(c.r, c.procs, *who, o.pos, false, false))
        x.owners.emplace_back(o.key, *who);
    }
  }
  if (const Entry* h = f.get("happened")) load_happened(c, *h, x);
  if (const Entry* cells = f.get("cells")) {
    Fields maps(c.r, cells->value, cells->pos, "'cells'");
    for (const Entry& m : maps.entries()) {
      const ObjectSpec* o = object_ref(c.r, c.objects, m.key, m.key_pos, "cells", kSharedMemory);
      if (o && !not_private(c.r, *o, m.key_pos, "cells")) o = nullptr;
      std::vector<int64_t> values;
      for (const Item& item :
           c.r.list(m.value, m.pos,
                    say(QT_TRANSLATE_NOOP("Diagnostics", "the cells of %1"), {quoted(m.key)}))
               .value_or(std::vector<Item>{})) {
        if (auto n = c.r.integer(item.node, item.pos,
                                 say(QT_TRANSLATE_NOOP("Diagnostics", "a cell value")), -INT64_MAX,
                                 INT64_MAX))
          values.push_back(*n);
      }
      if (o && static_cast<int64_t>(values.size()) > o->cells)
        c.r.error(m.pos,
                  say(QT_TRANSLATE_NOOP("Diagnostics", "%1 has %2 cells, not %3"),
                      {quoted(m.key), std::to_string(o->cells), std::to_string(values.size())}));
      if (o) x.cells.emplace_back(m.key, std::move(values));
    }
  }
  if (const Entry* contents = f.get("contents")) {
    Fields maps(c.r, contents->value, contents->pos, "'contents'");
    for (const Entry& m : maps.entries()) {
      const ObjectSpec* o = object_ref(c.r, c.objects, m.key, m.key_pos, "contents", kChannel);
      std::vector<std::string> texts;
      if (!m.value.IsSequence() || m.value.size() > 0) {
        for (auto& [t, pos] :
             c.r.texts(m.value, m.pos,
                       say(QT_TRANSLATE_NOOP("Diagnostics", "the messages in %1"), {quoted(m.key)}))
                 .value_or(std::vector<std::pair<std::string, SourcePos>>{}))
          texts.push_back(t);
      }
      if (o) x.contents.emplace_back(m.key, std::move(texts));
    }
  }
  load_memory_expect(c, f, x);
  return x;
}

}  // namespace ipclab::scenario_detail
