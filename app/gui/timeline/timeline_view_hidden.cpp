// TimelineView: what a lesson question hides (see the header): the lock
// bars and arrows of its objects are left out, and a note says why.
#include <QPainter>
#include <algorithm>

#include "timeline_view.h"

void TimelineView::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  update();
}

bool TimelineView::isHiddenObject(int obj) const {
  return !hidden_.isEmpty() && hidden_.contains(QString::fromStdString(model_->objectName(obj)));
}

QString TimelineView::hiddenNote() const {
  if (hidden_.isEmpty()) return QString();
  return tr("? %1: hidden until you answer").arg(hidden_.join(QStringLiteral(", ")));
}

void TimelineView::paintHiddenNote(QPainter& p, const Geometry& g) {
  // At the right of the axis row, over its labels: it goes once answered.
  const QString note = hiddenNote();
  if (note.isEmpty()) return;
  QFont bold = font();
  bold.setBold(true);
  bold.setPointSizeF(font().pointSizeF() * 0.85);
  p.setFont(bold);
  const int w = p.fontMetrics().horizontalAdvance(note) + 12;
  const QRect r(std::max(g.nameWidth, width() - w - 4), 2, std::min(w, width() - g.nameWidth),
                g.axisHeight - 4);
  p.setPen(QColor(0xb4, 0xbc, 0xc6));
  p.setBrush(QColor(0xf7, 0xf8, 0xfa));
  p.drawRoundedRect(r, 3, 3);
  p.setPen(palette().color(QPalette::Text));
  p.drawText(r, Qt::AlignCenter, p.fontMetrics().elidedText(note, Qt::ElideRight, r.width() - 8));
  p.setFont(font());
}

QStringList TimelineView::lockNames(int lane) const {
  QStringList out;
  if (lane < 0 || static_cast<size_t>(lane) >= model_->lanes().size()) return out;
  for (const TimelineModel::LockSpan& s : model_->lanes()[static_cast<size_t>(lane)].locks)
    if (!isHiddenObject(s.obj)) out << QString::fromStdString(model_->objectName(s.obj));
  return out;
}

QStringList TimelineView::arrowLabels() const {
  QStringList out;
  for (const TimelineModel::Arrow& a : model_->arrows())
    if (!isHiddenObject(a.obj)) out << QStringLiteral("#%1").arg(a.msg);
  return out;
}
