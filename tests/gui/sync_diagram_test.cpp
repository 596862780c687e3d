// Synchronization in the diagram. Over a real session: the dining
// philosophers, each stepped twice, deadlock; the cycle the snapshot names is
// drawn exactly (its waits and holds edges red, its processes tagged, the
// banner walking it) and disappears with the session. From snapshots made by
// hand: a cycle of two of five processes marks only those two; rwlock,
// barrier, event, file lock and condvar nodes say what the snapshot says;
// a process overtaken three times is tagged starving. In Chinese: the new
// event details (deadlock cycle, lost update, race toll, starving).
#include <chrono>
#include <set>

#include "diagram/deadlock_banner.h"
#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "diagram/edge_item.h"
#include "diagram/process_node.h"
#include "event_detail_text.h"
#include "gui_fixture.h"
#include "scenario/loader.hpp"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;
using Cycle = EdgeItem::Cycle;

constexpr const char* kSyncYaml = R"(ipclab: 1
id: sync-nodes
title: {en: "Sync nodes", zh: "同步节点"}
category: synchronization
summary: {en: "Every synchronization node.", zh: "每种同步节点。"}
objects:
  - {name: rw, kind: rwlock}
  - {name: gate, kind: barrier, parties: 3}
  - {name: go, kind: event}
  - {name: log, kind: file_lock}
  - {name: guard, kind: mutex}
  - {name: ready, kind: condvar}
processes:
  - name: p
    count: 3
    steps:
      - rdlock: rw
      - unlock: rw
      - wrlock: rw
      - unlock: rw
      - barrier: gate
      - wait_event: go
      - flock: {file: log, mode: shared}
      - funlock: log
      - flock: {file: log, mode: exclusive}
      - funlock: log
      - lock: guard
      - cond_wait: {cond: ready, mutex: guard}
      - unlock: guard
      - set: go
)";

// A scene of `scenario` and a snapshot of it with every process at its gate
// before op `op`, every object empty.
struct Handmade {
  ipclab::Scenario scenario;
  std::vector<ipclab::WorkerIdentity> workers;
  ipclab::Snapshot snap;
  DiagramScene scene;

  explicit Handmade(ipclab::Scenario s) : scenario(std::move(s)) {
    workers = ipclab::enumerate_workers(scenario);
    scene.setScenario(scenario, workers);
    for (const ipclab::WorkerIdentity& id : workers) {
      ipclab::WorkerStatus w;
      w.id = id;
      w.pid = 1000 + id.index;
      w.state = ipclab::WorkerState::at_gate;
      w.op_count = static_cast<int>(ipclab::make_plan(scenario, workers, id.index).size());
      snap.workers.push_back(w);
    }
    for (const ipclab::ObjectSpec& spec : scenario.objects) {
      ipclab::ObjectStatus o;
      o.spec = &spec;
      o.mechanism = spec.mechanism;
      snap.objects.push_back(o);
    }
  }
  void block(int w, int obj, int op) {
    snap.workers[static_cast<size_t>(w)].state = ipclab::WorkerState::blocked;
    snap.workers[static_cast<size_t>(w)].blocked_obj = obj;
    snap.workers[static_cast<size_t>(w)].op = op;
    snap.objects[static_cast<size_t>(obj)].waiters.push_back(w);
  }
  void hold(int w, int obj, int op) {
    snap.workers[static_cast<size_t>(w)].op = op;
    snap.objects[static_cast<size_t>(obj)].holders.push_back(w);
  }
  QString text(int obj) const { return scene.objectNode(obj)->text(); }
};

ipclab::Scenario load(const std::string& yaml) {
  ipclab::LoadResult r = ipclab::load_scenario_text(yaml, "test.yaml");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().to_string());
  return *r.scenario;
}

class SyncDiagramTest : public GuiTest {};

