// ProcessTableModel: one row per worker process of the running session, as
// the last snapshot showed it: name, real pid, state (word and colour), the
// action it is on, and what the kernel says (state, syscall, wait channel).
// Rows are copies: nothing here points into the Session.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "op_text.h"
#include "runtime/session.hpp"

class ProcessTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Name, Pid, State, Action, KernelState, Syscall, WaitChannel, ColumnCount };
  // Qt::UserRole + 1 on the State column: the ipclab::WorkerState as an int.
  static constexpr int StateRole = Qt::UserRole + 1;

  explicit ProcessTableModel(QObject* parent = nullptr);

  // A new session: one row per worker, before any snapshot; `labels` names
  // each worker's actions in the current language.
  void setWorkers(const std::vector<ipclab::WorkerIdentity>& workers, PlanLabels labels);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void clear();
  // The language changed: every text is produced again.
  void retranslate();

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    QString name;
    int worker = 0;
    int pid = 0;
    ipclab::WorkerState state = ipclab::WorkerState::starting;
    QString blockedOn;  // object name while blocked
    bool blockedTimed = false;
    int op = 0;
    int opCount = 0;
    int exitCode = -1;
    int termSignal = 0;
    bool kernelKnown = false;
    char kernelState = '?';
    QString syscall;
    QString wchan;
  };
  QString stateText(const Row& row) const;
  QString actionText(const Row& row) const;
  QString kernelText(const Row& row) const;
  QVariant display(const Row& row, int column) const;

  std::vector<Row> rows_;
  PlanLabels labels_;
};
