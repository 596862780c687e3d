// The steps of a process script: one `action: ...` pair per step, with the
// short forms of DESIGN.md, each object checked for the right kind.
#include <algorithm>
#include <climits>

#include "scenario/step_loader.hpp"
#include "scenario/text_template.hpp"

namespace ipclab::scenario_detail {
namespace {

bool involves(const ObjectSpec& o, ObjectKind k) {
  return o.mechanism == k ||
         std::find(o.alternatives.begin(), o.alternatives.end(), k) != o.alternatives.end();
}

template <ObjectKind K>
bool is(const ObjectSpec& o) {
  return o.kind == K;
}
bool is_channel(const ObjectSpec& o) {
  return is_channel_mechanism(o.mechanism);
}
bool is_lock(const ObjectSpec& o) {
  return is<ObjectKind::mutex>(o) || is<ObjectKind::rwlock>(o);
}
bool is_guard(const ObjectSpec& o) {
  return is_lock(o) || is<ObjectKind::semaphore>(o) || is<ObjectKind::file_lock>(o) ||
         is<ObjectKind::shared_memory>(o);
}
bool is_stream(const ObjectSpec& o) {
  return o.mechanism == ObjectKind::pipe || o.mechanism == ObjectKind::fifo ||
         o.mechanism == ObjectKind::unix_stream;
}

}  // namespace

const Need kChannel{is_channel,
                    QT_TRANSLATE_NOOP("Diagnostics", "a channel (pipe, fifo, posix_mq, ...)")};
const Need kSemaphore{is<ObjectKind::semaphore>, QT_TRANSLATE_NOOP("Diagnostics", "a semaphore")};
const Need kMutex{is<ObjectKind::mutex>, QT_TRANSLATE_NOOP("Diagnostics", "a mutex")};
const Need kLock{is_lock, QT_TRANSLATE_NOOP("Diagnostics", "a mutex or an rwlock")};
const Need kGuard{
    is_guard,
    QT_TRANSLATE_NOOP("Diagnostics",
                      "a mutex, a semaphore, an rwlock, a file_lock or a shared_memory (a flag)")};
const Need kRwlock{is<ObjectKind::rwlock>, QT_TRANSLATE_NOOP("Diagnostics", "an rwlock")};
const Need kCondvar{is<ObjectKind::condvar>, QT_TRANSLATE_NOOP("Diagnostics", "a condvar")};
const Need kSharedMemory{is<ObjectKind::shared_memory>,
                         QT_TRANSLATE_NOOP("Diagnostics", "a shared_memory")};
const Need kFileLock{is<ObjectKind::file_lock>, QT_TRANSLATE_NOOP("Diagnostics", "a file_lock")};
const Need kEvent{is<ObjectKind::event>, QT_TRANSLATE_NOOP("Diagnostics", "an event")};
const Need kBarrier{is<ObjectKind::barrier>, QT_TRANSLATE_NOOP("Diagnostics", "a barrier")};
const Need kRpc{is<ObjectKind::rpc>, QT_TRANSLATE_NOOP("Diagnostics", "an rpc")};
const Need kStream{is_stream, QT_TRANSLATE_NOOP("Diagnostics", "a pipe, a fifo or a unix_stream")};

std::string show(const YAML::Node& node) {
  return node.IsScalar() ? quoted(node.Scalar()) : std::string(shape_of(node));
}

namespace {

std::vector<std::string_view> action_names() {
  std::vector<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(ActionKind::exit); ++k) {
    names.push_back(to_string(static_cast<ActionKind>(k)));
  }
  return names;
}

}  // namespace

const ObjectSpec* StepLoader::object_form(std::string_view role,
                                          std::vector<std::string_view> extras, const Need& need) {
  if (e_.value.IsScalar()) {
    a_.object = e_.value.Scalar();
    return object_of_each_copy(a_.object, e_.pos, need);
  }
  if (!e_.value.IsMap()) {
    r_.error(e_.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                           "%1 takes the name of %2, like '%3: "
                                           "NAME', not %4"),
                         {quoted(e_.key), need_words(need), e_.key, shown(e_.value)}));
    return nullptr;
  }
  extras.push_back(role);
  map_form(extras, "");
  return ref(role, need, a_.object);
}

bool StepLoader::map_form(std::vector<std::string_view> keys, std::string_view example) {
  if (!e_.value.IsMap()) {
    r_.error(e_.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs a map like '%2: %3', not %4"),
                         {quoted(e_.key), e_.key, std::string(example), shown(e_.value)}));
    return false;
  }
  fields_.emplace(r_, e_.value, e_.pos, quoted(e_.key));
  fields_->allow(keys);
  return true;
}

const ObjectSpec* StepLoader::ref(std::string_view key, const Need& need, std::string& out) {
  std::optional<std::string> name = fields_->text(key, true);
  if (!name) return nullptr;
  out = *name;
  return object_of_each_copy(out, fields_->get(key)->pos, need);
}

