// EventTextPool: the texts of one event-log column (process names, object
// names, message data, details), each kept once as a QString and named by a
// small id. A batch of 16,000 events repeats a handful of texts, so a row
// stores ids instead of strings and the QString is made once per text.
#pragma once

#include <QString>
#include <cstdint>
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
    if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(texts_.size());
    texts_.push_back(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    keys_.push_back(&ids_.emplace(std::string(text), id).first->first);
    return id;
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
    texts_.clear();
    keys_.clear();
    ids_.clear();
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<QString> texts_;
  std::vector<const std::string*> keys_;  // into ids_ (its nodes do not move)
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};
