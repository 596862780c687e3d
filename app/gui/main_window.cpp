// MainWindow: construction, layout, language, presentation mode, settings.
// The reactions to the session live in main_window_session.cpp.
#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "channel_switch_menu.h"
#include "diagram/diagram_view.h"
#include "event_log_panel.h"
#include "lesson_catalog.h"
#include "message_bar.h"
#include "object_table_model.h"
#include "panels/challenge_panel.h"
#include "panels/panel_docks.h"
#include "problems_panel.h"
#include "process_table_model.h"
#include "scenario/catalog.hpp"
#include "scenario_chooser.h"
#include "scenario_header.h"
#include "session_controller.h"
#include "session_status.h"
#include "speed_control.h"
#include "state_delegate.h"
#include "state_style.h"
#include "window_actions.h"

#ifndef IPCLAB_WORKER_BUILD_PATH
#define IPCLAB_WORKER_BUILD_PATH "ipclab-worker"
#endif

namespace {

constexpr int kDefaultWidth = 1400;
constexpr int kDefaultHeight = 900;

ipclab::SessionOptions sessionOptions() {
  ipclab::SessionOptions options;
  options.worker_path = ipclab::find_worker_binary(IPCLAB_WORKER_BUILD_PATH);
  return options;
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setObjectName(name);
  view->setModel(model);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setAlternatingRowColors(true);
  view->setShowGrid(false);
  view->setWordWrap(false);
  view->verticalHeader()->hide();
  view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view->horizontalHeader()->setHighlightSections(false);
  view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setStyleSheet(StateStyle::headerStyleSheet());
  return view;
}

QWidget* titled(QLabel* title, QWidget* body, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 4, 0, 0);
  layout->setSpacing(4);
  QFont font = title->font();
  font.setBold(true);
  title->setFont(font);
  layout->addWidget(title);
  layout->addWidget(body, 1);
  return box;
}

}  // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent),
      options_(options),
      baseFont_(QApplication::font()),
      controller_(new SessionController(sessionOptions(), this)),
      actions_(new WindowActions(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setCentralWidget(buildCentre());
  buildDocks();
  buildPanelDocks();
  buildTimelineDocks();
  connectHiddenValues();
  buildToolBar();
  actions_->buildMenus();
  buildSwitchMenu();
  // View > Animations, under Presentation Mode.
  for (QObject* owner : actions_->presentation->associatedObjects())
    if (auto* menu = qobject_cast<QMenu*>(owner)) {
      const auto at = menu->actions().indexOf(actions_->presentation) + 1;
      menu->insertAction(menu->actions().value(at), diagram_->animationsAction());
    }
  status_ = new SessionStatus(this);
  statusBar()->addWidget(status_, 1);
  connectActions();
  connectController();
  resize(kDefaultWidth, kDefaultHeight);
  resizeDocks({logDock_}, {kDefaultHeight * 30 / 100}, Qt::Vertical);
  panels_->arrange();
  restoreSettings();
  fitRowHeights();
  retranslate();
  updateActions();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildCentre() {
  auto* centre = new QWidget(this);
  messageBar_ = new MessageBar(centre);
  header_ = new ScenarioHeader(centre);
  processes_ = new ProcessTableModel(this);
  objects_ = new ObjectTableModel(this);
  processView_ = makeTable(processes_, QStringLiteral("processTable"), centre);
  processView_->setIconSize(QSize(14, 14));
  processView_->setItemDelegateForColumn(ProcessTableModel::State, new StateDelegate(processView_));
  objectView_ = makeTable(objects_, QStringLiteral("objectTable"), centre);
  processesTitle_ = new QLabel(centre);
  objectsTitle_ = new QLabel(centre);
  auto* split = new QSplitter(Qt::Vertical, centre);
  split->setChildrenCollapsible(false);
  split->addWidget(titled(processesTitle_, processView_, split));
  split->addWidget(titled(objectsTitle_, objectView_, split));
  auto* layout = new QVBoxLayout(centre);
  layout->setContentsMargins(10, 8, 10, 4);
  layout->setSpacing(8);
  layout->addWidget(messageBar_);
  layout->addWidget(header_);
  // The diagram in the centre; the tables stay one tab away.
  diagram_ = new DiagramView(centre);
  if (options_.scripted) {  // screenshots and tests: no tokens mid-flight, nothing saved
    diagram_->setRemembered(false);
    diagram_->setAnimationsEnabled(false);
  }
  centreTabs_ = new QTabWidget(centre);
  centreTabs_->setObjectName(QStringLiteral("centreTabs"));
  centreTabs_->setDocumentMode(true);
  centreTabs_->addTab(diagram_, QString());
  centreTabs_->addTab(split, QString());
  connect(diagram_, &DiagramView::processClicked, this,
          [this](int worker) { processView_->selectRow(worker); });
  connect(processView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            diagram_->setSelectedProcess(current.row());
            updateActions();
          });
  connect(centreTabs_, &QTabWidget::currentChanged, this, [this] {
    if (centreTabs_->currentWidget() != diagram_) fitColumns(true);
  });
  layout->addWidget(centreTabs_, 1);
  return centre;
}

void MainWindow::buildDocks() {
  log_ = new EventLogPanel(this);
  logDock_ = new QDockWidget(this);
  logDock_->setObjectName(QStringLiteral("eventLogDock"));
  logDock_->setWidget(log_);
  connect(logDock_, &QDockWidget::visibilityChanged, log_, &EventLogPanel::updateLive);
  addDockWidget(Qt::BottomDockWidgetArea, logDock_);
  problems_ = new ProblemsPanel(this);
  problemsDock_ = new QDockWidget(this);
  problemsDock_->setObjectName(QStringLiteral("problemsDock"));
  problemsDock_->setWidget(problems_);
  addDockWidget(Qt::BottomDockWidgetArea, problemsDock_);
  tabifyDockWidget(logDock_, problemsDock_);
  problemsDock_->hide();
  logDock_->raise();
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(QString());
  bar->setObjectName(QStringLiteral("sessionToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  lessonLabel_ = new QLabel(bar);
  lessonLabel_->setContentsMargins(6, 0, 4, 0);
  chooser_ = new ScenarioChooser(bar);
  chooser_->setMinimumWidth(260);
  bar->addWidget(lessonLabel_);
  bar->addWidget(chooser_);
  bar->addSeparator();
  actions_->fillToolBar(bar);
  bar->addSeparator();
  speed_ = new SpeedControl(bar);
  bar->addWidget(speed_);
}

void MainWindow::connectActions() {
  connect(actions_->open, &QAction::triggered, this, &MainWindow::openFileDialog);
  connect(actions_->quit, &QAction::triggered, this, &QWidget::close);
  connect(actions_->run, &QAction::triggered, this,
          [this] { controller_->run(speed_->stepsPerSecond()); });
  connect(actions_->pause, &QAction::triggered, controller_, &SessionController::pause);
  connect(actions_->step, &QAction::triggered, this, &MainWindow::stepSelected);
  connect(actions_->stepAll, &QAction::triggered, controller_, &SessionController::stepAll);
  connect(actions_->killProcess, &QAction::triggered, this, &MainWindow::killSelected);
  // The process table's own menu: what can be done to the process under the mouse.
  processView_->setContextMenuPolicy(Qt::ActionsContextMenu);
  processView_->addAction(actions_->step);
  processView_->addAction(actions_->killProcess);
  // The same on a process's node in the diagram (a press on it selected it).
  diagram_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(diagram_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
    const int worker = diagram_->processAt(pos);
    if (worker < 0) return;
    processView_->selectRow(worker);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("processMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(actions_->step);
    menu->addAction(actions_->killProcess);
    menu->popup(diagram_->viewport()->mapToGlobal(pos));
  });
  connect(actions_->reset, &QAction::triggered, this, [this] {
    // In a challenge, Reset is its Try again: the challenge starts afresh.
    if (panels_->challenge()->isActive())
      panels_->challenge()->start();
    else
      controller_->reset();
  });
  connect(actions_->presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
  connect(actions_->languages, &QActionGroup::triggered, this,
          [this](QAction* action) { setLanguage(action->data().toString()); });
  connect(actions_->about, &QAction::triggered, this, &MainWindow::showAbout);
  connect(chooser_, &ScenarioChooser::scenarioChosen, this,
          [this](const QString& id) { openScenario(id); });
  connect(speed_, &SpeedControl::speedChanged, this, [this](double speed) {
    if (status_->state() == SessionStatus::State::Running) controller_->run(speed);
  });
  connect(messageBar_, &MessageBar::actionTriggered, this, [this] {
    problemsDock_->show();
    problemsDock_->raise();
  });
}

void MainWindow::setLanguage(const QString& code) {
  if (!language_.apply(code) && Language::normalize(code) != QLatin1String("en"))
    messageBar_->showMessage(MessageBar::Level::Warning,
                             tr("The translation for “%1” is missing; showing English.").arg(code));
  // English has no translator to install, so no LanguageChange arrives.
  retranslate();
}

void MainWindow::setPresentationMode(bool on) {
  QFont font = baseFont_;
  if (on) font.setPointSizeF(baseFont_.pointSizeF() * 1.5);
  // The application font, so menus, dialogs and style-sheeted labels grow too.
  QApplication::setFont(font);
  const int icon = style()->pixelMetric(QStyle::PM_ToolBarIconSize);
  for (QToolBar* bar : findChildren<QToolBar*>())
    bar->setIconSize(on ? QSize(icon * 3 / 2, icon * 3 / 2) : QSize(icon, icon));
  if (actions_->presentation->isChecked() != on) actions_->presentation->setChecked(on);
  // Style-sheeted widgets state their font size: set their sheets again.
  for (QTableView* view : {processView_, objectView_})
    view->horizontalHeader()->setStyleSheet(StateStyle::headerStyleSheet());
  log_->restyle();
  messageBar_->restyle();
  header_->restyle();
  status_->restyle();
  fitRowHeights();
  arrangeForPresentation(on);
}

void MainWindow::arrangeForPresentation(bool on) {
  // Larger text alone does not make the diagram larger: its nodes grow with
  // the font, and a view already full fits them smaller again. What does is
  // room: the diagram takes the window's width, the bottom panels' place and
  // the summary's lines, the lesson goes under it, and View > Panels brings
  // back any other panel.
  // Leaving presentation mode puts every panel back where it was.
  if (on == !presentationLayout_.isEmpty()) return;
  if (on) {
    presentationLayout_ = saveState();
    for (QDockWidget* d : {logDock_, problemsDock_, timelineDock_, chartsDock_}) d->hide();
    panels_->arrangeForPresentation(height() * 21 / 100);
  } else {
    restoreState(presentationLayout_);
    presentationLayout_.clear();
  }
  header_->setSummaryShown(!on);
  diagram_->setZoomLimit(on ? DiagramView::kMaxZoom * 1.5 : DiagramView::kMaxZoom);
}

void MainWindow::fitColumns(bool growOnly) {
  // Columns widen to fit what they show but never narrow during a session,
  // so they do not jump back and forth while the processes step.
  for (QTableView* view : {processView_, objectView_}) {
    QHeaderView* header = view->horizontalHeader();
    for (int c = 0; c + 1 < header->count(); ++c) {
      const int needed = std::max(static_cast<QAbstractItemView*>(view)->sizeHintForColumn(c),
                                  header->sectionSizeHint(c)) +
                         12;
      if (!growOnly || needed > view->columnWidth(c)) view->setColumnWidth(c, needed);
    }
  }
}

void MainWindow::fitRowHeights() {
  const int row = QFontMetrics(QApplication::font()).height() + 12;
  processView_->verticalHeader()->setDefaultSectionSize(row);
  objectView_->verticalHeader()->setDefaultSectionSize(row);
  fitColumns(false);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) fitRowHeights();
  QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
  const QString code = language_.code();
  actions_->retranslate();
  (code == QLatin1String("zh_CN") ? actions_->chinese : actions_->english)->setChecked(true);
  processesTitle_->setText(tr("Processes"));
  processesTitle_->setToolTip(tr("Every row is a real process: ps -p PID shows it"));
  objectsTitle_->setText(tr("IPC objects"));
  objectsTitle_->setToolTip(
      tr("The kernel objects the processes share, as their events say and as the kernel says"));
  logDock_->setWindowTitle(tr("Event log"));
  problemsDock_->setWindowTitle(tr("Problems"));
  problems_->retranslate();
  lessonLabel_->setText(tr("Lesson:"));
  chooser_->setToolTip(tr("The lessons that come with IPC Lab, by topic"));
  chooser_->setLanguage(code);
  panels_->setLanguage(code);
  header_->setLanguage(code);
  centreTabs_->setTabText(0, tr("Diagram"));
  centreTabs_->setTabText(1, tr("Tables"));
  diagram_->retranslate();
  switchMenu_->retranslate();
  processes_->retranslate();
  objects_->retranslate();
  fitColumns(false);
  updateTitle();
}

void MainWindow::updateTitle() {
  const ipclab::Scenario* scenario = controller_->scenario();
  const QString app = tr("IPC Lab");
  setWindowTitle(
      scenario
          ? QStringLiteral("%1 — %2").arg(
                QString::fromStdString(scenario->title.in(language_.code().toStdString())), app)
          : app);
}

QString MainWindow::initialScenario() const {
  if (!options_.scripted) {
    const QString last = QSettings().value(QStringLiteral("session/last")).toString();
    if (!last.isEmpty() && ipclab::resolve_scenario(last.toStdString()).ok()) return last;
  }
  return LessonCatalog::defaultLessonId();
}

void MainWindow::restoreSettings() {
  QSettings settings;
  const QString saved = settings.value(QStringLiteral("view/language")).toString();
  const QString lang = options_.language.isEmpty() ? Language::initial(saved) : options_.language;
  if (!language_.apply(lang) && !options_.language.isEmpty())
    messageBar_->showMessage(MessageBar::Level::Warning,
                             tr("The translation for “%1” is missing; showing English.").arg(lang));
  if (options_.scripted) return;  // screenshots: the default layout, always the same
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  speed_->setPosition(settings.value(QStringLiteral("session/speed"), speed_->position()).toInt());
  setPresentationMode(settings.value(QStringLiteral("view/presentation"), false).toBool());
}

void MainWindow::saveSettings() const {
  if (options_.scripted) return;
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  // The layout to come back to, not the presentation one.
  settings.setValue(QStringLiteral("window/state"),
                    presentationLayout_.isEmpty() ? saveState() : presentationLayout_);
  settings.setValue(QStringLiteral("view/language"), language_.code());
  settings.setValue(QStringLiteral("view/presentation"), actions_->presentation->isChecked());
  settings.setValue(QStringLiteral("session/speed"), speed_->position());
  if (!current_.isEmpty()) settings.setValue(QStringLiteral("session/last"), current_);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  controller_->stop();
  QMainWindow::closeEvent(event);
}
