// Core's own sentences, as `ipclab-cli lesson` and `run` print them, in the
// user's language: the results of a lesson's checks, the problems granting
// a step, the verdicts on questions and challenges, the details of events.
// Core writes them in English; in Chinese they are said again by app/words,
// the code the GUI says them with, through Qt's translation of the same
// catalogue (compiled to .qm and embedded in the binary). In English every
// function gives core's sentence back untouched, and no Qt object exists.
// No Qt in this header: cli_text.hpp defines QT_TRANSLATE_NOOP itself.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/ask_check.hpp"
#include "runtime/challenge.hpp"
#include "runtime/lesson_check.hpp"

namespace ipclab::cli {

// While it lives, core's sentences are translated when `chinese` (a
// QCoreApplication with the Chinese catalogue installed). One, in main().
class CoreWords {
 public:
  explicit CoreWords(bool chinese);
  ~CoreWords();
  CoreWords(const CoreWords&) = delete;
  CoreWords& operator=(const CoreWords&) = delete;

 private:
  struct Translation;
  std::unique_ptr<Translation> qt_;
};

// A problem granting a lesson step.
std::string problem_words(const StepProblem& problem);
// The check results of an `expect`, passed and failed in core's order.
// `snapshot` is the state taken right after check_expect: when it no
// longer gives core's sentences, they stay in English.
ExpectOutcome outcome_words(const Expect& expect, const ExpectOutcome& outcome,
                            const Snapshot& snapshot, const Scenario& scenario);
// AskTruth::sentence (what the processes show) and key_disagreement, over
// the state `snapshot` the truth was taken from.
std::string truth_words(const Ask& ask, const AskTruth& truth, const Snapshot& snapshot,
                        const Scenario& scenario);
std::string disagreement_words(const Ask& ask, const AskTruth& truth, const Snapshot& snapshot,
                               const Scenario& scenario);
// ChallengeVerdict::sentence after `steps` steps, and one of ChallengePlay::problems.
std::string verdict_words(const Challenge& challenge, const ChallengeVerdict& verdict, int steps);
std::string play_problem_words(const std::string& problem);
// Session::step's refusal to step `process`, as a whole sentence; "" in
// English (the CLI's own "cannot step %1: %2" frames core's reason there).
std::string refusal_words(const std::string& process, StepResult result);
// Session::switch_channel's reason for refusing a switch.
std::string switch_reason_words(const std::string& why);
// The session's description of a deadlock.
std::string deadlock_words(const std::string& description);
// A process's state as the `state` table says it: core's to_string in English.
std::string state_words(WorkerState state);
// The label of a process's action `op` (Op::label in English).
std::string op_words(const Session& session, int worker, int op);
// The human-readable line of an event (to_human_line), its detail in the
// user's language; `session` gives the op the event belongs to.
std::string event_line(const Event& event, const Session& session);

}  // namespace ipclab::cli
