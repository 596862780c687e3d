// Drives the ipclab-cli binary as a user would: arguments, environment,
// stdin, exit code, stdout and stderr, with a deadline on everything. Every
// test gets its own XDG_RUNTIME_DIR so sessions never meet.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../core/system_probe.hpp"

namespace ipclab::live {

using namespace std::chrono_literals;
using Env = std::map<std::string, std::string>;

std::string cli_path();
std::string worker_path();
std::string fixture(const std::string& name);  // tests/fixtures/cli/NAME

struct CliResult {
  int code = -1;   // exit code, -1 when killed by a signal or timed out
  int signal = 0;  // terminating signal
  bool timed_out = false;
  std::string out, err;
};

// A running ipclab-cli (or any program, with `program`): pipes on its stdin,
// stdout and stderr; killed and reaped when the object goes away.
class CliProcess {
 public:
  CliProcess() = default;
  ~CliProcess();
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;

  // argv[0] is the program path. Env entries override the inherited ones.
  bool start(const std::vector<std::string>& argv, const Env& env);
  pid_t pid() const { return pid_; }

  void write(const std::string& text);
  void close_stdin();
  // Reads until `done(stdout)` holds, the program exits or the deadline.
  bool read_until(const std::function<bool(const std::string&)>& done,
                  std::chrono::milliseconds timeout);
  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }
  // Waits for the exit (reading all output); kills it after the deadline.
  CliResult wait(std::chrono::milliseconds timeout);
  void kill(int sig);  // only ever the child's own pid

 private:
  bool pump(int timeout_ms);  // false once both outputs reached EOF
  pid_t pid_ = -1;
  int in_ = -1, outfd_ = -1, errfd_ = -1;
  std::string out_, err_;
  bool reaped_ = false;
  int status_ = 0;
};

// ipclab-cli ARGS with XDG_RUNTIME_DIR=runtime_dir (and IPCLAB_WORKER set
// to the build tree's worker unless env says otherwise).
CliResult run_cli(const std::vector<std::string>& args, const std::string& runtime_dir,
                  const Env& env = {}, const std::string& input = "",
                  std::chrono::milliseconds timeout = 30s);
Env cli_env(const std::string& runtime_dir, const Env& extra = {});

// Writes `text` to DIR/NAME and returns the path.
std::string write_file(const std::string& dir, const std::string& name, const std::string& text);

std::vector<std::string> lines_of(const std::string& text);

// Minimal JSON: true when `line` is exactly one valid JSON object; its
// top-level keys and their raw values go into *fields.
bool parse_json_object(const std::string& line, std::map<std::string, std::string>* fields);

// Workers whose --session lies under `base` (a test's private runtime dir).
std::vector<pid_t> workers_under(const std::string& base);
// Session folders left in BASE/ipclab.
std::vector<std::string> sessions_in(const std::string& runtime_dir);

}  // namespace ipclab::live
