// The lesson panel on a second lesson: Next without answering closes a
// question (its hidden values show again), Back replays the steps before
// on fresh processes (new pids, the checks hold again, the panel says it
// replayed) and reopens an unanswered question, a question without `when`
// is checked by its key and says so, Back on step 1 only restarts.
#include "lesson_progress.h"
#include "lesson_test_support.h"
#include "object_table_model.h"

namespace guitest {
namespace {

constexpr int kQueue = 0;
constexpr int kTally = 1;

class LessonBackTest : public LessonTest {
 protected:
  QString inDiagram(int obj) const { return window_->diagram()->objectText(obj); }
};

TEST_F(LessonBackTest, BackReplaysOnFreshProcessesAndKeepsTheVerdicts) {
  LessonProgress::forget(QStringLiteral("predict-queue"));
  ipclab::Session* session = openFixture("predict-queue.yaml");
  ASSERT_NE(session, nullptr);
  ASSERT_EQ(lesson()->stepCount(), 5);
  ASSERT_TRUE(settledAt(0));
  EXPECT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("queue")});
  EXPECT_TRUE(inDiagram(kQueue).startsWith(QStringLiteral("queue: ?")))
      << inDiagram(kQueue).toStdString();
  EXPECT_EQ(objectCell(kQueue, ObjectTableModel::ModelFill).toString(), QStringLiteral("?"));

  // Next without answering: the question closes, no verdict, queue shows again;
  // step 2's question hides tally instead.
  next(1);
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  EXPECT_TRUE(lesson()->recapText().isEmpty()) << lesson()->recapText().toStdString();
  EXPECT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("tally")});
  EXPECT_TRUE(inDiagram(kQueue).startsWith(QStringLiteral("queue: 1 message")))
      << inDiagram(kQueue).toStdString();
  EXPECT_EQ(inDiagram(kTally),
            QStringLiteral("tally: [0] ? (not written yet)  [1] ? (not written yet)"));
  const std::vector<int> first = pids();

  // Back from step 2: step 1 replayed on fresh processes, its question open again.
  const QStringList seen = back(0);
  EXPECT_FALSE(seen.isEmpty());
  const std::vector<int> second = pids();
  for (size_t i = 0; i < second.size(); ++i) EXPECT_NE(second[i], first[i]) << "process " << i;
  EXPECT_TRUE(lesson()->noticeText().startsWith(
      QStringLiteral("Went back by replaying step 1 on fresh processes")))
      << lesson()->noticeText().toStdString();
  EXPECT_EQ(lesson()->progressText(), QStringLiteral("1/5"));
  EXPECT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("queue")});
  EXPECT_TRUE(lesson()->checkButton()->isVisible());
  EXPECT_TRUE(lesson()->answerText().isEmpty());

  // This time the prediction is made: right.
  lesson()->typeAnswer(QStringLiteral("1"));
  check(1);
  EXPECT_TRUE(lesson()->recapText().contains(QStringLiteral("✓ Right")))
      << lesson()->recapText().toStdString();
  EXPECT_TRUE(lesson()->recapText().contains(QStringLiteral("queue is 1")));

  // Cells in a `when`: right; the tally is revealed with the verdict.
  lesson()->chooseAnswer(0);
  check(2);
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  const QString cells = lesson()->recapText();
  EXPECT_TRUE(cells.contains(QStringLiteral("✓ Right"))) << cells.toStdString();
  EXPECT_TRUE(cells.contains(QStringLiteral("tally holds [0, 5]"))) << cells.toStdString();
  EXPECT_TRUE(lesson()->hiddenObjects().isEmpty());
  EXPECT_TRUE(inDiagram(kTally).contains(QStringLiteral("[1] 5")))
      << inDiagram(kTally).toStdString();

  // No `when`: the key decides, and the verdict says so. Wrong here.
  lesson()->chooseAnswer(1);
  check(3);
  const QString key = lesson()->recapText();
  EXPECT_TRUE(key.contains(QStringLiteral("✗ Not that one (the lesson's answer)")))
      << key.toStdString();
  EXPECT_TRUE(key.contains(QStringLiteral("The right answer: “mq_receive”"))) << key.toStdString();
  EXPECT_FALSE(key.contains(QStringLiteral("What the real processes show")));
  next(4);
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  EXPECT_EQ(LessonProgress::entry(QStringLiteral("predict-queue"), false).state,
            LessonProgress::State::done);

  // Back from the last step: steps 1-4 replayed, with progress in the status.
  const QStringList replay = back(3);
  EXPECT_FALSE(replay.filter(QStringLiteral("Replaying step")).isEmpty())
      << replay.join(QLatin1Char('|')).toStdString();
  const std::vector<int> third = pids();
  for (size_t i = 0; i < third.size(); ++i) EXPECT_NE(third[i], second[i]) << "process " << i;
  EXPECT_EQ(lesson()->progressText(), QStringLiteral("4/5"));
  EXPECT_TRUE(allTicks()) << checks().toStdString();
  EXPECT_EQ(lesson()->checkLines().size(), 2) << checks().toStdString();
  EXPECT_TRUE(lesson()->noticeText().contains(QStringLiteral("replaying steps 1–4")));
  EXPECT_TRUE(lesson()->noticeText().contains(QStringLiteral("reader %1").arg(third[1])));
  // Step 3's verdict is still there, on the step after it.
  EXPECT_TRUE(lesson()->recapText().contains(QStringLiteral("✗ Not that one")));
  // The state is the one step 4 leaves: the queue empty, the reader running.
  EXPECT_TRUE(inDiagram(kQueue).startsWith(QStringLiteral("queue: 0 messages")))
      << inDiagram(kQueue).toStdString();
  // Replayed, the diagram and tables say what the core says.
  expectTablesMatch(controller()->session()->snapshot(), "after the replay");

  // Language switches reword the notice.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_TRUE(lesson()->noticeText().contains(QStringLiteral("重放")))
      << lesson()->noticeText().toStdString();
  window_->setLanguage(QStringLiteral("en"));
  EXPECT_TRUE(lesson()->noticeText().startsWith(QStringLiteral("Went back")));
}

TEST_F(LessonBackTest, BackOnTheFirstStepRestarts) {
  ipclab::Session* session = openFixture("predict-queue.yaml");
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(settledAt(0));
  const std::vector<int> before = pids();
  back(0);
  const std::vector<int> after = pids();
  for (size_t i = 0; i < after.size(); ++i) EXPECT_NE(after[i], before[i]) << "process " << i;
  EXPECT_TRUE(lesson()->noticeText().isEmpty());
  EXPECT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("queue")});
  EXPECT_TRUE(lesson()->nextButton()->isEnabled());
}

}  // namespace
}  // namespace guitest
