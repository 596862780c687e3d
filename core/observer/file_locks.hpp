// The kernel's table of file locks (/proc/locks), read for one file: who
// holds which range in which style, and who waits for it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

struct KernelFileLock {
  std::string style;     // POSIX (fcntl record lock), FLOCK, OFDLCK (open file description)
  bool waiting = false;  // a "->" line: a request blocked behind the lock above it
  bool write = false;    // WRITE (exclusive) or READ (shared)
  pid_t pid = 0;         // the owner; -1 for OFD locks, which belong to no process
  int64_t start = 0;
  int64_t end = -1;  // last byte, -1 = to the end of the file (EOF)
  // A waiter: the owner of the lock it is blocked by (the held line with the
  // same id), -1 for an OFD lock or when not found. This, not every holder
  // of the file, is whom it waits for: ranges that do not overlap do not.
  pid_t blocker = 0;
};

// Every line of /proc/locks (or `text`, for tests) about the file `dev`/`ino`.
std::vector<KernelFileLock> file_locks_on(dev_t dev, ino_t ino);
std::vector<KernelFileLock> parse_proc_locks(const std::string& text, dev_t dev, ino_t ino);

// "POSIX WRITE pid 4711 bytes 0-9; FLOCK READ pid 4712 whole file; waits:
// POSIX WRITE pid 4713 bytes 5-14", or "no locks (/proc/locks)".
std::string describe_file_locks(const std::vector<KernelFileLock>& locks);

}  // namespace ipclab
