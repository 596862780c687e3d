#include "runtime/object_host.hpp"

#include <fcntl.h>
#include <mqueue.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "mechanisms/shm_ring.hpp"
#include "mechanisms/socket_setup.hpp"
#include "runtime/object_host_sync.hpp"

namespace ipclab {

namespace {

std::string errno_sentence(int err) {
  return std::string(strerrorname_np(err) ? strerrorname_np(err) : "errno") + " (" +
         std::to_string(err) + "): " + std::strerror(err);
}

std::string limit_hint(ObjectKind k, int err) {
  if (k == ObjectKind::sysv_mq && err == ENOSPC)
    return " The system's limit of System V queues is reached (/proc/sys/kernel/msgmni).";
  if (k == ObjectKind::sysv_mq && err == EINVAL)
    return " The capacity is more bytes than one queue may hold without privilege "
           "(/proc/sys/kernel/msgmnb).";
  if (k == ObjectKind::sysv_mq && err == EEXIST)
    return " Another queue already uses this session's key; start the session again.";
  if (k == ObjectKind::semaphore && err == ENOSPC)
    return " The system's limit of System V semaphore sets is reached (/proc/sys/kernel/sem).";
  if (k == ObjectKind::semaphore && err == EEXIST)
    return " Another semaphore set already uses this session's key; start the session again.";
  if (k == ObjectKind::posix_mq && err == EINVAL)
    return " The queue asks for more messages or bigger messages than the system allows "
           "(see /proc/sys/fs/mqueue/msg_max and msgsize_max).";
  if (k == ObjectKind::posix_mq && err == EMFILE)
    return " The per-user limit of message queue memory (RLIMIT_MSGQUEUE) is used up.";
  if (err == EMFILE || err == ENFILE) return " Too many open files.";
  return "";
}

// A new POSIX shared-memory object of `bytes`, mapped with `prot`; nullptr
// with the failing call and its errno.
void* create_shm(const std::string& name, size_t bytes, int prot, const char** call, int* err) {
  *call = "shm_open";
  const int fd = ::shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    *err = errno;
    return nullptr;
  }
  void* p = nullptr;
  *call = "ftruncate";
  if (::ftruncate(fd, static_cast<off_t>(bytes)) != 0) {
    *err = errno;
  } else {
    *call = "mmap";
    p = ::mmap(nullptr, bytes, prot, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
      *err = errno;
      p = nullptr;
    }
  }
  ::close(fd);
  return p;
}

}  // namespace

ObjectHost::~ObjectHost() {
  destroy();
}

