#include "scripted_run.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>
#include <QPushButton>
#include <QStringList>
#include <chrono>
#include <cstdio>

#include "command_line.h"
#include "main_window.h"
#include "message_bar.h"
#include "panels/challenge_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "session_controller.h"

namespace {

void say(const QString& text) {
  std::fprintf(stderr, "ipclab: %s\n", text.toLocal8Bit().constData());
}

bool allGone(const ipclab::Snapshot& snap) {
  for (const ipclab::WorkerStatus& w : snap.workers)
    if (w.state != ipclab::WorkerState::exited && w.state != ipclab::WorkerState::killed)
      return false;
  return true;
}

// When the last process exited, the session marks itself finished a moment
// later: wait for that (bounded) so the picture says "Finished".
void awaitFinishedMode(ipclab::Session& session) {
  for (int i = 0; i < 40; ++i) {
    const ipclab::Snapshot snap = session.snapshot();
    if (!allGone(snap) || snap.mode == ipclab::RunMode::finished) return;
    session.wait_for_activity(std::chrono::milliseconds(25));
  }
}

// The --switch choices, one after the other, through the window's own path
// (the switch runs on the controller's thread; this waits for its outcome).
bool performSwitches(MainWindow& window, const CommandLine& commandLine) {
  SessionController* controller = window.controller();
  for (const auto& [object, mechanism] : commandLine.switches) {
    ipclab::Session* session = controller->session();
    if (!session) return false;
    const int obj = session->scenario().object_index(object.toStdString());
    const auto kind = ipclab::object_kind_from(mechanism.toStdString());
    if (obj < 0 || !kind) {
      say(ScriptedRun::tr("--switch: no channel '%1' or no mechanism '%2' in this lesson")
              .arg(object, mechanism));
      return false;
    }
    QString refused;
    const QMetaObject::Connection c =
        QObject::connect(controller, &SessionController::switchRefused,
                         [&refused](int, const QString& text) { refused = text; });
    window.switchChannel(obj, *kind);
    QElapsedTimer deadline;
    deadline.start();
    while (controller->isSwitching() && deadline.elapsed() < 10000)
      QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QObject::disconnect(c);
    if (!refused.isEmpty()) say(refused);
    // The `switch` event reaches the pump a moment after the call returned.
    session->wait_for_activity(std::chrono::milliseconds(50));
    controller->deliverNow();
  }
  return true;
}

// Lets the event loop run until the lesson panel is idle (bounded).
bool lessonIdle(LessonPanel* lesson) {
  QElapsedTimer deadline;
  deadline.start();
  while (!lesson->idle() && deadline.elapsed() < 20000)
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  return lesson->idle();
}

// --lesson-step and --answer, through the panel's own buttons.
bool walkLesson(MainWindow& window, const CommandLine& commandLine) {
  LessonPanel* lesson = window.panels()->lesson();
  if (!lessonIdle(lesson)) return false;
  if (commandLine.lessonStep > lesson->stepCount()) {
    say(ScriptedRun::tr("--lesson-step: this lesson has %1 steps").arg(lesson->stepCount()));
    return false;
  }
  while (lesson->shownStep() + 1 < commandLine.lessonStep) {
    lesson->next();
    if (!lessonIdle(lesson)) return false;
  }
  if (commandLine.answer.isEmpty()) return true;
  lesson->chooseAnswer(commandLine.answer.toInt());
  lesson->typeAnswer(commandLine.answer);
  if (!lesson->checkButton()->isEnabled()) {
    say(ScriptedRun::tr("--answer: step %1 has no question to answer").arg(commandLine.lessonStep));
    return false;
  }
  lesson->checkAnswer();
  return lessonIdle(lesson);
}

// --challenge: starts the challenge (a lesson's is one click away, a
// challenge-only scenario's runs already) and plays the steps through the
// panel, as a student clicking "Step NAME" would, each one judged.
bool performChallenge(MainWindow& window, const CommandLine& commandLine) {
  SessionController* controller = window.controller();
  ChallengePanel* panel = window.panels()->challenge();
  const ipclab::Scenario* scenario = controller->scenario();
  if (!scenario || !scenario->challenge) {
    say(ScriptedRun::tr("--challenge: this lesson has no challenge"));
    return false;
  }
  auto pumpUntil = [](auto done) {
    QElapsedTimer deadline;
    deadline.start();
    while (!done() && deadline.elapsed() < 15000)
      QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
  };
  // The order first: starting the challenge replaces the scenario object.
  QStringList order;
  if (commandLine.challenge == QLatin1String("solution")) {
    for (const std::string& name : scenario->challenge->solution)
      order << QString::fromStdString(name);
  } else {
    order = commandLine.challenge.split(QLatin1Char(','), Qt::SkipEmptyParts);
  }
  if (!panel->isActive()) window.panels()->startChallenge();
  if (!pumpUntil([&] { return panel->isActive() && !panel->inFlight(); })) return false;
  for (const QString& name : order) {
    ipclab::Session* session = controller->session();
    const int worker = session ? session->worker_index(name.toStdString()) : -1;
    if (worker < 0 || !panel->stepProcess(worker)) {
      say(ScriptedRun::tr("--challenge: %1 cannot take a step now").arg(name));
      return false;
    }
    if (!pumpUntil([&] { return !panel->inFlight(); })) return false;
  }
  controller->deliverNow();
  return true;
}

}  // namespace

int ScriptedRun::perform(MainWindow& window, const CommandLine& commandLine) {
  const bool screenshot = !commandLine.screenshot.isEmpty();
  if (!screenshot && commandLine.steps == 0 && commandLine.scenario.isEmpty()) {
    window.openScenario(window.initialScenario());  // the usual start: no waiting
    return -1;
  }
  const QString id =
      commandLine.scenario.isEmpty() ? window.initialScenario() : commandLine.scenario;
  SessionController* controller = window.controller();
  if (!window.openScenario(id)) {
    say(window.messageBar()->text());
    return screenshot ? 2 : -1;
  }
  controller->waitUntilIdle();
  ipclab::Session* session = controller->session();
  if (!session) {
    say(window.messageBar()->text());
    return screenshot ? 1 : -1;
  }
  for (int i = 0; i < commandLine.steps; ++i) {
    controller->stepAll();
    if (!session->wait_settled(std::chrono::seconds(5)))
      say(tr("step %1 did not settle within 5 s").arg(i + 1));
    controller->deliverNow();
  }
  if (!performSwitches(window, commandLine)) return screenshot ? 2 : -1;
  if (commandLine.lessonStep > 0 && !walkLesson(window, commandLine)) return screenshot ? 2 : -1;
  if (!commandLine.challenge.isEmpty()) {
    if (!performChallenge(window, commandLine)) return screenshot ? 2 : -1;
    session = controller->session();  // the challenge's own, fresh processes
    if (!session) return screenshot ? 1 : -1;
  }
  if (commandLine.panel == QLatin1String("lessons")) {
    window.panels()->browserDock()->show();
    window.panels()->browserDock()->raise();
    window.resizeDocks({window.panels()->browserDock()}, {340}, Qt::Horizontal);
  } else if (commandLine.panel == QLatin1String("challenge")) {
    window.panels()->challengeDock()->show();
    window.panels()->challengeDock()->raise();
  }
  awaitFinishedMode(*session);
  controller->deliverNow();
  QCoreApplication::processEvents();
  if (!screenshot) return -1;
  const QImage image = window.grab().toImage();
  if (image.isNull() || !image.save(commandLine.screenshot, "PNG")) {
    say(tr("could not write the screenshot to %1").arg(commandLine.screenshot));
    return 1;
  }
  return 0;
}
