// Reads the kernel's view of a process from /proc with plain open/read into
// stack buffers: the observer samples up to 16 processes several times a
// second, so no iostreams, no heap for the file contents.
#include "observer/kernel_probe.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstddef>
#include <string>

namespace ipclab {
namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads the file `name` under the /proc/PID directory `dir` into `buf` (at
// most N bytes). Returns what was read, or nullopt when the file cannot be
// opened or read (the process vanished, or we lack permission).
template <std::size_t N>
std::optional<std::string_view> read_proc_file(int dir, const char* name, char (&buf)[N]) {
  FileDescriptor fd(::openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return std::nullopt;
  std::size_t used = 0;
  while (used < N) {
    const std::size_t want = N - used;
    const ssize_t n = ::read(fd.get(), buf + used, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    used += static_cast<std::size_t>(n);
    // The kernel formats each of these small files in one go, so a read that
    // does not fill the buffer has returned all of it: no extra read for EOF.
    if (static_cast<std::size_t>(n) < want) break;
  }
  return std::string_view(buf, used);
}

std::string_view trim_newline(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

// The state letter of /proc/PID/stat: "pid (comm) S ...". The command name may
// itself contain spaces and ')', so the state follows the LAST ')'.
char parse_stat_state(std::string_view stat) {
  const std::size_t close = stat.rfind(')');
  if (close == std::string_view::npos || close + 2 >= stat.size()) return '?';
  if (stat[close + 1] != ' ') return '?';
  return stat[close + 2];
}

const char* state_word_of(char state) {
  switch (state) {
    case 'R':
      return "running";
    case 'S':
      return "sleeping";
    case 'D':
      return "disk sleep";
    case 'T':
      return "stopped";
    case 't':
      return "tracing stop";
    case 'Z':
      return "zombie";
    case 'X':
      return "dead";
    case 'I':
      return "idle";
    case 'P':
      return "parked";
    default:
      return "unknown";
  }
}

// /proc/PID/syscall: "NR arg1 ... arg6 sp pc" while in a syscall, "-1 sp pc"
// when stopped in user space, "running" when on a CPU.
long parse_syscall_nr(std::string_view text) {
  long nr = -1;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, nr);
  if (ec != std::errc() || (ptr != end && *ptr != ' ' && *ptr != '\n')) return -1;
  return nr < 0 ? -1 : nr;
}

// The value after "Key:" on one line of /proc/PID/status, in `base`, or
// nullopt when the line is not `key`.
std::optional<uint64_t> status_value(std::string_view line, std::string_view key, int base) {
  if (line.size() <= key.size() || line.substr(0, key.size()) != key || line[key.size()] != ':')
    return std::nullopt;
  std::size_t pos = key.size() + 1;
  while (pos < line.size() && (line[pos] == '\t' || line[pos] == ' ')) ++pos;
  uint64_t value = 0;
  if (std::from_chars(line.data() + pos, line.data() + line.size(), value, base).ec != std::errc())
    return std::nullopt;
  return value;
}

void parse_status(std::string_view status, ProcessTruth& truth) {
  while (!status.empty()) {
    const std::size_t eol = status.find('\n');
    const std::string_view line = status.substr(0, eol);
    status = eol == std::string_view::npos ? std::string_view() : status.substr(eol + 1);
    if (line.empty()) continue;
    // Only the lines we want; the first letter rules out most of the others.
    switch (line[0]) {
      case 'S':
        // SigPnd is the thread's own queue, ShdPnd the process-wide one.
        if (auto pending = status_value(line, "SigPnd", 16)) {
          truth.sig_pending |= *pending;
        } else if (auto shared = status_value(line, "ShdPnd", 16)) {
          truth.sig_pending |= *shared;
        } else if (auto blocked = status_value(line, "SigBlk", 16)) {
          truth.sig_blocked = *blocked;
        }
        break;
      case 'v':
        if (auto v = status_value(line, "voluntary_ctxt_switches", 10))
          truth.voluntary_switches = *v;
        break;
      default:
        break;
    }
  }
}

}  // namespace

ProcessTruth probe_process(pid_t pid) {
  ProcessTruth truth;
  if (pid <= 0) return truth;

  // Every file is opened relative to one directory descriptor, so all of them
  // describe the same process even if the pid is reused meanwhile: once the
  // process is gone, openat under its old directory fails with ESRCH.
  char path[32] = "/proc/";
  const auto [end, ec] = std::to_chars(path + 6, path + sizeof(path) - 1, pid);
  if (ec != std::errc()) return truth;
  *end = '\0';
  FileDescriptor dir(::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return truth;

  char buf[4096];
  const auto stat = read_proc_file(dir.get(), "stat", buf);
  if (!stat) return truth;
  truth.alive = true;
  truth.state = parse_stat_state(*stat);
  truth.state_word = state_word_of(truth.state);

  // Needs ptrace-read permission; without it syscall_nr stays -1.
  if (const auto text = read_proc_file(dir.get(), "syscall", buf)) {
    truth.syscall_nr = parse_syscall_nr(*text);
    if (truth.syscall_nr >= 0) truth.syscall_name = syscall_name(truth.syscall_nr);
  }

  if (const auto text = read_proc_file(dir.get(), "wchan", buf)) {
    const std::string_view wchan = trim_newline(*text);
    if (wchan != "0") truth.wchan = wchan;
  }

  if (const auto text = read_proc_file(dir.get(), "status", buf)) parse_status(*text, truth);
  return truth;
}

std::optional<uint64_t> shared_pending_signals(pid_t pid) {
  if (pid <= 0) return std::nullopt;
  char path[40] = "/proc/";
  const auto [end, ec] = std::to_chars(path + 6, path + sizeof(path) - 8, pid);
  if (ec != std::errc()) return std::nullopt;
  *end = '\0';
  FileDescriptor dir(::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return std::nullopt;
  char buf[4096];
  auto text = read_proc_file(dir.get(), "status", buf);
  if (!text) return std::nullopt;
  while (!text->empty()) {
    const std::size_t eol = text->find('\n');
    const std::string_view line = text->substr(0, eol);
    *text = eol == std::string_view::npos ? std::string_view() : text->substr(eol + 1);
    if (auto shared = status_value(line, "ShdPnd", 16)) return shared;
  }
  return std::nullopt;
}

std::string signal_mask_names(uint64_t mask) {
  static constexpr const char* kNames[32] = {
      nullptr,     "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",   "SIGTRAP", "SIGABRT", "SIGBUS",
      "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",  "SIGPIPE", "SIGALRM", "SIGTERM",
      "SIGSTKFLT", "SIGCHLD", "SIGCONT",   "SIGSTOP", "SIGTSTP",  "SIGTTIN", "SIGTTOU", "SIGURG",
      "SIGXCPU",   "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",   "SIGPWR",  "SIGSYS"};
  // glibc keeps the first realtime signals (32, 33) for itself, so SIGRTMIN
  // is 34 for programs; name them as a program would send them.
  const int rtmin = SIGRTMIN;
  std::string names;
  for (int sig = 1; sig <= 64; ++sig) {
    if ((mask & (uint64_t{1} << (sig - 1))) == 0) continue;
    if (!names.empty()) names += ' ';
    if (sig < 32) {
      names += kNames[sig];
    } else if (sig < rtmin) {
      names += "SIG";
      names += std::to_string(sig);
    } else if (sig == rtmin) {
      names += "SIGRTMIN";
    } else {
      names += "SIGRTMIN+";
      names += std::to_string(sig - rtmin);
    }
  }
  return names;
}

std::optional<int64_t> bytes_unread(int fd) {
  int count = 0;
  if (::ioctl(fd, FIONREAD, &count) != 0) return std::nullopt;
  return count;
}

}  // namespace ipclab
