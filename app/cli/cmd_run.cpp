// `ipclab-cli run`: a scenario with real processes, free-running or driven
// by step commands on stdin.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <sstream>

#include "cli_text.hpp"
#include "commands.hpp"
#include "core_words.hpp"
#include "runtime/session.hpp"
#include "scenario/catalog.hpp"
#include "state_print.hpp"
#include "trace/chrome_trace.hpp"

#ifndef IPCLAB_WORKER_BUILD_PATH
#define IPCLAB_WORKER_BUILD_PATH "ipclab-worker"
#endif

namespace ipclab::cli {

namespace {

// 2 -> "2", 0.5 -> "0.5".
std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

int g_signal_pipe[2] = {-1, -1};

void on_terminate(int) {
  const char c = 'x';
  [[maybe_unused]] ssize_t n = ::write(g_signal_pipe[1], &c, 1);
}

struct RunOptions {
  std::string scenario;
  bool jsonl = false;
  bool step = false;
  double timeout_s = 60;
  double speed = 0;
  std::vector<std::pair<std::string, std::string>> switches;
  std::string trace_out;
  long seed = 0;
  bool seeded = false;  // --seed: one random process steps at a time, reproducibly
};

bool parse(const Args& args, RunOptions* o, std::string* err) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        *err = std::string(name) + " needs a value";
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--jsonl")
      o->jsonl = true;
    else if (a == "--step")
      o->step = true;
    else if (a == "--timeout" || a == "--speed" || a == "--seed") {
      const std::string* v = value(a.c_str());
      if (!v) return false;
      char* end = nullptr;
      const double d = std::strtod(v->c_str(), &end);
      if (end == v->c_str() || *end || d < 0) {
        *err = fill(translate("cli", "%1 needs a non-negative number, not '%2'"), {a, *v});
        return false;
      }
      if (a == "--timeout")
        o->timeout_s = d;
      else if (a == "--speed")
        o->speed = d;
      else {
        o->seed = static_cast<long>(d);
        o->seeded = true;
      }
    } else if (a == "--switch") {
      const std::string* v = value("--switch");
      if (!v) return false;
      const auto eq = v->find('=');
      if (eq == std::string::npos) {
        *err = translate("cli", "--switch takes OBJ=MECHANISM");
        return false;
      }
      o->switches.emplace_back(v->substr(0, eq), v->substr(eq + 1));
    } else if (a == "--trace-out") {
      const std::string* v = value("--trace-out");
      if (!v) return false;
      o->trace_out = *v;
    } else if (!a.empty() && a[0] == '-') {
      *err = fill(translate("cli", "unknown option '%1'"), {a});
      return false;
    } else if (o->scenario.empty()) {
      o->scenario = a;
    } else {
      *err = fill(translate("cli", "only one SCENARIO, got '%1' and '%2'"), {o->scenario, a});
      return false;
    }
  }
  if (o->scenario.empty()) *err = translate("cli", "which scenario? (ipclab-cli list shows them)");
  return err->empty();
}

// --switch before the start: the channel runs on one of its alternatives.
bool apply_switches(Scenario& s, const RunOptions& o, std::string* err) {
  for (const auto& [obj, mech] : o.switches) {
    const int i = s.object_index(obj);
    if (i < 0) {
      *err = fill(translate("cli", "--switch: no object '%1' in %2"), {obj, s.id});
      return false;
    }
    ObjectSpec& spec = s.objects[static_cast<size_t>(i)];
    const auto kind = object_kind_from(mech);
    bool allowed = kind && *kind == spec.mechanism;
    for (ObjectKind alt : spec.alternatives) allowed = allowed || (kind && alt == *kind);
    if (!allowed) {
      *err = fill(translate("cli",
                            "--switch: '%1' cannot use '%2' (its alternatives are listed in the "
                            "scenario)"),
                  {obj, mech});
      return false;
    }
    spec.mechanism = *kind;
  }
  return true;
}

class Runner {
 public:
  Runner(Session& s, const RunOptions& o) : session_(s), opts_(o) {}

