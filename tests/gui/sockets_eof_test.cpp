// Sockets and end of file over real sessions: a socket's node and the
// Kernel panel show where it lives (the port for TCP and UDP, the socket
// file for Unix sockets) and what else the kernel says (the next datagram's
// size); a receive that returns 0 bytes is shown as end of file in the event
// log and as a token on the diagram, in English and in Chinese.
#include <QDockWidget>
#include <QFile>
#include <QTemporaryDir>
#include <chrono>

#include "diagram/diagram_view.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "panels/kernel_panel.h"
#include "panels/panel_docks.h"
#include "session_controller.h"
#include "socket_text.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

constexpr const char* kNet = R"(ipclab: 1
id: net-sockets
title: {en: "TCP and UDP", zh: "TCP 与 UDP"}
category: message-passing
summary: {en: "x", zh: "x"}
objects:
  - {name: stream, kind: tcp}
  - {name: grams, kind: udp}
  - {name: local, kind: unix_dgram}
processes:
  - name: sender
    steps:
      - send: {to: stream, data: "hello"}
      - send: {to: grams, data: "abc"}
      - send: {to: local, data: "datagram"}
      - exit: 0
  - name: receiver
    steps:
      - recv: {from: stream, max: 64}
      - recv: grams
      - recv: local
      - recv: {from: stream, max: 64}
)";

class SocketsEofTest : public GuiTest {
 protected:
  void stepAll(ipclab::Session* session, int times) {
    for (int i = 0; i < times; ++i) {
      controller()->stepAll();
      ASSERT_TRUE(session->wait_settled(10s)) << "step " << i;
    }
    controller()->deliverNow();
  }

  QString writeScenario(const char* text) {
    const QString path = dir_.filePath(QStringLiteral("net-sockets.yaml"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
  }

  // Every detail the event log shows for recv events.
  QStringList recvDetails() const {
    window_->findChild<QDockWidget*>(QStringLiteral("eventLogDock"))->raise();
    QCoreApplication::processEvents();
    const EventLogModel* m = window_->eventLog()->model();
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
      if (m->index(r, EventLogModel::Kind).data().toString() == QLatin1String("recv"))
        out << m->index(r, EventLogModel::Detail).data().toString();
    return out;
  }

  QTemporaryDir dir_;
};

TEST_F(SocketsEofTest, SocketNodesAndTheKernelPanelShowTheAddressAndTheKernelNote) {
  ipclab::Session* session = open(writeScenario(kNet));
  ASSERT_NE(session, nullptr);
  // The sender sends on all three; nothing is received yet.
  const int sender = session->worker_index("sender");
  for (int i = 0; i < 3; ++i) {
    controller()->step(sender);
    ASSERT_TRUE(session->wait_settled(10s)) << "step " << i;
  }
  controller()->deliverNow();
  const ipclab::Snapshot snap = session->snapshot();
  KernelPanel* kernel = window_->panels()->kernel();
  for (const char* name : {"stream", "grams", "local"}) {
    const int obj = session->scenario().object_index(name);
    const ipclab::ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    ASSERT_FALSE(o.address.empty()) << name;
    const QString node = window_->diagram()->objectText(obj);
    const QString kernelText = kernel->objectText(obj, KernelPanel::OKernel);
    EXPECT_TRUE(node.contains(QString::fromStdString(o.address))) << node.toStdString();
    EXPECT_TRUE(kernelText.contains(QString::fromStdString(o.address))) << kernelText.toStdString();
    if (o.spec->mechanism == ipclab::ObjectKind::tcp ||
        o.spec->mechanism == ipclab::ObjectKind::udp)
      EXPECT_TRUE(SocketText::shortAddress(o.address, o.spec->mechanism)
                      .startsWith(QLatin1String("port ")));
    else
      EXPECT_EQ(SocketText::shortAddress(o.address, o.spec->mechanism),
                QStringLiteral("file local"));
  }
  // The datagram sockets: the kernel tells the size of the next datagram.
  const int grams = session->scenario().object_index("grams");
  EXPECT_EQ(snap.objects[static_cast<size_t>(grams)].kernel_note,
            "next datagram: 3 bytes (FIONREAD)");
  EXPECT_TRUE(kernel->objectText(grams, KernelPanel::OKernel)
                  .contains(QLatin1String("next datagram: 3 bytes (FIONREAD)")));
  window_->panels()->kernelDock()->raise();
  shoot("sockets-kernel");
  window_->setLanguage(QStringLiteral("zh_CN"));
  QCoreApplication::processEvents();
  EXPECT_TRUE(
      kernel->objectText(grams, KernelPanel::OKernel).contains(QStringLiteral("下一个数据报")))
      << kernel->objectText(grams, KernelPanel::OKernel).toStdString();
  shoot("sockets-kernel-zh");
  window_->setLanguage(QStringLiteral("en"));
}

TEST_F(SocketsEofTest, AReceiveOfZeroBytesIsEndOfFileInBothLanguages) {
  for (const char* lang : {"en", "zh_CN"}) {
    window_->setLanguage(QString::fromLatin1(lang));
    ipclab::Session* session = open(writeScenario(kNet));
    ASSERT_NE(session, nullptr);
    stepAll(session, 3);
    // The sender exits, the receiver's last recv reads 0 bytes: a token says so.
    window_->diagram()->animationsAction()->trigger();
    ASSERT_TRUE(window_->diagram()->animationsEnabled());
    stepAll(session, 1);
    const QString token =
        lang == std::string("en") ? QStringLiteral("EOF") : QStringLiteral("EOF 文件结束");
    EXPECT_TRUE(window_->diagram()->tokensInFlight().contains(token))
        << lang << " " << window_->diagram()->tokensInFlight().join(QLatin1Char(' ')).toStdString();
    shoot(lang == std::string("en") ? "eof-token" : "eof-token-zh");
    window_->diagram()->animationsAction()->trigger();
    ASSERT_TRUE(pumpUntil([&] { return recvDetails().size() == 4; })) << lang;
    const QStringList details = recvDetails();
    const QString eof =
        lang == std::string("en") ? QStringLiteral("end of file") : QStringLiteral("文件结束");
    // Only the last one, of 0 bytes, is end of file; the datagrams are not.
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(details[i].contains(eof)) << lang << " " << i;
    EXPECT_TRUE(details[3].contains(eof)) << lang << " " << details[3].toStdString();
    shoot(lang == std::string("en") ? "eof-log" : "eof-log-zh");
  }
  window_->setLanguage(QStringLiteral("en"));
}

}  // namespace
}  // namespace guitest
