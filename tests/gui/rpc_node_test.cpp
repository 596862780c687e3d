// The rpc node over a real session of rpc-calc: each call is a row paired
// with its reply, and the rows say what the core reported. The expected
// calls are worked out here from the events the controller delivered, by
// the text on the wire ("call ID: ..." and "reply ID: ..."), independently
// of how the node pairs them (by the op each process is on). Checked: ids,
// callers, results, and which calls are still pending, in English and in
// Chinese, and the tokens of a call and its reply.
#include "diagram/rpc_node.h"

#include <QAction>
#include <QDockWidget>
#include <chrono>
#include <map>

#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "diagram/process_node.h"
#include "gui_fixture.h"
#include "panels/panel_docks.h"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

// One call as the core's events tell it.
struct CoreCall {
  std::string caller;
  std::string server;
  std::string result;
  bool served = false;    // the server read the request
  bool answered = false;  // the server wrote the reply
  bool returned = false;  // the caller read it
};

// "reply 3: 42" -> "42".
std::string afterColon(const std::string& data) {
  const size_t colon = data.find(": ");
  return colon == std::string::npos ? std::string() : data.substr(colon + 2);
}

class RpcNodeTest : public GuiTest {
 protected:
  void SetUp() override {
    GuiTest::SetUp();
    QObject::connect(controller(), &SessionController::eventsAvailable, window_.get(),
                     [this](const std::vector<ipclab::Event>& events) {
                       for (const ipclab::Event& e : events) record(e);
                     });
  }

  void record(const ipclab::Event& e) {
    if (e.obj != calc_ || !e.value) return;
    const bool send = e.ev == ipclab::EventKind::send;
    const bool recv = e.ev == ipclab::EventKind::recv;
    if (!send && !recv) return;
    const bool request = e.data.rfind("call ", 0) == 0;
    const bool reply = e.data.rfind("reply ", 0) == 0;
    CoreCall& c = calls_[*e.value];
    if (send && request) c.caller = e.proc;
    if (recv && request) {
      c.served = true;
      c.server = e.proc;
    }
    if (send && reply) {
      c.answered = true;
      c.result = afterColon(e.data);
    }
    if (recv && reply) c.returned = true;
  }

  ipclab::Session* openCalc() {
    ipclab::Session* session = open(QStringLiteral("rpc-calc"));
    if (session) calc_ = session->scenario().object_index("calc");
    calls_.clear();
    return session;
  }

  const RpcNode* node() const {
    return dynamic_cast<const RpcNode*>(window_->diagram()->diagram()->objectNode(calc_));
  }

  void step(ipclab::Session* session, const char* who) {
    const int worker = session->worker_index(who);
    ASSERT_GE(worker, 0) << who;
    controller()->step(worker);
    ASSERT_TRUE(session->wait_settled(10s)) << who;
    controller()->deliverNow();
  }

  // Every row of the node against the calls the core reported.
  void expectRowsMatchTheCore(const std::string& where) {
    const RpcNode* n = node();
    ASSERT_NE(n, nullptr) << where;
    const std::vector<RpcCall>& rows = n->view().calls;
    ASSERT_EQ(rows.size(), calls_.size()) << where;
    EXPECT_EQ(n->view().callCount, static_cast<int>(calls_.size())) << where;
    size_t i = 0;
    for (const auto& [id, c] : calls_) {
      const RpcCall& row = rows[i++];
      const std::string what = where + " call " + std::to_string(id);
      EXPECT_EQ(row.id, id) << what;
      ASSERT_GE(row.caller, 0) << what;
      EXPECT_EQ(window_->diagram()->diagram()->processNode(row.caller)->name().toStdString(),
                c.caller)
          << what;
      EXPECT_EQ(row.pending(), !c.answered) << what;
      EXPECT_EQ(row.returned, c.returned) << what;
      if (c.answered) {
        EXPECT_EQ(row.state, RpcCall::State::answered) << what;
        EXPECT_EQ(row.result.toStdString(), c.result) << what;
      } else {
        EXPECT_EQ(row.state, c.served ? RpcCall::State::serving : RpcCall::State::waiting) << what;
      }
      // And the words of its row.
      const QString text = n->rowText(row);
      EXPECT_TRUE(text.startsWith(QStringLiteral("#%1 ").arg(id))) << what << text.toStdString();
      EXPECT_EQ(text.contains(QStringLiteral(" → ")), c.answered) << what << text.toStdString();
      EXPECT_TRUE(n->text().contains(text)) << what;
    }
  }

