// The Timeline and Charts docks: what they hold after stepping a real
// producer-consumer session (a blocked span, a send->recv arrow, a lock
// span, the semaphore's last value), and that a long synthetic stream keeps
// their storage bounded while the totals stay exact.
#include <QDockWidget>
#include <QLineSeries>
#include <chrono>

#include "charts_panel.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "scenario/scenario.hpp"
#include "session_controller.h"
#include "timeline_model.h"
#include "timeline_panel.h"
#include "timeline_view.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;
using ipclab::EventKind;
using ipclab::WorkerState;

int objectIndex(const ipclab::Session& session, const std::string& name) {
  const auto& objects = session.scenario().objects;
  for (size_t i = 0; i < objects.size(); ++i)
    if (objects[i].name == name) return static_cast<int>(i);
  return -1;
}

bool hadBlockedSpan(const TimelineModel::Lane& lane, int obj) {
  for (const TimelineModel::StateSpan& s : lane.spans)
    if (s.state == WorkerState::blocked && s.obj == obj && s.t1 > s.t0) return true;
  return lane.state == WorkerState::blocked && lane.stateObj == obj;
}

TEST_F(GuiTest, TimelineAndChartsFollowASteppedProducerConsumer) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int producer = session->worker_index("producer");
  const int consumer = session->worker_index("consumer");
  const int full = objectIndex(*session, "full");
  const int guard = objectIndex(*session, "guard");
  const int buffer = objectIndex(*session, "buffer");
  ASSERT_TRUE(producer >= 0 && consumer >= 0 && full >= 0 && guard >= 0 && buffer >= 0);
  const TimelineModel& model = window_->timeline()->model();
  ASSERT_EQ(model.lanes().size(), 2u);
  // The charts draw only while shown (a tab beside the timeline): show them.
  auto* chartsDock = qobject_cast<QDockWidget*>(window_->charts()->parentWidget());
  ASSERT_NE(chartsDock, nullptr);
  chartsDock->raise();
  QCoreApplication::processEvents();
  ASSERT_TRUE(window_->charts()->isVisible());

  bool sawConsumerBlocked = false;
  for (int steps = 0; steps < 500; ++steps) {
    const ipclab::Snapshot before = session->snapshot();
    if (allGone(before) || before.deadlock || !anyAtGate(before)) break;
    controller()->stepAll();
    ASSERT_TRUE(session->wait_settled(10s)) << "step " << steps;
    controller()->deliverNow();
    const ipclab::Snapshot snap = session->snapshot();
    if (snap.workers[static_cast<size_t>(consumer)].state == WorkerState::blocked &&
        snap.workers[static_cast<size_t>(consumer)].blocked_obj == full) {
      sawConsumerBlocked = true;
      EXPECT_TRUE(hadBlockedSpan(model.lanes()[static_cast<size_t>(consumer)], full))
          << "after step " << steps;
    }
    // The charts' semaphore lines end at the value the session reports.
    const ChartsPanel* charts = window_->charts();
    for (size_t i = 0; i < snap.objects.size(); ++i) {
      if (snap.objects[i].spec->mechanism != ipclab::ObjectKind::semaphore) continue;
      const int series = charts->model().seriesOf(static_cast<int>(i));
      ASSERT_GE(series, 0) << snap.objects[i].spec->name;
      const QLineSeries* line = charts->line(series);
      ASSERT_NE(line, nullptr);
      ASSERT_GT(line->count(), 0);
      EXPECT_EQ(line->at(line->count() - 1).y(), static_cast<double>(snap.objects[i].model_fill))
          << snap.objects[i].spec->name << " after step " << steps;
    }
  }
  shoot("timeline-producer-consumer");
  EXPECT_TRUE(sawConsumerBlocked);
  EXPECT_TRUE(hadBlockedSpan(model.lanes()[static_cast<size_t>(consumer)], full));

  // Message 1 on `buffer`: an arrow from the producer's send to the consumer's recv.
  bool arrow = false;
  for (const TimelineModel::Arrow& a : model.arrows())
    if (a.obj == buffer && a.msg == 1) {
      arrow = true;
      EXPECT_EQ(a.from, producer);
      EXPECT_EQ(a.to, consumer);
      EXPECT_LE(a.tSend, a.tRecv);
    }
  EXPECT_TRUE(arrow);
  EXPECT_EQ(model.messagesDelivered(), 6u);

  // The producer held `guard`: closed spans with a start and an end.
  int holds = 0;
  for (const TimelineModel::LockSpan& l : model.lanes()[static_cast<size_t>(producer)].locks)
    if (l.obj == guard && l.t1 >= l.t0 && l.t1 != 0) ++holds;
  EXPECT_EQ(holds, 6);
  // The time per state adds up to the lane's whole life.
  const TimelineModel::Lane& lane = model.lanes()[static_cast<size_t>(consumer)];
  uint64_t total = 0;
  for (size_t s = 0; s < TimelineModel::kStateCount; ++s)
    total += model.timeIn(consumer, static_cast<WorkerState>(s));
  EXPECT_EQ(total, model.now() - (lane.spans.empty() ? lane.since : lane.spans.front().t0));
}

