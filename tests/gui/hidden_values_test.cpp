// A question with `hide` hides its objects' values in every view a student
// could read them from, not only in the diagram and the object table: the
// semaphore's inside and waiting lists, the lock's holders, the charts' lines
// and legend, the timeline's lock bars and arrows, the kernel panel and the
// event log. Once the question is answered each view shows the real values
// again, those of the time they were hidden included. A challenge started
// while such a question is open hides nothing.
#include <QDockWidget>
#include <QLineSeries>
#include <QRegularExpression>

#include "charts_panel.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "lesson_test_support.h"
#include "object_table_model.h"
#include "panels/challenge_panel.h"
#include "panels/kernel_panel.h"
#include "timeline_panel.h"
#include "timeline_view.h"

namespace guitest {
namespace {

enum Object { Slots, Guard, Box };

class HiddenValuesTest : public LessonTest {
 protected:
  void bringToFront(QWidget* panel) {
    auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget());
    ASSERT_NE(dock, nullptr);
    dock->show();
    dock->raise();
    QCoreApplication::processEvents();
  }

  ChartsPanel* charts() const { return window_->charts(); }
  QLineSeries* line(Object obj) const { return charts()->line(charts()->model().seriesOf(obj)); }
  std::optional<double> modelValue(Object obj) const {
    const int series = charts()->model().seriesOf(obj);
    if (series < 0) return std::nullopt;
    return charts()->model().series()[static_cast<size_t>(series)].history.last();
  }
  KernelPanel* kernel() const { return window_->panels()->kernel(); }
  TimelinePanel* timeline() const { return window_->timeline(); }

