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
};
