// gui_frame_bench: how long the GUI thread needs per frame when a session
// produces 1,000,000 events a second, and how much memory the window holds
// after 10 million of them.
//
// The real window (MainWindow, offscreen) opens a real 6-process, 4-object
// lesson, so every view is set up as in use; its processes stay at their
// gates. Then a synthetic stream shaped like that lesson running freely
// (step, call, return, send, recv, block, unblock, acquire, release, value)
// is delivered exactly as SessionController delivers it: one
// eventsAvailable batch of 1/60 s worth of events (16,667) and one
// snapshotAvailable per frame, then the event loop runs so every view
// repaints. Frame time = those three, on the GUI thread (wall clock; also
// the thread's CPU time, which a busy machine does not inflate).
//
//   gui_frame_bench [--events N] [--rate EVENTS_PER_S] [--charts | --log [--filter TEXT]]
//                   [--json] [--screenshot FILE.png]
//   --charts  shows the Charts tab instead of the Timeline tab
//   --log     shows the Event log tab instead of the Timeline tab
//   --filter  types TEXT into the event log's filter box first
//   --screenshot  saves the window after the last frame (to check what was drawn)
#include <sys/resource.h>
#include <time.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "charts_panel.h"
#include "event_log_panel.h"
#include "main_window.h"
#include "runtime/session.hpp"
#include "session_controller.h"

namespace {

using ipclab::Event;
using ipclab::EventKind;
using ipclab::WorkerState;

constexpr const char* kLesson = R"(ipclab: 1
id: gui-frame-bench
title: {en: "GUI frame benchmark", zh: "界面帧基准"}
category: synchronization
summary: {en: "Three producers, three consumers, a bounded buffer.", zh: "三个生产者，三个消费者。"}
objects:
  - {name: buffer, kind: channel, mechanism: pipe}
  - {name: empty, kind: semaphore, initial: 8}
  - {name: full, kind: semaphore, initial: 0}
  - {name: guard, kind: mutex}
processes:
  - name: producer
    count: 3
    steps:
      - repeat: {times: 4, steps: [{wait: empty}, {lock: guard}, {send: {to: buffer, data: "item {i}"}}, {unlock: guard}, {post: full}]}
  - name: consumer
    count: 3
    steps:
      - repeat: {times: 4, steps: [{wait: full}, {lock: guard}, {recv: {from: buffer, max: 6}}, {unlock: guard}, {post: empty}]}
)";

enum Obj { kBuffer = 0, kEmpty = 1, kFull = 2, kGuard = 3 };

// Plays the lesson's six processes in turn, one action each, with the
// events a traced worker reports for it.
class Stream {
 public:
  explicit Stream(const ipclab::Snapshot& base) : snap_(base) {
    for (const ipclab::WorkerStatus& w : base.workers) {
      names_.push_back(w.id.name);
      pids_.push_back(w.pid);
    }
    op_.assign(names_.size(), 0);
    state_.assign(names_.size(), WorkerState::at_gate);
  }

  std::vector<Event> batch(size_t count) {
    std::vector<Event> out;
    out.reserve(count + 16);
    while (out.size() < count) {
      action(out, next_);
      next_ = (next_ + 1) % static_cast<int>(names_.size());
      if (++actions_ % 64 == 0) sample(out);
    }
    return out;
  }

  const ipclab::Snapshot& snapshot() {
    snap_.t_ns = t_;
    for (size_t i = 0; i < snap_.workers.size(); ++i) snap_.workers[i].state = state_[i];
    snap_.objects[kBuffer].model_fill = bufferBytes_;
    snap_.objects[kEmpty].model_fill = empty_;
    snap_.objects[kFull].model_fill = full_;
    snap_.objects[kGuard].owner = owner_;
    return snap_;
  }
  uint64_t now() const { return t_; }

 private:
  Event& push(std::vector<Event>& out, int w, EventKind ev, int obj) {
    Event& e = out.emplace_back();
    e.t_ns = (t_ += 1000);  // 1,000,000 events a second
    e.ev = ev;
    e.worker = w;
    if (w >= 0) {
      e.proc = names_[static_cast<size_t>(w)];
      e.pid = pids_[static_cast<size_t>(w)];
      e.op = op_[static_cast<size_t>(w)];
    }
    if (obj >= 0) {
      e.obj = obj;
      e.obj_name = kNames[obj];
    }
    return e;
  }

