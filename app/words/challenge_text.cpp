#include "challenge_text.h"

#include "event_detail_text.h"

QString ChallengeText::goalWords(ipclab::FindingKind goal) {
  using K = ipclab::FindingKind;
  switch (goal) {
    case K::race:
      return tr("a lost update");
    case K::exclusion:
      return tr("two processes inside one critical section");
    case K::deadlock:
      return tr("a deadlock");
    case K::starvation:
      return tr("a starving process");
    case K::split:
      return tr("a split message");
    case K::signal_lost:
      return tr("a lost signal");
    case K::overflow:
      return tr("a buffer overrun");
  }
  return QString();
}

QString ChallengeText::headline(const ipclab::Challenge& challenge,
                                const ipclab::ChallengeVerdict& verdict, int maxSteps) {
  const QString goal = goalWords(challenge.goal);
  using Loss = ipclab::ChallengeVerdict::Loss;
  switch (verdict.status) {
    case ipclab::ChallengeStatus::playing:
      return QString();
    case ipclab::ChallengeStatus::won:
      return tr("✓ Won: %1 happened.").arg(goal);
    case ipclab::ChallengeStatus::lost:
      break;
  }
  switch (verdict.loss) {
    case Loss::finished:
      return tr("✗ Lost: every process finished, and %1 never happened.").arg(goal);
    case Loss::stuck:
      return tr("✗ Lost: no process can take another step, and %1 never happened.").arg(goal);
    case Loss::too_many_steps:
      return tr("✗ Lost: more than the %1 steps allowed, and %2 never happened.")
          .arg(maxSteps)
          .arg(goal);
    case Loss::none:
      break;
  }
  return tr("✗ Lost: %1").arg(QString::fromStdString(verdict.sentence));
}

QString ChallengeText::finding(const ipclab::ChallengeVerdict& verdict) {
  if (!verdict.finding) return QString();
  const ipclab::Finding& f = *verdict.finding;
  const QString english = QString::fromStdString(f.text);
  if (f.kind == ipclab::FindingKind::deadlock) {
    const QString said = EventDetailText::deadlockText(english);
    return said.isNull() ? english : said;
  }
  ipclab::Event e;
  e.ev = f.kind == ipclab::FindingKind::signal_lost ? ipclab::EventKind::signal
                                                    : ipclab::EventKind::race;
  e.detail = f.text;
  const QString said = EventDetailText::words(e, nullptr);
  return said.isNull() ? english : said;
}

QString ChallengeText::refusal(ipclab::StepResult result, const QString& process) {
  using R = ipclab::StepResult;
  switch (result) {
    case R::granted:
      return QString();
    case R::blocked:
      return tr("%1 is blocked: only another process's step can release it.").arg(process);
    case R::finished:
      return tr("%1 has finished.").arg(process);
    case R::not_ready:
      return tr("%1 is still carrying out its previous step.").arg(process);
    case R::unknown_process:
      return tr("There is no process %1.").arg(process);
    case R::not_stepping:
      return tr("The processes are running freely: pause them first to step.");
  }
  return QString();
}
