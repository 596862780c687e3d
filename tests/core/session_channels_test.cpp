// Message channels with real processes: what one process sends, the other
// receives, in order; a message queue keeps boundaries and priorities, a
// pipe is a byte stream.
#include <gtest/gtest.h>

#include <cstdio>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

std::string two_party(const std::string& kind, const std::string& object_extra,
                      const std::string& writer_steps, const std::string& reader_steps) {
  return scenario_text("objects:\n  - {name: c, kind: " + kind + object_extra +
                       "}\n"
                       "processes:\n"
                       "  - name: writer\n    steps:\n" +
                       writer_steps + "  - name: reader\n    steps:\n" + reader_steps);
}

class EveryChannel : public ::testing::TestWithParam<std::string> {};

// Stepped one message at a time: each receive gets exactly the message sent
// before it, with its sequence number and size.
TEST_P(EveryChannel, DeliversWhatWasSentInOrderWhenStepped) {
  const std::string steps =
      "      - send: {to: c, data: \"alpha\"}\n"
      "      - send: {to: c, data: \"beta\"}\n"
      "      - send: {to: c, data: \"gamma\"}\n";
  const std::string recvs = "      - recv: c\n      - recv: c\n      - recv: c\n";
  auto ls = LiveSession::start(two_party(GetParam(), "", steps, recvs));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(ls->step("writer"), StepResult::granted);
    ASSERT_EQ(ls->step("reader"), StepResult::granted);
  }
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(data_of(got), (std::vector<std::string>{"alpha", "beta", "gamma"}));
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].msg, static_cast<int64_t>(i + 1)) << "message sequence number";
    EXPECT_EQ(got[i].bytes, static_cast<int64_t>(got[i].data.size()));
    EXPECT_EQ(got[i].obj_name, "c");
  }
  const std::vector<Event> sent = ls->of(EventKind::send, "writer");
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(data_of(sent), data_of(got));
  ASSERT_TRUE(ls->wait_finished());
}

// Running freely, both sides at full speed: every byte arrives once, in order.
TEST_P(EveryChannel, DeliversEverythingInOrderWhenRunningFreely) {
  const std::string steps =
      "      - repeat: {times: 40, steps: [{send: {to: c, data: \"m{i};\"}}]}\n";
  const std::string recvs = "      - repeat: {times: 40, steps: [{recv: c}]}\n";
  auto ls = LiveSession::start(two_party(GetParam(), "", steps, recvs));
  ASSERT_TRUE(ls);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    std::string all;
    for (const Event& e : ev)
      if (e.ev == EventKind::recv) all += e.data;
    return all.size() >= 40 * 3 + 31;  // "m1;".."m9;" are 3 bytes, "m10;".."m40;" 4
  }));
  std::string expected, got;
  for (int i = 1; i <= 40; ++i) expected += "m" + std::to_string(i) + ";";
  for (const Event& e : ls->of(EventKind::recv, "reader")) got += e.data;
  // A byte stream may hand out fewer receives than sends, never different
  // bytes; the remaining receives then see end of file.
  EXPECT_EQ(got.substr(0, expected.size()), expected);
  if (GetParam() == "posix_mq") {
    EXPECT_EQ(ls->of(EventKind::recv, "reader").size(), 40u);
  }
}

INSTANTIATE_TEST_SUITE_P(Mechanisms, EveryChannel,
                         ::testing::Values("pipe", "fifo", "posix_mq", "sysv_mq", "unix_stream",
                                           "unix_dgram", "tcp", "udp", "shm_ring"),
                         [](const auto& info) { return info.param; });

class ByteStream : public ::testing::TestWithParam<std::string> {};

