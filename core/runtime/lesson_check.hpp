// Lesson steps against a live session: grant the steps a lesson step
// prescribes, then check its `expect` against the real state (the model's
// process states and the kernel's own numbers). Shared by the GUI's lesson
// panel and `ipclab-cli lesson`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/session.hpp"

namespace ipclab {

struct ExpectOutcome {
  std::vector<std::string> passed;  // one sentence per check that held
  std::vector<std::string> failed;  // one sentence per check that did not
  bool ok() const { return failed.empty(); }
};

// A problem granting a lesson step, as data (so a GUI can word it in its
// own language) and in English.
struct StepProblem {
  enum class Kind : uint8_t {
    nothing_stepped,  // `all`: no process could take a step
    not_granted,      // `process` could not step: `result` says why
    not_settled,      // a step of `process` did not settle within 5 s
    not_switched,     // channel `process` did not switch: `sentence` says why
    not_killed,       // `process` could not be killed: `kill_result` says why
    run_too_long,     // `run:` of `process` ("all") went on past `limit` actions ...
    run_too_slow,     // ... or past `limit` seconds
  };
  Kind kind = Kind::nothing_stepped;
  std::string process;  // the worker's name (not_granted) or the `step:` key (not_settled)
  StepResult result = StepResult::granted;
  std::string sentence;  // in English
  KillResult kill_result = KillResult::killed;
  int64_t limit = 0;  // run_too_long: actions; run_too_slow: seconds
};

// How far `run:` goes before it gives up (a process that never blocks).
inline constexpr int64_t kRunMaxActions = 1000;
inline constexpr int64_t kRunMaxSeconds = 30;

// Carries out a lesson step's actions in this order: switches the channels
// `switch:` names; grants `step:` (process -> count, in order; "all" = step
// every process at its gate; a process name with count > 1 steps each
// instance), waiting until each step settled; kills `kill:` with SIGKILL,
// waiting until each death was seen and the rest settled; then `run:`
// (each process until it is really blocked or finished, one after the
// other; "all" round after round until none can step), at most
// kRunMaxActions actions and kRunMaxSeconds each. Returns problems, empty
// when all went through.
std::vector<StepProblem> grant_lesson_step(Session& session, const LessonStep& step);
// The same, the problems as their English sentences.
std::vector<std::string> perform_lesson_step(Session& session, const LessonStep& step);

// The number an `expect: {value: {OBJ: N}}` compares (and a typed answer):
// the kernel's count for semaphores, the kernel's fill for channels, cell 0
// for shared memory, how many hold a read-write or file lock; none for a
// private shared_memory (each process has its own: see Expect::memory).
std::optional<int64_t> value_of(const ObjectStatus& o);

ExpectOutcome check_expect(Session& session, const Expect& expect);
// The `memory:` and `at_least:` part of check_expect (lesson_check_memory.cpp).
void check_memory(const Session& session, const Snapshot& snap, const Expect& expect,
                  ExpectOutcome& out);
// The event patterns of `happened:` (lesson_check_events.cpp): waits up to
// 2 s for the processes to do them, then one line per pattern and process.
void check_events(Session& session, const Expect& expect, ExpectOutcome& out);
// The line check_events writes for pattern `p` of `process` when it
// happened, or when it did not: "receiver got SIGUSR1", "expected reader's
// read() to fail with EINTR, but it has not".
std::string event_sentence(const Expect::EventPattern& p, const std::string& process,
                           bool happened);
// The line check_expect writes for `deadlock:` (want) when the session has
// (got) or has not detected one.
std::string deadlock_sentence(bool want, bool got);
// "a lost update", "a split message": what a finding kind is, in English.
std::string finding_words(FindingKind kind);

}  // namespace ipclab
