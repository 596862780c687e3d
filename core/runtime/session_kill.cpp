// Session::kill: kill -9 of one worker, and waiting until the session has
// seen the death (the pump reaps it through its pidfd, like any death).
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/session_impl.hpp"

namespace ipclab {

const char* describe(KillResult r) {
  switch (r) {
    case KillResult::killed:
      return "killed";
    case KillResult::finished:
      return "it has already finished";
    case KillResult::unknown_process:
      return "there is no such process";
    case KillResult::not_seen:
      return "its death was not seen within 5 s";
    case KillResult::failed:
      return "the kernel refused the signal";
  }
  return "?";
}

KillResult Session::kill(int worker) {
  Impl& m = *impl_;
  if (worker < 0 || static_cast<size_t>(worker) >= m.ids.size()) return KillResult::unknown_process;
  const size_t w = static_cast<size_t>(worker);
  int pidfd = -1;
  {
    std::lock_guard lock(m.mu);
    if (m.stopped.load() || m.child_view[w].reaped) return KillResult::finished;
    pidfd = m.child_view[w].pidfd;
  }
  // A worker that reported its own end is leaving, one that died and is not
  // reaped yet is a zombie (a signal to it would "succeed"): nothing to kill.
  const WorkerState st = m.ctl->workers[worker].state.load();
  if (st == WorkerState::exited || st == WorkerState::killed) return KillResult::finished;
  siginfo_t info{};
  if (::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidfd), &info,
               WEXITED | WNOHANG | WNOWAIT) == 0 &&
      info.si_pid != 0)
    return KillResult::finished;
  // Through the pidfd, not the pid: it cannot hit a recycled pid.
  if (::syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0) != 0)
    return errno == ESRCH ? KillResult::finished : KillResult::failed;
  m.poke_pump();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  {
    std::unique_lock lock(m.mu);
    if (!m.cv.wait_until(lock, deadline, [&] { return m.child_view[w].reaped || m.quit.load(); }))
      return KillResult::not_seen;
  }
  // The exit event reaches the model before we return. What the kernel did
  // as the process ended (a robust mutex's waiter woken with EOWNERDEAD,
  // SEM_UNDO) happened before the death was reported: wait_settled sees
  // the woken process on its way.
  m.request_drain_and_wait();
  return KillResult::killed;
}

}  // namespace ipclab
