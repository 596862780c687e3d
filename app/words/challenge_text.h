// ChallengeText: a challenge's goal and verdict in the window's language.
// The lost reasons are rebuilt from the verdict's data (the kind of loss,
// the steps, the limit); a won verdict keeps the simulator's own finding,
// said again by EventDetailText where it knows the sentence, else in
// core's English (what the event log shows too).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

#include "runtime/challenge.hpp"

class ChallengeText {
  Q_DECLARE_TR_FUNCTIONS(ChallengeText)

 public:
  // "a lost update", "a deadlock", ...
  static QString goalWords(ipclab::FindingKind goal);
  // The first line of a verdict: "✓ Won: a lost update happened." or
  // "✗ Lost: every process finished, and a lost update never happened."
  static QString headline(const ipclab::Challenge& challenge,
                          const ipclab::ChallengeVerdict& verdict, int maxSteps);
  // What the simulator found (won), in the current language where it can.
  static QString finding(const ipclab::ChallengeVerdict& verdict);
  // Why a step could not be granted, or "" when it was.
  static QString refusal(ipclab::StepResult result, const QString& process);
  // Core's ChallengeVerdict::sentence in the current language: the finding
  // (won), or why the challenge is lost, rebuilt from the verdict's data;
  // core's English when it is not in one of core's forms.
  static QString sentence(const ipclab::Challenge& challenge,
                          const ipclab::ChallengeVerdict& verdict, int stepsUsed);
  // One of ChallengePlay::problems ("could not step P: WHY") in the current
  // language; core's English when it is not in that form.
  static QString playProblem(const std::string& problem);
};
