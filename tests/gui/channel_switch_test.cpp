// Live switching of a channel's mechanism from the window, over real
// sessions, through the same actions the diagram's control and Session >
// Switch Channel trigger: producer-consumer's `buffer` goes from pipe to
// posix_mq and then to tcp while messages are in flight. The node redraws
// as the new kind with the core's fill and the same message numbers in it,
// the processes keep their pids, the panels follow (object table, Kernel
// panel, the C calls of the Code panel, the event log's `switch` line) and
// the consumer still gets every item in order. A switch the new mechanism
// cannot hold is refused with core's reason in the message bar, in English
// and in Chinese, and changes nothing; so is a lesson's `switch:` core
// refused, in the lesson panel.
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <chrono>

#include "channel_switch_menu.h"
#include "diagram/channel_node.h"
#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "lesson_check_text.h"
#include "message_bar.h"
#include "object_table_model.h"
#include "panels/code_panel.h"
#include "panels/kernel_panel.h"
#include "panels/lesson_panel.h"
#include "panels/panel_docks.h"
#include "panels/plan_model.h"
#include "session_controller.h"
#include "switch_text.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_panel.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;
using ipclab::ObjectKind;

constexpr const char* kSmallQueue = R"(ipclab: 1
id: small-queue
title: {en: "A queue too small", zh: "太小的队列"}
category: message-passing
summary: {en: "x", zh: "x"}
objects:
  - {name: buffer, kind: channel, mechanism: pipe, capacity: 2, alternatives: [posix_mq]}
processes:
  - name: writer
    steps: [{repeat: {times: 5, steps: [{send: {to: buffer, data: "x{i}"}}]}}]
  - name: reader
    steps: [{repeat: {times: 5, steps: [{recv: {from: buffer, max: 2}}]}}]
)";

class ChannelSwitchTest : public GuiTest {
 protected:
  void SetUp() override {
    GuiTest::SetUp();
    QObject::connect(controller(), &SessionController::eventsAvailable, window_.get(),
                     [this](const std::vector<ipclab::Event>& batch) {
                       events_.insert(events_.end(), batch.begin(), batch.end());
                     });
  }

  void stepProcess(ipclab::Session* session, const std::string& name, int times) {
    const int worker = session->worker_index(name);
    for (int i = 0; i < times; ++i) {
      controller()->step(worker);
      ASSERT_TRUE(session->wait_settled(10s)) << name << " step " << i;
    }
    controller()->deliverNow();
  }

  ChannelNode* channel(int obj) const {
    return dynamic_cast<ChannelNode*>(window_->diagram()->diagram()->objectNode(obj));
  }

  std::vector<int64_t> seqsOnNode(int obj) const {
    std::vector<int64_t> out;
    for (const InFlightMessage& m : channel(obj)->deliveryOrder()) out.push_back(m.seq);
    return out;
  }

  int switchEvents() const {
    int n = 0;
    for (const ipclab::Event& e : events_) n += e.ev == ipclab::EventKind::switch_;
    return n;
  }

  // Through the menu's action, as a click in the diagram's control or in
  // Session > Switch Channel does; waits for the outcome and its event.
  void switchTo(int obj, ObjectKind to, bool expectDone = true) {
    QAction* action = window_->switchMenu()->action(obj, to);
    ASSERT_NE(action, nullptr);
    ASSERT_TRUE(action->isEnabled());
    const int before = switchEvents();
    action->trigger();
    ASSERT_TRUE(pumpUntil([&] { return !controller()->isSwitching(); }));
    if (!expectDone) return;
    ASSERT_TRUE(pumpUntil([&] {
      return switchEvents() > before && window_->diagram()->diagram()->mechanism(obj) == to;
    }));
    controller()->deliverNow();
  }

  QStringList logRows(const QString& kind) const {
    window_->findChild<QDockWidget*>(QStringLiteral("eventLogDock"))->raise();
    QCoreApplication::processEvents();
    const EventLogModel* m = window_->eventLog()->model();
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
      if (m->index(r, EventLogModel::Kind).data().toString() == kind)
        out << m->index(r, EventLogModel::Detail).data().toString();
    return out;
  }

  // The diagram, the object table and the Kernel panel say what the core says.
  void expectShowsMechanism(ipclab::Session* session, int obj, ObjectKind kind,
                            const std::string& where) {
    const ipclab::Snapshot snap = session->snapshot();
    const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    ASSERT_EQ(o.mechanism, kind) << where;
    const ObjectView& view = channel(obj)->view();
    EXPECT_EQ(view.mechanism, kind) << where;
    EXPECT_EQ(view.fill, o.model_fill) << where;
    EXPECT_EQ(view.unit.toStdString(), o.unit) << where;
    EXPECT_EQ(ChannelNode::keepsBoundaries(view.mechanism), o.unit == "messages") << where;
    EXPECT_TRUE(objectCell(obj, ObjectTableModel::Mechanism)
                    .toString()
                    .endsWith(SwitchText::mechanismName(kind) +
                              (window_->language() == QLatin1String("en") ? QString()
                                                                          : QStringLiteral("）"))))
        << where;
    EXPECT_EQ(window_->switchMenu()->current(obj), kind) << where;
    EXPECT_TRUE(window_->switchMenu()->action(obj, kind)->isChecked()) << where;
  }