// A stream shaped like a free-running session: every process steps, blocks,
// wakes, takes a lock, sends and receives.
std::vector<ipclab::Event> syntheticBatch(uint64_t& t, int64_t& msg, size_t count) {
  std::vector<ipclab::Event> out;
  out.reserve(count);
  const int lanes = 6;
  auto push = [&](int w, EventKind ev, int obj) -> ipclab::Event& {
    ipclab::Event e;
    e.t_ns = (t += 700);
    e.ev = ev;
    e.worker = w;
    e.proc = "p" + std::to_string(w);
    e.obj = obj;
    out.push_back(std::move(e));
    return out.back();
  };
  while (out.size() < count) {
    const int w = static_cast<int>(out.size() / 8 % lanes);
    push(w, EventKind::step, 1);
    push(w, EventKind::block, 1);
    push(w, EventKind::unblock, 1);
    push(w, EventKind::acquire, 2).value = 1;
    push(w, EventKind::acquire, 1).value = static_cast<int64_t>(t % 5);
    push(w, EventKind::send, 0).msg = ++msg;
    push((w + 1) % lanes, EventKind::recv, 0).msg = msg;
    push(w, EventKind::release, 2).value = 0;
  }
  return out;
}

TEST(TimelineModelTest, AHundredThousandEventsKeepTheStorageBoundedAndTotalsExact) {
  ipclab::Scenario scenario;
  scenario.objects.resize(3);
  scenario.objects[0].name = "buffer";
  scenario.objects[0].mechanism = ipclab::ObjectKind::pipe;
  scenario.objects[1].name = "full";
  scenario.objects[1].mechanism = ipclab::ObjectKind::semaphore;
  scenario.objects[2].name = "guard";
  scenario.objects[2].mechanism = ipclab::ObjectKind::mutex;
  std::vector<ipclab::WorkerIdentity> workers(6);
  for (int i = 0; i < 6; ++i) workers[static_cast<size_t>(i)] = {i, i, 1, "p" + std::to_string(i)};
  TimelineModel timeline;
  timeline.setScenario(scenario, workers);
  ChartsModel charts;
  charts.setScenario(scenario, 6);

  uint64_t t = 0;
  int64_t msg = 0;
  size_t peak = 0;
  for (int frame = 0; frame < 100; ++frame) {  // 100 frames of 1000 events
    const std::vector<ipclab::Event> batch = syntheticBatch(t, msg, 1000);
    timeline.append(batch);
    charts.append(batch);
    charts.endFrame();
    peak = std::max(peak, timeline.storedItems());
  }
  EXPECT_EQ(timeline.eventCount(), 100'000u);
  const size_t bound =
      6 * (TimelineModel::kMaxSpans + TimelineModel::kMaxBuckets + TimelineModel::kMaxLocks) +
      TimelineModel::kMaxArrows + TimelineModel::kMaxPending;
  EXPECT_LE(peak, bound);
  // It really had to summarize: more spans happened than are kept.
  uint64_t transitions = 0;
  for (const TimelineModel::Lane& lane : timeline.lanes()) {
    transitions += lane.transitions;
    EXPECT_LE(lane.spans.size(), TimelineModel::kMaxSpans);
    EXPECT_FALSE(lane.buckets.empty());
  }
  EXPECT_GT(transitions, 6 * TimelineModel::kMaxSpans);
  // Totals stay exact: every lane's states add up to its whole life, and
  // every message is counted although old arrows were dropped.
  for (size_t i = 0; i < timeline.lanes().size(); ++i) {
    const TimelineModel::Lane& lane = timeline.lanes()[i];
    const uint64_t first = lane.buckets.empty() ? lane.spans.front().t0 : lane.buckets.front().t0;
    uint64_t total = 0;
    for (size_t s = 0; s < TimelineModel::kStateCount; ++s)
      total += timeline.timeIn(static_cast<int>(i), static_cast<WorkerState>(s));
    EXPECT_EQ(total, timeline.now() - first) << lane.name;
  }
  EXPECT_EQ(timeline.messagesDelivered(), static_cast<uint64_t>(msg));
  EXPECT_LE(timeline.arrows().size(), TimelineModel::kMaxArrows);
  for (const ChartsModel::Series& s : charts.series())
    EXPECT_LE(s.history.points().size(), ValueHistory::kMaxPoints + 8) << s.name.toStdString();
}

TEST_F(GuiTest, TimelineStopsFollowingWhenScrolledBackAndResumesAtTheEnd) {
  TimelineView* view = window_->timeline()->view();
  uint64_t t = 0;
  int64_t msg = 0;
  for (int i = 0; i < 5; ++i) window_->timeline()->append(syntheticBatch(t, msg, 2000));
  EXPECT_TRUE(view->isFollowing());
  view->zoomIn();
  view->zoomIn();
  EXPECT_TRUE(view->isFollowing());
  view->scrollTo(0);
  EXPECT_FALSE(view->isFollowing());
  const uint64_t start = view->start();
  window_->timeline()->append(syntheticBatch(t, msg, 2000));
  EXPECT_EQ(view->start(), start);  // stays where the reader is
  view->scrollTo(view->endTime());
  EXPECT_TRUE(view->isFollowing());
  window_->timeline()->append(syntheticBatch(t, msg, 2000));
  EXPECT_EQ(view->start() + view->visibleNs(), view->endTime());
}

}  // namespace
}  // namespace guitest
