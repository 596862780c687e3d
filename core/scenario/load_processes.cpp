// The `processes:` list: names, copies, and each one's script.
#include <algorithm>

#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {

std::vector<ProcessSpec> load_processes(Reader& r, const Entry& processes,
                                        const std::vector<ObjectSpec>& objects) {
  std::vector<ProcessSpec> out;
  std::optional<std::vector<Item>> items = r.list(processes.value, processes.pos, "'processes'");
  if (!items) return out;
  if (items->empty()) {
    r.error(processes.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "'processes' is empty: a scenario needs at "
                                                 "least one process")));
  }
  // First every name and count, so that scripts may refer to later processes.
  std::vector<Fields> fields;
  std::vector<ProcessSpec> specs;
  std::vector<ProcessName> names;
  std::vector<bool> keep;  // false for a nameless or duplicate process
  int instances = 0;
  for (const Item& item : *items) {
    Fields f(r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "this process")));
    if (!f.is_map()) continue;
    f.allow({"name", "count", "steps"});
    ProcessSpec p;
    p.pos = f.pos();
    std::optional<std::string> name = f.name("name", true);
    p.count = static_cast<int>(f.integer("count", 1, kMaxCount).value_or(1));
    instances += p.count;
    if (name) {
      p.name = *name;
      f.rename(say(QT_TRANSLATE_NOOP("Diagnostics", "process %1"), {quoted(p.name)}));
      auto same = std::find_if(names.begin(), names.end(),
                               [&](const ProcessName& n) { return n.name == p.name; });
      if (p.name == "all") {
        r.error(f.get("name")->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                          "'all' cannot name a process: lessons "
                                                          "use it to mean every process")));
      } else if (same != names.end()) {
        auto first = std::find_if(specs.begin(), specs.end(),
                                  [&](const ProcessSpec& s) { return s.name == p.name; });
        r.error(f.get("name")->pos,
                say(QT_TRANSLATE_NOOP("Diagnostics",
                                      "duplicate process name %1 (first defined at line %2)"),
                    {quoted(p.name), std::to_string(first->pos.line)}));
      } else {
        names.push_back({p.name, p.count});
        keep.push_back(true);
        specs.push_back(std::move(p));
        fields.push_back(std::move(f));
        continue;
      }
    }
    // A nameless or duplicate process still gets its script checked.
    keep.push_back(false);
    specs.push_back(std::move(p));
    fields.push_back(std::move(f));
  }
  if (instances > kMaxInstances) {
    r.error(processes.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "these processes run %1 copies in all, but at "
                                                 "most %2 are allowed"),
                               {std::to_string(instances), std::to_string(kMaxInstances)}));
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    ProcessSpec& p = specs[i];
    const Entry* steps = fields[i].need("steps");
    if (!steps) continue;
    Script script{r, objects, names, p.name, p.count};
    p.steps = load_steps(script, *steps, 0);
    int64_t actions = expanded_action_count(p.steps);
    if (actions > kMaxActions) {
      r.error(steps->key_pos,
              say(actions == INT64_MAX
                      ? QT_TRANSLATE_NOOP("Diagnostics",
                                          "process %1 would perform too many actions, but at "
                                          "most %3 are allowed: lower a 'repeat' count")
                      : QT_TRANSLATE_NOOP("Diagnostics",
                                          "process %1 would perform %2 actions, but at most %3 "
                                          "are allowed: lower a 'repeat' count"),
                  {quoted(p.name), std::to_string(actions), std::to_string(kMaxActions)}));
    }
    if (keep[i]) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ipclab::scenario_detail