// Two sends, one receive: a pipe keeps no message boundaries.
TEST_P(ByteStream, OneReceiveReadsTwoSends) {
  auto ls = LiveSession::start(two_party(GetParam(), "",
                                         "      - send: {to: c, data: \"abc\"}\n"
                                         "      - send: {to: c, data: \"defg\"}\n",
                                         "      - recv: c\n      - print: done\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  const Snapshot before = ls->snapshot();
  EXPECT_EQ(object_in(before, "c").model_fill, 7);
  EXPECT_EQ(object_in(before, "c").kernel_fill.value_or(-1), 7) << "FIONREAD";
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, "abcdefg");
  EXPECT_EQ(got[0].bytes, 7);
  const Snapshot after = ls->snapshot();
  EXPECT_EQ(object_in(after, "c").model_fill, 0);
  // The writer is gone; the kernel is asked through the reader's descriptor.
  EXPECT_EQ(worker_in(after, "writer").state, WorkerState::exited);
  EXPECT_EQ(object_in(after, "c").kernel_fill.value_or(-1), 0);
}

class FillsUp : public ::testing::TestWithParam<std::string> {};

// A sender that nobody reads from fills the kernel's buffer, then sleeps in
// its send (the kernel says so), and a receive lets it finish.
TEST_P(FillsUp, ASenderSleepsWhenTheBufferIsFullUntilAReceive) {
  auto ls = LiveSession::start(
      two_party(GetParam(), "",
                "      - repeat: {times: 4000, steps: [{send: {to: c, data: \"" +
                    std::string(4096, 'z') + "\"}}]}\n",
                "      - repeat: {times: 4000, steps: [{recv: {from: c, max: 65536}}]}\n"));
  ASSERT_TRUE(ls);
  int sent = 0;
  while (sent < 4000 && ls->step("writer") == StepResult::granted &&
         worker_in(ls->snapshot(), "writer").state != WorkerState::blocked)
    ++sent;
  const Snapshot full = ls->snapshot();
  const WorkerStatus& w = worker_in(full, "writer");
  ASSERT_EQ(w.state, WorkerState::blocked) << "still not full after " << sent << " sends";
  EXPECT_EQ(w.kernel.state, 'S') << w.kernel.state_word;
  EXPECT_EQ(w.kernel.syscall_name, GetParam() == "pipe" ? "write" : "sendto");
  EXPECT_GE(sent, 15);  // at least a pipe's 64 KiB went in first
  // A socket wakes its sender only once about half its buffer is free:
  // receive until the send returns.
  const int op = w.op;
  int reads = 0;
  while (worker_in(ls->snapshot(), "writer").op == op && reads < 200) {
    ASSERT_EQ(ls->step("reader"), StepResult::granted);
    ++reads;
  }
  EXPECT_EQ(worker_in(ls->snapshot(), "writer").op, op + 1) << "after " << reads << " receives";
  std::printf("[          ] %s: %d sends of 4 KiB filled it; %d receives freed the sender\n",
              GetParam().c_str(), sent, reads);
  ls->stop();
}

INSTANTIATE_TEST_SUITE_P(Streams, FillsUp, ::testing::Values("pipe", "unix_stream", "tcp"),
                         [](const auto& info) { return info.param; });

// (Not a FIFO here: its writer's open() waits for a reader, so two sends
// cannot go first; BlockedIsBlocked checks that rendezvous.)
INSTANTIATE_TEST_SUITE_P(Streams, ByteStream, ::testing::Values("pipe", "unix_stream", "tcp"),
                         [](const auto& info) { return info.param; });

// Two sends, two receives on a message queue: two separate messages, even
// though both were waiting when the first receive ran.
TEST(MessageQueue, KeepsMessageBoundaries) {
  auto ls = LiveSession::start(two_party("posix_mq", ", capacity: 4",
                                         "      - send: {to: c, data: \"abc\"}\n"
                                         "      - send: {to: c, data: \"defg\"}\n",
                                         "      - recv: c\n      - recv: c\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  const Snapshot full = ls->snapshot();
  EXPECT_EQ(object_in(full, "c").model_fill, 2);
  EXPECT_EQ(object_in(full, "c").kernel_fill.value_or(-1), 2) << "mq_getattr mq_curmsgs";
  EXPECT_EQ(object_in(full, "c").unit, "messages");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].data, "abc");
  EXPECT_EQ(got[0].bytes, 3);
  EXPECT_EQ(got[1].data, "defg");
  EXPECT_EQ(got[1].bytes, 4);
  EXPECT_EQ(got[0].msg, 1);
  EXPECT_EQ(got[1].msg, 2);
}

// Higher priority first, first in first out within one priority.
TEST(MessageQueue, HigherPriorityFirstFifoWithinOne) {
  auto ls = LiveSession::start(two_party("posix_mq", ", capacity: 8",
                                         "      - send: {to: c, data: \"low-1\", priority: 1}\n"
                                         "      - send: {to: c, data: \"high-1\", priority: 5}\n"
                                         "      - send: {to: c, data: \"low-2\", priority: 1}\n"
                                         "      - send: {to: c, data: \"high-2\", priority: 5}\n"
                                         "      - send: {to: c, data: \"mid\", priority: 3}\n",
                                         "      - repeat: {times: 5, steps: [{recv: c}]}\n"));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(ls->step("writer"), StepResult::granted);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(data_of(got), (std::vector<std::string>{"high-1", "high-2", "mid", "low-1", "low-2"}));
  const std::vector<int64_t> priorities{5, 5, 3, 1, 1};
  const std::vector<int64_t> seqs{2, 4, 5, 1, 3};  // which send each one was
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_TRUE(got[i].value.has_value());
    EXPECT_EQ(*got[i].value, priorities[i]) << got[i].data;
    EXPECT_EQ(got[i].msg, seqs[i]) << got[i].data;
  }
  ASSERT_TRUE(ls->wait_finished());
}

