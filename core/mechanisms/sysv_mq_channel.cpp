// System V message queues: the kernel keeps message boundaries and every
// message has a type; msgrcv takes the first message (type 0), the first of
// one type (> 0), or the first of the lowest type up to |type| (< 0).
#include <sys/msg.h>
#include <sys/syscall.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "mechanisms/channel.hpp"

namespace ipclab {

namespace {

class SysvMqChannelEnd final : public ChannelEnd {
 public:
  explicit SysvMqChannelEnd(int id) : id_(id), msg_(sizeof(long) + sysv_msgmax()) {}

  IoResult send(std::string_view data, int64_t type, bool wait) override {
    if (data.size() > msg_.size() - sizeof(long)) return {EINVAL, 0, 0};
    const long mtype = type > 0 ? static_cast<long>(type) : 1;
    std::memcpy(msg_.data(), &mtype, sizeof mtype);
    std::memcpy(msg_.data() + sizeof(long), data.data(), data.size());
    if (::msgsnd(id_, msg_.data(), data.size(), wait ? 0 : IPC_NOWAIT) != 0) return {errno, 0, 0};
    return {0, static_cast<ssize_t>(data.size()), mtype};
  }

  IoResult recv(char* buf, size_t max, bool wait, int64_t select) override {
    if (max > msg_.size() - sizeof(long)) max = msg_.size() - sizeof(long);
    const ssize_t n =
        ::msgrcv(id_, msg_.data(), max, static_cast<long>(select), wait ? 0 : IPC_NOWAIT);
    // An empty queue says ENOMSG to IPC_NOWAIT: the worker's "would block".
    if (n < 0) return {errno == ENOMSG ? EAGAIN : errno, 0, 0};
    long mtype = 0;
    std::memcpy(&mtype, msg_.data(), sizeof mtype);
    std::memcpy(buf, msg_.data() + sizeof(long), static_cast<size_t>(n));
    return {0, n, mtype};
  }

  long send_syscall() const override { return SYS_msgsnd; }
  long recv_syscall() const override { return SYS_msgrcv; }
  size_t max_message() const override { return msg_.size() - sizeof(long); }

 private:
  int id_;
  std::vector<char> msg_;  // struct msgbuf: long mtype, then the text
};

}  // namespace

size_t sysv_msgmax() {
  std::ifstream in("/proc/sys/kernel/msgmax");
  size_t n = 8192;  // the kernel's default
  in >> n;
  return n > 0 ? n : 8192;
}

std::unique_ptr<ChannelEnd> open_sysv_mq_end(int id) {
  return std::make_unique<SysvMqChannelEnd>(id);
}

}  // namespace ipclab
