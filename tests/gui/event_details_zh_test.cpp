// Core's English details in the Chinese window: an errno sentence, an
// interrupted wait, a process's exit, a signal's path, a lesson step that
// could not be granted are said again in Chinese from the event's data;
// in English they stay word for word core's; a detail core words in a way
// the GUI does not know stays as core wrote it. Over real sessions, the
// event log of pipe-sigpipe and signals-basics stepped to their ends in
// Chinese holds none of core's English phrases.
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "event_detail_text.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "lesson_check_text.h"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

// Core's words for an errno (session_pump.cpp).
std::string coreErrno(int err) {
  return std::string(strerrorname_np(err)) + " " + std::strerror(err);
}

ipclab::Event event(ipclab::EventKind kind, const std::string& detail) {
  ipclab::Event e;
  e.ev = kind;
  e.detail = detail;
  return e;
}

ipclab::Op opOf(ipclab::OpKind kind) {
  ipclab::Op op;
  op.kind = kind;
  return op;
}

class EventDetailsZhTest : public GuiTest {
 protected:
  QStringList details() const {
    window_->findChild<QDockWidget*>(QStringLiteral("eventLogDock"))->raise();
    QCoreApplication::processEvents();
    const EventLogModel* m = window_->eventLog()->model();
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
      out << m->index(r, EventLogModel::Detail).data().toString();
    return out;
  }
};

TEST_F(EventDetailsZhTest, SynchronizationDetailsAreSaidInChinese) {
  const ipclab::Op lock = opOf(ipclab::OpKind::file_lock);
  const ipclab::Event refused = event(
      ipclab::EventKind::error,
      "the kernel refused: waiting would close a lock cycle (deadlock): " + coreErrno(EDEADLK));
  const ipclab::Event owner_died =
      event(ipclab::EventKind::acquire,
            "EOWNERDEAD: the owner died holding it; call pthread_mutex_consistent");
  EXPECT_EQ(EventDetailText::words(refused, &lock).toStdString(), refused.detail);
  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(EventDetailText::words(refused, &lock),
            QStringLiteral(
                "内核拒绝了：若再等待就会形成加锁的环（死锁）：EDEADLK（避免了一次资源死锁）"));
  EXPECT_EQ(EventDetailText::words(owner_died, nullptr),
            QStringLiteral("EOWNERDEAD：持有者在持锁时死亡；请调用 pthread_mutex_consistent"));
  EXPECT_EQ(EventDetailText::words(event(ipclab::EventKind::acquire,
                                         "arrived last: the barrier opens "
                                         "(PTHREAD_BARRIER_SERIAL_THREAD)"),
                                   nullptr),
            QStringLiteral("最后一个到达：屏障打开（PTHREAD_BARRIER_SERIAL_THREAD）"));
  // A message a byte stream split (the model's finding, as a value event).
  EXPECT_EQ(EventDetailText::words(event(ipclab::EventKind::value,
                                         "message #2 (10 bytes) was split: this read got 6 of "
                                         "its bytes, the rest stays in the channel"),
                                   nullptr),
            QStringLiteral("第 2 条消息（10 字节）被拆开了：这次读取只拿到它的 6 "
                           "个字节，其余部分还留在通道里"));
  window_->setLanguage(QStringLiteral("en"));
}

