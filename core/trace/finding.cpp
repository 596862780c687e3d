#include "trace/finding.hpp"

#include <array>

namespace ipclab {

namespace {
constexpr std::array<std::string_view, kFindingKindCount> kNames = {
    "race", "exclusion", "deadlock", "starvation", "split", "signal_lost", "overflow", "underflow"};
}

std::string_view to_string(FindingKind k) {
  const auto i = static_cast<size_t>(k);
  return i < kNames.size() ? kNames[i] : std::string_view("?");
}

std::optional<FindingKind> finding_kind_from(std::string_view s) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == s) return static_cast<FindingKind>(i);
  return std::nullopt;
}

}  // namespace ipclab
