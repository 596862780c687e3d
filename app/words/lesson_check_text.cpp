#include "lesson_check_text.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <cstring>
#include <string>

#include "event_detail_text.h"
#include "object_words.h"
#include "switch_text.h"

namespace {

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

// One check: core's two possible English sentences and ours.
struct Check {
  std::string passEn, failEn;
  QString pass, fail;
};

}  // namespace

std::optional<std::vector<LessonCheckText::Line>> LessonCheckText::rebuild(
    const ipclab::Expect& expect, const ipclab::ExpectOutcome& outcome,
    const ipclab::Snapshot& snap, const ipclab::Scenario& sc) {
  using ipclab::WorkerState;
  // The snapshot must be of this scenario (a panel may render a step of the
  // previous lesson while the next one opens).
  std::vector<ipclab::WorkerIdentity> workers = ipclab::enumerate_workers(sc);
  if (snap.objects.size() != sc.objects.size() || snap.workers.size() != workers.size())
    return std::nullopt;
  for (size_t i = 0; i < workers.size(); ++i) {
    const ipclab::WorkerStatus& w = snap.workers[i];
    if (w.id.name != workers[i].name || w.blocked_obj >= static_cast<int>(sc.objects.size()))
      return std::nullopt;
  }
  auto objectName = [&sc](int obj) { return sc.objects[static_cast<size_t>(obj)].name; };
  std::vector<Check> checks;

  // Processes: blocked, still running, finished (lesson_check.cpp's state_words).
  auto stateEn = [&](const ipclab::WorkerStatus& w) {
    std::string out = ipclab::to_string(w.state);
    if (w.state == WorkerState::blocked && w.blocked_obj >= 0)
      out += " on " + objectName(w.blocked_obj);
    return out;
  };
  auto stateTr = [&](const ipclab::WorkerStatus& w) {
    if (w.state == WorkerState::blocked && w.blocked_obj >= 0)
      return tr("blocked on %1").arg(q(objectName(w.blocked_obj)));
    return StateWords::word(w.state);
  };
  enum class Want { blocked, running, finished };
  auto states = [&](const std::vector<std::string>& refs, const char* wordEn, Want want) {
    for (const std::string& ref : refs) {
      for (int i : ipclab::resolve_process_ref(workers, sc, ref)) {
        if (i < 0 || static_cast<size_t>(i) >= snap.workers.size()) return false;
        const ipclab::WorkerStatus& st = snap.workers[static_cast<size_t>(i)];
        const QString name = q(st.id.name), now = stateTr(st);
        Check c;
        c.passEn = st.id.name + " is " + stateEn(st);
        c.failEn = "expected " + st.id.name + " " + wordEn + ", but it is " + stateEn(st);
        c.pass = tr("%1 is %2").arg(name, now);
        switch (want) {
          case Want::blocked:
            c.fail = tr("expected %1 to be blocked, but it is %2").arg(name, now);
            break;
          case Want::running:
            c.fail = tr("expected %1 to be still running, but it is %2").arg(name, now);
            break;
          case Want::finished:
            c.fail = tr("expected %1 to have finished, but it is %2").arg(name, now);
            break;
        }
        checks.push_back(std::move(c));
      }
    }
    return true;
  };
  if (!states(expect.blocked, "blocked", Want::blocked) ||
      !states(expect.running, "still running", Want::running) ||
      !states(expect.finished, "finished", Want::finished))
    return std::nullopt;

  // Values: a semaphore's count, a channel's fill, cell 0 of shared memory.
  for (const auto& [name, want] : expect.value) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
    const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    std::optional<int64_t> got;
    if (!o.cells.empty())
      got = o.cells[0];
    else if (o.kernel_fill)
      got = o.kernel_fill;
    else
      got = o.model_fill;
    std::string unit = o.unit.empty() ? "" : " " + o.unit;
    if (want == 1 && unit.size() > 1 && unit.back() == 's') unit.pop_back();
    auto amount = [&o](int64_t n) {
      if (o.unit == "bytes") return n == 1 ? tr("1 byte") : tr("%1 bytes").arg(n);
      if (o.unit == "messages") return n == 1 ? tr("1 message") : tr("%1 messages").arg(n);
      return QString::number(n);  // a semaphore's count is just a number
    };
    const std::string gotEn = got ? std::to_string(*got) : std::string("unknown");
    Check c;
    c.passEn = name + " is " + std::to_string(want) + unit;
    c.failEn =
        "expected " + name + " to be " + std::to_string(want) + unit + ", but it is " + gotEn;
    c.pass = tr("%1 is %2").arg(q(name), amount(want));
    c.fail = tr("expected %1 to be %2, but it is %3")
                 .arg(q(name), amount(want), got ? amount(*got) : tr("unknown"));
    checks.push_back(std::move(c));
  }

  // Each mutex's owner, in file order.
  for (const auto& [mutexName, owner] : expect.owners) {
    const int obj = sc.object_index(mutexName);
    if (obj >= 0) {
      if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
      const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
      const std::string holder = o.owner >= 0 && static_cast<size_t>(o.owner) < workers.size()
                                     ? workers[static_cast<size_t>(o.owner)].name
                                     : std::string();
      const std::string wantEn = owner.empty() ? "free" : "held by " + owner;
      const std::string gotEn = holder.empty() ? "free" : "held by " + holder;
      const QString wantTr = owner.empty() ? tr("free") : tr("held by %1").arg(q(owner));
      const QString gotTr = holder.empty() ? tr("free") : tr("held by %1").arg(q(holder));
      const QString mutex = q(mutexName);
      Check c;
      c.passEn = mutexName + " is " + gotEn;
      c.failEn = "expected " + mutexName + " " + wantEn + ", but it is " + gotEn;
      c.pass = tr("%1 is %2").arg(mutex, gotTr);
      c.fail = tr("expected %1 to be %2, but it is %3").arg(mutex, wantTr, gotTr);
      checks.push_back(std::move(c));
    }
  }

  // Whether the session found a deadlock.
  if (expect.deadlock) {
    const bool want = *expect.deadlock, got = snap.deadlock.has_value();
    Check c;
    c.passEn = c.failEn = ipclab::deadlock_sentence(want, got);
    c.pass = got ? tr("a deadlock was detected") : tr("no deadlock");
    c.fail = want ? tr("expected a deadlock, but none was detected")
                  : tr("expected no deadlock, but one was detected");
    checks.push_back(std::move(c));
  }

  // What the simulator found: core's pass sentence is the finding's own
  // (English) text, said again as the event log says it; its fail sentence
  // is a fixed form.
  for (ipclab::FindingKind kind : expect.happened) {
    const auto it = std::find_if(snap.findings.begin(), snap.findings.end(),
                                 [kind](const ipclab::Finding& f) { return f.kind == kind; });
    Check c;
    c.passEn = it != snap.findings.end() ? it->text : std::string();
    c.pass = it != snap.findings.end() ? EventDetailText::finding(*it) : QString();
    c.failEn = "expected " + ipclab::finding_words(kind) + ", but none happened";
    c.fail = tr("expected %1, but none happened").arg(findingWords(kind));
    checks.push_back(std::move(c));
  }

  // What each process did (lesson_check_events.cpp): a signal delivered to
  // it, a system call it made, one that failed with an errno.
  for (const ipclab::Expect::EventPattern& p : expect.events) {
    for (int w : ipclab::resolve_process_ref(workers, sc, p.process)) {
      if (w < 0 || static_cast<size_t>(w) >= workers.size()) return std::nullopt;
      const std::string& name = workers[static_cast<size_t>(w)].name;
      const QString who = q(name), call = q(p.call);
      Check c;
      c.passEn = ipclab::event_sentence(p, name, true);
      c.failEn = ipclab::event_sentence(p, name, false);
      if (p.signal) {
        const QString sig = q(ipclab::signal_display_name(p.signal));
        c.pass = tr("%1 got %2", "a signal was delivered to a process").arg(who, sig);
        c.fail = tr("expected %1 to get %2, but it has not").arg(who, sig);
      } else if (p.err) {
        const char* e = strerrorname_np(p.err);
        const QString err = e ? QString::fromLatin1(e) : QString::number(p.err);
        c.pass = tr("%1's %2() failed with %3").arg(who, call, err);
        c.fail = tr("expected %1's %2() to fail with %3, but it has not").arg(who, call, err);
      } else {
        c.pass = tr("%1 called %2()").arg(who, call);
        c.fail = tr("expected %1 to call %2(), but it has not").arg(who, call);
      }
      checks.push_back(std::move(c));
    }
  }

  // Every cell of a shared memory, and the messages in a channel.
  auto joined = [](const std::vector<int64_t>& values) {
    std::string out;
    for (int64_t v : values) out += (out.empty() ? "" : ", ") + std::to_string(v);
    return out;
  };
  for (const auto& [name, want] : expect.cells) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
    const std::vector<int64_t>& cells = snap.objects[static_cast<size_t>(obj)].cells;
    const std::vector<int64_t> got(
        cells.begin(),
        cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), want.size())));
    const std::string gotText = "[" + joined(got) + "]", wantText = "[" + joined(want) + "]";
    Check c;
    c.passEn = name + " holds " + gotText;
    c.failEn = "expected " + name + " to hold " + wantText + ", but it holds " + gotText;
    c.pass = tr("%1 holds %2").arg(q(name), q(gotText));
    c.fail = tr("expected %1 to hold %2, but it holds %3").arg(q(name), q(wantText), q(gotText));
    checks.push_back(std::move(c));
  }
  auto messagesEn = [](const std::vector<std::string>& texts) {
    if (texts.empty()) return std::string("nothing");
    std::string out;
    for (const std::string& t : texts) out += (out.empty() ? "\"" : ", \"") + t + "\"";
    return out;
  };
  auto messagesTr = [](const std::vector<std::string>& texts) {
    if (texts.empty()) return tr("nothing", "a channel holds no message");
    QStringList out;
    for (const std::string& t : texts) out << QStringLiteral("“%1”").arg(q(t));
    return out.join(tr(", ", "between the messages of a channel"));
  };
  for (const auto& [name, want] : expect.contents) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
    const std::vector<std::string>& got = snap.objects[static_cast<size_t>(obj)].contents;
    Check c;
    c.passEn = name + " holds " + messagesEn(got);
    c.failEn =
        "expected " + name + " to hold " + messagesEn(want) + ", but it holds " + messagesEn(got);
    c.pass = tr("%1 holds %2").arg(q(name), messagesTr(got));
    c.fail = tr("expected %1 to hold %2, but it holds %3")
                 .arg(q(name), messagesTr(want), messagesTr(got));
    checks.push_back(std::move(c));
  }

  // A private object as each process has it, and floors (lesson_check_memory.cpp).
  auto cellsEn = [](const std::vector<int64_t>& cells) {
    if (cells.size() == 1) return std::to_string(cells[0]);
    std::string out;
    for (int64_t v : cells) out += (out.empty() ? "[" : ", ") + std::to_string(v);
    return out + "]";
  };
  for (const ipclab::Expect::OwnCopy& want : expect.memory) {
    const int obj = sc.object_index(want.object);
    if (obj < 0) continue;
    if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
    const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    for (int w : ipclab::resolve_process_ref(workers, sc, want.process)) {
      const std::string& name = workers[static_cast<size_t>(w)].name;
      const std::string what = name + "'s " + want.object, wanted = cellsEn(want.cells);
      std::vector<int64_t> got;
      for (const ipclab::ObjectStatus::OwnCopy& copy : o.private_cells)
        if (copy.worker == w && copy.cells.size() >= want.cells.size())
          got.assign(copy.cells.begin(),
                     copy.cells.begin() + static_cast<std::ptrdiff_t>(want.cells.size()));
      Check c;
      c.passEn = what + " is " + wanted;
      c.pass = tr("%1's %2 is %3").arg(q(name), q(want.object), q(wanted));
      // A copy that could not be read: core's words stand (no match here).
      if (!got.empty()) {
        c.failEn = "expected " + what + " to be " + wanted + ", but it is " + cellsEn(got);
        c.fail = tr("expected %1's %2 to be %3, but it is %4")
                     .arg(q(name), q(want.object), q(wanted), q(cellsEn(got)));
      }
      checks.push_back(std::move(c));
    }
  }
  for (const auto& [name, least] : expect.at_least) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    if (static_cast<size_t>(obj) >= snap.objects.size()) return std::nullopt;
    const std::optional<int64_t> got = ipclab::value_of(snap.objects[static_cast<size_t>(obj)]);
    const std::string gotEn = got ? std::to_string(*got) : std::string("unknown");
    Check c;
    c.passEn = name + " is " + gotEn + ", at least " + std::to_string(least);
    c.failEn =
        "expected " + name + " to be at least " + std::to_string(least) + ", but it is " + gotEn;
    c.pass = tr("%1 is %2, at least %3").arg(q(name), q(gotEn), QString::number(least));
    c.fail = tr("expected %1 to be at least %2, but it is %3")
                 .arg(q(name), QString::number(least), got ? q(gotEn) : tr("unknown"));
    checks.push_back(std::move(c));
  }

  // Pair them with core's verdicts, in order; any sentence that is not
  // core's means the two looks saw different states.
  std::vector<Line> passed, failed;
  size_t p = 0, f = 0;
  for (const Check& c : checks) {
    if (p < outcome.passed.size() && outcome.passed[p] == c.passEn) {
      passed.push_back({true, c.pass});
      ++p;
    } else if (f < outcome.failed.size() && outcome.failed[f] == c.failEn) {
      failed.push_back({false, c.fail});
      ++f;
    } else {
      return std::nullopt;
    }
  }
  if (p != outcome.passed.size() || f != outcome.failed.size()) return std::nullopt;
  passed.insert(passed.end(), failed.begin(), failed.end());
  return passed;
}

