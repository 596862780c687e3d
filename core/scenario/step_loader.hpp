// The reader of one step of a process script, shared by load_actions.cpp
// (dispatch, message and synchronisation actions) and load_actions_more.cpp
// (signals, files, rpc, exec, control). Internal to core/scenario.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {

// The kinds of object each action accepts.
extern const Need kChannel;
extern const Need kSemaphore;
extern const Need kMutex;
extern const Need kLock;
extern const Need kGuard;
extern const Need kRwlock;
extern const Need kCondvar;
extern const Need kSharedMemory;
extern const Need kFileLock;
extern const Need kEvent;
extern const Need kBarrier;
extern const Need kRpc;
extern const Need kStream;

// A node in words for messages: 'text' or "a map".
std::string show(const YAML::Node& node);

// Reads one `action: value` entry of a step into an Action, recording every
// mistake; `depth` is the number of enclosing repeats (for {i}).
class StepLoader {
 public:
  StepLoader(Script& s, const Entry& e, Action& a, int depth)
      : s_(s), r_(s.r), e_(e), a_(a), depth_(depth) {}

  void load(ActionKind kind);

 private:
  // `action: NAME`, or `action: {ROLE: NAME, extras...}`; fields_ is set for the map form.
  const ObjectSpec* object_form(std::string_view role, std::vector<std::string_view> extras,
                                const Need& need);
  // `action: {...}` only; false (and an error) for any other shape.
  bool map_form(std::vector<std::string_view> keys, std::string_view example);
  const ObjectSpec* ref(std::string_view key, const Need& need, std::string& out);
  const ObjectSpec* object_of_each_copy(const std::string& name, SourcePos at, const Need& need);
  void cell(const ObjectSpec* shm);
  void only_for(const ObjectSpec* o, std::string_view key, ObjectKind kind);
  void process_text(const std::string& text, SourcePos at) {
    check_template(r_, text, at, depth_ > 0, s_.proc_name, s_.count);
  }
  void body(std::string_view action);
  void load_signal_actions(ActionKind kind);
  void load_other(ActionKind kind);
  void load_measure();  // load_measure.cpp

  Script& s_;
  Reader& r_;
  const Entry& e_;
  Action& a_;
  int depth_;
  std::optional<Fields> fields_;
};

}  // namespace ipclab::scenario_detail
