// OpText against core: in English, the GUI's label of every op of every
// bundled lesson (and of a scenario that uses every other kind of op) is
// word for word core's Op::label, so English users see nothing change; in
// Chinese the same ops read in Chinese.
#include "op_text.h"

#include <gtest/gtest.h>

#include <set>

#include "language.h"
#include "scenario/catalog.hpp"
#include "socket_text.h"

namespace {

// Ops the bundled lessons may not use: every other kind, with the odd forms
// (a timed wait, exec with only one end, an action not available yet).
constexpr const char* kEveryOp = R"(ipclab: 1
id: every-op
title: {en: "Every op", zh: "每种动作"}
category: synchronization
summary: {en: "x", zh: "x"}
objects:
  - {name: buffer, kind: pipe}
  - {name: out, kind: pipe}
  - {name: box, kind: posix_mq}
  - {name: slots, kind: semaphore, initial: 1}
  - {name: guard, kind: mutex}
  - {name: cells, kind: shared_memory, cells: 2}
  - {name: rw, kind: rwlock}
  - {name: ready, kind: condvar}
  - {name: go, kind: event}
  - {name: data, kind: file_lock}
  - {name: phase, kind: barrier, parties: 1}
processes:
  - name: a
    steps:
      - send: {to: box, data: "100% {proc} %1", priority: 3}
      - recv: {from: box}
      - wait: {sem: slots, timeout_ms: 50}
      - trywait: slots
      - post: slots
      - trylock: guard
      - consistent: guard
      - unlock: guard
      - critical: {guard: guard, steps: [{write: {to: cells, cell: 1, value: -4}}]}
      - read: {from: cells, cell: 1}
      - add: {to: cells, cell: 0, value: 2}
      - add: {to: cells, cell: 0, value: 5, expand: true}
      - on_signal: {sig: SIGUSR2}
      - sigwait: [SIGUSR1, SIGUSR2]
      - signal: {to: b, sig: SIGUSR1, value: 3}
      - sleep: 5
      - compute: 2
      - repeat: {times: 2, steps: [{print: "done {i}"}]}
      - exec: {argv: [echo, hi], stdout: out}
      - exec: {argv: [wc, -c], stdin: out}
      - exec: {argv: [sort], stdin: buffer, stdout: out}
      - rdlock: rw
      - unlock: rw
      - wrlock: rw
      - critical: {guard: rw, steps: [{print: "inside"}]}
      - lock: guard
      - cond_wait: {cond: ready, mutex: guard}
      - cond_signal: ready
      - cond_broadcast: ready
      - flock: {file: data, mode: shared, start: 0, len: 10}
      - flock: {file: data, mode: exclusive}
      - funlock: data
      - set: go
      - reset: go
      - wait_event: go
      - barrier: phase
      - exit: 3
  - name: b
    steps:
      - recv: buffer
)";

void expectSameAsCore(const ipclab::Scenario& s, std::set<ipclab::OpKind>* seen) {
  const auto workers = ipclab::enumerate_workers(s);
  for (size_t w = 0; w < workers.size(); ++w) {
    const auto plan = ipclab::make_plan(s, workers, static_cast<int>(w));
    for (size_t i = 0; i < plan.size(); ++i) {
      seen->insert(plan[i].kind);
      EXPECT_EQ(OpText::label(plan[i], s).toStdString(), plan[i].label)
          << s.id << " " << workers[w].name << " op " << i;
    }
  }
}

TEST(OpText, EnglishIsCoresLabelForEveryOpOfEveryBundledLesson) {
  std::set<ipclab::OpKind> seen;
  for (const ipclab::BundledScenario& b : ipclab::bundled_scenarios()) {
    const ipclab::LoadResult r = ipclab::load_scenario_text(b.text, std::string(b.file_name));
    ASSERT_TRUE(r.ok()) << b.id;
    expectSameAsCore(*r.scenario, &seen);
  }
  const ipclab::LoadResult every = ipclab::load_scenario_text(kEveryOp, "every-op.yaml");
  ASSERT_TRUE(every.ok()) << (every.errors.empty() ? "" : every.errors.front().message);
  expectSameAsCore(*every.scenario, &seen);
  // Every kind of op was compared at least once (every action has one now:
  // `unsupported` is never planned).
  for (int k = 0; k < static_cast<int>(ipclab::OpKind::unsupported); ++k) {
    EXPECT_TRUE(seen.count(static_cast<ipclab::OpKind>(k)))
        << ipclab::to_string(static_cast<ipclab::OpKind>(k));
  }
}

TEST(OpText, ChineseLabelsAreChineseAndKeepTheNamesAndTheText) {
  const ipclab::LoadResult r = ipclab::load_scenario_text(kEveryOp, "every-op.yaml");
  ASSERT_TRUE(r.ok());
  const auto workers = ipclab::enumerate_workers(*r.scenario);
  const auto plan = ipclab::make_plan(*r.scenario, workers, 0);
  Language zh;
  ASSERT_TRUE(zh.apply(QStringLiteral("zh_CN")));
  for (const ipclab::Op& op : plan) {
    const QString label = OpText::label(op, *r.scenario);
    EXPECT_NE(label.toStdString(), op.label) << op.label;
    // Every label that names an object in English names it in Chinese too.
    const std::string& object =
        op.obj >= 0 ? r.scenario->objects[static_cast<size_t>(op.obj)].name : std::string();
    if (!object.empty() && op.label.find(object) != std::string::npos) {
      EXPECT_TRUE(label.contains(QString::fromStdString(object))) << label.toStdString();
    }
  }
  // The message text is shown as it is, "%1" and all.
  EXPECT_TRUE(OpText::label(plan[0], *r.scenario).contains(QStringLiteral("100% a %1")))
      << OpText::label(plan[0], *r.scenario).toStdString();
  EXPECT_EQ(SocketText::shortAddress("127.0.0.1:40123", ipclab::ObjectKind::tcp),
            QStringLiteral("端口 40123"));
  zh.apply(QStringLiteral("en"));
}

TEST(SocketText, ShortAddressIsThePortOrTheFileName) {
  EXPECT_EQ(SocketText::shortAddress("127.0.0.1:40123", ipclab::ObjectKind::tcp),
            QStringLiteral("port 40123"));
  EXPECT_EQ(SocketText::shortAddress("127.0.0.1:5", ipclab::ObjectKind::udp),
            QStringLiteral("port 5"));
  EXPECT_EQ(
      SocketText::shortAddress("/run/user/1/ipclab-x/buffer.sock", ipclab::ObjectKind::unix_stream),
      QStringLiteral("file buffer.sock"));
  EXPECT_EQ(SocketText::shortAddress("", ipclab::ObjectKind::tcp), QString());
  EXPECT_EQ(SocketText::note("next datagram: 3 bytes (FIONREAD)"),
            QStringLiteral("next datagram: 3 bytes (FIONREAD)"));
}

}  // namespace