QString LessonCheckText::findingWords(ipclab::FindingKind kind) {
  using F = ipclab::FindingKind;
  switch (kind) {
    case F::race:
      return tr("a lost update");
    case F::exclusion:
      return tr("two processes inside one critical section");
    case F::deadlock:
      return tr("a deadlock");
    case F::starvation:
      return tr("a starving process");
    case F::split:
      return tr("a split message");
    case F::signal_lost:
      return tr("a lost signal");
    case F::overflow:
      return tr("a buffer overrun");
    case F::underflow:
      return tr("a read of an empty slot");
  }
  return QStringLiteral("?");
}

QString LessonCheckText::truth(const ipclab::Ask& ask, const ipclab::AskTruth& t,
                               const ipclab::Snapshot* snapshot, const ipclab::Scenario& sc) {
  if (ask.value_of)  // ask_truth: "OBJ is N" or "OBJ is unknown"
    return tr("%1 is %2", "a question's object and its real value")
        .arg(q(*ask.value_of), t.real_value ? QString::number(*t.real_value) : tr("unknown"));
  if (!t.from_processes) return tr("(the lesson's answer)");
  if (!t.right_choice) return tr("none of the choices describes what happened");
  // The sentences of the right choice's `when` that held, joined by "; ".
  const size_t right = static_cast<size_t>(*t.right_choice);
  if (!snapshot || right >= ask.when.size() || !ask.when[right]) return q(t.sentence);
  ipclab::ExpectOutcome outcome;
  for (const QString& part : q(t.sentence).split(QStringLiteral("; ")))
    outcome.passed.push_back(part.toStdString());
  const auto lines = rebuild(*ask.when[right], outcome, *snapshot, sc);
  if (!lines) return q(t.sentence);
  QStringList out;
  for (const Line& l : *lines) out << l.text;
  return out.join(tr("; ", "between the facts that decided a question"));
}

