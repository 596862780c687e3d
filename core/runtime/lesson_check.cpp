#include "runtime/lesson_check.hpp"

namespace ipclab {

namespace {

std::vector<int> workers_named(const Session& s, const std::string& ref) {
  return resolve_process_ref(s.workers(), s.scenario(), ref);
}

std::string state_words(const WorkerStatus& w, const Scenario& s) {
  std::string out = to_string(w.state);
  if (w.state == WorkerState::blocked && w.blocked_obj >= 0)
    out += " on " + s.objects[static_cast<size_t>(w.blocked_obj)].name;
  return out;
}

// The number an `expect: {value: {OBJ: N}}` compares: the kernel's count for
// semaphores, the kernel's fill for channels, cell 0 for shared memory.
std::optional<int64_t> value_of(const ObjectStatus& o) {
  if (!o.cells.empty()) return o.cells[0];
  if (o.kernel_fill) return o.kernel_fill;
  return o.model_fill;
}

}  // namespace

std::vector<StepProblem> grant_lesson_step(Session& session, const LessonStep& step) {
  std::vector<StepProblem> problems;
  auto problem = [&problems](StepProblem::Kind kind, std::string process, StepResult result,
                             std::string sentence) {
    problems.push_back({kind, std::move(process), result, std::move(sentence)});
  };
  for (const auto& [channel, mechanism] : step.switches) {
    std::string why;
    if (!session.switch_channel(session.scenario().object_index(channel), mechanism, &why))
      problem(
          StepProblem::Kind::not_switched, channel, StepResult::granted,
          "could not switch " + channel + " to " + std::string(to_string(mechanism)) + ": " + why);
    else if (!session.wait_settled(std::chrono::seconds(5)))
      problem(StepProblem::Kind::not_settled, channel, StepResult::granted,
              "the switch of " + channel + " did not settle within 5 s");
  }
  for (const auto& [proc, count] : step.step) {
    for (int n = 0; n < count; ++n) {
      if (proc == "all") {
        // Up to `count` rounds: once every process has finished there is
        // nothing left to step, and that is no problem.
        if (session.finished()) break;
        if (session.step_all() == 0)
          problem(StepProblem::Kind::nothing_stepped, proc, StepResult::granted,
                  "no process could take a step");
      } else {
        for (int w : workers_named(session, proc)) {
          const StepResult r = session.step(w);
          const std::string& name = session.workers()[static_cast<size_t>(w)].name;
          if (r != StepResult::granted)
            problem(StepProblem::Kind::not_granted, name, r,
                    "could not step " + name + ": " + describe(r));
        }
      }
      if (!session.wait_settled(std::chrono::seconds(5)))
        problem(StepProblem::Kind::not_settled, proc, StepResult::granted,
                "a step of " + proc + " did not settle within 5 s");
    }
  }
  return problems;
}

std::vector<std::string> perform_lesson_step(Session& session, const LessonStep& step) {
  std::vector<std::string> sentences;
  for (StepProblem& p : grant_lesson_step(session, step))
    sentences.push_back(std::move(p.sentence));
  return sentences;
}

ExpectOutcome check_expect(Session& session, const Expect& expect) {
  ExpectOutcome out;
  const Snapshot snap = session.snapshot();
  const Scenario& sc = session.scenario();
  auto check_states = [&](const std::vector<std::string>& refs, const char* word, auto pred) {
    for (const std::string& ref : refs) {
      for (int w : workers_named(session, ref)) {
        const WorkerStatus& st = snap.workers[static_cast<size_t>(w)];
        const std::string what = st.id.name + " is " + state_words(st, sc);
        if (pred(st))
          out.passed.push_back(what);
        else
          out.failed.push_back("expected " + st.id.name + " " + word + ", but it is " +
                               state_words(st, sc));
      }
    }
  };
  auto gone = [](const WorkerStatus& w) {
    return w.state == WorkerState::exited || w.state == WorkerState::killed;
  };
  // Blocked means the kernel agrees: asleep in the call, not just reported.
  check_states(expect.blocked, "blocked", [](const WorkerStatus& w) {
    return w.state == WorkerState::blocked && (w.kernel.state == 'S' || w.kernel.state == 'D');
  });
  check_states(expect.running, "still running",
               [&](const WorkerStatus& w) { return w.state != WorkerState::blocked && !gone(w); });
  check_states(expect.finished, "finished", gone);
  for (const auto& [name, want] : expect.value) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    const ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    const auto got = value_of(o);
    std::string unit = o.unit.empty() ? "" : " " + o.unit;
    if (want == 1 && unit.size() > 1 && unit.back() == 's') unit.pop_back();  // 1 message
    if (got && *got == want)
      out.passed.push_back(name + " is " + std::to_string(want) + unit);
    else
      out.failed.push_back("expected " + name + " to be " + std::to_string(want) + unit +
                           ", but it is " + (got ? std::to_string(*got) : std::string("unknown")));
  }
  if (expect.owner_of) {
    const int obj = sc.object_index(*expect.owner_of);
    if (obj >= 0) {
      const ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
      const std::string holder =
          o.owner >= 0 ? session.workers()[static_cast<size_t>(o.owner)].name : std::string();
      const bool match = expect.owner.empty()
                             ? holder.empty()
                             : !holder.empty() && (holder == expect.owner ||
                                                   session.worker_index(expect.owner) == o.owner);
      const std::string want = expect.owner.empty() ? "free" : "held by " + expect.owner;
      const std::string got = holder.empty() ? "free" : "held by " + holder;
      if (match)
        out.passed.push_back(*expect.owner_of + " is " + got);
      else
        out.failed.push_back("expected " + *expect.owner_of + " " + want + ", but it is " + got);
    }
  }
  if (expect.deadlock) {
    const bool got = snap.deadlock.has_value();
    const std::string line = deadlock_sentence(*expect.deadlock, got);
    (got == *expect.deadlock ? out.passed : out.failed).push_back(line);
  }
  return out;
}

std::string deadlock_sentence(bool want, bool got) {
  if (want == got) return got ? "a deadlock was detected" : "no deadlock";
  return want ? "expected a deadlock, but none was detected"
              : "expected no deadlock, but one was detected";
}

}  // namespace ipclab
