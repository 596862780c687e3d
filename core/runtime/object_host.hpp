// The supervisor's side of a session's IPC objects: creates each real kernel
// object (recorded in the manifest first), keeps a handle to ask the kernel
// how full it is, and removes it at the end.
#pragma once

#include <semaphore.h>
#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "mechanisms/channel.hpp"
#include "observer/file_locks.hpp"
#include "runtime/control_block.hpp"
#include "runtime/object_host_sync.hpp"
#include "runtime/session_dir.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

class ObjectHost {
 public:
  ObjectHost() = default;
  ObjectHost(const ObjectHost&) = delete;
  ObjectHost& operator=(const ObjectHost&) = delete;
  ~ObjectHost();

  // Creates every object. On failure `message` is a sentence naming the
  // object, the call and the errno, and what was made so far is removed.
  std::error_code create(const Scenario& s, SessionDir& dir, ControlBlock& ctl,
                         std::string* message);
  // Descriptors the workers inherit (pipe and socket ends).
  std::vector<int> inherited_fds() const;
  // Once every worker runs: drop the supervisor's ends of pipes and
  // sockets, so readers see end of file when the last writer exits and a
  // writer gets EPIPE when the last reader is gone, as in any C program.
  // `keep_write_end(obj)`: the supervisor keeps that write end (the
  // instances of a switchable channel not in use, so a switch can fill
  // them even after every sender has gone; the one in use has none, so
  // its readers still see end of file).
  void release_ends(const std::function<bool(int obj)>& keep_write_end = {});
  // A switch: the instance it moves to gives up the supervisor's write end
  // (drop); the one it leaves gets one (keep, a descriptor it now owns).
  void drop_write_end(int obj);
  void keep_write_end(int obj, int fd);

  // Lends the supervisor, for a moment, a worker's descriptor of object
  // `obj`'s end (0 = read, 1 = write): a new descriptor the caller closes,
  // or -1 when no live worker holds that end.
  using FdLender = std::function<int(int obj, int end)>;
  // Kernel truth: bytes in a pipe/FIFO/stream socket, messages in a queue,
  // semaphore value. Pipes and sockets are asked through a lent descriptor.
  std::optional<int64_t> kernel_fill(int obj, const FdLender& lend) const;
  // What else the kernel says that fits no number: the size of the next
  // datagram, the port. Empty when nothing.
  std::string kernel_note(int obj, const FdLender& lend) const;
  // Where a socket channel lives ("127.0.0.1:40123", a path); empty otherwise.
  std::string address(int obj) const;
  // The shared cells of a shared_memory object (empty for other kinds).
  std::vector<int64_t> cells(int obj) const;
  // A file_lock's lines of /proc/locks: who holds which range, and whom each
  // waiter is blocked by (empty for other kinds).
  std::vector<KernelFileLock> file_locks(int obj) const;
  // Kernel-side owner (thread id stored in the mutex), 0 = free.
  pid_t mutex_owner_tid(const ControlBlock& ctl, int obj) const;
  // The objects that live in the control block: an event's futex word (1 =
  // set), how many processes a barrier holds now (its own counters).
  std::optional<int64_t> in_block_fill(const ControlBlock& ctl, int obj) const;

  // The supervisor's own end of channel `obj`, for moving messages in a
  // live switch (non-blocking sends and receives); nullptr with *err when
  // no process holds the end any more.
  std::unique_ptr<ChannelEnd> open_end(int obj, bool reads, bool writes, const FdLender& lend,
                                       int* err) const;

  void destroy();

 private:
  struct Held {
    ObjectKind mechanism = ObjectKind::pipe;
    std::string name;     // kernel name or path
    int fd = -1;          // pipe/FIFO read end kept for FIONREAD
    int write_fd = -1;    // pipe write end until release_write_ends
    std::string address;  // sockets
    bool robust = false;  // mutex
    int mq = -1;
    int sysv_id = -1;  // System V queue
    SemaphoreHandle semaphore;
    int64_t* cells = nullptr;
    size_t cells_bytes = 0;
    void* ring = nullptr;  // shm_ring: the supervisor's mapping
    size_t ring_bytes = 0;
    const pthread_rwlock_t* rwlock = nullptr;  // rwlock: in the control block
    dev_t file_dev = 0;                        // file_lock: the file, as /proc/locks names it
    ino_t file_ino = 0;
  };
  std::vector<Held> held_;
};

}  // namespace ipclab
