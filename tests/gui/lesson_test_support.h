// The lesson panel tests' fixture: opens a lesson file of tests/fixtures,
// answers and checks questions, goes back by replay, and waits (with a
// deadline, never a sleep) until the panel is idle at a step.
#pragma once

#include <QLineEdit>
#include <QPushButton>
#include <QString>
#include <QStringList>
#include <vector>

#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "gui_fixture.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "session_controller.h"

namespace guitest {

class LessonTest : public GuiTest {
 protected:
  LessonPanel* lesson() const { return window_->panels()->lesson(); }

  ipclab::Session* openFixture(const char* file) {
    return open(QStringLiteral(IPCLAB_FIXTURES_DIR "/scenarios/") + QString::fromLatin1(file));
  }

  // Idle at step `index` (0-based), the step carried out and checked.
  bool settledAt(int index) {
    return pumpUntil([&] {
      return lesson()->idle() && lesson()->reachedStep() == index && lesson()->shownStep() == index;
    });
  }

  void next(int arriveAt) {
    ASSERT_TRUE(lesson()->nextButton()->isEnabled()) << "at step " << lesson()->shownStep() + 1;
    lesson()->nextButton()->click();
    ASSERT_TRUE(settledAt(arriveAt)) << "step " << arriveAt + 1 << " never arrived";
  }

  // Checks the shown question with choice `choice` (or the typed `value`)
  // and waits until the panel is idle at `arriveAt`.
  void check(int arriveAt) {
    ASSERT_TRUE(lesson()->checkButton()->isEnabled());
    lesson()->checkButton()->click();
    EXPECT_FALSE(lesson()->nextButton()->isEnabled()) << "Next while the question is checked";
    ASSERT_TRUE(settledAt(arriveAt)) << "no verdict at step " << arriveAt + 1;
  }

  std::vector<int> pids() const {
    std::vector<int> out;
    const int n = window_->diagram()->diagram()->processCount();
    for (int w = 0; w < n; ++w) out.push_back(window_->diagram()->processPid(w));
    return out;
  }

  // Back by replay; returns every status line seen while it replayed.
  QStringList back(int arriveAt) {
    QStringList seen;
    // Replayed steps can be quicker than a look at the panel: catch each as it starts.
    const QMetaObject::Connection c = QObject::connect(lesson(), &LessonPanel::replayProgress,
                                                       [&] { seen << lesson()->statusText(); });
    if (ipclab::Session* s = controller()->session()) traces_.push_back(tracesOf(*s));
    EXPECT_TRUE(lesson()->backButton()->isEnabled());
    lesson()->backButton()->click();
    EXPECT_FALSE(lesson()->backButton()->isEnabled()) << "Back while it replays";
    const bool arrived = pumpUntil([&] {
      const QString status = lesson()->statusText();
      if (!status.isEmpty() && !seen.contains(status)) seen << status;
      return controller()->session() && lesson()->idle() && lesson()->reachedStep() == arriveAt &&
             lesson()->shownStep() == arriveAt;
    });
    QObject::disconnect(c);
    EXPECT_TRUE(arrived) << "Back never arrived at step " << arriveAt + 1;
    return seen;
  }

  bool allTicks() const {
    for (const QString& line : lesson()->checkLines())
      if (!line.startsWith(QStringLiteral("✓"))) return false;
    return true;
  }

  QString checks() const { return lesson()->checkLines().join(QLatin1Char('\n')); }
};

}  // namespace guitest
