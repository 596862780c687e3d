#include "event_log_panel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyleOptionSlider>
#include <QTableView>
#include <QVBoxLayout>

#include "event_log_model.h"
#include "on_screen.h"
#include "state_style.h"

namespace {

// A scrollbar that repaints only when what it shows changes: where its
// thumb is, how long, and whether an end is reached. A log growing at the
// bottom (while it fills, or filtered) changes the range on every frame
// while the thumb, at its shortest, stays on the same pixels; and a Fusion
// scrollbar is costly to paint (gradients that Qt's raster engine hands to
// its thread pool, so a busy machine makes the frame wait for them).
class QuietScrollBar : public QScrollBar {
 public:
  using QScrollBar::QScrollBar;

  // Rows come or go and the view follows: the range changes, then the
  // value. Between hold() and release() the changes only pile up, and
  // release() repaints if the bar now looks other than it was painted.
  void hold() { held_ = true; }
  void release() {
    held_ = false;
    if (look() != painted_) update();
  }

 protected:
  void sliderChange(SliderChange change) override {
    if (change == SliderRangeChange || change == SliderValueChange)
      if (held_ || look() == painted_) return;
    QScrollBar::sliderChange(change);
  }
  void paintEvent(QPaintEvent* event) override {
    painted_ = look();
    QScrollBar::paintEvent(event);
  }

 private:
  struct Look {
    QRect thumb;
    bool atMin = false, atMax = false;
    bool operator==(const Look&) const = default;
  };
  Look look() const {
    QStyleOptionSlider option;
    initStyleOption(&option);
    return {
        style()->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, this),
        value() <= minimum(), value() >= maximum()};
  }
  Look painted_{QRect(-1, -1, 0, 0)};
  bool held_ = false;
};

}  // namespace