  void flush_events() {
    std::vector<Event> batch;
    session_.take_events(batch);
    std::string out;
    for (const Event& e : batch) {
      out += opts_.jsonl ? to_json_line(e) : event_line(e, session_);
      out += '\n';
    }
    if (!out.empty()) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fflush(stdout);
    }
    if (!opts_.trace_out.empty()) all_.insert(all_.end(), batch.begin(), batch.end());
  }

  // With --jsonl, stdout carries only event lines (and `state` replies);
  // messages for the user go to stderr.
  void say(const std::string& text) {
    std::fprintf(opts_.jsonl ? stderr : stdout, "%s\n", text.c_str());
    std::fflush(opts_.jsonl ? stderr : stdout);
  }

  // Returns false on quit.
  bool command(const std::string& line) {
    std::istringstream in(line);
    std::string verb, arg, arg2;
    in >> verb >> arg >> arg2;
    if (verb.empty()) return true;
    if (verb == "quit" || verb == "q") return false;
    if (verb == "step" || verb == "s") {
      if (arg.empty()) {
        const int n = session_.step_all();
        if (n == 0) say(translate("cli", "no process can take a step (all blocked or finished)"));
      } else {
        const int w = session_.worker_index(arg);
        const StepResult r = session_.step(w);
        if (r != StepResult::granted) {
          const std::string said = refusal_words(arg, r);
          say(said.empty() ? fill(translate("cli", "cannot step %1: %2"), {arg, describe(r)})
                           : said);
        }
      }
      if (!session_.wait_settled(std::chrono::seconds(5)))
        say(translate("cli", "the step has not settled within 5 s"));
      flush_events();
    } else if (verb == "run") {
      double speed = opts_.speed;
      if (!arg.empty()) speed = std::atof(arg.c_str());
      session_.run(speed);
    } else if (verb == "pause") {
      session_.pause();
      session_.wait_settled(std::chrono::seconds(5));
      flush_events();
    } else if (verb == "state") {
      flush_events();
      const Snapshot snap = session_.snapshot();
      const std::string text =
          opts_.jsonl ? state_json(session_, snap) + "\n" : state_text(session_, snap);
      std::fputs(text.c_str(), stdout);
      std::fflush(stdout);
    } else if (verb == "switch") {
      switch_channel(arg, arg2);
    } else if (verb == "kill") {
      kill_process(arg);
    } else {
      say(fill(translate("cli",
                         "unknown command '%1': step [PROC] | run [SPEED] | pause | state | "
                         "switch OBJ MECH | kill PROC | quit"),
               {verb}));
    }
    return true;
  }

  // `kill PROC`: kill -9 of one process (Session::kill); its `exit` event
  // says "killed by SIGKILL".
  void kill_process(const std::string& name) {
    if (name.empty()) {
      say(translate("cli", "kill needs a process: kill writer"));
      return;
    }
    const int w = session_.worker_index(name);
    const KillResult r = w < 0 ? KillResult::unknown_process : session_.kill(w);
    const char* why = nullptr;
    switch (r) {
      case KillResult::killed:
        break;
      case KillResult::finished:
        why = translate("cli", "it has already finished");
        break;
      case KillResult::unknown_process:
        why = translate("cli", "there is no such process");
        break;
      case KillResult::not_seen:
        why = translate("cli", "its death was not seen within 5 s");
        break;
      case KillResult::failed:
        why = translate("cli", "the kernel refused the signal");
        break;
    }
    if (why) {
      say(fill(translate("cli", "cannot kill %1: %2"), {name, why}));
      return;
    }
    if (session_.mode() == RunMode::stepping) session_.wait_settled(std::chrono::seconds(5));
    flush_events();
  }

  // `switch OBJ MECH` (or OBJ=MECH): the channel moves to another of its
  // mechanisms while the processes run; the `switch` event says what moved.
  void switch_channel(std::string obj, std::string mech) {
    if (mech.empty() && obj.find('=') != std::string::npos) {
      mech = obj.substr(obj.find('=') + 1);
      obj.resize(obj.find('='));
    }
    if (obj.empty() || mech.empty()) {
      say(translate("cli", "switch needs an object and a mechanism: switch buffer posix_mq"));
      return;
    }
    const int i = session_.scenario().object_index(obj);
    const auto kind = object_kind_from(mech);
    std::string why;
    if (i < 0)
      why = fill(translate("cli", "there is no object '%1'"), {obj});
    else if (!kind || !is_channel_mechanism(*kind))
      why = fill(translate("cli", "'%1' is not a channel mechanism"), {mech});
    else if (session_.switch_channel(i, *kind, &why))
      why.clear();
    if (!why.empty()) {
      say(fill(translate("cli", "cannot switch %1: %2"), {obj, switch_reason_words(why)}));
      return;
    }
    if (session_.mode() != RunMode::running) session_.wait_settled(std::chrono::seconds(5));
    flush_events();
  }

  // --seed N: a reproducible interleaving. Each turn one process, picked by
  // a seeded generator among those that can step, takes one action.
  int seeded_loop() {
    std::mt19937_64 rng(static_cast<uint64_t>(opts_.seed));
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(opts_.timeout_s * 1000));
    const int n = static_cast<int>(session_.workers().size());
    while (!session_.finished()) {
      flush_events();
      if (auto d = session_.deadlock()) {
        say(fill(translate("cli", "deadlock: %1"), {deadlock_words(*d)}));
        return 3;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        say(fill(translate("cli", "timeout: the scenario did not finish within %1 s"),
                 {seconds_text(opts_.timeout_s)}));
        return 4;
      }
      const int first = static_cast<int>(rng() % static_cast<uint64_t>(n));
      bool stepped = false;
      for (int k = 0; k < n && !stepped; ++k)
        stepped = session_.step((first + k) % n) == StepResult::granted;
      session_.wait_settled(std::chrono::seconds(5));
      if (!stepped) session_.wait_for_activity(std::chrono::milliseconds(20));
    }
    flush_events();
    return 0;
  }

  int loop() {
    if (opts_.seeded && !opts_.step) return seeded_loop();
    if (!opts_.step) session_.run(opts_.speed);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(opts_.timeout_s * 1000));
    // Commands come on stdin while stepping, and while running freely too
    // (switch, pause, state) unless stdin is a terminal this process does
    // not own (run in the background by a shell).
    bool stdin_open =
        opts_.step || !::isatty(STDIN_FILENO) || ::tcgetpgrp(STDIN_FILENO) == ::getpgrp();
    std::string pending;
    for (;;) {
      flush_events();
      if (session_.finished()) return 0;
      if (auto d = session_.deadlock()) {
        if (!opts_.step || !stdin_open) {
          say(fill(translate("cli", "deadlock: %1"), {deadlock_words(*d)}));
          return 3;
        }
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        say(fill(translate("cli", "timeout: the scenario did not finish within %1 s"),
                 {seconds_text(opts_.timeout_s)}));
        return 4;
      }
      if (opts_.step && !stdin_open && session_.mode() != RunMode::running)
        return session_.deadlock() ? 3 : 0;
      pollfd fds[3] = {{session_.notify_fd(), POLLIN, 0},
                       {g_signal_pipe[0], POLLIN, 0},
                       {stdin_open ? STDIN_FILENO : -1, POLLIN, 0}};
      ::poll(fds, 3, 50);
      if (fds[1].revents) {
        say(translate("cli", "interrupted: stopping every process"));
        return 130;
      }
      if (fds[2].revents) {
        char buf[512];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) {
          stdin_open = false;
          continue;
        }
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
          const std::string line = pending.substr(0, nl);
          pending.erase(0, nl + 1);
          if (!command(line)) return session_.deadlock() ? 3 : 0;
        }
      }
    }
  }

  const std::vector<Event>& all_events() const { return all_; }

 private:
  Session& session_;
  const RunOptions& opts_;
  std::vector<Event> all_;
};

}  // namespace

