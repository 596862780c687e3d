// SessionController: the one adapter between core's ipclab::Session and the
// widgets. It owns the running session, starts and stops it off the GUI
// thread (both take about half a second), and turns the session's notify fd
// into value signals delivered at most 60 times a second: a burst of events
// becomes one eventsAvailable batch and at most one snapshotAvailable.
//
// Contract: every signal is emitted on the GUI thread. The references it
// passes, including Snapshot::objects[].spec, are valid only while the signal
// is being delivered: receivers copy what they keep. Widgets never call the
// Session themselves; tests and the scripted command line may use session()
// for wait_settled.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/ask_check.hpp"
#include "runtime/challenge.hpp"
#include "runtime/lesson_check.hpp"
#include "runtime/session.hpp"

class QSocketNotifier;

// What one lesson step did: the problems granting its `step` (as data, worded
// by LessonCheckText::problem), and the checks of its `expect` when it has one.
struct LessonStepResult {
  std::vector<ipclab::StepProblem> problems;
  bool noSession = false;  // there was no session to step
  std::optional<ipclab::ExpectOutcome> checks;
  // The state right after the checks, so the panel can word them in its own
  // language (LessonCheckText); spec pointers cleared, valid after the session.
  // Also taken when a question was evaluated.
  std::optional<ipclab::Snapshot> snapshot;
  // The question passed to performLessonStep / evaluateAsk, evaluated against
  // the real state once the step (if any) was carried out and checked.
  std::optional<ipclab::AskTruth> askTruth;
};

// What one challenge step did (performChallengeStep): whether the process
// could take it, and the verdict on the state once everything settled.
struct ChallengeStepResult {
  bool asked = false;  // a step was asked for (false: only the verdict)
  ipclab::StepResult step = ipclab::StepResult::granted;
  int stepsUsed = 0;  // the student's steps after this one
  ipclab::ChallengeVerdict verdict;
};

class SessionController : public QObject {
  Q_OBJECT

 public:
  explicit SessionController(ipclab::SessionOptions options, QObject* parent = nullptr);
  ~SessionController() override;  // stops the session: no process or object survives

  // The live session; nullptr while none runs (starting, failed, stopped).
  ipclab::Session* session() const { return session_.get(); }
  // The scenario opened last (also while it starts); nullptr before any.
  const ipclab::Scenario* scenario() const { return scenario_.get(); }
  bool isStarting() const { return starting_; }

  // For scripted runs and tests: blocks until pending starts and stops are
  // done and their outcome was delivered (sessionStarted or failed).
  void waitUntilIdle();
  // Takes whatever events are pending now and delivers them with a fresh
  // snapshot, without waiting for the next frame.
  void deliverNow();

  // A lesson step: pauses free running, then grants the step's `step` and
  // checks its `expect` on the worker thread (granting waits for the
  // processes to settle). `done` runs on the GUI thread after a fresh
  // snapshot was delivered, unless `receiver` is gone or the session was
  // replaced meanwhile. False (and nothing happens) when no session runs.
  bool performLessonStep(const ipclab::LessonStep& step, QObject* receiver,
                         std::function<void(const LessonStepResult&)> done);
  // The same, and then `ask` is evaluated against the real state
  // (ask_truth): predict, then check. `ask` is copied.
  bool performLessonStep(const ipclab::LessonStep& step, const ipclab::Ask& ask, QObject* receiver,
                         std::function<void(const LessonStepResult&)> done);
  // A question about the state as it is (`now: true`): no step, only
  // ask_truth on the worker thread. Same contract as performLessonStep.
  bool evaluateAsk(const ipclab::Ask& ask, QObject* receiver,
                   std::function<void(const LessonStepResult&)> done);
  // Step back by replay: grants `steps` one after the other on the session
  // as it is (call it on fresh processes, right after sessionStarted), each
  // with its `expect` checked again. `progress(k)` runs on the GUI thread
  // before step k (0-based) is replayed; `done` gets one result per step
  // and the state after the last (spec pointers cleared). Both are dropped
  // when `receiver` is gone or the session was replaced.
  bool replayLessonSteps(
      std::vector<ipclab::LessonStep> steps, QObject* receiver, std::function<void(int)> progress,
      std::function<void(const std::vector<LessonStepResult>&, const ipclab::Snapshot&)> done);

