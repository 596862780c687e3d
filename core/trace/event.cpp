#include "trace/event.hpp"

#include <array>
#include <cstdio>

namespace ipclab {

namespace {
constexpr std::array<std::string_view, kEventKindCount> kNames = {
    "spawn",   "exit",    "step",  "call",   "return",  "block",  "unblock",  "send", "recv",
    "acquire", "release", "value", "signal", "deliver", "switch", "deadlock", "race", "error",
};
}  // namespace

std::string_view to_string(EventKind k) {
  const auto i = static_cast<size_t>(k);
  return i < kNames.size() ? kNames[i] : std::string_view("?");
}

std::optional<EventKind> event_kind_from(std::string_view s) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == s) return static_cast<EventKind>(i);
  return std::nullopt;
}

RecordEvents record_events(const EventRecord& r) {
  RecordEvents out;
  if (r.flags & EventRecord::kStep) out.kinds[out.count++] = EventKind::step;
  if (r.flags & EventRecord::kUnblock) out.kinds[out.count++] = EventKind::unblock;
  if ((r.flags & EventRecord::kReturn) && r.ev == EventKind::recv)
    out.kinds[out.count++] = EventKind::ret;
  out.kinds[out.count++] = r.ev;
  if ((r.flags & EventRecord::kCall) && r.ev == EventKind::send)
    out.kinds[out.count++] = EventKind::call;
  return out;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string to_json_line(const Event& e) {
  std::string out;
  out.reserve(160);
  out += "{\"t\":";
  out += std::to_string(e.t_ns);
  out += ",\"ev\":";
  append_json_string(out, to_string(e.ev));
  // Every line names its process; the session's own events say "session".
  out += ",\"proc\":";
  append_json_string(out, e.proc.empty() ? std::string_view("session") : std::string_view(e.proc));
  out += ",\"pid\":" + std::to_string(e.pid > 0 ? e.pid : 0);
  if (!e.obj_name.empty()) {
    out += ",\"obj\":";
    append_json_string(out, e.obj_name);
  }
  if (e.op >= 0) out += ",\"op\":" + std::to_string(e.op);
  if (e.msg >= 0) out += ",\"msg\":" + std::to_string(e.msg);
  if (e.bytes >= 0) out += ",\"bytes\":" + std::to_string(e.bytes);
  if (!e.data.empty() || e.ev == EventKind::send || e.ev == EventKind::recv) {
    if (e.bytes >= 0 || !e.data.empty()) {
      out += ",\"data\":";
      append_json_string(out, e.data);
    }
  }
  if (e.value) out += ",\"value\":" + std::to_string(*e.value);
  if (e.syscall >= 0) {
    out += ",\"syscall\":";
    append_json_string(out, e.syscall_name.empty() ? std::to_string(e.syscall) : e.syscall_name);
  }
  if (!e.wchan.empty()) {
    out += ",\"wchan\":";
    append_json_string(out, e.wchan);
  }
  if (!e.detail.empty()) {
    out += ",\"detail\":";
    append_json_string(out, e.detail);
  }
  out += '}';
  return out;
}

std::string to_human_line(const Event& e) {
  char head[96];
  std::snprintf(head, sizeof head, "%10.3f ms  %-14.14s %7d  %-8.8s", e.t_ns / 1e6,
                e.proc.empty() ? "session" : e.proc.c_str(), static_cast<int>(e.pid),
                std::string(to_string(e.ev)).c_str());
  std::string out = head;
  if (!e.obj_name.empty()) out += " " + e.obj_name;
  if (e.msg >= 0) out += " #" + std::to_string(e.msg);
  if (e.bytes >= 0) out += " " + std::to_string(e.bytes) + " B";
  if (!e.data.empty()) {
    out += ' ';
    append_json_string(out, e.data);
  }
  if (e.value) out += " = " + std::to_string(*e.value);
  if (e.syscall >= 0 && !e.syscall_name.empty()) out += " [" + e.syscall_name + "]";
  if (!e.wchan.empty()) out += " wchan=" + e.wchan;
  if (!e.detail.empty()) out += "  " + e.detail;
  return out;
}

}  // namespace ipclab
