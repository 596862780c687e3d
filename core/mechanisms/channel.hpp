// One process's end of a message channel (pipe, FIFO, message queue, ...).
// Every call is the real syscall, made once: EINTR comes back to the caller,
// which decides (as a lesson on signals needs) whether to retry.
// Every call is the real syscall. `wait=false` makes the non-blocking try
// the worker does first; EAGAIN in IoResult::err then means "would block".
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ipclab {

struct IoResult {
  int err = 0;    // errno, 0 on success
  ssize_t n = 0;  // bytes moved; 0 on recv means end of file
  int64_t priority = 0;
};

class ChannelEnd {
 public:
  virtual ~ChannelEnd() = default;
  // `tag`: the priority of a POSIX queue message, the type of a System V
  // one; ignored elsewhere.
  virtual IoResult send(std::string_view data, int64_t tag, bool wait) = 0;
  // `select`: which System V message type to take (msgrcv's msgtyp);
  // ignored elsewhere. IoResult::priority is the priority or type received.
  virtual IoResult recv(char* buf, size_t max, bool wait, int64_t select) = 0;
  virtual long send_syscall() const = 0;  // SYS_write, SYS_mq_timedsend, ...
  virtual long recv_syscall() const = 0;
  // Largest message recv can return in one call (mq_msgsize for queues).
  virtual size_t max_message() const { return 65536; }
  // The blocking descriptor of a byte-stream end, for a program's stdin
  // (read) or stdout (write); -1 when this mechanism has none.
  virtual int stream_fd(bool write) const {
    (void)write;
    return -1;
  }
  // Closes this process's end for reading or writing (as a shell closes
  // its copies after fork), so others see end of file or EPIPE.
  virtual void close_end(bool write) { (void)write; }
};

// Anonymous pipe: `rfd`/`wfd` are the inherited blocking descriptors (-1 if
// this process does not use that end, which it then closes). Non-blocking
// twins are opened through /proc/self/fd so the shared descriptors' flags stay
// untouched.
std::unique_ptr<ChannelEnd> open_pipe_end(int rfd, int wfd, int* err);

// FIFO at `path`, opened for the ends this process uses.
std::unique_ptr<ChannelEnd> open_fifo_end(const std::string& path, bool reads, bool writes,
                                          int* err);

// A stream end over descriptors already open: blocking and non-blocking,
// for reading and writing (-1 when unused); it closes them.
std::unique_ptr<ChannelEnd> fd_channel_end(int rfd, int rfd_nb, int wfd, int wfd_nb);

// POSIX message queue `name` (already created by the supervisor).
std::unique_ptr<ChannelEnd> open_mq_end(const std::string& name, bool reads, bool writes, int* err);

// A socket channel: `rfd` the end receivers read (-1 if unused), `wfd` the
// end senders write, both connected by the supervisor and inherited.
std::unique_ptr<ChannelEnd> open_socket_end(int rfd, int wfd, bool datagrams);

// System V message queue `id` (msgget by the supervisor).
std::unique_ptr<ChannelEnd> open_sysv_mq_end(int id);
// The largest message a System V queue takes (/proc/sys/kernel/msgmax).
size_t sysv_msgmax();

}  // namespace ipclab
