#include "challenge_panel.h"

#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "challenge_text.h"
#include "lesson_progress.h"
#include "panel_style.h"
#include "state_style.h"

namespace {

const QColor kWon = panel_style::kPass;
const QColor kLost = panel_style::kFail;
using panel_style::wrapped;

void setColour(QLabel* label, const QColor& color) {
  QPalette palette = label->palette();
  palette.setColor(QPalette::WindowText, color);
  label->setPalette(palette);
}

}  // namespace

ChallengePanel::ChallengePanel(SessionController* controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      title_label_(wrapped(this)),
      task_(wrapped(this)),
      best_(wrapped(this)),
      intro_(wrapped(this)),
      start_(new QPushButton(this)),
      playBox_(new QWidget(this)),
      steps_label_(wrapped(playBox_)),
      grid_(new QGridLayout),
      notice_label_(wrapped(playBox_)),
      verdict_label_(wrapped(playBox_)),
      explain_(wrapped(playBox_)),
      hint_(new QPushButton(playBox_)),
      hints_(wrapped(playBox_)),
      tryAgain_(new QPushButton(this)),
      leave_(new QPushButton(this)) {
  setObjectName(QStringLiteral("challengePanel"));
  start_->setObjectName(QStringLiteral("challengeStart"));
  tryAgain_->setObjectName(QStringLiteral("challengeTryAgain"));
  hint_->setObjectName(QStringLiteral("challengeHint"));
  leave_->setObjectName(QStringLiteral("challengeLeave"));
  grid_->setColumnStretch(1, 1);
  grid_->setHorizontalSpacing(8);
  grid_->setVerticalSpacing(4);
  auto* hintRow = new QHBoxLayout;
  hintRow->addWidget(hint_);
  hintRow->addStretch(1);
  auto* play = new QVBoxLayout(playBox_);
  play->setContentsMargins(0, 0, 0, 0);
  play->setSpacing(8);
  // The verdict above the buttons: it is what the student looks for.
  play->addWidget(steps_label_);
  play->addWidget(verdict_label_);
  play->addWidget(explain_);
  play->addLayout(grid_);
  play->addWidget(notice_label_);
  play->addLayout(hintRow);
  play->addWidget(hints_);
  setColour(notice_label_, kLost);

  auto* scroll = new QScrollArea(this);
  auto* content = new QWidget(scroll);
  auto* body = new QVBoxLayout(content);
  body->setContentsMargins(8, 8, 8, 8);
  body->setSpacing(8);
  body->addWidget(title_label_);
  body->addWidget(task_);
  body->addWidget(best_);
  body->addWidget(intro_);
  auto* startRow = new QHBoxLayout;
  startRow->addWidget(start_);
  startRow->addStretch(1);
  body->addLayout(startRow);
  body->addWidget(playBox_);
  body->addStretch(1);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(tryAgain_);
  buttons->addStretch(1);
  buttons->addWidget(leave_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 6);
  layout->addWidget(scroll, 1);
  layout->addLayout(buttons);

  connect(start_, &QPushButton::clicked, this, &ChallengePanel::start);
  connect(tryAgain_, &QPushButton::clicked, this, &ChallengePanel::start);
  connect(leave_, &QPushButton::clicked, this, &ChallengePanel::leave);
  connect(hint_, &QPushButton::clicked, this, &ChallengePanel::showHint);
  restyle();
  retranslate();
}

QString ChallengePanel::text(const ipclab::LocalText& t) const {
  return QString::fromStdString(t.in(lang_.toStdString()));
}

void ChallengePanel::setLanguage(const QString& code) {
  lang_ = code;
  retranslate();
}

void ChallengePanel::start() {
  if (!challenge_ || controller_->isStarting()) return;
  restart(true);
}

void ChallengePanel::leave() {
  if (controller_->isStarting()) return;
  restart(false);
}

void ChallengePanel::restart(bool challenge) {
  ++ticket_;
  inFlight_ = false;
  restarting_ = true;
  pending_ = challenge;
  controller_->reset();  // sessionStarting/Started bring the challenge (or the lesson) back
}

void ChallengePanel::onSessionStarting() {
  const ipclab::Scenario* scenario = controller_->scenario();
  const bool asked = restarting_;
  restarting_ = false;
  const QString id = scenario ? QString::fromStdString(scenario->id) : QString();
  if (!asked) {
    // Another scenario, or a restart the panel did not ask for: a scenario
    // that is only a challenge opens into it, a lesson starts with the lesson.
    pending_ = scenario && scenario->challenge && scenario->lesson.empty();
    if (id != scenarioId_) hintsShown_ = 0;
  }
  challenge_ = scenario ? scenario->challenge : std::nullopt;
  if (!challenge_) pending_ = false;
  scenarioId_ = id;
  title_ = scenario ? scenario->title : ipclab::LocalText();
  lessonSteps_ = scenario ? static_cast<int>(scenario->lesson.size()) : 0;
  const bool wasActive = active_;
  active_ = false;
  ++ticket_;
  inFlight_ = false;
  steps_ = 0;
  newBest_ = false;
  verdict_ = ipclab::ChallengeVerdict();
  notice_.clear();
  for (Worker& w : workers_) {
    delete w.button;
    delete w.reason;
  }
  workers_.clear();
  if (wasActive) emit activeChanged(false);
  render();
}

void ChallengePanel::onSessionStarted() {
  if (const ipclab::Session* session = controller_->session()) {
    labels_ = PlanLabels::of(*session);
    for (const ipclab::WorkerIdentity& id : session->workers()) {
      Worker w;
      w.name = QString::fromStdString(id.name);
      workers_.push_back(w);
    }
    buildWorkers();
  }
  if (pending_) {
    pending_ = false;
    active_ = true;
    emit activeChanged(true);
    judge(-1);  // the first look: a scenario may be lost before any step
  }
  render();
}

void ChallengePanel::onSessionStopped() {
  ++ticket_;
  inFlight_ = false;
  render();
}

void ChallengePanel::buildWorkers() {
  for (size_t i = 0; i < workers_.size(); ++i) {
    Worker& w = workers_[i];
    w.button = new QPushButton(playBox_);
    w.button->setObjectName(QStringLiteral("challengeStep%1").arg(i));
    w.reason = wrapped(playBox_);
    const int row = static_cast<int>(i);
    grid_->addWidget(w.button, row, 0);
    grid_->addWidget(w.reason, row, 1);
    connect(w.button, &QPushButton::clicked, this, [this, row] { stepProcess(row); });
  }
  renderWorkers();
}

void ChallengePanel::applySnapshot(const ipclab::Snapshot& snapshot) {
  const ipclab::Scenario* scenario = controller_->scenario();
  for (size_t i = 0; i < workers_.size() && i < snapshot.workers.size(); ++i) {
    const ipclab::WorkerStatus& s = snapshot.workers[i];
    Worker& w = workers_[i];
    w.state = s.state;
    w.op = s.op;
    w.blockedOn.clear();
    if (scenario && s.blocked_obj >= 0 &&
        static_cast<size_t>(s.blocked_obj) < scenario->objects.size())
      w.blockedOn =
          QString::fromStdString(scenario->objects[static_cast<size_t>(s.blocked_obj)].name);
  }
  renderWorkers();
}

bool ChallengePanel::stepProcess(int worker) {
  if (!active_ || inFlight_ || verdict_.status != ipclab::ChallengeStatus::playing) return false;
  if (worker < 0 || static_cast<size_t>(worker) >= workers_.size()) return false;
  judge(worker);
  return inFlight_;
}

void ChallengePanel::judge(int worker) {
  const uint64_t ticket = ++ticket_;
  requested_ = worker;
  notice_.clear();
  inFlight_ = controller_->performChallengeStep(worker, steps_, this,
                                                [this, ticket](const ChallengeStepResult& result) {
                                                  if (ticket == ticket_) onJudged(result);
                                                });
  render();
}

void ChallengePanel::onJudged(const ChallengeStepResult& result) {
  inFlight_ = false;
  if (result.asked && result.step != ipclab::StepResult::granted) {
    const QString name = requested_ >= 0 && static_cast<size_t>(requested_) < workers_.size()
                             ? workers_[static_cast<size_t>(requested_)].name
                             : QString();
    notice_ = ChallengeText::refusal(result.step, name);
  }
  steps_ = result.stepsUsed;
  verdict_ = result.verdict;
  if (verdict_.status == ipclab::ChallengeStatus::won)
    newBest_ = LessonProgress::recordChallengeWin(scenarioId_, steps_);
  render();
  emit judged(verdict_.status);
}

QString ChallengePanel::reasonFor(const Worker& w, bool brief) const {
  switch (w.state) {
    case ipclab::WorkerState::at_gate: {
      const QString next = labels_.label(static_cast<int>(&w - workers_.data()), w.op);
      return next.isEmpty() ? tr("ready") : tr("ready · next: %1").arg(next);
    }
    case ipclab::WorkerState::blocked:
      if (brief)
        return w.blockedOn.isEmpty() ? StateStyle::stateWord(w.state)
                                     : tr("blocked on %1").arg(w.blockedOn);
      return w.blockedOn.isEmpty()
                 ? tr("blocked: only another process's step can release it")
                 : tr("blocked on %1: only another process's step can release it").arg(w.blockedOn);
    case ipclab::WorkerState::running:
      return tr("running its step…");
    default:
      return StateStyle::stateWord(w.state);
  }
}

void ChallengePanel::renderWorkers() {
  const bool live = controller_->session() != nullptr;
  for (Worker& w : workers_) {
    if (!w.button) continue;
    w.button->setText(tr("Step %1").arg(w.name));
    const bool can = active_ && live && !inFlight_ &&
                     verdict_.status == ipclab::ChallengeStatus::playing &&
                     w.state == ipclab::WorkerState::at_gate;
    w.button->setEnabled(can);
    w.reason->setText(reasonFor(w, true));
    w.reason->setToolTip(reasonFor(w, false));
    w.button->setToolTip(can ? tr("Give %1 one step").arg(w.name) : reasonFor(w, false));
    setColour(w.reason, w.state == ipclab::WorkerState::at_gate
                            ? palette().color(QPalette::WindowText)
                            : StateStyle::stateForeground(w.state));
  }
}

void ChallengePanel::showHint() {
  if (!challenge_ || hintsShown_ >= static_cast<int>(challenge_->hints.size())) return;
  ++hintsShown_;
  render();
}

QString ChallengePanel::stepsText() const {
  if (!challenge_) return QString();
  return challenge_->max_steps > 0
             ? tr("Steps used: %1 of at most %2").arg(steps_).arg(challenge_->max_steps)
             : tr("Steps used: %1").arg(steps_);
}

QString ChallengePanel::bestText() const {
  if (!challenge_ || scenarioId_.isEmpty()) return QString();
  const LessonProgress::Entry e = LessonProgress::entry(scenarioId_, true);
  return e.bestSteps > 0 ? tr("Best so far: won in %1 steps").arg(e.bestSteps)
                         : tr("Best so far: not won yet");
}

QString ChallengePanel::verdictText() const {
  return verdict_label_->isHidden() ? QString() : verdict_label_->text();
}

QString ChallengePanel::hintText() const {
  return hints_->text();
}

QString ChallengePanel::noticeText() const {
  return notice_;
}

QPushButton* ChallengePanel::stepButton(int worker) const {
  if (worker < 0 || static_cast<size_t>(worker) >= workers_.size()) return nullptr;
  return workers_[static_cast<size_t>(worker)].button;
}

QString ChallengePanel::stepReason(int worker) const {
  if (worker < 0 || static_cast<size_t>(worker) >= workers_.size()) return QString();
  return workers_[static_cast<size_t>(worker)].reason->text();
}

void ChallengePanel::render() {
  const bool have = challenge_.has_value();
  title_label_->setText(
      have ? QStringLiteral("<b>%1</b> %2").arg(tr("★ Challenge:"), text(title_).toHtmlEscaped())
           : QStringLiteral("<b>%1</b>").arg(tr("★ Challenge")));
  task_->setText(have ? text(challenge_->say)
                      : (controller_->scenario()
                             ? tr("This lesson has no challenge. The lessons that have one are "
                                  "marked “★ challenge” in the Lessons panel.")
                             : tr("Open a lesson to begin.")));
  best_->setText(bestText());
  best_->setVisible(have);
  const bool waiting = pending_ || (active_ && controller_->isStarting());
  intro_->setVisible(have && !active_);
  intro_->setText(waiting ? tr("The processes are starting…")
                          : tr("You are the scheduler: you choose which process takes each step, "
                               "one click at a time, until the simulator sees it happen. "
                               "Starting resets the processes."));
  start_->setVisible(have && !active_);
  start_->setEnabled(have && !waiting && !controller_->isStarting());
  playBox_->setVisible(have && active_);
  tryAgain_->setVisible(have && active_);
  tryAgain_->setEnabled(!controller_->isStarting());
  leave_->setVisible(have && active_ && lessonSteps_ > 0);
  if (!have) return;

  steps_label_->setText(QStringLiteral("<b>%1</b>").arg(stepsText().toHtmlEscaped()));
  notice_label_->setText(notice_);
  notice_label_->setVisible(!notice_.isEmpty());
  const bool over = verdict_.status != ipclab::ChallengeStatus::playing;
  const bool won = verdict_.status == ipclab::ChallengeStatus::won;
  QString verdict;
  if (over) {
    verdict = QStringLiteral("<b>%1</b>")
                  .arg(ChallengeText::headline(*challenge_, verdict_, challenge_->max_steps)
                           .toHtmlEscaped());
    if (won) {
      verdict += QStringLiteral("<br>") + ChallengeText::finding(verdict_).toHtmlEscaped();
      verdict += QStringLiteral("<br><b>%1</b>")
                     .arg(newBest_ ? tr("New best! %1 steps.").arg(steps_)
                                   : tr("Won in %1 steps.").arg(steps_));
    } else {
      verdict += QStringLiteral("<br>") + tr("Press Try again to start the processes afresh.");
    }
  }
  verdict_label_->setText(verdict);
  verdict_label_->setVisible(over);
  setColour(verdict_label_, won ? kWon : kLost);
  explain_->setVisible(won && !challenge_->explain.en.empty());
  explain_->setText(
      QStringLiteral("<b>%1</b> %2").arg(tr("Why:"), text(challenge_->explain).toHtmlEscaped()));
  const int hintCount = static_cast<int>(challenge_->hints.size());
  hint_->setVisible(hintCount > 0);
  hint_->setEnabled(hintsShown_ < hintCount);
  hint_->setText(hintsShown_ < hintCount ? tr("Hint %1 of %2").arg(hintsShown_ + 1).arg(hintCount)
                                         : tr("No more hints"));
  QStringList shown;
  for (int i = 0; i < hintsShown_ && i < hintCount; ++i)
    shown << QStringLiteral("<b>%1</b> %2")
                 .arg(tr("Hint %1 of %2:").arg(i + 1).arg(hintCount),
                      text(challenge_->hints[static_cast<size_t>(i)]).toHtmlEscaped());
  hints_->setText(shown.join(QStringLiteral("<br>")));
  hints_->setVisible(!shown.isEmpty());
  tryAgain_->setDefault(verdict_.status == ipclab::ChallengeStatus::lost);
  renderWorkers();
}

void ChallengePanel::restyle() {
  QFont big = QApplication::font();
  big.setPointSizeF(big.pointSizeF() * 1.15);
  task_->setFont(big);
  verdict_label_->setFont(big);
  QFont heading = QApplication::font();
  heading.setPointSizeF(heading.pointSizeF() * 1.2);
  title_label_->setFont(heading);
}

void ChallengePanel::retranslate() {
  start_->setText(tr("Start the challenge"));
  start_->setToolTip(tr("Start the processes afresh; you then choose every step"));
  tryAgain_->setText(tr("Try again"));
  tryAgain_->setToolTip(tr("Start the processes afresh: steps used go back to 0"));
  leave_->setText(tr("Back to the lesson"));
  leave_->setToolTip(tr("Leave the challenge: the lesson starts again at step 1"));
  hint_->setToolTip(tr("Each hint says a little more"));
  render();
}

void ChallengePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}
