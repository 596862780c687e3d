#include "trace/event_ring.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cstring>
#include <new>

namespace ipclab {

namespace {

void futex_wait(std::atomic<uint32_t>* word, uint32_t expected, long timeout_ns) {
  timespec ts{0, timeout_ns};
  // Shared (not FUTEX_PRIVATE): the word lives in memory mapped by two processes.
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAIT, expected, &ts, nullptr, 0);
}

void futex_wake(std::atomic<uint32_t>* word) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

}  // namespace

EventRing* EventRing::init(void* at, uint32_t capacity, bool sampling) {
  auto* ring = new (at) EventRing;
  ring->capacity = capacity;
  ring->sampling = sampling ? 1 : 0;
  return ring;
}

bool EventRing::push(const EventRecord& r) {
  const uint64_t h = producer_head;
  if (h - producer_seen_tail >= capacity &&
      h - (producer_seen_tail = tail.load(std::memory_order_acquire)) >= capacity) {
    if (sampling) {
      dropped.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    full_waits.fetch_add(1, std::memory_order_relaxed);
    // Wait for the consumer to make room. The timeout only bounds a missed
    // wake-up; the consumer wakes us as soon as it pops.
    while (h - tail.load(std::memory_order_acquire) >= capacity) {
      producer_waiting.store(1, std::memory_order_seq_cst);
      if (h - tail.load(std::memory_order_seq_cst) < capacity) break;
      futex_wait(&producer_waiting, 1, 5'000'000);
    }
    producer_waiting.store(0, std::memory_order_relaxed);
    producer_seen_tail = tail.load(std::memory_order_acquire);
  }
  std::memcpy(&records[h & (capacity - 1)], &r, sizeof r);
  producer_head = h + 1;
  head.store(h + 1, std::memory_order_release);
#if defined(__x86_64__)
  // Ask for the next slot's two cache lines for writing now: the consumer
  // on the other CPU last read them, and fetching them at the next push
  // would stall it. (prefetchw is a no-op on CPUs without it.)
  const char* next = reinterpret_cast<const char*>(&records[(h + 1) & (capacity - 1)]);
  asm volatile("prefetchw (%0)\n\tprefetchw 64(%0)" : : "r"(next));
#endif
  return true;
}

size_t EventRing::pop(EventRecord* out, size_t max) {
  const uint64_t t = tail.load(std::memory_order_relaxed);
  const uint64_t h = head.load(std::memory_order_acquire);
  size_t n = static_cast<size_t>(h - t);
  if (n > max) n = max;
  for (size_t i = 0; i < n; ++i)
    std::memcpy(&out[i], &records[(t + i) & (capacity - 1)], sizeof *out);
  tail.store(t + n, std::memory_order_seq_cst);
  if (n > 0) wake_producer();
  return n;
}

void EventRing::wake_producer() {
  if (producer_waiting.load(std::memory_order_seq_cst) != 0) {
    producer_waiting.store(0, std::memory_order_relaxed);
    futex_wake(&producer_waiting);
  }
}

}  // namespace ipclab
