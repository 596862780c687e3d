#include "runtime/private_memory.hpp"

#include <sys/mman.h>
#include <sys/uio.h>

#include <cerrno>
#include <cstring>

#include "runtime/session.hpp"

namespace ipclab {

int64_t private_offset(const Scenario& s, int obj) {
  if (obj < 0 || static_cast<size_t>(obj) >= s.objects.size()) return -1;
  if (!s.objects[static_cast<size_t>(obj)].is_private) return -1;
  int64_t at = 0;
  for (int i = 0; i < obj; ++i)
    if (s.objects[static_cast<size_t>(i)].is_private) at += s.objects[static_cast<size_t>(i)].cells;
  return at;
}

size_t private_region_cells(const Scenario& s) {
  size_t n = 0;
  for (const ObjectSpec& o : s.objects)
    if (o.is_private) n += static_cast<size_t>(o.cells);
  return n;
}

int64_t* map_private_region(const Scenario& s) {
  errno = 0;
  const size_t cells = private_region_cells(s);
  if (cells == 0) return nullptr;
  void* p = ::mmap(nullptr, cells * sizeof(int64_t), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : static_cast<int64_t*>(p);
}

std::vector<int64_t> read_private_cells(pid_t pid, uint64_t base, int64_t offset, int cells,
                                        int* err) {
  *err = 0;
  std::vector<int64_t> out(static_cast<size_t>(cells));
  const size_t bytes = out.size() * sizeof(int64_t);
  iovec local{out.data(), bytes};
  iovec remote{reinterpret_cast<void*>(base + static_cast<uint64_t>(offset) * sizeof(int64_t)),
               bytes};
  const ssize_t n = ::process_vm_readv(pid, &local, 1, &remote, 1, 0);
  if (n == static_cast<ssize_t>(bytes)) return out;
  *err = n < 0 ? errno : EFAULT;
  return {};
}

namespace {

std::string unreadable(int err) {
  if (err == EPERM)
    return "the kernel does not let ipclab read its memory (EPERM: see "
           "/proc/sys/kernel/yama/ptrace_scope)";
  if (err == ESRCH) return "it has ended: its memory is gone";
  return std::string("its memory cannot be read: ") + std::strerror(err);
}

}  // namespace

void fill_private_cells(const Scenario& s, const ControlBlock& ctl, Snapshot& snap) {
  for (size_t i = 0; i < snap.objects.size() && i < s.objects.size(); ++i) {
    const ObjectSpec& spec = s.objects[i];
    if (!spec.is_private) continue;
    const int64_t offset = private_offset(s, static_cast<int>(i));
    ObjectStatus& o = snap.objects[i];
    for (size_t w = 0; w < snap.workers.size(); ++w) {
      const WorkerStatus& ws = snap.workers[w];
      ObjectStatus::OwnCopy copy;
      copy.worker = static_cast<int>(w);
      const uint64_t base = ctl.workers[w].private_base.load();
      if (ws.state == WorkerState::exited || ws.state == WorkerState::killed) {
        copy.note = unreadable(ESRCH);
        copy.err = ESRCH;
      } else if (base == 0) {
        copy.note = "it has not mapped its memory yet";
      } else {
        int err = 0;
        copy.address = base + static_cast<uint64_t>(offset) * sizeof(int64_t);
        copy.cells = read_private_cells(ws.pid, base, offset, spec.cells, &err);
        copy.err = err;
        if (err) copy.note = unreadable(err);
      }
      o.private_cells.push_back(std::move(copy));
    }
  }
}

}  // namespace ipclab