  void action(std::vector<Event>& out, int w) {
    const bool producer = w < static_cast<int>(names_.size()) / 2;
    const auto i = static_cast<size_t>(w);
    const int phase = op_[i] % 5;
    if (state_[i] == WorkerState::blocked) return unblock(out, w, producer);
    state_[i] = WorkerState::running;
    switch (phase) {
      case 0: {  // wait(empty) / wait(full)
        const int sem = producer ? kEmpty : kFull;
        push(out, w, EventKind::step, sem).detail = producer ? "wait on empty" : "wait on full";
        int64_t& value = producer ? empty_ : full_;
        if (value == 0) {
          push(out, w, EventKind::block, sem).syscall_name = "futex";
          state_[i] = WorkerState::blocked;
          return;
        }
        --value;
        push(out, w, EventKind::acquire, sem).value = value;
        break;
      }
      case 1:
        push(out, w, EventKind::step, kGuard).detail = "lock guard";
        push(out, w, EventKind::acquire, kGuard).value = 1;
        owner_ = w;
        break;
      case 2:
        if (producer) {
          push(out, w, EventKind::step, kBuffer).detail = "send \"item\" to buffer";
          Event& s = push(out, w, EventKind::send, kBuffer);
          s.msg = ++sent_;
          s.bytes = 6;
          s.data = "item " + std::to_string(sent_ % 10);
          inFlight_.push_back(sent_);
          push(out, w, EventKind::call, kBuffer).syscall_name = "write";
          push(out, w, EventKind::ret, kBuffer).value = 6;
          bufferBytes_ += 6;
        } else {
          push(out, w, EventKind::step, kBuffer).detail = "receive from buffer";
          push(out, w, EventKind::call, kBuffer).syscall_name = "read";
          push(out, w, EventKind::ret, kBuffer).value = 6;
          Event& r = push(out, w, EventKind::recv, kBuffer);
          r.msg = inFlight_.empty() ? -1 : inFlight_.front();
          if (!inFlight_.empty()) inFlight_.pop_front();
          r.bytes = 6;
          r.data = "item";
          bufferBytes_ = std::max<int64_t>(0, bufferBytes_ - 6);
        }
        break;
      case 3:
        push(out, w, EventKind::step, kGuard).detail = "unlock guard";
        push(out, w, EventKind::release, kGuard).value = 0;
        owner_ = -1;
        break;
      case 4: {
        const int sem = producer ? kFull : kEmpty;
        push(out, w, EventKind::step, sem).detail = producer ? "post full" : "post empty";
        int64_t& value = producer ? full_ : empty_;
        push(out, w, EventKind::release, sem).value = ++value;
        break;
      }
    }
    ++op_[i];
    state_[i] = WorkerState::at_gate;
  }

  void unblock(std::vector<Event>& out, int w, bool producer) {
    int64_t& value = producer ? empty_ : full_;
    if (value == 0) return;  // still nothing to take
    const int sem = producer ? kEmpty : kFull;
    push(out, w, EventKind::unblock, sem);
    push(out, w, EventKind::acquire, sem).value = --value;
    ++op_[static_cast<size_t>(w)];
    state_[static_cast<size_t>(w)] = WorkerState::at_gate;
  }

  void sample(std::vector<Event>& out) {  // the session's kernel sampler
    Event& e = push(out, -1, EventKind::value, kFull);
    e.proc = "session";
    e.value = full_;
    e.detail = "kernel: sem_getvalue";
  }

