#include "code_panel.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "op_text.h"
#include "plan_model.h"
#include "state_style.h"

namespace {

constexpr int kMinColumnWidth = 300;

QTableView* makePlanView(PlanModel* model, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setModel(model);
  view->setSelectionMode(QAbstractItemView::NoSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setFocusPolicy(Qt::NoFocus);
  view->setShowGrid(false);
  view->setWordWrap(false);
  view->setTextElideMode(Qt::ElideRight);
  view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  // The columns always fit (the box is never narrower than their titles, a
  // long C call is elided): the strip scrolls sideways, not each table.
  view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view->verticalHeader()->hide();
  view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  QHeaderView* header = view->horizontalHeader();
  header->setHighlightSections(false);
  header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  header->setStretchLastSection(true);
  header->setStyleSheet(StateStyle::headerStyleSheet());
  return view;
}

}  // namespace

CodePanel::CodePanel(QWidget* parent)
    : QWidget(parent),
      scroll_(new QScrollArea(this)),
      strip_(new QWidget(scroll_)),
      stripLayout_(new QHBoxLayout(strip_)),
      placeholder_(new QLabel(strip_)) {
  setObjectName(QStringLiteral("codePanel"));
  stripLayout_->setContentsMargins(0, 0, 0, 0);
  stripLayout_->setSpacing(8);
  placeholder_->setAlignment(Qt::AlignCenter);
  placeholder_->setWordWrap(true);
  stripLayout_->addWidget(placeholder_);
  scroll_->setWidget(strip_);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(scroll_);
  retranslate();
}

void CodePanel::clear() {
  for (Column& c : columns_) delete c.box;
  columns_.clear();
  strip_->setMinimumWidth(0);
  placeholder_->show();
}

void CodePanel::setSession(const ipclab::Session& session) {
  clear();
  placeholder_->hide();
  const auto& workers = session.workers();
  scenario_ = session.scenario();
  workers_ = workers;
  const QStringList objects = OpText::objectNames(session.scenario());
  for (size_t i = 0; i < workers.size(); ++i) {
    Column c;
    c.name = QString::fromStdString(workers[i].name);
    c.box = new QWidget(strip_);
    c.box->setMinimumWidth(kMinColumnWidth);
    c.header = new QLabel(c.box);
    c.header->setTextFormat(Qt::RichText);
    c.model = new PlanModel(c.box);
    c.model->setPlan(session.plan(static_cast<int>(i)), objects);
    c.view = makePlanView(c.model, c.box);
    c.view->setObjectName(QStringLiteral("plan_%1").arg(c.name));
    auto* layout = new QVBoxLayout(c.box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(c.header);
    layout->addWidget(c.view, 1);
    stripLayout_->addWidget(c.box, 1);
    c.box->show();  // now, not queued by the layout: fitStrip() counts shown columns only
    columns_.push_back(c);
  }
  restyle();
}

PlanModel* CodePanel::plan(int worker) const {
  if (worker < 0 || worker >= processCount()) return nullptr;
  return columns_[static_cast<size_t>(worker)].model;
}

QTableView* CodePanel::view(int worker) const {
  if (worker < 0 || worker >= processCount()) return nullptr;
  return columns_[static_cast<size_t>(worker)].view;
}

QString CodePanel::headerText(int worker) const {
  if (worker < 0 || worker >= processCount()) return QString();
  return columns_[static_cast<size_t>(worker)].header->text();
}

void CodePanel::followMechanisms(const ipclab::Snapshot& snapshot) {
  if (snapshot.objects.size() != scenario_.objects.size()) return;
  bool changed = false;
  for (size_t i = 0; i < snapshot.objects.size(); ++i) {
    ipclab::ObjectSpec& spec = scenario_.objects[i];
    if (snapshot.objects[i].mechanism == spec.mechanism ||
        !ipclab::is_channel_mechanism(snapshot.objects[i].mechanism))
      continue;
    spec.mechanism = snapshot.objects[i].mechanism;
    changed = true;
  }
  if (!changed) return;
  // Core's own plan for the mechanisms now: the same ops, their C calls
  // those of the new mechanism.
  for (size_t w = 0; w < columns_.size() && w < workers_.size(); ++w)
    columns_[w].model->setCCalls(ipclab::make_plan(scenario_, workers_, static_cast<int>(w)));
}

void CodePanel::applySnapshot(const ipclab::Snapshot& snapshot) {
  if (snapshot.workers.size() != columns_.size()) return;
  followMechanisms(snapshot);
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    const ipclab::WorkerStatus& w = snapshot.workers[i];
    const bool moved = w.op != c.model->current();
    // The header shows the pid and the state, not the op: a new text there
    // lays the column out again (rich text), so only when it says more.
    const bool changed = w.state != c.state || w.pid != c.pid;
    c.pid = w.pid;
    c.state = w.state;
    c.model->setCurrent(w.op, w.state);
    if (changed) updateHeader(c, static_cast<int>(i));
    if (moved) follow(c);
  }
}

void CodePanel::follow(Column& column) {
  const int row = column.model->current();
  if (row < 0 || row >= column.model->rowCount()) return;
  // Scroll only when the current row left sight, and then put it a third of
  // the way down so the next few actions stay readable.
  const QRect rect = column.view->visualRect(column.model->index(row, PlanModel::Action));
  const QRect visible = column.view->viewport()->rect();
  if (rect.isValid() && visible.contains(rect)) return;
  const int rowHeight = column.view->verticalHeader()->defaultSectionSize();
  const int target = row * rowHeight - visible.height() / 3;
  column.view->verticalScrollBar()->setValue(std::max(0, target));
}

void CodePanel::updateHeader(Column& column, int index) {
  const QColor color = StateStyle::processColor(index);
  const QColor back = StateStyle::stateBackground(column.state);
  const QColor fore = StateStyle::stateForeground(column.state);
  QString state = StateStyle::stateWord(column.state).toHtmlEscaped();
  QString pid = column.pid ? tr("pid %1").arg(column.pid) : QString();
  column.header->setText(
      QStringLiteral("<span style=\"color:%1\">■</span> <b>%2</b>&nbsp;&nbsp;%3&nbsp;&nbsp;"
                     "<span style=\"background:%4; color:%5\">&nbsp;%6&nbsp;</span>")
          .arg(color.name(), column.name.toHtmlEscaped(), pid, back.name(), fore.name(), state));
  // A longer state word must not run into the next column's header.
  if (column.header->sizeHint().width() > column.box->minimumWidth()) {
    column.box->setMinimumWidth(column.header->sizeHint().width());
    fitStrip();
  }
}

void CodePanel::fitColumns(Column& column) {
  QTableView* view = column.view;
  QHeaderView* header = view->horizontalHeader();
  header->ensurePolished();  // its style sheet sets the font the titles are measured in
  QFont bold = QApplication::font();
  bold.setBold(true);  // the current row is bold
  const QFontMetrics metrics(bold);
  view->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
  // Every column keeps room for its title (the header's padding included),
  // so titles never run into each other, whatever the font or language.
  const int line = std::max(
      header->sectionSizeHint(PlanModel::Line),
      metrics.horizontalAdvance(QStringLiteral("▶ %1").arg(column.model->rowCount())) + 14);
  view->setColumnWidth(PlanModel::Line, line);
  // The action column fits its longest label (up to about 20 characters),
  // the C call takes the rest.
  int widest = 0;
  const int rows = std::min(column.model->rowCount(), 400);
  for (int r = 0; r < rows; ++r)
    widest = std::max(widest, metrics.horizontalAdvance(
                                  column.model->index(r, PlanModel::Action).data().toString()));
  const int action = std::max(header->sectionSizeHint(PlanModel::Action),
                              std::min(widest + 12, metrics.averageCharWidth() * 20));
  view->setColumnWidth(PlanModel::Action, action);
  // The C call gets room for about 15 characters of its fixed-width font,
  // and at least its title: the column box never gets narrower.
  QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  fixed.setPointSizeF(QApplication::font().pointSizeF() * 0.92);
  const int call = std::max(header->sectionSizeHint(PlanModel::CCall),
                            QFontMetrics(fixed).horizontalAdvance(QLatin1Char('x')) * 15 + 12);
  header->setMinimumSectionSize(std::min({line, action, call}));
  column.box->setMinimumWidth(
      std::max({kMinColumnWidth, column.header->sizeHint().width(),
                line + action + call + view->verticalScrollBar()->sizeHint().width() +
                    2 * view->frameWidth()}));
}

void CodePanel::restyle() {
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    c.view->horizontalHeader()->setStyleSheet(StateStyle::headerStyleSheet());
    fitColumns(c);
    updateHeader(c, static_cast<int>(i));
  }
  fitStrip();
}

void CodePanel::fitStrip() {
  // The scroll area sizes the strip to its view and learns of a larger
  // minimum only when the strip itself grows: columns added later were
  // squeezed below their minimum and drawn over each other. Stating the
  // minimum on the strip resizes it, and the scroll area scrolls instead.
  stripLayout_->invalidate();
  strip_->setMinimumWidth(stripLayout_->totalMinimumSize().width());
}

void CodePanel::retranslate() {
  placeholder_->setText(tr("The processes' scripts appear here when a lesson runs."));
  for (size_t i = 0; i < columns_.size(); ++i) {
    columns_[i].model->retranslate();
    updateHeader(columns_[i], static_cast<int>(i));
  }
}

void CodePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}
