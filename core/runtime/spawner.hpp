// Starts worker processes from ONE long-lived thread of the calling process.
// PR_SET_PDEATHSIG fires when the thread that forked a child exits, so the
// forking thread must live as long as the process: it is started on first
// use and never stops.
#pragma once

#include <sys/types.h>

#include <string>
#include <system_error>
#include <vector>

namespace ipclab {

struct SpawnRequest {
  std::string path;               // executable
  std::vector<std::string> argv;  // argv[0] included
  std::vector<int> inherit_fds;   // descriptors the child keeps (close-on-exec cleared)
  int stdin_fd = -1;              // dup2'ed onto 0 / 1 / 2 when >= 0
  int stdout_fd = -1;
  int stderr_fd = -1;
};

struct SpawnedProcess {
  pid_t pid = -1;
  int pidfd = -1;  // owned by the caller
};

// Fork + exec in the child's own process group, with PDEATHSIG=SIGKILL and
// the getppid() check, and a close-on-exec error pipe so a failed exec
// reports its errno (the child never survives a failed exec).
// On failure returns the errno of the failing step and sets *what to it.
std::error_code spawn_process(const SpawnRequest& req, SpawnedProcess* out, std::string* what);

}  // namespace ipclab
