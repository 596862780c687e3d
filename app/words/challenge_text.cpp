#include "challenge_text.h"

#include "event_detail_text.h"
#include "lesson_check_text.h"
#include "runtime/lesson_check.hpp"

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
    case K::underflow:
      return tr("a read of an empty slot");
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
  return verdict.finding ? EventDetailText::finding(*verdict.finding) : QString();
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

QString ChallengeText::sentence(const ipclab::Challenge& challenge,
                                const ipclab::ChallengeVerdict& verdict, int stepsUsed) {
  const QString english = QString::fromStdString(verdict.sentence);
  if (verdict.status == ipclab::ChallengeStatus::won) return finding(verdict);
  if (verdict.status != ipclab::ChallengeStatus::lost) return english;
  // judge_challenge's words, rebuilt from the same data: said again only
  // when that is the sentence core wrote.
  const std::string never = ipclab::finding_words(challenge.goal) + " never happened";
  const QString goal = goalWords(challenge.goal);
  using Loss = ipclab::ChallengeVerdict::Loss;
  std::string en;
  QString said;
  switch (verdict.loss) {
    case Loss::too_many_steps:
      en = std::to_string(stepsUsed) + " steps used, more than the " +
           std::to_string(challenge.max_steps) + " allowed, and " + never;
      said = tr("%1 steps used, more than the %2 allowed, and %3 never happened")
                 .arg(QString::number(stepsUsed), QString::number(challenge.max_steps), goal);
      break;
    case Loss::finished:
      en = "every process finished, and " + never;
      said = tr("every process finished, and %1 never happened").arg(goal);
      break;
    case Loss::stuck:
      en = "no process can take another step, and " + never;
      said = tr("no process can take another step, and %1 never happened").arg(goal);
      break;
    case Loss::none:
      break;
  }
  return en == verdict.sentence ? said : english;
}

QString ChallengeText::playProblem(const std::string& problem) {
  // play_challenge: "could not step PROC: " + describe(result).
  const std::string head = "could not step ";
  const size_t colon = problem.find(": ", head.size());
  if (problem.compare(0, head.size(), head) != 0 || colon == std::string::npos)
    return QString::fromStdString(problem);
  using R = ipclab::StepResult;
  for (R r : {R::blocked, R::finished, R::not_ready, R::unknown_process, R::not_stepping}) {
    if (problem.compare(colon + 2, std::string::npos, ipclab::describe(r)) != 0) continue;
    ipclab::StepProblem p;
    p.kind = ipclab::StepProblem::Kind::not_granted;
    p.process = problem.substr(head.size(), colon - head.size());
    p.result = r;
    p.sentence = problem;
    return LessonCheckText::problem(p);
  }
  return QString::fromStdString(problem);
}
