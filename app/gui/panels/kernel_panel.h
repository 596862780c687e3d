// KernelPanel: what the kernel says right now beside what the processes'
// own events say. For each process: the state the events report, the
// kernel's state letter and word (/proc/PID/stat), the system call it is in,
// the kernel function it sleeps in (wchan) and its pending signals. For each
// object: the events' count beside the kernel's (FIONREAD, mq_getattr,
// sem_getvalue, the mutex's lock word, the shared mapping). Where the two
// disagree the row says so in words ("≠ differs") and is tinted. Out of
// sight it keeps its texts current but sizes no columns.
#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

#include "runtime/session.hpp"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

class KernelPanel : public QWidget {
  Q_OBJECT

 public:
  enum ProcessColumn { PName, PAgree, PModel, PKernel, PSyscall, PWchan, PSignals, PCount };
  enum ObjectColumn { OName, OAgree, OModel, OKernel, OAskedBy, OCount };

  explicit KernelPanel(QWidget* parent = nullptr);

  void setSession(const ipclab::Session& session);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void clear();
  void restyle();
  // Its dock came into sight (also as a tab): the columns fit what piled up.
  void catchUp();
  // The objects (by name) a lesson question hides: their rows say "?"
  // (the count, the owner, who waits) until it is answered.
  void setHiddenObjects(const QStringList& names);

  // The text shown in one cell (tests).
  QString processText(int worker, ProcessColumn column) const;
  QString objectText(int object, ObjectColumn column) const;
  bool processDiffers(int worker) const;
  bool objectDiffers(int object) const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fit();
  void growColumns();
  QString modelState(const ipclab::WorkerStatus& w) const;
  QString kernelState(const ipclab::WorkerStatus& w) const;
  // Empty when the two agree, else why they do not.
  QString processMismatch(const ipclab::WorkerStatus& w) const;
  void fillObject(QTreeWidgetItem* item, size_t index, const ipclab::ObjectStatus& o);
  QString workerName(int index) const;
  QString workerOfPid(pid_t pid) const;
  void markAgreement(QTreeWidgetItem* item, int agreeColumn, int columns, const QString& why);

  QLabel* processTitle_;
  QLabel* objectTitle_;
  QTreeWidget* processes_;
  QTreeWidget* objects_;
  std::vector<QString> workerNames_;
  std::vector<pid_t> workerPids_;
  std::vector<QString> objectNames_;
  std::vector<ipclab::ObjectKind> objectKinds_;  // effective mechanism (channels may switch)
  ipclab::Snapshot last_;  // kept for a language switch; its spec pointers are never read
  QStringList hidden_;
  bool haveSnapshot_ = false;
  bool columnsStale_ = false;  // texts changed while out of sight
};
