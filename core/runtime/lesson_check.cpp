#include "runtime/lesson_check.hpp"

#include <algorithm>

namespace ipclab {

namespace {

std::vector<int> workers_named(const Session& s, const std::string& ref) {
  return resolve_process_ref(s.workers(), s.scenario(), ref);
}

std::string joined(const std::vector<int64_t>& values) {
  std::string out;
  for (int64_t v : values) out += (out.empty() ? "" : ", ") + std::to_string(v);
  return out;
}

std::string messages_words(const std::vector<std::string>& texts) {
  if (texts.empty()) return "nothing";
  std::string out;
  for (const std::string& t : texts) out += (out.empty() ? "\"" : ", \"") + t + "\"";
  return out;
}

std::string state_words(const WorkerStatus& w, const Scenario& s) {
  std::string out = to_string(w.state);
  if (w.state == WorkerState::blocked && w.blocked_obj >= 0)
    out += " on " + s.objects[static_cast<size_t>(w.blocked_obj)].name;
  return out;
}

StepProblem make_problem(StepProblem::Kind kind, std::string process, StepResult result,
                         std::string sentence) {
  StepProblem p;
  p.kind = kind;
  p.process = std::move(process);
  p.result = result;
  p.sentence = std::move(sentence);
  return p;
}

bool stuck(const WorkerStatus& w) {
  return w.state == WorkerState::blocked || w.state == WorkerState::exited ||
         w.state == WorkerState::killed;
}

// `run:` of one process or of all: actions until each is blocked or has
// finished (Session::step says so; after wait_settled a blocked worker is
// asleep in the kernel), within kRunMaxActions and kRunMaxSeconds.
void run_until_stuck(Session& session, const std::string& ref, std::vector<StepProblem>& out) {
  const bool all = ref == "all";
  std::vector<int> workers;
  if (all) {
    for (const WorkerIdentity& w : session.workers()) workers.push_back(w.index);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kRunMaxSeconds);
  // Past a limit: a problem unless every process is stuck anyway.
  auto over_limit = [&](const std::string& who, int64_t actions, const std::vector<int>& ws) {
    const bool too_long = actions >= kRunMaxActions;
    if (!too_long && std::chrono::steady_clock::now() < deadline) return false;
    const Snapshot snap = session.snapshot();
    if (std::all_of(ws.begin(), ws.end(),
                    [&](int w) { return stuck(snap.workers[static_cast<size_t>(w)]); }))
      return true;
    StepProblem p;
    p.kind = too_long ? StepProblem::Kind::run_too_long : StepProblem::Kind::run_too_slow;
    p.process = who;
    p.limit = too_long ? kRunMaxActions : kRunMaxSeconds;
    const std::string within = too_long ? std::to_string(kRunMaxActions) + " actions"
                                        : std::to_string(kRunMaxSeconds) + " s";
    p.sentence = all ? "the processes did not all block or finish within " + within
                     : who + " did not block or finish within " + within;
    out.push_back(std::move(p));
    return true;
  };
  auto unsettled = [&](const std::string& who) {
    if (session.wait_settled(std::chrono::seconds(5))) return false;
    out.push_back(make_problem(StepProblem::Kind::not_settled, who, StepResult::granted,
                               "a step of " + who + " did not settle within 5 s"));
    return true;
  };
  if (all) {
    int64_t actions = 0;
    for (;;) {
      if (session.finished() || over_limit(ref, actions, workers)) return;
      int granted = 0;
      for (int w : workers) {
        if (actions + granted >= kRunMaxActions) break;
        if (session.step(w) == StepResult::granted) ++granted;
      }
      if (granted == 0) return;  // none can take a step: each is blocked or finished
      actions += granted;
      if (unsettled(ref)) return;
    }
  }
  for (int w : workers_named(session, ref)) {
    const std::string& name = session.workers()[static_cast<size_t>(w)].name;
    for (int64_t actions = 0;; ++actions) {
      if (over_limit(name, actions, {w})) break;
      const StepResult r = session.step(w);
      if (r == StepResult::blocked || r == StepResult::finished) break;
      if (r != StepResult::granted) {
        out.push_back(make_problem(StepProblem::Kind::not_granted, name, r,
                                   "could not step " + name + ": " + describe(r)));
        break;
      }
      if (unsettled(name)) break;
    }
  }
}

}  // namespace

std::optional<int64_t> value_of(const ObjectStatus& o) {
  if (o.spec && o.spec->is_private) return std::nullopt;
  if (!o.cells.empty()) return o.cells[0];
  if (o.kernel_fill) return o.kernel_fill;
  return o.model_fill;
}

std::vector<StepProblem> grant_lesson_step(Session& session, const LessonStep& step) {
  std::vector<StepProblem> problems;
  auto problem = [&problems](StepProblem::Kind kind, std::string process, StepResult result,
                             std::string sentence) {
    problems.push_back(make_problem(kind, std::move(process), result, std::move(sentence)));
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
  for (const std::string& proc : step.kill) {
    for (int w : workers_named(session, proc)) {
      const KillResult r = session.kill(w);
      if (r == KillResult::killed) continue;
      const std::string& name = session.workers()[static_cast<size_t>(w)].name;
      StepProblem p = make_problem(StepProblem::Kind::not_killed, name, StepResult::granted,
                                   "could not kill " + name + ": " + describe(r));
      p.kill_result = r;
      problems.push_back(std::move(p));
    }
    // Whoever the death woke (a robust mutex's waiter, SEM_UNDO) goes on.
    if (!session.wait_settled(std::chrono::seconds(5)))
      problem(StepProblem::Kind::not_settled, proc, StepResult::granted,
              "a step of " + proc + " did not settle within 5 s");
  }
  for (const std::string& proc : step.run) run_until_stuck(session, proc, problems);
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
  if (expect.deadlock.value_or(false)) {
    // A cycle is reported as the step settles; "every process blocked" once
    // it has lasted a moment unchanged: wait for it, with a deadline.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!session.deadlock() && !session.finished() &&
           std::chrono::steady_clock::now() < deadline)
      session.wait_for_activity(std::chrono::milliseconds(10));
  }
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
  for (const auto& [mutex, owner] : expect.owners) {
    const int obj = sc.object_index(mutex);
    if (obj < 0) continue;
    const ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    const std::string holder =
        o.owner >= 0 ? session.workers()[static_cast<size_t>(o.owner)].name : std::string();
    const bool match = owner.empty() ? holder.empty()
                                     : !holder.empty() && (holder == owner ||
                                                           session.worker_index(owner) == o.owner);
    const std::string want = owner.empty() ? "free" : "held by " + owner;
    const std::string got = holder.empty() ? "free" : "held by " + holder;
    if (match)
      out.passed.push_back(mutex + " is " + got);
    else
      out.failed.push_back("expected " + mutex + " " + want + ", but it is " + got);
  }
  if (expect.deadlock) {
    const bool got = snap.deadlock.has_value();
    const std::string line = deadlock_sentence(*expect.deadlock, got);
    (got == *expect.deadlock ? out.passed : out.failed).push_back(line);
  }
  for (FindingKind kind : expect.happened) {
    const auto it = std::find_if(snap.findings.begin(), snap.findings.end(),
                                 [kind](const Finding& f) { return f.kind == kind; });
    if (it != snap.findings.end())
      out.passed.push_back(it->text);
    else
      out.failed.push_back("expected " + finding_words(kind) + ", but none happened");
  }
  check_events(session, expect, out);
  for (const auto& [name, want] : expect.cells) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    const std::vector<int64_t>& got = snap.objects[static_cast<size_t>(obj)].cells;
    const bool match =
        got.size() >= want.size() && std::equal(want.begin(), want.end(), got.begin());
    const std::string got_text =
        "[" +
        joined(std::vector<int64_t>(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                   got.size(), want.size())))) +
        "]";
    if (match)
      out.passed.push_back(name + " holds " + got_text);
    else
      out.failed.push_back("expected " + name + " to hold [" + joined(want) + "], but it holds " +
                           got_text);
  }
  for (const auto& [name, want] : expect.contents) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    const std::vector<std::string>& got = snap.objects[static_cast<size_t>(obj)].contents;
    if (got == want)
      out.passed.push_back(name + " holds " + messages_words(got));
    else
      out.failed.push_back("expected " + name + " to hold " + messages_words(want) +
                           ", but it holds " + messages_words(got));
  }
  check_memory(session, snap, expect, out);
  return out;
}

std::string finding_words(FindingKind kind) {
  switch (kind) {
    case FindingKind::race:
      return "a lost update";
    case FindingKind::exclusion:
      return "two processes inside one critical section";
    case FindingKind::deadlock:
      return "a deadlock";
    case FindingKind::starvation:
      return "a starving process";
    case FindingKind::split:
      return "a split message";
    case FindingKind::signal_lost:
      return "a lost signal";
    case FindingKind::overflow:
      return "a buffer overrun";
    case FindingKind::underflow:
      return "a read of an empty slot";
  }
  return "?";
}

std::string deadlock_sentence(bool want, bool got) {
  if (want == got) return got ? "a deadlock was detected" : "no deadlock";
  return want ? "expected a deadlock, but none was detected"
              : "expected no deadlock, but one was detected";
}

}  // namespace ipclab
