// CodePanel: every process's script side by side, one column per process,
// each row an action and the real C call it makes. The action each process
// is on is highlighted with its state in words (next, running, blocked);
// the view scrolls only when that row leaves sight, so it follows a running
// session without jumping. After a live switch of a channel's mechanism the
// C calls are core's for the new one (write() becomes mq_send()).
#pragma once

#include <QWidget>
#include <vector>

#include "runtime/session.hpp"

class QHBoxLayout;
class QLabel;
class QScrollArea;
class QTableView;
class PlanModel;

class CodePanel : public QWidget {
  Q_OBJECT

 public:
  explicit CodePanel(QWidget* parent = nullptr);

  // One column per worker, from the session's plans.
  void setSession(const ipclab::Session& session);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void clear();
  void restyle();  // the application font changed

  int processCount() const { return static_cast<int>(columns_.size()); }
  PlanModel* plan(int worker) const;
  QTableView* view(int worker) const;
  QString headerText(int worker) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Column {
    QWidget* box = nullptr;
    QLabel* header = nullptr;
    QTableView* view = nullptr;
    PlanModel* model = nullptr;
    QString name;
    pid_t pid = 0;
    ipclab::WorkerState state = ipclab::WorkerState::starting;
  };
  void retranslate();
  void updateHeader(Column& column, int index);
  void fitColumns(Column& column);
  // A channel runs on another mechanism now: the C calls follow it.
  void followMechanisms(const ipclab::Snapshot& snapshot);
  void fitStrip();
  void follow(Column& column);

  QScrollArea* scroll_;
  QWidget* strip_;
  QHBoxLayout* stripLayout_;
  QLabel* placeholder_;
  std::vector<Column> columns_;
  // What the plans' C calls were built from: the scenario with each
  // channel's mechanism as it is now.
  ipclab::Scenario scenario_;
  std::vector<ipclab::WorkerIdentity> workers_;
};