// The last writer gone, a reader sees end of file: read returns 0.
TEST(PipeEnds, ReaderSeesEndOfFileWhenTheLastWriterExits) {
  auto ls = LiveSession::start(two_party("pipe", "", "      - send: {to: c, data: \"x\"}\n",
                                         "      - recv: c\n      - recv: c\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::exit && e.proc == "writer") return true;
    return false;
  }));
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].data, "x");
  EXPECT_EQ(got[1].bytes, 0) << "end of file";
  EXPECT_EQ(got[1].detail, "end of file");
  EXPECT_TRUE(ls->of(EventKind::block, "reader").empty()) << "end of file does not wait";
}

// No reader left: the writer gets SIGPIPE, which kills it by default, or
// EPIPE from write when it handles the signal.
TEST(PipeEnds, WriterWithoutReaderGetsSigpipe) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: c, kind: pipe}
processes:
  - name: writer
    steps: [{send: {to: c, data: "x"}}]
  - name: reader
    steps: [{recv: c}]
  - name: careful
    steps: [{on_signal: {sig: SIGPIPE}}, {send: {to: c, data: "y"}}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);  // blocks: nothing to read yet
  ASSERT_EQ(ls->step("writer"), StepResult::granted);  // wakes it; both end
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    int exits = 0;
    for (const Event& e : ev) exits += e.ev == EventKind::exit;
    return exits == 2;
  }));
  ASSERT_EQ(ls->step("careful"), StepResult::granted);
  ASSERT_EQ(ls->step("careful"), StepResult::granted);
  ls->collect();
  const std::vector<Event> ret = ls->of(EventKind::ret, "careful");
  ASSERT_FALSE(ret.empty());
  EXPECT_NE(ret.back().detail.find("EPIPE"), std::string::npos) << ret.back().detail;
  EXPECT_EQ(object_in(ls->snapshot(), "c").model_fill, 0) << "the failed write put nothing in";
  EXPECT_FALSE(ls->of(EventKind::deliver, "careful").empty()) << "the handler ran";

  auto ls2 = LiveSession::start(scenario_text(R"(objects:
  - {name: c, kind: pipe}
processes:
  - name: writer
    steps: [{send: {to: c, data: "x"}}]
  - name: reader
    steps: [{print: "I never read"}]
)"));
  ASSERT_TRUE(ls2);
  ASSERT_EQ(ls2->step("reader"), StepResult::granted);
  ASSERT_EQ(ls2->step("writer"), StepResult::granted);
  ASSERT_TRUE(ls2->wait_finished());
  const std::vector<Event> exits = ls2->of(EventKind::exit, "writer");
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].detail, "killed by SIGPIPE");
  // Its send was reported before the call that killed it; the model drops
  // the message again, as the kernel never got it.
  EXPECT_EQ(object_in(ls2->snapshot(), "c").model_fill, 0);
}

