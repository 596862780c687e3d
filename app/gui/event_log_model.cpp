#include "event_log_model.h"

#include <QBrush>
#include <QFont>
#include <algorithm>

#include "state_style.h"

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::append(const std::vector<ipclab::Event>& events) {
  if (events.empty()) return;
  total_ += events.size();
  const size_t incoming = std::min(events.size(), kMaxEvents);
  if (events_.size() + incoming > kMaxEvents) {
    // Drop a tenth at a time so trimming is rare.
    const size_t drop =
        std::min(events_.size(), events_.size() + incoming - kMaxEvents + kMaxEvents / 10);
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(drop) - 1);
    events_.erase(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(drop));
    endRemoveRows();
  }
  const int first = static_cast<int>(events_.size());
  beginInsertRows(QModelIndex(), first, first + static_cast<int>(incoming) - 1);
  events_.insert(events_.end(), events.end() - static_cast<std::ptrdiff_t>(incoming), events.end());
  endInsertRows();
}

void EventLogModel::clear() {
  beginResetModel();
  events_.clear();
  total_ = 0;
  endResetModel();
}

void EventLogModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  if (!events_.empty())
    emit dataChanged(index(0, Process), index(static_cast<int>(events_.size()) - 1, Process));
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(events_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::display(const ipclab::Event& e, int column) const {
  switch (column) {
    case Time:
      return QString::number(static_cast<double>(e.t_ns) / 1e6, 'f', 3);
    case Process:
      return e.worker < 0 && e.proc.empty() ? tr("session") : QString::fromStdString(e.proc);
    case Pid:
      return e.pid > 0 ? QVariant(e.pid) : QVariant();
    case Kind:
      return QString::fromLatin1(ipclab::to_string(e.ev));
    case Object:
      return QString::fromStdString(e.obj_name);
    case Message:
      return e.msg >= 0 ? QVariant(QStringLiteral("#%1").arg(e.msg)) : QVariant();
    case Bytes:
      return e.bytes >= 0 ? QVariant(static_cast<qlonglong>(e.bytes)) : QVariant();
    case Data:
      if (!e.data.empty()) return QStringLiteral("“%1”").arg(QString::fromStdString(e.data));
      if (e.value) return QStringLiteral("= %1").arg(*e.value);
      return QVariant();
    case Detail: {
      QString text = QString::fromStdString(e.detail);
      if (!e.syscall_name.empty())
        text += (text.isEmpty() ? QString() : QStringLiteral("  ")) +
                QStringLiteral("[%1]").arg(QString::fromStdString(e.syscall_name));
      if (!e.wchan.empty())
        text += QStringLiteral("  wchan %1").arg(QString::fromStdString(e.wchan));
      return text;
    }
    default:
      return QVariant();
  }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(events_.size())) return QVariant();
  const ipclab::Event& e = events_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      return display(e, index.column());
    case Qt::ToolTipRole:
      if (index.column() == Data || index.column() == Detail) return display(e, index.column());
      return QVariant();
    case Qt::ForegroundRole:
      if (index.column() == Process && e.worker >= 0)
        return QBrush(StateStyle::processColor(e.worker));
      if (index.column() == Kind) {
        const QColor c = StateStyle::eventColor(e.ev);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
      }
      return QVariant();
    case Qt::FontRole:
      if (index.column() == Kind || index.column() == Process) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return QVariant();
    case Qt::TextAlignmentRole:
      if (index.column() == Time || index.column() == Pid || index.column() == Bytes ||
          index.column() == Message)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case KindRole:
      return static_cast<int>(e.ev);
    default:
      return QVariant();
  }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::TextAlignmentRole) {
    const bool number = section == Time || section == Pid || section == Bytes || section == Message;
    return QVariant((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Time:
        return tr("Milliseconds since the session started");
      case Kind:
        return tr(
            "What happened: spawn, step, call, return, block, unblock, send, recv, "
            "acquire, release, value, signal, deliver, exit, deadlock, ...");
      case Message:
        return tr("The message's sequence number on its channel");
      case Data:
        return tr("The message text (its first 64 bytes) or the value");
      default:
        return QVariant();
    }
  }
  if (role != Qt::DisplayRole) return QVariant();
  switch (section) {
    case Time:
      return tr("Time (ms)");
    case Process:
      return tr("Process");
    case Pid:
      return tr("PID");
    case Kind:
      return tr("Event");
    case Object:
      return tr("Object");
    case Message:
      return tr("Msg");
    case Bytes:
      return tr("Bytes");
    case Data:
      return tr("Data / value");
    case Detail:
      return tr("Detail");
    default:
      return QVariant();
  }
}

EventFilterModel::EventFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void EventFilterModel::setFilterText(const QString& text) {
  const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words == words_) return;
  words_ = words;
  invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  // "producer send" shows the producer's sends.
  if (words_.isEmpty()) return true;
  const QAbstractItemModel* source = sourceModel();
  QString row;
  for (int c = 0; c < source->columnCount(sourceParent); ++c)
    row += source->index(sourceRow, c, sourceParent).data().toString() + QLatin1Char(' ');
  for (const QString& word : words_)
    if (!row.contains(word, Qt::CaseInsensitive)) return false;
  return true;
}
