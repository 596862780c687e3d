#include "plan_model.h"

#include <QBrush>
#include <QFont>
#include <QFontDatabase>
#include <algorithm>

#include "op_text.h"
#include "state_style.h"

PlanModel::PlanModel(QObject* parent) : QAbstractTableModel(parent) {}

void PlanModel::setPlan(const std::vector<ipclab::Op>& plan, const QStringList& objectNames) {
  beginResetModel();
  rows_ = plan;
  objectNames_ = objectNames;
  current_ = 0;
  state_ = ipclab::WorkerState::starting;
  endResetModel();
}

void PlanModel::touchRow(int row) {
  if (row >= 0 && row < rowCount()) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PlanModel::setCurrent(int op, ipclab::WorkerState state) {
  if (op == current_ && state == state_) return;
  const int old = current_;
  current_ = op;
  state_ = state;
  if (old == op) {
    touchRow(op);
    return;
  }
  // Rows between the old and the new current op turned from "to do" to "done".
  const int first = std::max(0, std::min(old, op));
  const int last = std::min(rowCount() - 1, std::max(old, op));
  if (first <= last) emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void PlanModel::setCCalls(const std::vector<ipclab::Op>& plan) {
  if (plan.size() != rows_.size()) return;  // not the same plan
  for (size_t i = 0; i < rows_.size(); ++i) rows_[i].c_call = plan[i].c_call;
  if (!rows_.empty()) emit dataChanged(index(0, CCall), index(rowCount() - 1, CCall));
}

void PlanModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  // Every action's words follow the language, not only the current row's.
  if (!rows_.empty()) emit dataChanged(index(0, Action), index(rowCount() - 1, Action));
  touchRow(current_);
}

QString PlanModel::label(int row) const {
  return OpText::label(rows_[static_cast<size_t>(row)], objectNames_);
}

int PlanModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PlanModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString PlanModel::markText() const {
  // The state's word is in the column's header; the row carries its colour
  // and a shape: a bar for blocked, an arrow otherwise.
  return state_ == ipclab::WorkerState::blocked ? QStringLiteral("■") : QStringLiteral("▶");
}

QVariant PlanModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return QVariant();
  const ipclab::Op& row = rows_[static_cast<size_t>(index.row())];
  const bool isCurrent = index.row() == current_;
  const bool done = index.row() < current_;
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case Line:
          return isCurrent ? QStringLiteral("%1 %2").arg(markText()).arg(index.row() + 1)
                           : QString::number(index.row() + 1);
        case Action:
          return label(index.row());
        case CCall:
          return QString::fromStdString(row.c_call);
        default:
          return QVariant();
      }
    case Qt::ToolTipRole:
      if (isCurrent && index.column() == Line) return StateStyle::stateWord(state_);
      if (index.column() == CCall) return QString::fromStdString(row.c_call);
      return label(index.row());
    case Qt::BackgroundRole:
      if (isCurrent) return QBrush(StateStyle::stateBackground(state_));
      return QVariant();
    case Qt::ForegroundRole:
      if (isCurrent) return QBrush(StateStyle::stateForeground(state_));
      if (done) return QBrush(QColor(0x8a, 0x90, 0x99));
      if (index.column() == CCall) return QBrush(QColor(0x2a, 0x4d, 0x7a));
      return QVariant();
    case Qt::FontRole: {
      QFont font =
          index.column() == CCall ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
      if (index.column() == CCall) font.setPointSizeF(QFont().pointSizeF() * 0.92);
      font.setBold(isCurrent);
      return font;
    }
    case Qt::TextAlignmentRole:
      if (index.column() == Line) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case CurrentRole:
      return isCurrent;
    default:
      return QVariant();
  }
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::ToolTipRole && section == CCall)
    return tr("The system call or library call the process really makes for this action");
  if (role != Qt::DisplayRole) return QVariant();
  switch (section) {
    case Line:
      return tr("#");
    case Action:
      return tr("Action");
    case CCall:
      return tr("C call");
    default:
      return QString();
  }
}