// Shared memory as a channel: whole messages in slots, the count in the
// `full` semaphore, and a sender that sleeps on `empty` when every slot is
// taken until a receiver frees one.
TEST(ShmRing, KeepsBoundariesAndBlocksWhenFull) {
  auto ls = LiveSession::start(two_party("shm_ring", ", capacity: 2",
                                         "      - send: {to: c, data: \"abc\"}\n"
                                         "      - send: {to: c, data: \"defg\"}\n"
                                         "      - send: {to: c, data: \"h\"}\n",
                                         "      - recv: c\n      - recv: c\n      - recv: c\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  EXPECT_EQ(object_in(ls->snapshot(), "c").kernel_fill.value_or(-1), 2) << "sem_getvalue(full)";
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  const WorkerStatus w = worker_in(ls->snapshot(), "writer");
  EXPECT_EQ(w.state, WorkerState::blocked);
  EXPECT_EQ(w.kernel.state, 'S');
  EXPECT_EQ(w.kernel.syscall_name, "futex");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::unblock && e.proc == "writer") return true;
    return false;
  }));
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(data_of(ls->of(EventKind::recv, "reader")),
            (std::vector<std::string>{"abc", "defg", "h"}));
  ASSERT_TRUE(ls->wait_finished());
}

class Datagrams : public ::testing::TestWithParam<std::string> {};

// Each send is one datagram and each receive takes one whole datagram; the
// kernel says how big the next one is. A socket has an address: the file
// of a Unix socket, the port of a UDP one.
TEST_P(Datagrams, KeepMessageBoundaries) {
  auto ls =
      LiveSession::start(two_party(GetParam(), "",
                                   "      - send: {to: c, data: \"abc\"}\n"
                                   "      - send: {to: c, data: \"defg\"}\n",
                                   "      - recv: c\n      - recv: c\n      - print: done\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  const Snapshot full = ls->snapshot();
  const ObjectStatus& c = object_in(full, "c");
  EXPECT_EQ(c.model_fill, 2);
  EXPECT_EQ(c.unit, "messages");
  EXPECT_EQ(c.kernel_note, "next datagram: 3 bytes (FIONREAD)");
  if (GetParam() == "udp")
    EXPECT_TRUE(c.address.starts_with("127.0.0.1:")) << c.address;
  else
    EXPECT_EQ(c.address, ls->folder() + "/c");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(data_of(got), (std::vector<std::string>{"abc", "defg"}));
  EXPECT_EQ(got[0].msg, 1);
  EXPECT_EQ(got[1].msg, 2);
  EXPECT_EQ(object_in(ls->snapshot(), "c").kernel_note, "no datagram waiting (FIONREAD)");
}

INSTANTIATE_TEST_SUITE_P(Sockets, Datagrams, ::testing::Values("unix_dgram", "udp"),
                         [](const auto& info) { return info.param; });

// A Unix datagram socket holds only so many datagrams (net.unix.max_dgram_qlen):
// then the sender sleeps in sendto until the receiver takes one.
TEST(UnixDatagrams, SenderBlocksWhenTheReceiverQueueIsFull) {
  auto ls = LiveSession::start(two_party(
      "unix_dgram", "", "      - repeat: {times: 300, steps: [{send: {to: c, data: \"m{i}\"}}]}\n",
      "      - repeat: {times: 300, steps: [{recv: c}]}\n"));
  ASSERT_TRUE(ls);
  int sent = 0;
  while (sent < 300 && worker_in(ls->snapshot(), "writer").state != WorkerState::blocked) {
    ASSERT_EQ(ls->step("writer"), StepResult::granted);
    ++sent;
  }
  const WorkerStatus w = worker_in(ls->snapshot(), "writer");
  ASSERT_EQ(w.state, WorkerState::blocked) << "never blocked after " << sent << " sends";
  EXPECT_EQ(w.kernel.state, 'S');
  EXPECT_EQ(w.kernel.syscall_name, "sendto");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  EXPECT_NE(worker_in(ls->snapshot(), "writer").state, WorkerState::blocked);
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::recv, "reader").at(0).data, "m1");
}

