// The why-ipc lesson in the diagram: the private x is one row per process,
// each with the value read from that process's own memory ("writer: 42 ·
// reader: 0"), and a process that has ended has no memory left to show.
// A flag lock's flag says who is inside the section it guards: both adders,
// once the challenge's solution has broken it.
#include <chrono>

#include "diagram/diagram_view.h"
#include "gui_fixture.h"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

class PrivateCellsTest : public GuiTest {
 protected:
  void stepAndSettle(ipclab::Session* session, const char* who) {
    controller()->step(session->worker_index(who));
    ASSERT_TRUE(session->wait_settled(10s)) << who;
    controller()->deliverNow();
  }
  QString xText() const { return window_->diagram()->objectText(x_); }
  int x_ = -1;
};

TEST_F(PrivateCellsTest, EachProcessShowsItsOwnCopyOfX) {
  ipclab::Session* session = open(QStringLiteral("why-ipc"));
  ASSERT_NE(session, nullptr);
  x_ = session->scenario().object_index("x");
  ASSERT_GE(x_, 0);
  controller()->deliverNow();
  EXPECT_EQ(xText(), QStringLiteral("x: writer: 0 · reader: 0"));

  stepAndSettle(session, "writer");  // writer: x = 42
  EXPECT_EQ(xText(), QStringLiteral("x: writer: 42 · reader: 0"));
  shoot("private-cells-writer-42");
  stepAndSettle(session, "reader");  // reader reads its own x: 0
  EXPECT_EQ(xText(), QStringLiteral("x: writer: 42 · reader: 0"));

  stepAndSettle(session, "writer");  // send "42"
  stepAndSettle(session, "reader");  // receive it
  stepAndSettle(session, "reader");  // store it in its own x
  EXPECT_EQ(xText(), QStringLiteral("x: writer: 42 · reader: 42"));

  // The diagram says what the kernel read from each process, nothing else.
  const ipclab::Snapshot snap = session->snapshot();
  const ipclab::ObjectStatus& x = snap.objects[static_cast<size_t>(x_)];
  ASSERT_EQ(x.private_cells.size(), 2u);
  for (const ipclab::ObjectStatus::OwnCopy& c : x.private_cells)
    EXPECT_EQ(c.cells, std::vector<int64_t>{42});

  stepAndSettle(session, "writer");  // measure, then writer ends
  ASSERT_TRUE(pumpUntil([&] {
    controller()->deliverNow();
    return xText().startsWith(QStringLiteral("x: writer: ended"));
  })) << xText().toStdString();
  EXPECT_EQ(xText(), QStringLiteral("x: writer: ended: memory gone · reader: 42"));
  shoot("private-cells-writer-ended");
}

TEST_F(PrivateCellsTest, AFlagGuardSaysWhoIsInside) {
  ipclab::Session* session = open(QStringLiteral("challenge-flag-lock"));
  ASSERT_NE(session, nullptr);
  x_ = session->scenario().object_index("flag");
  ASSERT_GE(x_, 0);
  controller()->deliverNow();
  EXPECT_TRUE(xText().endsWith(QStringLiteral(" · nobody inside"))) << xText().toStdString();
  stepAndSettle(session, "adder#1");  // tests: 0
  stepAndSettle(session, "adder#2");  // tests: 0 too
  stepAndSettle(session, "adder#1");  // sets it: inside
  EXPECT_TRUE(xText().endsWith(QStringLiteral(" · inside: adder#1"))) << xText().toStdString();
  stepAndSettle(session, "adder#2");  // sets it as well: two inside
  EXPECT_TRUE(xText().endsWith(QStringLiteral(" · inside: adder#1, adder#2")))
      << xText().toStdString();
  // The counter is no guard: nothing about anyone inside.
  x_ = session->scenario().object_index("counter");
  EXPECT_FALSE(xText().contains(QStringLiteral("inside"))) << xText().toStdString();
}

}  // namespace
}  // namespace guitest