  int calc_ = -1;
  std::map<int64_t, CoreCall> calls_;
};

TEST_F(RpcNodeTest, EachCallIsARowPairedWithItsReplyAsTheCoreReportsIt) {
  ipclab::Session* session = openCalc();
  ASSERT_NE(session, nullptr);
  ASSERT_NE(node(), nullptr) << "calc is not drawn as an rpc node";
  controller()->deliverNow();
  EXPECT_EQ(window_->diagram()->objectText(calc_), QStringLiteral("calc: 0 calls"));

  // The client calls before the server serves: its call waits for the server.
  step(session, "client");
  const int client = session->worker_index("client");
  ASSERT_EQ(session->snapshot().workers[static_cast<size_t>(client)].state,
            ipclab::WorkerState::blocked);
  ASSERT_EQ(calls_.size(), 1u);
  expectRowsMatchTheCore("client called");
  EXPECT_EQ(window_->diagram()->objectText(calc_),
            QStringLiteral("calc: 1 call · 1 pending\n"
                           "#1 add(19, 23) · waiting for the server · called by client"));
  shoot("rpc-waiting");

  // The server serves it: the reply carries the call's id back; the tokens
  // of the request and of the reply travel through the rpc.
  window_->diagram()->animationsAction()->trigger();
  ASSERT_TRUE(window_->diagram()->animationsEnabled());
  step(session, "server");
  const QStringList tokens = window_->diagram()->tokensInFlight();
  EXPECT_TRUE(tokens.contains(QStringLiteral("#1 add(19, 23)"))) << tokens.join(u' ').toStdString();
  EXPECT_TRUE(tokens.contains(QStringLiteral("#1 → 42"))) << tokens.join(u' ').toStdString();
  window_->diagram()->animationsAction()->trigger();
  ASSERT_TRUE(calls_.count(1) && calls_[1].returned);
  expectRowsMatchTheCore("server answered");
  EXPECT_EQ(window_->diagram()->objectText(calc_),
            QStringLiteral("calc: 1 call\n"
                           "#1 add(19, 23) → 42 · answered by server · called by client"));

  // To the end: the second call, upper(hello), is paired with reply 3. It
  // is called and served in one step: both tokens set off in one frame.
  window_->diagram()->animationsAction()->trigger();
  bool sawTokens = false;
  for (int steps = 0; steps < 10 && !allGone(session->snapshot()); ++steps) {
    controller()->stepAll();
    ASSERT_TRUE(session->wait_settled(10s));
    controller()->deliverNow();
    expectRowsMatchTheCore("step all " + std::to_string(steps + 1));
    if (!sawTokens && calls_.count(3) && calls_[3].returned) {
      const QStringList now = window_->diagram()->tokensInFlight();
      EXPECT_TRUE(now.contains(QStringLiteral("#3 upper(hello)"))) << now.join(u' ').toStdString();
      EXPECT_TRUE(now.contains(QStringLiteral("#3 → HELLO"))) << now.join(u' ').toStdString();
      sawTokens = true;
    }
  }
  EXPECT_TRUE(sawTokens);
  window_->diagram()->animationsAction()->trigger();
  ASSERT_TRUE(allGone(session->snapshot()));
  ASSERT_EQ(calls_.size(), 2u);
  EXPECT_EQ(window_->diagram()->objectText(calc_),
            QStringLiteral("calc: 2 calls\n"
                           "#1 add(19, 23) → 42 · answered by server · called by client\n"
                           "#3 upper(hello) → HELLO · answered by server · called by client"));
  shoot("rpc-answered");
  // On a projector: bigger text, the same rows.
  window_->setPresentationMode(true);
  QCoreApplication::processEvents();
  EXPECT_EQ(node()->view().calls.size(), 2u);
  shoot("rpc-answered-presentation");
  window_->setPresentationMode(false);
}

