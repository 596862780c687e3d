// The `objects:` list: IPC objects and their kind-specific settings.
#include <semaphore.h>

#include <algorithm>
#include <climits>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {
namespace {

// The largest value of a System V semaphore (SEMVMX in the kernel).
constexpr int64_t kSysvSemMax = 32767;

std::vector<std::string_view> all_kind_names() {
  std::vector<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(ObjectKind::rpc); ++k) {
    names.push_back(to_string(static_cast<ObjectKind>(k)));
  }
  return names;
}

bool carries_messages(ObjectKind k) {
  return is_channel_mechanism(k) || k == ObjectKind::channel;
}

// The keys an object of `kind` may have besides name and kind.
std::vector<std::string_view> keys_for(ObjectKind kind) {
  std::vector<std::string_view> keys{"name", "kind"};
  if (carries_messages(kind)) {
    keys.insert(keys.end(),
                {"mechanism", "alternatives", "capacity", "message_size", "semaphores"});
  }
  switch (kind) {
    case ObjectKind::semaphore:
      keys.insert(keys.end(), {"flavor", "initial", "undo"});
      break;
    case ObjectKind::mutex:
      keys.push_back("robust");
      break;
    case ObjectKind::shared_memory:
      keys.insert(keys.end(), {"cells", "private"});
      break;
    case ObjectKind::event:
      keys.insert(keys.end(), {"initial", "reset"});
      break;
    case ObjectKind::barrier:
      keys.push_back("parties");
      break;
    case ObjectKind::rwlock:
      keys.push_back("prefer");
      break;
    default:
      break;
  }
  return keys;
}

// A channel mechanism named by the text in `node`, or an error.
std::optional<ObjectKind> mechanism(Reader& r, const YAML::Node& node, SourcePos at,
                                    const Phrase& what) {
  std::optional<std::string> word = r.text(node, at, what);
  if (!word) return std::nullopt;
  std::optional<ObjectKind> k = object_kind_from(*word);
  if (k && is_channel_mechanism(*k)) return k;
  std::vector<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(ObjectKind::shm_ring); ++i) {
    names.push_back(to_string(static_cast<ObjectKind>(i)));
  }
  r.error(pos_of(node, at), say(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1 is not a channel mechanism%2; use pipe, "
                                                  "fifo, posix_mq, sysv_mq, unix_stream, "
                                                  "unix_dgram, tcp, udp or shm_ring"),
                                {quoted(*word), suggest(*word, names)}));
  return std::nullopt;
}

// `semaphores: false`: a shm_ring without its `empty` and `full`
// semaphores, to show what goes wrong. Such a ring is one of a kind: no
// other mechanism has the option, so the object cannot switch.
void load_ring_semaphores(Reader& r, Fields& f, ObjectSpec& o) {
  const Entry* e = f.get("semaphores");
  if (!e) return;
  if (o.mechanism != ObjectKind::shm_ring) {
    r.error(e->key_pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                              "'semaphores' only applies to a shm_ring (its "
                                              "empty and full semaphores), but %1 is %2"),
                            {quoted(o.name), kind_phrase(o)}));
    return;
  }
  if (!o.alternatives.empty()) {
    r.error(e->key_pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                              "'semaphores' cannot go with 'alternatives': %1 "
                                              "would run without its semaphores on shm_ring "
                                              "only, so it cannot switch; remove one of them"),
                            {quoted(o.name)}));
    return;
  }
  o.semaphores = f.boolean("semaphores").value_or(true);
}

