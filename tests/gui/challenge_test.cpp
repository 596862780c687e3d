// The challenge panel over real sessions: the student is the scheduler.
// A winning order of steps wins (the simulator's own finding, the best
// saved, hints one level at a time); a losing order loses with its reason
// and Try again starts fresh processes; a lesson with a challenge offers it
// and waits while it runs. Fixtures: tests/fixtures/scenarios/challenge-*.yaml.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTableView>

#include "gui_fixture.h"
#include "lesson_progress.h"
#include "panels/challenge_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "session_controller.h"

namespace guitest {
namespace {

const QString kRaceId = QStringLiteral("test-challenge-race");

QString fixture(const char* name) {
  return QStringLiteral(IPCLAB_FIXTURES_DIR "/scenarios/%1").arg(QLatin1String(name));
}

class ChallengeTest : public GuiTest {
 protected:
  void SetUp() override {
    LessonProgress::forgetAll();
    GuiTest::SetUp();
  }
  ChallengePanel* panel() const { return window_->panels()->challenge(); }

  // Waits until the challenge runs with fresh processes and its first look was judged.
  void awaitPlaying() {
    ASSERT_TRUE(pumpUntil([&] {
      return panel()->isActive() && !panel()->inFlight() && controller()->session() &&
             panel()->stepButton(0) && panel()->stepButton(0)->isEnabled();
    })) << "the challenge never started";
    EXPECT_EQ(panel()->stepsUsed(), 0);
    EXPECT_EQ(panel()->status(), ipclab::ChallengeStatus::playing);
  }

  int workerOf(const QString& name) const {
    const auto& workers = controller()->session()->workers();
    for (size_t i = 0; i < workers.size(); ++i)
      if (QString::fromStdString(workers[i].name) == name) return static_cast<int>(i);
    return -1;
  }

  // Clicks "Step NAME" and waits until the step was judged.
  void step(const QString& name) {
    const int w = workerOf(name);
    ASSERT_GE(w, 0) << name.toStdString();
    QPushButton* button = panel()->stepButton(w);
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isEnabled())
        << name.toStdString() << ": " << panel()->stepReason(w).toStdString();
    EXPECT_EQ(button->text(), QStringLiteral("Step %1").arg(name));
    const int before = panel()->stepsUsed();
    button->click();
    ASSERT_TRUE(pumpUntil([&] { return !panel()->inFlight(); }))
        << "step of " << name.toStdString();
    EXPECT_EQ(panel()->stepsUsed(), before + 1) << panel()->noticeText().toStdString();
  }

  // The window's action with this shortcut (Run R, Step Space, Step All S).
  QAction* action(QKeySequence key) const {
    for (QAction* a : window_->actions())
      if (a->shortcuts().contains(key)) return a;
    return nullptr;
  }

