#include "process_table_model.h"

#include <QBrush>
#include <QFont>

#include "state_style.h"

ProcessTableModel::ProcessTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProcessTableModel::setWorkers(const std::vector<ipclab::WorkerIdentity>& workers,
                                   PlanLabels labels) {
  beginResetModel();
  rows_.clear();
  labels_ = std::move(labels);
  for (const ipclab::WorkerIdentity& w : workers) {
    Row row;
    row.name = QString::fromStdString(w.name);
    row.worker = w.index;
    rows_.push_back(row);
  }
  endResetModel();
}

void ProcessTableModel::applySnapshot(const ipclab::Snapshot& snapshot) {
  if (snapshot.workers.size() != rows_.size()) return;  // not this session's snapshot
  for (size_t i = 0; i < rows_.size(); ++i) {
    const ipclab::WorkerStatus& w = snapshot.workers[i];
    Row& row = rows_[i];
    row.pid = w.pid;
    row.state = w.state;
    row.blockedOn.clear();
    if (w.blocked_obj >= 0 && static_cast<size_t>(w.blocked_obj) < snapshot.objects.size())
      row.blockedOn =
          QString::fromStdString(snapshot.objects[static_cast<size_t>(w.blocked_obj)].spec->name);
    row.blockedTimed = w.blocked_timed;
    row.op = w.op;
    row.opCount = w.op_count;
    row.exitCode = w.exit_code;
    row.termSignal = w.term_signal;
    row.kernelKnown = w.kernel.alive;
    row.kernelState = w.kernel.state;
    row.syscall = QString::fromStdString(w.kernel.syscall_name);
    if (row.syscall.isEmpty() && w.kernel.syscall_nr >= 0)
      row.syscall = QString::number(w.kernel.syscall_nr);
    row.wchan = QString::fromStdString(w.kernel.wchan);
  }
  if (!rows_.empty())
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

void ProcessTableModel::clear() {
  beginResetModel();
  rows_.clear();
  endResetModel();
}

void ProcessTableModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  if (!rows_.empty())
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessTableModel::stateText(const Row& row) const {
  QString word = StateStyle::stateWord(row.state);
  if (row.state == ipclab::WorkerState::blocked && !row.blockedOn.isEmpty())
    word = row.blockedTimed ? tr("%1 on %2 (with timeout)").arg(word, row.blockedOn)
                            : tr("%1 on %2").arg(word, row.blockedOn);
  else if (row.state == ipclab::WorkerState::exited && row.exitCode > 0)
    word = tr("%1 (exit code %2)").arg(word).arg(row.exitCode);
  else if (row.state == ipclab::WorkerState::killed && row.termSignal > 0)
    word = tr("%1 (signal %2)")
               .arg(word, QString::fromStdString(ipclab::signal_display_name(row.termSignal)));
  return word;
}

QString ProcessTableModel::actionText(const Row& row) const {
  if (row.opCount == 0 && row.pid == 0) return QString();
  const QString action = labels_.label(row.worker, row.op);
  if (row.op >= row.opCount || action.isEmpty()) return tr("done (%1 actions)").arg(row.opCount);
  return tr("%1   (%2 of %3)")
      .arg(action, QString::number(row.op + 1), QString::number(row.opCount));
}

QString ProcessTableModel::kernelText(const Row& row) const {
  if (!row.kernelKnown) return row.pid ? tr("gone") : QString();
  const QString word = StateStyle::kernelStateWord(row.kernelState);
  return word.isEmpty() ? QString(QLatin1Char(row.kernelState))
                        : QStringLiteral("%1  %2").arg(QLatin1Char(row.kernelState)).arg(word);
}

QVariant ProcessTableModel::display(const Row& row, int column) const {
  const QString none = QStringLiteral("–");
  switch (column) {
    case Name:
      return row.name;
    case Pid:
      return row.pid ? QVariant(row.pid) : QVariant();
    case State:
      return stateText(row);
    case Action:
      return actionText(row);
    case KernelState:
      return kernelText(row);
    case Syscall:
      return row.kernelKnown ? (row.syscall.isEmpty() ? none : row.syscall) : QString();
    case WaitChannel:
      return row.kernelKnown ? (row.wchan.isEmpty() ? none : row.wchan) : QString();
    default:
      return QVariant();
  }
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return QVariant();
  const Row& row = rows_[static_cast<size_t>(index.row())];
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return display(row, column);
    case Qt::DecorationRole:
      if (column == Name) return StateStyle::processColor(index.row());
      return QVariant();
    case Qt::BackgroundRole:
      if (column == State) return QBrush(StateStyle::stateBackground(row.state));
      return QVariant();
    case Qt::ForegroundRole:
      if (column == State) return QBrush(StateStyle::stateForeground(row.state));
      return QVariant();
    case Qt::FontRole:
      if (column == State || column == Name) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return QVariant();
    case Qt::TextAlignmentRole:
      if (column == Pid) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case StateRole:
      return static_cast<int>(row.state);
    case Qt::ToolTipRole:
      if (column == KernelState || column == Syscall || column == WaitChannel)
        return tr("Read from /proc/%1/stat, /proc/%1/syscall and /proc/%1/wchan").arg(row.pid);
      return display(row, column);
    default:
      return QVariant();
  }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Pid:
        return tr("The real process id: ps shows the same process");
      case State:
        return tr("What the process reports about itself");
      case Action:
        return tr("The action it is carrying out, or the next one while it waits at its gate");
      case KernelState:
        return tr("The process state the kernel reports");
      case Syscall:
        return tr("The system call the process is inside, if any");
      case WaitChannel:
        return tr("The kernel function the process sleeps in (wchan)");
      default:
        return QVariant();
    }
  }
  if (role != Qt::DisplayRole) return QVariant();
  switch (section) {
    case Name:
      return tr("Process");
    case Pid:
      return tr("PID");
    case State:
      return tr("State");
    case Action:
      return tr("Current action");
    case KernelState:
      return tr("Kernel state");
    case Syscall:
      return tr("System call");
    case WaitChannel:
      return tr("Waits in (wchan)");
    default:
      return QVariant();
  }
}