TEST_F(EventDetailsZhTest, DetailsAreSaidAgainFromTheEventsData) {
  const ipclab::Op send = opOf(ipclab::OpKind::send);
  const ipclab::Op call = opOf(ipclab::OpKind::rpc_call);
  const ipclab::Event epipe = event(ipclab::EventKind::error, "send failed: " + coreErrno(EPIPE));
  const ipclab::Event refused = event(
      ipclab::EventKind::error, "no server to call: connect failed: " + coreErrno(ECONNREFUSED));
  EXPECT_EQ(EventDetailText::errnoAtEnd(QString::fromStdString(epipe.detail)), EPIPE);

  // English: core's own words, or nothing to change.
  EXPECT_EQ(EventDetailText::words(epipe, &send).toStdString(), epipe.detail);
  EXPECT_EQ(EventDetailText::words(refused, &call).toStdString(), refused.detail);

  window_->setLanguage(QStringLiteral("zh_CN"));
  EXPECT_EQ(EventDetailText::words(epipe, &send),
            QStringLiteral("发送失败：EPIPE（管道已断开：没有进程再读）"));
  EXPECT_EQ(EventDetailText::words(refused, &call),
            QStringLiteral("没有可调用的服务器：connect 失败：ECONNREFUSED（连接被拒绝）"));
  // The op decides what failed: the same errno on a receive is not a send.
  const ipclab::Op recv = opOf(ipclab::OpKind::recv);
  EXPECT_TRUE(EventDetailText::words(epipe, &recv).isNull());
  EXPECT_TRUE(EventDetailText::words(epipe, nullptr).isNull());
  // Words core may write one day that the GUI does not know stay as they are.
  EXPECT_TRUE(EventDetailText::words(
                  event(ipclab::EventKind::error, "send went wrong: " + coreErrno(EPIPE)), &send)
                  .isNull());
  EXPECT_EQ(
      EventDetailText::words(event(ipclab::EventKind::unblock, "interrupted by a signal"), nullptr),
      QStringLiteral("被信号打断"));
  EXPECT_EQ(EventDetailText::words(event(ipclab::EventKind::exit, "killed by SIGTERM"), nullptr),
            QStringLiteral("被 SIGTERM 终止"));
  EXPECT_EQ(
      EventDetailText::words(event(ipclab::EventKind::exit,
                                   "exit code 0, stopped by the session before action 3 of 5"),
                             nullptr),
      QStringLiteral("退出码 0，会话在第 3 个动作（共 5 个）之前结束了它"));
  EXPECT_EQ(EventDetailText::words(
                event(ipclab::EventKind::signal, "SIGUSR1 to receiver (pid 4711)"), nullptr),
            QStringLiteral("SIGUSR1 发给 receiver（pid 4711）"));
  EXPECT_EQ(EventDetailText::words(
                event(ipclab::EventKind::signal,
                      "lost: SIGUSR1 to receiver (pid 4711): one was already pending there "
                      "(ShdPnd), so the kernel merged this one into it"),
                nullptr),
            QStringLiteral("丢失：发给 receiver（pid 4711）的 SIGUSR1——那里已有一个同样的信号"
                           "处于待处理状态（ShdPnd），内核把这一个合并进去了"));
  EXPECT_EQ(EventDetailText::words(event(ipclab::EventKind::race,
                                         "overflow: message #3 overwrote message #1 in slot 0 "
                                         "before it was read"),
                                   nullptr),
            QStringLiteral("溢出：消息 #3 写进了槽 0，覆盖了还没被读取的消息 #1"));
  EXPECT_EQ(EventDetailText::words(event(ipclab::EventKind::race,
                                         "underflow: read slot 0, where nothing new was written "
                                         "(stale data: \"item 1\")"),
                                   nullptr),
            QStringLiteral("下溢：读取了槽 0，可那里没有写入新内容（旧数据：\"item 1\"）"));

  // A deadlock, clause by clause (the status bar and the log show it).
  const ipclab::Event deadlock =
      event(ipclab::EventKind::deadlock,
            "every process is blocked and none can release another: producer waits on semaphore "
            "'empty' (count 0); consumer waits on mutex 'guard' held by producer; "
            "reader waits for a signal");
  EXPECT_EQ(EventDetailText::words(deadlock, nullptr),
            QStringLiteral("所有进程都已阻塞，谁也无法让别人继续：producer 在信号量“empty”上等待"
                           "（计数 0）；consumer 在互斥锁“guard”上等待，它被 producer 持有；"
                           "reader 在等待信号"));

  // A lesson step that could not be granted.
  ipclab::StepProblem blocked;
  blocked.kind = ipclab::StepProblem::Kind::not_granted;
  blocked.process = "consumer";
  blocked.result = ipclab::StepResult::blocked;
  EXPECT_EQ(
      LessonCheckText::problem(blocked),
      QStringLiteral("无法让 consumer 执行一步：它处于阻塞状态，只有另一个进程的一步才能让它继续"));
  window_->setLanguage(QStringLiteral("en"));
  EXPECT_EQ(
      LessonCheckText::problem(blocked).toStdString(),
      "could not step consumer: " + std::string(ipclab::describe(ipclab::StepResult::blocked)));
}

