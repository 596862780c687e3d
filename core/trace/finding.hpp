// What the simulator itself noticed going wrong, from the processes' own
// events and the kernel: a lost update, two processes inside one critical
// section, a deadlock cycle, a starving waiter, a message split by a byte
// stream, a signal lost because one was already pending, a buffer overrun or
// underrun.
// Lessons check them (`expect: {happened: [race]}`), challenges are won by
// them (`challenge: {goal: race}`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ipclab {

enum class FindingKind : uint8_t {
  race,         // a lost update on a shared cell
  exclusion,    // two processes inside a critical section at once
  deadlock,     // a wait-for cycle, or every process blocked for good
  starvation,   // a waiter overtaken again and again
  split,        // a read took part of a message, or parts of two (a byte stream)
  signal_lost,  // a standard signal sent while the same one was pending
  overflow,     // a buffer without its semaphores: a slot overwritten before it was read
  underflow,    // ... a slot read where nothing new was written (empty or stale)
};
constexpr int kFindingKindCount = 8;

std::string_view to_string(FindingKind);
std::optional<FindingKind> finding_kind_from(std::string_view);

struct Finding {
  FindingKind kind = FindingKind::race;
  int worker = -1;    // the process it happened to, or -1
  int obj = -1;       // the object, or -1
  int64_t value = 0;  // starvation: times overtaken; split: bytes of the message read
  std::string text;   // the event's own sentence, in English
};

// How workers word the events that are findings (their `detail` starts so);
// StateModel recognises them by these prefixes.
inline constexpr std::string_view kLostUpdatePrefix = "lost update:";
inline constexpr std::string_view kExclusionPrefix = "mutual exclusion broken:";
inline constexpr std::string_view kOverflowPrefix = "overflow:";
inline constexpr std::string_view kUnderflowPrefix = "underflow:";
inline constexpr std::string_view kSignalLostPrefix = "lost:";
inline constexpr std::string_view kStarvingPrefix = "starving:";

}  // namespace ipclab