  // A challenge step: pauses free running, then grants one step to
  // `worker` (-1: none, only judge) on the worker thread, waits for the
  // processes to settle (and, when all of them sleep, for the session to
  // call it a deadlock), and judges the scenario's challenge after
  // `stepsUsed` steps plus this one. `done` runs on the GUI thread after a
  // fresh snapshot, unless `receiver` is gone or the session was replaced.
  // False when no session runs or the scenario has no challenge.
  bool performChallengeStep(int worker, int stepsUsed, QObject* receiver,
                            std::function<void(const ChallengeStepResult&)> done);

  // A live switch of channel `obj` to `mechanism` (Session::switch_channel,
  // a few ms, up to ~2 s) on the lifecycle thread: the GUI thread never
  // waits for it, and a stop queued meanwhile waits for it to end. Then the
  // events (with the `switch` event) and a fresh snapshot are delivered,
  // and channelSwitched or switchRefused says how it went. False (a notice
  // says why) when no session runs or another switch is under way.
  bool switchChannel(int obj, ipclab::ObjectKind mechanism);
  bool isSwitching() const { return switching_; }

 public slots:
  void open(const ipclab::Scenario& scenario);
  void step(int worker);
  void stepAll();
  // kill -9 of one process (Session::kill) on the lifecycle thread; the
  // death comes back as its `exit` event ("killed by SIGKILL") and a fresh
  // snapshot, a refusal (it has already finished) as a notice.
  void killProcess(int worker);
  // stepsPerSecond <= 0: as fast as possible.
  void run(double stepsPerSecond);
  void pause();
  void reset();  // stop, then start the same scenario again
  void stop();

 signals:
  void sessionStarting(const QString& scenarioId);
  void sessionStarted();
  void sessionStopped();
  void eventsAvailable(const std::vector<ipclab::Event>& events);
  void snapshotAvailable(const ipclab::Snapshot& snapshot);
  // Information in words, e.g. why a step was not granted.
  void notice(const QString& text);
  // An error in words (the session could not start, ...).
  void failed(const QString& text);
  // A switch began / ended (emitted for every switchChannel that returned true).
  void switchStarted(int obj, ipclab::ObjectKind mechanism);
  void channelSwitched(int obj, ipclab::ObjectKind mechanism);
  // Core refused: `text` is its reason in the window's language (SwitchText).
  void switchRefused(int obj, const QString& text);

 private:
  // On the GUI thread, with a fresh snapshot delivered first: done(result),
  // unless the session changed meanwhile or `guard` is gone.
  template <class Result>
  void handBack(uint64_t generation, QPointer<QObject> guard,
                std::function<void(const Result&)> done, Result result) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, guard, done = std::move(done), result = std::move(result)] {
          if (generation != generation_ || !guard) return;  // stale: the session changed
          deliverNow();
          done(result);
        },
        Qt::QueuedConnection);
  }
  void adopt(uint64_t generation, std::shared_ptr<ipclab::Session> session, const QString& error);
  void retire();  // hands the current session to the pool to be stopped
  void onNotify();
  void scheduleFrame();
  void frame();
  void takeSnapshot(bool force);
  QString processName(int worker) const;
  bool runLessonStep(std::optional<ipclab::LessonStep> step, std::optional<ipclab::Ask> ask,
                     QObject* receiver, std::function<void(const LessonStepResult&)> done);

  ipclab::SessionOptions options_;
  std::shared_ptr<const ipclab::Scenario> scenario_;
  std::shared_ptr<ipclab::Session> session_;
  uint64_t generation_ = 0;  // bumps on open/stop; stale start results are dropped
  bool starting_ = false;
  bool switching_ = false;
  QThreadPool lifecycle_;  // one thread: starts and stops run in order
  QSocketNotifier* notifier_ = nullptr;
  QTimer frameTimer_;   // single shot: merges bursts into one frame
  QTimer settleTimer_;  // looks again while the kernel's view is still changing
  int settleRounds_ = 0;
  QElapsedTimer sinceFrame_;
  std::vector<ipclab::Event> batch_;
  std::string lastSignature_;
};