int cmd_run(const Args& args) {
  RunOptions o;
  std::string err;
  if (!parse(args, &o, &err)) {
    std::fprintf(stderr, "ipclab-cli run: %s\n", err.c_str());
    return 2;
  }
  LoadResult loaded = resolve_scenario(o.scenario);
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.errors)
      std::fprintf(stderr, "%s\n", diagnostic_line(d).c_str());
    return 2;
  }
  Scenario scenario = std::move(*loaded.scenario);
  if (!apply_switches(scenario, o, &err)) {
    std::fprintf(stderr, "ipclab-cli run: %s\n", err.c_str());
    return 2;
  }
  if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return 2;
  struct sigaction sa {};
  sa.sa_handler = on_terminate;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  SessionOptions so;
  so.worker_path = find_worker_binary(IPCLAB_WORKER_BUILD_PATH);
  auto session = Session::start(scenario, so, &err);
  if (!session) {
    std::fprintf(stderr, "ipclab-cli run: %s\n", err.c_str());
    return 2;
  }
  Runner runner(*session, o);
  const int code = runner.loop();
  session->stop();
  runner.flush_events();
  if (!o.trace_out.empty() && !write_chrome_trace(o.trace_out, runner.all_events())) {
    std::fprintf(
        stderr, "ipclab-cli run: %s\n",
        fill(translate("cli", "cannot write %1: %2"), {o.trace_out, std::strerror(errno)}).c_str());
  }
  return code;
}

}  // namespace ipclab::cli
