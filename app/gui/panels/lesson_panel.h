// LessonPanel: the open scenario's guided lesson, one step at a time, as
// docs/scenario-format.md orders it: arriving at a step grants its `step`
// to the processes, waits until they settled, checks its `expect` against
// the real state (a tick or a cross per check, with core's sentence), then
// shows its `say`; its `ask` is a question about the next step, answered
// with radio buttons and Check. The work runs through SessionController on
// its worker thread; Next is disabled while a step is in flight, and a
// result that arrives after a reset is dropped (ticket counter).
//
// Previous only looks back: processes cannot be un-run, so it shows an
// earlier step and the checks it had; Next walks forward again and runs a
// step only when it reaches one not carried out yet. Reset starts the
// processes afresh at step 1.
#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "scenario/scenario.hpp"
#include "session_controller.h"

class QButtonGroup;
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
  void previous();
  void restart();  // Reset: a fresh session, back at step 1
  void checkAnswer();

  int stepCount() const { return static_cast<int>(steps_.size()); }
  int shownStep() const { return shown_; }  // 0-based
  int reachedStep() const { return reached_; }
  bool inFlight() const { return inFlight_; }
  QString progressText() const;
  QString sayText() const;
  // The checks of the shown step, each starting with ✓ or ✗.
  QStringList checkLines() const;
  int failedChecks() const;
  QString answerText() const;
  void chooseAnswer(int choice);
  QPushButton* nextButton() const { return next_; }
  QPushButton* previousButton() const { return previous_; }
  QPushButton* resetButton() const { return reset_; }
  QPushButton* checkButton() const { return check_; }

 signals:
  // A step was carried out and checked (or had nothing to carry out).
  void stepArrived(int index);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Record {
    bool arrived = false;
    LessonStepResult result;
    int chosen = -1;
    bool answered = false;
  };
  void arrive(int index);
  void onResult(int index, const LessonStepResult& result);
  void render();
  void renderChecks(const Record& record);
  void renderAsk(const ipclab::LessonStep& step, const Record& record);
  void clearLayout(QVBoxLayout* layout);
  void retranslate();
  QString text(const ipclab::LocalText& t) const;

  SessionController* controller_;
  QString lang_ = QStringLiteral("en");
  std::vector<ipclab::LessonStep> steps_;
  std::vector<Record> records_;
  ipclab::LocalText title_;
  std::optional<ipclab::Challenge> challenge_;
  int shown_ = 0;
  int reached_ = -1;
  bool inFlight_ = false;
  bool waitingForSession_ = false;
  uint64_t ticket_ = 0;  // bumps on every new request and on reset: stale results are dropped

  QLabel* title_label_;
  QLabel* progress_;
  QLabel* say_;
  QLabel* status_;
  QLabel* checksTitle_;
  QWidget* checksBox_;
  QVBoxLayout* checks_;
  QWidget* askBox_;
  QLabel* question_;
  QVBoxLayout* choices_;
  QButtonGroup* choiceGroup_;
  QPushButton* check_;
  QLabel* answer_;
  QLabel* ending_;
  QScrollArea* scroll_;
  QPushButton* reset_;
  QPushButton* previous_;
  QPushButton* next_;
};
