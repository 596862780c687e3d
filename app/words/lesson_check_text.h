// LessonCheckText: the ✓/✗ sentences of a lesson step's `expect`, in the
// GUI's language. Core's check_expect judges and words them in English; this
// walks the same checks in the same order over the snapshot taken right
// after, rebuilds core's English sentence for each and, where it is the one
// core wrote, says it again with tr(). The verdict stays core's. When any
// sentence differs (the state moved between the two looks), it gives up and
// the panel shows core's English as it is.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <vector>

#include "runtime/ask_check.hpp"
#include "runtime/lesson_check.hpp"

class LessonCheckText {
  Q_DECLARE_TR_FUNCTIONS(LessonCheckText)

 public:
  struct Line {
    bool passed = false;
    QString text;
  };
  // A problem granting the step's `step`, in the GUI's language.
  static QString problem(const ipclab::StepProblem& problem);
  static std::optional<std::vector<Line>> rebuild(const ipclab::Expect& expect,
                                                  const ipclab::ExpectOutcome& outcome,
                                                  const ipclab::Snapshot& snapshot,
                                                  const ipclab::Scenario& scenario);
  // What the real processes show, for a question's verdict: core's
  // AskTruth::sentence said again in the GUI's language where it is one of
  // core's fixed forms ("counter is 1", the checks of the right choice's
  // `when`, rebuilt over `snapshot`), else core's English as it is.
  static QString truth(const ipclab::Ask& ask, const ipclab::AskTruth& truth,
                       const ipclab::Snapshot* snapshot, const ipclab::Scenario& scenario);
  // "a lost update": what a finding kind is.
  static QString findingWords(ipclab::FindingKind kind);
};
