// Live switching: a running channel moves to another of its mechanisms.
// The processes keep their pids, what is in flight moves over in order, a
// process asleep in the old mechanism carries on in the new one, no message
// is lost or doubled, and a switch the new mechanism cannot take is refused
// with nothing changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "runtime/session_dir.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

using std::chrono::steady_clock;

const std::vector<ObjectKind> kEvery = {
    ObjectKind::pipe,    ObjectKind::fifo,        ObjectKind::posix_mq,
    ObjectKind::sysv_mq, ObjectKind::unix_stream, ObjectKind::unix_dgram,
    ObjectKind::tcp,     ObjectKind::udp,         ObjectKind::shm_ring};

// A walk through every ordered pair of mechanisms, each pair once
// (Hierholzer's circuit of the complete directed graph), from the first.
std::vector<int> every_pair_walk(int n) {
  std::vector<std::vector<int>> next(static_cast<size_t>(n));
  for (int a = 0; a < n; ++a)
    for (int b = n - 1; b >= 0; --b)
      if (a != b) next[static_cast<size_t>(a)].push_back(b);
  std::vector<int> stack{0}, walk;
  while (!stack.empty()) {
    auto& out = next[static_cast<size_t>(stack.back())];
    if (out.empty()) {
      walk.push_back(stack.back());
      stack.pop_back();
    } else {
      stack.push_back(out.back());
      out.pop_back();
    }
  }
  std::reverse(walk.begin(), walk.end());
  return walk;
}

std::vector<Event> switches(const std::vector<Event>& events) {
  std::vector<Event> out;
  for (const Event& e : events)
    if (e.ev == EventKind::switch_) out.push_back(e);
  return out;
}

size_t count_of(const std::vector<Event>& events, EventKind ev, const std::string& proc) {
  return static_cast<size_t>(std::count_if(
      events.begin(), events.end(), [&](const Event& e) { return e.ev == ev && e.proc == proc; }));
}

TEST(LiveSwitch, EveryPairOfMechanismsCarriesEveryMessageOnceAndInOrder) {
  constexpr int kMessages = 2000;
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: buffer, kind: channel, mechanism: pipe,
     alternatives: [fifo, posix_mq, sysv_mq, unix_stream, unix_dgram, tcp, udp, shm_ring]}
  - {name: room, kind: semaphore, initial: 6}
processes:
  - name: producer
    steps:
      - repeat:
          times: 2000
          steps: [{wait: room}, {send: {to: buffer, data: "m{i:5}"}}, {sleep: 1}]
  - name: consumer
    steps:
      - repeat: {times: 2000, steps: [{recv: {from: buffer, max: 6}}, {post: room}]}
)"));
  ASSERT_TRUE(ls);
  const pid_t producer = ls->pid("producer"), consumer = ls->pid("consumer");
  const int buffer = ls->session().scenario().object_index("buffer");
  ls->session().run(0);

  const std::vector<int> walk = every_pair_walk(static_cast<int>(kEvery.size()));
  ASSERT_EQ(walk.size(), kEvery.size() * (kEvery.size() - 1) + 1);
  double slowest_ms = 0;
  for (size_t s = 1; s < walk.size(); ++s) {
    // Some messages go through the current mechanism before it changes (the
    // producer sends about one per millisecond, so the flow outlasts the walk).
    const size_t got = count_of(ls->events(), EventKind::recv, "consumer");
    ASSERT_TRUE(ls->wait_for([&](const std::vector<Event>& ev) {
      return count_of(ev, EventKind::recv, "consumer") >= got + 12;
    })) << "no messages flow over "
        << to_string(kEvery[static_cast<size_t>(walk[s - 1])]) << " after " << got << " " << [&] {
             std::string t;
             for (const Event& e : ls->events())
               t += std::string(to_string(e.ev)) + " " + e.proc + " " + e.detail + e.data + "\n";
             return t.substr(t.size() > 3000 ? t.size() - 3000 : 0);
           }();
    const ObjectKind to = kEvery[static_cast<size_t>(walk[s])];
    std::string why;
    const auto t0 = steady_clock::now();
    ASSERT_TRUE(ls->session().switch_channel(buffer, to, &why))
        << to_string(kEvery[static_cast<size_t>(walk[s - 1])]) << " -> " << to_string(to) << ": "
        << why;
    slowest_ms = std::max(
        slowest_ms, std::chrono::duration<double, std::milli>(steady_clock::now() - t0).count());
    EXPECT_EQ(object_in(ls->snapshot(), "buffer").mechanism, to);
  }
  ASSERT_TRUE(ls->wait_finished());
  std::printf("[          ] %zu switches, the slowest took %.1f ms\n", walk.size() - 1, slowest_ms);
  EXPECT_LT(slowest_ms, 1000.0);  // the < 100 ms figure is measured in bench/

  // Every message once, in order: the sequence number is in the text.
  std::vector<std::string> got;
  for (const Event& e : ls->of(EventKind::recv, "consumer")) got.push_back(e.data);
  ASSERT_EQ(got.size(), static_cast<size_t>(kMessages));
  for (int i = 0; i < kMessages; ++i) {
    char want[16];
    std::snprintf(want, sizeof want, "m%05d", i + 1);
    ASSERT_EQ(got[static_cast<size_t>(i)], want) << "receive " << i + 1;
  }
  // The model paired each receive with its send.
  const std::vector<Event> recvs = ls->of(EventKind::recv, "consumer");
  for (size_t i = 0; i < recvs.size(); ++i) ASSERT_EQ(recvs[i].msg, static_cast<int64_t>(i + 1));

  const std::vector<Event> sw = switches(ls->events());
  ASSERT_EQ(sw.size(), walk.size() - 1);
  for (size_t s = 0; s < sw.size(); ++s) {
    EXPECT_EQ(sw[s].data, to_string(kEvery[static_cast<size_t>(walk[s + 1])]));
    EXPECT_EQ(sw[s].obj_name, "buffer");
  }
  // Nothing of the nine instances is left behind.
  const std::string tag = ls->tag(), folder = ls->folder();
  ls->stop();
  EXPECT_EQ(leftovers(tag, folder, {producer, consumer}, {ipc_object_name(tag, "buffer@posix_mq")},
                      {sysv_key(ipc_object_name(tag, "buffer@sysv_mq"))}),
            "");
  // The same two processes from start to end.
  EXPECT_EQ(ls->of(EventKind::spawn).size(), 2u);
  for (const Event& e : ls->events()) {
    if (e.proc == "producer") {
      ASSERT_EQ(e.pid, producer);
    }
    if (e.proc == "consumer") {
      ASSERT_EQ(e.pid, consumer);
    }
  }
}

