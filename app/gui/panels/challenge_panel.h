// ChallengePanel: the open scenario's `challenge:`, played with the student
// as the scheduler. Starting it resets the processes; then each "Step NAME"
// button grants that process one step through SessionController (on its
// worker thread, waiting until the processes settled) and the challenge is
// judged after every step (core's judge_challenge): won with the finding
// the simulator itself made and the explanation, lost with the reason and
// Try again. Steps used (and the limit), the best so far (LessonProgress),
// graded hints one level at a time.
//
// A scenario whose challenge has no lesson steps opens straight into it; a
// lesson with a challenge offers it here at any time (Start the challenge)
// and the lesson waits meanwhile (holdsLesson()). While a challenge runs the
// toolbar's Step counts as the student's step (stepProcess) and Run and
// Step All are off: the student is the scheduler.
#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <optional>
#include <vector>

#include "op_text.h"
#include "scenario/scenario.hpp"
#include "session_controller.h"

class QGridLayout;
class QLabel;
class QPushButton;

class ChallengePanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChallengePanel(SessionController* controller, QWidget* parent = nullptr);

  // "en" or "zh_CN", as for LocalText::in.
  void setLanguage(const QString& code);
  void restyle();

  // Reactions to the controller (PanelDocks forwards them, before the
  // lesson panel hears of them).
  void onSessionStarting();
  void onSessionStarted();
  void onSessionStopped();
  void applySnapshot(const ipclab::Snapshot& snapshot);

  bool available() const { return challenge_.has_value(); }
  // The student is the scheduler now (the challenge's session runs).
  bool isActive() const { return active_; }
  // The challenge runs or is starting in a scenario that has lesson steps:
  // the lesson panel must not step the processes meanwhile.
  bool holdsLesson() const { return (active_ || pending_) && lessonSteps_ > 0; }

  // Starts the challenge afresh: a new session, no steps used, no hints.
  void start();
  // Leaves the challenge for the lesson: a new session, which the lesson starts.
  void leave();
  // One student step of worker `worker`; false when none can be asked now.
  bool stepProcess(int worker);
  // Reveals the next hint.
  void showHint();

  int stepsUsed() const { return steps_; }
  ipclab::ChallengeStatus status() const { return verdict_.status; }
  bool inFlight() const { return inFlight_; }
  bool newBest() const { return newBest_; }
  int hintsShown() const { return hintsShown_; }
  QString verdictText() const;
  QString hintText() const;
  QString stepsText() const;
  QString bestText() const;
  QString noticeText() const;
  QPushButton* stepButton(int worker) const;
  QString stepReason(int worker) const;
  QPushButton* startButton() const { return start_; }
  QPushButton* tryAgainButton() const { return tryAgain_; }
  QPushButton* hintButton() const { return hint_; }
  QPushButton* leaveButton() const { return leave_; }

 signals:
  void activeChanged(bool active);
  // A step (or the first look) was judged.
  void judged(ipclab::ChallengeStatus status);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Worker {
    QString name;
    ipclab::WorkerState state = ipclab::WorkerState::starting;
    QString blockedOn;
    int op = 0;
    QPushButton* button = nullptr;
    QLabel* reason = nullptr;
  };
  void restart(bool challenge);
  void judge(int worker);
  void onJudged(const ChallengeStepResult& result);
  void buildWorkers();
  void render();
  void renderWorkers();
  void retranslate();
  QString text(const ipclab::LocalText& t) const;
  // Why a process can or cannot step: brief beside its button, in full in the tooltip.
  QString reasonFor(const Worker& w, bool brief) const;

  SessionController* controller_;
  QString lang_ = QStringLiteral("en");
  std::optional<ipclab::Challenge> challenge_;
  QString scenarioId_;
  ipclab::LocalText title_;
  int lessonSteps_ = 0;
  bool active_ = false;
  bool pending_ = false;     // becomes active when the coming session starts
  bool restarting_ = false;  // the coming session is one this panel asked for
  bool inFlight_ = false;
  uint64_t ticket_ = 0;  // bumps on every request and restart: stale results are dropped
  int steps_ = 0;
  int requested_ = -1;  // the worker of the step in flight
  int hintsShown_ = 0;
  bool newBest_ = false;
  ipclab::ChallengeVerdict verdict_;
  QString notice_;
  std::vector<Worker> workers_;
  PlanLabels labels_;

  QLabel* title_label_;
  QLabel* task_;
  QLabel* best_;
  QLabel* intro_;
  QPushButton* start_;
  QWidget* playBox_;
  QLabel* steps_label_;
  QGridLayout* grid_;
  QLabel* notice_label_;
  QLabel* verdict_label_;
  QLabel* explain_;
  QPushButton* hint_;
  QLabel* hints_;
  QPushButton* tryAgain_;
  QPushButton* leave_;
};
