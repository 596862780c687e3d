// Valid scenario files load into the model they describe: short forms,
// defaults, templates kept as written, files and bundled ids resolved.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>

#include "scenario/catalog.hpp"
#include "scenario/loader.hpp"
#include "scenario/text_template.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

using test::load;

const Scenario& loaded(const LoadResult& r) {
  EXPECT_TRUE(r.ok()) << test::all_errors(r);
  static const Scenario empty;
  return r.scenario ? *r.scenario : empty;
}

TEST(ScenarioLoader, DesignExampleLoadsIntoTheModel) {
  LoadResult r = load_scenario_file(IPCLAB_FIXTURES_DIR "/scenarios/design-example.yaml");
  const Scenario& s = loaded(r);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.id, "design-example");
  EXPECT_EQ(s.title.en, "Producer and consumer");
  EXPECT_EQ(s.title.zh, "生产者与消费者");
  EXPECT_EQ(s.category, Category::synchronization);
  EXPECT_EQ(s.file, IPCLAB_FIXTURES_DIR "/scenarios/design-example.yaml");
  EXPECT_NE(s.source.find("ipclab: 1"), std::string::npos);

  ASSERT_EQ(s.objects.size(), 5u);
  const ObjectSpec& buffer = s.objects[0];
  EXPECT_EQ(buffer.kind, ObjectKind::channel);
  EXPECT_EQ(buffer.mechanism, ObjectKind::pipe);
  EXPECT_EQ(buffer.alternatives,
            (std::vector<ObjectKind>{ObjectKind::fifo, ObjectKind::posix_mq, ObjectKind::sysv_mq,
                                     ObjectKind::unix_stream, ObjectKind::unix_dgram,
                                     ObjectKind::tcp, ObjectKind::shm_ring}));
  EXPECT_EQ(buffer.pos.line, 8);
  EXPECT_EQ(buffer.pos.col, 5);
  EXPECT_EQ(s.objects[1].flavor, "posix_named");
  EXPECT_EQ(s.objects[1].initial, 3);
  EXPECT_EQ(s.objects[2].flavor, "posix_named");  // the default
  EXPECT_EQ(s.objects[2].initial, 0);
  EXPECT_TRUE(s.objects[3].robust);
  EXPECT_EQ(s.objects[3].mechanism, ObjectKind::mutex);  // mechanism = kind
  EXPECT_EQ(s.objects[4].cells, 1);
  EXPECT_EQ(s.object_index("guard"), 3);
  EXPECT_EQ(s.object_index("nothing"), -1);
  EXPECT_EQ(s.find_object("full"), &s.objects[2]);

  ASSERT_EQ(s.processes.size(), 2u);
  const ProcessSpec& producer = s.processes[0];
  EXPECT_EQ(producer.name, "producer");
  EXPECT_EQ(producer.count, 1);
  ASSERT_EQ(producer.steps.size(), 1u);
  const Action& repeat = producer.steps[0];
  EXPECT_EQ(repeat.kind, ActionKind::repeat);
  EXPECT_EQ(repeat.times, 6);
  ASSERT_EQ(repeat.body.size(), 5u);
  EXPECT_EQ(repeat.body[0].kind, ActionKind::wait);
  EXPECT_EQ(repeat.body[0].object, "empty");
  EXPECT_EQ(repeat.body[0].timeout_ms, -1);
  EXPECT_EQ(repeat.body[2].kind, ActionKind::send);
  EXPECT_EQ(repeat.body[2].object, "buffer");
  EXPECT_EQ(repeat.body[2].text, "item {i}");  // templates are filled in at run time
  EXPECT_EQ(repeat.body[2].pos.line, 23);
  EXPECT_EQ(repeat.body[2].pos.col, 13);
  EXPECT_EQ(expanded_action_count(producer.steps), 30);
  EXPECT_EQ(s.find_process("consumer"), &s.processes[1]);
  EXPECT_EQ(s.find_process("nobody"), nullptr);

  ASSERT_EQ(s.lesson.size(), 1u);
  const LessonStep& step = s.lesson[0];
  EXPECT_EQ(step.step, (std::vector<std::pair<std::string, int>>{{"producer", 3}}));
  ASSERT_TRUE(step.expect);
  EXPECT_EQ(step.expect->blocked, std::vector<std::string>{"consumer"});
  EXPECT_EQ(step.expect->value, (std::vector<std::pair<std::string, int64_t>>{{"full", 1}}));
  ASSERT_TRUE(step.ask);
  EXPECT_EQ(step.ask->choices.size(), 2u);
  EXPECT_EQ(step.ask->answer, 0);
  ASSERT_TRUE(s.challenge);
  EXPECT_EQ(s.challenge->goal, ipclab::FindingKind::race);
}

