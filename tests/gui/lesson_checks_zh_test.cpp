// The lesson panel's ✓/✗ sentences in the GUI's language: every bundled
// lesson, stepped to its end in Chinese, shows every check in Chinese (none
// fell back to core's English), and the same checks read as core's English
// again when the window switches back.
#include <QPushButton>
#include <QRegularExpression>
#include <chrono>
#include <iostream>

#include "gui_fixture.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "scenario/catalog.hpp"
#include "session_controller.h"

namespace guitest {
namespace {

bool hasChinese(const QString& s) {
  static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}：]"));
  return s.contains(han);
}

TEST_F(GuiTest, LessonChecksReadInChineseInEveryBundledLesson) {
  window_->setLanguage(QStringLiteral("zh_CN"));
  int checked = 0;
  for (const ipclab::BundledScenario& b : ipclab::bundled_scenarios()) {
    const QString id = QString::fromLatin1(b.id.data(), static_cast<qsizetype>(b.id.size()));
    ipclab::Session* session = open(id);
    ASSERT_NE(session, nullptr) << b.id;
    LessonPanel* lesson = window_->panels()->lesson();
    if (lesson->stepCount() == 0) continue;
    ASSERT_TRUE(pumpUntil([&] { return lesson->reachedStep() == 0; })) << b.id;
    for (int i = 1; i < lesson->stepCount(); ++i) {
      ASSERT_TRUE(lesson->nextButton()->isEnabled()) << b.id << " step " << i + 1;
      lesson->nextButton()->click();
      ASSERT_TRUE(pumpUntil([&] { return !lesson->inFlight() && lesson->reachedStep() >= i; }))
          << b.id << " step " << i + 1;
      const QStringList lines = lesson->checkLines();
      checked += static_cast<int>(lines.size());
      for (const QString& line : lines) {
        EXPECT_TRUE(hasChinese(line)) << b.id << " step " << i + 1 << ": " << line.toStdString();
        EXPECT_TRUE(line.startsWith(QStringLiteral("✓"))) << b.id << ": " << line.toStdString();
      }
      if (id == QLatin1String("producer-consumer") && i == 2) {
        shoot("lesson-checks-zh");
        window_->setLanguage(QStringLiteral("en"));
        for (const QString& line : lesson->checkLines())
          EXPECT_FALSE(hasChinese(line)) << line.toStdString();
        window_->setLanguage(QStringLiteral("zh_CN"));
      }
    }
  }
  EXPECT_GT(checked, 20);  // the lessons do check things
  std::cout << "[          ] " << checked << " check lines in Chinese\n";
  window_->setLanguage(QStringLiteral("en"));
}

}  // namespace
}  // namespace guitest
