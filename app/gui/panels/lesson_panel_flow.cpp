// LessonPanel: carrying out the steps, checking the questions against the
// real processes, going back by replay, recording progress.
#include <algorithm>

#include "lesson_panel.h"
#include "lesson_progress.h"

void LessonPanel::onSessionStarting() {
  ++ticket_;
  const ipclab::Scenario* scenario = controller_->scenario();
  const QString id = scenario ? QString::fromStdString(scenario->id) : QString();
  inFlight_ = false;
  arriving_ = -1;
  waitingForSession_ = true;
  if (replayTarget_ >= 0 && id == lessonId_) {
    // Our own restart for Back: keep the answers up to the target.
    replayStep_ = -1;
    render();
    return;
  }
  replayTarget_ = -1;
  lessonId_ = id;
  steps_ = scenario ? scenario->lesson : std::vector<ipclab::LessonStep>();
  title_ = scenario ? scenario->title : ipclab::LocalText();
  challenge_ = scenario ? scenario->challenge : std::nullopt;
  records_.assign(steps_.size(), Record());
  shown_ = 0;
  reached_ = -1;
  noticeStep_ = -1;
  newPids_.clear();
  if (!steps_.empty()) arriving_ = 0;  // its question may hide values from the start
  render();
}

void LessonPanel::onSessionStarted() {
  waitingForSession_ = false;
  if (replayTarget_ >= 0)
    startReplay();
  else if (!steps_.empty())
    arrive(0);
  else
    render();
}

void LessonPanel::onSessionStopped() {
  ++ticket_;
  inFlight_ = false;
  for (Record& r : records_) r.checking = false;
  render();
}

void LessonPanel::arrive(int index) {
  if (index < 0 || index >= stepCount()) return;
  const ipclab::LessonStep& step = steps_[static_cast<size_t>(index)];
  shown_ = index;
  arriving_ = index;
  const uint64_t ticket = ++ticket_;
  if (step.step.empty() && step.switches.empty() && step.kill.empty() && step.run.empty() &&
      !step.expect) {
    onResult(index, LessonStepResult());
    return;
  }
  inFlight_ = controller_->performLessonStep(step, this,
                                             [this, index, ticket](const LessonStepResult& result) {
                                               if (ticket == ticket_) onResult(index, result);
                                             });
  if (!inFlight_) {
    LessonStepResult none;
    none.noSession = true;
    onResult(index, none);
    return;
  }
  render();
}

void LessonPanel::onResult(int index, const LessonStepResult& result) {
  inFlight_ = false;
  arriving_ = -1;
  Record& record = records_[static_cast<size_t>(index)];
  record.arrived = true;
  record.result = result;
  reached_ = std::max(reached_, index);
  shown_ = index;
  recordProgress(index);
  render();
  emit stepArrived(index);
}

void LessonPanel::next() {
  if (!idle() || shown_ + 1 >= stepCount()) return;
  arrive(shown_ + 1);  // an open question of this step closes unanswered
}

void LessonPanel::checkAnswer() {
  if (!idle() || shown_ != reached_ || shown_ < 0 || shown_ >= stepCount()) return;
  const ipclab::LessonStep& step = steps_[static_cast<size_t>(shown_)];
  Record& record = records_[static_cast<size_t>(shown_)];
  if (!step.ask || record.truth || record.checking) return;
  const ipclab::Ask& ask = *step.ask;
  if (ask.choices.empty()) {
    bool ok = false;
    record.given = record.typed.toLongLong(&ok);
    if (!ok) return;
  } else {
    if (record.chosen < 0) return;
    record.given = record.chosen;
  }
  const int index = shown_;
  const uint64_t ticket = ++ticket_;
  // A prediction is checked after the next step; on the last step there is
  // none, so it is checked against the state as it is.
  const bool prediction = !ask.now && index + 1 < stepCount();
  bool started = false;
  if (prediction) {
    const int nextIndex = index + 1;
    arriving_ = nextIndex;
    started = controller_->performLessonStep(
        steps_[static_cast<size_t>(nextIndex)], ask, this,
        [this, index, nextIndex, ticket](const LessonStepResult& result) {
          if (ticket != ticket_) return;
          onVerdict(index, result);
          onResult(nextIndex, result);
        });
  } else {
    started = controller_->evaluateAsk(ask, this, [this, index, ticket](const LessonStepResult& r) {
      if (ticket != ticket_) return;
      inFlight_ = false;
      onVerdict(index, r);
      render();
    });
  }
  if (!started) {
    arriving_ = -1;
    return;  // no session: the Next button says so already
  }
  record.checking = true;
  inFlight_ = true;
  render();
}