EventLogPanel::EventLogPanel(QWidget* parent)
    : QWidget(parent),
      model_(new EventLogModel(this)),
      filterEdit_(new QLineEdit(this)),
      countLabel_(new QLabel(this)),
      view_(new QTableView(this)) {
  model_->setLive(false);  // until the panel is shown
  filterEdit_->setClearButtonEnabled(true);
  filterEdit_->setObjectName(QStringLiteral("eventFilter"));
  // Filtering a long log reads every row: wait until the typing pauses.
  filterDelay_.setSingleShot(true);
  filterDelay_.setInterval(150);
  connect(filterEdit_, &QLineEdit::textChanged, &filterDelay_, qOverload<>(&QTimer::start));
  connect(&filterDelay_, &QTimer::timeout, this, &EventLogPanel::applyFilter);

  view_->setObjectName(QStringLiteral("eventLog"));
  auto* bar = new QuietScrollBar(Qt::Vertical, view_);
  view_->setVerticalScrollBar(bar);
  view_->setModel(model_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->setShowGrid(false);
  view_->verticalHeader()->hide();
  view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->horizontalHeader()->setHighlightSections(false);
  view_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  view_->horizontalHeader()->setStyleSheet(StateStyle::headerStyleSheet());
  fitRowHeight();

  // Follow the tail only while the student has not scrolled away from it.
  connect(bar, &QScrollBar::valueChanged, this,
          [this, bar](int value) { followTail_ = value >= bar->maximum() - 2; });
  connect(model_, &QAbstractItemModel::rowsAboutToBeInserted, bar, &QuietScrollBar::hold);
  connect(model_, &QAbstractItemModel::rowsInserted, this, [this, bar] {
    if (followTail_) view_->scrollToBottom();
    bar->release();
  });
  // A reader who scrolled up keeps the rows in sight while older ones go
  // (once the log is full, mostly as a shift of every row; otherwise as rows
  // removed above). At the tail the shift changes neither the scrollbar's
  // range nor its value: it is not even repainted.
  connect(model_, &EventLogModel::rowsShifted, this, [this, bar](int rows) {
    if (!followTail_) bar->setValue(std::max(0, bar->value() - rows));
  });
  connect(model_, &QAbstractItemModel::rowsAboutToBeRemoved, this,
          [this, bar](const QModelIndex&, int first, int last) {
            droppedAbove_ = !followTail_ && first == 0 ? last + 1 : 0;
            bar->hold();
          });
  connect(model_, &QAbstractItemModel::rowsRemoved, this, [this, bar] {
    if (droppedAbove_ > 0) bar->setValue(std::max(0, bar->value() - droppedAbove_));
    droppedAbove_ = 0;
    bar->release();
  });

  auto* top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  top->addWidget(filterEdit_, 1);
  top->addWidget(countLabel_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->setSpacing(4);
  layout->addLayout(top);
  layout->addWidget(view_, 1);
  retranslate();
}

void EventLogPanel::append(const std::vector<ipclab::Event>& events) {
  updateLive();
  const bool first = model_->rowCount() == 0;
  model_->append(events);
  if (!model_->isLive()) return;  // out of sight: books only; updateLive catches up
  if (first && model_->rowCount() > 0) fitColumns();
  growColumns();
  updateCount();
}

void EventLogPanel::updateLive() {
  const bool onScreen = isOnScreen(this);
  if (onScreen == model_->isLive()) return;
  model_->setLive(onScreen);
  if (!onScreen) return;
  if (model_->rowCount() > 0) fitColumns();
  growColumns();
  updateCount();
  followTail_ = true;
  view_->scrollToBottom();
}

void EventLogPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  updateLive();
}

void EventLogPanel::hideEvent(QHideEvent* event) {
  QWidget::hideEvent(event);
  updateLive();
}

void EventLogPanel::growColumns() {
  // Names and texts that arrive later (a second object, a long message)
  // widen their column; a column never narrows under the reader's eyes.
  // The model hands over only the texts it had not seen before.
  QFont bold = QApplication::font();
  bold.setBold(true);
  const QFontMetrics plain(QApplication::font());
  const QFontMetrics strong(bold);
  int process = 0, object = 0, data = 0;
  for (const auto& [column, text] : model_->takeNewTexts()) {
    if (column == EventLogModel::Process)
      process = std::max(process, strong.horizontalAdvance(text));
    else if (column == EventLogModel::Object)
      object = std::max(object, plain.horizontalAdvance(text));
    else
      data = std::max(data, plain.horizontalAdvance(text));
  }
  const int pad = 24;
  const int dataCap = plain.horizontalAdvance(QLatin1Char('x')) * 44;
  const std::pair<int, int> wanted[] = {{EventLogModel::Process, process + pad},
                                        {EventLogModel::Object, object + pad},
                                        {EventLogModel::Data, std::min(data + pad, dataCap)}};
  for (const auto& [column, width] : wanted)
    if (width > view_->columnWidth(column)) view_->setColumnWidth(column, width);
}

void EventLogPanel::fitColumns() {
  view_->resizeColumnsToContents();
  for (int c = EventLogModel::Time; c < EventLogModel::Detail; ++c)
    view_->setColumnWidth(c, view_->columnWidth(c) + 16);
  view_->setColumnWidth(
      EventLogModel::Data,
      std::max(view_->columnWidth(EventLogModel::Data),
               QFontMetrics(QApplication::font()).horizontalAdvance(QLatin1Char('x')) * 16));
}

void EventLogPanel::restyle() {
  countLabel_->setMinimumSize(0, 0);  // measured again by updateCount()
  updateCount();
  view_->horizontalHeader()->setStyleSheet(StateStyle::headerStyleSheet());
  fitRowHeight();
  if (model_->rowCount() > 0) fitColumns();
}

void EventLogPanel::applyFilter() {
  filterDelay_.stop();
  model_->setFilterText(filterEdit_->text());
  updateCount();
}

void EventLogPanel::setPlanLabels(PlanLabels labels) {
  model_->setPlanLabels(std::move(labels));
}

void EventLogPanel::clear() {
  model_->clear();
  followTail_ = true;
  updateCount();
}

void EventLogPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) fitRowHeight();
  QWidget::changeEvent(event);
}

void EventLogPanel::retranslate() {
  filterEdit_->setPlaceholderText(
      tr("Filter: words to find in any column, e.g. “producer send” or “block”"));
  filterEdit_->setToolTip(tr("Shows only the events whose row contains every word you type"));
  model_->retranslate();
  countLabel_->setMinimumSize(0, 0);  // other words, other widths
  updateCount();
}

void EventLogPanel::updateCount() {
  const int shown = model_->rowCount();
  const int kept = model_->keptCount();
  const auto total = static_cast<qulonglong>(model_->total());
  if (total > static_cast<qulonglong>(kept))  // the oldest rows were let go
    countLabel_->setText(
        shown == kept ? tr("showing the last %1 of %2 events").arg(kept).arg(total)
                      : tr("%1 of the last %2 of %3 events").arg(shown).arg(kept).arg(total));
  else
    countLabel_->setText(shown == kept ? tr("%1 events").arg(kept)
                                       : tr("%1 of %2 events").arg(shown).arg(kept));
  // The count changes with every batch: a label of fixed size (grown when a
  // text needs more) spares the panel a layout each time.
  const QSize hint = countLabel_->sizeHint();
  if (hint.width() > countLabel_->minimumWidth() || hint.height() != countLabel_->minimumHeight())
    countLabel_->setFixedSize(std::max(hint.width(), countLabel_->minimumWidth()), hint.height());
}

void EventLogPanel::fitRowHeight() {
  view_->verticalHeader()->setDefaultSectionSize(QFontMetrics(QApplication::font()).height() + 8);
}
