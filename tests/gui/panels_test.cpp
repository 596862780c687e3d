// The Code, Kernel, Lesson and Lessons panels over real sessions: the code
// panel follows the op each process is on, the kernel panel shows what the
// kernel reports, the lesson panel runs a lesson to its end with ticks (and a
// cross for a wrong expect), the browser lists and opens every bundled lesson,
// each under its chapter of the course.
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <chrono>

#include "gui_fixture.h"
#include "lesson_catalog.h"
#include "panels/code_panel.h"
#include "panels/kernel_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "panels/plan_model.h"
#include "panels/scenario_browser.h"
#include "scenario/course.hpp"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

class PanelsTest : public GuiTest {
 protected:
  PanelDocks* panels() const { return window_->panels(); }

  void stepAll(ipclab::Session* session, int times) {
    for (int i = 0; i < times; ++i) {
      controller()->stepAll();
      ASSERT_TRUE(session->wait_settled(10s)) << "step " << i;
    }
    controller()->deliverNow();
  }

  // Clicks Next and waits until the step was carried out and checked.
  void next(LessonPanel* lesson) {
    ASSERT_TRUE(lesson->nextButton()->isEnabled()) << "at step " << lesson->shownStep() + 1;
    const int target = lesson->shownStep() + 1;
    lesson->nextButton()->click();
    ASSERT_TRUE(pumpUntil([&] { return !lesson->inFlight() && lesson->reachedStep() >= target; }))
        << "step " << target + 1 << " never arrived";
  }
};

TEST_F(PanelsTest, CodePanelHighlightsTheCurrentOpAndShowsItsCCall) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  CodePanel* code = panels()->code();
  ASSERT_EQ(code->processCount(), 2);
  stepAll(session, 3);
  const ipclab::Snapshot snap = session->snapshot();
  for (int w = 0; w < 2; ++w) {
    const ipclab::WorkerStatus& status = snap.workers[static_cast<size_t>(w)];
    PlanModel* plan = code->plan(w);
    ASSERT_EQ(plan->rowCount(), status.op_count);
    EXPECT_EQ(plan->current(), status.op) << status.id.name;
    EXPECT_EQ(plan->state(), status.state) << status.id.name;
    ASSERT_LT(status.op, plan->rowCount());
    EXPECT_TRUE(plan->index(status.op, 0).data(PlanModel::CurrentRole).toBool());
    EXPECT_FALSE(plan->index(status.op + 1, 0).data(PlanModel::CurrentRole).toBool());
    const ipclab::Op& op = session->plan(w)[static_cast<size_t>(status.op)];
    EXPECT_EQ(plan->index(status.op, PlanModel::Action).data().toString().toStdString(), op.label);
    EXPECT_EQ(plan->index(status.op, PlanModel::CCall).data().toString().toStdString(), op.c_call);
    EXPECT_TRUE(code->headerText(w).contains(QString::fromStdString(status.id.name)));
  }
  // The producer's script carries the real calls: sem_wait on empty, write on the pipe.
  PlanModel* producer = code->plan(session->worker_index("producer"));
  EXPECT_TRUE(producer->index(0, PlanModel::CCall)
                  .data()
                  .toString()
                  .startsWith(QLatin1String("sem_wait(")));
  bool sawWrite = false;
  for (int r = 0; r < producer->rowCount(); ++r)
    sawWrite |=
        producer->index(r, PlanModel::CCall).data().toString().startsWith(QLatin1String("write("));
  EXPECT_TRUE(sawWrite);
  shoot("code-panel");
}

TEST_F(PanelsTest, CodePanelColumnsNeverOverlapAndKeepTheirTitlesWhole) {
  // Four processes in a dock narrower than four columns: the strip scrolls
  // sideways; no column is drawn over its neighbour, no title over another.
  for (const char* lang : {"en", "zh_CN"}) {
    window_->setLanguage(QString::fromLatin1(lang));
    ipclab::Session* session = open(QStringLiteral("shared-counter"));
    ASSERT_NE(session, nullptr);
    stepAll(session, 2);
    QCoreApplication::processEvents();
    CodePanel* code = panels()->code();
    ASSERT_EQ(code->processCount(), 4);
    for (int w = 0; w < code->processCount(); ++w) {
      QWidget* box = code->view(w)->parentWidget();
      EXPECT_GE(box->width(), box->minimumWidth()) << lang << " column " << w;
      if (w + 1 < code->processCount()) {
        EXPECT_LT(box->geometry().right(), code->view(w + 1)->parentWidget()->x())
            << lang << " column " << w << " overlaps the next";
      }
      QHeaderView* header = code->view(w)->horizontalHeader();
      for (int c = 0; c < PlanModel::ColumnCount; ++c)
        EXPECT_GE(header->sectionSize(c), header->sectionSizeHint(c))
            << lang << " column " << w << " title " << c;
      // The header label (name, pid, state) fits its column.
      for (QLabel* label : box->findChildren<QLabel*>())
        EXPECT_LE(label->sizeHint().width(), box->width()) << lang << " column " << w;
    }
    shoot(lang == std::string("en") ? "code-panel-4" : "code-panel-4-zh");
  }
  window_->setLanguage(QStringLiteral("en"));
}

