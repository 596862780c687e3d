#include "timeline_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <map>

#include "state_style.h"
#include "timeline_model.h"
#include "timeline_run_painter.h"

namespace {

using ipclab::WorkerState;
constexpr double kMinNsPerPx = 1'000.0;          // 1 µs per pixel
constexpr double kMaxNsPerPx = 1'000'000'000.0;  // 1 s per pixel
constexpr int kRightMargin = 12;

QString formatMs(double ns, double stepNs) {
  const int decimals = stepNs >= 1e6 ? 0 : stepNs >= 1e5 ? 1 : stepNs >= 1e4 ? 2 : 3;
  return QStringLiteral("%1 ms").arg(ns / 1e6, 0, 'f', decimals);
}

QString formatDuration(uint64_t ns) {
  return QStringLiteral("%1 ms").arg(static_cast<double>(ns) / 1e6, 0, 'f', 3);
}

}  // namespace

TimelineView::TimelineView(const TimelineModel* model, QWidget* parent)
    : QWidget(parent), model_(model) {
  setObjectName(QStringLiteral("timelineView"));
  setMouseTracking(false);
  setFocusPolicy(Qt::WheelFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  relayout();
}

QSize TimelineView::sizeHint() const {
  const Geometry& g = metrics();
  return {700, g.axisHeight + naturalLane_ * std::max<int>(2, model_->lanes().size()) + 4};
}

QSize TimelineView::minimumSizeHint() const {
  const Geometry& g = metrics();
  return {300, g.axisHeight + g.laneHeight * 2};
}

void TimelineView::relayout() {
  laidOutLanes_ = model_->lanes().size();
  const QFontMetrics fm = fontMetrics();
  QFont bold = font();
  bold.setBold(true);  // the lane names are drawn bold
  const QFontMetrics strong(bold);
  Geometry& g = geo_;
  int names = strong.horizontalAdvance(QStringLiteral("producer"));
  for (const TimelineModel::Lane& lane : model_->lanes())
    names = std::max(names, strong.horizontalAdvance(QString::fromStdString(lane.name)));
  g.nameWidth = names + 20;
  g.axisHeight = fm.height() + 10;
  g.barHeight = fm.height() + 8;
  g.lockHeight = fm.height() + 2;
  g.laneHeight = g.barHeight + g.lockHeight + 12;
  naturalLane_ = g.laneHeight;
  fitLanes();
  updateGeometry();
}

void TimelineView::fitLanes() {
  // Every lane in sight: when they do not fit the height they get thinner,
  // down to one line of text in the bar and a thin lock bar under it.
  const QFontMetrics fm = fontMetrics();
  Geometry& g = geo_;
  g.barHeight = fm.height() + 8;
  g.lockHeight = fm.height() + 2;
  const int lanes = static_cast<int>(model_->lanes().size());
  if (lanes > 0 && height() > g.axisHeight) {
    const int room = (height() - g.axisHeight - 2) / lanes - 12;  // for a bar and a lock bar
    if (room < g.barHeight + g.lockHeight) {
      g.barHeight = std::max(fm.height() + 2, room * 3 / 5);
      g.lockHeight = std::max(fm.height() * 3 / 4, room - g.barHeight);
    }
  }
  g.laneHeight = g.barHeight + g.lockHeight + 12;
}

void TimelineView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitLanes();
}

int TimelineView::plotWidth() const {
  return std::max(10, width() - plotLeft() - kRightMargin);
}

uint64_t TimelineView::visibleNs() const {
  return static_cast<uint64_t>(nsPerPx_ * plotWidth());
}

uint64_t TimelineView::endTime() const {
  return model_->now();
}

uint64_t TimelineView::timeAt(double x) const {
  const double t = static_cast<double>(start_) + (x - plotLeft()) * nsPerPx_;
  return t <= 0 ? 0 : static_cast<uint64_t>(t);
}

int TimelineView::laneTop(int lane) const {
  return geo_.axisHeight + lane * geo_.laneHeight;
}

void TimelineView::clampStart() {
  const uint64_t end = endTime();
  const uint64_t span = visibleNs();
  const uint64_t latest = end > span ? end - span : 0;
  if (following_ || start_ > latest) start_ = latest;
}

