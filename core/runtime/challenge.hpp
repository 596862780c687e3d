// Challenges: the student is the scheduler. They pick which process takes
// the next step; the simulator itself says when the goal happened (a
// finding of the goal's kind, on the goal's object), and when it no longer
// can (every process finished, the processes are stuck, too many steps).
// Shared by the GUI's challenge panel and `ipclab-cli lesson`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/session.hpp"

namespace ipclab {

enum class ChallengeStatus { playing, won, lost };

struct ChallengeVerdict {
  ChallengeStatus status = ChallengeStatus::playing;
  enum class Loss { none, finished, stuck, too_many_steps };
  Loss loss = Loss::none;
  std::optional<Finding> finding;  // won: what the simulator found
  std::string sentence;            // English: what happened, or why it is lost
};

// The verdict on the session's state after `steps_used` student steps.
ChallengeVerdict judge_challenge(const Challenge& c, const Scenario& s, const Snapshot& snap,
                                 int steps_used);

// The same on the live session; when every process left is asleep, first
// waits (up to 2 s) for the session to call it a deadlock, which a deadlock
// challenge is won by.
ChallengeVerdict judge_challenge_now(Session& session, const Challenge& c, int steps_used);

// One student step: `proc` (an instance name) takes one action, and the
// session settles. What the session said (granted, blocked, finished...).
StepResult challenge_step(Session& session, const std::string& proc);

struct ChallengePlay {
  ChallengeVerdict verdict;
  int steps = 0;                      // steps granted
  std::vector<std::string> problems;  // steps that could not be granted or did not settle
};
// Plays `order` (instance names) step by step from the session's current
// state, judging after each; stops as soon as the challenge is won or lost.
ChallengePlay play_challenge(Session& session, const Challenge& c,
                             const std::vector<std::string>& order);

}  // namespace ipclab
