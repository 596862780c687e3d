// LessonPanel: the open scenario's guided lesson, one step at a time, as
// docs/scenario-format.md orders it: arriving at a step grants its `step`
// to the processes, waits until they settled, checks its `expect` against
// the real state (a tick or a cross per check, with core's sentence), then
// shows its `say` and its `ask` (LessonAskBox). The work runs through
// SessionController on its worker thread; the buttons are disabled while a
// step is in flight, and a result that arrives after a reset is dropped
// (ticket counter).
//
// Predict, then check: a question is about the state after the next step
// unless it says `now`. Check on a prediction carries out the next step (as
// Next does) and then asks the real processes (ask_truth); on a `now`
// question it asks them at once. The verdict stays with the question: shown
// under it, and on the step after a prediction. Next without answering goes
// on (the question closes unanswered). While a question with `hide` is open
// the panel asks (hiddenObjectsChanged) for those values to show "?".
//
// Back: processes cannot be un-run, so going back from step k restarts the
// session and replays steps 1..k-1 on the fresh processes (their expects
// checked again), then shows step k-1 and says that it replayed. Answers
// and verdicts of the steps up to k-1 are kept. Reset starts afresh at
// step 1 and forgets them. Every step reached is recorded in
// LessonProgress for the lesson browser.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <optional>
#include <vector>

#include "lesson_ask_box.h"
#include "scenario/scenario.hpp"
#include "session_controller.h"

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

class LessonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LessonPanel(SessionController* controller, QWidget* parent = nullptr);

  // "en" or "zh_CN", as for LocalText::in.
  void setLanguage(const QString& code);
  void restyle();

  // Reactions to the controller (PanelDocks connects them).
  void onSessionStarting();
  void onSessionStarted();
  void onSessionStopped();

  void next();
  void back();     // the previous step, by replay (step 1: a restart)
  void restart();  // Reset: a fresh session, back at step 1
  void checkAnswer();

  int stepCount() const { return static_cast<int>(steps_.size()); }
  int shownStep() const { return shown_; }  // 0-based
  int reachedStep() const { return reached_; }
  bool inFlight() const { return inFlight_; }
  bool replaying() const { return replayTarget_ >= 0; }
  // Idle: nothing in flight, no replay, no session starting.
  bool idle() const { return !inFlight_ && replayTarget_ < 0 && !waitingForSession_; }
  QString progressText() const;
  QString sayText() const;
  QString statusText() const;
  // The checks of the shown step, each starting with ✓ or ✗.
  QStringList checkLines() const;
  int failedChecks() const;
  // The shown question's verdict line ("✓ Right..."), "" before one.
  QString answerText() const;
  QString answerDetails() const;
  // On the step after a prediction: the student's answer and its verdict.
  QString recapText() const;
  // The notice after a replay ("Went back by replaying steps 1–2 ..."), "" otherwise.
  QString noticeText() const;
  QStringList hiddenObjects() const { return hidden_; }
  void chooseAnswer(int choice);
  void typeAnswer(const QString& number);
  QPushButton* nextButton() const { return next_; }
  QPushButton* backButton() const { return back_; }
  QPushButton* resetButton() const { return reset_; }
  QPushButton* checkButton() const { return askBox_->checkButton(); }
  LessonAskBox* askBox() const { return askBox_; }

 signals:
  // A step was carried out and checked (or had nothing to carry out), or
  // reached again by a replay.
  void stepArrived(int index);
  // Back: step `step` (0-based) of `count` is being replayed now.
  void replayProgress(int step, int count);
  // The objects (by name) whose values must show "?" now; empty: none.
  void hiddenObjectsChanged(const QStringList& names);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Record {
    bool arrived = false;
    LessonStepResult result;
    // The question of this step: the answer being given, and once checked
    // what the processes said (truth + the state it was read from).
    int chosen = -1;
    QString typed;
    bool checking = false;
    int64_t given = 0;
    std::optional<ipclab::AskTruth> truth;
    std::optional<ipclab::Snapshot> truthSnapshot;
  };
  // lesson_panel_flow.cpp: the steps, the questions, the replay.
  void arrive(int index);
  void onResult(int index, const LessonStepResult& result);
  void onVerdict(int index, const LessonStepResult& result);
  void startReplay();
  void onReplayed(const std::vector<LessonStepResult>& results, const ipclab::Snapshot& after);
  void recordProgress(int index);
  void updateHidden();
  // lesson_panel.cpp: what is shown.
  void render();
  void renderChecks(const Record& record);
  void renderAsk(int index);
  void renderRecap();
  std::optional<LessonAskBox::Verdict> verdictOf(int index) const;
  QString answerWords(int index) const;
  void clearLayout(QVBoxLayout* layout);
  void retranslate();
  QString text(const ipclab::LocalText& t) const;

  SessionController* controller_;
  QString lang_ = QStringLiteral("en");
  QString lessonId_;
  std::vector<ipclab::LessonStep> steps_;
  std::vector<Record> records_;
  ipclab::LocalText title_;
  std::optional<ipclab::Challenge> challenge_;
  int shown_ = 0;
  int reached_ = -1;
  int arriving_ = -1;  // the step being carried out
  bool inFlight_ = false;
  bool waitingForSession_ = false;
  uint64_t ticket_ = 0;  // bumps on every new request and on reset: stale results are dropped
  // Back: the step to show once steps 0..replayTarget_ were replayed (-1: no
  // replay); replayStep_ is the one being replayed now (-1: the restart).
  int replayTarget_ = -1;
  int replayStep_ = -1;
  // The last replay, for its notice (shown while its step is shown).
  int noticeStep_ = -1;
  QStringList newPids_;  // "producer 4711"
  QStringList hidden_;

  QLabel* title_label_;
  QLabel* progress_;
  QLabel* notice_;
  QLabel* say_;
  QLabel* status_;
  QLabel* recap_;
  QLabel* checksTitle_;
  QWidget* checksBox_;
  QVBoxLayout* checks_;
  LessonAskBox* askBox_;
  QLabel* ending_;
  QScrollArea* scroll_;
  QPushButton* reset_;
  QPushButton* back_;
  QPushButton* next_;
};
