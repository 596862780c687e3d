// What the system holds, for the leak checks of the session and CLI suites:
// processes, /dev/shm entries, message queues, folders. Header-only so both
// test binaries can use it. Everything waits with a deadline, never a sleep
// "to let things settle".
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace ipclab::live {

using Clock = std::chrono::steady_clock;

// Polls `done` until it holds or `timeout` passes. The poll interval is a
// yield, not a delay that makes a test pass: the deadline is what matters.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool path_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// Removes a folder tree (test temp dirs only).
inline void remove_tree(const std::string& path) {
  if (DIR* d = ::opendir(path.c_str())) {
    while (dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      const std::string child = path + "/" + name;
      struct stat st {};
      if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        remove_tree(child);
      else
        ::unlink(child.c_str());
    }
    ::closedir(d);
  }
  ::rmdir(path.c_str());
}

// A private temporary folder, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/ipclab-test-XXXXXX";
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    if (!path_.empty()) remove_tree(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// State letter from /proc/PID/stat ('?' when the process is gone).
inline char process_state(pid_t pid) {
  const std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos || close + 2 >= stat.size()) return '?';
  return stat[close + 2];
}

// Alive = exists and is not a zombie waiting to be reaped.
inline bool process_alive(pid_t pid) {
  const char s = process_state(pid);
  return s != '?' && s != 'Z' && s != 'X';
}

inline std::vector<std::string> cmdline_of(pid_t pid) {
  const std::string raw = read_text("/proc/" + std::to_string(pid) + "/cmdline");
  std::vector<std::string> args;
  std::string cur;
  for (char c : raw) {
    if (c == 0) {
      args.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) args.push_back(cur);
  return args;
}

// Live ipclab-worker processes whose command line names the session `tag`
// (every worker gets `--tag TAG`); all of them when tag is empty.
inline std::vector<pid_t> live_workers(const std::string& tag) {
  std::vector<pid_t> out;
  DIR* d = ::opendir("/proc");
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    if (pid <= 0 || *end) continue;
    const std::vector<std::string> args = cmdline_of(static_cast<pid_t>(pid));
    if (args.empty() || args[0] != "ipclab-worker") continue;
    bool ours = tag.empty();
    for (size_t i = 0; i + 1 < args.size(); ++i)
      if (args[i] == "--tag" && args[i + 1] == tag) ours = true;
    if (ours && process_alive(static_cast<pid_t>(pid))) out.push_back(static_cast<pid_t>(pid));
  }
  ::closedir(d);
  return out;
}

// Entries of `dir` (e.g. /dev/shm) whose name contains "ipclab-TAG-": shared
// memory `ipclab-TAG-x` and named semaphores `sem.ipclab-TAG-x`.
inline std::vector<std::string> entries_with_tag(const std::string& dir, const std::string& tag) {
  std::vector<std::string> out;
  const std::string needle = "ipclab-" + tag + "-";
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d))
      if (std::string(e->d_name).find(needle) != std::string::npos) out.push_back(e->d_name);
    ::closedir(d);
  }
  return out;
}

// True when a message queue of that name exists (mq_open does not fail
// with ENOENT).
inline bool mq_exists(const std::string& name) {
  const mqd_t q = ::mq_open(name.c_str(), O_RDONLY | O_NONBLOCK);
  if (q == static_cast<mqd_t>(-1)) return errno != ENOENT;
  ::mq_close(q);
  return true;
}

// True when a System V message queue with that key exists.
inline bool sysv_queue_exists(key_t key) {
  return ::msgget(key, 0) >= 0;
}

inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace ipclab::live