TEST_F(SyncDiagramTest, TheDiningPhilosophersCycleIsDrawnExactly) {
  ipclab::Session* session = open(QStringLiteral("dining-philosophers"));
  ASSERT_NE(session, nullptr);
  const int n = static_cast<int>(session->workers().size());
  ASSERT_EQ(n, 5);
  // One step each (the left forks), then one more each (the right ones).
  for (int round = 0; round < 2; ++round) {
    for (int w = 0; w < n; ++w) controller()->step(w);
    ASSERT_TRUE(session->wait_settled(10s));
  }
  ipclab::Snapshot snap;
  ASSERT_TRUE(pumpUntil([&] {
    controller()->deliverNow();
    snap = session->snapshot();
    return !snap.deadlock_cycle.empty() &&
           window_->diagram()->diagram()->deadlockBanner()->isVisible();
  }));
  const DiagramScene* scene = window_->diagram()->diagram();
  ASSERT_EQ(snap.deadlock_cycle.size(), 5u);
  std::set<std::pair<int, int>> waits, holds;
  for (const ipclab::WaitLink& l : snap.deadlock_cycle) {
    waits.insert({l.waiter, l.obj});
    holds.insert({l.holder, l.obj});
  }
  for (int w = 0; w < n; ++w) {
    EXPECT_TRUE(scene->processNode(w)->state().deadlocked) << w;
    EXPECT_TRUE(scene->processNode(w)->markers().contains(QStringLiteral("deadlocked"))) << w;
    for (int obj = 0; obj < scene->objectCount(); ++obj) {
      const EdgeItem* e = scene->edge(w, obj);
      if (!e) continue;
      const Cycle want = waits.count({w, obj})   ? Cycle::Waits
                         : holds.count({w, obj}) ? Cycle::Holds
                                                 : Cycle::None;
      EXPECT_EQ(e->cycle(), want) << "philosopher " << w << " fork " << obj;
    }
  }
  const DeadlockBanner* banner = scene->deadlockBanner();
  EXPECT_EQ(banner->cycle().size(), 5u);
  for (const ipclab::WaitLink& l : snap.deadlock_cycle)
    EXPECT_TRUE(banner->text().contains(
        QString::fromStdString(snap.objects[static_cast<size_t>(l.obj)].spec->name)));
  EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Deadlock")));
  // The banner sits above the diagram, inside the scene.
  EXPECT_TRUE(scene->sceneRect().contains(banner->sceneBoundingRect().adjusted(2, 2, -2, -2)));
  for (int w = 0; w < n; ++w)
    EXPECT_LT(banner->sceneBoundingRect().bottom(),
              scene->processNode(w)->sceneBoundingRect().top());
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_TRUE(banner->text().startsWith(QStringLiteral("死锁"))) << banner->text().toStdString();
  window_->setLanguage(QStringLiteral("en"));
  shoot("dining-philosophers-deadlock");
  closeWindow();
}

