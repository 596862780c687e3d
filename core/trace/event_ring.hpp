// A single-producer single-consumer ring of EventRecords living in shared
// memory: the worker appends, the supervisor's pump drains. Appending is a
// copy and a release store; no syscall unless the consumer asked to be woken.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "trace/event.hpp"

namespace ipclab {

struct alignas(64) EventRing {
  alignas(64) std::atomic<uint64_t> head{0};  // next slot the producer writes
  alignas(64) std::atomic<uint64_t> tail{0};  // next slot the consumer reads
  // The producer's own line: its copy of head and the tail it last saw, so
  // a push reads no line the consumer writes unless the ring looks full.
  alignas(64) uint64_t producer_head = 0;
  uint64_t producer_seen_tail = 0;
  alignas(64) std::atomic<uint32_t> producer_waiting{0};  // futex word: producer waits for room
  std::atomic<uint64_t> full_waits{0};                    // times the producer had to wait for room
  std::atomic<uint64_t> dropped{0};                       // records dropped in sampling mode
  uint32_t capacity = 0;                                  // power of two
  uint32_t sampling = 0;                                  // 1: drop when full instead of waiting
  alignas(64) EventRecord records[1];                     // really `capacity` records

  static size_t bytes_for(uint32_t capacity) {
    return offsetof(EventRing, records) + sizeof(EventRecord) * capacity;
  }
  // Placement-initialises a ring in zeroed shared memory.
  static EventRing* init(void* at, uint32_t capacity, bool sampling);

  // Producer side. `wake` is called after publishing when the consumer is
  // asleep; it is only ever a cheap check in the common case.
  // Returns false if the record was dropped (sampling mode, ring full).
  bool push(const EventRecord& r);

  // Consumer side: copies up to `max` records into out, returns the count.
  size_t pop(EventRecord* out, size_t max);
  size_t size() const {
    return static_cast<size_t>(head.load(std::memory_order_acquire) -
                               tail.load(std::memory_order_acquire));
  }
  // Wakes a producer waiting for room (call after pop freed space).
  void wake_producer();
};

}  // namespace ipclab
