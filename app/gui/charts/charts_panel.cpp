#include "charts_panel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QValueAxis>
#include <array>
#include <cmath>

#include "on_screen.h"
#include "runtime/session.hpp"
#include "state_style.h"

namespace {

QColor seriesColor(int i) {
  static const std::array<QColor, 6> colors = {QColor(0x1f, 0x4e, 0x96), QColor(0xb3, 0x6b, 0x00),
                                               QColor(0x2a, 0x8a, 0x5e), QColor(0x8e, 0x44, 0xad),
                                               QColor(0x00, 0x8b, 0x9c), QColor(0x6b, 0x6b, 0x6b)};
  return colors[static_cast<size_t>(i) % colors.size()];
}

// An axis maximum and tick interval that give whole, round numbers.
std::pair<double, double> niceRange(double peak) {
  const double top = std::max(1.0, std::ceil(peak * 1.15));
  double step = std::pow(10.0, std::floor(std::log10(top)));
  for (double m : {0.1, 0.2, 0.5, 1.0})
    if (top / (step * m) <= 6) {
      step = std::max(1.0, step * m);
      break;
    }
  return {std::ceil(top / step) * step, step};
}

// At most four points (first, lowest, highest, last, in their order) per
// `buckets` columns of the time axis: the line looks the same at that
// resolution, and Qt Charts strokes every point it is given on every frame.
QList<QPointF> perColumn(const QList<QPointF>& points, double x1, int buckets) {
  if (points.size() <= 4 * buckets || x1 <= 0) return points;
  QList<QPointF> out;
  out.reserve(4 * buckets + 4);
  const double width = x1 / buckets;
  qsizetype i = 0;
  while (i < points.size()) {
    const double end = (std::floor(points[i].x() / width) + 1) * width;
    qsizetype first = i, low = i, high = i, last = i;
    for (; i < points.size() && points[i].x() < end; ++i) {
      if (points[i].y() < points[low].y()) low = i;
      if (points[i].y() > points[high].y()) high = i;
      last = i;
    }
    if (i == first) ++i;  // a point beyond the axis: keep it and go on
    qsizetype keep[] = {first, std::min(low, high), std::max(low, high), last};
    qsizetype previous = -1;
    for (qsizetype k : keep)
      if (k > previous) {
        out.append(points[k]);
        previous = k;
      }
  }
  return out;
}

void setAxis(QValueAxis* axis, double peak) {
  const auto [max, step] = niceRange(peak);
  if (axis->max() != max) axis->setRange(0, max);
  if (axis->tickInterval() != step) axis->setTickInterval(step);
}

}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent),
      chart_(new QChart),
      view_(new QChartView(chart_, this)),
      time_(new QValueAxis(chart_)),
      count_(new QValueAxis(chart_)),
      fill_(new QValueAxis(chart_)) {
  setObjectName(QStringLiteral("chartsPanel"));
  view_->setObjectName(QStringLiteral("chartView"));
  view_->setRenderHint(QPainter::Antialiasing, false);
  // Every frame moves the lines, the grid and the time labels across the
  // whole plot: repaint it whole rather than gather the changed regions of
  // each item, and keep no spatial index of items that all move.
  view_->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
  view_->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
  chart_->setAnimationOptions(QChart::NoAnimation);
  chart_->setMargins(QMargins(4, 4, 4, 4));
  chart_->setBackgroundRoundness(0);
  // The light theme paints the background as a gradient from white to
  // white; Qt's raster engine hands tall gradient fills to its thread pool
  // and the frame waits for it. The same white, as a plain fill.
  chart_->setBackgroundBrush(QColor(0xff, 0xff, 0xff));
  chart_->legend()->setAlignment(Qt::AlignBottom);
  chart_->addAxis(time_, Qt::AlignBottom);
  chart_->addAxis(count_, Qt::AlignLeft);
  chart_->addAxis(fill_, Qt::AlignRight);
  time_->setLabelFormat(QStringLiteral("%.0f"));
  time_->setTickType(QValueAxis::TicksDynamic);
  time_->setTickAnchor(0);
  for (QValueAxis* axis : {count_, fill_}) {
    axis->setLabelFormat(QStringLiteral("%.0f"));
    // Qt Charts sizes the right axis's labels before their text is known and
    // then elides "6" to "…": whole numbers are short, let them show.
    axis->setTruncateLabels(false);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setRange(0, 1);
    axis->setTickInterval(1);
  }
  pending_.setSingleShot(true);
  pending_.setInterval(0);
  connect(&pending_, &QTimer::timeout, this, &ChartsPanel::refresh);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(view_);
  restyle();
  retranslate();
}

QLineSeries* ChartsPanel::line(int index) const {
  return index >= 0 && static_cast<size_t>(index) < lines_.size()
             ? lines_[static_cast<size_t>(index)]
             : nullptr;
}

void ChartsPanel::start(const ipclab::Session& session) {
  model_.setScenario(session.scenario(), static_cast<int>(session.workers().size()));
  rebuildSeries();
  refresh();
}

void ChartsPanel::clear() {
  model_.clear();
  rebuildSeries();
  refresh();
}

void ChartsPanel::append(const std::vector<ipclab::Event>& events) {
  model_.append(events);
  // The snapshot that follows a batch draws it; this is the safety net.
  dirty_ = true;
  if (!pending_.isActive()) pending_.start();
}

void ChartsPanel::applySnapshot(const ipclab::Snapshot& snapshot) {
  model_.applySnapshot(snapshot);
  dirty_ = true;
  refresh();
}

void ChartsPanel::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  rebuildSeries();  // the pens and the legend
  dirty_ = true;
  refresh();
}