TEST_F(SyncDiagramTest, OnlyTheProcessesOfTheCycleAreMarked) {
  Handmade h(load(R"(ipclab: 1
id: two-locks
title: {en: "Two locks", zh: "两把锁"}
category: synchronization
summary: {en: "Two locks.", zh: "两把锁。"}
objects:
  - {name: a, kind: mutex}
  - {name: b, kind: mutex}
processes:
  - name: p
    count: 4
    steps: [{lock: a}, {lock: b}, {unlock: b}, {unlock: a}]
)"));
  // p#1 holds a and waits for b; p#2 holds b and waits for a (a cycle of
  // two); p#3 waits for a too, outside the cycle; p#4 waits at its gate.
  h.hold(0, 0, 1);
  h.block(0, 1, 1);
  h.hold(1, 1, 1);
  h.block(1, 0, 1);
  h.block(2, 0, 0);
  h.snap.deadlock = "p#1 waits for b held by p#2, which waits for a held by p#1";
  h.snap.deadlock_cycle = {{0, 1, 1}, {1, 0, 0}};
  h.scene.applySnapshot(h.snap);
  EXPECT_TRUE(h.scene.processNode(0)->state().deadlocked);
  EXPECT_TRUE(h.scene.processNode(1)->state().deadlocked);
  for (int w = 2; w < 4; ++w) {
    EXPECT_FALSE(h.scene.processNode(w)->state().deadlocked) << w;
    EXPECT_TRUE(h.scene.processNode(w)->markers().isEmpty()) << w;
  }
  EXPECT_EQ(h.scene.edge(0, 1)->cycle(), Cycle::Waits);
  EXPECT_EQ(h.scene.edge(1, 1)->cycle(), Cycle::Holds);
  EXPECT_EQ(h.scene.edge(1, 0)->cycle(), Cycle::Waits);
  EXPECT_EQ(h.scene.edge(0, 0)->cycle(), Cycle::Holds);
  EXPECT_EQ(h.scene.edge(2, 0)->cycle(), Cycle::None);
  EXPECT_TRUE(h.scene.edge(2, 0)->isBlocked());
  EXPECT_EQ(h.scene.edge(2, 1)->cycle(), Cycle::None);
  EXPECT_EQ(h.scene.edge(3, 0)->cycle(), Cycle::None);
  EXPECT_TRUE(h.scene.deadlockBanner()->isVisible());
  EXPECT_FALSE(h.scene.deadlockBanner()->text().contains(QStringLiteral("p#3")));
  EXPECT_FALSE(h.scene.deadlockBanner()->text().contains(QStringLiteral("p#4")));
  // The cycle gone, nothing stays marked.
  h.snap.deadlock.reset();
  h.snap.deadlock_cycle.clear();
  h.scene.applySnapshot(h.snap);
  EXPECT_FALSE(h.scene.deadlockBanner()->isVisible());
  EXPECT_FALSE(h.scene.processNode(0)->state().deadlocked);
  EXPECT_EQ(h.scene.edge(0, 1)->cycle(), Cycle::None);
}

TEST_F(SyncDiagramTest, SyncNodesSayWhatTheSnapshotSays) {
  Handmade h(load(kSyncYaml));
  enum { rw, gate, go, log, guard, ready };
  // Two readers inside the rwlock, a writer waiting for it.
  h.hold(0, rw, 1);
  h.hold(1, rw, 1);
  h.block(2, rw, 2);
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.text(rw), QStringLiteral("rw: 2 readers inside, inside: p#1 (read), p#2 (read), "
                                       "waiting: p#3 (write)"));
  // The writer inside, the readers waiting.
  for (auto& o : h.snap.objects) o.holders.clear(), o.waiters.clear();
  h.hold(2, rw, 3);
  h.block(0, rw, 0);
  h.block(1, rw, 0);
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.text(rw), QStringLiteral("rw: a writer inside: everyone else waits, inside: p#3 "
                                       "(write), waiting: p#1 (read), p#2 (read)"));
  // Two of three at the barrier.
  for (auto& o : h.snap.objects) o.holders.clear(), o.waiters.clear();
  h.block(0, gate, 4);
  h.block(1, gate, 4);
  h.snap.workers[2].state = ipclab::WorkerState::at_gate;
  h.snap.workers[2].op = 4;
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.text(gate), QStringLiteral("gate: 2 of 3 arrived, waiting: p#1, p#2"));
  // An event not set, with a waiter; then set.
  for (auto& o : h.snap.objects) o.holders.clear(), o.waiters.clear();
  h.block(0, go, 5);
  h.scene.applySnapshot(h.snap);
  EXPECT_TRUE(h.text(go).startsWith(QStringLiteral("go: not set"))) << h.text(go).toStdString();
  EXPECT_TRUE(h.text(go).endsWith(QStringLiteral("waiting: p#1")));
  h.snap.objects[go].waiters.clear();
  h.snap.objects[go].model_fill = 1;
  h.scene.applySnapshot(h.snap);
  EXPECT_TRUE(h.text(go).startsWith(QStringLiteral("go: set"))) << h.text(go).toStdString();
  // A shared file lock held, an exclusive one waiting; the kernel's note.
  for (auto& o : h.snap.objects) o.holders.clear(), o.waiters.clear();
  h.hold(0, log, 7);
  h.hold(1, log, 7);
  h.block(2, log, 8);
  h.snap.objects[log].kernel_note = "POSIX ADVISORY READ 0-EOF";
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.text(log), QStringLiteral("log: 2 shared locks, inside: p#1 (shared), p#2 (shared), "
                                        "waiting: p#3 (exclusive) (POSIX ADVISORY READ 0-EOF)"));
  // The condvar names its mutex; the mutex shows its holder from the holders.
  for (auto& o : h.snap.objects) o.holders.clear(), o.waiters.clear();
  h.block(0, ready, 11);
  h.hold(1, guard, 11);
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.text(ready), QStringLiteral("ready: pairs with mutex guard, waiting: p#1"));
  EXPECT_TRUE(h.text(guard).startsWith(QStringLiteral("guard: owner: p#2")))
      << h.text(guard).toStdString();
  // Its owner ended holding it.
  h.snap.workers[1].state = ipclab::WorkerState::killed;
  h.scene.applySnapshot(h.snap);
  EXPECT_TRUE(h.text(guard).contains(QStringLiteral("owner died"))) << h.text(guard).toStdString();
}