  // The C call of the producer's first send, as the Code panel shows it.
  QString firstSendCall(ipclab::Session* session) const {
    const int producer = session->worker_index("producer");
    const PlanModel* plan = window_->panels()->code()->plan(producer);
    const auto& ops = session->plan(producer);
    for (size_t i = 0; i < ops.size(); ++i)
      if (ops[i].kind == ipclab::OpKind::send)
        return plan->index(static_cast<int>(i), PlanModel::CCall).data().toString();
    return QString();
  }

  std::vector<ipclab::Event> events_;
  QTemporaryDir dir_;
};

TEST_F(ChannelSwitchTest, BufferSwitchesToPosixMqThenTcpKeepingMessagesPidsAndOrder) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int buffer = session->scenario().object_index("buffer");
  ASSERT_GE(buffer, 0);
  ASSERT_NE(window_->switchMenu()->menuFor(buffer), nullptr);
  EXPECT_FALSE(channel(buffer)->switchControlRect().isEmpty());  // the control is on the node
  EXPECT_EQ(window_->switchMenu()->menuFor(buffer)->actions().size(),
            static_cast<qsizetype>(session->scenario().objects[buffer].runs_on.size()));
  EXPECT_TRUE(firstSendCall(session).startsWith(QLatin1String("write(")));

  // Three items in the pipe, then the consumer takes the first one.
  stepProcess(session, "producer", 15);
  stepProcess(session, "consumer", 3);
  expectShowsMechanism(session, buffer, ObjectKind::pipe, "before");
  const std::vector<int64_t> inFlight = seqsOnNode(buffer);
  EXPECT_EQ(inFlight, (std::vector<int64_t>{2, 3}));
  std::vector<pid_t> pids;
  for (const ipclab::WorkerStatus& w : session->snapshot().workers) pids.push_back(w.pid);

  switchTo(buffer, ObjectKind::posix_mq);
  expectShowsMechanism(session, buffer, ObjectKind::posix_mq, "posix_mq");
  EXPECT_EQ(seqsOnNode(buffer), inFlight);  // carried over, not vanished
  EXPECT_EQ(channel(buffer)->view().capacity, 8);
  EXPECT_GT(channel(buffer)->switchHighlight(), 0.0);  // outlined for a moment
  EXPECT_TRUE(firstSendCall(session).startsWith(QLatin1String("mq_send(")));
  EXPECT_EQ(window_->panels()->kernel()->objectText(buffer, KernelPanel::OAskedBy),
            QStringLiteral("mq_getattr"));
  const QStringList switches = logRows(QStringLiteral("switch"));
  ASSERT_EQ(switches.size(), 1);
  EXPECT_TRUE(
      switches[0].startsWith(QLatin1String("pipe -> posix_mq: 2 messages in flight "
                                           "carried over (12 bytes) in ")))
      << switches[0].toStdString();
  EXPECT_TRUE(window_->messageBar()->text().contains(QLatin1String("now runs on posix_mq")));

  // One more item goes in and one comes out over the queue, then on to tcp.
  stepProcess(session, "consumer", 2);  // unlock(guard), post(empty)
  stepProcess(session, "producer", 5);  // item 4
  stepProcess(session, "consumer", 3);  // receives item 2
  const std::vector<int64_t> beforeTcp = seqsOnNode(buffer);
  EXPECT_EQ(beforeTcp, (std::vector<int64_t>{3, 4}));
  switchTo(buffer, ObjectKind::tcp);
  expectShowsMechanism(session, buffer, ObjectKind::tcp, "tcp");
  EXPECT_EQ(seqsOnNode(buffer), beforeTcp);
  EXPECT_TRUE(firstSendCall(session).startsWith(QLatin1String("send(")));
  EXPECT_EQ(logRows(QStringLiteral("switch")).size(), 2);

  // The processes are the same ones, and the consumer gets every item in order.
  for (size_t i = 0; i < pids.size(); ++i) {
    EXPECT_EQ(session->snapshot().workers[i].pid, pids[i]);
    EXPECT_EQ(window_->diagram()->processPid(static_cast<int>(i)), pids[i]);
  }
  for (int steps = 0; steps < 200; ++steps) {
    const ipclab::Snapshot snap = session->snapshot();
    if (allGone(snap) || !anyAtGate(snap)) break;
    controller()->stepAll();
    ASSERT_TRUE(session->wait_settled(10s));
    controller()->deliverNow();
  }
  ASSERT_TRUE(pumpUntil([&] { return allGone(session->snapshot()); }));
  controller()->deliverNow();
  const int consumer = session->worker_index("consumer");
  std::vector<int64_t> seqs;
  std::vector<std::string> items;
  for (const ipclab::Event& e : events_)
    if (e.ev == ipclab::EventKind::recv && e.worker == consumer) {
      seqs.push_back(e.msg);
      items.push_back(e.data);
    }
  EXPECT_EQ(seqs, (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(items,
            (std::vector<std::string>{"item 1", "item 2", "item 3", "item 4", "item 5", "item 6"}));
  EXPECT_TRUE(seqsOnNode(buffer).empty());
  EXPECT_EQ(channel(buffer)->view().fill, 0);
}

TEST_F(ChannelSwitchTest, TheControlOnTheNodeOpensTheChoicesAndASwitchWorksWhileRunning) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int buffer = session->scenario().object_index("buffer");
  controller()->deliverNow();
  // A click on the control opens the channel's menu, the current mechanism checked.
  DiagramView* view = window_->diagram();
  ChannelNode* node = channel(buffer);
  const QPoint at = view->mapFromScene(node->mapToScene(node->switchControlRect().center()));
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  QMenu* menu = window_->switchMenu()->menuFor(buffer);
  ASSERT_TRUE(pumpUntil([&] { return menu->isVisible(); }));
  EXPECT_TRUE(window_->switchMenu()->action(buffer, ObjectKind::pipe)->isChecked());
  menu->hide();

  // While the processes run freely: the switch happens under them.
  std::vector<pid_t> pids;
  for (const ipclab::WorkerStatus& w : session->snapshot().workers) pids.push_back(w.pid);
  const int consumer = session->worker_index("consumer");
  auto received = [&] {
    int n = 0;
    for (const ipclab::Event& e : events_)
      n += e.ev == ipclab::EventKind::recv && e.worker == consumer;
    return n;
  };
  controller()->run(40);
  ASSERT_TRUE(pumpUntil([&] { return received() >= 2; }));
  switchTo(buffer, ObjectKind::unix_stream);
  ASSERT_TRUE(pumpUntil([&] { return allGone(session->snapshot()); }));
  controller()->deliverNow();
  EXPECT_EQ(session->snapshot().objects[static_cast<size_t>(buffer)].mechanism,
            ObjectKind::unix_stream);
  EXPECT_EQ(channel(buffer)->view().mechanism, ObjectKind::unix_stream);
  std::vector<int64_t> seqs;
  for (const ipclab::Event& e : events_)
    if (e.ev == ipclab::EventKind::recv && e.worker == consumer) seqs.push_back(e.msg);
  EXPECT_EQ(seqs, (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
  for (size_t i = 0; i < pids.size(); ++i) EXPECT_EQ(session->snapshot().workers[i].pid, pids[i]);
}

TEST_F(ChannelSwitchTest, TheChannelSwitchLessonsSwitchesShowInTheDiagramAndTheLog) {
  ipclab::Session* session = open(QStringLiteral("channel-switch"));
  ASSERT_NE(session, nullptr);
  const int buffer = session->scenario().object_index("buffer");
  LessonPanel* lesson = window_->panels()->lesson();
  ASSERT_TRUE(pumpUntil([&] { return lesson->reachedStep() == 0; }));
  std::vector<ObjectKind> seen;
  for (int i = 1; i < lesson->stepCount(); ++i) {
    lesson->nextButton()->click();
    ASSERT_TRUE(pumpUntil([&] { return !lesson->inFlight() && lesson->reachedStep() >= i; }));
    controller()->deliverNow();
    EXPECT_EQ(lesson->failedChecks(), 0)
        << "step " << i + 1 << ": " << lesson->checkLines().join(QLatin1Char('\n')).toStdString();
    const ObjectKind now = session->snapshot().objects[static_cast<size_t>(buffer)].mechanism;
    ASSERT_TRUE(pumpUntil([&] { return window_->diagram()->diagram()->mechanism(buffer) == now; }));
    EXPECT_EQ(channel(buffer)->view().mechanism, now) << "step " << i + 1;
    if (seen.empty() || seen.back() != now) seen.push_back(now);
    if (now == ObjectKind::posix_mq && seqsOnNode(buffer).size() == 2) {
      EXPECT_EQ(seqsOnNode(buffer), (std::vector<int64_t>{1, 2}));  // the pipe's two sends
      EXPECT_EQ(channel(buffer)->view().fill, 2);
    }
  }
  EXPECT_EQ(seen, (std::vector<ObjectKind>{ObjectKind::pipe, ObjectKind::posix_mq, ObjectKind::tcp,
                                           ObjectKind::shm_ring}));
  EXPECT_EQ(logRows(QStringLiteral("switch")).size(), 3);
  // The consumer asleep in the queue was woken for the switch to TCP.
  const QStringList unblocks = logRows(QStringLiteral("unblock"));
  EXPECT_TRUE(std::any_of(unblocks.begin(), unblocks.end(), [](const QString& d) {
    return d.startsWith(QLatin1String("the channel is switching mechanism"));
  })) << unblocks.join(QLatin1Char('\n')).toStdString();
  EXPECT_EQ(window_->timeline()->model().switches().size(), 3u);
}

TEST_F(ChannelSwitchTest, ARefusedSwitchShowsItsReasonAndChangesNothing) {
  const QString path = dir_.filePath(QStringLiteral("small-queue.yaml"));
  {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kSmallQueue);
  }
  ipclab::Session* session = open(path);
  ASSERT_NE(session, nullptr);
  const int buffer = session->scenario().object_index("buffer");
  const int writer = session->worker_index("writer");
  for (int i = 0; i < 5; ++i) {
    controller()->step(writer);
    ASSERT_TRUE(session->wait_settled(10s));
  }
  controller()->deliverNow();
  const std::vector<int64_t> inFlight = seqsOnNode(buffer);
  ASSERT_EQ(inFlight.size(), 5u);

  switchTo(buffer, ObjectKind::posix_mq, false);
  EXPECT_EQ(window_->messageBar()->level(), MessageBar::Level::Warning);
  EXPECT_EQ(window_->messageBar()->text(),
            QStringLiteral("“buffer” cannot switch to posix_mq: the posix_mq cannot hold the 5 "
                           "messages in flight (it holds 2); 'buffer' stays a pipe"));
  controller()->deliverNow();
  expectShowsMechanism(session, buffer, ObjectKind::pipe, "refused");
  EXPECT_EQ(seqsOnNode(buffer), inFlight);
  EXPECT_EQ(channel(buffer)->switchHighlight(), 0.0);
  EXPECT_EQ(switchEvents(), 0);

  // The same refusal in Chinese, worded from its numbers.
  window_->setLanguage(QStringLiteral("zh_CN"));
  switchTo(buffer, ObjectKind::posix_mq, false);
  EXPECT_EQ(
      window_->messageBar()->text(),
      QStringLiteral("“buffer”无法切换到 posix_mq：posix_mq 装不下在途的 5 条消息（它最多容纳 "
                     "2 条）；“buffer”仍是 pipe"));
  // A sentence in a form the GUI does not know stays core's English.
  EXPECT_TRUE(SwitchText::reason("the moon is in the way").isNull());
  EXPECT_EQ(
      SwitchText::refusal(QStringLiteral("buffer"), ObjectKind::tcp, "the moon is in the way"),
      QStringLiteral("“buffer”无法切换到 tcp：the moon is in the way"));
  expectShowsMechanism(session, buffer, ObjectKind::pipe, "refused twice");
}

TEST_F(ChannelSwitchTest, SwitchDetailIsCoresSentenceInEnglishAndSaidAgainInChinese) {
  ipclab::Event e;
  e.ev = ipclab::EventKind::switch_;
  e.data = "posix_mq";
  e.value = 3;
  e.bytes = 21;
  e.detail = "pipe -> posix_mq: 3 messages in flight carried over (21 bytes) in 2.1 ms";
  EXPECT_EQ(SwitchText::eventDetail(e).toStdString(), e.detail);
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(SwitchText::eventDetail(e),
            QStringLiteral("pipe → posix_mq：3 条在途消息已转移（共 21 字节），用时 2.1 毫秒"));
  e.value = 4;  // the sentence does not hold the event's data: keep core's
  EXPECT_TRUE(SwitchText::eventDetail(e).isNull());

  // A lesson's `switch:` that core refused, in the lesson panel's words.
  ipclab::StepProblem p;
  p.kind = ipclab::StepProblem::Kind::not_switched;
  p.process = "buffer";
  p.sentence =
      "could not switch buffer to posix_mq: the posix_mq cannot hold the 9 messages in flight "
      "(it holds 8); 'buffer' stays a pipe";
  EXPECT_EQ(
      LessonCheckText::problem(p),
      QStringLiteral("“buffer”无法切换到 posix_mq：posix_mq 装不下在途的 9 条消息（它最多容纳 "
                     "8 条）；“buffer”仍是 pipe"));
  p.sentence = "could not switch buffer somehow";
  EXPECT_EQ(LessonCheckText::problem(p).toStdString(), p.sentence);
}

}  // namespace
}  // namespace guitest
