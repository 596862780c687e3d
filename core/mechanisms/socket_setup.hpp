// The supervisor's side of a socket channel: makes the connection a server
// and a client would (socket, bind, listen, connect, accept for streams;
// socket, bind, connect for datagrams) and keeps the two ends for the
// workers to inherit: receivers read `read_fd`, senders write `write_fd`.
#pragma once

#include <string>

#include "scenario/scenario.hpp"

namespace ipclab {

struct SocketChannel {
  int read_fd = -1;
  int write_fd = -1;
  std::string address;    // "/run/.../buffer" or "127.0.0.1:40123", as a student reads it
  const char* call = "";  // the call that failed
  int err = 0;            // its errno, 0 on success
};

// kind: unix_stream, unix_dgram (bound at `path`), tcp or udp (127.0.0.1,
// an ephemeral port). On failure nothing stays open.
SocketChannel make_socket_channel(ObjectKind kind, const std::string& path);

// An rpc endpoint: a Unix stream socket listening at `path`, which the
// serving workers inherit (read_fd); callers connect by path.
SocketChannel make_listener(const std::string& path);

bool is_socket_kind(ObjectKind kind);
bool is_datagram_kind(ObjectKind kind);

}  // namespace ipclab
