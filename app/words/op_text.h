// OpText: the action a student reads for one op of a process's plan, built
// with tr() from the op's fields, so it follows the GUI's language. In
// English it is word for word core's Op::label (a GUI test holds that for
// every op of every bundled lesson); the C call stays core's, it is C.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

#include "runtime/plan.hpp"
#include "runtime/session.hpp"
#include "scenario/scenario.hpp"

class OpText {
  Q_DECLARE_TR_FUNCTIONS(OpText)

 public:
  // The scenario's object names, by object index (what label() needs).
  static QStringList objectNames(const ipclab::Scenario& scenario);
  static QString label(const ipclab::Op& op, const QStringList& objectNames);
  static QString label(const ipclab::Op& op, const ipclab::Scenario& scenario);
};

// One session's plans with what labelling them needs, copied (nothing here
// points into the Session): label(worker, op) in the current language, ""
// for an op past the end (the process is done).
class PlanLabels {
 public:
  PlanLabels() = default;
  PlanLabels(const ipclab::Scenario& scenario, std::vector<std::vector<ipclab::Op>> plans);
  static PlanLabels of(const ipclab::Session& session);
  QString label(int worker, int op) const;
  // The op itself, or nullptr.
  const ipclab::Op* op(int worker, int op) const;
  bool empty() const { return plans_.empty(); }

 private:
  QStringList objects_;
  std::vector<std::vector<ipclab::Op>> plans_;
};
