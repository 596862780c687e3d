// Memory each process has on its own: the shared_memory objects with
// `private: true`. Nothing is shared: every worker maps one anonymous
// private region (MAP_PRIVATE | MAP_ANONYMOUS) that holds its own copy of
// all of them, as each C program has its own global variables, and
// publishes the region's address in its WorkerSlot. The supervisor reads
// each live worker's copy from that process's memory with process_vm_readv
// (its own children, so the kernel allows it): kernel truth, not events.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/control_block.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

struct Snapshot;

// Where private object `obj` starts in a worker's region, in cells, and
// how many cells the region has: the same on both sides, from the scenario.
int64_t private_offset(const Scenario& s, int obj);  // -1 if not private
size_t private_region_cells(const Scenario& s);

// Worker side: maps the region (zeroed), or returns nullptr with errno set.
// Nothing to map (no private object): nullptr and errno 0.
int64_t* map_private_region(const Scenario& s);

// Supervisor side: `cells` cells at `offset` in the region at `base` of
// process `pid`. Empty, with the errno in *err, when it cannot be read.
std::vector<int64_t> read_private_cells(pid_t pid, uint64_t base, int64_t offset, int cells,
                                        int* err);

// Fills ObjectStatus::private_cells of every private object in `snap`, one
// entry per worker, from the processes' own memory.
void fill_private_cells(const Scenario& s, const ControlBlock& ctl, Snapshot& snap);

}  // namespace ipclab
