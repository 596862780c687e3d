// Events on their way from the pump to the consumer. Most are the workers'
// raw ring records, kept as they are (128 bytes, no strings) and decoded
// only when a consumer takes them; the few the session makes itself (spawn,
// exit, kernel samples, deadlock) are whole Events. Internal to Session.
#pragma once

#include <cstdint>
#include <vector>

#include "trace/event.hpp"

namespace ipclab {

struct EventBatch {
  struct Item {
    uint64_t t_ns;   // since session start
    int32_t worker;  // raw: the ring's worker
    uint32_t index;  // into records (raw) or made
    bool raw;
  };
  std::vector<Item> items;  // in time order once sorted
  std::vector<EventRecord> records;
  std::vector<Event> made;

  void push_back(Event e) {
    items.push_back({e.t_ns, e.worker, static_cast<uint32_t>(made.size()), false});
    made.push_back(std::move(e));
  }
  void add_record(int worker, uint64_t t_ns, const EventRecord& r) {
    items.push_back({t_ns, worker, static_cast<uint32_t>(records.size()), true});
    records.push_back(r);
  }
  bool empty() const { return items.empty(); }
  size_t size() const { return items.size(); }
  void clear() {
    items.clear();
    records.clear();
    made.clear();
  }
  // Moves other's items to the end of this batch.
  void append(EventBatch& other);
  // Stable: items of one time keep their order.
  void sort_by_time();
};

}  // namespace ipclab
