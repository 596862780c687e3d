// `expect: {memory: {PROC: {OBJ: V}}}`: a private shared_memory as one
// process has it; `expect: {at_least: {OBJ: N}}`: a value with a floor (a
// measured number that differs from run to run).
#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {
namespace {

bool is_private_memory(const ObjectSpec& o) {
  return o.kind == ObjectKind::shared_memory && o.is_private;
}
const Need kPrivateMemory{is_private_memory,
                          QT_TRANSLATE_NOOP("Diagnostics", "a shared_memory with 'private: true'")};
// What `value:` takes, but one value for everyone: not a private object.
bool has_one_value(const ObjectSpec& o) {
  return kValued.accepts(o) && !o.is_private;
}
const Need kOneValue{
    has_one_value,
    QT_TRANSLATE_NOOP("Diagnostics",
                      "a semaphore, a channel, a shared_memory that is not private, an rwlock, a "
                      "file_lock or an event")};

// One process's objects: {x: 42} or {x: [42, 0]} (its cells from 0).
void load_copies(LessonContext& c, const Entry& proc, Expect& x) {
  Fields objects(c.r, proc.value, proc.pos,
                 say(QT_TRANSLATE_NOOP("Diagnostics", "the memory of %1"), {quoted(proc.key)}));
  if (!objects.is_map()) return;
  if (objects.entries().empty())
    c.r.error(proc.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                              "the memory of %1 is empty: name a private object "
                                              "and its value, like {x: 42}"),
                            {quoted(proc.key)}));
  for (const Entry& m : objects.entries()) {
    const ObjectSpec* o = object_ref(c.r, c.objects, m.key, m.key_pos, "memory", kPrivateMemory);
    std::vector<int64_t> values;
    const Phrase what =
        say(QT_TRANSLATE_NOOP("Diagnostics", "%1 in %2"), {quoted(m.key), quoted(proc.key)});
    if (m.value.IsSequence()) {
      for (const Item& item : c.r.list(m.value, m.pos, what).value_or(std::vector<Item>{}))
        if (auto n = c.r.integer(item.node, item.pos,
                                 say(QT_TRANSLATE_NOOP("Diagnostics", "a cell value")), -INT64_MAX,
                                 INT64_MAX))
          values.push_back(*n);
      if (values.empty() && m.value.size() == 0)
        c.r.error(m.pos,
                  say(QT_TRANSLATE_NOOP("Diagnostics", "%1 lists no cells: give at least cell 0"),
                      {what}));
    } else if (auto n = c.r.integer(
                   m.value, m.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "the value of %1"), {what}),
                   -INT64_MAX, INT64_MAX)) {
      values.push_back(*n);
    }
    if (o && static_cast<int64_t>(values.size()) > o->cells)
      c.r.error(m.pos,
                say(o->cells == 1 ? QT_TRANSLATE_NOOP("Diagnostics", "%1 has %2 cell, not %3")
                                  : QT_TRANSLATE_NOOP("Diagnostics", "%1 has %2 cells, not %3"),
                    {quoted(m.key), std::to_string(o->cells), std::to_string(values.size())}));
    if (o && !values.empty()) x.memory.push_back({proc.key, m.key, std::move(values)});
  }
}

}  // namespace

bool not_private(Reader& r, const ObjectSpec& o, SourcePos at, std::string_view key) {
  if (!o.is_private) return true;
  r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 is private: each process has its own copy, so it has no "
                                    "one value for %2; check a process's copy with 'memory: "
                                    "{PROCESS: {%3: VALUE}}'"),
                  {quoted(o.name), quoted(key), o.name}));
  return false;
}

void load_memory_expect(LessonContext& c, Fields& f, Expect& x) {
  if (const Entry* memory = f.get("memory")) {
    Fields procs(c.r, memory->value, memory->pos, "'memory'");
    if (procs.is_map() && procs.entries().empty())
      c.r.error(memory->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                   "'memory' is empty: name a process and its "
                                                   "copy, like {writer: {x: 42}}")));
    for (const Entry& p : procs.entries())
      if (check_instance(c.r, c.procs, p.key, p.key_pos, false, true)) load_copies(c, p, x);
  }
  if (const Entry* at_least = f.get("at_least")) {
    Fields values(c.r, at_least->value, at_least->pos, "'at_least'");
    if (values.is_map() && values.entries().empty())
      c.r.error(at_least->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "'at_least' is empty: name an "
                                                     "object and its least value")));
    for (const Entry& v : values.entries()) {
      const ObjectSpec* o = object_ref(c.r, c.objects, v.key, v.key_pos, "at_least", kOneValue);
      std::optional<int64_t> n = c.r.integer(
          v.value, v.pos,
          say(QT_TRANSLATE_NOOP("Diagnostics", "the least value of %1"), {quoted(v.key)}),
          -INT64_MAX, INT64_MAX);
      if (o && n) x.at_least.emplace_back(v.key, *n);
    }
  }
}

}  // namespace ipclab::scenario_detail
