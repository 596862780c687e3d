// exec: an allowlisted program run for real, as one command of a shell
// pipeline, with channels as its stdin and stdout.
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>
#include <vector>

#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

// True when an op after the current one still reads (or writes) obj.
bool used_later(const WorkerContext& w, int obj, bool write) {
  for (size_t i = static_cast<size_t>(w.op) + 1; i < w.plan.size(); ++i)
    if ((write ? write_obj(w.plan[i]) : read_obj(w.plan[i])) == obj) return true;
  return false;
}

std::string program_path(const std::string& name) {
  for (const char* dir : {"/usr/bin/", "/bin/"}) {
    const std::string p = dir + name;
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return {};
}

}  // namespace

// exec: what a shell does for one command of a pipeline. fork; in the
// child, the channels become stdin and stdout and the program replaces it;
// the parent closes the ends it no longer needs and waits.
void do_exec(WorkerContext& w, const Op& op) {
  if (op.in_obj >= 0) open_on_first_use(w, op.in_obj);
  if (op.out_obj >= 0) open_on_first_use(w, op.out_obj);
  ChannelEnd* in = active_channel(w, op.in_obj);
  ChannelEnd* out = active_channel(w, op.out_obj);
  const int in_fd = in ? in->stream_fd(false) : -1;
  const int out_fd = out ? out->stream_fd(true) : -1;
  if ((op.in_obj >= 0 && in_fd < 0) || (op.out_obj >= 0 && out_fd < 0))
    return emit_error(w, op.obj, EBADF, "exec needs a byte stream (pipe, fifo, unix_stream, tcp)");
  const std::string path = op.argv.empty() ? std::string() : program_path(op.argv[0]);
  if (path.empty()) return emit_error(w, op.obj, ENOENT, "program not found in /usr/bin or /bin");
  std::vector<char*> argv;
  for (const std::string& a : op.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  emit_call(w, op.obj, SYS_clone);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (in_fd >= 0) ::dup2(in_fd, STDIN_FILENO);
    if (out_fd >= 0) ::dup2(out_fd, STDOUT_FILENO);
    // A fresh program: no blocked signals, default actions, and it dies
    // with this worker.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < 65; ++sig) ::signal(sig, SIG_DFL);
    ::close_range(3, ~0U, 0);  // nothing of ipclab's leaks into the program
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::execv(path.c_str(), argv.data());
    ::_exit(127);
  }
  const int fork_err = pid < 0 ? errno : 0;
  emit_return(w, op.obj, SYS_clone, pid, fork_err,
              op.argv[0] + " runs as pid " + std::to_string(pid));
  if (fork_err) return;
  w.slot->child_pid.store(pid);
  // As a shell does: the program has its own copies now; keep ours only if
  // a later step needs them, or readers would never see end of file.
  if (in && !used_later(w, op.in_obj, false)) in->close_end(false);
  if (out && !used_later(w, op.out_obj, true)) out->close_end(true);

  emit_call(w, op.obj, SYS_wait4);
  int status = 0;
  pid_t got = ::waitpid(pid, &status, WNOHANG);
  if (got == 0) {
    enter_block(w, op.obj, SYS_wait4, false, true);
    do got = ::waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    leave_block(w, op.obj, got < 0 ? errno : 0);
  }
  w.slot->child_pid.store(0);
  EventRecord r = w.record(EventKind::ret, op.obj);
  r.syscall = SYS_wait4;
  r.flags |= EventRecord::kHasValue;
  if (got < 0) {
    r.value = -1;
    r.peer = errno;
    r.flags |= EventRecord::kHasErrno;
  } else if (WIFEXITED(status)) {
    r.value = WEXITSTATUS(status);
    WorkerContext::set_data(r, op.argv[0] + " exited with code " + std::to_string(r.value));
  } else {
    r.value = -1;
    WorkerContext::set_data(r, op.argv[0] + " was killed by " + sig_name(WTERMSIG(status)));
  }
  w.emit(r);
}

}  // namespace ipclab
