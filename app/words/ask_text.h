// AskText: what `ipclab-cli lesson` says when a question's key disagrees
// with the real processes (core's key_disagreement), in the current
// language. Rebuilt from the question and its truth; the facts that decided
// it are LessonCheckText::truth's. Core's English when the sentence is not
// in one of core's forms.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "runtime/ask_check.hpp"

class AskText {
  Q_DECLARE_TR_FUNCTIONS(AskText)

 public:
  // Null when the key agrees with the processes. `snapshot` is the state
  // the truth was taken from (nullptr: the facts stay in English).
  static QString disagreement(const ipclab::Ask& ask, const ipclab::AskTruth& truth,
                              const ipclab::Snapshot* snapshot, const ipclab::Scenario& scenario);
};