TEST_F(SyncDiagramTest, AProcessOvertakenThreeTimesIsStarving) {
  Handmade h(load(kSyncYaml));
  h.hold(0, 0, 1);
  h.block(2, 0, 2);
  h.snap.workers[2].overtaken = 2;
  h.scene.applySnapshot(h.snap);
  EXPECT_TRUE(h.scene.processNode(2)->markers().isEmpty());
  h.snap.workers[2].overtaken = 3;
  h.scene.applySnapshot(h.snap);
  EXPECT_EQ(h.scene.processNode(2)->markers(), QStringList{QStringLiteral("starving")});
  EXPECT_TRUE(h.scene.processNode(2)->toolTip().contains(QStringLiteral("rw 3 times")))
      << h.scene.processNode(2)->toolTip().toStdString();
  EXPECT_TRUE(h.scene.processNode(0)->markers().isEmpty());
}

TEST_F(SyncDiagramTest, NewDetailsInChinese) {
  auto ev = [](ipclab::EventKind k, const std::string& d) {
    ipclab::Event e;
    e.ev = k;
    e.detail = d;
    return e;
  };
  const ipclab::Event cycle =
      ev(ipclab::EventKind::deadlock,
         "philosopher#1 waits for fork2 held by philosopher#2, which waits for fork3 held by "
         "philosopher#3, which waits for fork1 held by philosopher#1");
  const ipclab::Event lost = ev(ipclab::EventKind::race,
                                "lost update: loaded 0, but the cell held 1 when this process "
                                "stored 1 over it");
  const ipclab::Event toll = ev(ipclab::EventKind::race,
                                "counter[0] ended at 3, but the updates made add up to 6: 3 lost");
  const ipclab::Event starving = ev(ipclab::EventKind::value,
                                    "starving: writer#1 has waited on rw while others got it 3 "
                                    "times");
  // English: core's sentences as they are.
  EXPECT_TRUE(EventDetailText::words(cycle, nullptr).isNull());
  for (const ipclab::Event* e : {&lost, &toll, &starving}) {
    const QString w = EventDetailText::words(*e, nullptr);
    EXPECT_TRUE(w.isNull() || w.toStdString() == e->detail) << e->detail;
  }
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(EventDetailText::words(cycle, nullptr),
            QStringLiteral("philosopher#1 等待 philosopher#2 持有的 fork2，philosopher#2 又等待 "
                           "philosopher#3 持有的 fork3，philosopher#3 又等待 philosopher#1 "
                           "持有的 fork1"));
  EXPECT_EQ(EventDetailText::words(lost, nullptr),
            QStringLiteral("更新丢失：本进程读到的是 0，但它写回 1 时，该单元已是 1，"
                           "别人的更新被覆盖了"));
  EXPECT_EQ(EventDetailText::words(toll, nullptr),
            QStringLiteral("counter[0] 最终为 3，而各次更新加起来应为 6：丢失了 3 次更新"));
  EXPECT_EQ(EventDetailText::words(starving, nullptr),
            QStringLiteral("饥饿：writer#1 一直在等待 rw，其间别人已经 3 次先得到了它"));
  // Not core's words: left as they are.
  EXPECT_TRUE(EventDetailText::words(ev(ipclab::EventKind::deadlock,
                                        "philosopher#1 waits for fork2 held by philosopher#2, "
                                        "and so on"),
                                     nullptr)
                  .isNull());
  window_->setLanguage(QStringLiteral("en"));
}

}  // namespace
}  // namespace guitest
