#include "panel_docks.h"

#include <QDockWidget>
#include <QMainWindow>

#include "challenge_panel.h"
#include "code_panel.h"
#include "kernel_panel.h"
#include "lesson_panel.h"
#include "scenario_browser.h"
#include "session_controller.h"

PanelDocks::PanelDocks(QMainWindow* window, SessionController* controller)
    : QObject(window),
      window_(window),
      controller_(controller),
      code_(new CodePanel(window)),
      kernel_(new KernelPanel(window)),
      lesson_(new LessonPanel(controller, window)),
      challenge_(new ChallengePanel(controller, window)),
      browser_(new ScenarioBrowser(window)) {
  connect(controller_, &SessionController::sessionStarting, this, &PanelDocks::onStarting);
  connect(controller_, &SessionController::sessionStarted, this, &PanelDocks::onStarted);
  connect(controller_, &SessionController::sessionStopped, challenge_,
          &ChallengePanel::onSessionStopped);
  connect(controller_, &SessionController::sessionStopped, lesson_, &LessonPanel::onSessionStopped);
  connect(controller_, &SessionController::snapshotAvailable, this,
          [this](const ipclab::Snapshot& snapshot) {
            code_->applySnapshot(snapshot);
            kernel_->applySnapshot(snapshot);
            challenge_->applySnapshot(snapshot);
          });
  connect(browser_, &ScenarioBrowser::lessonChosen, this, &PanelDocks::lessonChosen);
  connect(browser_, &ScenarioBrowser::openFileRequested, this, &PanelDocks::openFileRequested);
}

QDockWidget* PanelDocks::dock(const QString& name, QWidget* panel) {
  auto* d = new QDockWidget(window_);
  d->setObjectName(name);
  d->setWidget(panel);
  return d;
}

void PanelDocks::install(QDockWidget* bottomTab) {
  bottomTab_ = bottomTab;
  browserDock_ = dock(QStringLiteral("lessonBrowserDock"), browser_);
  lessonDock_ = dock(QStringLiteral("lessonDock"), lesson_);
  challengeDock_ = dock(QStringLiteral("challengeDock"), challenge_);
  codeDock_ = dock(QStringLiteral("codeDock"), code_);
  kernelDock_ = dock(QStringLiteral("kernelDock"), kernel_);
  connect(kernelDock_, &QDockWidget::visibilityChanged, kernel_, [this](bool visible) {
    if (visible) kernel_->catchUp();
  });
  window_->addDockWidget(Qt::LeftDockWidgetArea, browserDock_);
  browserDock_->hide();  // the toolbar's lesson picker does its job; View > Panels opens it
  window_->addDockWidget(Qt::RightDockWidgetArea, lessonDock_);
  window_->tabifyDockWidget(lessonDock_, challengeDock_);
  lessonDock_->raise();
  if (bottomTab_) {
    // The code on the left of the event log, the kernel panel tabbed with the log.
    window_->addDockWidget(Qt::BottomDockWidgetArea, codeDock_);
    window_->splitDockWidget(codeDock_, bottomTab_, Qt::Horizontal);
    window_->tabifyDockWidget(bottomTab_, kernelDock_);
  } else {
    window_->addDockWidget(Qt::BottomDockWidgetArea, codeDock_);
    window_->splitDockWidget(codeDock_, kernelDock_, Qt::Horizontal);
  }
  retranslate();
}

void PanelDocks::arrange() {
  // The diagram gets what is left: about 1050x430 at 1400x900.
  window_->resizeDocks({browserDock_, lessonDock_}, {265, 330}, Qt::Horizontal);
  window_->resizeDocks({codeDock_}, {window_->width() / 2}, Qt::Horizontal);
}

void PanelDocks::arrangeForPresentation(int height) {
  for (QDockWidget* d : {browserDock_, codeDock_, kernelDock_}) d->hide();
  window_->addDockWidget(Qt::BottomDockWidgetArea, lessonDock_);
  window_->tabifyDockWidget(lessonDock_, challengeDock_);
  lessonDock_->show();
  (challenge_->isActive() ? challengeDock_ : lessonDock_)->raise();
  window_->resizeDocks({lessonDock_}, {height}, Qt::Vertical);
}

void PanelDocks::setLanguage(const QString& code) {
  lesson_->setLanguage(code);
  challenge_->setLanguage(code);
  browser_->setLanguage(code);
  retranslate();
}

void PanelDocks::retranslate() {
  if (!codeDock_) return;
  browserDock_->setWindowTitle(tr("Lessons"));
  lessonDock_->setWindowTitle(tr("Lesson"));
  challengeDock_->setWindowTitle(tr("Challenge"));
  codeDock_->setWindowTitle(tr("Code: each process's actions and the C calls behind them"));
  kernelDock_->setWindowTitle(tr("Kernel"));
}

void PanelDocks::onStarting(const QString& id) {
  code_->clear();
  kernel_->clear();
  browser_->setCurrentLesson(id);
  challenge_->onSessionStarting();
  // A challenge starting in a lesson's scenario: the lesson keeps what it
  // showed, greyed, and steps nothing until the student goes back to it.
  lesson_->setEnabled(!challenge_->holdsLesson());
  if (!challenge_->holdsLesson()) lesson_->onSessionStarting();
  const ipclab::Scenario* scenario = controller_->scenario();
  if (!challengeDock_ || !scenario) return;
  if (challenge_->available() && scenario->lesson.empty()) {
    challengeDock_->show();
    challengeDock_->raise();
  } else if (!challenge_->holdsLesson() && !scenario->lesson.empty() && lessonDock_->isVisible()) {
    lessonDock_->raise();
  }
}

void PanelDocks::onStarted() {
  if (const ipclab::Session* session = controller_->session()) {
    code_->setSession(*session);
    kernel_->setSession(*session);
  }
  challenge_->onSessionStarted();
  if (!challenge_->holdsLesson()) lesson_->onSessionStarted();
}

void PanelDocks::startChallenge() {
  challengeDock_->show();
  challengeDock_->raise();
  challenge_->start();
}