TEST_F(PanelsTest, KernelPanelShowsSleepingForABlockedProcessAndTheSemaphoreValue) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int consumer = session->worker_index("consumer");
  controller()->step(consumer);  // wait(full) with full = 0: blocks
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  const ipclab::Snapshot snap = session->snapshot();
  ASSERT_EQ(snap.workers[static_cast<size_t>(consumer)].state, ipclab::WorkerState::blocked);
  KernelPanel* kernel = panels()->kernel();
  EXPECT_EQ(kernel->processText(consumer, KernelPanel::PKernel).left(1), QStringLiteral("S"));
  EXPECT_TRUE(kernel->processText(consumer, KernelPanel::PModel).contains(QLatin1String("full")));
  EXPECT_FALSE(kernel->processDiffers(consumer));
  EXPECT_EQ(kernel->processText(consumer, KernelPanel::PSyscall).toStdString(),
            snap.workers[static_cast<size_t>(consumer)].kernel.syscall_name);
  for (const char* name : {"empty", "full"}) {
    const int obj = session->scenario().object_index(name);
    const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    ASSERT_TRUE(o.kernel_fill.has_value()) << name;
    EXPECT_EQ(kernel->objectText(obj, KernelPanel::OKernel), QString::number(*o.kernel_fill))
        << name;
    EXPECT_EQ(kernel->objectText(obj, KernelPanel::OAskedBy), QStringLiteral("sem_getvalue"));
  }
  const int full = session->scenario().object_index("full");
  EXPECT_EQ(kernel->objectText(full, KernelPanel::OKernel), QStringLiteral("0"));
  EXPECT_TRUE(kernel->objectText(full, KernelPanel::OModel).contains(QLatin1String("consumer")));
  // The code panel marks the blocked process's current action as blocked.
  EXPECT_EQ(panels()->code()->plan(consumer)->state(), ipclab::WorkerState::blocked);
  panels()->kernelDock()->raise();
  shoot("kernel-panel");
}

TEST_F(PanelsTest, LessonPanelRunsProducerConsumerToItsEndWithOnlyTicks) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  LessonPanel* lesson = panels()->lesson();
  const int steps = static_cast<int>(session->scenario().lesson.size());
  ASSERT_EQ(lesson->stepCount(), steps);
  ASSERT_TRUE(pumpUntil([&] { return lesson->reachedStep() == 0; }));
  EXPECT_EQ(lesson->progressText(), QStringLiteral("1/%1").arg(steps));
  EXPECT_EQ(lesson->sayText().toStdString(), session->scenario().lesson[0].say.en);
  // The question of step 1 is a prediction: Check carries out step 2, checks
  // the answer against the real processes, and the verdict goes along to it.
  lesson->chooseAnswer(static_cast<int>(session->scenario().lesson[0].ask->answer));
  lesson->checkButton()->click();
  ASSERT_TRUE(pumpUntil([&] { return lesson->idle() && lesson->reachedStep() == 1; }));
  EXPECT_TRUE(lesson->recapText().contains(QStringLiteral("✓ Right")))
      << lesson->recapText().toStdString();

  for (int i = 1; i < steps; ++i) {
    if (i > 1) next(lesson);
    const ipclab::LessonStep& step = session->scenario().lesson[static_cast<size_t>(i)];
    EXPECT_EQ(lesson->progressText(), QStringLiteral("%1/%2").arg(i + 1).arg(steps));
    EXPECT_EQ(lesson->failedChecks(), 0)
        << "step " << i + 1 << ": " << lesson->checkLines().join(QLatin1Char('\n')).toStdString();
    if (step.expect) {
      EXPECT_FALSE(lesson->checkLines().isEmpty()) << "step " << i + 1;
    }
    for (const QString& line : lesson->checkLines())
      EXPECT_TRUE(line.startsWith(QStringLiteral("✓"))) << line.toStdString();
    EXPECT_EQ(lesson->sayText().toStdString(), step.say.en);
    if (i == 2) shoot("lesson-step-3");
  }
  EXPECT_FALSE(lesson->nextButton()->isEnabled());
  shoot("lesson-end");

  // Chinese texts when the window speaks Chinese.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(lesson->sayText().toStdString(), session->scenario().lesson.back().say.zh);
  window_->setLanguage(QStringLiteral("en"));

  // Reset starts the processes again, back at step 1.
  lesson->resetButton()->click();
  ASSERT_TRUE(pumpUntil([&] { return controller()->session() && lesson->reachedStep() == 0; }));
  EXPECT_EQ(lesson->shownStep(), 0);
  EXPECT_TRUE(lesson->nextButton()->isEnabled());
}

