// Trace events: the fixed-size binary record a worker writes into its ring,
// and the decoded Event consumers (CLI, GUI, exporters) receive.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ipclab {

// The `ev` field of DESIGN.md's event lines. Values are stable: they are
// written into shared memory by one binary and read by another.
enum class EventKind : uint8_t {
  spawn,
  exit,
  step,
  call,
  ret,
  block,
  unblock,
  send,
  recv,
  acquire,
  release,
  value,
  signal,
  deliver,
  switch_,
  deadlock,
  race,
  error,
};
constexpr int kEventKindCount = 18;

std::string_view to_string(EventKind);  // "return" for ret, "switch" for switch_
std::optional<EventKind> event_kind_from(std::string_view);

// What a worker writes, 128 bytes, no pointers. Times are CLOCK_MONOTONIC ns.
struct EventRecord {
  uint64_t t_ns = 0;
  EventKind ev = EventKind::step;
  uint8_t flags = 0;     // kHas* bits
  int16_t obj = -1;      // object index in the scenario, or -1
  int16_t syscall = -1;  // syscall number, or -1
  uint16_t data_len = 0;
  int32_t op = -1;    // index of the op in the worker's plan
  int32_t peer = -1;  // worker index of the other side (signal target), or errno for error
  int64_t msg = -1;   // message sequence number (per object, from 1)
  int64_t bytes = -1;
  int64_t value = 0;
  char data[80] = {};

  static constexpr uint8_t kHasValue = 1;
  static constexpr uint8_t kHasErrno = 2;
  static constexpr uint8_t kTimed = 4;  // block: the wait has a timeout
  // A worker folds events of one instant into one record (see
  // record_events): fewer records per op, the same events for consumers.
  static constexpr uint8_t kStep = 8;      // a `step` of op `op` comes first
  static constexpr uint8_t kUnblock = 16;  // then an `unblock` on obj
  static constexpr uint8_t kReturn = 32;   // recv: then a `return` of syscall, value = bytes
  static constexpr uint8_t kCall = 64;     // send: a `call` of syscall follows the send
};
static_assert(sizeof(EventRecord) == 128);

// The events one record stands for, in their order: step, unblock, return,
// the record's own event, call. Which of them are there is in the flags.
struct RecordEvents {
  EventKind kinds[5];
  int count = 0;
};
RecordEvents record_events(const EventRecord& r);

// A decoded event as consumers see it. Only the fields that apply are set
// (obj_name empty, msg -1, bytes -1, ... otherwise).
struct Event {
  uint64_t t_ns = 0;  // since session start
  EventKind ev = EventKind::step;
  int worker = -1;  // index into the session's workers, -1 for the session itself
  std::string proc;
  pid_t pid = 0;
  int obj = -1;
  std::string obj_name;
  int op = -1;
  int64_t msg = -1;
  int64_t bytes = -1;
  std::string data;
  std::optional<int64_t> value;
  int syscall = -1;
  std::string syscall_name;
  std::string wchan;
  std::string detail;
  bool timed = false;
};

// One JSON object, no trailing newline, keys as in DESIGN.md.
std::string to_json_line(const Event&);
// One aligned human line: "   12.345 ms  producer     4711  send    buffer  #3 6 B "item 3"".
std::string to_human_line(const Event&);
// JSON string escaping (UTF-8 passes through, control bytes become \u00XX).
void append_json_string(std::string& out, std::string_view s);

}  // namespace ipclab
