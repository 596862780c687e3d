#include "runtime/challenge.hpp"

#include <algorithm>

#include "runtime/lesson_check.hpp"

namespace ipclab {

namespace {

bool gone(const WorkerStatus& w) {
  return w.state == WorkerState::exited || w.state == WorkerState::killed;
}

// No process can take another step by itself: each one left is asleep in
// a wait with no timeout.
bool all_stuck(const Snapshot& snap) {
  bool any = false;
  for (const WorkerStatus& w : snap.workers) {
    if (gone(w)) continue;
    if (w.state != WorkerState::blocked || w.blocked_timed) return false;
    any = true;
  }
  return any;
}

bool on_goal_object(const Challenge& c, const Scenario& s, int obj) {
  if (!c.object) return true;
  return obj >= 0 && static_cast<size_t>(obj) < s.objects.size() &&
         s.objects[static_cast<size_t>(obj)].name == *c.object;
}

std::optional<Finding> goal_finding(const Challenge& c, const Scenario& s, const Snapshot& snap) {
  if (c.goal == FindingKind::starvation) {
    // Live, from each waiter's count; the model's own hint comes at 3.
    for (size_t i = 0; i < snap.workers.size(); ++i) {
      const WorkerStatus& w = snap.workers[i];
      if (w.state != WorkerState::blocked || w.overtaken < c.times) continue;
      if (!on_goal_object(c, s, w.blocked_obj)) continue;
      Finding f;
      f.kind = FindingKind::starvation;
      f.worker = static_cast<int>(i);
      f.obj = w.blocked_obj;
      f.value = w.overtaken;
      f.text = std::string(kStarvingPrefix) + " " + w.id.name + " has waited on " +
               s.objects[static_cast<size_t>(w.blocked_obj)].name + " while others got it " +
               std::to_string(w.overtaken) + " times";
      return f;
    }
    return std::nullopt;
  }
  for (const Finding& f : snap.findings) {
    if (f.kind != c.goal) continue;
    if (c.goal != FindingKind::deadlock && !on_goal_object(c, s, f.obj)) continue;
    return f;
  }
  return std::nullopt;
}

}  // namespace

ChallengeVerdict judge_challenge(const Challenge& c, const Scenario& s, const Snapshot& snap,
                                 int steps_used) {
  ChallengeVerdict v;
  if (std::optional<Finding> f = goal_finding(c, s, snap)) {
    v.status = ChallengeStatus::won;
    v.finding = f;
    v.sentence = f->text;
    return v;
  }
  const std::string never = finding_words(c.goal) + " never happened";
  auto lose = [&](ChallengeVerdict::Loss loss, std::string sentence) {
    v.status = ChallengeStatus::lost;
    v.loss = loss;
    v.sentence = std::move(sentence);
    return v;
  };
  if (c.max_steps > 0 && steps_used > c.max_steps)
    return lose(ChallengeVerdict::Loss::too_many_steps,
                std::to_string(steps_used) + " steps used, more than the " +
                    std::to_string(c.max_steps) + " allowed, and " + never);
  if (!snap.workers.empty() && std::all_of(snap.workers.begin(), snap.workers.end(), gone))
    return lose(ChallengeVerdict::Loss::finished, "every process finished, and " + never);
  if (snap.deadlock || all_stuck(snap))
    return lose(ChallengeVerdict::Loss::stuck, "no process can take another step, and " + never);
  return v;
}

ChallengeVerdict judge_challenge_now(Session& session, const Challenge& c, int steps_used) {
  Snapshot snap = session.snapshot();
  if (all_stuck(snap) && !snap.deadlock) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!session.deadlock() && std::chrono::steady_clock::now() < deadline)
      session.wait_for_activity(std::chrono::milliseconds(10));
    snap = session.snapshot();
  }
  return judge_challenge(c, session.scenario(), snap, steps_used);
}

StepResult challenge_step(Session& session, const std::string& proc) {
  const int w = session.worker_index(proc);
  if (w < 0) return StepResult::unknown_process;
  const StepResult r = session.step(w);
  if (r == StepResult::granted) session.wait_settled(std::chrono::seconds(5));
  return r;
}

ChallengePlay play_challenge(Session& session, const Challenge& c,
                             const std::vector<std::string>& order) {
  ChallengePlay play;
  auto judge = [&] { play.verdict = judge_challenge_now(session, c, play.steps); };
  judge();
  for (const std::string& proc : order) {
    if (play.verdict.status != ChallengeStatus::playing) break;
    const StepResult r = challenge_step(session, proc);
    if (r == StepResult::granted)
      ++play.steps;
    else
      play.problems.push_back("could not step " + proc + ": " + describe(r));
    judge();
  }
  return play;
}

}  // namespace ipclab
