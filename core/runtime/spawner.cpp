#include "runtime/spawner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace ipclab {

namespace {

struct Job {
  const SpawnRequest* req;
  SpawnedProcess* out;
  std::string* what;
  std::promise<std::error_code> done;
};

std::error_code spawn_here(const SpawnRequest& req, SpawnedProcess* out, std::string* what) {
  // Everything the child needs is prepared before vfork: after it, only
  // async-signal-safe calls, and the child writes nothing but its own
  // locals and errno (it shares our memory until exec, while this thread
  // waits; its fd table and signal handlers are its own).
  std::vector<char*> argv;
  for (const std::string& a : req.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int errpipe[2];
  if (::pipe2(errpipe, O_CLOEXEC) != 0) {
    *what = "pipe2";
    return {errno, std::generic_category()};
  }
  const pid_t parent = ::getpid();
  // vfork, not fork: fork copies the page tables of this whole process (the
  // GUI, the CLI) and every page it writes afterwards faults once to undo
  // the copy-on-write; measured on the 2-core VM of bench/session_bench,
  // that made a 6-process Session::start take 125-180 ms instead of
  // 85-93 ms, and cost the pump ~7 us per round trip of pingpong_bench.
  // All signals stay blocked until the child has reset every handler, so
  // none of ours ever runs in the child on our memory.
  sigset_t all, saved;
  sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &saved);
  const pid_t pid = ::vfork();
  if (pid != 0) ::pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  if (pid < 0) {
    const int e = errno;
    ::close(errpipe[0]);
    ::close(errpipe[1]);
    *what = "vfork";
    return {e, std::generic_category()};
  }
  if (pid == 0) {
    int err = 0;
    const char* step = "setpgid";
    if (::setpgid(0, 0) != 0) err = errno;
    if (!err) {
      step = "prctl";
      if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) err = errno;
    }
    // The parent may have died before prctl took effect: then nobody would
    // ever kill us.
    if (!err && ::getppid() != parent) ::_exit(126);
    // Start from the default signal state whatever the app did (an ignored
    // SIGPIPE or SIGUSR1 would survive exec and change the lesson).
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
      if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    const int redirect[3] = {req.stdin_fd, req.stdout_fd, req.stderr_fd};
    for (int target = 0; target < 3 && !err; ++target) {
      step = "dup2";
      if (redirect[target] >= 0 && ::dup2(redirect[target], target) < 0) err = errno;
    }
    for (int fd : req.inherit_fds) {
      if (err) break;
      step = "fcntl";
      const int flags = ::fcntl(fd, F_GETFD);
      if (flags < 0 || ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) != 0) err = errno;
    }
    if (!err) {
      step = "execve";
      ::execv(req.path.c_str(), argv.data());
      err = errno;
    }
    // Report errno and which step failed; the parent reads both.
    char msg[64];
    int n = 0;
    std::memcpy(msg, &err, sizeof err);
    n = sizeof err;
    for (const char* p = step; *p && n < 63; ++p) msg[n++] = *p;
    [[maybe_unused]] ssize_t w = ::write(errpipe[1], msg, static_cast<size_t>(n));
    ::_exit(127);
  }
  ::close(errpipe[1]);
  char msg[64];
  ssize_t n;
  do n = ::read(errpipe[0], msg, sizeof msg);
  while (n < 0 && errno == EINTR);
  ::close(errpipe[0]);
  if (n >= static_cast<ssize_t>(sizeof(int))) {
    int err;
    std::memcpy(&err, msg, sizeof err);
    *what = std::string(msg + sizeof err, static_cast<size_t>(n) - sizeof err);
    ::waitpid(pid, nullptr, 0);
    return {err, std::generic_category()};
  }
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) {
    const int e = errno;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    *what = "pidfd_open";
    return {e, std::generic_category()};
  }
  ::fcntl(pidfd, F_SETFD, FD_CLOEXEC);
  out->pid = pid;
  out->pidfd = pidfd;
  return {};
}

class SpawnerThread {
 public:
  SpawnerThread() : thread_([this] { loop(); }) { thread_.detach(); }

  std::error_code run(const SpawnRequest& req, SpawnedProcess* out, std::string* what) {
    Job job{&req, out, what, {}};
    auto result = job.done.get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(&job);
    }
    cv_.notify_one();
    return result.get();
  }

 private:
  void loop() {
    for (;;) {
      Job* job;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = jobs_.front();
        jobs_.pop_front();
      }
      job->done.set_value(spawn_here(*job->req, job->out, job->what));
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Job*> jobs_;
  std::thread thread_;
};

}  // namespace

std::error_code spawn_process(const SpawnRequest& req, SpawnedProcess* out, std::string* what) {
  // Never destroyed: the thread must outlive every child it forked.
  static SpawnerThread* spawner = new SpawnerThread;
  return spawner->run(req, out, what);
}

}  // namespace ipclab
