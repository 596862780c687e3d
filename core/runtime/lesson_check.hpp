// Lesson steps against a live session: grant the steps a lesson step
// prescribes, then check its `expect` against the real state (the model's
// process states and the kernel's own numbers). Shared by the GUI's lesson
// panel and `ipclab-cli lesson`.
#pragma once

#include <string>
#include <vector>

#include "runtime/session.hpp"

namespace ipclab {

struct ExpectOutcome {
  std::vector<std::string> passed;  // one sentence per check that held
  std::vector<std::string> failed;  // one sentence per check that did not
  bool ok() const { return failed.empty(); }
};

// Grants `step:` (process -> count, in order; "all" = step every process at
// its gate; a process name with count > 1 steps each instance) and waits
// until each step settled. Returns problems (a step that could not be
// granted, a step that did not settle), empty when all went through.
std::vector<std::string> perform_lesson_step(Session& session, const LessonStep& step);

ExpectOutcome check_expect(Session& session, const Expect& expect);

}  // namespace ipclab
