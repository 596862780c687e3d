// MainWindow: opening lessons and reacting to the session controller.
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>

#include "channel_switch_menu.h"
#include "diagram/diagram_view.h"
#include "event_log_panel.h"
#include "main_window.h"
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
#include "window_actions.h"

void MainWindow::connectController() {
  connect(controller_, &SessionController::sessionStarting, this, &MainWindow::onSessionStarting);
  connect(controller_, &SessionController::sessionStarted, this, &MainWindow::onSessionStarted);
  connect(controller_, &SessionController::sessionStopped, this, &MainWindow::onSessionStopped);
  connect(controller_, &SessionController::eventsAvailable, log_, &EventLogPanel::append);
  connect(controller_, &SessionController::eventsAvailable, diagram_, &DiagramView::applyEvents);
  connect(controller_, &SessionController::snapshotAvailable, this, &MainWindow::onSnapshot);
  connect(controller_, &SessionController::failed, this, &MainWindow::onFailed);
  connect(controller_, &SessionController::notice, messageBar_, &MessageBar::showInformation);
}

bool MainWindow::openScenario(const QString& idOrPath) {
  const ipclab::LoadResult result = ipclab::resolve_scenario(idOrPath.toStdString());
  if (!result.ok()) {
    const QString name = QFileInfo(idOrPath).fileName();
    problems_->setDiagnostics(name, result.errors);
    QString text = tr("“%1” cannot be opened; nothing was changed.").arg(name);
    if (!result.errors.empty()) text += QLatin1Char('\n') + ProblemsPanel::format(result.errors[0]);
    if (result.errors.size() > 1)
      text += QLatin1Char('\n') +
              tr("… and %1 more in the Problems panel.").arg(result.errors.size() - 1);
    messageBar_->showMessage(MessageBar::Level::Error, text, tr("Show all problems"));
    if (result.errors.size() > 1) {
      problemsDock_->show();
      problemsDock_->raise();
    }
    chooser_->setCurrentScenario(current_);  // the picker keeps showing what runs
    return false;
  }
  messageBar_->dismiss();
  problems_->clear();
  current_ = idOrPath;
  chooser_->setCurrentScenario(idOrPath);
  header_->setScenario(*result.scenario);
  controller_->open(*result.scenario);
  updateTitle();
  return true;
}

void MainWindow::onSessionStarting() {
  status_->setStarting();
  processes_->clear();
  diagram_->clear();
  objects_->clear();
  log_->clear();
  switchMenu_->clear();
  updateActions();
}

void MainWindow::onSessionStarted() {
  const ipclab::Session* session = controller_->session();
  processes_->setWorkers(session->workers(), PlanLabels::of(*session));
  log_->setPlanLabels(PlanLabels::of(*session));
  diagram_->setScenario(session->scenario(), session->workers());
  objects_->setScenario(session->scenario(), session->workers());
  switchMenu_->setScenario(session->scenario());
  processView_->selectRow(0);
  fitColumns(false);
  updateActions();
}

void MainWindow::onSessionStopped() {
  status_->setNone();
  updateActions();
}

void MainWindow::onSnapshot(const ipclab::Snapshot& snapshot) {
  processes_->applySnapshot(snapshot);
  diagram_->applySnapshot(snapshot);
  objects_->applySnapshot(snapshot);
  switchMenu_->applySnapshot(snapshot);
  status_->setSnapshot(snapshot, speed_->stepsPerSecond());
  if (centreTabs_->currentWidget() != diagram_) fitColumns(true);  // else when the tab is opened
  updateActions();
}

void MainWindow::onFailed(const QString& text) {
  messageBar_->showError(text);
  status_->setFailed();
  updateActions();
}

void MainWindow::updateActions() {
  const SessionStatus::State state = status_ ? status_->state() : SessionStatus::State::None;
  const bool live = controller_->session() != nullptr;
  const bool stepping =
      live && (state == SessionStatus::State::Stepping || state == SessionStatus::State::Deadlock);
  // A challenge: the student grants every step, one process at a time.
  const bool challenge = panels_ && panels_->challenge()->isActive();
  actions_->run->setEnabled(stepping && !challenge);
  actions_->pause->setEnabled(live && state == SessionStatus::State::Running);
  actions_->step->setEnabled(stepping);
  actions_->stepAll->setEnabled(stepping && !challenge);
  actions_->killProcess->setEnabled(live && !challenge && selectedCanBeKilled());
  actions_->reset->setEnabled(controller_->scenario() != nullptr && !controller_->isStarting());
}

bool MainWindow::selectedCanBeKilled() const {
  const QModelIndex current = processView_->currentIndex();
  if (!current.isValid()) return false;
  const QVariant state =
      processes_->index(current.row(), ProcessTableModel::State).data(ProcessTableModel::StateRole);
  if (!state.isValid()) return false;
  const auto st = static_cast<ipclab::WorkerState>(state.toInt());
  return st != ipclab::WorkerState::exited && st != ipclab::WorkerState::killed;
}

void MainWindow::killSelected() {
  const QModelIndex current = processView_->currentIndex();
  if (!current.isValid() || !selectedCanBeKilled()) return;
  controller_->killProcess(current.row());
}

void MainWindow::stepSelected() {
  const QModelIndex current = processView_->currentIndex();
  const int worker = current.isValid() ? current.row() : -1;
  // In a challenge the toolbar's Step is one of the student's steps, counted and judged.
  if (panels_->challenge()->isActive()) {
    panels_->challenge()->stepProcess(worker);
    return;
  }
  controller_->step(worker);
}

void MainWindow::openFileDialog() {
  QSettings settings;
  const QString dir =
      settings.value(QStringLiteral("session/lastDir"), QDir::homePath()).toString();
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open a lesson file"), dir, tr("Lesson files (*.yaml *.yml);;All files (*)"));
  if (path.isEmpty()) return;
  if (!options_.scripted)
    settings.setValue(QStringLiteral("session/lastDir"), QFileInfo(path).absolutePath());
  openScenario(path);
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About IPC Lab"),
      tr("<h3>IPC Lab %1</h3>"
         "<p>A teaching simulator for inter-process communication and synchronization on "
         "Linux.</p>"
         "<p>Every process you see is a real process, every message goes through a real pipe, "
         "queue, socket or shared-memory region, and every semaphore is a real kernel object. "
         "What the window shows comes from the processes' own events and from the kernel.</p>")
          .arg(QStringLiteral(IPCLAB_VERSION)));
}
