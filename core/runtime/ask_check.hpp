// Predict, then check: what the real processes say the answer to a lesson
// question is. A choice is right when its `when` holds of the real state
// (the first such choice); a typed value is right when it equals the
// object's real value. A question with neither is checked against its key
// alone, and says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/session.hpp"

namespace ipclab {

struct AskTruth {
  bool from_processes = false;        // decided by the real state, not by the key
  std::optional<int> right_choice;    // choices: the first whose `when` holds
  std::optional<int64_t> real_value;  // typed: what the object holds
  // English: "counter is 1" / "racer#2 is blocked on guard" (what decided it),
  // or why nothing decided it ("none of the choices describes what happened").
  std::string sentence;
};

// Evaluates the question against the session as it is now (for a question
// about the next step: once that step was carried out).
AskTruth ask_truth(Session& session, const Ask& ask);
// The student's answer (a choice index, or the typed number) against the truth.
bool answer_right(const Ask& ask, const AskTruth& truth, int64_t given);
// For `ipclab-cli lesson`: does the author's key agree with the real processes?
// Empty when it does; otherwise the sentence that says how not.
std::string key_disagreement(const Ask& ask, const AskTruth& truth);

}  // namespace ipclab
