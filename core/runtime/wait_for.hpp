// The wait-for graph: each blocked process points at the processes holding
// the object it waits on. A cycle in it is a deadlock: every process in the
// cycle waits for the next, and only the next could release what it waits
// for. Pure functions over the model's view, so they can be tested alone.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/session.hpp"

namespace ipclab {

struct WaitGraph {
  // Per worker: the object it is blocked on in an untimed wait, or -1.
  std::vector<int> waits_on;
  // Whom worker `waiter` waits for on object `obj`: its holders
  // (StateModel::holders), or, for a byte-range file lock, only the process
  // the kernel says blocks this request.
  std::function<std::vector<int>(int waiter, int obj)> holders;
  // Per worker: false once it has exited (a dead holder closes no cycle).
  std::vector<bool> alive;
};

// A cycle of the graph, first link from the lowest-numbered worker in it,
// or an empty vector. Only processes in the cycle are in it: a process
// blocked on a member of the cycle, but not itself waited for, is not.
std::vector<WaitLink> find_wait_cycle(const WaitGraph& g);

// "philosopher#1 waits for fork2 held by philosopher#2, which waits for
// fork3 held by ... philosopher#1".
std::string describe_cycle(const std::vector<WaitLink>& cycle,
                           const std::function<std::string(int worker)>& worker_name,
                           const std::function<std::string(int obj)>& object_name);

}  // namespace ipclab
