// EventLogModel: the session's events as rows, appended in batches (one
// beginInsertRows per batch, whatever its size). Keeps the newest
// kMaxEvents; older rows are dropped in chunks, and total() still counts
// every event of the session. EventFilterModel narrows it
// to the rows whose text contains the filter, in any column.
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <cstdint>
#include <deque>
#include <vector>

#include "trace/event.hpp"

class EventLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Time, Process, Pid, Kind, Object, Message, Bytes, Data, Detail, ColumnCount };
  // On the Kind column: the ipclab::EventKind as an int.
  static constexpr int KindRole = Qt::UserRole + 1;
  static constexpr size_t kMaxEvents = 200000;

  explicit EventLogModel(QObject* parent = nullptr);

  void append(const std::vector<ipclab::Event>& events);
  void clear();
  void retranslate();
  const ipclab::Event& event(int row) const { return events_[static_cast<size_t>(row)]; }
  // Every event appended since the last clear(), also those no longer kept.
  uint64_t total() const { return total_; }

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QVariant display(const ipclab::Event& e, int column) const;

  std::deque<ipclab::Event> events_;
  uint64_t total_ = 0;
};

class EventFilterModel : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit EventFilterModel(QObject* parent = nullptr);
  // Every word of `text` must appear somewhere in a row (any column, any case).
  void setFilterText(const QString& text);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QStringList words_;
};
