#include "runtime/ask_check.hpp"

#include "runtime/lesson_check.hpp"

namespace ipclab {

AskTruth ask_truth(Session& session, const Ask& ask) {
  AskTruth t;
  if (ask.value_of) {
    const int obj = session.scenario().object_index(*ask.value_of);
    if (obj < 0) return t;
    const Snapshot snap = session.snapshot();
    t.from_processes = true;
    t.real_value = value_of(snap.objects[static_cast<size_t>(obj)]);
    t.sentence = *ask.value_of + " is " +
                 (t.real_value ? std::to_string(*t.real_value) : std::string("unknown"));
    return t;
  }
  bool any_when = false;
  for (size_t i = 0; i < ask.when.size(); ++i) {
    if (!ask.when[i]) continue;
    any_when = true;
    const ExpectOutcome o = check_expect(session, *ask.when[i]);
    if (o.ok() && !t.right_choice) {
      t.right_choice = static_cast<int>(i);
      for (const std::string& p : o.passed) t.sentence += (t.sentence.empty() ? "" : "; ") + p;
    }
  }
  t.from_processes = any_when;
  if (any_when && !t.right_choice) t.sentence = "none of the choices describes what happened";
  if (!any_when) {
    t.right_choice = static_cast<int>(ask.answer);
    t.sentence = "the lesson's key";
  }
  return t;
}

bool answer_right(const Ask& ask, const AskTruth& truth, int64_t given) {
  if (ask.value_of) return truth.real_value && *truth.real_value == given;
  return truth.right_choice && *truth.right_choice == given;
}

std::string key_disagreement(const Ask& ask, const AskTruth& truth) {
  if (answer_right(ask, truth, ask.answer)) return {};
  if (ask.value_of)
    return "the stated answer " + std::to_string(ask.answer) +
           " is not what the processes show: " + truth.sentence;
  if (!truth.right_choice) return "the stated answer cannot be checked: " + truth.sentence;
  return "the stated answer is choice " + std::to_string(ask.answer) +
         ", but the real processes make choice " + std::to_string(*truth.right_choice) +
         " right (" + truth.sentence + ")";
}

}  // namespace ipclab
