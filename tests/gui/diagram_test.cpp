// The diagram over real sessions: every bundled lesson stepped to its end
// with each node checked against Session::snapshot (a blocked process says
// "blocked on X" and its edge is drawn blocked, a semaphore shows its count,
// a mutex its owner, a pipe its fill in bytes, shared memory its cells), the
// messages of a queue in the order the kernel hands them out, and message
// tokens that travel only when animations are on.
#include <QAction>
#include <chrono>

#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "gui_fixture.h"
#include "lesson_catalog.h"
#include "session_controller.h"
#include "state_style.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

class DiagramTest : public GuiTest {
 protected:
  DiagramView* diagram() const { return window_->diagram(); }

  void stepAllAndSettle(ipclab::Session* session, const std::string& where) {
    controller()->stepAll();
    ASSERT_TRUE(session->wait_settled(10s)) << where;
    controller()->deliverNow();
  }

  // The diagram shows the snapshot of the controller's last frame, and
  // kernel states and exits trail the events a moment: deliver again, on
  // activity, until a fresh snapshot's states are the ones drawn (or 5 s).
  ipclab::Snapshot deliveredSnapshot(ipclab::Session* session) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    for (;;) {
      controller()->deliverNow();
      ipclab::Snapshot snap = session->snapshot();
      bool agree = true;
      for (size_t i = 0; i < snap.workers.size(); ++i)
        agree = agree && diagram()
                             ->processStateText(static_cast<int>(i))
                             .startsWith(StateStyle::stateWord(snap.workers[i].state));
      if (agree || std::chrono::steady_clock::now() > deadline) return snap;
      session->wait_for_activity(20ms);
    }
  }

  void expectDiagramMatches(const ipclab::Snapshot& snap, const std::string& where) {
    const DiagramView* d = diagram();
    for (size_t i = 0; i < snap.workers.size(); ++i) {
      const int w = static_cast<int>(i);
      const ipclab::WorkerStatus& s = snap.workers[i];
      const std::string who = where + " " + s.id.name;
      EXPECT_EQ(d->processPid(w), s.pid) << who;
      const QString state = d->processStateText(w);
      EXPECT_TRUE(state.startsWith(StateStyle::stateWord(s.state)))
          << who << ": " << state.toStdString();
      if (s.state == ipclab::WorkerState::blocked) {
        EXPECT_TRUE(state.startsWith(QLatin1String("blocked"))) << who;
        if (s.blocked_obj >= 0) {
          const std::string& obj = snap.objects[static_cast<size_t>(s.blocked_obj)].spec->name;
          EXPECT_EQ(state, QStringLiteral("blocked on %1").arg(q(obj))) << who;
          EXPECT_TRUE(d->edgeBlocked(w, s.blocked_obj)) << who << " edge to " << obj;
        }
      } else {
        for (size_t o = 0; o < snap.objects.size(); ++o) {
          EXPECT_FALSE(d->edgeBlocked(w, static_cast<int>(o))) << who;
        }
      }
      if (s.state == ipclab::WorkerState::exited) {
        EXPECT_TRUE(state.startsWith(QLatin1String("finished"))) << who;
      }
      if (!s.op_label.empty()) {
        EXPECT_EQ(d->processActionText(w), q(s.op_label)) << who;
      }
    }
    for (size_t i = 0; i < snap.objects.size(); ++i) {
      const ipclab::ObjectStatus& o = snap.objects[i];
      const QString name = q(o.spec->name);
      const QString text = d->objectText(static_cast<int>(i));
      const std::string what = where + " " + o.spec->name + ": " + text.toStdString();
      // An open lesson question hides this value ("?") until it is answered.
      if (d->diagram()->hiddenObjects().contains(name)) continue;
      switch (o.spec->mechanism) {
        case ipclab::ObjectKind::semaphore:
          EXPECT_TRUE(text.startsWith(QStringLiteral("%1: count %2").arg(name).arg(o.model_fill)))
              << what;
          for (int waiter : o.waiters)
            EXPECT_TRUE(text.contains(q(snap.workers[static_cast<size_t>(waiter)].id.name)))
                << what;
          break;
        case ipclab::ObjectKind::mutex: {
          const QString owner = o.owner >= 0 ? q(snap.workers[static_cast<size_t>(o.owner)].id.name)
                                             : QStringLiteral("free");
          EXPECT_TRUE(text.startsWith(QStringLiteral("%1: owner: %2").arg(name, owner))) << what;
          break;
        }
        case ipclab::ObjectKind::pipe:
        case ipclab::ObjectKind::fifo: {
          const QString fill = o.model_fill == 1 ? QStringLiteral("1 byte")
                                                 : QStringLiteral("%1 bytes").arg(o.model_fill);
          EXPECT_TRUE(text.startsWith(QStringLiteral("%1: %2").arg(name, fill))) << what;
          break;
        }
        case ipclab::ObjectKind::posix_mq: {
          const QString fill = o.model_fill == 1 ? QStringLiteral("1 message")
                                                 : QStringLiteral("%1 messages").arg(o.model_fill);
          EXPECT_TRUE(text.startsWith(QStringLiteral("%1: %2").arg(name, fill))) << what;
          EXPECT_EQ(text.count(QLatin1Char('#')), o.model_fill) << what;
          break;
        }
        case ipclab::ObjectKind::shared_memory:
          for (size_t c = 0; c < o.cells.size(); ++c)
            EXPECT_TRUE(text.contains(QStringLiteral("[%1] %2").arg(c).arg(o.cells[c]))) << what;
          break;
        default:
          break;
      }
    }
  }
};