void load_channel(Reader& r, Fields& f, ObjectSpec& o) {
  const Entry* mech = f.get("mechanism");
  if (o.kind == ObjectKind::channel) {
    if (!f.need("mechanism")) return;
    if (std::optional<ObjectKind> m = mechanism(r, mech->value, mech->pos, "'mechanism'")) {
      o.mechanism = *m;
    }
  } else if (mech) {
    r.error(mech->key_pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "'mechanism' is only for 'kind: channel'; %1 is "
                                                 "already its own mechanism"),
                               {kind_phrase(o)}));
  }
  if (const Entry* alt = f.get("alternatives")) {
    if (auto items = r.list(alt->value, alt->pos, "'alternatives'")) {
      for (const Item& item : *items) {
        std::optional<ObjectKind> m = mechanism(
            r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "an alternative")));
        if (!m) continue;
        if (std::find(o.alternatives.begin(), o.alternatives.end(), *m) != o.alternatives.end()) {
          r.error(item.pos,
                  say(QT_TRANSLATE_NOOP("Diagnostics", "%1 is listed twice in 'alternatives'"),
                      {quoted(to_string(*m))}));
        } else {
          o.alternatives.push_back(*m);
        }
      }
    }
  }
  load_ring_semaphores(r, f, o);
  o.runs_on = {o.mechanism};
  for (ObjectKind k : o.alternatives)
    if (k != o.mechanism) o.runs_on.push_back(k);
  // capacity (messages) and message_size: a POSIX queue's, or a shm_ring's slots.
  auto may_run_on = [&o](ObjectKind k) {
    return o.mechanism == k ||
           std::find(o.alternatives.begin(), o.alternatives.end(), k) != o.alternatives.end();
  };
  bool may_be_mq = may_run_on(ObjectKind::posix_mq) || may_run_on(ObjectKind::shm_ring);
  const bool may_be_sysv =
      o.mechanism == ObjectKind::sysv_mq || std::find(o.alternatives.begin(), o.alternatives.end(),
                                                      ObjectKind::sysv_mq) != o.alternatives.end();
  for (std::string_view key : {"capacity", "message_size"}) {
    const Entry* e = f.get(key);
    if (!e) continue;
    if (key == "capacity" && may_be_sysv && !may_be_mq) {
      // A System V queue counts bytes (msg_qbytes), not messages.
      if (std::optional<int64_t> v = f.integer(key, 1, 1 << 20)) o.capacity = static_cast<int>(*v);
      continue;
    }
    if (!may_be_mq) {
      r.error(e->key_pos,
              say(key == "capacity" ? QT_TRANSLATE_NOOP("Diagnostics",
                                                        "%1 only applies to a posix_mq, a sysv_mq "
                                                        "or a shm_ring, but %2 is %3")
                                    : QT_TRANSLATE_NOOP("Diagnostics",
                                                        "%1 only applies to a posix_mq or a "
                                                        "shm_ring, but %2 is %3"),
                  {quoted(key), quoted(o.name), kind_phrase(o)}));
      continue;
    }
    std::optional<int64_t> v =
        key == "capacity" ? f.integer(key, 1, 65536) : f.integer(key, 1, 1 << 20);
    if (v) (key == "capacity" ? o.capacity : o.message_size) = static_cast<int>(*v);
  }
}

void load_settings(Reader& r, Fields& f, ObjectSpec& o) {
  switch (o.kind) {
    case ObjectKind::semaphore: {
      o.flavor = "posix_named";
      if (const Entry* e = f.get("flavor")) {
        std::optional<std::string> flavor = f.text("flavor");
        if (flavor && *flavor != "posix_named" && *flavor != "posix_unnamed" && *flavor != "sysv") {
          r.error(e->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                "unknown semaphore flavor %1%2; use posix_named, "
                                                "posix_unnamed or sysv"),
                              {quoted(*flavor),
                               suggest(*flavor, {"posix_named", "posix_unnamed", "sysv"})}));
        } else if (flavor) {
          o.flavor = *flavor;
        }
      }
      o.initial = f.integer("initial", 0, SEM_VALUE_MAX).value_or(0);
      if (o.flavor == "sysv" && o.initial > kSysvSemMax)
        r.error(f.get("initial")->pos,
                say(QT_TRANSLATE_NOOP("Diagnostics",
                                      "a sysv semaphore counts to at most %1 (SEMVMX), not %2"),
                    {std::to_string(kSysvSemMax), std::to_string(o.initial)}));
      if (const Entry* e = f.get("undo")) {
        // SEM_UNDO is a System V semop flag: POSIX semaphores have no undo.
        if (o.flavor == "sysv")
          o.undo = f.boolean("undo").value_or(false);
        else
          r.error(e->key_pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "'undo' (semop with SEM_UNDO) only applies to "
                                                    "a semaphore with 'flavor: sysv', but %1 is a "
                                                    "%2 semaphore"),
                                  {quoted(o.name), o.flavor}));
      }
      break;
    }
    case ObjectKind::mutex:
      o.robust = f.boolean("robust").value_or(false);
      break;
    case ObjectKind::shared_memory:
      o.cells = static_cast<int>(f.integer("cells", 1, kMaxCells).value_or(1));
      o.is_private = f.boolean("private").value_or(false);
      break;
    case ObjectKind::event:
      if (const Entry* e = f.get("initial")) {
        if (e->value.IsScalar() && (e->value.Scalar() == "true" || e->value.Scalar() == "false")) {
          o.initial = f.boolean("initial").value_or(false) ? 1 : 0;
        } else {
          o.initial = f.integer("initial", 0, 1).value_or(0);
        }
      }
      if (const Entry* e = f.get("reset")) {
        std::optional<std::string> reset = f.text("reset");
        if (reset && *reset != "manual" && *reset != "auto") {
          r.error(e->pos,
                  say(QT_TRANSLATE_NOOP("Diagnostics", "'reset' must be manual or auto, not %1%2"),
                      {quoted(*reset), suggest(*reset, {"manual", "auto"})}));
        } else if (reset) {
          o.auto_reset = *reset == "auto";
        }
      }
      break;
    case ObjectKind::barrier:
      o.parties = static_cast<int>(f.integer("parties", 1, kMaxInstances).value_or(0));
      break;
    case ObjectKind::rwlock:
      if (const Entry* e = f.get("prefer")) {
        std::optional<std::string> prefer = f.text("prefer");
        if (prefer && *prefer != "readers" && *prefer != "writers") {
          r.error(e->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                "'prefer' must be readers or writers, not %1%2"),
                              {quoted(*prefer), suggest(*prefer, {"readers", "writers"})}));
        } else if (prefer) {
          o.prefer_writers = *prefer == "writers";
        }
      }
      break;
    default:
      break;
  }
  if (carries_messages(o.kind)) load_channel(r, f, o);
}

}  // namespace

