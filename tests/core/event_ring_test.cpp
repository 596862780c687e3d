// The event ring: order, wrap-around, a producer in another process that
// writes far more than the ring holds while the consumer drains (nothing
// lost, order kept, the producer waited), and sampling mode (drops counted).
#include "trace/event_ring.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "system_probe.hpp"

namespace ipclab::live {
namespace {

using namespace std::chrono_literals;

// A ring in shared anonymous memory (so a forked child shares it), unmapped
// at scope exit.
class SharedRing {
 public:
  SharedRing(uint32_t capacity, bool sampling) : bytes_(EventRing::bytes_for(capacity)) {
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) ring_ = EventRing::init(p, capacity, sampling);
  }
  ~SharedRing() {
    if (ring_) ::munmap(ring_, bytes_);
  }
  SharedRing(const SharedRing&) = delete;
  SharedRing& operator=(const SharedRing&) = delete;
  EventRing* operator->() { return ring_; }
  EventRing* get() { return ring_; }

 private:
  size_t bytes_;
  EventRing* ring_ = nullptr;
};

EventRecord numbered(int64_t n) {
  EventRecord r;
  r.ev = EventKind::send;
  r.msg = n;
  r.value = n * 3;
  r.data_len = static_cast<uint16_t>(
      std::snprintf(r.data, sizeof r.data, "record %lld", static_cast<long long>(n)));
  return r;
}

std::vector<EventRecord> drain(EventRing* ring) {
  std::vector<EventRecord> out;
  EventRecord buf[32];
  size_t n;
  while ((n = ring->pop(buf, 32)) > 0) out.insert(out.end(), buf, buf + n);
  return out;
}

TEST(EventRing, KeepsOrderAndContent) {
  SharedRing ring(64, false);
  ASSERT_TRUE(ring.get());
  EXPECT_EQ(ring->size(), 0u);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(ring->push(numbered(i)));
  EXPECT_EQ(ring->size(), 10u);
  const std::vector<EventRecord> got = drain(ring.get());
  ASSERT_EQ(got.size(), 10u);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(got[i].msg, i);
    EXPECT_EQ(got[i].value, 3 * i);
    EXPECT_EQ(std::string(got[i].data, got[i].data_len), "record " + std::to_string(i));
  }
  EXPECT_EQ(ring->size(), 0u);
  EXPECT_EQ(ring->full_waits.load(), 0u);
  EXPECT_EQ(ring->dropped.load(), 0u);
}

TEST(EventRing, WrapsAroundManyTimes) {
  SharedRing ring(64, false);
  ASSERT_TRUE(ring.get());
  int64_t next_in = 0, next_out = 0;
  // Uneven batches so the head and tail cross the end at different places.
  for (int round = 0; round < 50; ++round) {
    const int n = 1 + (round * 7) % 63;
    for (int i = 0; i < n; ++i) ASSERT_TRUE(ring->push(numbered(next_in++)));
    EventRecord buf[64];
    const size_t got = ring->pop(buf, 64);
    ASSERT_EQ(got, static_cast<size_t>(n));
    for (size_t i = 0; i < got; ++i) ASSERT_EQ(buf[i].msg, next_out++);
  }
  EXPECT_GT(ring->head.load(), 64u * 10) << "wrapped many times";
  EXPECT_EQ(ring->full_waits.load(), 0u);
}

TEST(EventRing, PopRespectsMax) {
  SharedRing ring(64, false);
  ASSERT_TRUE(ring.get());
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(ring->push(numbered(i)));
  EventRecord buf[20];
  ASSERT_EQ(ring->pop(buf, 5), 5u);
  EXPECT_EQ(buf[4].msg, 4);
  EXPECT_EQ(ring->size(), 15u);
  ASSERT_EQ(ring->pop(buf, 20), 15u);
  EXPECT_EQ(buf[0].msg, 5);
  EXPECT_EQ(buf[14].msg, 19);
}

// A child process writes 20 times the capacity. The consumer first lets the
// ring fill up (the producer must wait), then drains: every record arrives
// exactly once and in order.
TEST(EventRing, ProducerInAnotherProcessLosesNothing) {
  constexpr uint32_t kCapacity = 256;
  constexpr int64_t kTotal = kCapacity * 20;
  SharedRing ring(kCapacity, false);
  ASSERT_TRUE(ring.get());
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    for (int64_t i = 0; i < kTotal; ++i) ring->push(numbered(i));
    ::_exit(0);
  }
  // Kills and reaps the child if the test fails half-way. Never with a
  // pid <= 0: kill(-1) would signal every process we may signal.
  struct Reap {
    pid_t pid;
    ~Reap() {
      if (pid <= 0) return;
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  } reap{child};

  // A slow consumer: the ring is full before it reads anything.
  ASSERT_TRUE(wait_until([&] { return ring->size() == kCapacity; }, 10s));
  ASSERT_TRUE(wait_until([&] { return ring->producer_waiting.load() != 0; }, 10s))
      << "the producer should be waiting for room";
  std::vector<EventRecord> got;
  EventRecord buf[64];
  ASSERT_TRUE(wait_until(
      [&] {
        size_t n;
        while ((n = ring->pop(buf, 64)) > 0) got.insert(got.end(), buf, buf + n);
        return got.size() >= static_cast<size_t>(kTotal);
      },
      30s));
  ASSERT_EQ(got.size(), static_cast<size_t>(kTotal));
  for (int64_t i = 0; i < kTotal; ++i) {
    ASSERT_EQ(got[static_cast<size_t>(i)].msg, i) << "order or loss at " << i;
    ASSERT_EQ(got[static_cast<size_t>(i)].value, 3 * i);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  reap.pid = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_GT(ring->full_waits.load(), 0u);
  EXPECT_EQ(ring->dropped.load(), 0u);
  EXPECT_EQ(ring->size(), 0u);
}

// Sampling mode never makes the producer wait: what does not fit is
// dropped and counted, what fits keeps its order.
TEST(EventRing, SamplingModeDropsAndCounts) {
  SharedRing ring(64, true);
  ASSERT_TRUE(ring.get());
  int accepted = 0;
  for (int i = 0; i < 100; ++i) accepted += ring->push(numbered(i)) ? 1 : 0;
  EXPECT_EQ(accepted, 64);
  EXPECT_EQ(ring->dropped.load(), 36u);
  EXPECT_EQ(ring->full_waits.load(), 0u);
  std::vector<EventRecord> got = drain(ring.get());
  ASSERT_EQ(got.size(), 64u);
  for (int i = 0; i < 64; ++i) EXPECT_EQ(got[static_cast<size_t>(i)].msg, i);
  // Room again: the next records are kept.
  EXPECT_TRUE(ring->push(numbered(1000)));
  got = drain(ring.get());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].msg, 1000);
  EXPECT_EQ(ring->dropped.load(), 36u);
}

}  // namespace
}  // namespace ipclab::live