const char* kSmallQueue = R"(objects:
  - {name: buffer, kind: channel, mechanism: posix_mq, capacity: 2,
     alternatives: [pipe, tcp, sysv_mq, unix_dgram]}
processes:
  - name: reader
    steps: [{recv: {from: buffer, max: 16}}, {recv: {from: buffer, max: 16}},
            {recv: {from: buffer, max: 16}}]
  - name: writer
    steps: [{send: {to: buffer, data: a}}, {send: {to: buffer, data: b}},
            {send: {to: buffer, data: c}}]
)";

TEST(LiveSwitch, AReceiverAsleepInTheOldMechanismWaitsInTheNewOne) {
  auto ls = LiveSession::start(scenario_text(kSmallQueue));
  ASSERT_TRUE(ls);
  const int buffer = ls->session().scenario().object_index("buffer");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "reader").kernel.syscall_name, "mq_timedreceive");

  std::string why;
  ASSERT_TRUE(ls->session().switch_channel(buffer, ObjectKind::pipe, &why)) << why;
  ls->settle();
  {
    const Snapshot snap = ls->snapshot();
    const WorkerStatus& r = worker_in(snap, "reader");
    EXPECT_EQ(r.state, WorkerState::blocked);
    EXPECT_EQ(r.kernel.state, 'S');
    EXPECT_EQ(r.kernel.syscall_name, "read");  // asleep in the pipe now
    EXPECT_EQ(object_in(snap, "buffer").mechanism, ObjectKind::pipe);
  }
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    return std::any_of(ev.begin(), ev.end(),
                       [](const Event& e) { return e.ev == EventKind::recv && e.data == "a"; });
  }));
  const std::vector<Event> got = ls->of(EventKind::recv, "reader");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].msg, 1);
  const std::vector<Event> returns = ls->of(EventKind::ret, "reader");
  ASSERT_FALSE(returns.empty());
  EXPECT_EQ(returns.back().syscall_name, "read");  // the call that got it
  // The receive was interrupted by the switch, not by a signal of the lesson.
  const std::vector<Event> unblocks = ls->of(EventKind::unblock, "reader");
  ASSERT_GE(unblocks.size(), 1u);
  EXPECT_NE(unblocks[0].detail.find("switching"), std::string::npos) << unblocks[0].detail;
  ASSERT_EQ(switches(ls->events()).size(), 1u);
  EXPECT_EQ(switches(ls->events())[0].value, 0);  // nothing was in flight
}