  // The event log's rows about `object`: "Bytes | Data | Detail" each. Not
  // the steps: they say what the process does, as its code does.
  QStringList logRows(const QString& object) const {
    const EventLogModel* log = window_->eventLog()->model();
    QStringList out;
    for (int r = 0; r < log->rowCount(); ++r) {
      if (log->data(log->index(r, EventLogModel::Object)).toString() != object) continue;
      if (log->kind(r) == ipclab::EventKind::step) continue;
      QStringList cells;
      for (int c : {EventLogModel::Bytes, EventLogModel::Data, EventLogModel::Detail})
        cells << log->data(log->index(r, c)).toString();
      out << cells.join(QStringLiteral(" | "));
    }
    return out;
  }
};

TEST_F(HiddenValuesTest, AQuestionHidesItsValuesInEveryViewUntilAnswered) {
  ipclab::Session* session = openFixture("hide-values.yaml");
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(settledAt(0));
  next(1);
  const QStringList hidden = {QStringLiteral("slots"), QStringLiteral("guard"),
                              QStringLiteral("box")};
  ASSERT_EQ(lesson()->hiddenObjects(), hidden);
  // Every view got the events of the step (the models keep the numbers).
  ASSERT_TRUE(pumpUntil([&] {
    return modelValue(Slots) == 1.0 && modelValue(Box) == 5.0 &&
           !timeline()->model().lanes().empty() && !timeline()->model().lanes()[0].locks.empty() &&
           kernel()->objectText(Slots, KernelPanel::OAskedBy) == QStringLiteral("sem_getvalue");
  }));
  bringToFront(timeline());
  shoot("hidden-values-timeline");
  bringToFront(kernel());
  shoot("hidden-values-kernel");
  bringToFront(charts());
  shoot("hidden-values-charts");
  bringToFront(window_->eventLog());
  ASSERT_TRUE(pumpUntil([&] { return !logRows(QStringLiteral("slots")).isEmpty(); }));
  shoot("hidden-values-question");

  // The diagram: the count, who is inside, who waits, who holds the lock.
  DiagramView* diagram = window_->diagram();
  EXPECT_EQ(diagram->objectText(Slots), QStringLiteral("slots: count ?, waiting: ?, inside: ?"));
  EXPECT_EQ(diagram->objectText(Guard), QStringLiteral("guard: ?, waiting: ?"));
  EXPECT_FALSE(diagram->objectText(Box).contains(QLatin1Char('5')))
      << diagram->objectText(Box).toStdString();
  // The object table: the fill, the owner, who waits.
  for (Object obj : {Slots, Guard, Box})
    for (int c : {ObjectTableModel::ModelFill, ObjectTableModel::KernelFill,
                  ObjectTableModel::Owner, ObjectTableModel::Waiters})
      EXPECT_EQ(objectCell(obj, c).toString(), QStringLiteral("?")) << obj << " column " << c;
  // The charts: no line, "?" in the legend.
  for (Object obj : {Slots, Box}) {
    ASSERT_NE(line(obj), nullptr);
    EXPECT_TRUE(line(obj)->points().isEmpty()) << "series " << obj;
    EXPECT_TRUE(line(obj)->name().endsWith(QStringLiteral(": ?")))
        << line(obj)->name().toStdString();
  }
  // The timeline: first held guard, but no bar says so; a note says why.
  EXPECT_TRUE(timeline()->view()->lockNames(0).isEmpty())
      << timeline()->view()->lockNames(0).join(QLatin1Char(',')).toStdString();
  EXPECT_EQ(timeline()->view()->hiddenNote(),
            QStringLiteral("? slots, guard, box: hidden until you answer"));
  // The kernel panel: neither side, nor whether they agree.
  for (Object obj : {Slots, Guard, Box}) {
    EXPECT_EQ(kernel()->objectText(obj, KernelPanel::OModel), QStringLiteral("?")) << obj;
    EXPECT_EQ(kernel()->objectText(obj, KernelPanel::OKernel), QStringLiteral("?")) << obj;
  }
  // The event log: rows about them, but no number and no message text in them.
  const QRegularExpression digit(QStringLiteral("\\d"));
  for (const QString& object : hidden)
    for (const QString& row : logRows(object)) {
      EXPECT_FALSE(row.contains(digit)) << object.toStdString() << ": " << row.toStdString();
      EXPECT_FALSE(row.contains(QStringLiteral("“hello”"))) << row.toStdString();
    }
  EXPECT_FALSE(logRows(QStringLiteral("slots")).filter(QStringLiteral("= ?")).isEmpty())
      << logRows(QStringLiteral("slots")).join(QLatin1Char('\n')).toStdString();
  // Nor can the filter find a hidden text.
  window_->eventLog()->model()->setFilterText(QStringLiteral("“hello”"));
  EXPECT_EQ(window_->eventLog()->model()->rowCount(), 0);
  window_->eventLog()->model()->setFilterText(QString());

  // Answered: every view shows the real values, also those of the hidden time.
  lesson()->typeAnswer(QStringLiteral("1"));
  check(1);
  EXPECT_EQ(lesson()->answerText(), QStringLiteral("✓ Right"));
  EXPECT_TRUE(lesson()->hiddenObjects().isEmpty());
  EXPECT_TRUE(diagram->objectText(Slots).startsWith(QStringLiteral("slots: count 1")))
      << diagram->objectText(Slots).toStdString();
  EXPECT_TRUE(diagram->objectText(Slots).contains(QStringLiteral("inside: first")))
      << diagram->objectText(Slots).toStdString();
  EXPECT_TRUE(diagram->objectText(Guard).contains(QStringLiteral("inside: first")))
      << diagram->objectText(Guard).toStdString();
  EXPECT_EQ(objectCell(Slots, ObjectTableModel::KernelFill).toString(), QStringLiteral("1"));
  bringToFront(charts());
  for (Object obj : {Slots, Box}) {
    ASSERT_FALSE(line(obj)->points().isEmpty()) << "series " << obj;
    EXPECT_FALSE(line(obj)->name().contains(QLatin1Char('?'))) << line(obj)->name().toStdString();
  }
  EXPECT_EQ(line(Slots)->points().first().y(), 2.0) << "the points of the hidden time are back";
  EXPECT_EQ(line(Slots)->points().last().y(), 1.0);
  EXPECT_EQ(line(Box)->points().last().y(), 5.0);
  EXPECT_EQ(timeline()->view()->lockNames(0), QStringList{QStringLiteral("guard")});
  EXPECT_TRUE(timeline()->view()->hiddenNote().isEmpty());
  EXPECT_EQ(kernel()->objectText(Slots, KernelPanel::OKernel), QStringLiteral("1"));
  EXPECT_EQ(kernel()->objectText(Box, KernelPanel::OModel), QStringLiteral("5 bytes"));
  bringToFront(window_->eventLog());
  EXPECT_FALSE(logRows(QStringLiteral("slots")).filter(QStringLiteral("= 1")).isEmpty())
      << logRows(QStringLiteral("slots")).join(QLatin1Char('\n')).toStdString();
  EXPECT_FALSE(logRows(QStringLiteral("box")).filter(QStringLiteral("hello")).isEmpty())
      << logRows(QStringLiteral("box")).join(QLatin1Char('\n')).toStdString();
  shoot("hidden-values-answered");
}

TEST_F(HiddenValuesTest, AChallengeShowsWhatTheLessonsOpenQuestionHides) {
  // shared-counter's step 2 asks what counter will be, and hides it; its
  // challenge needs counter in sight (the student schedules by it).
  ASSERT_NE(open(QStringLiteral("shared-counter")), nullptr);
  ASSERT_TRUE(settledAt(0));
  next(1);
  ASSERT_EQ(lesson()->hiddenObjects(), QStringList{QStringLiteral("counter")});
  EXPECT_TRUE(window_->diagram()->objectText(0).contains(QLatin1Char('?')))
      << window_->diagram()->objectText(0).toStdString();
  ChallengePanel* challenge = window_->panels()->challenge();
  window_->panels()->startChallenge();
  ASSERT_TRUE(pumpUntil([&] {
    return challenge->isActive() && !challenge->inFlight() && controller()->session() &&
           kernel()->objectText(0, KernelPanel::OAskedBy) == QStringLiteral("the mapping itself");
  }));
  EXPECT_FALSE(window_->diagram()->objectText(0).contains(QLatin1Char('?')))
      << window_->diagram()->objectText(0).toStdString();
  EXPECT_NE(objectCell(0, ObjectTableModel::Cells).toString(), QStringLiteral("?"));
  EXPECT_NE(kernel()->objectText(0, KernelPanel::OKernel), QStringLiteral("?"));
  EXPECT_TRUE(timeline()->view()->hiddenNote().isEmpty());
}

}  // namespace
}  // namespace guitest
