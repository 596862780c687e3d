#include "session_controller.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QSocketNotifier>
#include <algorithm>
#include <chrono>
#include <utility>

#include "switch_text.h"

namespace {

constexpr int kFrameMs = 17;          // at most 60 deliveries a second
constexpr int kSettleMs = 100;        // kernel truth lags the events a little
constexpr int kMaxSettleRounds = 30;  // stop looking after ~3 s without events

// What the widgets show of a snapshot, as one comparable string: a snapshot
// is delivered only when this changed (or events arrived).
std::string signature(const ipclab::Snapshot& s) {
  std::string out = std::to_string(static_cast<int>(s.mode));
  out += s.deadlock ? "D" : "-";
  for (const ipclab::WorkerStatus& w : s.workers) {
    out += '|';
    out += std::to_string(static_cast<int>(w.state)) + ',' + std::to_string(w.op) + ',' +
           w.kernel.state + ',' + std::to_string(w.kernel.syscall_nr) + ',' + w.kernel.wchan;
  }
  for (const ipclab::ObjectStatus& o : s.objects) {
    out += '|';
    out += std::to_string(static_cast<int>(o.mechanism)) + ',' + std::to_string(o.model_fill) +
           ',' + (o.kernel_fill ? std::to_string(*o.kernel_fill) : "") + ',' +
           std::to_string(o.owner) + ',' + std::to_string(o.owner_tid_kernel);
    for (int w : o.waiters) out += ',' + std::to_string(w);
    out += ';';
    for (int64_t c : o.cells) out += std::to_string(c) + ',';
    for (const ipclab::ObjectStatus::OwnCopy& copy : o.private_cells) {
      out += '/' + std::to_string(copy.err) + ':';
      for (int64_t c : copy.cells) out += std::to_string(c) + ',';
    }
  }
  return out;
}

}  // namespace

SessionController::SessionController(ipclab::SessionOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
  lifecycle_.setMaxThreadCount(1);
  lifecycle_.setExpiryTimeout(-1);
  frameTimer_.setSingleShot(true);
  connect(&frameTimer_, &QTimer::timeout, this, &SessionController::frame);
  settleTimer_.setSingleShot(true);
  connect(&settleTimer_, &QTimer::timeout, this, [this] { takeSnapshot(false); });
  sinceFrame_.start();
}

SessionController::~SessionController() {
  ++generation_;
  retire();
  // Start results still queued for us are dropped with our posted events;
  // dropping one destroys its Session, which stops it.
  lifecycle_.waitForDone();
}

void SessionController::open(const ipclab::Scenario& scenario) {
  auto next = std::make_shared<const ipclab::Scenario>(scenario);
  const bool hadSession = session_ != nullptr;
  ++generation_;
  retire();
  scenario_ = next;
  starting_ = true;
  if (hadSession) emit sessionStopped();
  emit sessionStarting(QString::fromStdString(next->id));
  const uint64_t generation = generation_;
  const ipclab::SessionOptions options = options_;
  // Session::start spawns through core's long-lived spawner thread, so
  // starting from a pool thread keeps the children's parent-death signal
  // tied to a thread that lives as long as we do. The pool outlives every
  // task (the destructor waits), so `this` is valid when the task posts back.
  lifecycle_.start([this, generation, options, next] {
    std::string error;
    std::shared_ptr<ipclab::Session> session(ipclab::Session::start(*next, options, &error));
    QMetaObject::invokeMethod(
        this,
        [this, generation, session, text = QString::fromStdString(error)]() mutable {
          adopt(generation, std::move(session), text);
        },
        Qt::QueuedConnection);
  });
}

void SessionController::adopt(uint64_t generation, std::shared_ptr<ipclab::Session> session,
                              const QString& error) {
  if (generation != generation_) {
    // Superseded by a later open/stop while it started: stop it off-thread.
    if (session) lifecycle_.start([session] { session->stop(); });
    return;
  }
  starting_ = false;
  if (!session) {
    const QString title = QString::fromStdString(scenario_ ? scenario_->id : std::string());
    emit failed(tr("The lesson “%1” could not start: %2").arg(title, error));
    return;
  }
  session_ = std::move(session);
  notifier_ = new QSocketNotifier(session_->notify_fd(), QSocketNotifier::Read, this);
  connect(notifier_, &QSocketNotifier::activated, this, &SessionController::onNotify);
  lastSignature_.clear();
  emit sessionStarted();
  frame();  // the spawn events and the first snapshot, right away
}