  static constexpr const char* kNames[] = {"buffer", "empty", "full", "guard"};
  ipclab::Snapshot snap_;
  std::vector<std::string> names_;
  std::vector<pid_t> pids_;
  std::vector<int> op_;
  std::vector<WorkerState> state_;
  std::deque<int64_t> inFlight_;
  int next_ = 0;
  uint64_t actions_ = 0;
  uint64_t t_ = 1'000'000;
  int64_t sent_ = 0, bufferBytes_ = 0, empty_ = 8, full_ = 0;
  int owner_ = -1;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// CPU time of the calling (GUI) thread: unlike the wall clock, it does not
// grow when other processes take the cores, so runs on a busy machine
// compare. (Qt's raster engine may hand large fills to its thread pool; that
// work is not in it.)
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

long peakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t total = 10'000'000;
  uint64_t rate = 1'000'000;
  bool json = false;
  bool charts = false;
  bool log = false;
  QString screenshot, filter;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc)
      total = std::stoull(argv[++i]);
    else if (!std::strcmp(argv[i], "--rate") && i + 1 < argc)
      rate = std::stoull(argv[++i]);
    else if (!std::strcmp(argv[i], "--json"))
      json = true;
    else if (!std::strcmp(argv[i], "--charts"))
      charts = true;
    else if (!std::strcmp(argv[i], "--log"))
      log = true;
    else if (!std::strcmp(argv[i], "--filter") && i + 1 < argc)
      filter = QString::fromLocal8Bit(argv[++i]);
    else if (!std::strcmp(argv[i], "--screenshot") && i + 1 < argc)
      screenshot = QString::fromLocal8Bit(argv[++i]);
    else {
      std::fprintf(stderr,
                   "usage: %s [--events N] [--rate EVENTS_PER_S] [--charts | --log [--filter "
                   "TEXT]] [--json] "
                   "[--screenshot FILE.png]\n",
                   argv[0]);
      return 2;
    }
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("IPC Lab bench"));
  QTemporaryDir dir;
  const QString path = QDir(dir.path()).filePath(QStringLiteral("gui-frame-bench.yaml"));
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(kLesson) < 0) return 1;
  file.close();

  MainWindow::Options options;
  options.scripted = true;
  options.language = QStringLiteral("en");
  MainWindow window(options);
  window.show();
  if (!window.openScenario(path)) return 1;
  window.controller()->waitUntilIdle();
  ipclab::Session* session = window.controller()->session();
  if (!session) {
    std::fprintf(stderr, "the lesson did not start\n");
    return 1;
  }
  window.controller()->deliverNow();
  if (charts)
    if (auto* dock = qobject_cast<QDockWidget*>(window.charts()->parentWidget())) dock->raise();
  if (log)
    if (auto* dock = qobject_cast<QDockWidget*>(window.eventLog()->parentWidget())) dock->raise();
  if (!filter.isEmpty()) {
    if (auto* edit = window.eventLog()->findChild<QLineEdit*>(QStringLiteral("eventFilter")))
      edit->setText(filter);
    window.eventLog()->applyFilter();
  }
  QCoreApplication::processEvents();
  const long rssBefore = peakRssKb();

  Stream stream(session->snapshot());
  SessionController* controller = window.controller();
  const size_t perFrame = static_cast<size_t>(rate / 60);
  std::vector<double> frames, batches, snapshots, paints, cpus;
  QElapsedTimer timer;
  for (uint64_t fed = 0; fed < total;) {
    const std::vector<Event> batch = stream.batch(perFrame);
    fed += batch.size();
    const double cpu0 = threadCpuMs();
    timer.start();
    emit controller->eventsAvailable(batch);
    const qint64 a = timer.nsecsElapsed();
    emit controller->snapshotAvailable(stream.snapshot());
    const qint64 b = timer.nsecsElapsed();
    QCoreApplication::processEvents();  // layout and paint, as the event loop would
    const qint64 c = timer.nsecsElapsed();
    cpus.push_back(threadCpuMs() - cpu0);
    frames.push_back(static_cast<double>(c) / 1e6);
    batches.push_back(static_cast<double>(a) / 1e6);
    snapshots.push_back(static_cast<double>(b - a) / 1e6);
    paints.push_back(static_cast<double>(c - b) / 1e6);
  }
  const double rssMb = static_cast<double>(peakRssKb()) / 1024.0;
  if (!screenshot.isEmpty() && !window.grab().save(screenshot)) {
    std::fprintf(stderr, "cannot write %s\n", qPrintable(screenshot));
    return 1;
  }
  const double p50 = percentile(frames, 0.50), p95 = percentile(frames, 0.95);
  if (json) {
    std::printf(
        "{\"events\":%llu,\"events_per_frame\":%zu,\"frames\":%zu,\"frame_ms_p50\":%.3f,"
        "\"frame_ms_p95\":%.3f,\"frame_ms_max\":%.3f,\"batch_ms_p95\":%.3f,"
        "\"snapshot_ms_p95\":%.3f,\"paint_ms_p95\":%.3f,\"cpu_ms_p50\":%.3f,"
        "\"cpu_ms_p95\":%.3f,\"peak_rss_mb\":%.1f,"
        "\"rss_before_mb\":%.1f}\n",
        static_cast<unsigned long long>(stream.now() ? total : 0), perFrame, frames.size(), p50,
        p95, percentile(frames, 1.0), percentile(batches, 0.95), percentile(snapshots, 0.95),
        percentile(paints, 0.95), percentile(cpus, 0.50), percentile(cpus, 0.95), rssMb,
        static_cast<double>(rssBefore) / 1024.0);
  } else {
    std::printf("events fed            %llu (%zu per frame, %zu frames)\n",
                static_cast<unsigned long long>(total), perFrame, frames.size());
    std::printf("GUI time per frame    p50 %.2f ms   p95 %.2f ms   max %.2f ms  (target p95 < 8)\n",
                p50, p95, percentile(frames, 1.0));
    std::printf("  of which, p95       batch %.2f ms   snapshot %.2f ms   paint %.2f ms\n",
                percentile(batches, 0.95), percentile(snapshots, 0.95), percentile(paints, 0.95));
    std::printf(
        "GUI thread CPU/frame  p50 %.2f ms   p95 %.2f ms  (wall time less waiting for a core)\n",
        percentile(cpus, 0.50), percentile(cpus, 0.95));
    std::printf("peak memory (maxrss)  %.1f MB (%.1f MB before the stream)  (target < 300)\n",
                rssMb, static_cast<double>(rssBefore) / 1024.0);
  }
  return 0;
}
