// POSIX message queues: the kernel keeps message boundaries and orders
// messages by priority, FIFO within one priority.
#include <fcntl.h>
#include <mqueue.h>
#include <sys/syscall.h>

#include <cerrno>

#include "mechanisms/channel.hpp"

namespace ipclab {

namespace {

class MqChannelEnd final : public ChannelEnd {
 public:
  MqChannelEnd(mqd_t blocking, mqd_t nonblocking, size_t msgsize)
      : q_(blocking), q_nb_(nonblocking), msgsize_(msgsize) {}
  ~MqChannelEnd() override {
    if (q_ != static_cast<mqd_t>(-1)) ::mq_close(q_);
    if (q_nb_ != static_cast<mqd_t>(-1)) ::mq_close(q_nb_);
  }

  IoResult send(std::string_view data, int64_t priority, bool wait) override {
    const mqd_t q = wait ? q_ : q_nb_;
    const int rc = ::mq_send(q, data.data(), data.size(), static_cast<unsigned>(priority));
    if (rc < 0) return {errno, 0, 0};
    return {0, static_cast<ssize_t>(data.size()), priority};
  }

  IoResult recv(char* buf, size_t max, bool wait, int64_t) override {
    // mq_receive insists on a buffer of at least mq_msgsize; the caller's
    // buffer is sized by max_message().
    if (max < msgsize_) return {EMSGSIZE, 0, 0};
    const mqd_t q = wait ? q_ : q_nb_;
    unsigned prio = 0;
    const ssize_t n = ::mq_receive(q, buf, max, &prio);
    if (n < 0) return {errno, 0, 0};
    return {0, n, static_cast<int64_t>(prio)};
  }

  long send_syscall() const override { return SYS_mq_timedsend; }
  long recv_syscall() const override { return SYS_mq_timedreceive; }
  size_t max_message() const override { return msgsize_; }

 private:
  mqd_t q_, q_nb_;
  size_t msgsize_;
};

}  // namespace

std::unique_ptr<ChannelEnd> open_mq_end(const std::string& name, bool reads, bool writes,
                                        int* err) {
  const int mode = reads && writes ? O_RDWR : reads ? O_RDONLY : O_WRONLY;
  const mqd_t q = ::mq_open(name.c_str(), mode | O_CLOEXEC);
  if (q == static_cast<mqd_t>(-1)) {
    *err = errno;
    return nullptr;
  }
  const mqd_t qnb = ::mq_open(name.c_str(), mode | O_NONBLOCK | O_CLOEXEC);
  if (qnb == static_cast<mqd_t>(-1)) *err = errno;
  mq_attr attr{};
  ::mq_getattr(q, &attr);
  return std::make_unique<MqChannelEnd>(q, qnb, static_cast<size_t>(attr.mq_msgsize));
}

}  // namespace ipclab
