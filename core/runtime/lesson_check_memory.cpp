// The checks of `expect: {memory: ...}` (a private object as each process
// has it, read from its own memory) and `expect: {at_least: ...}`.
#include <cerrno>
#include <cstring>

#include "runtime/lesson_check.hpp"

namespace ipclab {

namespace {

std::string cells_words(const std::vector<int64_t>& cells) {
  if (cells.size() == 1) return std::to_string(cells[0]);
  std::string out;
  for (int64_t v : cells) out += (out.empty() ? "[" : ", ") + std::to_string(v);
  return out + "]";
}

// Why a process's copy could not be read, after "but ".
std::string missing_words(const std::string& name, int err) {
  if (err == ESRCH) return name + " has ended: its memory is gone";
  if (err == EPERM) return "the kernel refused to read " + name + "'s memory (EPERM)";
  if (err == 0) return name + " has not mapped its memory yet";
  return name + "'s memory cannot be read: " + std::strerror(err);
}

}  // namespace

void check_memory(const Session& session, const Snapshot& snap, const Expect& expect,
                  ExpectOutcome& out) {
  const Scenario& sc = session.scenario();
  for (const Expect::OwnCopy& want : expect.memory) {
    const int obj = sc.object_index(want.object);
    if (obj < 0) continue;
    const ObjectStatus& o = snap.objects[static_cast<size_t>(obj)];
    for (int w : resolve_process_ref(session.workers(), sc, want.process)) {
      const std::string& name = session.workers()[static_cast<size_t>(w)].name;
      const std::string what = name + "'s " + want.object;
      const std::string wanted = cells_words(want.cells);
      const ObjectStatus::OwnCopy* copy = nullptr;
      for (const ObjectStatus::OwnCopy& c : o.private_cells)
        if (c.worker == w) copy = &c;
      if (!copy || copy->cells.size() < want.cells.size()) {
        out.failed.push_back("expected " + what + " to be " + wanted + ", but " +
                             missing_words(name, copy ? copy->err : ENOENT));
        continue;
      }
      const std::vector<int64_t> got(
          copy->cells.begin(),
          copy->cells.begin() + static_cast<std::ptrdiff_t>(want.cells.size()));
      if (got == want.cells)
        out.passed.push_back(what + " is " + wanted);
      else
        out.failed.push_back("expected " + what + " to be " + wanted + ", but it is " +
                             cells_words(got));
    }
  }
  for (const auto& [name, least] : expect.at_least) {
    const int obj = sc.object_index(name);
    if (obj < 0) continue;
    const std::optional<int64_t> got = value_of(snap.objects[static_cast<size_t>(obj)]);
    if (got && *got >= least)
      out.passed.push_back(name + " is " + std::to_string(*got) + ", at least " +
                           std::to_string(least));
    else
      out.failed.push_back("expected " + name + " to be at least " + std::to_string(least) +
                           ", but it is " + (got ? std::to_string(*got) : std::string("unknown")));
  }
}

}  // namespace ipclab
