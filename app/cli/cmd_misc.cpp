// list, check, cleanup.
#include <cstdio>

#include "cli_text.hpp"
#include "commands.hpp"
#include "runtime/session_dir.hpp"
#include "scenario/catalog.hpp"
#include "trace/event.hpp"

namespace ipclab::cli {

int cmd_list(const Args& args) {
  const bool json = !args.empty() && args[0] == "--json";
  if (!args.empty() && !json) {
    std::fputs(translate("cli", "usage: ipclab-cli list [--json]\n"), stderr);
    return 2;
  }
  if (json) std::printf("[");
  bool first = true;
  for (const BundledScenario& b : bundled_scenarios()) {
    const LoadResult r = load_scenario_text(b.text, "scenarios/" + std::string(b.file_name));
    if (!r.ok()) {
      for (const Diagnostic& d : r.errors) std::fprintf(stderr, "%s\n", diagnostic_line(d).c_str());
      continue;
    }
    const Scenario& s = *r.scenario;
    if (json) {
      std::string line = first ? "\n  {" : ",\n  {";
      line += "\"id\":";
      append_json_string(line, s.id);
      line += ",\"category\":";
      append_json_string(line, to_string(s.category));
      line += ",\"title\":{\"en\":";
      append_json_string(line, s.title.en);
      line += ",\"zh\":";
      append_json_string(line, s.title.zh);
      line += "},\"summary\":{\"en\":";
      append_json_string(line, s.summary.en);
      line += ",\"zh\":";
      append_json_string(line, s.summary.zh);
      line += "},\"processes\":" + std::to_string(s.processes.size());
      line += ",\"lesson_steps\":" + std::to_string(s.lesson.size()) + "}";
      std::fputs(line.c_str(), stdout);
    } else {
      std::printf("%-22s %-16s %s\n", s.id.c_str(), std::string(to_string(s.category)).c_str(),
                  local(s.title).c_str());
    }
    first = false;
  }
  if (json) std::printf("\n]\n");
  return 0;
}

int cmd_check(const Args& args) {
  if (args.empty()) {
    std::fputs(translate("cli", "usage: ipclab-cli check FILE...\n"), stderr);
    return 2;
  }
  int bad = 0;
  for (const std::string& file : args) {
    const LoadResult r = load_scenario_file(file);
    for (const Diagnostic& d : r.errors) std::printf("%s\n", diagnostic_line(d).c_str());
    if (r.ok())
      std::printf("%s\n", fill(translate("cli", "%1: ok (%2)"), {file, r.scenario->id}).c_str());
    else
      ++bad;
  }
  return bad ? 1 : 0;
}

int cmd_cleanup(const Args& args) {
  if (!args.empty()) {
    std::fputs(translate("cli", "usage: ipclab-cli cleanup\n"), stderr);
    return 2;
  }
  const std::string base = default_runtime_base();
  const SweepReport report = sweep_dead_sessions(base);
  for (const std::string& line : report.lines) std::printf("%s\n", line.c_str());
  if (report.sessions_removed == 0 && report.lines.empty())
    std::printf("%s\n", fill(translate("cli", "nothing to clean up in %1"), {base}).c_str());
  else
    std::printf("%s\n", fill(translate("cli", "removed %1 dead session(s)"),
                             {std::to_string(report.sessions_removed)})
                            .c_str());
  return 0;
}

}  // namespace ipclab::cli