TEST(ScenarioLoader, ShortAndLongFormsOfActions) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: q, kind: posix_mq, capacity: 4, message_size: 64}\n"
      "  - {name: s, kind: semaphore, initial: 1}\n"
      "  - {name: m, kind: mutex}\n"
      "  - {name: shm, kind: shared_memory, cells: 4}\n"
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      - recv: q\n"
      "      - recv: {from: q, max: 64}\n"
      "      - wait: s\n"
      "      - wait: {sem: s, timeout_ms: 100}\n"
      "      - trywait: {sem: s}\n"
      "      - sigwait: SIGUSR1\n"
      "      - sigwait: [SIGUSR2, SIGRTMIN+3]\n"
      "      - signal: {to: other, sig: SIGUSR1}\n"
      "      - signal: {to: other, sig: SIGUSR2, value: 7}\n"
      "      - on_signal: SIGTERM\n"
      "      - on_signal: {sig: SIGINT, restart: true}\n"
      "      - sleep: 10\n"
      "      - compute: 5\n"
      "      - print: \"{proc} is copy {k}\"\n"
      "      - critical: {guard: m, steps: [{add: {to: shm, cell: 3, expand: true}}]}\n"
      "      - write: {to: shm, value: -4}\n"
      "      - read: {from: shm, cell: 1}\n"
      "      - send: {to: q, data: \"x\", priority: 31}\n"
      "      - exit: 3\n"
      "  - {name: other, count: 2, steps: [{exec: {argv: [ps, -ef]}}]}\n");
  const Scenario& s = loaded(r);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(s.objects[0].capacity, 4);
  EXPECT_EQ(s.objects[0].message_size, 64);
  const std::vector<Action>& a = s.processes[0].steps;
  ASSERT_EQ(a.size(), 19u);
  EXPECT_EQ(a[0].object, "q");
  EXPECT_EQ(a[0].max, 0);
  EXPECT_EQ(a[1].max, 64);
  EXPECT_EQ(a[2].timeout_ms, -1);
  EXPECT_EQ(a[3].timeout_ms, 100);
  EXPECT_EQ(a[4].kind, ActionKind::trywait);
  EXPECT_EQ(a[4].object, "s");
  EXPECT_EQ(a[5].sigs, std::vector<int>{SIGUSR1});
  EXPECT_EQ(a[6].sigs, (std::vector<int>{SIGUSR2, SIGRTMIN + 3}));
  EXPECT_EQ(a[7].target, "other");  // every copy
  EXPECT_FALSE(a[7].has_value);
  EXPECT_TRUE(a[8].has_value);
  EXPECT_EQ(a[8].value, 7);
  EXPECT_EQ(a[8].sig, SIGUSR2);
  EXPECT_EQ(a[9].sig, SIGTERM);
  EXPECT_FALSE(a[9].restart);
  EXPECT_EQ(a[10].sig, SIGINT);
  EXPECT_TRUE(a[10].restart);
  EXPECT_EQ(a[11].value, 10);
  EXPECT_EQ(a[12].kind, ActionKind::compute);
  EXPECT_EQ(a[13].text, "{proc} is copy {k}");
  EXPECT_EQ(a[14].kind, ActionKind::critical);
  EXPECT_EQ(a[14].object, "m");
  ASSERT_EQ(a[14].body.size(), 1u);
  EXPECT_EQ(a[14].body[0].cell, 3);
  EXPECT_EQ(a[14].body[0].value, 1);  // add's default
  EXPECT_TRUE(a[14].body[0].expand);
  EXPECT_EQ(a[15].value, -4);
  EXPECT_EQ(a[15].cell, 0);
  EXPECT_EQ(a[16].cell, 1);
  EXPECT_EQ(a[17].priority, 31);
  EXPECT_EQ(a[18].value, 3);
  EXPECT_EQ(s.processes[1].steps[0].argv, (std::vector<std::string>{"ps", "-ef"}));
  // 18 single actions, and critical: lock, load, compute, store, unlock.
  EXPECT_EQ(expanded_action_count(a), 18 + 5);
}

