// Enum <-> word tables of the format, and the small lookups of the model.
#include <string.h>

#include <csignal>
#include <limits>

#include "scenario/scenario.hpp"

namespace ipclab {
namespace {

constexpr std::string_view kCategoryNames[] = {"message-passing", "synchronization",
                                               "shared-memory", "rpc"};

constexpr std::string_view kObjectKindNames[] = {
    "pipe",    "fifo",     "posix_mq",  "sysv_mq", "unix_stream",   "unix_dgram", "tcp",
    "udp",     "shm_ring", "channel",   "signal",  "shared_memory", "semaphore",  "mutex",
    "condvar", "rwlock",   "file_lock", "event",   "barrier",       "rpc",
};

constexpr std::string_view kActionNames[] = {
    "send",        "recv",           "wait",       "post",    "trywait", "lock",
    "unlock",      "trylock",        "consistent", "rdlock",  "wrlock",  "cond_wait",
    "cond_signal", "cond_broadcast", "read",       "write",   "add",     "signal",
    "sigwait",     "on_signal",      "flock",      "funlock", "set",     "reset",
    "wait_event",  "barrier",        "call",       "serve",   "exec",    "measure",
    "repeat",      "critical",       "sleep",      "compute", "print",   "exit",
};

static_assert(std::size(kObjectKindNames) == static_cast<std::size_t>(ObjectKind::rpc) + 1);
static_assert(std::size(kActionNames) == static_cast<std::size_t>(ActionKind::exit) + 1);

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::string_view (&names)[N], std::string_view word) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == word) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

struct FixedSignal {
  std::string_view name;
  int number;
};

constexpr FixedSignal kFixedSignals[] = {
    {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGTERM", SIGTERM},
    {"SIGINT", SIGINT},   {"SIGHUP", SIGHUP},   {"SIGALRM", SIGALRM},
    {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGPIPE", SIGPIPE},
};

// SIGRTMIN+0 .. SIGRTMIN+kRealtimeSpan are accepted.
constexpr int kRealtimeSpan = 8;

int64_t saturating_add(int64_t a, int64_t b) {
  if (a > std::numeric_limits<int64_t>::max() - b) return std::numeric_limits<int64_t>::max();
  return a + b;
}

int64_t saturating_mul(int64_t a, int64_t b) {
  if (a != 0 && b > std::numeric_limits<int64_t>::max() / a) {
    return std::numeric_limits<int64_t>::max();
  }
  return a * b;
}

}  // namespace

const std::string& LocalText::in(std::string_view lang) const {
  if (lang.substr(0, 2) == "zh" && !zh.empty()) return zh;
  return en;
}

std::string_view to_string(Category c) {
  return kCategoryNames[static_cast<std::size_t>(c)];
}

std::optional<Category> category_from(std::string_view word) {
  return lookup<Category>(kCategoryNames, word);
}

std::string_view to_string(ObjectKind k) {
  return kObjectKindNames[static_cast<std::size_t>(k)];
}

std::optional<ObjectKind> object_kind_from(std::string_view word) {
  return lookup<ObjectKind>(kObjectKindNames, word);
}

bool keeps_message_boundaries(ObjectKind k) {
  switch (k) {
    case ObjectKind::posix_mq:
    case ObjectKind::sysv_mq:
    case ObjectKind::unix_dgram:
    case ObjectKind::udp:
    case ObjectKind::shm_ring:
    case ObjectKind::rpc:
      return true;
    default:
      return false;
  }
}

bool is_channel_mechanism(ObjectKind k) {
  return static_cast<int>(k) <= static_cast<int>(ObjectKind::shm_ring);
}

std::string_view to_string(ActionKind k) {
  return kActionNames[static_cast<std::size_t>(k)];
}

std::optional<ActionKind> action_kind_from(std::string_view word) {
  return lookup<ActionKind>(kActionNames, word);
}

std::optional<int> signal_from_name(std::string_view name) {
  for (const FixedSignal& s : kFixedSignals) {
    if (s.name == name) return s.number;
  }
  constexpr std::string_view rt = "SIGRTMIN";
  if (name.substr(0, rt.size()) != rt) return std::nullopt;
  std::string_view rest = name.substr(rt.size());
  if (rest.empty()) return SIGRTMIN;
  if (rest.size() != 2 || rest[0] != '+' || rest[1] < '1' || rest[1] > '0' + kRealtimeSpan) {
    return std::nullopt;
  }
  return SIGRTMIN + (rest[1] - '0');
}

std::string signal_to_name(int sig) {
  for (const FixedSignal& s : kFixedSignals) {
    if (s.number == sig) return std::string(s.name);
  }
  if (sig == SIGRTMIN) return "SIGRTMIN";
  if (sig > SIGRTMIN && sig <= SIGRTMIN + kRealtimeSpan) {
    return "SIGRTMIN+" + std::to_string(sig - SIGRTMIN);
  }
  return "";
}

std::string signal_display_name(int sig) {
  if (sig >= SIGRTMIN && sig <= SIGRTMAX)
    return sig == SIGRTMIN ? "SIGRTMIN" : "SIGRTMIN+" + std::to_string(sig - SIGRTMIN);
  if (const char* abbrev = sigabbrev_np(sig)) return std::string("SIG") + abbrev;
  return "signal " + std::to_string(sig);
}

int64_t expanded_action_count(const std::vector<Action>& steps) {
  int64_t total = 0;
  for (const Action& a : steps) {
    switch (a.kind) {
      case ActionKind::repeat:
        total = saturating_add(total, saturating_mul(a.times, expanded_action_count(a.body)));
        break;
      case ActionKind::critical:
        total = saturating_add(total,
                               saturating_add(a.flag_guard ? 3 : 2, expanded_action_count(a.body)));
        break;
      case ActionKind::add:
        total = saturating_add(total, a.expand ? 3 : 1);
        break;
      case ActionKind::serve:  // one step per call served
        total = saturating_add(total, a.times > 0 ? a.times : 1);
        break;
      default:
        total = saturating_add(total, 1);
    }
  }
  return total;
}

const ObjectSpec* Scenario::find_object(std::string_view name) const {
  int i = object_index(name);
  return i < 0 ? nullptr : &objects[static_cast<std::size_t>(i)];
}

bool is_switchable(const ObjectSpec& o) {
  return o.instance_of < 0 && o.runs_on.size() >= 2;
}

bool opens_on_first_use(const ObjectSpec& o) {
  return o.mechanism == ObjectKind::fifo && o.instance_of < 0 && !is_switchable(o);
}

void add_channel_instances(Scenario& s) {
  const size_t own = s.objects.size();
  for (size_t i = 0; i < own; ++i) {
    if (!is_switchable(s.objects[i]) || !s.objects[i].instances.empty()) continue;
    const std::vector<ObjectKind> kinds = s.objects[i].runs_on;  // push_back moves objects
    for (ObjectKind k : kinds) {
      ObjectSpec inst = s.objects[i];
      inst.name += "@" + std::string(to_string(k));
      inst.kind = k;
      inst.mechanism = k;
      inst.alternatives.clear();
      inst.runs_on = {k};
      inst.instance_of = static_cast<int>(i);
      inst.instances.clear();
      s.objects[i].instances.push_back(static_cast<int>(s.objects.size()));
      s.objects.push_back(std::move(inst));
    }
  }
}

int Scenario::object_index(std::string_view name) const {
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (objects[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const ProcessSpec* Scenario::find_process(std::string_view name) const {
  for (const ProcessSpec& p : processes) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace ipclab