TEST_F(RpcNodeTest, ThePendingCallReadsInChinese) {
  window_->setLanguage(QStringLiteral("zh_CN"));
  ipclab::Session* session = openCalc();
  ASSERT_NE(session, nullptr);
  step(session, "client");
  expectRowsMatchTheCore("client called");
  const QString text = window_->diagram()->objectText(calc_);
  EXPECT_TRUE(text.contains(QStringLiteral("等待服务器"))) << text.toStdString();
  EXPECT_FALSE(text.contains(QLatin1String("waiting"))) << text.toStdString();
  shoot("rpc-waiting-zh");
  window_->panels()->kernelDock()->raise();
  shoot("rpc-kernel-zh");
  step(session, "server");
  expectRowsMatchTheCore("server answered");
  const QString answered = window_->diagram()->objectText(calc_);
  EXPECT_TRUE(answered.contains(QStringLiteral("#1 add(19, 23) → 42"))) << answered.toStdString();
  EXPECT_FALSE(answered.contains(QLatin1String("answered"))) << answered.toStdString();
  shoot("rpc-answered-zh");
  window_->setLanguage(QStringLiteral("en"));
}

// The pairing itself, from hand-made events.
ipclab::Event rpcEvent(ipclab::EventKind kind, int worker, int64_t id, const std::string& data) {
  ipclab::Event e;
  e.ev = kind;
  e.worker = worker;
  e.value = id;
  e.data = data;
  return e;
}

TEST(RpcCallsTest, PairsCallsWithRepliesByIdAndKeepsPendingCallsInView) {
  using K = ipclab::EventKind;
  using R = RpcCalls::Role;
  RpcCalls calls;
  calls.apply(rpcEvent(K::send, 0, 1, "call 1: add 19 23"), R::caller);
  calls.apply(rpcEvent(K::send, 2, 3, "call 3: upper hello"), R::caller);
  calls.apply(rpcEvent(K::recv, 1, 1, "call 1: add 19 23"), R::server);
  ASSERT_EQ(calls.calls().size(), 2u);
  EXPECT_EQ(calls.calls()[0].state, RpcCall::State::serving);
  EXPECT_EQ(calls.calls()[0].callText(), QStringLiteral("add(19, 23)"));
  EXPECT_EQ(calls.calls()[1].state, RpcCall::State::waiting);
  calls.apply(rpcEvent(K::send, 1, 1, "reply 1: 42"), R::server);
  calls.apply(rpcEvent(K::recv, 0, 1, "reply 1: 42"), R::caller);
  EXPECT_EQ(calls.calls()[0].state, RpcCall::State::answered);
  EXPECT_EQ(calls.calls()[0].result, QStringLiteral("42"));
  EXPECT_TRUE(calls.calls()[0].returned);
  EXPECT_EQ(calls.calls()[0].server, 1);
  // Room for one row: the pending call, not the answered one.
  const std::vector<RpcCall> one = calls.recent(1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].id, 3);
  // Its caller reports no reply: the call failed. A call that could not
  // even connect has no id and is shown from the op's text.
  ipclab::Event noReply = rpcEvent(K::error, 2, -1, "");
  noReply.value.reset();
  calls.apply(noReply, R::caller);
  EXPECT_EQ(calls.calls()[1].state, RpcCall::State::failed);
  calls.apply(noReply, R::caller, QStringLiteral("mul 6 7"));
  ASSERT_EQ(calls.calls().size(), 3u);
  EXPECT_EQ(calls.calls()[2].id, -1);
  EXPECT_EQ(calls.calls()[2].callText(), QStringLiteral("mul(6, 7)"));
  const QStringList names{QStringLiteral("client"), QStringLiteral("server"),
                          QStringLiteral("other")};
  const RpcNode node(0, &names);
  EXPECT_EQ(node.stateText(calls.calls()[1]), QStringLiteral("failed: no reply"));
  EXPECT_EQ(node.stateText(calls.calls()[2]), QStringLiteral("failed: no server to call"));
  EXPECT_EQ(node.rowText(calls.calls()[0]),
            QStringLiteral("#1 add(19, 23) → 42 · answered by server · called by client"));
  EXPECT_EQ(calls.total(), 3);
  // A server's event for a call it saw before the call's own event still pairs.
  calls.apply(rpcEvent(K::recv, 1, 5, "call 5: len abc"), R::server);
  calls.apply(rpcEvent(K::send, 0, 5, "call 5: len abc"), R::caller);
  EXPECT_EQ(calls.total(), 4);
}

}  // namespace
}  // namespace guitest