TEST_F(PanelsTest, LessonPanelShowsACrossForAWrongExpect) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("wrong-expect.yaml"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "ipclab: 1\n"
      "id: wrong-expect\n"
      "title: {en: Wrong on purpose, zh: 故意写错}\n"
      "category: synchronization\n"
      "objects:\n"
      "  - {name: s, kind: semaphore, initial: 1}\n"
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      - wait: s\n"
      "      - post: s\n"
      "lesson:\n"
      "  - say: {en: Start}\n"
      "  - step: {p: 1}\n"
      "    expect: {value: {s: 1}, running: [p]}\n"
      "    say: {en: \"s is 0 now, not 1\"}\n");
  file.close();
  ipclab::Session* session = open(path);
  ASSERT_NE(session, nullptr);
  LessonPanel* lesson = panels()->lesson();
  ASSERT_TRUE(pumpUntil([&] { return lesson->reachedStep() == 0; }));
  next(lesson);
  EXPECT_EQ(lesson->failedChecks(), 1)
      << lesson->checkLines().join(QLatin1Char('\n')).toStdString();
  const QStringList lines = lesson->checkLines();
  ASSERT_EQ(lines.size(), 2);
  EXPECT_TRUE(lines.filter(QStringLiteral("✗")).first().contains(QLatin1String("s")));
  EXPECT_EQ(lines.filter(QStringLiteral("✓")).size(), 1);
  shoot("lesson-cross");
}

TEST_F(PanelsTest, BrowserListsEveryBundledLessonUnderItsChapterAndOpensIt) {
  ScenarioBrowser* browser = panels()->browser();
  ASSERT_GE(browser->tree()->topLevelItemCount(),
            static_cast<int>(ipclab::bundled_course().chapters.size()));
  ASSERT_FALSE(LessonCatalog::lessons().empty());
  for (const LessonInfo& lesson : LessonCatalog::lessons()) {
    QTreeWidgetItem* item = browser->lessonItem(lesson.id);
    ASSERT_NE(item, nullptr) << lesson.id.toStdString();
    EXPECT_EQ(item->text(0).toStdString(), lesson.title.en);
    EXPECT_EQ(item->data(0, ScenarioBrowser::SummaryRole).toString().toStdString(),
              lesson.summary.en);
    QTreeWidgetItem* chapter = browser->chapterOf(lesson.id);
    ASSERT_NE(chapter, nullptr);
    const int number = ipclab::bundled_course().chapter_of(lesson.id.toStdString());
    if (number > 0) {
      EXPECT_EQ(browser->tree()->indexOfTopLevelItem(chapter), number - 1)
          << lesson.id.toStdString();
    }
  }
  // Activating a lesson (double-click or Enter) opens it.
  const QString id = QStringLiteral("shared-counter");
  QTreeWidgetItem* item = browser->lessonItem(id);
  ASSERT_NE(item, nullptr);
  emit browser->tree()->itemActivated(item, 0);
  controller()->waitUntilIdle();
  ASSERT_NE(controller()->session(), nullptr);
  EXPECT_EQ(controller()->scenario()->id, id.toStdString());
  EXPECT_EQ(browser->tree()->currentItem(), item);
  EXPECT_EQ(panels()->code()->processCount(),
            static_cast<int>(controller()->session()->workers().size()));
  // Titles follow the language.
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(browser->lessonItem(id)->text(0).toStdString(), LessonCatalog::find(id)->title.zh);
  window_->setLanguage(QStringLiteral("en"));
}

}  // namespace
}  // namespace guitest
