// Pipes and FIFOs: byte streams behind file descriptors.
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include "mechanisms/channel.hpp"

namespace ipclab {

namespace {

int reopen_nonblocking(int fd, int mode) {
  if (fd < 0) return -1;
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  return ::open(self.c_str(), mode | O_NONBLOCK | O_CLOEXEC);
}

// A stream end: blocking and non-blocking descriptors for reading and
// writing (any of them -1 when unused).
class FdChannelEnd final : public ChannelEnd {
 public:
  FdChannelEnd(int rfd, int rfd_nb, int wfd, int wfd_nb)
      : rfd_(rfd), rfd_nb_(rfd_nb), wfd_(wfd), wfd_nb_(wfd_nb) {}
  ~FdChannelEnd() override {
    for (int fd : {rfd_, rfd_nb_, wfd_, wfd_nb_})
      if (fd >= 0) ::close(fd);
  }

  IoResult send(std::string_view data, int64_t, bool wait) override {
    const int fd = wait ? wfd_ : wfd_nb_;
    if (fd < 0) return {wait ? EBADF : EAGAIN, 0, 0};
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) return {errno, 0, 0};
    return {0, n, 0};
  }

  IoResult recv(char* buf, size_t max, bool wait, int64_t) override {
    const int fd = wait ? rfd_ : rfd_nb_;
    if (fd < 0) return {wait ? EBADF : EAGAIN, 0, 0};
    const ssize_t n = ::read(fd, buf, max);
    if (n < 0) return {errno, 0, 0};
    return {0, n, 0};
  }

  long send_syscall() const override { return SYS_write; }
  long recv_syscall() const override { return SYS_read; }
  int stream_fd(bool write) const override { return write ? wfd_ : rfd_; }
  void close_end(bool write) override {
    int* ends[2] = {write ? &wfd_ : &rfd_, write ? &wfd_nb_ : &rfd_nb_};
    for (int* fd : ends)
      if (*fd >= 0) {
        ::close(*fd);
        *fd = -1;
      }
  }

 private:
  int rfd_, rfd_nb_, wfd_, wfd_nb_;
};

}  // namespace

std::unique_ptr<ChannelEnd> fd_channel_end(int rfd, int rfd_nb, int wfd, int wfd_nb) {
  return std::make_unique<FdChannelEnd>(rfd, rfd_nb, wfd, wfd_nb);
}

std::unique_ptr<ChannelEnd> open_pipe_end(int rfd, int wfd, int* err) {
  const int rnb = reopen_nonblocking(rfd, O_RDONLY);
  const int wnb = reopen_nonblocking(wfd, O_WRONLY);
  if ((rfd >= 0 && rnb < 0) || (wfd >= 0 && wnb < 0)) *err = errno;
  return std::make_unique<FdChannelEnd>(rfd, rnb, wfd, wnb);
}

std::unique_ptr<ChannelEnd> open_fifo_end(const std::string& path, bool reads, bool writes,
                                          int* err) {
  // Open non-blocking (a reader always succeeds; a writer succeeds because
  // the supervisor holds a read end while workers start), then make the
  // first descriptor blocking: it is this process's own open file.
  auto open_pair = [&](int mode, int* blocking, int* nonblocking) {
    *blocking = ::open(path.c_str(), mode | O_NONBLOCK | O_CLOEXEC);
    if (*blocking < 0) {
      *err = errno;
      return;
    }
    ::fcntl(*blocking, F_SETFL, ::fcntl(*blocking, F_GETFL) & ~O_NONBLOCK);
    *nonblocking = ::open(path.c_str(), mode | O_NONBLOCK | O_CLOEXEC);
    if (*nonblocking < 0) *err = errno;
  };
  int r = -1, rnb = -1, w = -1, wnb = -1;
  if (reads) open_pair(O_RDONLY, &r, &rnb);
  if (writes) open_pair(O_WRONLY, &w, &wnb);
  return std::make_unique<FdChannelEnd>(r, rnb, w, wnb);
}

}  // namespace ipclab
