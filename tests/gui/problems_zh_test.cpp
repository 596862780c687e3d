// The Problems panel says the loader's mistakes in the GUI's language, and
// says them again when the language changes while they are shown.
#include <QFile>
#include <QTemporaryDir>

#include "gui_fixture.h"
#include "message_bar.h"
#include "problems_panel.h"

namespace guitest {
namespace {

TEST_F(GuiTest, ProblemsPanelFollowsTheLanguage) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("broken.yaml"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "ipclab: 1\n"
      "id: broken\n"
      "title: {en: Broken, zh: Broken}\n"
      "category: message-passing\n"
      "objects:\n"
      "  - {name: p, kind: pipe, size: 3}\n"
      "processes:\n"
      "  - name: w\n"
      "    steps:\n"
      "      - sned: {to: p, data: x}\n");
  file.close();

  EXPECT_FALSE(window_->openScenario(path));
  ProblemsPanel* problems = window_->problems();
  ASSERT_EQ(problems->count(), 2);
  const QString english = problems->lines().join(QLatin1Char('\n'));
  EXPECT_TRUE(
      english.contains(QStringLiteral("broken.yaml:6:27: unknown key 'size' in object 'p'")))
      << english.toStdString();
  EXPECT_TRUE(english.contains(
      QStringLiteral("broken.yaml:10:9: unknown action 'sned' (did you mean 'send'?)")))
      << english.toStdString();

  window_->setLanguage(QStringLiteral("zh_CN"));
  const QString chinese = problems->lines().join(QLatin1Char('\n'));
  EXPECT_TRUE(chinese.contains(QStringLiteral("broken.yaml:6:27: 对象 'p' 中有未知的键 'size'")))
      << chinese.toStdString();
  EXPECT_TRUE(
      chinese.contains(QStringLiteral("broken.yaml:10:9: 未知的动作 'sned'（是不是指 'send'？）")))
      << chinese.toStdString();
  EXPECT_FALSE(chinese.contains(QStringLiteral("unknown"))) << chinese.toStdString();

  // Opened while the window speaks Chinese: the message bar says it too.
  EXPECT_FALSE(window_->openScenario(path));
  EXPECT_TRUE(
      window_->messageBar()->text().contains(QStringLiteral("对象 'p' 中有未知的键 'size'")))
      << window_->messageBar()->text().toStdString();

  window_->setLanguage(QStringLiteral("en"));
  EXPECT_EQ(problems->lines().join(QLatin1Char('\n')), english);
}

}  // namespace
}  // namespace guitest
