// rpc: calls and serves over a Unix socket in the session folder.
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

// rpc. On the wire a request is "call ID: PROC ARGS..." and its reply
// "reply ID: RESULT": the call id pairs them, as ONC RPC's xid does. One
// connection per call: the caller writes its request and shuts down its
// sending side; the server reads to end of file, answers and closes.
std::string run_procedure(const std::string& proc, const std::vector<std::string>& args) {
  auto all_numbers = [&](std::vector<long long>* out) {
    for (const std::string& a : args) {
      char* end = nullptr;
      errno = 0;
      const long long v = std::strtoll(a.c_str(), &end, 10);
      if (a.empty() || *end != '\0' || errno) return false;
      out->push_back(v);
    }
    return true;
  };
  std::string joined;
  for (const std::string& a : args) joined += (joined.empty() ? "" : " ") + a;
  if (proc == "add" || proc == "mul") {
    std::vector<long long> v;
    if (!all_numbers(&v)) return "error: " + proc + " takes whole numbers";
    long long r = proc == "add" ? 0 : 1;
    for (long long x : v) r = proc == "add" ? r + x : r * x;
    return std::to_string(r);
  }
  if (proc == "upper" || proc == "lower") {
    for (char& c : joined)
      c = static_cast<char>(proc == "upper" ? std::toupper(static_cast<unsigned char>(c))
                                            : std::tolower(static_cast<unsigned char>(c)));
    return joined;
  }
  if (proc == "len") return std::to_string(joined.size());
  if (proc == "echo") return joined;
  if (proc == "concat") {
    std::string r;
    for (const std::string& a : args) r += a;
    return r;
  }
  return "error: no procedure '" + proc + "' (add, mul, upper, lower, len, concat, echo)";
}

// Reads until end of file (at most `max` bytes); -1 and errno on failure.
ssize_t read_to_eof(int fd, std::string* out, size_t max) {
  char buf[4096];
  while (out->size() < max) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  return static_cast<ssize_t>(out->size());
}

}  // namespace

void do_rpc_call(WorkerContext& w, const Op& op) {
  const WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  const int64_t id = w.ctl->objects[op.obj].next_msg.fetch_add(1) + 1;
  const std::string request = "call " + std::to_string(id) + ": " + op.text;
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::strncpy(un.sun_path, o.path.c_str(), sizeof un.sun_path - 1);
  emit_call(w, op.obj, SYS_connect);
  const int rc = fd < 0 ? -1 : ::connect(fd, reinterpret_cast<sockaddr*>(&un), sizeof un);
  const int err = rc == 0 ? 0 : errno;
  emit_return(w, op.obj, SYS_connect, rc, err);
  if (rc != 0) {
    if (fd >= 0) ::close(fd);
    return emit_error(w, op.obj, err, "no server to call: connect failed");
  }
  EventRecord s = w.record(EventKind::send, op.obj);
  s.msg = id;
  s.bytes = static_cast<int64_t>(request.size());
  s.value = id;  // the call id: the reply carries it back
  s.flags |= EventRecord::kHasValue | EventRecord::kCall;
  s.syscall = SYS_write;
  WorkerContext::set_data(s, request);
  w.emit(s);
  const ssize_t sent = ::write(fd, request.data(), request.size());
  emit_return(w, op.obj, SYS_write, sent, sent < 0 ? errno : 0);
  ::shutdown(fd, SHUT_WR);
  // The reply: try first, then sleep in read until the server answers.
  emit_call(w, op.obj, SYS_read);
  std::string reply;
  char buf[4096];
  ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  if (n < 0 && errno == EAGAIN) {
    enter_block(w, op.obj, SYS_read, false);
    do n = ::read(fd, buf, sizeof buf);
    while (n < 0 && errno == EINTR);
    leave_block(w, op.obj, n < 0 ? errno : 0);
  }
  if (n > 0) {
    reply.assign(buf, static_cast<size_t>(n));
    read_to_eof(fd, &reply, 65536);
  }
  const int read_err = n < 0 ? errno : 0;
  ::close(fd);
  if (read_err) {
    emit_return(w, op.obj, SYS_read, -1, read_err);
    return emit_error(w, op.obj, read_err, "no reply");
  }
  EventRecord e = w.record(EventKind::recv, op.obj);
  e.syscall = SYS_read;
  e.flags |= EventRecord::kReturn | EventRecord::kHasValue;
  e.bytes = static_cast<int64_t>(reply.size());
  e.value = id;
  WorkerContext::set_data(e, reply);
  w.emit(e);
}

void do_rpc_serve(WorkerContext& w, const Op& op) {
  const WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  if (o.listen_fd < 0) return emit_error(w, op.obj, EBADF, "not a server of this rpc");
  emit_call(w, op.obj, SYS_accept4);
  pollfd p{o.listen_fd, POLLIN, 0};
  if (::poll(&p, 1, 0) == 0) enter_block(w, op.obj, SYS_accept4, false);
  int cfd;
  do cfd = ::accept4(o.listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
  while (cfd < 0 && errno == EINTR);
  if (w.slot->state.load() == WorkerState::blocked) leave_block(w, op.obj, cfd < 0 ? errno : 0);
  emit_return(w, op.obj, SYS_accept4, cfd, cfd < 0 ? errno : 0);
  if (cfd < 0) return;
  std::string request;
  const ssize_t got = read_to_eof(cfd, &request, 65536);
  // "call ID: PROC ARGS..."
  int64_t id = -1;
  std::vector<std::string> words;
  if (got > 0 && request.rfind("call ", 0) == 0) {
    const size_t colon = request.find(':');
    id = std::strtoll(request.c_str() + 5, nullptr, 10);
    std::string rest = colon == std::string::npos ? "" : request.substr(colon + 1);
    size_t at = 0;
    while ((at = rest.find_first_not_of(' ', at)) != std::string::npos) {
      const size_t end = rest.find(' ', at);
      words.push_back(rest.substr(at, end - at));
      at = end;
    }
  }
  EventRecord e = w.record(EventKind::recv, op.obj);
  e.syscall = SYS_read;
  e.flags |= EventRecord::kReturn | EventRecord::kHasValue;
  e.bytes = got < 0 ? 0 : got;
  e.value = id;
  WorkerContext::set_data(e, request);
  w.emit(e);
  const std::string result =
      words.empty()
          ? std::string("error: not a call")
          : run_procedure(words[0], std::vector<std::string>(words.begin() + 1, words.end()));
  const std::string reply = "reply " + std::to_string(id) + ": " + result;
  EventRecord s = w.record(EventKind::send, op.obj);
  s.msg = w.ctl->objects[op.obj].next_msg.fetch_add(1) + 1;
  s.bytes = static_cast<int64_t>(reply.size());
  s.value = id;
  s.flags |= EventRecord::kHasValue | EventRecord::kCall;
  s.syscall = SYS_write;
  WorkerContext::set_data(s, reply);
  w.emit(s);
  const ssize_t sent = ::write(cfd, reply.data(), reply.size());
  emit_return(w, op.obj, SYS_write, sent, sent < 0 ? errno : 0);
  ::close(cfd);
}

}  // namespace ipclab
