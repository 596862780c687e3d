// `measure: {rounds: N, into: OBJ}`: the cost of IPC measured on the spot
// (worker_ops_measure.cpp does it). `into` is a shared_memory the results
// go to: cell 0 the times the cost, cells 1 and 2 the nanoseconds per value
// with threads and with a pipe.
#include "scenario/step_loader.hpp"

namespace ipclab::scenario_detail {
namespace {

bool is_shared_cells(const ObjectSpec& o) {
  return o.kind == ObjectKind::shared_memory && !o.is_private;
}
const Need kSharedCells{is_shared_cells,
                        QT_TRANSLATE_NOOP("Diagnostics", "a shared_memory that is not private")};

// Enough rounds to measure a difference, few enough to stay a step.
constexpr int64_t kMinRounds = 1000;
constexpr int64_t kMaxRounds = 1000000;
constexpr int kResultCells = 3;

}  // namespace

void StepLoader::load_measure() {
  if (!map_form({"rounds", "into"}, "{rounds: 100000, into: results}")) return;
  a_.times = fields_->integer("rounds", kMinRounds, kMaxRounds).value_or(100000);
  const Entry* into = fields_->get("into");
  if (!into) return;
  const ObjectSpec* o = ref("into", kSharedCells, a_.object);
  if (o && o->cells < kResultCells)
    r_.error(into->pos,
             say(o->cells == 1 ? QT_TRANSLATE_NOOP("Diagnostics",
                                                   "%1 has %2 cell, but 'measure' "
                                                   "writes %3: the times the cost, then "
                                                   "the nanoseconds per value with "
                                                   "threads and with a pipe")
                               : QT_TRANSLATE_NOOP("Diagnostics",
                                                   "%1 has %2 cells, but 'measure' "
                                                   "writes %3: the times the cost, then "
                                                   "the nanoseconds per value with "
                                                   "threads and with a pipe"),
                 {quoted(o->name), std::to_string(o->cells), std::to_string(kResultCells)}));
}

}  // namespace ipclab::scenario_detail
