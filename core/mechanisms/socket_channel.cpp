// Sockets: Unix-domain and loopback TCP streams (byte streams, like a pipe
// but full duplex) and Unix-domain and UDP datagrams (each send one
// message). The descriptors are the connected ends the supervisor made;
// the non-blocking try is the same call with MSG_DONTWAIT.
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include "mechanisms/channel.hpp"

namespace ipclab {

namespace {

class SocketChannelEnd final : public ChannelEnd {
 public:
  SocketChannelEnd(int rfd, int wfd, bool datagrams)
      : rfd_(rfd), wfd_(wfd), datagrams_(datagrams) {}
  ~SocketChannelEnd() override {
    for (int fd : {rfd_, wfd_})
      if (fd >= 0) ::close(fd);
  }

  IoResult send(std::string_view data, int64_t, bool wait) override {
    if (wfd_ < 0) return {EBADF, 0, 0};
    const ssize_t n = ::send(wfd_, data.data(), data.size(), wait ? 0 : MSG_DONTWAIT);
    if (n < 0) return {errno, 0, 0};
    return {0, n, 0};
  }

  IoResult recv(char* buf, size_t max, bool wait, int64_t) override {
    if (rfd_ < 0) return {EBADF, 0, 0};
    // A datagram longer than max is cut to max; the kernel drops the rest.
    const ssize_t n = ::recv(rfd_, buf, max, wait ? 0 : MSG_DONTWAIT);
    if (n < 0) return {errno, 0, 0};
    return {0, n, 0};
  }

  // send() and recv() are sendto and recvfrom in the kernel.
  long send_syscall() const override { return SYS_sendto; }
  long recv_syscall() const override { return SYS_recvfrom; }
  size_t max_message() const override { return datagrams_ ? 65507 : 65536; }
  int stream_fd(bool write) const override {
    if (datagrams_) return -1;
    return write ? wfd_ : rfd_;
  }
  void close_end(bool write) override {
    int& fd = write ? wfd_ : rfd_;
    if (fd >= 0) ::close(fd);
    fd = -1;
  }

 private:
  int rfd_, wfd_;
  bool datagrams_;
};

}  // namespace

std::unique_ptr<ChannelEnd> open_socket_end(int rfd, int wfd, bool datagrams) {
  return std::make_unique<SocketChannelEnd>(rfd, wfd, datagrams);
}

}  // namespace ipclab
