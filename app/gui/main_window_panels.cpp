// MainWindow: the Code, Kernel, Lesson and Lessons docks (app/gui/panels),
// and the values an open lesson question hides in every view.
#include <QAction>

#include "charts/charts_panel.h"
#include "diagram/diagram_view.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "main_window.h"
#include "object_table_model.h"
#include "panels/challenge_panel.h"
#include "panels/kernel_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "timeline/timeline_panel.h"

void MainWindow::buildPanelDocks() {
  panels_ = new PanelDocks(this, controller_);
  panels_->install(logDock_);
  connect(panels_, &PanelDocks::lessonChosen, this,
          [this](const QString& id) { openScenario(id); });
  connect(panels_, &PanelDocks::openFileRequested, this, &MainWindow::openFileDialog);
  // While a challenge runs the student is the scheduler: Run and Step All are off.
  connect(panels_->challenge(), &ChallengePanel::activeChanged, this, &MainWindow::updateActions);
}

void MainWindow::connectHiddenValues() {
  // Predict, then check: an open question hides the values it asks about,
  // in every place a student could read them. One list, from the lesson
  // panel: set when a question with `hide` opens, empty once it is
  // answered or the lesson or session changes. While a challenge runs the
  // lesson waits and nothing is hidden: the student schedules by what they see.
  LessonPanel* lesson = panels_->lesson();
  ChallengePanel* challenge = panels_->challenge();
  auto apply = [this, lesson, challenge] {
    const QStringList names = challenge->isActive() ? QStringList() : lesson->hiddenObjects();
    diagram_->setHiddenObjects(names);
    objects_->setHiddenObjects(names);
    panels_->kernel()->setHiddenObjects(names);
    charts_->setHiddenObjects(names);
    timeline_->setHiddenObjects(names);
    log_->model()->setHiddenObjects(names);
  };
  connect(lesson, &LessonPanel::hiddenObjectsChanged, this, apply);
  connect(challenge, &ChallengePanel::activeChanged, this, apply);
}