std::error_code ObjectHost::create(const Scenario& s, SessionDir& dir, ControlBlock& ctl,
                                   std::string* message) {
  held_.resize(s.objects.size());
  for (size_t i = 0; i < s.objects.size(); ++i) {
    const ObjectSpec& spec = s.objects[i];
    Held& h = held_[i];
    h.mechanism = spec.mechanism;
    ObjectSlot& slot = ctl.objects[i];
    slot.mechanism.store(static_cast<uint32_t>(spec.mechanism));
    if (is_switchable(spec)) {
      // Nothing of its own: it runs on the instance of its mechanism (the
      // instances come after the scenario's objects, so they exist below).
      h.mechanism = ObjectKind::channel;
      for (size_t k = 0; k < spec.runs_on.size(); ++k)
        if (spec.runs_on[k] == spec.mechanism) slot.active.store(spec.instances[k]);
      continue;
    }
    const char* call = "";
    int err = 0;
    switch (spec.mechanism) {
      case ObjectKind::pipe: {
        call = "pipe2";
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
          err = errno;
          break;
        }
        slot.fd[0] = fds[0];
        slot.fd[1] = fds[1];
        h.fd = fds[0];
        h.write_fd = fds[1];
        break;
      }
      case ObjectKind::fifo: {
        h.name = dir.file_path(spec.name);
        call = "mkfifo";
        if (::mkfifo(h.name.c_str(), 0600) != 0) {
          err = errno;
          break;
        }
        if (opens_on_first_use(spec)) {
          // Each process opens it itself, when it first uses it; the
          // supervisor holds no end, so an open waits for its partner.
          slot.fd[0] = kFifoFdBase + 2 * static_cast<int>(i);
          slot.fd[1] = kFifoFdBase + 2 * static_cast<int>(i) + 1;
          break;
        }
        call = "open";
        h.fd = ::open(h.name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (h.fd < 0) err = errno;
        break;
      }
      case ObjectKind::posix_mq: {
        h.name = dir.object_name(spec.name);
        dir.record("mq", h.name);
        if (h.name.size() < sizeof slot.mq_name)
          std::memcpy(slot.mq_name, h.name.c_str(), h.name.size() + 1);
        mq_attr attr{};
        attr.mq_maxmsg = spec.capacity > 0 ? spec.capacity : 8;
        attr.mq_msgsize = spec.message_size > 0 ? spec.message_size : 128;
        call = "mq_open";
        const mqd_t q = ::mq_open(h.name.c_str(),
                                  O_RDWR | O_CREAT | O_EXCL | O_NONBLOCK | O_CLOEXEC, 0600, &attr);
        if (q == static_cast<mqd_t>(-1))
          err = errno;
        else
          h.mq = q;
        break;
      }
      case ObjectKind::unix_stream:
      case ObjectKind::unix_dgram:
      case ObjectKind::tcp:
      case ObjectKind::udp: {
        const bool local =
            spec.mechanism == ObjectKind::unix_stream || spec.mechanism == ObjectKind::unix_dgram;
        const std::string path = local ? dir.file_path(spec.name) : std::string();
        SocketChannel sc = make_socket_channel(spec.mechanism, path);
        if (sc.err) {
          call = sc.call;
          err = sc.err;
          break;
        }
        slot.fd[0] = sc.read_fd;
        slot.fd[1] = sc.write_fd;
        h.fd = sc.read_fd;
        h.write_fd = sc.write_fd;
        h.address = sc.address;
        if (local) h.name = path;
        break;
      }
      case ObjectKind::shm_ring: {
        h.name = dir.object_name(spec.name);
        dir.record("shm", h.name);
        const auto capacity = static_cast<uint32_t>(spec.capacity > 0 ? spec.capacity : 8);
        const auto slot_size =
            static_cast<uint32_t>(spec.message_size > 0 ? spec.message_size : 128);
        h.ring_bytes = shm_ring_bytes(capacity, slot_size);
        h.ring = create_shm(h.name, h.ring_bytes, PROT_READ | PROT_WRITE, &call, &err);
        if (h.ring) {
          call = "sem_init";
          err = shm_ring_init(h.ring, capacity, slot_size, spec.semaphores);
        }
        break;
      }
      case ObjectKind::rpc: {
        // The server's listening socket, a file in the session folder.
        h.name = dir.file_path(spec.name);
        SocketChannel sc = make_listener(h.name);
        if (sc.err) {
          call = sc.call;
          err = sc.err;
          h.name.clear();
          break;
        }
        slot.fd[0] = sc.read_fd;
        h.fd = sc.read_fd;
        h.address = sc.address;
        break;
      }
      case ObjectKind::sysv_mq: {
        // System V objects have keys, not names: the key is a hash of the
        // session's name for it, recorded before the queue exists so a
        // sweep finds it (IPC_EXCL: never someone else's queue).
        h.name = dir.object_name(spec.name);
        const key_t key = sysv_key(h.name);
        dir.record("sysvmq", std::to_string(key));
        call = "msgget";
        const int id = ::msgget(key, IPC_CREAT | IPC_EXCL | 0600);
        if (id < 0) {
          err = errno;
          break;
        }
        h.sysv_id = id;
        slot.sysv_id = id;
        slot.sysv_key = static_cast<int32_t>(key);
        if (spec.capacity > 0) {
          // capacity: bytes the queue holds (msg_qbytes), as the kernel counts.
          msqid_ds ds{};
          call = "msgctl(IPC_SET)";
          if (::msgctl(id, IPC_STAT, &ds) == 0) {
            ds.msg_qbytes = static_cast<msglen_t>(spec.capacity);
            if (::msgctl(id, IPC_SET, &ds) != 0) err = errno;
          }
        }
        break;
      }
      case ObjectKind::semaphore:
        err = create_semaphore(spec, dir, slot, &h.semaphore, &call);
        break;
      case ObjectKind::shared_memory: {
        if (spec.is_private) break;  // each worker maps its own (private_memory.hpp)
        h.name = dir.object_name(spec.name);
        dir.record("shm", h.name);
        h.cells_bytes = sizeof(int64_t) * static_cast<size_t>(spec.cells);
        h.cells = static_cast<int64_t*>(create_shm(h.name, h.cells_bytes, PROT_READ, &call, &err));
        break;
      }
      case ObjectKind::mutex: {
        call = "pthread_mutex_init";
        pthread_mutexattr_t attr;
        pthread_mutexattr_init(&attr);
        pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
        // Robust only when the file says so: a process that dies holding a
        // mutex that is not robust leaves it locked for ever, as in C (the
        // session still ends its waiters with SIGTERM/SIGKILL).
        pthread_mutexattr_setrobust(&attr,
                                    spec.robust ? PTHREAD_MUTEX_ROBUST : PTHREAD_MUTEX_STALLED);
        pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
        h.robust = spec.robust;
        err = pthread_mutex_init(&slot.mutex, &attr);
        pthread_mutexattr_destroy(&attr);
        break;
      }
      case ObjectKind::condvar:
      case ObjectKind::rwlock:
      case ObjectKind::barrier:
      case ObjectKind::event:
        err = init_in_block(spec, slot, &call);
        if (spec.mechanism == ObjectKind::rwlock) h.rwlock = &slot.rwlock;
        break;
      case ObjectKind::file_lock: {
        // A plain file in the session folder (removed with it); each worker
        // opens it itself. The supervisor keeps no descriptor: closing one
        // would drop the locks of its own process, and it holds none.
        h.name = dir.file_path(spec.name);
        call = "open";
        const int fd = ::open(h.name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        struct stat st {};
        if (fd < 0 || ::fstat(fd, &st) != 0) err = errno;
        if (fd >= 0) ::close(fd);
        h.file_dev = st.st_dev;
        h.file_ino = st.st_ino;
        break;
      }
      case ObjectKind::signal:
        break;  // nothing to create: signals go to pids
      default:
        *message = "object '" + spec.name + "' uses mechanism '" +
                   std::string(to_string(spec.mechanism)) +
                   "', which this version of IPC Lab cannot run yet.";
        destroy();
        return {ENOTSUP, std::generic_category()};
    }
    if (err) {
      *message = "could not create " + std::string(to_string(spec.mechanism)) + " '" + spec.name +
                 "': " + call + " failed with " + errno_sentence(err) + "." +
                 limit_hint(spec.mechanism, err);
      destroy();
      return {err, std::generic_category()};
    }
  }
  return {};
}

namespace {

bool fd_channel(ObjectKind k) {
  return k == ObjectKind::pipe || k == ObjectKind::rpc || is_socket_kind(k);
}

// A descriptor to ask the kernel about obj: the supervisor's own while it
// still has one, else one a worker lends. *lent says whether to close it.
int probe_fd(int own, int obj, int end, const ObjectHost::FdLender& lend, bool* lent) {
  *lent = false;
  if (own >= 0) return own;
  if (!lend) return -1;
  const int fd = lend(obj, end);
  *lent = fd >= 0;
  return fd;
}

}  // namespace

std::vector<int> ObjectHost::inherited_fds() const {
  std::vector<int> fds;
  for (const Held& h : held_)
    if (fd_channel(h.mechanism)) {
      if (h.fd >= 0) fds.push_back(h.fd);
      if (h.write_fd >= 0) fds.push_back(h.write_fd);
    }
  return fds;
}

void ObjectHost::release_ends(const std::function<bool(int)>& keep_write_end) {
  for (size_t i = 0; i < held_.size(); ++i) {
    Held& h = held_[i];
    if (!fd_channel(h.mechanism)) continue;
    const bool keep = keep_write_end && keep_write_end(static_cast<int>(i));
    for (int* fd : {&h.fd, &h.write_fd})
      if (*fd >= 0 && !(keep && fd == &h.write_fd)) {
        ::close(*fd);
        *fd = -1;
      }
  }
}

void ObjectHost::drop_write_end(int obj) {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return;
  Held& h = held_[static_cast<size_t>(obj)];
  if (!fd_channel(h.mechanism) || h.write_fd < 0) return;
  ::close(h.write_fd);
  h.write_fd = -1;
}

void ObjectHost::keep_write_end(int obj, int fd) {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size() || fd < 0) return;
  Held& h = held_[static_cast<size_t>(obj)];
  if (fd_channel(h.mechanism) && h.write_fd < 0) {
    h.write_fd = fd;
    return;
  }
  ::close(fd);
}

