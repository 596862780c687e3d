// The lesson browser as a course: chapters in the order of
// scenarios/course/path.yaml, lessons in their chapter's order, and each
// lesson's progress in words with a mark, read again as soon as
// LessonProgress is written (the settings are the suite's private ones,
// see gui_fixture.cpp's main).
#include <QDockWidget>
#include <QTreeWidget>

#include "gui_fixture.h"
#include "lesson_catalog.h"
#include "lesson_progress.h"
#include "panels/panel_docks.h"
#include "panels/scenario_browser.h"
#include "scenario/course.hpp"

namespace guitest {
namespace {

class BrowserProgressTest : public GuiTest {
 protected:
  void SetUp() override {
    LessonProgress::forgetAll();
    GuiTest::SetUp();
  }
  void TearDown() override {
    GuiTest::TearDown();
    LessonProgress::forgetAll();
  }
  ScenarioBrowser* browser() const { return window_->panels()->browser(); }
  QString progress(const char* id) const {
    const QTreeWidgetItem* item = browser()->lessonItem(QString::fromLatin1(id));
    return item ? item->data(0, ScenarioBrowser::ProgressRole).toString() : QStringLiteral("?");
  }
  LessonProgress::State state(const char* id) const {
    const QTreeWidgetItem* item = browser()->lessonItem(QString::fromLatin1(id));
    return static_cast<LessonProgress::State>(item->data(0, ScenarioBrowser::StateRole).toInt());
  }
};

TEST_F(BrowserProgressTest, ChaptersComeInCourseOrderWithTheirLessonsInOrder) {
  const ipclab::Course& course = ipclab::bundled_course();
  ASSERT_FALSE(course.chapters.empty());
  QTreeWidget* tree = browser()->tree();
  ASSERT_GE(tree->topLevelItemCount(), static_cast<int>(course.chapters.size()));
  for (size_t c = 0; c < course.chapters.size(); ++c) {
    const ipclab::CourseChapter& chapter = course.chapters[c];
    QTreeWidgetItem* row = tree->topLevelItem(static_cast<int>(c));
    const QString title =
        QStringLiteral("%1  %2").arg(chapter.number).arg(QString::fromStdString(chapter.title.en));
    EXPECT_TRUE(row->text(0).startsWith(title)) << row->text(0).toStdString();
    int lesson = 0;
    for (int i = 0; i < row->childCount(); ++i) {
      const QString id = row->child(i)->data(0, ScenarioBrowser::IdRole).toString();
      if (id.isEmpty()) continue;  // "no lessons yet"
      ASSERT_LT(static_cast<size_t>(lesson), chapter.lessons.size());
      EXPECT_EQ(id.toStdString(), chapter.lessons[static_cast<size_t>(lesson)]);
      ++lesson;
    }
    EXPECT_EQ(static_cast<size_t>(lesson), chapter.lessons.size()) << title.toStdString();
  }
  // Any bundled lesson the course leaves out comes after the chapters.
  for (int c = static_cast<int>(course.chapters.size()); c < tree->topLevelItemCount(); ++c)
    EXPECT_EQ(tree->topLevelItem(c)->text(0), QStringLiteral("More lessons"));
}

TEST_F(BrowserProgressTest, ProgressShowsInWordsAsSoonAsItIsWritten) {
  ASSERT_NE(browser()->lessonItem(QStringLiteral("pipe-basics")), nullptr);
  const LessonInfo* pipe = LessonCatalog::find(QStringLiteral("pipe-basics"));
  ASSERT_NE(pipe, nullptr);
  ASSERT_GT(pipe->lessonSteps, 3);
  EXPECT_EQ(progress("pipe-basics"), QStringLiteral("○ not started"));
  EXPECT_EQ(state("pipe-basics"), LessonProgress::State::notStarted);

  LessonProgress::recordLessonStep(QStringLiteral("pipe-basics"), 3, pipe->lessonSteps);
  EXPECT_EQ(progress("pipe-basics"), QStringLiteral("◐ in progress 3/%1").arg(pipe->lessonSteps));
  EXPECT_EQ(state("pipe-basics"), LessonProgress::State::inProgress);
  LessonProgress::recordLessonStep(QStringLiteral("pipe-basics"), pipe->lessonSteps,
                                   pipe->lessonSteps);
  EXPECT_EQ(progress("pipe-basics"), QStringLiteral("✓ done"));
  EXPECT_EQ(state("pipe-basics"), LessonProgress::State::done);
  QTreeWidgetItem* chapter = browser()->chapterOf(QStringLiteral("pipe-basics"));
  ASSERT_NE(chapter, nullptr);
  EXPECT_TRUE(chapter->text(0).contains(QStringLiteral("(1/%1 done)").arg(chapter->childCount())))
      << chapter->text(0).toStdString();

  // A lesson with a challenge is done when the challenge is won too.
  const LessonInfo* counter = LessonCatalog::find(QStringLiteral("shared-counter"));
  ASSERT_NE(counter, nullptr);
  ASSERT_TRUE(counter->hasChallenge);
  EXPECT_EQ(progress("shared-counter"), QStringLiteral("○ not started · ★ challenge"));
  LessonProgress::recordLessonStep(QStringLiteral("shared-counter"), counter->lessonSteps,
                                   counter->lessonSteps);
  EXPECT_EQ(progress("shared-counter"),
            QStringLiteral("◐ in progress: the challenge is left · ★ challenge"));
  LessonProgress::recordChallengeWin(QStringLiteral("shared-counter"), 9);
  LessonProgress::recordChallengeWin(QStringLiteral("shared-counter"), 7);
  EXPECT_EQ(progress("shared-counter"),
            QStringLiteral("✓ done · ★ challenge won in 7 steps (best)"));

  // In Chinese, the same progress in Chinese words.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(progress("pipe-basics"), QStringLiteral("✓ 已完成"));
  EXPECT_EQ(progress("shared-counter"), QStringLiteral("✓ 已完成 · ★ 挑战：最少 7 步获胜"));
  window_->setLanguage(QStringLiteral("en"));

  LessonProgress::forget(QStringLiteral("pipe-basics"));
  EXPECT_EQ(progress("pipe-basics"), QStringLiteral("○ not started"));
}

TEST_F(BrowserProgressTest, ALongTitleWrapsAtThePanelsDefaultWidthInsteadOfBeingCut) {
  QDockWidget* dock = window_->panels()->browserDock();
  dock->show();
  QTreeWidget* tree = browser()->tree();
  QTreeWidgetItem* longTitle = browser()->lessonItem(QStringLiteral("posix-mq-priorities"));
  QTreeWidgetItem* shortTitle = browser()->lessonItem(QStringLiteral("fifo-unrelated"));
  ASSERT_NE(longTitle, nullptr);
  ASSERT_NE(shortTitle, nullptr);
  ASSERT_TRUE(pumpUntil([&] { return tree->viewport()->width() > 100; }));
  shoot("lesson-browser-default-width");
  // The long title does not fit on one line at this width...
  QFont bold = tree->font();
  bold.setBold(true);
  const int room = tree->viewport()->width() - 2 * tree->indentation();
  ASSERT_GT(QFontMetrics(bold).horizontalAdvance(longTitle->text(0)), room)
      << "the panel is wide enough for the title: this test says nothing";
  ASSERT_LT(QFontMetrics(bold).horizontalAdvance(shortTitle->text(0)), room - 20);
  ASSERT_EQ(
      longTitle->data(0, ScenarioBrowser::ProgressRole).toString().count(QStringLiteral("·")),
      shortTitle->data(0, ScenarioBrowser::ProgressRole).toString().count(QStringLiteral("·")));
  // ...so its row has a line more than a row whose title fits.
  EXPECT_GE(tree->visualItemRect(longTitle).height(),
            tree->visualItemRect(shortTitle).height() + QFontMetrics(bold).height())
      << tree->visualItemRect(longTitle).height() << " vs "
      << tree->visualItemRect(shortTitle).height();
  window_->setLanguage(QStringLiteral("zh_CN"));
  QCoreApplication::processEvents();
  shoot("lesson-browser-default-width-zh_CN");
  window_->setLanguage(QStringLiteral("en"));
}

}  // namespace
}  // namespace guitest
