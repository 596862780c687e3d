#include "object_table_model.h"

#include <QFont>

ObjectTableModel::ObjectTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ObjectTableModel::setScenario(const ipclab::Scenario& scenario,
                                   const std::vector<ipclab::WorkerIdentity>& workers) {
  beginResetModel();
  rows_.clear();
  for (const ipclab::ObjectSpec& spec : scenario.objects) {
    Row row;
    row.name = QString::fromStdString(spec.name);
    row.kind = spec.kind;
    row.mechanism = spec.mechanism;
    rows_.push_back(row);
  }
  workerNames_.clear();
  for (const ipclab::WorkerIdentity& w : workers) workerNames_ << QString::fromStdString(w.name);
  endResetModel();
}

void ObjectTableModel::applySnapshot(const ipclab::Snapshot& snapshot) {
  if (snapshot.objects.size() != rows_.size()) return;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const ipclab::ObjectStatus& o = snapshot.objects[i];
    Row& row = rows_[i];
    row.mechanism = o.mechanism;  // a live switch changes it
    row.unit = QString::fromStdString(o.unit);
    row.modelFill = o.model_fill;
    row.kernelFill = o.kernel_fill;
    row.owner = o.owner;
    row.ownerTid = o.owner_tid_kernel;
    row.waiters = o.waiters;
    row.cells.assign(o.cells.begin(), o.cells.end());
    row.ownCopies.clear();
    for (const ipclab::ObjectStatus::OwnCopy& c : o.private_cells)
      if (!c.cells.empty()) row.ownCopies.emplace_back(c.worker, c.cells[0]);
  }
  if (!rows_.empty())
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

void ObjectTableModel::clear() {
  beginResetModel();
  rows_.clear();
  workerNames_.clear();
  endResetModel();
}

void ObjectTableModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  if (!rows_.empty())
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

void ObjectTableModel::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  if (!rows_.empty())
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

int ObjectTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ObjectTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString ObjectTableModel::workerName(int index) const {
  if (index < 0 || index >= workerNames_.size()) return QString();
  return workerNames_.at(index);
}

QString ObjectTableModel::mechanismText(const Row& row) const {
  const QString mechanism = QString::fromLatin1(ipclab::to_string(row.mechanism));
  if (row.kind == ipclab::ObjectKind::channel) return tr("channel over %1").arg(mechanism);
  return mechanism;
}

QString ObjectTableModel::fillText(const Row& row, std::optional<qint64> value) const {
  if (!value) return QStringLiteral("–");
  if (row.unit == QLatin1String("bytes")) return tr("%1 bytes").arg(*value);
  if (row.unit == QLatin1String("messages")) return tr("%1 messages").arg(*value);
  return QString::number(*value);  // a semaphore's count speaks for itself
}

QString ObjectTableModel::modelText(const Row& row) const {
  if (row.mechanism == ipclab::ObjectKind::mutex)
    return row.owner >= 0 ? tr("locked") : tr("unlocked");
  if (row.unit.isEmpty()) return QStringLiteral("–");
  return fillText(row, row.modelFill);
}

QString ObjectTableModel::kernelText(const Row& row) const {
  if (row.mechanism == ipclab::ObjectKind::mutex)
    return row.ownerTid ? tr("locked by tid %1").arg(row.ownerTid) : tr("unlocked");
  if (row.unit.isEmpty()) return QStringLiteral("–");
  return fillText(row, row.kernelFill);
}

QVariant ObjectTableModel::display(const Row& row, int column) const {
  const bool hidden = hidden_.contains(row.name);
  // Who owns it and who waits tell the value as well (a semaphore nobody
  // waits on is above 0).
  if (hidden && (column == ModelFill || column == KernelFill || column == Cells ||
                 column == Owner || column == Waiters))
    return QStringLiteral("?");
  switch (column) {
    case Name:
      return row.name;
    case Mechanism:
      return mechanismText(row);
    case ModelFill:
      return modelText(row);
    case KernelFill:
      return kernelText(row);
    case Owner:
      return row.owner >= 0 ? workerName(row.owner) : QStringLiteral("–");
    case Waiters: {
      QStringList names;
      for (int w : row.waiters) names << workerName(w);
      return names.isEmpty() ? QStringLiteral("–") : names.join(QStringLiteral(", "));
    }
    case Cells: {
      if (!row.ownCopies.empty()) {  // a private object: cell 0 of each process's own copy
        QStringList copies;
        for (const auto& [worker, value] : row.ownCopies)
          copies << QStringLiteral("%1: %2").arg(workerName(worker)).arg(value);
        return copies.join(QStringLiteral(" · "));
      }
      if (row.cells.empty()) return QStringLiteral("–");
      QStringList cells;
      for (size_t i = 0; i < row.cells.size(); ++i)
        cells << QStringLiteral("[%1] %2").arg(i).arg(row.cells[i]);
      return cells.join(QStringLiteral("  "));
    }
    default:
      return QVariant();
  }
}

QVariant ObjectTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return QVariant();
  const Row& row = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
      return display(row, index.column());
    case Qt::FontRole:
      if (index.column() == Name) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return QVariant();
    case ValueRole:
      if (hidden_.contains(row.name)) return QVariant();
      if (index.column() == ModelFill && !row.unit.isEmpty()) return row.modelFill;
      if (index.column() == KernelFill && row.kernelFill) return *row.kernelFill;
      return QVariant();
    default:
      return QVariant();
  }
}

QVariant ObjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case ModelFill:
        return tr(
            "What the processes' own events say: bytes or messages in the channel, the "
            "semaphore's count, whether the mutex is locked");
      case KernelFill:
        return tr(
            "What the kernel reports now: FIONREAD, mq_getattr, sem_getvalue, the "
            "mutex's lock word");
      case Owner:
        return tr("The process holding the mutex");
      case Waiters:
        return tr("Processes blocked on this object, in the order they blocked");
      case Cells:
        return tr("The shared-memory cells, read from the mapping itself");
      default:
        return QVariant();
    }
  }
  if (role != Qt::DisplayRole) return QVariant();
  switch (section) {
    case Name:
      return tr("Object");
    case Mechanism:
      return tr("Mechanism");
    case ModelFill:
      return tr("Events say");
    case KernelFill:
      return tr("Kernel says");
    case Owner:
      return tr("Owner");
    case Waiters:
      return tr("Waiting");
    case Cells:
      return tr("Cells");
    default:
      return QVariant();
  }
}