TEST_F(DiagramTest, EveryBundledLessonStepsToItsEndWithTheDiagramMatchingTheCore) {
  ASSERT_FALSE(LessonCatalog::lessons().empty());
  for (const LessonInfo& lesson : LessonCatalog::lessons()) {
    const std::string id = lesson.id.toStdString();
    ipclab::Session* session = open(lesson.id);
    ASSERT_NE(session, nullptr) << id;
    expectDiagramMatches(deliveredSnapshot(session), id + " at start");
    int steps = 0;
    for (; steps < 500; ++steps) {
      const ipclab::Snapshot before = session->snapshot();
      if (allGone(before) || before.deadlock || !anyAtGate(before)) break;
      stepAllAndSettle(session, id + " step " + std::to_string(steps + 1));
      expectDiagramMatches(deliveredSnapshot(session),
                           id + " after step " + std::to_string(steps + 1));
    }
    EXPECT_LT(steps, 500) << id << " never ended";
    shoot(("diagram-" + id).c_str());
  }
}

TEST_F(DiagramTest, BlockedConsumerShowsBlockedOnFullAndWaitsInTheSemaphore) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int consumer = session->worker_index("consumer");
  controller()->step(consumer);  // wait(full) with full = 0: blocks
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  const ipclab::Snapshot snap = session->snapshot();
  ASSERT_EQ(snap.workers[static_cast<size_t>(consumer)].state, ipclab::WorkerState::blocked);
  EXPECT_EQ(diagram()->processStateText(consumer), QStringLiteral("blocked on full"));
  int full = -1;
  for (size_t i = 0; i < snap.objects.size(); ++i)
    if (snap.objects[i].spec->name == "full") full = static_cast<int>(i);
  ASSERT_GE(full, 0);
  EXPECT_TRUE(diagram()->edgeBlocked(consumer, full));
  EXPECT_EQ(diagram()->objectText(full),
            QStringLiteral("full: count 0, waiting: consumer (kernel: 0)"));
  expectDiagramMatches(snap, "consumer blocked");
}

TEST_F(DiagramTest, AQueueShowsItsMessagesInTheOrderTheKernelHandsThemOut) {
  ipclab::Session* session = open(QStringLiteral("posix-mq-priorities"));
  ASSERT_NE(session, nullptr);
  const int sender = session->worker_index("sender");
  for (int i = 0; i < 3; ++i) {
    controller()->step(sender);
    ASSERT_TRUE(session->wait_settled(10s));
  }
  controller()->deliverNow();
  const QString text = diagram()->objectText(0);
  // Priorities 1, 9, 5 were sent as #1, #2, #3: the kernel hands out 9, 5, 1.
  const auto at = [&](const char* seq) { return text.indexOf(QLatin1String(seq)); };
  ASSERT_GE(at("#1"), 0) << text.toStdString();
  EXPECT_LT(at("#2"), at("#3")) << text.toStdString();
  EXPECT_LT(at("#3"), at("#1")) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("“urgent: fire alarm” prio 9"))) << text.toStdString();
  expectDiagramMatches(session->snapshot(), "three messages queued");
  shoot("diagram-queue");
}

TEST_F(DiagramTest, ASendWhoseCallFailedLeavesNothingInThePipe) {
  // After the reader is gone, writer's write() kills it with SIGPIPE and
  // careful's fails with EPIPE: both sends were reported, neither was written.
  ipclab::Session* session = open(QStringLiteral("pipe-sigpipe"));
  ASSERT_NE(session, nullptr);
  for (int steps = 0; steps < 20; ++steps) {
    const ipclab::Snapshot snap = session->snapshot();
    if (allGone(snap) || !anyAtGate(snap)) break;
    stepAllAndSettle(session, "step " + std::to_string(steps + 1));
  }
  ASSERT_TRUE(pumpUntil([&] { return allGone(session->snapshot()); }));
  controller()->deliverNow();
  const int pipe = session->scenario().object_index("pipe");
  EXPECT_EQ(session->snapshot().objects[static_cast<size_t>(pipe)].model_fill, 0);
  EXPECT_EQ(diagram()->objectText(pipe), QStringLiteral("pipe: 0 bytes"));
}

TEST_F(DiagramTest, MessageTokensTravelOnlyWhenAnimationsAreOn) {
  ipclab::Session* session = open(QStringLiteral("pipe-basics"));
  ASSERT_NE(session, nullptr);
  const int writer = session->worker_index("writer");
  // Scripted windows start without animations, so screenshots show no token.
  EXPECT_FALSE(diagram()->animationsEnabled());
  controller()->step(writer);
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  EXPECT_TRUE(diagram()->tokensInFlight().isEmpty());

  diagram()->animationsAction()->trigger();
  ASSERT_TRUE(diagram()->animationsEnabled());
  controller()->step(writer);  // send "line 2": message #2 goes into the pipe
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  EXPECT_TRUE(diagram()->tokensInFlight().contains(QStringLiteral("#2")))
      << diagram()->tokensInFlight().join(QLatin1Char(' ')).toStdString();
  shoot("diagram-token");
  // The token is an overlay: the pipe already shows both messages.
  EXPECT_TRUE(diagram()->objectText(0).startsWith(QLatin1String("pipe: 12 bytes")))
      << diagram()->objectText(0).toStdString();
  // It lands within a fraction of a second, and switching off clears the rest.
  EXPECT_TRUE(pumpUntil([&] { return diagram()->tokensInFlight().isEmpty(); }, 2000));
  diagram()->animationsAction()->trigger();
  EXPECT_FALSE(diagram()->animationsEnabled());
}

}  // namespace
}  // namespace guitest