// An object name may depend on the copy: `lock: "fork{k}"`, `lock:
// "fork{k%5+1}"`. Each copy's name must be an object of the right kind.
const ObjectSpec* StepLoader::object_of_each_copy(const std::string& name, SourcePos at,
                                                  const Need& need) {
  const std::vector<Placeholder> holes = find_placeholders(name);
  if (holes.empty()) return object_ref(r_, s_.objects, name, at, e_.key, need);
  for (const Placeholder& p : holes) {
    if (p.name != "k") {
      r_.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                         "an object name may only depend on the copy, with {k} "
                                         "(as in %2), not on %1"),
                       {quoted("{" + std::string(p.name) + "}"), "\"fork{k%5+1}\""}));
      return nullptr;
    }
  }
  const ObjectSpec* first = nullptr;
  for (int k = 1; k <= s_.count; ++k) {
    const std::string each = expand_text(name, 0, s_.proc_name, k);
    const ObjectSpec* o = nullptr;
    for (const ObjectSpec& spec : s_.objects)
      if (spec.name == each) o = &spec;
    if (!o) {
      r_.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1 is %2 for copy %3 of %4, and there is no object %2"),
                       {quoted(name), quoted(each), std::to_string(k), quoted(s_.proc_name)}));
      return nullptr;
    }
    if (!object_ref(r_, s_.objects, each, at, e_.key, need)) return nullptr;
    if (!first) first = o;
  }
  return first;
}

void StepLoader::cell(const ObjectSpec* shm) {
  std::optional<int64_t> c = fields_->integer("cell", 0, kMaxCells - 1);
  if (!c) return;
  a_.cell = static_cast<int>(*c);
  if (shm && *c >= shm->cells) {
    r_.error(fields_->get("cell")->pos,
             shm->cells == 1
                 ? say(QT_TRANSLATE_NOOP("Diagnostics",
                                         "cell %1 does not exist: %2 has 1 cell (cell 0)"),
                       {std::to_string(*c), quoted(shm->name)})
                 : say(QT_TRANSLATE_NOOP("Diagnostics",
                                         "cell %1 does not exist: %2 has %3 cells (0 to %4)"),
                       {std::to_string(*c), quoted(shm->name), std::to_string(shm->cells),
                        std::to_string(shm->cells - 1)}));
  }
}

void StepLoader::only_for(const ObjectSpec* o, std::string_view key, ObjectKind kind) {
  const Entry* e = fields_->get(key);
  if (!e || !o || involves(*o, kind)) return;
  r_.error(e->key_pos,
           say(QT_TRANSLATE_NOOP("Diagnostics", "%1 only applies to a %2, but %3 is %4"),
               {quoted(key), std::string(to_string(kind)), quoted(o->name), kind_phrase(*o)}));
}

void StepLoader::body(std::string_view action) {
  const Entry* steps = fields_->need("steps");
  if (!steps) return;
  a_.body = load_steps(s_, *steps, depth_ + (action == "repeat" ? 1 : 0));
}

