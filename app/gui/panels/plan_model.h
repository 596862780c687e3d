// PlanModel: one process's script as the worker executes it (core's plan:
// repeats unrolled, one row per action), with the action a student reads
// and the real C call beside it. The current action is marked with the
// process's state (next at the gate, running, blocked), done ones are greyed.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "runtime/control_block.hpp"
#include "runtime/plan.hpp"

class PlanModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Line: the action's number, with ▶ (or ■ when blocked) on the current one.
  enum Column { Line, Action, CCall, ColumnCount };
  // True on the current row, for tests and delegates.
  static constexpr int CurrentRole = Qt::UserRole + 1;

  explicit PlanModel(QObject* parent = nullptr);

  // objectNames: the scenario's, by index (OpText::objectNames).
  void setPlan(const std::vector<ipclab::Op>& plan, const QStringList& objectNames);
  // Marks op `op` (== rowCount() when done) in state `state`; only the rows
  // that change are repainted.
  void setCurrent(int op, ipclab::WorkerState state);
  // The C calls of `plan` (the same ops, built for the mechanisms a live
  // switch put the channels on) replace the shown ones.
  void setCCalls(const std::vector<ipclab::Op>& plan);
  int current() const { return current_; }
  ipclab::WorkerState state() const { return state_; }
  void retranslate();

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QString markText() const;
  void touchRow(int row);

  QString label(int row) const;  // in the current language (OpText)

  std::vector<ipclab::Op> rows_;
  QStringList objectNames_;
  int current_ = 0;
  ipclab::WorkerState state_ = ipclab::WorkerState::starting;
};
