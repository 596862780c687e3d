#include "mechanisms/socket_setup.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ipclab {

namespace {

// One step of the setup: on failure remembers the call and errno.
struct Setup {
  SocketChannel out;
  bool ok(int rc, const char* call) {
    if (rc >= 0) return true;
    if (!out.err) {
      out.err = errno;
      out.call = call;
    }
    return false;
  }
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

bool is_socket_kind(ObjectKind kind) {
  return kind == ObjectKind::unix_stream || kind == ObjectKind::unix_dgram ||
         kind == ObjectKind::tcp || kind == ObjectKind::udp;
}

bool is_datagram_kind(ObjectKind kind) {
  return kind == ObjectKind::unix_dgram || kind == ObjectKind::udp;
}

SocketChannel make_listener(const std::string& path) {
  Setup s;
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  if (path.size() >= sizeof un.sun_path) {
    s.out.err = ENAMETOOLONG;
    s.out.call = "bind";
    return s.out;
  }
  std::memcpy(un.sun_path, path.c_str(), path.size() + 1);
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s.ok(fd, "socket") && s.ok(::bind(fd, reinterpret_cast<sockaddr*>(&un), sizeof un), "bind") &&
      s.ok(::listen(fd, 64), "listen")) {
    s.out.read_fd = fd;
    s.out.address = path;
    return s.out;
  }
  close_fd(fd);
  ::unlink(path.c_str());
  return s.out;
}

SocketChannel make_socket_channel(ObjectKind kind, const std::string& path) {
  Setup s;
  const bool local = kind == ObjectKind::unix_stream || kind == ObjectKind::unix_dgram;
  const int type = (is_datagram_kind(kind) ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC;
  const int family = local ? AF_UNIX : AF_INET;

  sockaddr_storage addr{};
  socklen_t addr_len = 0;
  if (local) {
    auto* un = reinterpret_cast<sockaddr_un*>(&addr);
    un->sun_family = AF_UNIX;
    if (path.size() >= sizeof un->sun_path) {
      s.out.err = ENAMETOOLONG;
      s.out.call = "bind";
      return s.out;
    }
    std::memcpy(un->sun_path, path.c_str(), path.size() + 1);
    addr_len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
  } else {
    auto* in = reinterpret_cast<sockaddr_in*>(&addr);
    in->sin_family = AF_INET;
    in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    in->sin_port = 0;  // the kernel picks a free port
    addr_len = sizeof(sockaddr_in);
  }

  // The receiving side: a listening socket (streams) or the bound socket
  // receivers read (datagrams).
  int bound = ::socket(family, type, 0);
  if (!s.ok(bound, "socket")) return s.out;
  if (s.ok(::bind(bound, reinterpret_cast<sockaddr*>(&addr), addr_len), "bind") &&
      s.ok(::getsockname(bound, reinterpret_cast<sockaddr*>(&addr), &addr_len), "getsockname")) {
    if (local) {
      s.out.address = path;
    } else {
      const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
      s.out.address = "127.0.0.1:" + std::to_string(ntohs(in->sin_port));
    }
  }
  if (!s.out.err && !is_datagram_kind(kind)) s.ok(::listen(bound, 4), "listen");

  // The sending side: a client connected to it.
  int client = -1;
  if (!s.out.err) {
    client = ::socket(family, type, 0);
    if (s.ok(client, "socket") && kind == ObjectKind::tcp) {
      // Small messages go out at once, as an interactive protocol wants.
      const int one = 1;
      ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
  }
  if (!s.out.err) s.ok(::connect(client, reinterpret_cast<sockaddr*>(&addr), addr_len), "connect");

  if (!s.out.err && !is_datagram_kind(kind)) {
    // A stream: the server's end is the accepted connection; the listening
    // socket has done its job.
    const int server = ::accept4(bound, nullptr, nullptr, SOCK_CLOEXEC);
    if (s.ok(server, "accept")) {
      close_fd(bound);
      bound = server;
    }
  }
  if (s.out.err) {
    close_fd(bound);
    close_fd(client);
    if (local) ::unlink(path.c_str());
    return s.out;
  }
  s.out.read_fd = bound;
  s.out.write_fd = client;
  return s.out;
}

}  // namespace ipclab