std::vector<ObjectSpec> load_objects(Reader& r, const Entry& objects) {
  std::vector<ObjectSpec> out;
  std::optional<std::vector<Item>> items = r.list(objects.value, objects.pos, "'objects'");
  if (!items) return out;
  for (const Item& item : *items) {
    Fields f(r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "this object")));
    if (!f.is_map()) continue;
    ObjectSpec o;
    o.pos = f.pos();
    std::optional<std::string> name = f.name("name", true);
    if (name) {
      o.name = *name;
      f.rename(say(QT_TRANSLATE_NOOP("Diagnostics", "object %1"), {quoted(o.name)}));
    }
    std::optional<std::string> kind_word = f.text("kind", true);
    std::optional<ObjectKind> kind = kind_word ? object_kind_from(*kind_word) : std::nullopt;
    if (kind_word && !kind) {
      r.error(f.get("kind")->pos, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown kind %1%2"),
                                      {quoted(*kind_word), suggest(*kind_word, all_kind_names())}));
    }
    if (!kind) continue;
    o.kind = *kind;
    o.mechanism = *kind;
    std::vector<std::string_view> keys = keys_for(o.kind);
    if (!carries_messages(o.kind) && f.get("mechanism")) {
      r.error(f.get("mechanism")->key_pos,
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "'mechanism' is only for 'kind: channel', but %1 is %2"),
                  {quoted(o.name), kind_phrase(o)}));
      keys.push_back("mechanism");
    }
    if (!carries_messages(o.kind) && f.get("alternatives")) {
      r.error(f.get("alternatives")->key_pos,
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "'alternatives' is only for objects that carry messages "
                                    "(channel, pipe, fifo, posix_mq, ...), but %1 is %2"),
                  {quoted(o.name), kind_phrase(o)}));
      keys.push_back("alternatives");
    }
    if (o.kind != ObjectKind::semaphore && f.get("undo")) {
      r.error(f.get("undo")->key_pos,
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "'undo' (semop with SEM_UNDO) only applies to a semaphore "
                                    "with 'flavor: sysv', but %1 is %2"),
                  {quoted(o.name), kind_phrase(o)}));
      keys.push_back("undo");
    }
    f.allow(keys);
    load_settings(r, f, o);
    if (!name) continue;
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const ObjectSpec& other) { return other.name == o.name; });
    if (same != out.end()) {
      r.error(f.get("name")->pos,
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "duplicate object name %1 (first defined at line %2)"),
                  {quoted(o.name), std::to_string(same->pos.line)}));
      continue;
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace ipclab::scenario_detail