TEST(ScenarioLoader, DefaultsOfObjectsAndActions) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: b, kind: barrier}\n"
      "  - {name: e, kind: event, initial: true}\n"
      "  - {name: f, kind: file_lock}\n"
      "  - {name: c, kind: channel, mechanism: unix_stream}\n"
      "processes:\n"
      "  - {name: p, count: 3, steps: [{barrier: b}, {flock: {file: f}}, {set: e}]}\n"
      "  - {name: q, steps: [{repeat: {times: 2, steps: [{barrier: {barrier: b}}]}}]}\n"
      "  - {name: r, steps: [{exec: {argv: [echo, hi], stdout: c}}]}\n");
  const Scenario& s = loaded(r);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(s.objects[0].parties, 4);  // every copy that uses it
  EXPECT_EQ(s.objects[1].initial, 1);
  EXPECT_EQ(s.objects[3].kind, ObjectKind::channel);
  EXPECT_EQ(s.objects[3].mechanism, ObjectKind::unix_stream);
  const Action& flock = s.processes[0].steps[1];
  EXPECT_EQ(flock.mode, "exclusive");
  EXPECT_EQ(flock.style, "fcntl");
  EXPECT_EQ(s.processes[2].steps[0].stdout_obj, "c");
}

TEST(ScenarioLoader, LocalisedTextAndLessonForms) {
  LoadResult r = load(
      "summary: Plain English only\n"
      "objects: [{name: m, kind: mutex}, {name: s, kind: semaphore}]\n"
      "processes:\n"
      "  - {name: a, steps: [{lock: m}]}\n"
      "  - {name: w, count: 2, steps: [{wait: s}]}\n"
      "lesson:\n"
      "  - say: {en: Hello, zh: 你好}\n"
      "    step: all\n"
      "    expect: {owner: {m: a}, blocked: w, running: [a]}\n"
      "  - say: Next\n"
      "    step: {w#2: 1, a: 2, all: 1, w: 1}\n"
      "    expect: {owner: {m: null}, finished: [a, w#1]}\n"
      "    ask: {en: Which, zh: 哪个, choices: [{en: One, zh: 一}, Two], answer: 1}\n");
  const Scenario& s = loaded(r);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(s.title.en, "T");
  EXPECT_EQ(s.title.zh, "");
  EXPECT_EQ(s.summary.in("zh_CN"), "Plain English only");  // falls back to English
  ASSERT_EQ(s.lesson.size(), 2u);
  EXPECT_EQ(s.lesson[0].say.in("zh"), "你好");
  EXPECT_EQ(s.lesson[0].say.in("en"), "Hello");
  EXPECT_EQ(s.lesson[0].step, (std::vector<std::pair<std::string, int>>{{"all", 1}}));
  EXPECT_EQ(s.lesson[0].expect->owners,
            (std::vector<std::pair<std::string, std::string>>{{"m", "a"}}));
  EXPECT_EQ(s.lesson[0].expect->blocked, std::vector<std::string>{"w"});
  EXPECT_EQ(s.lesson[1].step,
            (std::vector<std::pair<std::string, int>>{{"w#2", 1}, {"a", 2}, {"all", 1}, {"w", 1}}));
  EXPECT_EQ(s.lesson[1].expect->owners,
            (std::vector<std::pair<std::string, std::string>>{{"m", ""}}));
  EXPECT_EQ(s.lesson[1].expect->finished, (std::vector<std::string>{"a", "w#1"}));
  EXPECT_EQ(s.lesson[1].ask->question.zh, "哪个");
  EXPECT_EQ(s.lesson[1].ask->choices[0].zh, "一");
  EXPECT_EQ(s.lesson[1].ask->choices[1].en, "Two");
  EXPECT_EQ(s.lesson[1].ask->answer, 1);
}

TEST(ScenarioLoader, NamesOfEnumsRoundTrip) {
  EXPECT_EQ(to_string(ObjectKind::shared_memory), "shared_memory");
  EXPECT_EQ(object_kind_from("posix_mq"), ObjectKind::posix_mq);
  EXPECT_FALSE(object_kind_from("queue"));
  EXPECT_EQ(to_string(ActionKind::cond_broadcast), "cond_broadcast");
  EXPECT_EQ(action_kind_from("wait_event"), ActionKind::wait_event);
  EXPECT_EQ(to_string(Category::shared_memory), "shared-memory");
  EXPECT_EQ(category_from("message-passing"), Category::message_passing);
  EXPECT_TRUE(is_channel_mechanism(ObjectKind::shm_ring));
  EXPECT_FALSE(is_channel_mechanism(ObjectKind::channel));
  EXPECT_EQ(signal_from_name("SIGRTMIN+8"), SIGRTMIN + 8);
  EXPECT_FALSE(signal_from_name("SIGRTMIN+9"));
  EXPECT_FALSE(signal_from_name("SIGKILL"));
  EXPECT_EQ(signal_to_name(SIGUSR1), "SIGUSR1");
  EXPECT_EQ(signal_to_name(SIGRTMIN + 2), "SIGRTMIN+2");
  EXPECT_EQ(signal_to_name(SIGKILL), "");
}

