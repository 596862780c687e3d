// ObjectTableModel: one row per IPC object of the running session: its name,
// mechanism, what the processes' events say (model fill, owner, waiters)
// beside what the kernel says now (sem_getvalue, FIONREAD, mq_getattr, the
// mutex's lock word), and shared-memory cells. Rows are copies.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

#include "runtime/session.hpp"

class ObjectTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Name, Mechanism, ModelFill, KernelFill, Owner, Waiters, Cells, ColumnCount };
  // On ModelFill / KernelFill: the raw number (qint64), or invalid when none.
  static constexpr int ValueRole = Qt::UserRole + 1;

  explicit ObjectTableModel(QObject* parent = nullptr);

  void setScenario(const ipclab::Scenario& scenario,
                   const std::vector<ipclab::WorkerIdentity>& workers);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void clear();
  void retranslate();
  // Objects (by name) whose values a lesson question hides: "?" in the
  // value and cell columns until the list no longer names them.
  void setHiddenObjects(const QStringList& names);
  QStringList hiddenObjects() const { return hidden_; }

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    QString name;
    ipclab::ObjectKind kind = ipclab::ObjectKind::pipe;
    ipclab::ObjectKind mechanism = ipclab::ObjectKind::pipe;
    QString unit;  // "bytes", "messages", "count" or ""
    qint64 modelFill = 0;
    std::optional<qint64> kernelFill;
    int owner = -1;
    qint64 ownerTid = 0;
    std::vector<int> waiters;
    std::vector<qint64> cells;
    std::vector<std::pair<int, qint64>> ownCopies;  // private: worker, its cell 0
  };
  QString mechanismText(const Row& row) const;
  QString fillText(const Row& row, std::optional<qint64> value) const;
  QString modelText(const Row& row) const;
  QString kernelText(const Row& row) const;
  QString workerName(int index) const;
  QVariant display(const Row& row, int column) const;

  std::vector<Row> rows_;
  QStringList workerNames_;
  QStringList hidden_;
};