  void play(const QStringList& order) {
    for (const QString& name : order) {
      if (panel()->status() != ipclab::ChallengeStatus::playing) break;
      step(name);
      if (HasFatalFailure()) return;
    }
  }
};

const QStringList kWinning = {QStringLiteral("adder#1"), QStringLiteral("adder#2"),
                              QStringLiteral("adder#1"), QStringLiteral("adder#1"),
                              QStringLiteral("adder#2"), QStringLiteral("adder#2")};

TEST_F(ChallengeTest, AWinningOrderWinsSavesTheBestAndRevealsHintsOneByOne) {
  ASSERT_TRUE(window_->openScenario(fixture("challenge-race.yaml")));
  // A scenario that is only a challenge opens straight into it.
  awaitPlaying();
  EXPECT_TRUE(window_->panels()->challengeDock()->isVisible());
  EXPECT_EQ(panel()->stepsText(), QStringLiteral("Steps used: 0 of at most 10"));
  EXPECT_EQ(panel()->bestText(), QStringLiteral("Best so far: not won yet"));
  // The student is the scheduler: no free run, no step for everyone.
  ASSERT_NE(action(QKeySequence(Qt::Key_R)), nullptr);
  EXPECT_FALSE(action(QKeySequence(Qt::Key_R))->isEnabled());
  EXPECT_FALSE(action(QKeySequence(Qt::Key_S))->isEnabled());
  EXPECT_TRUE(action(QKeySequence(Qt::Key_Space))->isEnabled());
  // Hints, vaguest first, one at a time.
  QPushButton* hint = panel()->hintButton();
  EXPECT_EQ(hint->text(), QStringLiteral("Hint 1 of 3"));
  EXPECT_TRUE(panel()->hintText().isEmpty());
  hint->click();
  EXPECT_EQ(panel()->hintsShown(), 1);
  EXPECT_TRUE(panel()->hintText().contains(QLatin1String("Hint 1 of 3:")));
  EXPECT_TRUE(panel()->hintText().contains(QLatin1String("load, compute, store")));
  EXPECT_FALSE(panel()->hintText().contains(QLatin1String("before either stores")));
  EXPECT_EQ(hint->text(), QStringLiteral("Hint 2 of 3"));
  hint->click();
  hint->click();
  EXPECT_EQ(panel()->hintsShown(), 3);
  EXPECT_FALSE(hint->isEnabled());
  EXPECT_EQ(hint->text(), QStringLiteral("No more hints"));

  play(kWinning.mid(0, 3));
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(panel()->stepsText(), QStringLiteral("Steps used: 3 of at most 10"));
  EXPECT_EQ(panel()->status(), ipclab::ChallengeStatus::playing);
  EXPECT_TRUE(panel()->verdictText().isEmpty());
  play(kWinning.mid(3));
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_EQ(panel()->status(), ipclab::ChallengeStatus::won)
      << panel()->verdictText().toStdString();
  EXPECT_EQ(panel()->stepsUsed(), 6);
  const QString verdict = panel()->verdictText();
  EXPECT_TRUE(verdict.contains(QStringLiteral("✓ Won: a lost update happened.")))
      << verdict.toStdString();
  EXPECT_TRUE(verdict.contains(QLatin1String("lost update"))) << verdict.toStdString();
  EXPECT_TRUE(verdict.contains(QLatin1String("New best! 6 steps."))) << verdict.toStdString();
  EXPECT_TRUE(panel()->newBest());
  EXPECT_EQ(LessonProgress::entry(kRaceId, true).bestSteps, 6);
  EXPECT_EQ(LessonProgress::entry(kRaceId, true).state, LessonProgress::State::done);
  EXPECT_EQ(panel()->bestText(), QStringLiteral("Best so far: won in 6 steps"));
  // Won: no process can be stepped any more.
  for (int w = 0; w < 2; ++w) EXPECT_FALSE(panel()->stepButton(w)->isEnabled());
  shoot("challenge-won");
  // Switching the language at run time says the verdict and the hints again.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_TRUE(panel()->verdictText().contains(QStringLiteral("✓ 挑战成功：发生了丢失更新。")))
      << panel()->verdictText().toStdString();
  EXPECT_TRUE(panel()->hintText().contains(QStringLiteral("每次加法分三步")));
  EXPECT_EQ(panel()->tryAgainButton()->text(), QStringLiteral("再试一次"));
  window_->setLanguage(QStringLiteral("en"));
  EXPECT_EQ(panel()->tryAgainButton()->text(), QStringLiteral("Try again"));

  // The same order again: won, but no new best; the hints stay shown.
  panel()->tryAgainButton()->click();
  awaitPlaying();
  EXPECT_EQ(panel()->hintsShown(), 3);
  play(kWinning);
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_EQ(panel()->status(), ipclab::ChallengeStatus::won);
  EXPECT_FALSE(panel()->newBest());
  EXPECT_TRUE(panel()->verdictText().contains(QLatin1String("Won in 6 steps.")));
}

TEST_F(ChallengeTest, ALosingOrderLosesWithTheReasonAndTryAgainResets) {
  ASSERT_TRUE(window_->openScenario(fixture("challenge-race.yaml")));
  awaitPlaying();
  const pid_t first = controller()->session()->snapshot().workers[0].pid;
  // One adder at a time: no update can be lost.
  play({QStringLiteral("adder#1"), QStringLiteral("adder#1"), QStringLiteral("adder#1")});
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_TRUE(pumpUntil([&] { return !panel()->stepButton(0)->isEnabled(); }));
  EXPECT_EQ(panel()->stepReason(0), QStringLiteral("finished"));
  EXPECT_EQ(panel()->status(), ipclab::ChallengeStatus::playing);
  // The toolbar's Step is a student's step too: counted and judged.
  window_->processView()->selectRow(1);
  action(QKeySequence(Qt::Key_Space))->trigger();
  ASSERT_TRUE(pumpUntil([&] { return !panel()->inFlight() && panel()->stepsUsed() == 4; }));
  play({QStringLiteral("adder#2"), QStringLiteral("adder#2")});
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_EQ(panel()->status(), ipclab::ChallengeStatus::lost);
  EXPECT_TRUE(panel()->verdictText().contains(
      QStringLiteral("✗ Lost: every process finished, and a lost update never happened.")))
      << panel()->verdictText().toStdString();
  EXPECT_EQ(LessonProgress::entry(kRaceId, true).bestSteps, 0);
  EXPECT_FALSE(panel()->tryAgainButton()->isHidden());

  // Try again: fresh processes, no steps used, playing again.
  traces_.push_back(tracesOf(*controller()->session()));
  panel()->tryAgainButton()->click();
  awaitPlaying();
  EXPECT_NE(controller()->session()->snapshot().workers[0].pid, first);
  EXPECT_TRUE(panel()->verdictText().isEmpty());
  EXPECT_EQ(panel()->stepsText(), QStringLiteral("Steps used: 0 of at most 10"));
}

TEST_F(ChallengeTest, ALessonOffersItsChallengeAndWaitsWhileItRuns) {
  ASSERT_TRUE(window_->openScenario(fixture("challenge-lesson.yaml")));
  LessonPanel* lesson = window_->panels()->lesson();
  ASSERT_TRUE(pumpUntil([&] { return lesson->reachedStep() == 0 && !lesson->inFlight(); }));
  // The lesson first; the challenge one click away.
  EXPECT_FALSE(panel()->isActive());
  EXPECT_TRUE(panel()->available());
  EXPECT_FALSE(panel()->startButton()->isHidden());
  EXPECT_TRUE(panel()->startButton()->isEnabled());
  traces_.push_back(tracesOf(*controller()->session()));
  window_->panels()->startChallenge();
  awaitPlaying();
  EXPECT_FALSE(lesson->isEnabled());
  EXPECT_FALSE(panel()->leaveButton()->isHidden());
  // The lesson did not step the fresh processes: adder#1 is at its first action.
  EXPECT_EQ(controller()->session()->snapshot().workers[0].op, 0);
  play(kWinning);
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(panel()->status(), ipclab::ChallengeStatus::won);

  traces_.push_back(tracesOf(*controller()->session()));
  panel()->leaveButton()->click();
  ASSERT_TRUE(pumpUntil([&] {
    return !panel()->isActive() && controller()->session() && lesson->reachedStep() == 0 &&
           !lesson->inFlight();
  }));
  EXPECT_TRUE(lesson->isEnabled());
  EXPECT_TRUE(panel()->startButton()->isEnabled());
}

}  // namespace
}  // namespace guitest