TEST(LiveSwitch, MessagesInFlightMoveWithTheirBoundariesAndASenderAsleepFinishes) {
  auto ls = LiveSession::start(scenario_text(kSmallQueue));
  ASSERT_TRUE(ls);
  const int buffer = ls->session().scenario().object_index("buffer");
  // Two messages fill the queue; the third send sleeps in mq_timedsend.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("writer"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "writer").kernel.syscall_name, "mq_timedsend");

  // Over TCP: the two in flight move, the sleeping sender's "c" follows.
  std::string why;
  ASSERT_TRUE(ls->session().switch_channel(buffer, ObjectKind::tcp, &why)) << why;
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    const auto sent = std::count_if(ev.begin(), ev.end(), [](const Event& e) {
      return e.ev == EventKind::ret && e.proc == "writer" && e.value == 1;
    });
    return sent == 3 && !switches(ev).empty();
  }));
  ls->settle();
  EXPECT_EQ(object_in(ls->snapshot(), "buffer").kernel_fill, 3);  // bytes, SIOCINQ
  EXPECT_EQ(object_in(ls->snapshot(), "buffer").model_fill, 3);
  const Event first = switches(ls->events()).at(0);
  EXPECT_EQ(first.value, 2);  // two messages carried over
  EXPECT_EQ(first.bytes, 2);

  // To a datagram socket: the byte stream is cut where the sends were.
  ASSERT_TRUE(ls->session().switch_channel(buffer, ObjectKind::unix_dgram, &why)) << why;
  ls->settle();
  EXPECT_EQ(object_in(ls->snapshot(), "buffer").model_fill, 3);  // messages
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  std::vector<std::string> got;
  std::vector<int64_t> seqs;
  for (const Event& e : ls->of(EventKind::recv, "reader")) {
    got.push_back(e.data);
    seqs.push_back(e.msg);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(seqs, (std::vector<int64_t>{1, 2, 3}));
}

TEST(LiveSwitch, ASwitchTheNewMechanismCannotHoldIsRefusedAndChangesNothing) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: buffer, kind: channel, mechanism: pipe, capacity: 2, alternatives: [posix_mq]}
processes:
  - name: writer
    steps: [{repeat: {times: 5, steps: [{send: {to: buffer, data: "x{i}"}}]}}]
  - name: reader
    steps: [{repeat: {times: 5, steps: [{recv: {from: buffer, max: 2}}]}}]
  - name: bystander
    steps: [{print: hello}]
)"));
  ASSERT_TRUE(ls);
  const int buffer = ls->session().scenario().object_index("buffer");
  for (int i = 0; i < 5; ++i) ASSERT_EQ(ls->step("writer"), StepResult::granted);
  std::string why;
  EXPECT_FALSE(ls->session().switch_channel(buffer, ObjectKind::posix_mq, &why));
  EXPECT_NE(why.find("cannot hold the 5 messages"), std::string::npos) << why;
  EXPECT_NE(why.find("stays a pipe"), std::string::npos) << why;
  ls->settle();
  const ObjectStatus o = object_in(ls->snapshot(), "buffer");
  EXPECT_EQ(o.mechanism, ObjectKind::pipe);
  EXPECT_EQ(o.kernel_fill, 10);  // every byte back, in order (checked below)

  // What cannot switch says why.
  EXPECT_FALSE(ls->session().switch_channel(buffer, ObjectKind::tcp, &why));
  EXPECT_EQ(why, "'buffer' cannot run on tcp; it can run on pipe, posix_mq");
  for (int i = 0; i < 5; ++i) ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("bystander"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  std::vector<std::string> got;
  for (const Event& e : ls->of(EventKind::recv, "reader")) got.push_back(e.data);
  EXPECT_EQ(got, (std::vector<std::string>{"x1", "x2", "x3", "x4", "x5"}));
  EXPECT_TRUE(switches(ls->events()).empty());
}

TEST(LiveSwitch, OnlyAChannelWithAlternativesSwitches) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: p, kind: pipe}
processes:
  - name: a
    steps: [{send: {to: p, data: x}}]
  - name: b
    steps: [{recv: p}]
)"));
  ASSERT_TRUE(ls);
  std::string why;
  EXPECT_FALSE(ls->session().switch_channel(0, ObjectKind::fifo, &why));
  EXPECT_EQ(why, "'p' is a pipe; only a channel that lists alternatives can switch");
  EXPECT_FALSE(ls->session().switch_channel(7, ObjectKind::fifo, &why));
  EXPECT_EQ(why, "there is no such object");
}

}  // namespace
}  // namespace ipclab::live
