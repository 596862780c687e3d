// EventTextPool: the texts of one event-log column (process names, object
// names, message data, details), each kept once as a QString and named by a
// small id. A batch of 16,000 events repeats a handful of texts, so a row
// stores ids instead of strings and the QString is made once per text.
#pragma once

#include <QString>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class EventTextPool {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The id of `text` (kNone for an empty text); a text not seen before gets
  // the next id.
  uint32_t intern(std::string_view text) {
    if (text.empty()) return kNone;
    // Most texts were seen a moment ago: a small direct-mapped cache keyed
    // by a cheap look at the text answers before the hash map is asked.
    uint32_t& cached = recent_[quickSlot(text)];
    if (cached < keys_.size() && *keys_[cached] == text) return cached;
    if (const auto it = ids_.find(text); it != ids_.end()) return cached = it->second;
    const auto id = static_cast<uint32_t>(texts_.size());
    texts_.push_back(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    keys_.push_back(&ids_.emplace(std::string(text), id).first->first);
    return cached = id;
  }
  const QString& text(uint32_t id) const {
    static const QString none;
    return id < texts_.size() ? texts_[id] : none;
  }
  std::string_view key(uint32_t id) const {
    return id < keys_.size() ? std::string_view(*keys_[id]) : std::string_view();
  }
  size_t size() const { return texts_.size(); }
  void clear() {
    recent_.fill(kNone);
    texts_.clear();
    keys_.clear();
    ids_.clear();
  }

 private:
  static constexpr size_t kRecent = 256;
  // The length and the first and last 8 bytes, mixed: enough to tell
  // "item 3" from "item 4" and "lock guard" from "wait on full".
  static size_t quickSlot(std::string_view s) {
    // Two plain loads where there are 8 bytes (a copy of variable length
    // went through the stack and stalled the load that read it back).
    uint64_t head = 0, tail = 0;
    if (s.size() >= 8) {
      std::memcpy(&head, s.data(), 8);
      std::memcpy(&tail, s.data() + s.size() - 8, 8);
    } else {
      for (size_t i = 0; i < s.size(); ++i)
        head |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
      tail = head;
    }
    const uint64_t mixed =
        (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ s.size();
    return static_cast<size_t>(mixed >> 56) & (kRecent - 1);
  }

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::array<uint32_t, kRecent> recent_ = filled();
  static std::array<uint32_t, kRecent> filled() {
    std::array<uint32_t, kRecent> a;
    a.fill(kNone);
    return a;
  }
  std::vector<QString> texts_;
  std::vector<const std::string*> keys_;  // into ids_ (its nodes do not move)
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};