void TimelineView::modelChanged() {
  if (model_->lanes().size() != laidOutLanes_) relayout();
  if (autoZoom_) {
    const double fit = static_cast<double>(std::min(endTime(), kAutoSpanNs)) * 1.05 / plotWidth();
    nsPerPx_ = std::clamp(fit, kMinNsPerPx * 10, kMaxNsPerPx);
  }
  clampStart();
  update();
  emit rangeChanged();
}

void TimelineView::setFollowing(bool on) {
  if (following_ == on) return;
  following_ = on;
  clampStart();
  update();
  emit followingChanged(on);
  emit rangeChanged();
}

void TimelineView::scrollTo(uint64_t t) {
  const uint64_t end = endTime();
  const uint64_t span = visibleNs();
  const uint64_t latest = end > span ? end - span : 0;
  start_ = std::min(t, latest);
  const bool atEnd = start_ >= latest;
  if (atEnd != following_) {
    following_ = atEnd;
    emit followingChanged(following_);
  }
  update();
  emit rangeChanged();
}

void TimelineView::zoomAround(double factor, double x) {
  autoZoom_ = false;
  const uint64_t anchor = timeAt(x);
  nsPerPx_ = std::clamp(nsPerPx_ * factor, kMinNsPerPx, kMaxNsPerPx);
  const double start = static_cast<double>(anchor) - (x - plotLeft()) * nsPerPx_;
  start_ = start <= 0 ? 0 : static_cast<uint64_t>(start);
  clampStart();
  update();
  emit rangeChanged();
}

void TimelineView::zoomIn() {
  zoomAround(1 / 1.5, following_ ? plotLeft() + plotWidth() : plotLeft() + plotWidth() / 2.0);
}

void TimelineView::zoomOut() {
  zoomAround(1.5, following_ ? plotLeft() + plotWidth() : plotLeft() + plotWidth() / 2.0);
}

void TimelineView::wheelEvent(QWheelEvent* event) {
  const QPoint delta = event->angleDelta();
  if (event->modifiers() & Qt::ControlModifier) {
    zoomAround(std::pow(1.25, -delta.y() / 120.0), event->position().x());
  } else {
    const int steps = delta.x() != 0 ? delta.x() : delta.y();
    const double shift = -steps / 120.0 * plotWidth() / 8.0 * nsPerPx_;
    const double t = static_cast<double>(start_) + shift;
    scrollTo(t <= 0 ? 0 : static_cast<uint64_t>(t));
  }
  event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
  dragging_ = true;
  dragFrom_ = event->pos();
  dragStart_ = start_;
  setCursor(Qt::ClosedHandCursor);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
  if (!dragging_) return QWidget::mouseMoveEvent(event);
  const double t = static_cast<double>(dragStart_) - (event->pos().x() - dragFrom_.x()) * nsPerPx_;
  scrollTo(t <= 0 ? 0 : static_cast<uint64_t>(t));
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
  dragging_ = false;
  unsetCursor();
  QWidget::mouseReleaseEvent(event);
}

bool TimelineView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  if (event->type() == QEvent::FontChange) relayout();
  return QWidget::event(event);
}

QString TimelineView::toolTipAt(const QPoint& pos) const {
  const Geometry& g = metrics();
  if (pos.x() < g.nameWidth || pos.y() < g.axisHeight) return QString();
  const int lane = (pos.y() - g.axisHeight) / g.laneHeight;
  if (lane >= static_cast<int>(model_->lanes().size())) return QString();
  const TimelineModel::Lane& l = model_->lanes()[static_cast<size_t>(lane)];
  const uint64_t t = timeAt(pos.x());
  const QString name = QString::fromStdString(l.name);
  const auto it = std::partition_point(
      l.spans.begin(), l.spans.end(), [t](const TimelineModel::StateSpan& s) { return s.t1 <= t; });
  if (it != l.spans.end() && it->t0 <= t)
    return tr("%1: %2 for %3, from %4")
        .arg(name, timelineStateText(it->state, *model_, it->obj), formatDuration(it->t1 - it->t0),
             formatDuration(it->t0));
  if (l.started && t >= l.since && t <= model_->now())
    return tr("%1: %2 since %3")
        .arg(name, timelineStateText(l.state, *model_, l.stateObj), formatDuration(l.since));
  return tr("%1 (older history is summarized)").arg(name);
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const Geometry& g = metrics();
  const int lanes = static_cast<int>(model_->lanes().size());
  for (int i = 1; i < lanes; i += 2)  // striped lanes, then the grid under the bars
    p.fillRect(QRect(0, laneTop(i), width(), g.laneHeight), QColor(0xfa, 0xfb, 0xfc));
  paintAxis(p, g, true);
  for (int i = 0; i < lanes; ++i) paintLane(p, g, i);
  p.save();
  p.setClipRect(QRect(g.nameWidth, g.axisHeight, plotWidth() + kRightMargin, height()));
  paintArrows(p, g);
  paintSwitches(p, g);
  p.restore();
  paintAxis(p, g, false);
  paintHiddenNote(p, g);
  if (lanes == 0) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(g.nameWidth, g.axisHeight, 0, 0), Qt::AlignCenter,
               tr("The processes' states appear here as they run."));
  }
}

