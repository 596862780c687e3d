#include "timeline_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <climits>
#include <limits>

#include "runtime/session.hpp"
#include "state_style.h"
#include "timeline_view.h"

namespace {

QString swatch(const QColor& fill, const QColor& border, const QString& word) {
  return QStringLiteral(
             "<span style=\"background-color:%1; color:%2;\">&nbsp;&nbsp;&nbsp;&nbsp;</span>"
             "&nbsp;%3")
      .arg(fill.name(), border.name(), word.toHtmlEscaped());
}

}  // namespace

TimelinePanel::TimelinePanel(QWidget* parent)
    : QWidget(parent),
      view_(new TimelineView(&model_, this)),
      legend_(new QLabel(this)),
      live_(new QToolButton(this)),
      zoomIn_(new QToolButton(this)),
      zoomOut_(new QToolButton(this)),
      scroll_(new QScrollBar(Qt::Horizontal, this)) {
  setObjectName(QStringLiteral("timelinePanel"));
  legend_->setTextFormat(Qt::RichText);
  live_->setCheckable(true);
  live_->setChecked(true);
  live_->setObjectName(QStringLiteral("timelineLive"));
  zoomIn_->setText(QStringLiteral("+"));
  zoomOut_->setText(QStringLiteral("−"));
  zoomIn_->setAutoRepeat(true);
  zoomOut_->setAutoRepeat(true);
  for (QToolButton* b : {live_, zoomIn_, zoomOut_}) b->setMinimumWidth(32);

  connect(zoomIn_, &QToolButton::clicked, view_, &TimelineView::zoomIn);
  connect(zoomOut_, &QToolButton::clicked, view_, &TimelineView::zoomOut);
  connect(live_, &QToolButton::toggled, view_, &TimelineView::setFollowing);
  connect(view_, &TimelineView::followingChanged, live_, &QToolButton::setChecked);
  connect(view_, &TimelineView::rangeChanged, this, &TimelinePanel::syncScrollBar);
  connect(scroll_, &QScrollBar::valueChanged, this, [this](int value) {
    if (!syncing_) view_->scrollTo(static_cast<uint64_t>(value) * scrollUnitNs_);
  });

  auto* top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  top->addWidget(legend_, 1);
  top->addWidget(live_);
  top->addWidget(zoomOut_);
  top->addWidget(zoomIn_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->setSpacing(4);
  layout->addLayout(top);
  layout->addWidget(view_, 1);
  layout->addWidget(scroll_);
  retranslate();
}

void TimelinePanel::start(const ipclab::Session& session) {
  model_.setScenario(session.scenario(), session.workers());
  view_->setFollowing(true);
  view_->relayout();
  view_->modelChanged();
}

void TimelinePanel::clear() {
  model_.clear();
  view_->setFollowing(true);
  view_->modelChanged();
}

void TimelinePanel::append(const std::vector<ipclab::Event>& events) {
  model_.append(events);
  view_->modelChanged();
}

void TimelinePanel::applySnapshot(const ipclab::Snapshot& snapshot) {
  model_.applySnapshot(snapshot);
  view_->modelChanged();
}

void TimelinePanel::setHiddenObjects(const QStringList& names) {
  view_->setHiddenObjects(names);
}

void TimelinePanel::syncScrollBar() {
  // The scrollbar counts in units of about one pixel of its groove (a power
  // of two of µs), so following a live session moves it only when its
  // thumb would move: repainting it every frame cost more than the lanes.
  const uint64_t end = view_->endTime();
  const uint64_t page = view_->visibleNs();
  const uint64_t perPixel = end / static_cast<uint64_t>(std::max(1, scroll_->width()));
  uint64_t unit = 1000;
  while (unit < perPixel && unit < (1ULL << 62)) unit *= 2;
  while (end / unit > static_cast<uint64_t>(std::numeric_limits<int>::max() / 2)) unit *= 2;
  scrollUnitNs_ = static_cast<int64_t>(unit);
  const int max = static_cast<int>(end > page ? (end - page) / unit : 0);
  const int pageStep = std::max(1, static_cast<int>(std::min<uint64_t>(page / unit, INT_MAX / 2)));
  syncing_ = true;
  if (scroll_->maximum() != max || scroll_->minimum() != 0) scroll_->setRange(0, max);
  if (max > 0 && scroll_->pageStep() != pageStep) {  // without a range it changes nothing seen
    scroll_->setPageStep(pageStep);
    scroll_->setSingleStep(std::max(1, pageStep / 10));
  }
  const int value = static_cast<int>(std::min<uint64_t>(view_->start() / unit, INT_MAX / 2));
  if (scroll_->value() != value) scroll_->setValue(value);
  syncing_ = false;
}

void TimelinePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TimelinePanel::retranslate() {
  using S = ipclab::WorkerState;
  QStringList parts;
  for (S s : {S::running, S::at_gate, S::blocked, S::exited})
    parts << swatch(StateStyle::stateBackground(s), StateStyle::stateForeground(s),
                    StateStyle::stateWord(s));
  parts << QStringLiteral("<span style=\"color:%1;\"><b>&#8594;</b></span>&nbsp;%2")
               .arg(StateStyle::eventColor(ipclab::EventKind::send).name(),
                    tr("message (send → receive)").toHtmlEscaped());
  parts << swatch(QColor(0x3d, 0x4a, 0x5c), QColor(0x3d, 0x4a, 0x5c), tr("lock held"));
  legend_->setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
  live_->setText(tr("Live"));
  live_->setToolTip(tr("Follow the newest events; scrolling back stops following"));
  zoomIn_->setToolTip(tr("Zoom in (Ctrl+wheel)"));
  zoomOut_->setToolTip(tr("Zoom out (Ctrl+wheel)"));
  view_->setToolTip(QString());
  setWindowTitle(tr("Timeline"));
  view_->update();
}