TEST(ScenarioLoader, TemplatesAreFoundAndFilled) {
  std::vector<Placeholder> found = find_placeholders("{i}: {proc} {k} {x} { i} {}");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].name, "i");
  EXPECT_EQ(found[3].name, "x");
  EXPECT_EQ(expand_text("item {i} from {proc} #{k} {x}", 3, "adder#2", 2),
            "item 3 from adder#2 #2 {x}");
  // A width pads numbers with zeros (fixed-length records); more digits stay.
  EXPECT_EQ(expand_text("m{i:4}|{k:2}|{i:2}|{i:0}", 42, "p", 3), "m0042|03|42|{i:0}");
  EXPECT_EQ(expand_text("{i:3}", 12345, "p", 1), "12345");
  const std::vector<Placeholder> w = find_placeholders("a{i:4}b");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].width, 4);
  EXPECT_EQ(w[0].length, 5u);
}

TEST(ScenarioLoader, DiagnosticFormat) {
  Diagnostic d{"lesson.yaml", {3, 7}, "unknown action 'snd'"};
  EXPECT_EQ(d.to_string(), "lesson.yaml:3:7: error: unknown action 'snd'");
}

TEST(ScenarioLoader, FileErrorsCarryTheErrno) {
  LoadResult missing = load_scenario_file("/nonexistent/lesson.yaml");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].to_string(),
            "/nonexistent/lesson.yaml:0:0: error: cannot read '/nonexistent/lesson.yaml': No "
            "such file or directory");
  LoadResult dir = load_scenario_file(IPCLAB_FIXTURES_DIR);
  ASSERT_EQ(dir.errors.size(), 1u);
  EXPECT_NE(dir.errors[0].message.find("Is a directory"), std::string::npos);
}

TEST(ScenarioLoader, ResolveFindsBundledIdsFirst) {
  LoadResult r = resolve_scenario("pipe-basics");
  const Scenario& s = loaded(r);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(s.id, "pipe-basics");
  EXPECT_EQ(s.file, "scenarios/pipe-basics.yaml");
  EXPECT_FALSE(s.source.empty());
}

TEST(ScenarioLoader, ResolveFallsBackToAPath) {
  std::string path = IPCLAB_FIXTURES_DIR "/scenarios/several-mistakes.yaml";
  LoadResult r = resolve_scenario(path);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 4u) << test::all_errors(r);
  EXPECT_EQ(r.errors[0].to_string(),
            path + ":11:9: error: unknown action 'snd' (did you mean 'send'?)");
  EXPECT_EQ(r.errors[1].to_string(),
            path + ":12:15: error: 'post' needs a semaphore, but 'buffer' is a pipe");
  EXPECT_EQ(r.errors[2].to_string(),
            path + ":14:12: error: 'count' must be between 1 and 16, not 20");
  EXPECT_EQ(r.errors[3].to_string(),
            path + ":16:15: error: unknown object 'bufer' (did you mean 'buffer'?)");
}

TEST(ScenarioLoader, ResolveReportsAnUnknownName) {
  LoadResult r = resolve_scenario("no-such-lesson");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(),
            "no-such-lesson:0:0: error: no bundled scenario 'no-such-lesson' and no such file");
  LoadResult typo = resolve_scenario("pipe-basic");
  ASSERT_EQ(typo.errors.size(), 1u);
  EXPECT_NE(typo.errors[0].message.find("(did you mean 'pipe-basics'?)"), std::string::npos);
}

TEST(ScenarioLoader, ResolveReportsAFileThatFailsToRead) {
  // Exists for stat(), but read() at offset 0 fails with EIO, even for root.
  LoadResult r = resolve_scenario("/proc/self/mem");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(),
            "/proc/self/mem:0:0: error: cannot read '/proc/self/mem': Input/output error");
}

TEST(ScenarioLoader, ResolveReportsAnUnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  char dir[] = "/tmp/ipclab-scenario-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/locked.yaml";
  std::ofstream(path) << "ipclab: 1\n";
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  LoadResult r = resolve_scenario(path);
  ::unlink(path.c_str());
  ::rmdir(dir);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(),
            path + ":0:0: error: cannot read '" + path + "': Permission denied");
}

}  // namespace
}  // namespace ipclab