void TimelineView::paintAxis(QPainter& p, const Geometry& g, bool grid) {
  if (!grid) {
    p.fillRect(QRect(0, 0, width(), g.axisHeight), QColor(0xf3, 0xf5, 0xf7));
    p.setPen(QColor(0xc3, 0xc8, 0xcf));
    p.drawLine(0, g.axisHeight - 1, width(), g.axisHeight - 1);
  }
  const double minStep = 90.0 * nsPerPx_;  // at least 90 px between labels
  double step = std::pow(10.0, std::floor(std::log10(minStep)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (step * m >= minStep) {
      step *= m;
      break;
    }
  const double first = std::ceil(static_cast<double>(start_) / step) * step;
  const double last = static_cast<double>(start_) + visibleNs() + step;
  const QColor gridColor(0xe6, 0xe9, 0xed);
  for (double t = first; t <= last; t += step) {
    const double x = xOf(static_cast<uint64_t>(t));
    if (x > width()) break;
    if (grid) {
      p.setPen(gridColor);
      p.drawLine(QPointF(x, g.axisHeight), QPointF(x, height()));
      continue;
    }
    p.setPen(QColor(0x4a, 0x55, 0x63));
    p.drawText(QRectF(x + 3, 0, 120, g.axisHeight), Qt::AlignVCenter | Qt::AlignLeft,
               formatMs(t, step));
  }
  if (grid) return;
  p.fillRect(QRect(0, 0, g.nameWidth, g.axisHeight), QColor(0xf3, 0xf5, 0xf7));
  p.drawText(QRect(6, 0, g.nameWidth - 6, g.axisHeight), Qt::AlignVCenter | Qt::AlignLeft,
             tr("time"));
}

void TimelineView::paintLane(QPainter& p, const Geometry& g, int lane) {
  const TimelineModel::Lane& l = model_->lanes()[static_cast<size_t>(lane)];
  const int top = laneTop(lane);
  const int barY = top + 6;
  p.setPen(QColor(0xe1, 0xe4, 0xe8));
  p.drawLine(0, top + g.laneHeight - 1, width(), top + g.laneHeight - 1);

  p.save();
  p.setClipRect(QRect(g.nameWidth, top, plotWidth() + kRightMargin, g.laneHeight));
  const uint64_t t0 = start_, t1 = start_ + visibleNs() + static_cast<uint64_t>(nsPerPx_ * 2);
  paintBuckets(p, l, barY, g.barHeight, t0, t1);
  TimelineRunPainter runs(p, barY, g.barHeight, *model_, *this);
  auto it = std::partition_point(l.spans.begin(), l.spans.end(),
                                 [t0](const TimelineModel::StateSpan& s) { return s.t1 < t0; });
  for (; it != l.spans.end() && it->t0 <= t1; ++it) runs.add(it->t0, it->t1, it->state, it->obj);
  if (l.started && model_->now() >= l.since)  // the open span: at least two pixels
    runs.add(l.since, std::max(model_->now(), l.since + static_cast<uint64_t>(2 * nsPerPx_)),
             l.state, l.stateObj);
  runs.finish();
  paintLocks(p, g, lane);
  p.restore();

  p.fillRect(QRect(0, top, g.nameWidth, g.laneHeight - 1),
             lane % 2 ? QColor(0xfa, 0xfb, 0xfc) : palette().base().color());
  p.fillRect(QRect(0, top + 4, 4, g.laneHeight - 9), StateStyle::processColor(lane));
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  p.setPen(StateStyle::processColor(lane).darker(130));
  p.drawText(QRect(10, barY, g.nameWidth - 12, g.barHeight), Qt::AlignVCenter | Qt::AlignLeft,
             QString::fromStdString(l.name));
  p.setFont(font());
}

void TimelineView::paintBuckets(QPainter& p, const TimelineModel::Lane& l, int barY, int barH,
                                uint64_t t0, uint64_t t1) {
  // Summarized history: each bucket a bar stacked by the share of each
  // state. One bucket per pixel is all one can see, and neighbours whose
  // stacks come out the same in whole pixels are drawn as one.
  struct Stack {
    double x0 = 0, x1 = 0;
    std::array<int, TimelineModel::kStateCount + 1> edges{};  // y offsets, rounded
  } pending;
  auto draw = [&](const Stack& s) {
    for (size_t k = 0; k < TimelineModel::kStateCount; ++k)
      if (s.edges[k + 1] > s.edges[k])
        p.fillRect(QRectF(s.x0, barY + s.edges[k], s.x1 - s.x0, s.edges[k + 1] - s.edges[k]),
                   StateStyle::stateBackground(static_cast<WorkerState>(k)));
  };
  double skipUntil = -1;  // a bucket ending before this time adds nothing one can see
  for (const TimelineModel::Bucket& b : l.buckets) {
    if (b.t1 < t0 || b.t0 > t1 || static_cast<double>(b.t1) <= skipUntil) continue;
    const double x0 = xOf(b.t0), x1 = std::max(x0 + 1.0, xOf(b.t1));
    skipUntil = static_cast<double>(start_) + (x1 + 1 - plotLeft()) * nsPerPx_;
    uint64_t total = 0;
    for (uint64_t ns : b.ns) total += ns;
    if (total == 0) continue;
    Stack s{x0, x1, {}};
    uint64_t sum = 0;
    for (size_t k = 0; k < b.ns.size(); ++k) {
      sum += b.ns[k];
      s.edges[k + 1] = static_cast<int>(
          std::lround(barH * static_cast<double>(sum) / static_cast<double>(total)));
    }
    if (pending.x1 > pending.x0 && s.edges == pending.edges && x0 <= pending.x1 + 1.0) {
      pending.x1 = std::max(pending.x1, x1);
      continue;
    }
    if (pending.x1 > pending.x0) draw(pending);
    pending = s;
  }
  if (pending.x1 > pending.x0) draw(pending);
}

void TimelineView::paintLocks(QPainter& p, const Geometry& g, int lane) {
  const TimelineModel::Lane& l = model_->lanes()[static_cast<size_t>(lane)];
  const int y = laneTop(lane) + 6 + g.barHeight + 3;
  const uint64_t t0 = start_, t1 = start_ + visibleNs();
  QFont small = font();
  small.setPointSizeF(font().pointSizeF() * 0.85);
  p.setFont(small);
  const QColor fill(0x3d, 0x4a, 0x5c);
  double lastRight = -1e9;
  double skipUntil = -1;  // a hold ending before this time is inside the last bar drawn
  std::map<int, std::pair<QString, int>> names;  // measured once per paint
  for (const TimelineModel::LockSpan& s : l.locks) {
    const uint64_t end = s.t1 == 0 ? model_->now() : s.t1;
    if (end < t0 || s.t0 > t1 || static_cast<double>(end) <= skipUntil) continue;
    if (isHiddenObject(s.obj)) continue;  // who held it is what a question asks
    const double x0 = xOf(s.t0);
    const double w = std::max(2.0, xOf(end) - x0);
    if (x0 + w <= lastRight + 1) continue;  // many holds in one pixel: drawn once
    lastRight = x0 + w;
    skipUntil = static_cast<double>(start_) + (lastRight + 1 - plotLeft()) * nsPerPx_;
    const QRectF r(x0, y, w, g.lockHeight);
    p.fillRect(r, fill);
    if (w < 24) continue;  // no room for a name
    auto [it, added] = names.try_emplace(s.obj);
    if (added) {
      it->second.first = QString::fromStdString(model_->objectName(s.obj));
      it->second.second = p.fontMetrics().horizontalAdvance(it->second.first);
    }
    const QString& name = it->second.first;
    if (it->second.second + 6 <= w) {
      p.setPen(Qt::white);
      p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, name);
    }
  }
  p.setFont(font());
}

void TimelineView::paintArrows(QPainter& p, const Geometry& g) {
  const auto& arrows = model_->arrows();
  const uint64_t t0 = start_, t1 = start_ + visibleNs();
  auto it = std::partition_point(arrows.begin(), arrows.end(),
                                 [t0](const TimelineModel::Arrow& a) { return a.tRecv < t0; });
  const QColor color = StateStyle::eventColor(ipclab::EventKind::send);
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(color, 1.6));
  QFont small = font();
  small.setPointSizeF(font().pointSizeF() * 0.85);
  p.setFont(small);
  double lastX = -1e9, lastLabel = -1e9;
  const double minGapNs = 3 * nsPerPx_;
  double lastRecv = -1e30;  // the time of lastX
  for (; it != arrows.end() && !(it->tSend > t1 && it->tRecv > t1); ++it) {
    // One arrow per few pixels is all one can see: most are skipped here.
    if (std::abs(static_cast<double>(it->tRecv) - lastRecv) < minGapNs) continue;
    if (isHiddenObject(it->obj)) continue;  // what went through it is what a question asks
    const int lanes = static_cast<int>(model_->lanes().size());
    if (it->from < 0 || it->to < 0 || it->from >= lanes || it->to >= lanes) continue;
    const QPointF a(xOf(it->tSend), laneTop(it->from) + 6 + g.barHeight / 2.0);
    const QPointF b(xOf(it->tRecv), laneTop(it->to) + 6 + g.barHeight / 2.0);
    if (std::abs(b.x() - lastX) < 3) continue;
    lastX = b.x();
    lastRecv = static_cast<double>(it->tRecv);
    p.drawLine(a, b);
    const double angle = std::atan2(b.y() - a.y(), b.x() - a.x());
    QPainterPath head;
    head.moveTo(b);
    head.lineTo(b - QPointF(std::cos(angle - 0.45) * 8, std::sin(angle - 0.45) * 8));
    head.lineTo(b - QPointF(std::cos(angle + 0.45) * 8, std::sin(angle + 0.45) * 8));
    head.closeSubpath();
    p.fillPath(head, color);
    if (b.x() - lastLabel > 36) {
      lastLabel = b.x();
      p.drawText(QPointF(b.x() + 3, (a.y() + b.y()) / 2), QStringLiteral("#%1").arg(it->msg));
    }
  }
  p.setRenderHint(QPainter::Antialiasing, false);
  p.setFont(font());
}