void LessonPanel::onVerdict(int index, const LessonStepResult& result) {
  Record& record = records_[static_cast<size_t>(index)];
  record.checking = false;
  record.truth = result.askTruth;
  record.truthSnapshot = result.snapshot;
}

void LessonPanel::restart() {
  ++ticket_;
  inFlight_ = false;
  replayTarget_ = -1;
  controller_->reset();  // sessionStarting/Started bring us back to step 1
}

void LessonPanel::back() {
  if (!idle() || !controller_->scenario()) return;
  if (shown_ <= 0) {
    restart();
    return;
  }
  // Real processes cannot run backwards: start them again and replay.
  replayTarget_ = shown_ - 1;
  replayStep_ = -1;
  for (size_t i = static_cast<size_t>(replayTarget_) + 1; i < records_.size(); ++i)
    records_[i] = Record();
  ++ticket_;
  inFlight_ = false;
  controller_->reset();
  render();
}

void LessonPanel::startReplay() {
  const int target = replayTarget_;
  std::vector<ipclab::LessonStep> steps(steps_.begin(), steps_.begin() + target + 1);
  const uint64_t ticket = ++ticket_;
  const bool started = controller_->replayLessonSteps(
      std::move(steps), this,
      [this, ticket](int k) {
        if (ticket != ticket_) return;
        replayStep_ = k;
        render();
        emit replayProgress(k, replayTarget_ + 1);
      },
      [this, ticket](const std::vector<LessonStepResult>& results, const ipclab::Snapshot& after) {
        if (ticket == ticket_) onReplayed(results, after);
      });
  if (!started) {
    replayTarget_ = -1;
    render();
  }
}

void LessonPanel::onReplayed(const std::vector<LessonStepResult>& results,
                             const ipclab::Snapshot& after) {
  const int target = replayTarget_;
  for (size_t i = 0; i < results.size() && i < records_.size(); ++i) {
    records_[i].arrived = true;
    records_[i].result = results[i];
  }
  replayTarget_ = -1;
  replayStep_ = -1;
  reached_ = target;
  shown_ = target;
  noticeStep_ = target;
  newPids_.clear();
  for (const ipclab::WorkerStatus& w : after.workers)
    newPids_ << QStringLiteral("%1 %2").arg(QString::fromStdString(w.id.name)).arg(w.pid);
  recordProgress(target);
  render();
  emit stepArrived(target);
}

void LessonPanel::recordProgress(int index) {
  if (!lessonId_.isEmpty()) LessonProgress::recordLessonStep(lessonId_, index + 1, stepCount());
}

void LessonPanel::updateHidden() {
  // The questions that may still be answered: the one of the step reached
  // (or being reached again by a replay), and the one of a step under way.
  QStringList names;
  auto add = [this, &names](int index) {
    if (index < 0 || index >= stepCount()) return;
    const ipclab::LessonStep& step = steps_[static_cast<size_t>(index)];
    if (!step.ask || records_[static_cast<size_t>(index)].truth) return;
    for (const std::string& name : step.ask->hide) {
      const QString n = QString::fromStdString(name);
      if (!names.contains(n)) names << n;
    }
  };
  if (replayTarget_ >= 0) {
    add(replayTarget_);
  } else {
    add(reached_);
    add(arriving_);
  }
  if (names == hidden_) return;
  hidden_ = names;
  emit hiddenObjectsChanged(hidden_);
}
