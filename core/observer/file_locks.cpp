#include "observer/file_locks.hpp"

#include <sys/sysmacros.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace ipclab {

std::vector<KernelFileLock> parse_proc_locks(const std::string& text, dev_t dev, ino_t ino) {
  // "3: POSIX  ADVISORY  WRITE 8620 fe:00:11051337 0 9", a waiter as
  // "3: -> POSIX  ADVISORY  WRITE 8621 fe:00:11051337 0 9"; the device's
  // major and minor in hex, the inode in decimal.
  std::vector<KernelFileLock> out;
  std::map<std::string, pid_t> held_by;  // "3:" -> the owner of lock 3
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream in(line);
    std::string id, style, mode, rw, where, start, end;
    long pid = 0;
    in >> id >> style;
    KernelFileLock l;
    if (style == "->") {
      l.waiting = true;
      in >> style;
    }
    if (!(in >> mode >> rw >> pid >> where >> start >> end)) continue;
    unsigned maj = 0, min = 0;
    unsigned long long inode = 0;
    if (std::sscanf(where.c_str(), "%x:%x:%llu", &maj, &min, &inode) != 3) continue;
    if (inode != ino || maj != major(dev) || min != minor(dev)) continue;
    l.style = style;
    l.write = rw == "WRITE";
    l.pid = static_cast<pid_t>(pid);
    if (l.waiting) {
      l.blocker = -1;
      if (auto it = held_by.find(id); it != held_by.end()) l.blocker = it->second;
    } else {
      held_by[id] = l.pid;
    }
    l.start = std::strtoll(start.c_str(), nullptr, 10);
    l.end = end == "EOF" ? -1 : std::strtoll(end.c_str(), nullptr, 10);
    out.push_back(l);
  }
  return out;
}

std::vector<KernelFileLock> file_locks_on(dev_t dev, ino_t ino) {
  std::ifstream f("/proc/locks");
  std::stringstream text;
  text << f.rdbuf();
  return parse_proc_locks(text.str(), dev, ino);
}

std::string describe_file_locks(const std::vector<KernelFileLock>& locks) {
  std::string held, waits;
  for (const KernelFileLock& l : locks) {
    std::string one = l.style + (l.write ? " WRITE" : " READ");
    one += l.pid > 0 ? " pid " + std::to_string(l.pid) : std::string(" (open file description)");
    if (l.style == "FLOCK" || (l.start == 0 && l.end < 0))
      one += " whole file";
    else
      one +=
          " bytes " + std::to_string(l.start) + "-" + (l.end < 0 ? "EOF" : std::to_string(l.end));
    std::string& list = l.waiting ? waits : held;
    list += (list.empty() ? "" : "; ") + one;
  }
  if (held.empty() && waits.empty()) return "no locks (/proc/locks)";
  std::string out = held.empty() ? "no lock held" : held;
  if (!waits.empty()) out += "; waits: " + waits;
  return out + " (/proc/locks)";
}

}  // namespace ipclab