TEST_F(EventDetailsZhTest, TheEventLogOfRealSessionsHoldsNoneOfCoresEnglish) {
  window_->setLanguage(QStringLiteral("zh_CN"));
  // Core's English phrases (worker_ops*.cpp, session_pump.cpp, session.cpp).
  static const QRegularExpression english(
      QStringLiteral("send failed|receive failed|Broken pipe|interrupted|timed out|exit "
                     "code|killed by|end of file|actions$|"
                     "caught by|from pid| to \\S+ \\(pid|kernel:|stopped by"));
  int seen = 0;
  for (const char* id : {"pipe-sigpipe", "signals-basics"}) {
    ipclab::Session* session = open(QString::fromLatin1(id));
    ASSERT_NE(session, nullptr) << id;
    for (int steps = 0; steps < 20; ++steps) {
      const ipclab::Snapshot snap = session->snapshot();
      if (allGone(snap) || snap.deadlock || !anyAtGate(snap)) break;
      controller()->stepAll();
      ASSERT_TRUE(session->wait_settled(10s)) << id;
      controller()->deliverNow();
    }
    ASSERT_TRUE(pumpUntil([&] { return allGone(session->snapshot()); })) << id;
    controller()->deliverNow();
    const QStringList all = details();
    seen += static_cast<int>(all.size());
    for (const QString& d : all) EXPECT_FALSE(d.contains(english)) << id << ": " << d.toStdString();
    shoot((std::string("event-details-zh-") + id).c_str());
  }
  EXPECT_GT(seen, 20);
  window_->setLanguage(QStringLiteral("en"));
}

// Two processes, each waiting for the other's post: a deadlock.
constexpr const char* kStuck = R"(ipclab: 1
id: stuck
title: {en: "Stuck", zh: "卡住"}
category: synchronization
summary: {en: "x", zh: "x"}
objects:
  - {name: ping, kind: semaphore, initial: 0}
  - {name: pong, kind: semaphore, initial: 0}
processes:
  - name: left
    steps: [{wait: ping}, {post: pong}]
  - name: right
    steps: [{wait: pong}, {post: ping}]
)";

TEST_F(EventDetailsZhTest, TheStatusBarSaysWhyTheProcessesDeadlockInChinese) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("stuck.yaml"));
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(kStuck);
  f.close();
  window_->setLanguage(QStringLiteral("zh_CN"));
  ipclab::Session* session = open(path);
  ASSERT_NE(session, nullptr);
  controller()->stepAll();
  ASSERT_TRUE(session->wait_settled(10s));
  ASSERT_TRUE(pumpUntil([&] { return session->snapshot().deadlock.has_value(); }));
  controller()->deliverNow();
  const QLabel* detail = window_->findChild<QLabel*>(QStringLiteral("sessionDetail"));
  ASSERT_NE(detail, nullptr);
  EXPECT_TRUE(detail->text().startsWith(QStringLiteral("所有进程都已阻塞")))
      << detail->text().toStdString();
  EXPECT_TRUE(detail->text().contains(QStringLiteral("left 在信号量“ping”上等待（计数 0）")))
      << detail->text().toStdString();
  shoot("deadlock-zh");
  window_->setLanguage(QStringLiteral("en"));
  QCoreApplication::processEvents();  // the language change reaches every widget
  EXPECT_EQ(detail->text().toStdString(), *session->snapshot().deadlock);
}

}  // namespace
}  // namespace guitest
