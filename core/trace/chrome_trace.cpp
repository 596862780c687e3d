#include "trace/chrome_trace.hpp"

#include <cstdio>
#include <set>

namespace ipclab {

bool write_chrome_trace(const std::string& path, const std::vector<Event>& events) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return false;
  std::string out = "{\"traceEvents\":[\n";
  std::set<std::pair<int, std::string>> named;
  bool first = true;
  auto add = [&](const std::string& obj) {
    out += first ? "" : ",\n";
    out += obj;
    first = false;
  };
  for (const Event& e : events) {
    if (e.pid > 0 && named.insert({e.pid, e.proc}).second) {
      std::string meta =
          "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + std::to_string(e.pid) +
          ",\"args\":{\"name\":";
      append_json_string(meta, e.proc);
      add(meta + "}}");
    }
    std::string line = "{\"ph\":\"i\",\"s\":\"t\",\"name\":";
    append_json_string(line, to_string(e.ev));
    line += ",\"ts\":" + std::to_string(e.t_ns / 1000) + "." + std::to_string(e.t_ns % 1000 / 100);
    line += ",\"pid\":" + std::to_string(e.pid > 0 ? e.pid : 0) +
            ",\"tid\":" + std::to_string(e.pid > 0 ? e.pid : 0) + ",\"args\":" + to_json_line(e) +
            "}";
    add(line);
  }
  out += "\n]}\n";
  const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace ipclab
