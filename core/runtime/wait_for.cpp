#include "runtime/wait_for.hpp"

#include <algorithm>

namespace ipclab {

namespace {

// Depth-first search from `start`, following one wait-for edge at a time;
// colour 0 = unseen, 1 = on the current path, 2 = done. `path` holds the
// links walked so far.
bool walk(const WaitGraph& g, int w, std::vector<int>& colour, std::vector<WaitLink>& path,
          std::vector<WaitLink>* cycle) {
  colour[static_cast<size_t>(w)] = 1;
  const int obj = g.waits_on[static_cast<size_t>(w)];
  if (obj >= 0) {
    for (int h : g.holders(w, obj)) {
      if (h == w || h < 0 || static_cast<size_t>(h) >= g.waits_on.size()) continue;
      if (!g.alive[static_cast<size_t>(h)]) continue;
      path.push_back({w, obj, h});
      if (colour[static_cast<size_t>(h)] == 1) {
        // Closed: the cycle is the part of the path from h's own link.
        auto from = std::find_if(path.begin(), path.end(),
                                 [h](const WaitLink& l) { return l.waiter == h; });
        cycle->assign(from, path.end());
        return true;
      }
      if (colour[static_cast<size_t>(h)] == 0 && walk(g, h, colour, path, cycle)) return true;
      path.pop_back();
    }
  }
  colour[static_cast<size_t>(w)] = 2;
  return false;
}

}  // namespace

std::vector<WaitLink> find_wait_cycle(const WaitGraph& g) {
  std::vector<int> colour(g.waits_on.size(), 0);
  std::vector<WaitLink> path, cycle;
  for (size_t w = 0; w < g.waits_on.size(); ++w) {
    if (colour[w] != 0 || g.waits_on[w] < 0 || !g.alive[w]) continue;
    if (walk(g, static_cast<int>(w), colour, path, &cycle)) break;
    path.clear();
  }
  if (cycle.empty()) return cycle;
  // Start from the lowest-numbered process: the same cycle reads the same.
  auto lowest =
      std::min_element(cycle.begin(), cycle.end(),
                       [](const WaitLink& a, const WaitLink& b) { return a.waiter < b.waiter; });
  std::rotate(cycle.begin(), lowest, cycle.end());
  return cycle;
}

std::string describe_cycle(const std::vector<WaitLink>& cycle,
                           const std::function<std::string(int worker)>& worker_name,
                           const std::function<std::string(int obj)>& object_name) {
  std::string text;
  for (size_t i = 0; i < cycle.size(); ++i) {
    const WaitLink& l = cycle[i];
    if (i == 0) text = worker_name(l.waiter);
    text += (i == 0 ? " waits for " : ", which waits for ") + object_name(l.obj) + " held by " +
            worker_name(l.holder);
  }
  return text;
}

}  // namespace ipclab
