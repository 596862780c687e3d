#include "runtime/event_batch.hpp"

#include <algorithm>
#include <iterator>

namespace ipclab {

void EventBatch::append(EventBatch& other) {
  if (empty()) {
    std::swap(*this, other);
    other.clear();
    return;
  }
  const auto raw_base = static_cast<uint32_t>(records.size());
  const auto made_base = static_cast<uint32_t>(made.size());
  items.reserve(items.size() + other.items.size());
  for (Item it : other.items) {
    it.index += it.raw ? raw_base : made_base;
    items.push_back(it);
  }
  records.insert(records.end(), other.records.begin(), other.records.end());
  made.insert(made.end(), std::make_move_iterator(other.made.begin()),
              std::make_move_iterator(other.made.end()));
  other.clear();
}

void EventBatch::sort_by_time() {
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.t_ns < b.t_ns; });
}

}  // namespace ipclab
