// MainWindow: the Code, Kernel, Lesson and Lessons docks (app/gui/panels).
#include <QAction>

#include "diagram/diagram_view.h"
#include "main_window.h"
#include "object_table_model.h"
#include "panels/challenge_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"

void MainWindow::buildPanelDocks() {
  panels_ = new PanelDocks(this, controller_);
  panels_->install(logDock_);
  connect(panels_, &PanelDocks::lessonChosen, this,
          [this](const QString& id) { openScenario(id); });
  connect(panels_, &PanelDocks::openFileRequested, this, &MainWindow::openFileDialog);
  // Predict, then check: an open question hides the values it asks about.
  connect(panels_->lesson(), &LessonPanel::hiddenObjectsChanged, diagram_,
          &DiagramView::setHiddenObjects);
  connect(panels_->lesson(), &LessonPanel::hiddenObjectsChanged, objects_,
          &ObjectTableModel::setHiddenObjects);
  // While a challenge runs the student is the scheduler: Run and Step All are off.
  connect(panels_->challenge(), &ChallengePanel::activeChanged, this, &MainWindow::updateActions);
}
