// What the kernel says about a process or an IPC object, read from /proc and
// from the objects' own query calls. Pure reads: nothing here changes state.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ipclab {

struct ProcessTruth {
  bool alive = false;               // /proc/PID/stat was readable
  char state = '?';                 // R S D T t Z X I from /proc/PID/stat
  std::string state_word;           // "running", "sleeping", "disk sleep", "stopped", "zombie", ...
  long syscall_nr = -1;             // from /proc/PID/syscall; -1 = running in user space or unknown
  std::string syscall_name;         // "read", "futex", ... ("" when unknown)
  std::string wchan;                // /proc/PID/wchan ("" for "0" or unreadable)
  uint64_t sig_pending = 0;         // SigPnd | ShdPnd from /proc/PID/status (bit n-1 = signal n)
  uint64_t sig_blocked = 0;         // SigBlk
  uint64_t voluntary_switches = 0;  // voluntary_ctxt_switches
};

ProcessTruth probe_process(pid_t pid);

// The process-wide pending set alone (ShdPnd in /proc/PID/status: where
// kill() and sigqueue() put a signal), or nullopt when it cannot be read.
std::optional<uint64_t> shared_pending_signals(pid_t pid);

// The name of syscall `nr` on this architecture (x86_64 and aarch64 tables),
// or "" when unknown.
std::string_view syscall_name(long nr);

// Human names of the signals set in a SigPnd-style mask: "SIGUSR1 SIGTERM".
std::string signal_mask_names(uint64_t mask);

// Bytes waiting in a pipe, FIFO or stream socket (FIONREAD), or nullopt.
std::optional<int64_t> bytes_unread(int fd);

}  // namespace ipclab
