// Orphaned session objects: found through their control block in /dev/shm,
// which names the supervisor that made them and the queues it made (POSIX
// queues by name, System V queues and semaphores by id and key), so they go even when the
// session folder and its manifest are gone (a crash outside the default
// runtime folder).
#include <dirent.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "runtime/control_block.hpp"
#include "runtime/session_dir.hpp"

namespace ipclab {

namespace {

struct Queues {
  std::vector<std::string> posix;
  std::vector<std::pair<int, key_t>> sysv;      // id, key
  std::vector<std::pair<int, key_t>> sysv_sem;  // System V semaphore sets: id, key
};

// The queues a control block lists.
Queues queues_of(const ControlBlock& ctl) {
  Queues q;
  const uint32_t n = std::min<uint32_t>(ctl.nobjects, kMaxObjects);
  for (uint32_t i = 0; i < n; ++i) {
    const ObjectSlot& o = ctl.objects[i];
    if (o.mq_name[0] == '/' && ::memchr(o.mq_name, 0, sizeof o.mq_name))
      q.posix.emplace_back(o.mq_name);
    if (o.sysv_id >= 0 && o.sysv_key != 0) q.sysv.emplace_back(o.sysv_id, o.sysv_key);
    if (o.sysv_sem_id >= 0 && o.sysv_sem_key != 0)
      q.sysv_sem.emplace_back(o.sysv_sem_id, o.sysv_sem_key);
  }
  return q;
}

// The owner named by /dev/shm/ipclab-TAG-ctl is gone (false when unsure);
// then *queues says what it made.
bool owner_is_gone(const std::string& ctl_name, Queues* queues) {
  const int fd = ::shm_open(ctl_name.c_str(), O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) return false;
  // One being made right now may not have its size yet: touching a page
  // past its end would be SIGBUS.
  // A block still without its owner a minute after it was made belongs to
  // a process that died while making it (a start takes milliseconds).
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return false;
  }
  const bool abandoned = st.st_mtime + 60 < ::time(nullptr);
  if (st.st_size < static_cast<off_t>(sizeof(ControlBlock))) {
    ::close(fd);
    return abandoned;
  }
  void* p = ::mmap(nullptr, sizeof(ControlBlock), PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return false;
  const auto* ctl = static_cast<const ControlBlock*>(p);
  // The magic is written last (release): once it is there, so is the owner.
  const uint32_t magic =
      std::atomic_ref<uint32_t>(const_cast<uint32_t&>(ctl->magic)).load(std::memory_order_acquire);
  const bool known =
      magic == kControlMagic && ctl->version >= 2 && ctl->owner_pid > 0 && ctl->owner_start != 0;
  const bool gone = known
                        ? process_start_time(static_cast<pid_t>(ctl->owner_pid)) != ctl->owner_start
                        : magic == 0 && abandoned;
  if (gone && known) *queues = queues_of(*ctl);
  ::munmap(p, sizeof(ControlBlock));
  return gone;
}

}  // namespace

void sweep_orphan_objects(SweepReport& report) {
  DIR* d = ::opendir("/dev/shm");
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
  ::closedir(d);
  for (const std::string& n : names) {
    // "ipclab-" + 8 hex digits + "-ctl"
    if (n.size() != 19 || n.rfind("ipclab-", 0) != 0 || n.compare(15, 4, "-ctl") != 0) continue;
    Queues queues;
    if (!owner_is_gone("/" + n, &queues)) continue;
    for (const std::string& q : queues.posix)
      if (::mq_unlink(q.c_str()) == 0) report.lines.push_back("removed orphaned POSIX queue " + q);
    for (const auto& [id, key] : queues.sysv) {
      // Only that queue: the same id with the same key, and ours.
      msqid_ds ds{};
      if (::msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_perm.__key == key &&
          ds.msg_perm.uid == ::getuid() && ::msgctl(id, IPC_RMID, nullptr) == 0)
        report.lines.push_back("removed orphaned System V queue with key " + std::to_string(key));
    }
    for (const auto& [id, key] : queues.sysv_sem)
      if (remove_own_sysv_sem(id, key))
        report.lines.push_back("removed orphaned System V semaphore with key " +
                               std::to_string(key));
    const std::string prefix = n.substr(0, 16);  // "ipclab-TAG-"
    for (const std::string& m : names) {
      int rc = -1;
      if (m.rfind(prefix, 0) == 0)
        rc = ::shm_unlink(("/" + m).c_str());
      else if (m.rfind("sem." + prefix, 0) == 0)
        rc = ::sem_unlink(("/" + m.substr(4)).c_str());
      if (rc == 0) report.lines.push_back("removed orphaned /dev/shm/" + m);
    }
  }
}

}  // namespace ipclab
