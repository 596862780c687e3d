// The event log's model without a session: it keeps the newest rows and
// counts every event, its filter finds words in any column of every kept
// row (also of rows that arrive later, also after old rows were let go),
// and out of sight it sends no row signals and catches up with one reset.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringList>
#include <QTableView>
#include <string>
#include <vector>

#include "event_log_model.h"
#include "event_log_panel.h"

namespace {

using ipclab::Event;
using ipclab::EventKind;

// Six processes sending, receiving, locking; the session's own samples.
std::vector<Event> batch(uint64_t& seq, size_t count) {
  static const char* procs[] = {"producer#1", "producer#2", "producer#3",
                                "consumer#1", "consumer#2", "consumer#3"};
  std::vector<Event> out;
  for (size_t i = 0; i < count; ++i, ++seq) {
    Event& e = out.emplace_back();
    e.t_ns = 1'000'000 + seq * 1000;
    const int w = static_cast<int>(seq % 7) - 1;  // -1: the session
    e.worker = w;
    if (w >= 0) {
      e.proc = procs[w];
      e.pid = 4000 + w;
    }
    switch (seq % 5) {
      case 0:
        e.ev = EventKind::send;
        e.obj = 0;
        e.obj_name = "buffer";
        e.msg = static_cast<int64_t>(seq / 5);
        e.bytes = 6;
        e.data = "item " + std::to_string(seq % 13);
        break;
      case 1:
        e.ev = EventKind::call;
        e.obj = 0;
        e.obj_name = "buffer";
        e.syscall_name = "write";
        break;
      case 2:
        e.ev = EventKind::acquire;
        e.obj = 1;
        e.obj_name = "guard";
        e.value = 1;
        break;
      case 3:
        e.ev = EventKind::step;
        e.detail = "wait on full";
        break;
      default:
        e.ev = EventKind::value;
        e.obj = 2;
        e.obj_name = "full";
        e.value = static_cast<int64_t>(seq % 4);
        e.detail = "kernel: sem_getvalue";
        break;
    }
  }
  return out;
}

// What the filter must find, read the slow way: the row's shown texts.
bool rowHas(const EventLogModel& model, int row, const QStringList& words) {
  QString text;
  for (int c = 0; c < EventLogModel::ColumnCount; ++c)
    text += model.index(row, c).data().toString() + QLatin1Char(' ');
  for (const QString& w : words)
    if (!text.contains(w, Qt::CaseInsensitive)) return false;
  return true;
}

// The times of the rows `filtered` shows must be those of the rows of
// `all` that have every word, in order.
void expectFilterMatches(const EventLogModel& all, const EventLogModel& filtered,
                         const QStringList& words) {
  QStringList expected, shown;
  for (int r = 0; r < all.rowCount(); ++r)
    if (rowHas(all, r, words)) expected << all.index(r, EventLogModel::Time).data().toString();
  for (int r = 0; r < filtered.rowCount(); ++r)
    shown << filtered.index(r, EventLogModel::Time).data().toString();
  EXPECT_EQ(shown.size(), expected.size()) << words.join(QLatin1Char(' ')).toStdString();
  EXPECT_TRUE(shown == expected) << words.join(QLatin1Char(' ')).toStdString();
}

TEST(EventLogModelTest, KeepsTheNewestRowsAndCountsEveryEvent) {
  EventLogModel model;
  uint64_t seq = 0;
  for (int frame = 0; frame < 15; ++frame) model.append(batch(seq, 16'666));
  EXPECT_EQ(model.total(), seq);
  EXPECT_LE(static_cast<size_t>(model.keptCount()), EventLogModel::kMaxEvents);
  EXPECT_GT(static_cast<size_t>(model.keptCount()), EventLogModel::kMaxEvents * 8 / 10);
  EXPECT_EQ(model.rowCount(), model.keptCount());
  // The last row is the last event, the first the oldest kept one.
  const int last = model.rowCount() - 1;
  EXPECT_EQ(model.index(last, EventLogModel::Time).data().toString(),
            QString::number(static_cast<double>(1'000'000 + (seq - 1) * 1000) / 1e6, 'f', 3));
  const uint64_t first = seq - static_cast<uint64_t>(model.keptCount());
  EXPECT_EQ(model.index(0, EventLogModel::Time).data().toString(),
            QString::number(static_cast<double>(1'000'000 + first * 1000) / 1e6, 'f', 3));
  // Texts are what the events said.
  for (int r = last - 10; r <= last; ++r) {
    const EventKind kind = model.kind(r);
    const QString detail = model.index(r, EventLogModel::Detail).data().toString();
    if (kind == EventKind::call) {
      EXPECT_EQ(detail, QStringLiteral("[write]"));
    } else if (kind == EventKind::send) {
      EXPECT_TRUE(model.index(r, EventLogModel::Data)
                      .data()
                      .toString()
                      .startsWith(QStringLiteral("“item ")));
    } else if (kind == EventKind::value && !model.index(r, EventLogModel::Pid).data().isValid()) {
      EXPECT_EQ(model.index(r, EventLogModel::Process).data().toString(),
                QStringLiteral("session"));
    }
  }
}

TEST(EventLogModelTest, TheFilterFindsWordsInAnyColumnOfEveryKeptRow) {
  EventLogModel all, filtered;
  const QStringList words = {QStringLiteral("PRODUCER#2"), QStringLiteral("“item")};
  filtered.setFilterText(words.join(QLatin1Char(' ')));
  EXPECT_TRUE(filtered.isFiltered());
  uint64_t a = 0, b = 0;
  // More than the log keeps: rows arrive filtered and old ones are let go.
  for (int frame = 0; frame < 14; ++frame) {
    all.append(batch(a, 16'666));
    filtered.append(batch(b, 16'666));
  }
  EXPECT_EQ(filtered.total(), all.total());
  EXPECT_EQ(filtered.keptCount(), all.keptCount());
  EXPECT_GT(filtered.rowCount(), 0);
  expectFilterMatches(all, filtered, words);
  // Numbers, values and the session's rows are found too; changing the
  // filter reads every kept row again.
  for (const char* text :
       {"#1234", "= 3 full", "session sem_getvalue", "[write] 4002", "nothing"}) {
    filtered.setFilterText(QString::fromUtf8(text));
    expectFilterMatches(all, filtered,
                        QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts));
  }
  filtered.setFilterText(QString());
  EXPECT_FALSE(filtered.isFiltered());
  EXPECT_EQ(filtered.rowCount(), filtered.keptCount());
}

TEST(EventLogModelTest, OutOfSightItSendsNoRowSignalsAndCatchesUpWithOneReset) {
  EventLogModel model;
  uint64_t seq = 0;
  model.append(batch(seq, 1000));
  ASSERT_EQ(model.rowCount(), 1000);
  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
  model.setLive(false);
  for (int frame = 0; frame < 14; ++frame) model.append(batch(seq, 16'666));
  EXPECT_EQ(inserted.count(), 0);
  EXPECT_EQ(removed.count(), 0);
  EXPECT_EQ(reset.count(), 0);
  EXPECT_EQ(model.rowCount(), 1000);  // what the view was told, until it looks again
  EXPECT_EQ(model.total(), seq);
  // Rows whose events were let go show nothing rather than other events.
  EXPECT_FALSE(model.index(0, EventLogModel::Time).data().isValid());
  model.setLive(true);
  EXPECT_EQ(reset.count(), 1);
  EXPECT_EQ(model.rowCount(), model.keptCount());
  // Live again, and the log is full: a batch is one shift of the rows, with
  // no row inserted or removed, whatever its size.
  QSignalSpy shifted(&model, &EventLogModel::rowsShifted);
  model.append(batch(seq, 16'666));
  EXPECT_EQ(inserted.count(), 0);
  EXPECT_EQ(removed.count(), 0);
  ASSERT_EQ(shifted.count(), 1);
  EXPECT_EQ(shifted.at(0).at(0).toInt(), 16'666);
}

QString timeOf(uint64_t seq) {
  return QString::number(static_cast<double>(1'000'000 + seq * 1000) / 1e6, 'f', 3);
}

TEST(EventLogModelTest, OnceFullABatchShiftsTheRowsAndHeldRowsKeepTheirEvents) {
  EventLogModel model;
  uint64_t seq = 0;
  for (int frame = 0; frame < 13; ++frame) model.append(batch(seq, 16'666));
  const int rows = static_cast<int>(EventLogModel::kMaxEvents);
  ASSERT_EQ(model.rowCount(), rows);  // full: exactly the newest kMaxEvents
  // A selected row near the end, and one about to go.
  const QPersistentModelIndex held(model.index(rows - 100, EventLogModel::Detail));
  const QString heldTime = model.index(rows - 100, EventLogModel::Time).data().toString();
  const QPersistentModelIndex leaving(model.index(5, EventLogModel::Time));
  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
  QSignalSpy shifted(&model, &EventLogModel::rowsShifted);
  model.append(batch(seq, 16'666));
  EXPECT_EQ(inserted.count(), 0);
  EXPECT_EQ(removed.count(), 0);
  ASSERT_EQ(shifted.count(), 1);
  EXPECT_EQ(shifted.at(0).at(0).toInt(), 16'666);
  EXPECT_EQ(changed.count(), 1);  // every row shows another event now
  EXPECT_EQ(model.rowCount(), rows);
  EXPECT_EQ(model.total(), seq);
  EXPECT_EQ(model.index(rows - 1, EventLogModel::Time).data().toString(), timeOf(seq - 1));
  EXPECT_EQ(model.index(0, EventLogModel::Time).data().toString(), timeOf(seq - rows));
  // The held row moved up with its event; the one whose event left is gone.
  ASSERT_TRUE(held.isValid());
  EXPECT_EQ(held.row(), rows - 100 - 16'666);
  EXPECT_EQ(held.column(), static_cast<int>(EventLogModel::Detail));
  EXPECT_EQ(model.index(held.row(), EventLogModel::Time).data().toString(), heldTime);
  EXPECT_FALSE(leaving.isValid());
  // A batch larger than the log: all rows shift, none is added.
  model.append(batch(seq, EventLogModel::kMaxEvents + 5));
  EXPECT_EQ(model.rowCount(), rows);
  EXPECT_EQ(inserted.count(), 0);
  EXPECT_EQ(model.index(0, EventLogModel::Time).data().toString(), timeOf(seq - rows));
}

TEST(EventLogModelTest, FilteredRowsShiftAndTheRestAreInsertedOrRemoved) {
  EventLogModel all, filtered;
  filtered.setFilterText(QStringLiteral("producer#1"));
  uint64_t a = 0, b = 0;
  for (int frame = 0; frame < 13; ++frame) {
    all.append(batch(a, 16'666));
    filtered.append(batch(b, 16'666));
  }
  // The rows the view was told about add up to the rows the model has.
  int told = filtered.rowCount();
  QObject::connect(&filtered, &QAbstractItemModel::rowsInserted,
                   [&](const QModelIndex&, int first, int last) { told += last - first + 1; });
  QObject::connect(&filtered, &QAbstractItemModel::rowsRemoved,
                   [&](const QModelIndex&, int first, int last) {
                     EXPECT_EQ(first, 0);  // only the oldest rows go
                     told -= last - first + 1;
                   });
  QSignalSpy shifted(&filtered, &EventLogModel::rowsShifted);
  for (const size_t size : {16'666u, 16'667u, 16'665u, 40'000u, 3u}) {
    all.append(batch(a, size));
    filtered.append(batch(b, size));
    EXPECT_EQ(told, filtered.rowCount()) << size;
    expectFilterMatches(all, filtered, {QStringLiteral("producer#1")});
  }
  EXPECT_GE(shifted.count(), 4);
}

// The panel on screen: at the tail it shows the newest event and, once the
// log is full, a batch leaves its scrollbar as it was; a reader who
// scrolled up keeps the same events in sight while new ones arrive.
TEST(EventLogPanelTest, FollowsTheTailAndKeepsAScrolledUpReaderInPlace) {
  EventLogPanel panel;
  panel.resize(900, 300);
  panel.show();
  QCoreApplication::processEvents();
  ASSERT_TRUE(panel.model()->isLive());
  QTableView* view = panel.view();
  QScrollBar* bar = view->verticalScrollBar();
  uint64_t seq = 0;
  auto frame = [&](size_t count) {
    panel.append(batch(seq, count));
    QCoreApplication::processEvents();
  };
  auto lastShown = [&] {
    const QModelIndex i = view->indexAt(QPoint(4, view->viewport()->height() - 4));
    return view->model()->index(view->model()->rowCount() - 1, EventLogModel::Time) ==
                   i.siblingAtColumn(EventLogModel::Time)
               ? i.siblingAtColumn(EventLogModel::Time).data().toString()
               : QString();
  };
  for (int i = 0; i < 13; ++i) frame(16'666);
  ASSERT_EQ(panel.model()->rowCount(), static_cast<int>(EventLogModel::kMaxEvents));
  EXPECT_EQ(lastShown(), timeOf(seq - 1));
  const int max = bar->maximum();
  EXPECT_EQ(bar->value(), max);
  QSignalSpy barChanged(bar, &QAbstractSlider::rangeChanged);
  QSignalSpy barMoved(bar, &QAbstractSlider::valueChanged);
  frame(16'666);
  EXPECT_EQ(lastShown(), timeOf(seq - 1));  // the newest event, in sight
  EXPECT_EQ(barChanged.count(), 0);
  EXPECT_EQ(barMoved.count(), 0);

  // Scrolled up: the row at the top shows the same event after a batch.
  bar->setValue(max / 2);
  QCoreApplication::processEvents();
  const QString top =
      view->indexAt(QPoint(4, 4)).siblingAtColumn(EventLogModel::Time).data().toString();
  ASSERT_FALSE(top.isEmpty());
  frame(16'666);
  EXPECT_EQ(bar->value(), max / 2 - 16'666);
  EXPECT_EQ(view->indexAt(QPoint(4, 4)).siblingAtColumn(EventLogModel::Time).data().toString(),
            top);
  // Back at the bottom it follows again.
  bar->setValue(bar->maximum());
  frame(16'666);
  EXPECT_EQ(lastShown(), timeOf(seq - 1));
}

// Counts the paint events a widget gets.
class PaintCounter : public QObject {
 public:
  int paints = 0;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Paint) ++paints;
    return QObject::eventFilter(watched, event);
  }
};

// While rows keep coming at the bottom (a filtered log, or one filling up)
// the scrollbar's range changes every frame but its thumb stays on the same
// pixels: it is not repainted until it looks different.
TEST(EventLogPanelTest, TheScrollbarRepaintsOnlyWhenItsThumbMoves) {
  EventLogPanel panel;
  panel.resize(900, 300);
  panel.show();
  uint64_t seq = 0;
  for (int i = 0; i < 2; ++i) {
    panel.append(batch(seq, 16'666));
    QCoreApplication::processEvents();
  }
  QScrollBar* bar = panel.view()->verticalScrollBar();
  ASSERT_TRUE(bar->isVisible());
  PaintCounter counter;
  bar->installEventFilter(&counter);
  const int before = bar->maximum();
  for (int i = 0; i < 4; ++i) {
    panel.append(batch(seq, 16'666));
    QCoreApplication::processEvents();
  }
  EXPECT_GT(bar->maximum(), before);
  EXPECT_EQ(bar->value(), bar->maximum());  // it follows the newest row
  EXPECT_EQ(counter.paints, 0);
  // Scrolled away from the tail, the thumb moves: the bar is painted.
  bar->setValue(bar->maximum() / 2);
  QCoreApplication::processEvents();
  EXPECT_GT(counter.paints, 0);
  bar->removeEventFilter(&counter);
}

}  // namespace