void TimelineView::paintSwitches(QPainter& p, const Geometry& g) {
  // A dashed line across every lane where a channel changed mechanism,
  // labelled at its top: "buffer → posix_mq".
  const uint64_t t0 = start_, t1 = start_ + visibleNs();
  const QColor color(0xb3, 0x6b, 0x00);
  QFont bold = font();
  bold.setBold(true);
  bold.setPointSizeF(font().pointSizeF() * 0.85);
  p.setFont(bold);
  for (const TimelineModel::Switch& s : model_->switches()) {
    if (s.t < t0 || s.t > t1) continue;
    const double x = xOf(s.t);
    p.setPen(QPen(color, 1.5, Qt::DashLine));
    p.drawLine(QPointF(x, g.axisHeight), QPointF(x, height()));
    p.setPen(color);
    const QString label = QStringLiteral("%1 → %2").arg(
        QString::fromStdString(model_->objectName(s.obj)), QString::fromStdString(s.to));
    const QFontMetrics metrics(bold);
    // Right of the line, or left of it when it would run out of the plot.
    const double w = metrics.horizontalAdvance(label);
    const double left = x + 4 + w > g.nameWidth + plotWidth() ? x - 4 - w : x + 4;
    p.drawText(QPointF(left, g.axisHeight + metrics.ascent() + 1), label);
  }
  p.setFont(font());
}
