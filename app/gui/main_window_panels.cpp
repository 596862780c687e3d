// MainWindow: the Code, Kernel, Lesson and Lessons docks (app/gui/panels).
#include <QAction>

#include "main_window.h"
#include "panels/panel_docks.h"

void MainWindow::buildPanelDocks() {
  panels_ = new PanelDocks(this, controller_);
  panels_->install(logDock_);
  connect(panels_, &PanelDocks::lessonChosen, this,
          [this](const QString& id) { openScenario(id); });
  connect(panels_, &PanelDocks::openFileRequested, this, &MainWindow::openFileDialog);
}