QString LessonCheckText::problem(const ipclab::StepProblem& p) {
  using K = ipclab::StepProblem::Kind;
  const QString name = q(p.process);
  switch (p.kind) {
    case K::nothing_stepped:
      return tr("no process could take a step");
    case K::not_settled:
      // grant_lesson_step: a lesson's `switch:` that did not settle names its channel.
      if (p.sentence == "the switch of " + p.process + " did not settle within 5 s")
        return tr("the switch of %1 did not settle within 5 s").arg(name);
      return tr("a step of %1 did not settle within 5 s").arg(name);
    case K::not_switched: {
      // grant_lesson_step: "could not switch CHANNEL to MECHANISM: WHY", WHY
      // being Session::switch_channel's reason, worded as the window does.
      static const QRegularExpression form(
          QStringLiteral("^could not switch (\\S+) to (\\w+): (.+)$"));
      const QRegularExpressionMatch m = form.match(q(p.sentence));
      const auto kind =
          m.hasMatch() ? ipclab::object_kind_from(m.captured(2).toStdString()) : std::nullopt;
      if (!kind || m.captured(1) != name) return q(p.sentence);
      return SwitchText::refusal(name, *kind, m.captured(3).toStdString());
    }
    case K::not_killed: {
      using KR = ipclab::KillResult;
      switch (p.kill_result) {
        case KR::finished:
          return tr("could not kill %1: it has already finished").arg(name);
        case KR::unknown_process:
          return tr("could not kill %1: there is no such process").arg(name);
        case KR::not_seen:
          return tr("could not kill %1: its death was not seen within 5 s").arg(name);
        case KR::failed:
          return tr("could not kill %1: the kernel refused the signal").arg(name);
        case KR::killed:
          break;
      }
      return q(p.sentence);
    }
    case K::run_too_long:
      // grant_lesson_step: a `run:` that went past its limit of actions.
      if (p.process == "all")
        return tr("the processes did not all block or finish within %1 actions").arg(p.limit);
      return tr("%1 did not block or finish within %2 actions").arg(name).arg(p.limit);
    case K::run_too_slow:
      if (p.process == "all")
        return tr("the processes did not all block or finish within %1 s").arg(p.limit);
      return tr("%1 did not block or finish within %2 s").arg(name).arg(p.limit);
    case K::not_granted:
      break;
  }
  using R = ipclab::StepResult;
  switch (p.result) {
    case R::blocked:
      return tr("could not step %1: it is blocked: only another process's step can release it")
          .arg(name);
    case R::finished:
      return tr("could not step %1: it has finished").arg(name);
    case R::not_ready:
      return tr("could not step %1: it is not at its step gate yet").arg(name);
    case R::unknown_process:
      return tr("could not step %1: there is no such process").arg(name);
    case R::not_stepping:
      return tr("could not step %1: the session is running freely; pause it first").arg(name);
    case R::granted:
      break;
  }
  return q(p.sentence);
}
