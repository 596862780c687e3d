#include "test_support.hpp"

#include <signal.h>

#include <algorithm>

#include "scenario/loader.hpp"

#ifndef IPCLAB_WORKER_BUILD_PATH
#error "the core suite needs IPCLAB_WORKER_BUILD_PATH"
#endif

namespace ipclab::live {

std::string scenario_text(std::string_view body) {
  std::string text =
      "ipclab: 1\n"
      "id: inline\n"
      "title: {en: \"inline test scenario\"}\n"
      "category: synchronization\n";
  text += body;
  return text;
}

std::unique_ptr<LiveSession> LiveSession::start(std::string_view yaml, SessionOptions opts) {
  std::unique_ptr<LiveSession> ls(new LiveSession);
  if (ls->temp_.path().empty()) {
    ADD_FAILURE() << "cannot make a temporary folder";
    return nullptr;
  }
  LoadResult loaded = load_scenario_text(yaml, "inline.yaml");
  if (!loaded.ok()) {
    std::string text;
    for (const Diagnostic& d : loaded.errors) text += d.to_string() + "\n";
    ADD_FAILURE() << "the inline scenario does not load:\n" << text << "\n" << yaml;
    return nullptr;
  }
  ls->base_ = ls->temp_.path() + "/ipclab";
  opts.runtime_base = ls->base_;
  if (opts.worker_path.empty()) opts.worker_path = IPCLAB_WORKER_BUILD_PATH;
  std::string error;
  ls->session_ = Session::start(*loaded.scenario, opts, &error);
  if (!ls->session_) {
    ADD_FAILURE() << "the session did not start: " << error;
    return nullptr;
  }
  ls->folder_ = ls->session_->folder();
  ls->tag_ = ls->folder_.substr(ls->folder_.rfind('/') + 1);
  ls->exited_.assign(ls->session_->workers().size(), false);
  return ls;
}

LiveSession::~LiveSession() {
  stop();
}

void LiveSession::stop() {
  if (!session_) return;
  session_->stop();
  collect();
}

int LiveSession::index(const std::string& name) const {
  const int i = session_->worker_index(name);
  EXPECT_GE(i, 0) << "no process " << name;
  return i;
}

pid_t LiveSession::pid(const std::string& name) {
  return worker_in(session_->snapshot(), name).pid;
}

StepResult LiveSession::step(const std::string& name) {
  const StepResult r = session_->step(index(name));
  settle();
  return r;
}

int LiveSession::step_all() {
  const int n = session_->step_all();
  settle();
  return n;
}

void LiveSession::settle() {
  EXPECT_TRUE(session_->wait_settled(kDeadline)) << "the session did not settle";
}

std::vector<Event> LiveSession::collect() {
  std::vector<Event> fresh;
  session_->take_events(fresh);
  for (const Event& e : fresh) {
    if (e.worker < 0 || static_cast<size_t>(e.worker) >= exited_.size()) continue;
    // A process's exit is its last word: nothing of it may follow.
    EXPECT_FALSE(exited_[static_cast<size_t>(e.worker)])
        << "event '" << to_string(e.ev) << "' of " << e.proc << " arrived after its exit event";
    if (e.ev == EventKind::exit) exited_[static_cast<size_t>(e.worker)] = true;
  }
  events_.insert(events_.end(), fresh.begin(), fresh.end());
  return fresh;
}

bool LiveSession::wait_for(const std::function<bool(const std::vector<Event>&)>& done,
                           std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    collect();
    if (done(events_)) return true;
    if (Clock::now() >= deadline) return false;
    session_->wait_for_activity(20ms);
  }
}

bool LiveSession::wait_finished(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    collect();
    if (session_->finished()) {
      collect();
      return true;
    }
    if (Clock::now() >= deadline) return false;
    session_->wait_for_activity(20ms);
  }
}

std::vector<Event> LiveSession::of(EventKind ev, const std::string& proc) const {
  std::vector<Event> out;
  for (const Event& e : events_)
    if (e.ev == ev && (proc.empty() || e.proc == proc)) out.push_back(e);
  return out;
}

const WorkerStatus& worker_in(const Snapshot& s, const std::string& name) {
  for (const WorkerStatus& w : s.workers)
    if (w.id.name == name) return w;
  static const WorkerStatus none;
  ADD_FAILURE() << "no process " << name << " in the snapshot";
  return none;
}

const ObjectStatus& object_in(const Snapshot& s, const std::string& name) {
  for (const ObjectStatus& o : s.objects)
    if (o.spec && o.spec->name == name) return o;
  static const ObjectStatus none;
  ADD_FAILURE() << "no object " << name << " in the snapshot";
  return none;
}

std::vector<std::string> data_of(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) out.push_back(e.data);
  return out;
}

std::string leftovers(const std::string& tag, const std::string& folder,
                      const std::vector<pid_t>& pids, const std::vector<std::string>& queues,
                      const std::vector<key_t>& sysv_queues) {
  std::string out;
  for (pid_t p : pids)
    if (process_alive(p)) out += "worker " + std::to_string(p) + " still runs; ";
  for (pid_t p : live_workers(tag)) out += "ipclab-worker " + std::to_string(p) + " of the tag; ";
  const std::vector<std::string> shm = entries_with_tag("/dev/shm", tag);
  if (!shm.empty()) out += "/dev/shm holds " + join(shm) + "; ";
  for (const std::string& q : queues)
    if (mq_exists(q)) out += "message queue " + q + " exists; ";
  for (key_t k : sysv_queues)
    if (sysv_queue_exists(k)) out += "System V queue with key " + std::to_string(k) + " exists; ";
  if (!folder.empty() && path_exists(folder)) out += "folder " + folder + " exists; ";
  return out;
}

void expect_asleep_in(LiveSession& ls, const std::string& name, const std::string& syscall) {
  const WorkerStatus w = worker_in(ls.snapshot(), name);
  EXPECT_EQ(w.state, WorkerState::blocked) << name;
  const ProcessTruth t = probe_process(w.pid);
  EXPECT_EQ(t.state, 'S') << name << ": the kernel says " << t.state_word;
  EXPECT_EQ(t.syscall_name, syscall) << name << " sleeps in syscall " << t.syscall_nr;
}

bool holds(const ObjectStatus& o, int worker) {
  return std::find(o.holders.begin(), o.holders.end(), worker) != o.holders.end();
}

}  // namespace ipclab::live
