#include "cli_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstring>

extern char** environ;

namespace ipclab::live {

std::string cli_path() {
  return IPCLAB_CLI_PATH;
}
std::string worker_path() {
  return IPCLAB_WORKER_BUILD_PATH;
}
std::string fixture(const std::string& name) {
  return std::string(IPCLAB_FIXTURES_DIR) + "/cli/" + name;
}

CliProcess::~CliProcess() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  for (int fd : {in_, outfd_, errfd_})
    if (fd >= 0) ::close(fd);
}

bool CliProcess::start(const std::vector<std::string>& argv, const Env& env) {
  // Everything the child needs is built before fork.
  std::map<std::string, std::string> all;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    const auto eq = kv.find('=');
    if (eq != std::string::npos) all[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : env) all[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : all) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (std::string& s : argv_copy) args.push_back(s.data());
  args.push_back(nullptr);

  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC)) return false;
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) return false;
  if (pid_ == 0) {
    // Dies with the test, whatever happens to it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_ = in[1];
  outfd_ = out[0];
  errfd_ = err[0];
  return true;
}

void CliProcess::write(const std::string& text) {
  if (in_ < 0) return;
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(in_, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

void CliProcess::close_stdin() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

bool CliProcess::pump(int timeout_ms) {
  pollfd fds[2] = {{outfd_, POLLIN, 0}, {errfd_, POLLIN, 0}};
  if (outfd_ < 0 && errfd_ < 0) return false;
  ::poll(fds, 2, timeout_ms);
  int* fdp[2] = {&outfd_, &errfd_};
  std::string* sink[2] = {&out_, &err_};
  for (int i = 0; i < 2; ++i) {
    if (*fdp[i] < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    char buf[4096];
    const ssize_t n = ::read(*fdp[i], buf, sizeof buf);
    if (n > 0) {
      sink[i]->append(buf, static_cast<size_t>(n));
    } else {
      ::close(*fdp[i]);
      *fdp[i] = -1;
    }
  }
  return outfd_ >= 0 || errfd_ >= 0;
}

bool CliProcess::read_until(const std::function<bool(const std::string&)>& done,
                            std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (done(out_)) return true;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    if (!pump(static_cast<int>(std::min<long>(left, 100)))) return done(out_);
  }
}

CliResult CliProcess::wait(std::chrono::milliseconds timeout) {
  CliResult r;
  const auto deadline = Clock::now() + timeout;
  while (!reaped_) {
    pump(10);
    if (::waitpid(pid_, &status_, WNOHANG) == pid_) {
      reaped_ = true;
      break;
    }
    if (Clock::now() >= deadline) {
      r.timed_out = true;
      kill(SIGKILL);
      ::waitpid(pid_, &status_, 0);
      reaped_ = true;
    }
  }
  while (pump(50)) {
  }
  if (WIFEXITED(status_)) r.code = WEXITSTATUS(status_);
  if (WIFSIGNALED(status_)) r.signal = WTERMSIG(status_);
  r.out = out_;
  r.err = err_;
  return r;
}

void CliProcess::kill(int sig) {
  if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
}

Env cli_env(const std::string& runtime_dir, const Env& extra) {
  // English unless a test asks otherwise, whatever the machine's locale.
  Env env{{"XDG_RUNTIME_DIR", runtime_dir},
          {"IPCLAB_WORKER", worker_path()},
          {"LANGUAGE", ""},
          {"LC_ALL", ""},
          {"LC_MESSAGES", ""},
          {"LANG", "C.UTF-8"}};
  for (const auto& [k, v] : extra) env[k] = v;
  return env;
}

CliResult run_cli(const std::vector<std::string>& args, const std::string& runtime_dir,
                  const Env& env, const std::string& input, std::chrono::milliseconds timeout) {
  CliProcess p;
  std::vector<std::string> argv{cli_path()};
  argv.insert(argv.end(), args.begin(), args.end());
  if (!p.start(argv, cli_env(runtime_dir, env))) return {};
  p.write(input);
  p.close_stdin();
  return p.wait(timeout);
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd >= 0) {
    [[maybe_unused]] ssize_t n = ::write(fd, text.data(), text.size());
    ::close(fd);
  }
  return path;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

namespace {

// A strict little JSON reader: enough to tell valid from invalid.
struct Json {
  const std::string& s;
  size_t i = 0;
  void ws() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  }
  bool lit(const char* w) {
    const size_t n = std::strlen(w);
    if (s.compare(i, n, w) != 0) return false;
    i += n;
    return true;
  }
  bool string(std::string* out) {
    if (i >= s.size() || s[i] != '"') return false;
    ++i;
    while (i < s.size() && s[i] != '"') {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i >= s.size()) return false;
        if (s[i] == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (i + k >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + k])))
              return false;
          i += 4;
        } else if (!std::strchr("\"\\/bfnrt", s[i])) {
          return false;
        }
      }
      if (out) *out += s[i];
      ++i;
    }
    if (i >= s.size()) return false;
    ++i;
    return true;
  }
  bool number() {
    const size_t start = i;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    if (s[i] == '0' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))
      return false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    return i > start;
  }
  bool value(int depth) {
    if (depth > 32) return false;
    ws();
    if (i >= s.size()) return false;
    switch (s[i]) {
      case '{':
        return object(depth, nullptr);
      case '[': {
        ++i;
        ws();
        if (i < s.size() && s[i] == ']') return ++i, true;
        for (;;) {
          if (!value(depth + 1)) return false;
          ws();
          if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
          }
          if (i < s.size() && s[i] == ']') return ++i, true;
          return false;
        }
      }
      case '"':
        return string(nullptr);
      case 't':
        return lit("true");
      case 'f':
        return lit("false");
      case 'n':
        return lit("null");
      default:
        return number();
    }
  }
  bool object(int depth, std::map<std::string, std::string>* fields) {
    if (i >= s.size() || s[i] != '{') return false;
    ++i;
    ws();
    if (i < s.size() && s[i] == '}') return ++i, true;
    for (;;) {
      ws();
      std::string key;
      if (!string(&key)) return false;
      ws();
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      ws();
      const size_t start = i;
      if (!value(depth + 1)) return false;
      if (fields) (*fields)[key] = s.substr(start, i - start);
      ws();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '}') return ++i, true;
      return false;
    }
  }
};

}  // namespace

bool parse_json_object(const std::string& line, std::map<std::string, std::string>* fields) {
  Json j{line};
  j.ws();
  if (!j.object(0, fields)) return false;
  j.ws();
  return j.i == line.size();
}

std::vector<pid_t> workers_under(const std::string& base) {
  std::vector<pid_t> out;
  for (pid_t p : live_workers("")) {
    const std::vector<std::string> args = cmdline_of(p);
    for (size_t i = 0; i + 1 < args.size(); ++i)
      if (args[i] == "--session" && args[i + 1].rfind(base, 0) == 0) out.push_back(p);
  }
  return out;
}

std::vector<std::string> sessions_in(const std::string& runtime_dir) {
  std::vector<std::string> out;
  if (DIR* d = ::opendir((runtime_dir + "/ipclab").c_str())) {
    while (dirent* e = ::readdir(d))
      if (e->d_name[0] != '.') out.push_back(e->d_name);
    ::closedir(d);
  }
  return out;
}

}  // namespace ipclab::live
