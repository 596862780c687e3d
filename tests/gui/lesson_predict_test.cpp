// Predict, then check, in the lesson panel over real processes: a typed
// prediction answered right, a multiple-choice prediction (choices with
// `when`) answered wrong, a `now` question; the values a question hides
// show "?" in the diagram and the object table until it is answered; Back
// replays on fresh processes; the verdicts in Chinese.
#include <QLineEdit>

#include "lesson_progress.h"
#include "lesson_test_support.h"
#include "object_table_model.h"

namespace guitest {
namespace {

class LessonPredictTest : public LessonTest {
 protected:
  QString slotsInDiagram() const { return window_->diagram()->objectText(0); }
  QString slotsInTable() const { return objectCell(0, ObjectTableModel::KernelFill).toString(); }
};

TEST_F(LessonPredictTest, PredictionsAreCheckedAgainstTheRealProcesses) {
  LessonProgress::forget(QStringLiteral("predict-semaphore"));
  ipclab::Session* session = openFixture("predict-semaphore.yaml");
  ASSERT_NE(session, nullptr);
  ASSERT_EQ(lesson()->stepCount(), 4);
  ASSERT_TRUE(settledAt(0));

  // Step 1 asks for slots after the next step: the diagram and the table hide it.
  EXPECT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("slots")});
  EXPECT_EQ(slotsInDiagram(), QStringLiteral("slots: count ?, waiting: ?, inside: ?"))
      << slotsInDiagram().toStdString();
  EXPECT_EQ(slotsInTable(), QStringLiteral("?"));
  EXPECT_FALSE(lesson()->checkButton()->isEnabled()) << "nothing typed yet";
  EXPECT_TRUE(lesson()->askBox()->noteText().contains(QStringLiteral("carries out the next step")));
  shoot("lesson-predict-question");

  // A typed value, right: Check carries out step 2, then asks the processes.
  lesson()->typeAnswer(QStringLiteral("0"));
  EXPECT_EQ(lesson()->askBox()->valueEdit()->text(), QStringLiteral("0"));
  check(1);
  EXPECT_EQ(lesson()->progressText(), QStringLiteral("2/4"));
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  EXPECT_EQ(lesson()->checkLines().size(), 2);
  const QString recap = lesson()->recapText();
  EXPECT_TRUE(recap.contains(QStringLiteral("Your prediction: 0"))) << recap.toStdString();
  EXPECT_TRUE(recap.contains(QStringLiteral("✓ Right"))) << recap.toStdString();
  EXPECT_TRUE(recap.contains(QStringLiteral("What the real processes show: slots is 0")))
      << recap.toStdString();
  EXPECT_TRUE(recap.contains(QStringLiteral("sem_wait takes one from the count")));
  EXPECT_EQ(LessonProgress::entry(QStringLiteral("predict-semaphore"), false).reached, 2);

  // Step 2's question hides slots again, until it is answered.
  EXPECT_TRUE(slotsInDiagram().startsWith(QStringLiteral("slots: count ?")))
      << slotsInDiagram().toStdString();
  const std::vector<int> before = pids();

  // A choice with `when`, wrong: "It passes too"; the processes say second blocked.
  lesson()->chooseAnswer(0);
  check(2);
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  const QString wrong = lesson()->recapText();
  EXPECT_TRUE(wrong.contains(QStringLiteral("Your prediction: “It passes too”")))
      << wrong.toStdString();
  EXPECT_TRUE(wrong.contains(QStringLiteral("✗ Not that one"))) << wrong.toStdString();
  EXPECT_TRUE(wrong.contains(QStringLiteral("second is blocked on slots"))) << wrong.toStdString();
  EXPECT_TRUE(wrong.contains(QStringLiteral("The right answer: “It blocks in the kernel”")));
  EXPECT_TRUE(wrong.contains(QStringLiteral("puts the caller to sleep")));
  // Answered: the values show again.
  EXPECT_TRUE(lesson()->hiddenObjects().isEmpty());
  EXPECT_TRUE(slotsInDiagram().startsWith(QStringLiteral("slots: count 0")))
      << slotsInDiagram().toStdString();
  EXPECT_EQ(slotsInTable(), QStringLiteral("0"));

  // A `now` question: Check asks the processes as they are, no step.
  EXPECT_TRUE(lesson()->askBox()->noteText().contains(QStringLiteral("as they are now")));
  lesson()->typeAnswer(QStringLiteral("1"));
  check(2);
  EXPECT_EQ(lesson()->answerText(), QStringLiteral("✗ Not that one"));
  EXPECT_TRUE(lesson()->answerDetails().contains(QStringLiteral("slots is 0")))
      << lesson()->answerDetails().toStdString();
  EXPECT_TRUE(lesson()->answerDetails().contains(QStringLiteral("The right answer: 0")));
  EXPECT_FALSE(lesson()->checkButton()->isEnabled()) << "a question is checked once";
  shoot("lesson-predict-verdict");

  // Back from step 3: fresh processes replay steps 1-2 and stand at step 2 again.
  const QStringList seen = back(1);
  EXPECT_FALSE(seen.filter(QStringLiteral(" of 2…")).isEmpty())
      << seen.join(QLatin1Char('|')).toStdString();
  const std::vector<int> after = pids();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) EXPECT_NE(after[i], before[i]) << "process " << i;
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  EXPECT_EQ(lesson()->checkLines().size(), 2);
  EXPECT_TRUE(lesson()->noticeText().startsWith(
      QStringLiteral("Went back by replaying steps 1–2 on fresh processes: real processes cannot "
                     "run backwards.")))
      << lesson()->noticeText().toStdString();
  EXPECT_TRUE(lesson()->noticeText().contains(QStringLiteral("first %1").arg(after[0])));
  // The verdict stays with its question (and the one of step 1 on this step).
  EXPECT_EQ(lesson()->answerText(), QStringLiteral("✗ Not that one"));
  EXPECT_TRUE(lesson()->recapText().contains(QStringLiteral("✓ Right")));
  EXPECT_TRUE(lesson()->hiddenObjects().isEmpty());

  // Forward again; the `now` question is asked afresh and answered right.
  next(2);
  EXPECT_TRUE(lesson()->noticeText().isEmpty());
  lesson()->typeAnswer(QStringLiteral("0"));
  check(2);
  EXPECT_EQ(lesson()->answerText(), QStringLiteral("✓ Right"));

  // In Chinese: the verdict and what the processes showed, reworded.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(lesson()->answerText(), QStringLiteral("✓ 回答正确"));
  EXPECT_TRUE(lesson()->answerDetails().startsWith(QStringLiteral("真实进程显示：slots 的值是 0")))
      << lesson()->answerDetails().toStdString();
  EXPECT_EQ(lesson()->backButton()->text(), QStringLiteral("◂ 后退"));
  window_->setLanguage(QStringLiteral("en"));
  EXPECT_EQ(lesson()->backButton()->text(), QStringLiteral("◂ Back"));

  next(3);
  EXPECT_EQ(LessonProgress::entry(QStringLiteral("predict-semaphore"), false).state,
            LessonProgress::State::done);
}

}  // namespace
}  // namespace guitest