// System V: msgrcv picks by type. 0 takes the oldest message, > 0 the
// oldest of that type, < 0 the oldest of the lowest type up to |type|.
TEST(SysvQueue, ReceivesByType) {
  auto ls = LiveSession::start(two_party("sysv_mq", "",
                                         "      - send: {to: c, data: \"apple\", type: 3}\n"
                                         "      - send: {to: c, data: \"bread\", type: 1}\n"
                                         "      - send: {to: c, data: \"cheese\", type: 2}\n"
                                         "      - send: {to: c, data: \"dates\", type: 1}\n",
                                         "      - recv: {from: c, type: 2}\n"
                                         "      - recv: {from: c, type: -2}\n"
                                         "      - recv: {from: c, type: 0}\n"
                                         "      - recv: {from: c, type: 1}\n"));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 4; ++i) ASSERT_EQ(ls->step("writer"), StepResult::granted);
  const Snapshot full = ls->snapshot();
  EXPECT_EQ(object_in(full, "c").kernel_fill.value_or(-1), 4) << "msgctl IPC_STAT msg_qnum";
  EXPECT_EQ(object_in(full, "c").model_fill, 4);
  EXPECT_EQ(object_in(full, "c").unit, "messages");
  for (int i = 0; i < 4; ++i) ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(data_of(got), (std::vector<std::string>{"cheese", "bread", "apple", "dates"}));
  const std::vector<int64_t> types{2, 1, 3, 1}, seqs{3, 2, 1, 4};
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].value.value_or(-1), types[i]) << got[i].data;
    EXPECT_EQ(got[i].msg, seqs[i]) << got[i].data;
  }
  EXPECT_EQ(ls->of(EventKind::call, "reader").at(0).syscall_name, "msgrcv");
  EXPECT_EQ(ls->of(EventKind::call, "writer").at(0).syscall_name, "msgsnd");
  ASSERT_TRUE(ls->wait_finished());
}

// A type nobody sent: the receiver sleeps in msgrcv although the queue is
// not empty, until a message of its type comes.
TEST(SysvQueue, WaitsForItsTypeWhileOthersQueue) {
  auto ls = LiveSession::start(two_party("sysv_mq", "",
                                         "      - send: {to: c, data: \"one\", type: 1}\n"
                                         "      - send: {to: c, data: \"five\", type: 5}\n",
                                         "      - recv: {from: c, type: 5}\n"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  const WorkerStatus r = worker_in(ls->snapshot(), "reader");
  EXPECT_EQ(r.state, WorkerState::blocked);
  EXPECT_EQ(r.kernel.state, 'S');
  EXPECT_EQ(r.kernel.syscall_name, "msgrcv");
  EXPECT_EQ(object_in(ls->snapshot(), "c").kernel_fill.value_or(-1), 1);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, "five");
  EXPECT_EQ(object_in(ls->snapshot(), "c").kernel_fill.value_or(-1), 1) << "\"one\" stays";
}

}  // namespace
}  // namespace ipclab::live
