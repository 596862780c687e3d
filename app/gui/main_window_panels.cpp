// MainWindow: the Code, Kernel, Lesson and Lessons docks (app/gui/panels).
#include <QAction>

#include "main_window.h"
#include "panels/challenge_panel.h"
#include "panels/panel_docks.h"

void MainWindow::buildPanelDocks() {
  panels_ = new PanelDocks(this, controller_);
  panels_->install(logDock_);
  connect(panels_, &PanelDocks::lessonChosen, this,
          [this](const QString& id) { openScenario(id); });
  connect(panels_, &PanelDocks::openFileRequested, this, &MainWindow::openFileDialog);
  // While a challenge runs the student is the scheduler: Run and Step All are off.
  connect(panels_->challenge(), &ChallengePanel::activeChanged, this, &MainWindow::updateActions);
}