std::string ObjectHost::address(int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return {};
  return held_[static_cast<size_t>(obj)].address;
}

std::string ObjectHost::kernel_note(int obj, const FdLender& lend) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return {};
  const Held& h = held_[static_cast<size_t>(obj)];
  if (h.mechanism == ObjectKind::semaphore) return semaphore_note(h.semaphore);
  if (h.rwlock) return rwlock_note(*h.rwlock);
  if (h.mechanism == ObjectKind::file_lock) return describe_file_locks(file_locks(obj));
  if (!is_datagram_kind(h.mechanism)) return {};
  // The kernel tells the size of the next datagram, not how many wait.
  bool lent = false;
  const int fd = probe_fd(h.fd, obj, 0, lend, &lent);
  if (fd < 0) return {};
  int n = 0;
  const bool ok = ::ioctl(fd, FIONREAD, &n) == 0;
  if (lent) ::close(fd);
  if (!ok) return {};
  return n > 0 ? "next datagram: " + std::to_string(n) + " bytes (FIONREAD)"
               : "no datagram waiting (FIONREAD)";
}

std::optional<int64_t> ObjectHost::kernel_fill(int obj, const FdLender& lend) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return std::nullopt;
  const Held& h = held_[static_cast<size_t>(obj)];
  switch (h.mechanism) {
    case ObjectKind::pipe:
    case ObjectKind::fifo:
    case ObjectKind::unix_stream:
    case ObjectKind::tcp: {
      // Bytes waiting to be read (FIONREAD, SIOCINQ for sockets), asked
      // through the read end; a pipe answers through its write end as well.
      bool lent = false;
      int fd = probe_fd(h.fd, obj, 0, lend, &lent);
      if (fd < 0 && (h.mechanism == ObjectKind::pipe || h.mechanism == ObjectKind::fifo))
        fd = probe_fd(h.write_fd, obj, 1, lend, &lent);
      if (fd < 0) return std::nullopt;
      int n = 0;
      const bool ok = ::ioctl(fd, FIONREAD, &n) == 0;
      if (lent) ::close(fd);
      if (ok) return n;
      return std::nullopt;
    }
    case ObjectKind::posix_mq: {
      mq_attr attr{};
      if (h.mq >= 0 && ::mq_getattr(h.mq, &attr) == 0) return attr.mq_curmsgs;
      return std::nullopt;
    }
    case ObjectKind::semaphore: {
      const int64_t v = semaphore_value(h.semaphore);
      if (v >= 0) return v;
      return std::nullopt;
    }
    case ObjectKind::shm_ring: {
      const int n = h.ring ? shm_ring_count(h.ring) : -1;
      if (n >= 0) return n;
      return std::nullopt;
    }
    case ObjectKind::sysv_mq: {
      msqid_ds ds{};
      if (h.sysv_id >= 0 && ::msgctl(h.sysv_id, IPC_STAT, &ds) == 0)
        return static_cast<int64_t>(ds.msg_qnum);
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::vector<int64_t> ObjectHost::cells(int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return {};
  const Held& h = held_[static_cast<size_t>(obj)];
  if (!h.cells) return {};
  std::vector<int64_t> out(h.cells_bytes / sizeof(int64_t));
  for (size_t i = 0; i < out.size(); ++i) out[i] = __atomic_load_n(&h.cells[i], __ATOMIC_RELAXED);
  return out;
}

std::vector<KernelFileLock> ObjectHost::file_locks(int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return {};
  const Held& h = held_[static_cast<size_t>(obj)];
  if (h.mechanism != ObjectKind::file_lock || h.file_ino == 0) return {};
  return file_locks_on(h.file_dev, h.file_ino);
}

pid_t ObjectHost::mutex_owner_tid(const ControlBlock& ctl, int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return 0;
  if (held_[static_cast<size_t>(obj)].mechanism != ObjectKind::mutex) return 0;
  const pthread_mutex_t& m = ctl.objects[obj].mutex;
  // glibc keeps the owner's thread id in the lock word of robust mutexes
  // (the kernel's robust-futex protocol reads the same word); a mutex that
  // is not robust has 0/1/2 there and the owner in __owner.
  if (!held_[static_cast<size_t>(obj)].robust)
    return static_cast<pid_t>(__atomic_load_n(&m.__data.__owner, __ATOMIC_RELAXED));
  const int word = __atomic_load_n(&m.__data.__lock, __ATOMIC_RELAXED);
  return static_cast<pid_t>(word & 0x3fffffff);
}

namespace {

// glibc's (2.25 and later) pthread_barrier_t: arrivals count `in` up; a
// round completes when `in` reaches current_round + count.
struct GlibcBarrier {
  unsigned int in;
  unsigned int current_round;
  unsigned int count;
  int shared;
  unsigned int out;
};
static_assert(sizeof(GlibcBarrier) <= sizeof(pthread_barrier_t));

}  // namespace

std::optional<int64_t> ObjectHost::in_block_fill(const ControlBlock& ctl, int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) return std::nullopt;
  const ObjectSlot& slot = ctl.objects[obj];
  switch (held_[static_cast<size_t>(obj)].mechanism) {
    case ObjectKind::event:
      return slot.event_word.load();
    case ObjectKind::barrier: {
      const auto* b = reinterpret_cast<const GlibcBarrier*>(&slot.barrier);
      const unsigned in = __atomic_load_n(&b->in, __ATOMIC_RELAXED);
      const unsigned round = __atomic_load_n(&b->current_round, __ATOMIC_RELAXED);
      return in >= round ? int64_t{in - round} : int64_t{0};
    }
    default:
      return std::nullopt;
  }
}

std::unique_ptr<ChannelEnd> ObjectHost::open_end(int obj, bool reads, bool writes,
                                                 const FdLender& lend, int* err) const {
  *err = 0;
  if (obj < 0 || static_cast<size_t>(obj) >= held_.size()) {
    *err = EINVAL;
    return nullptr;
  }
  const Held& h = held_[static_cast<size_t>(obj)];
  // A pipe or socket end only a worker still holds: a duplicate of its
  // descriptor (the same open file), which the end closes when done.
  auto lent = [&](bool wanted, int end) {
    if (!wanted) return -1;
    const int own = end == 0 ? h.fd : h.write_fd;
    const int fd = own >= 0 ? ::fcntl(own, F_DUPFD_CLOEXEC, 0) : lend ? lend(obj, end) : -1;
    if (fd < 0) *err = EBADF;
    return fd;
  };
  if (h.mechanism == ObjectKind::pipe || is_socket_kind(h.mechanism)) {
    const int r = lent(reads, 0), w = lent(writes, 1);
    if (*err) {
      for (int fd : {r, w})
        if (fd >= 0) ::close(fd);
      return nullptr;
    }
    if (h.mechanism == ObjectKind::pipe) return open_pipe_end(r, w, err);
    return open_socket_end(r, w, is_datagram_kind(h.mechanism));
  }
  switch (h.mechanism) {
    case ObjectKind::fifo:
      return open_fifo_end(h.name, reads, writes, err);
    case ObjectKind::posix_mq:
      return open_mq_end(h.name, reads, writes, err);
    case ObjectKind::sysv_mq:
      return open_sysv_mq_end(h.sysv_id);
    case ObjectKind::shm_ring:
      if (h.ring) return open_shm_ring_end(h.ring);
      *err = EBADF;
      return nullptr;
    default:
      *err = EINVAL;
      return nullptr;
  }
}

void ObjectHost::destroy() {
  for (Held& h : held_) {
    if (h.fd >= 0) ::close(h.fd);
    if (h.write_fd >= 0) ::close(h.write_fd);
    if (h.mq >= 0) ::mq_close(h.mq);
    if (h.sysv_id >= 0) ::msgctl(h.sysv_id, IPC_RMID, nullptr);
    destroy_semaphore(h.semaphore);
    if (h.cells) ::munmap(h.cells, h.cells_bytes);
    if (h.ring) {
      shm_ring_destroy(h.ring);
      ::munmap(h.ring, h.ring_bytes);
    }
    if (!h.name.empty()) {
      switch (h.mechanism) {
        case ObjectKind::fifo:
        case ObjectKind::file_lock:
        case ObjectKind::unix_stream:
        case ObjectKind::unix_dgram:
        case ObjectKind::rpc:
          ::unlink(h.name.c_str());
          break;
        case ObjectKind::posix_mq:
          ::mq_unlink(h.name.c_str());
          break;
        case ObjectKind::shared_memory:
        case ObjectKind::shm_ring:
          ::shm_unlink(h.name.c_str());
          break;
        default:
          break;
      }
    }
    h = Held{};
  }
  held_.clear();
}

}  // namespace ipclab