void SessionController::retire() {
  frameTimer_.stop();
  settleTimer_.stop();
  delete notifier_;
  notifier_ = nullptr;
  if (!session_) return;
  std::shared_ptr<ipclab::Session> doomed = std::move(session_);
  session_.reset();
  lifecycle_.start([doomed] { doomed->stop(); });
}

void SessionController::stop() {
  const bool hadSession = session_ != nullptr || starting_;
  ++generation_;
  retire();
  starting_ = false;
  if (hadSession) emit sessionStopped();
}

void SessionController::reset() {
  if (!scenario_) return;
  const std::shared_ptr<const ipclab::Scenario> keep = scenario_;
  open(*keep);
}

void SessionController::waitUntilIdle() {
  lifecycle_.waitForDone();
  QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void SessionController::deliverNow() {
  frameTimer_.stop();
  frame();
}

namespace {

// One lesson step on the worker thread: grant, check, then the question.
LessonStepResult carryOut(ipclab::Session& session, const ipclab::LessonStep* step,
                          const ipclab::Ask* ask) {
  LessonStepResult result;
  if (step) {
    result.problems = ipclab::grant_lesson_step(session, *step);
    if (step->expect) result.checks = ipclab::check_expect(session, *step->expect);
  }
  if (ask) result.askTruth = ipclab::ask_truth(session, *ask);
  if (result.checks || result.askTruth) {
    result.snapshot = session.snapshot();
    for (ipclab::ObjectStatus& o : result.snapshot->objects) o.spec = nullptr;
  }
  return result;
}

}  // namespace

bool SessionController::performLessonStep(const ipclab::LessonStep& step, QObject* receiver,
                                          std::function<void(const LessonStepResult&)> done) {
  return runLessonStep(step, std::nullopt, receiver, std::move(done));
}

bool SessionController::performLessonStep(const ipclab::LessonStep& step, const ipclab::Ask& ask,
                                          QObject* receiver,
                                          std::function<void(const LessonStepResult&)> done) {
  return runLessonStep(step, ask, receiver, std::move(done));
}

bool SessionController::evaluateAsk(const ipclab::Ask& ask, QObject* receiver,
                                    std::function<void(const LessonStepResult&)> done) {
  return runLessonStep(std::nullopt, ask, receiver, std::move(done));
}

bool SessionController::runLessonStep(std::optional<ipclab::LessonStep> step,
                                      std::optional<ipclab::Ask> ask, QObject* receiver,
                                      std::function<void(const LessonStepResult&)> done) {
  if (!session_) return false;
  if (step && session_->mode() == ipclab::RunMode::running) session_->pause();
  const uint64_t generation = generation_;
  // The same single thread as starts and stops: a stop queued after this
  // step waits for it, so the session is never torn down under a step.
  lifecycle_.start([this, generation, session = session_, step = std::move(step),
                    ask = std::move(ask), guard = QPointer<QObject>(receiver),
                    done = std::move(done)] {
    LessonStepResult result = carryOut(*session, step ? &*step : nullptr, ask ? &*ask : nullptr);
    handBack(generation, guard, done, std::move(result));
  });
  return true;
}

bool SessionController::replayLessonSteps(
    std::vector<ipclab::LessonStep> steps, QObject* receiver, std::function<void(int)> progress,
    std::function<void(const std::vector<LessonStepResult>&, const ipclab::Snapshot&)> done) {
  if (!session_) return false;
  if (session_->mode() == ipclab::RunMode::running) session_->pause();
  const uint64_t generation = generation_;
  lifecycle_.start([this, generation, session = session_, steps = std::move(steps),
                    guard = QPointer<QObject>(receiver), progress = std::move(progress),
                    done = std::move(done)] {
    std::vector<LessonStepResult> results;
    for (size_t k = 0; k < steps.size(); ++k) {
      QMetaObject::invokeMethod(
          this,
          [this, generation, guard, progress, k] {
            if (generation != generation_ || !guard) return;
            deliverNow();  // the diagram follows the replay
            progress(static_cast<int>(k));
          },
          Qt::QueuedConnection);
      results.push_back(carryOut(*session, &steps[k], nullptr));
    }
    ipclab::Snapshot after = session->snapshot();
    for (ipclab::ObjectStatus& o : after.objects) o.spec = nullptr;
    QMetaObject::invokeMethod(
        this,
        [this, generation, guard, done, results = std::move(results), after = std::move(after)] {
          if (generation != generation_ || !guard) return;
          deliverNow();
          done(results, after);
        },
        Qt::QueuedConnection);
  });
  return true;
}

bool SessionController::performChallengeStep(int worker, int stepsUsed, QObject* receiver,
                                             std::function<void(const ChallengeStepResult&)> done) {
  if (!session_ || !session_->scenario().challenge) return false;
  if (session_->mode() == ipclab::RunMode::running) session_->pause();
  const uint64_t generation = generation_;
  // The lifecycle thread, like lesson steps: never torn down under a step.
  lifecycle_.start([this, generation, session = session_, worker, stepsUsed,
                    guard = QPointer<QObject>(receiver), done = std::move(done)] {
    ChallengeStepResult result;
    result.stepsUsed = stepsUsed;
    if (worker >= 0 && static_cast<size_t>(worker) < session->workers().size()) {
      result.asked = true;
      result.step =
          ipclab::challenge_step(*session, session->workers()[static_cast<size_t>(worker)].name);
      if (result.step == ipclab::StepResult::granted) ++result.stepsUsed;
    }
    result.verdict =
        ipclab::judge_challenge_now(*session, *session->scenario().challenge, result.stepsUsed);
    handBack(generation, guard, done, std::move(result));
  });
  return true;
}

bool SessionController::switchChannel(int obj, ipclab::ObjectKind mechanism) {
  if (!session_) {
    emit notice(starting_ ? tr("The processes are still starting.") : tr("No lesson is running."));
    return false;
  }
  if (switching_) {
    emit notice(tr("A channel is already switching its mechanism; try again in a moment."));
    return false;
  }
  const auto& objects = session_->scenario().objects;
  const QString name = obj >= 0 && static_cast<size_t>(obj) < objects.size()
                           ? QString::fromStdString(objects[static_cast<size_t>(obj)].name)
                           : QString::number(obj);
  switching_ = true;
  emit switchStarted(obj, mechanism);
  const uint64_t generation = generation_;
  // The lifecycle thread, like lesson steps: a stop queued after this waits
  // for it, so the session is never torn down under a switch.
  lifecycle_.start([this, generation, session = session_, obj, mechanism, name] {
    std::string error;
    const bool ok = session->switch_channel(obj, mechanism, &error);
    QMetaObject::invokeMethod(
        this,
        [this, generation, ok, obj, mechanism, name, error] {
          switching_ = false;
          if (generation != generation_) return;  // the session changed meanwhile
          deliverNow();                           // the `switch` event and the new mechanism, now
          if (ok)
            emit channelSwitched(obj, mechanism);
          else
            emit switchRefused(obj, SwitchText::refusal(name, mechanism, error));
        },
        Qt::QueuedConnection);
  });
  return true;
}

QString SessionController::processName(int worker) const {
  if (!session_ || worker < 0 || static_cast<size_t>(worker) >= session_->workers().size())
    return tr("process %1").arg(worker);
  return QString::fromStdString(session_->workers()[static_cast<size_t>(worker)].name);
}

void SessionController::step(int worker) {
  if (!session_) {
    emit notice(starting_ ? tr("The processes are still starting.") : tr("No lesson is running."));
    return;
  }
  const ipclab::StepResult result = session_->step(worker);
  const QString name = processName(worker);
  switch (result) {
    case ipclab::StepResult::granted:
      return;  // the events will tell what it did
    case ipclab::StepResult::blocked:
      emit notice(tr("%1 cannot take a step: it is blocked, and only another process's step can "
                     "release it.")
                      .arg(name));
      return;
    case ipclab::StepResult::finished:
      emit notice(tr("%1 has finished.").arg(name));
      return;
    case ipclab::StepResult::not_ready:
      emit notice(tr("%1 is still carrying out its previous step.").arg(name));
      return;
    case ipclab::StepResult::unknown_process:
      emit notice(tr("Select a process first."));
      return;
    case ipclab::StepResult::not_stepping:
      emit notice(tr("The processes are running freely: pause them first to step."));
      return;
  }
}

void SessionController::killProcess(int worker) {
  if (!session_) {
    emit notice(starting_ ? tr("The processes are still starting.") : tr("No lesson is running."));
    return;
  }
  if (worker < 0 || static_cast<size_t>(worker) >= session_->workers().size()) {
    emit notice(tr("Select a process first."));
    return;
  }
  const QString name = processName(worker);
  const uint64_t generation = generation_;
  // The lifecycle thread, like a switch: the kill waits until the session
  // has seen the death, and a stop queued meanwhile waits for it.
  lifecycle_.start([this, generation, session = session_, worker, name] {
    const ipclab::KillResult result = session->kill(worker);
    // Whoever the death woke (a robust mutex's waiter, SEM_UNDO) settles.
    if (result == ipclab::KillResult::killed && session->mode() == ipclab::RunMode::stepping)
      session->wait_settled(std::chrono::seconds(5));
    QMetaObject::invokeMethod(
        this,
        [this, generation, result, name] {
          if (generation != generation_) return;  // the session changed meanwhile
          deliverNow();                           // the exit event, now
          switch (result) {
            case ipclab::KillResult::killed:
              return;
            case ipclab::KillResult::finished:
              emit notice(tr("%1 has already finished: there is nothing to kill.").arg(name));
              return;
            case ipclab::KillResult::unknown_process:
              emit notice(tr("Select a process first."));
              return;
            case ipclab::KillResult::not_seen:
              emit notice(
                  tr("%1 was sent SIGKILL, but its death was not seen within 5 s.").arg(name));
              return;
            case ipclab::KillResult::failed:
              emit notice(tr("The kernel refused to send SIGKILL to %1.").arg(name));
              return;
          }
        },
        Qt::QueuedConnection);
  });
}

void SessionController::stepAll() {
  if (!session_) {
    emit notice(starting_ ? tr("The processes are still starting.") : tr("No lesson is running."));
    return;
  }
  if (session_->mode() == ipclab::RunMode::running) {
    emit notice(tr("The processes are running freely: pause them first to step."));
    return;
  }
  if (session_->step_all() > 0) return;
  if (session_->finished())
    emit notice(tr("Every process has finished. Reset to start the lesson again."));
  else if (session_->deadlock())
    emit notice(tr("No process can take a step: they are deadlocked."));
  else
    emit notice(tr("No process can take a step now: each is blocked, busy or finished."));
}

void SessionController::run(double stepsPerSecond) {
  if (!session_) return;
  // A running session keeps free-running until paused, so a new speed is
  // applied as pause + run.
  if (session_->mode() == ipclab::RunMode::running) session_->pause();
  session_->run(stepsPerSecond);
  scheduleFrame();
}

void SessionController::pause() {
  if (!session_) return;
  session_->pause();
  scheduleFrame();
}

void SessionController::onNotify() {
  // The eventfd stays readable until take_events reads it: mute the notifier
  // until the frame has drained it, so a burst costs one wake-up.
  if (notifier_) notifier_->setEnabled(false);
  scheduleFrame();
}

void SessionController::scheduleFrame() {
  if (frameTimer_.isActive()) return;
  const qint64 wait = std::max<qint64>(0, kFrameMs - sinceFrame_.elapsed());
  frameTimer_.start(static_cast<int>(wait));
}

void SessionController::frame() {
  sinceFrame_.restart();
  if (!session_) return;
  batch_.clear();
  session_->take_events(batch_);
  if (notifier_) notifier_->setEnabled(true);
  if (!batch_.empty()) emit eventsAvailable(batch_);
  if (session_) takeSnapshot(!batch_.empty());
}

void SessionController::takeSnapshot(bool force) {
  if (!session_) return;
  const ipclab::Snapshot snap = session_->snapshot();
  std::string sig = signature(snap);
  const bool changed = sig != lastSignature_;
  if (force) settleRounds_ = 0;
  if (changed || force) {
    lastSignature_ = std::move(sig);
    emit snapshotAvailable(snap);
  }
  // Kernel states and the finished mode trail the events: look again a
  // little later while something is still changing.
  if ((changed || force) && ++settleRounds_ <= kMaxSettleRounds &&
      snap.mode != ipclab::RunMode::finished)
    settleTimer_.start(kSettleMs);
  else if (snap.mode == ipclab::RunMode::finished)
    settleTimer_.stop();
}