void StepLoader::load(ActionKind kind) {
  switch (kind) {
    case ActionKind::send: {
      if (!map_form({"to", "data", "priority", "type"}, "{to: buffer, data: \"hello\"}")) break;
      const ObjectSpec* o = ref("to", kChannel, a_.object);
      if (std::optional<std::string> data = fields_->text("data", true)) {
        a_.text = *data;
        process_text(a_.text, fields_->get("data")->pos);
      }
      only_for(o, "priority", ObjectKind::posix_mq);
      only_for(o, "type", ObjectKind::sysv_mq);
      a_.priority = fields_->integer("priority", 0, kMaxPriority).value_or(0);
      a_.type = fields_->integer("type", 1, INT_MAX).value_or(0);
      break;
    }
    case ActionKind::recv: {
      const ObjectSpec* o = object_form("from", {"max", "type"}, kChannel);
      if (!fields_) break;
      only_for(o, "type", ObjectKind::sysv_mq);
      a_.max = fields_->integer("max", 1, 65536).value_or(0);
      a_.type = fields_->integer("type", -INT_MAX, INT_MAX).value_or(0);
      break;
    }
    case ActionKind::wait:
      object_form("sem", {"timeout_ms"}, kSemaphore);
      if (fields_) a_.timeout_ms = fields_->integer("timeout_ms", 0, kMaxMillis).value_or(-1);
      break;
    case ActionKind::post:
    case ActionKind::trywait:
      object_form("sem", {}, kSemaphore);
      break;
    case ActionKind::lock:
    case ActionKind::unlock:
    case ActionKind::trylock:
      object_form("mutex", {}, kLock);
      break;
    case ActionKind::consistent:
      object_form("mutex", {}, kMutex);
      break;
    case ActionKind::rdlock:
    case ActionKind::wrlock:
      object_form("rwlock", {}, kRwlock);
      break;
    case ActionKind::cond_wait:
      if (!map_form({"cond", "mutex"}, "{cond: ready, mutex: guard}")) break;
      ref("cond", kCondvar, a_.object);
      ref("mutex", kMutex, a_.mutex);
      break;
    case ActionKind::cond_signal:
    case ActionKind::cond_broadcast:
      object_form("cond", {}, kCondvar);
      break;
    case ActionKind::read:
      if (!map_form({"from", "cell"}, "{from: counter, cell: 0}")) break;
      cell(ref("from", kSharedMemory, a_.object));
      break;
    case ActionKind::write:
      if (!map_form({"to", "cell", "value"}, "{to: counter, cell: 0, value: 1}")) break;
      cell(ref("to", kSharedMemory, a_.object));
      a_.value = fields_->integer("value", -INT64_MAX, INT64_MAX, true).value_or(0);
      break;
    case ActionKind::add:
      if (!map_form({"to", "cell", "value", "expand"}, "{to: counter, cell: 0, value: 1}")) break;
      cell(ref("to", kSharedMemory, a_.object));
      a_.value = fields_->integer("value", -INT64_MAX, INT64_MAX).value_or(1);
      a_.expand = fields_->boolean("expand").value_or(false);
      break;
    case ActionKind::set:
    case ActionKind::reset:
    case ActionKind::wait_event:
      object_form("event", {}, kEvent);
      break;
    case ActionKind::barrier:
      object_form("barrier", {}, kBarrier);
      break;
    case ActionKind::funlock:
      object_form("file", {}, kFileLock);
      break;
    case ActionKind::serve:
      object_form("rpc", {"times"}, kRpc);
      a_.times = fields_ ? fields_->integer("times", 1, kMaxTimes).value_or(1) : 1;
      break;
    case ActionKind::repeat:
      if (!map_form({"times", "steps"}, "{times: 3, steps: [...]}")) break;
      a_.times = fields_->integer("times", 1, kMaxTimes, true).value_or(1);
      body("repeat");
      break;
    case ActionKind::critical: {
      if (!map_form({"guard", "steps", "cell"}, "{guard: lock, steps: [...]}")) break;
      // A shared_memory guard is a flag in one of its cells (0 unless
      // `cell` says), tested and set by hand: the lock students write first.
      const ObjectSpec* guard = ref("guard", kGuard, a_.object);
      a_.flag_guard = guard && guard->kind == ObjectKind::shared_memory;
      only_for(guard, "cell", ObjectKind::shared_memory);
      if (a_.flag_guard) cell(guard);
      body("critical");
      break;
    }
    case ActionKind::signal:
    case ActionKind::sigwait:
    case ActionKind::on_signal:
      load_signal_actions(kind);
      break;
    case ActionKind::measure:
      load_measure();
      break;
    default:
      load_other(kind);
  }
}

std::vector<Action> load_steps(Script& s, const Entry& steps, int repeat_depth) {
  std::vector<Action> out;
  std::optional<std::vector<Item>> items = s.r.list(steps.value, steps.pos, "'steps'");
  if (!items) return out;
  if (items->empty())
    s.r.error(steps.pos,
              say(QT_TRANSLATE_NOOP("Diagnostics", "'steps' is empty: give at least one action")));
  for (const Item& item : *items) {
    if (!item.node.IsMap()) {
      s.r.error(item.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                "a step must be one 'action: ...' pair, like "
                                                "'post: full', not %1"),
                              {shown(item.node)}));
      continue;
    }
    Fields f(s.r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "this step")));
    const std::vector<Entry>& entries = f.entries();
    if (entries.empty())
      s.r.error(item.pos,
                say(QT_TRANSLATE_NOOP("Diagnostics", "this step is empty: give one action")));
    if (entries.size() > 1) {
      Phrase hint = say(QT_TRANSLATE_NOOP("Diagnostics", "start each action with its own '-'"));
      if (entries[0].value.IsNull()) {
        hint =
            say(QT_TRANSLATE_NOOP("Diagnostics", "if %1 belongs to %2, indent it further than %2"),
                {quoted(entries[1].key), quoted(entries[0].key)});
      }
      s.r.error(item.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                "a step holds exactly one action, but this one "
                                                "has %1 (%2, %3%4): %5"),
                              {std::to_string(entries.size()), quoted(entries[0].key),
                               quoted(entries[1].key), entries.size() > 2 ? ", ..." : "", hint}));
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      std::optional<ActionKind> kind = action_kind_from(e.key);
      if (!kind) {
        s.r.error(e.key_pos, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown action %1%2"),
                                 {quoted(e.key), suggest(e.key, action_names())}));
        continue;
      }
      Action a;
      a.kind = *kind;
      a.pos = e.key_pos;
      StepLoader(s, e, a, repeat_depth).load(*kind);
      if (i == 0) out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace ipclab::scenario_detail