bool ChartsPanel::isHidden(int index) const {
  const auto& series = model_.series();
  if (index < 0 || static_cast<size_t>(index) >= series.size()) return false;
  const ChartsModel::Series& s = series[static_cast<size_t>(index)];
  return s.kind != ChartsModel::Kind::blocked && hidden_.contains(s.name);
}

void ChartsPanel::rebuildSeries() {
  chart_->removeAllSeries();  // deletes them
  lines_.clear();
  const auto& series = model_.series();
  bool anyChannel = false;
  for (size_t i = 0; i < series.size(); ++i) {
    auto* line = new QLineSeries(chart_);
    const ChartsModel::Series& s = series[i];
    QPen pen(s.kind == ChartsModel::Kind::blocked
                 ? StateStyle::stateForeground(ipclab::WorkerState::blocked)
                 : seriesColor(static_cast<int>(i)));
    pen.setWidthF(s.kind == ChartsModel::Kind::blocked ? 2.5 : 2.0);
    // Shape, not only colour: channels dashed, blocked dotted.
    if (s.kind == ChartsModel::Kind::channel) pen.setStyle(Qt::DashLine);
    if (s.kind == ChartsModel::Kind::blocked) pen.setStyle(Qt::DotLine);
    // Hidden by a question: a grey marker in the legend, no line.
    if (isHidden(static_cast<int>(i))) pen.setColor(QColor(0xb4, 0xbc, 0xc6));
    line->setPen(pen);
    chart_->addSeries(line);
    line->attachAxis(time_);
    line->attachAxis(s.kind == ChartsModel::Kind::channel ? fill_ : count_);
    anyChannel = anyChannel || s.kind == ChartsModel::Kind::channel;
    lines_.push_back(line);
  }
  fill_->setVisible(anyChannel);
  retranslate();
}

void ChartsPanel::refresh() {
  pending_.stop();
  if (!dirty_ && !lines_.empty()) return;
  if (!isOnScreen(this)) return;  // catchUp() draws what piled up
  dirty_ = false;
  model_.endFrame();
  const double now = static_cast<double>(model_.now()) / 1e6;
  double counts = 1, fills = 1;
  const auto& series = model_.series();
  const int columns = std::max(50, static_cast<int>(chart_->plotArea().width()) / 2);
  const double end = std::max(1.0, now);
  // Moving the time axis makes Qt Charts lay out every line again from its
  // points (path, stroked outline, bounds). A replace() does the same, so a
  // frame would lay out each line twice. When the axis moves, the lines take
  // their points without telling (a blocked pointsReplaced) and the move
  // lays each out once, with the new points.
  const bool axisMoves = time_->max() != end && !chart_->plotArea().isEmpty();
  for (size_t i = 0; i < series.size() && i < lines_.size(); ++i) {
    const ValueHistory& h = series[i].history;
    if (isHidden(static_cast<int>(i))) {
      // Neither its line nor the axis it would stretch tells the value.
      if (!lines_[i]->points().isEmpty()) lines_[i]->clear();
      continue;
    }
    QList<QPointF> points = h.points();
    // The last value holds until now.
    if (!points.isEmpty() && points.back().x() < now)
      points.append(QPointF(now, points.back().y()));
    points = perColumn(points, end, columns);
    // An empty line is not laid out again by an axis move: it says so.
    const QSignalBlocker quiet(axisMoves && !points.isEmpty() ? lines_[i] : nullptr);
    lines_[i]->replace(points);
    (series[i].kind == ChartsModel::Kind::channel ? fills : counts) =
        std::max(series[i].kind == ChartsModel::Kind::channel ? fills : counts, h.peak());
  }
  if (time_->max() != end) time_->setRange(0, end);
  const double tick = niceRange(end / 1.15).second;
  if (time_->tickInterval() != tick) time_->setTickInterval(tick);
  setAxis(count_, counts);
  setAxis(fill_, fills);
  // A channel's unit may arrive with the first snapshot.
  for (size_t i = 0; i < series.size() && i < units_.size(); ++i)
    if (units_[i] != series[i].unit) {
      retranslate();
      break;
    }
}

void ChartsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  catchUp();
}

void ChartsPanel::catchUp() {
  dirty_ = true;
  refresh();
}

void ChartsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}

void ChartsPanel::restyle() {
  QFont font = QApplication::font();
  chart_->legend()->setFont(font);
  QFont small = font;
  small.setPointSizeF(font.pointSizeF() * 0.9);
  for (QValueAxis* axis : {time_, count_, fill_}) {
    axis->setLabelsFont(small);
    axis->setTitleFont(small);
  }
}

void ChartsPanel::retranslate() {
  setWindowTitle(tr("Charts"));
  time_->setTitleText(tr("time (ms)"));
  count_->setTitleText(tr("count"));
  fill_->setTitleText(tr("in channel"));
  const auto& series = model_.series();
  units_.assign(series.size(), QString());
  for (size_t i = 0; i < series.size() && i < lines_.size(); ++i) {
    const ChartsModel::Series& s = series[i];
    units_[i] = s.unit;
    QString name;
    switch (s.kind) {
      case ChartsModel::Kind::semaphore:
        name = tr("semaphore %1").arg(s.name);
        break;
      case ChartsModel::Kind::channel:
        name = s.unit == QLatin1String("messages") ? tr("%1 (messages)").arg(s.name)
               : s.unit.isEmpty()                  ? s.name
                                                   : tr("%1 (bytes)").arg(s.name);
        break;
      case ChartsModel::Kind::blocked:
        name = tr("blocked processes");
        break;
    }
    // "semaphore slots: ?" while a question hides its value.
    lines_[i]->setName(isHidden(static_cast<int>(i)) ? QStringLiteral("%1: ?").arg(name) : name);
  }
}
