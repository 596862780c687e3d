// The immutable scenario model: what a lesson file (format v1) says, after
// validation. Built only by the loader (loader.hpp); everything downstream
// (session, worker, GUI) reads it and never mutates it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trace/finding.hpp"

namespace ipclab {

// 1-based line and column in the source file; 0 means "unknown".
struct SourcePos {
  int line = 0;
  int col = 0;
};

// A text in the two languages every lesson ships with.
struct LocalText {
  std::string en;
  std::string zh;
  // The text in `lang` ("en", "zh", "zh_CN", ...), falling back to English.
  const std::string& in(std::string_view lang) const;
};

enum class Category : uint8_t { message_passing, synchronization, shared_memory, rpc };

enum class ObjectKind : uint8_t {
  pipe,
  fifo,
  posix_mq,
  sysv_mq,
  unix_stream,
  unix_dgram,
  tcp,
  udp,
  shm_ring,
  channel,
  signal,
  shared_memory,
  semaphore,
  mutex,
  condvar,
  rwlock,
  file_lock,
  event,
  barrier,
  rpc,
};

std::string_view to_string(Category);
std::optional<Category> category_from(std::string_view);
std::string_view to_string(ObjectKind);
std::optional<ObjectKind> object_kind_from(std::string_view);
// True for the kinds that carry messages (pipe ... shm_ring).
bool is_channel_mechanism(ObjectKind);
// True for the kinds that hand out whole messages, one per receive (queues,
// datagram sockets, shm_ring, rpc); the others are byte streams.
bool keeps_message_boundaries(ObjectKind);

struct ObjectSpec;
bool is_switchable(const ObjectSpec&);
// A FIFO of its own (not a switchable channel's instance): each process
// opens it when it first uses it, and open() waits for the other end, as in C.
bool opens_on_first_use(const ObjectSpec&);
struct ObjectSpec {
  std::string name;
  ObjectKind kind = ObjectKind::pipe;       // as written in the file
  ObjectKind mechanism = ObjectKind::pipe;  // effective; for `channel` the `mechanism:` key
  std::vector<ObjectKind> alternatives;     // channel mechanisms it may switch to
  // Every mechanism it can run on: the file's own first, then the
  // alternatives (filled by the loader; unchanged by --switch). Two or more:
  // the object can be switched while it runs (is_switchable).
  std::vector<ObjectKind> runs_on;
  // A running session gives a switchable object one real instance per
  // mechanism (add_channel_instances): an instance knows its object, the
  // object its instances (in the order of runs_on).
  int instance_of = -1;
  std::vector<int> instances;
  std::string flavor;       // semaphore: posix_named (default) | posix_unnamed | sysv
  int64_t initial = 0;      // semaphore start value, event initial state
  bool undo = false;        // sysv semaphore: semop with SEM_UNDO
  bool robust = false;      // mutex
  bool auto_reset = false;  // event: `reset: auto` (a wait consumes the set state)
  int cells = 1;            // shared_memory: number of int64 cells
  // shared_memory, `private: true`: not shared at all. Each process has its
  // own copy, like a global variable of a C program (private_memory.hpp).
  bool is_private = false;
  int capacity = 0;      // posix_mq mq_maxmsg (0 = default)
  int message_size = 0;  // posix_mq mq_msgsize (0 = default)
  // shm_ring (`semaphores: false`): the ring without its `empty` and `full`
  // semaphores; a send overwrites unread slots, a recv reads empty ones.
  bool semaphores = true;
  int parties = 0;  // barrier
  // rwlock, `prefer: writers`: a waiting writer goes before new readers.
  bool prefer_writers = false;
  SourcePos pos;
};

enum class ActionKind : uint8_t {
  send,
  recv,
  wait,
  post,
  trywait,
  lock,
  unlock,
  trylock,
  consistent,
  rdlock,
  wrlock,
  cond_wait,
  cond_signal,
  cond_broadcast,
  read,
  write,
  add,
  signal,
  sigwait,
  on_signal,
  flock,
  funlock,
  set,
  reset,
  wait_event,
  barrier,
  call,
  serve,
  exec,
  measure,
  repeat,
  critical,
  sleep,
  compute,
  print,
  exit,
};

std::string_view to_string(ActionKind);
std::optional<ActionKind> action_kind_from(std::string_view);

// The signals a scenario may name (SIGUSR1 SIGUSR2 SIGTERM SIGINT SIGHUP SIGALRM
// SIGCHLD SIGCONT SIGRTMIN SIGRTMIN+1 ... SIGRTMIN+8): name -> number on this
// system, and back ("" for a number outside that set).
std::optional<int> signal_from_name(std::string_view);
std::string signal_to_name(int sig);
// Any signal as a program names it: SIGUSR1, SIGRTMIN+2 (glibc's SIGRTMIN,
// not the kernel's 32), "signal 33" for one without a name.
std::string signal_display_name(int sig);

// One step of a process script. Which fields are meaningful depends on kind;
// the loader guarantees they are present and well typed.
struct Action {
  ActionKind kind = ActionKind::print;
  SourcePos pos;
  std::string object;             // to/from/sem/mutex/cond/rwlock/shm/file/event/barrier/rpc/guard
  std::string mutex;              // cond_wait: the mutex
  std::string target;             // signal: destination process name
  std::string text;               // send data, print text (may hold {i} {proc} {k})
  int64_t value = 0;              // write/add/signal value, exit code, sleep/compute ms
  bool has_value = false;         // signal: sent with sigqueue when true
  int64_t priority = 0;           // send on posix_mq
  int64_t type = 0;               // send/recv on sysv_mq
  int64_t max = 0;                // recv: max bytes (0 = mechanism default)
  int64_t timeout_ms = -1;        // wait: -1 = forever
  int cell = 0;                   // read/write/add; critical: the flag's cell
  bool expand = false;            // add: load, compute, store as three steps
  int sig = 0;                    // signal, on_signal
  bool restart = false;           // on_signal: SA_RESTART
  std::vector<int> sigs;          // sigwait
  int64_t times = 0;              // repeat, serve; measure: the rounds
  std::string mode;               // flock: shared | exclusive
  std::string style;              // flock: fcntl | flock | ofd
  int64_t start = 0;              // flock
  int64_t len = 0;                // flock
  std::string proc;               // call: remote procedure name
  std::vector<std::string> args;  // call
  std::vector<std::string> argv;  // exec
  std::string stdin_obj;          // exec
  std::string stdout_obj;         // exec
  std::vector<Action> body;       // repeat, critical
  // critical: the guard is a flag in shared memory (a broken, hand-made
  // lock): test, set, the body, clear.
  bool flag_guard = false;
};

struct ProcessSpec {
  std::string name;
  int count = 1;
  std::vector<Action> steps;
  SourcePos pos;
};

// How many actions `steps` performs once expanded, which is what a lesson's
// `step:` counts: repeat bodies times their count, `add` with expand as 3
// (load, compute, store), `critical` as lock + body + unlock (test + set +
// body + clear for a flag, one more, and each spin a step more). Saturates at
// INT64_MAX.
int64_t expanded_action_count(const std::vector<Action>& steps);

// What a lesson step expects of the real state after its steps ran.
struct Expect {
  std::vector<std::string> blocked;   // process names (name or name#k) that must be blocked
  std::vector<std::string> running;   // ... that must not be blocked nor finished
  std::vector<std::string> finished;  // ... that must have exited
  std::vector<std::pair<std::string, int64_t>> value;  // object -> semaphore count,
                                                       // channel fill, or cell 0 value
  // Mutex -> the process that must own it ("" = free), in file order.
  std::vector<std::pair<std::string, std::string>> owners;
  // true: the session has detected a deadlock (a wait-for cycle, or every
  // process blocked with none left to release another); false: it has not.
  std::optional<bool> deadlock;
  // What the simulator must have found by now (a lost update, a split
  // message...): each kind at least once.
  std::vector<FindingKind> happened;
  // What a process must have done by now (`happened: [{process: ...}]`),
  // from its own events: a signal delivered to it (sigwait returned it, or
  // its handler caught it), or a system call it made, perhaps one that
  // failed with a given errno. A name with copies: every copy.
  struct EventPattern {
    std::string process;
    int signal = 0;    // a signal delivered to it ...
    std::string call;  // ... or a system call it made ("read") ...
    int err = 0;       // ... that failed with this errno (0: however it ended)
    SourcePos pos;
  };
  std::vector<EventPattern> events;
  // Shared memory -> every cell's value, from the mapping itself.
  std::vector<std::pair<std::string, std::vector<int64_t>>> cells;
  // Channel -> the texts of the messages in it, in the order a receiver gets them.
  std::vector<std::pair<std::string, std::vector<std::string>>> contents;
  // A private shared_memory as one process has it (its own copy, read from
  // that process's memory): process instance, object, its cells from 0.
  struct OwnCopy {
    std::string process;
    std::string object;
    std::vector<int64_t> cells;
  };
  std::vector<OwnCopy> memory;
  // Object -> the least its value may be (the value `value` compares).
  std::vector<std::pair<std::string, int64_t>> at_least;
  SourcePos pos;
};

// A question. Asked after its lesson step was carried out; it is about the
// state after the NEXT step (a prediction) unless `now`. Its answer is
// checked against the real processes: the right choice is the first whose
// `when` holds, the right value is `value_of`'s real value; `answer` is the
// key the author expects, and `ipclab-cli lesson` checks that the real
// processes agree with it.
struct Ask {
  LocalText question;
  std::vector<LocalText> choices;           // empty: the student types a number
  std::vector<std::optional<Expect>> when;  // per choice (same length as choices)
  std::optional<std::string> value_of;      // typed answer: the object whose value it is
  int64_t answer = 0;                       // choice index, or the value
  bool now = false;  // about the state as it is, not after the next step (always on the last step)
  std::vector<std::string> hide;  // objects whose values the diagram hides until answered
  LocalText explain;              // shown with the verdict (may be empty)
  SourcePos pos;
};

struct LessonStep {
  LocalText say;
  // Steps to grant before checking, in file order: process instance name
  // ("name", or "name#k" when count > 1) or "all" -> how many actions.
  std::vector<std::pair<std::string, int>> step;
  // Channels to switch live before the steps: channel name -> mechanism.
  std::vector<std::pair<std::string, ObjectKind>> switches;
  // Processes to kill with SIGKILL (`kill:`), after `step:`: instance
  // names, or a name with count > 1 for every copy.
  std::vector<std::string> kill;
  // Processes to run until they can go no further (`run:`), after `kill:`,
  // one after the other in file order: each takes actions one at a time
  // until it is really blocked (the kernel confirms) or has finished. "all":
  // every process, round after round, until none can take a step.
  std::vector<std::string> run;
  std::optional<Expect> expect;
  std::optional<Ask> ask;
  SourcePos pos;
};

// The student is the scheduler: they pick which process takes the next
// step and must make `goal` happen (the simulator detects it).
struct Challenge {
  FindingKind goal = FindingKind::race;
  std::optional<std::string> object;  // the goal must happen on this object
  int times = 3;                      // starvation: overtaken this many times
  int max_steps = 0;                  // more steps than this loses (0: no limit)
  LocalText say;                      // the task
  std::vector<LocalText> hints;       // graded: 1 to 3, vaguest first
  LocalText explain;                  // shown on winning: why it went wrong
  // A winning order of steps (process instance names), which
  // `ipclab-cli lesson` plays to check the goal can be reached.
  std::vector<std::string> solution;
  SourcePos pos;
};

struct Scenario {
  int version = 1;
  std::string id;
  LocalText title;
  LocalText summary;
  Category category = Category::message_passing;
  std::vector<ObjectSpec> objects;
  std::vector<ProcessSpec> processes;
  std::vector<LessonStep> lesson;
  std::optional<Challenge> challenge;
  // A task to try after the lesson by changing the scenario or running it
  // freely (nothing detects it); empty if none.
  LocalText exercise;
  std::string file;    // where it was loaded from ("scenarios/ID.yaml" for bundled ones)
  std::string source;  // the YAML text it was parsed from

  const ObjectSpec* find_object(std::string_view name) const;
  int object_index(std::string_view name) const;  // -1 if absent
  const ProcessSpec* find_process(std::string_view name) const;
};

// Appends one instance object per mechanism of every switchable object
// ("buffer@posix_mq", kind and mechanism that mechanism), after the
// scenario's own objects, whose indices stay as they are. The supervisor and
// every worker call it on the same file, so they agree on the indices.
void add_channel_instances(Scenario& s);

}  // namespace ipclab
