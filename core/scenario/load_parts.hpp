// The pieces of the scenario loader, one per part of the file, and the checks
// they share. Internal to core/scenario; the public API is loader.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace ipclab::scenario_detail {

// Limits that keep a hostile file from exhausting memory or the machine.
inline constexpr int kMaxCount = 16;                // copies of one process
inline constexpr int kMaxInstances = 64;            // process copies in a scenario
inline constexpr int64_t kMaxTimes = 100000;        // repeat, serve
inline constexpr int64_t kMaxActions = 1000000;     // expanded actions of one process
inline constexpr int64_t kMaxMillis = 60000;        // sleep, compute, timeouts
inline constexpr std::size_t kMaxDataBytes = 4096;  // send data, print text (filled in)
inline constexpr int kMaxCells = 4096;              // shared_memory
inline constexpr int kMaxPriority = 31;             // posix_mq, portable range

// A process as other parts may name it.
struct ProcessName {
  std::string name;
  int count = 1;
};

// What the kinds of object an action accepts are, in words and as a test.
struct Need {
  bool (*accepts)(const ObjectSpec&);
  std::string_view words;  // QT_TRANSLATE_NOOP("Diagnostics", "a semaphore")
};

// "a pipe", "an rwlock", "a channel (pipe)": an object's kind with its article.
std::string kind_words(const ObjectSpec& object);
Phrase kind_phrase(const ObjectSpec& object);
// A Need's words, a pattern of the "Diagnostics" context.
Phrase need_words(const Need& need);

// The object called `name` if it exists and its kind is accepted by `need`;
// otherwise an error ("unknown object", "'post' needs a semaphore, but ...").
const ObjectSpec* object_ref(Reader& r, const std::vector<ObjectSpec>& objects,
                             std::string_view name, SourcePos at, std::string_view action,
                             const Need& need);

// Checks that `ref` names running copies of a process: "name#k" (1 <= k <=
// count) for one copy of a process with count > 1, "name" for a process with
// count 1 or, when `every_copy`, for all copies of one with count > 1; "all"
// when `allow_all`.
bool check_instance(Reader& r, const std::vector<ProcessName>& procs, std::string_view ref,
                    SourcePos at, bool allow_all, bool every_copy);

// A signal name a scenario may use; SIGKILL and SIGSTOP get their own message.
std::optional<int> signal_ref(Reader& r, const YAML::Node& node, SourcePos at, const Phrase& what);

// Checks the placeholders of a process text and its filled-in length.
void check_template(Reader& r, std::string_view text, SourcePos at, bool in_repeat,
                    std::string_view proc_name, int count);

std::vector<ObjectSpec> load_objects(Reader& r, const Entry& objects);

std::vector<ProcessSpec> load_processes(Reader& r, const Entry& processes,
                                        const std::vector<ObjectSpec>& objects);

// The script of one process (its `steps:` list).
struct Script {
  Reader& r;
  const std::vector<ObjectSpec>& objects;
  const std::vector<ProcessName>& procs;
  std::string proc_name;
  int count = 1;
};
std::vector<Action> load_steps(Script& s, const Entry& steps, int repeat_depth);

// What lesson steps may name: the objects and the processes.
struct LessonContext {
  Reader& r;
  const std::vector<ObjectSpec>& objects;
  std::vector<ProcessName> procs;
};
// `expect:` (load_expect.cpp), also a choice's `when:`.
Expect load_expect(LessonContext& c, const Entry& e, const Phrase& what = "'expect'");
// The names of what the simulator finds (race, deadlock...), for messages.
std::vector<std::string_view> finding_names();
// A `happened:`/`goal:` word; an error at `at` if it names nothing.
std::optional<FindingKind> finding_ref(Reader& r, std::string_view word, SourcePos at,
                                       std::string_view what);
// An expect's `happened:`: finding kinds and event patterns
// (load_expect_events.cpp).
void load_happened(LessonContext& c, const Entry& h, Expect& x);
// Objects an expect's `value:` (and a typed answer) may name.
extern const Need kValued;
// An expect's `memory:` and `at_least:` (load_expect_memory.cpp).
void load_memory_expect(LessonContext& c, Fields& f, Expect& x);
// False, with an error at `at`, when `o` is a private shared_memory: it has
// no one value, only a copy in each process (`key` says what named it).
bool not_private(Reader& r, const ObjectSpec& o, SourcePos at, std::string_view key);

std::vector<LessonStep> load_lesson(Reader& r, const Entry& lesson,
                                    const std::vector<ObjectSpec>& objects,
                                    const std::vector<ProcessSpec>& processes);
std::optional<Challenge> load_challenge(LessonContext& c, const Entry& challenge);

}  // namespace ipclab::scenario_detail
