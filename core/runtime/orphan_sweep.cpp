// Orphaned session objects in /dev/shm: found through their control block,
// which names the supervisor that made them.
#include <dirent.h>
#include <fcntl.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "runtime/control_block.hpp"
#include "runtime/session_dir.hpp"

namespace ipclab {

namespace {

// The owner named by /dev/shm/ipclab-TAG-ctl is gone (false when unsure).
bool owner_is_gone(const std::string& ctl_name) {
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
    if (!owner_is_gone("/" + n)) continue;
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
