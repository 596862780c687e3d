#include "state_print.hpp"

#include <cstdio>

#include "cli_text.hpp"
#include "core_words.hpp"
#include "runtime/state_model.hpp"

namespace ipclab::cli {

namespace {

// `text` and spaces up to `cols` columns of a terminal: a Chinese character
// takes two.
std::string padded(const std::string& text, size_t cols) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += len >= 3 ? 2 : 1;  // CJK and full-width forms are three bytes and up
    i += len;
  }
  return width >= cols ? text : text + std::string(cols - width, ' ');
}

std::string worker_state_word(const WorkerStatus& w) {
  std::string s = state_words(w.state);
  if (w.state == WorkerState::killed && w.term_signal)
    s += " (signal " + std::to_string(w.term_signal) + ")";
  return s;
}

std::string fill_text(const ObjectStatus& o) {
  std::string s = std::to_string(o.model_fill) + " " + o.unit;
  s += std::string("  ") + translate("cli", "kernel:") + " " +
       (o.kernel_fill ? std::to_string(*o.kernel_fill) + " " + o.unit : "-");
  return s;
}

}  // namespace

std::string state_text(const Session& session, const Snapshot& snap) {
  std::string out =
      translate("cli", "processes                          model                 kernel\n");
  char line[512];
  for (const WorkerStatus& w : snap.workers) {
    std::string blocked;
    if (w.state == WorkerState::blocked && w.blocked_obj >= 0)
      blocked = " " + std::string(translate("cli", "on")) + " " +
                session.scenario().objects[static_cast<size_t>(w.blocked_obj)].name;
    std::snprintf(line, sizeof line, "  %-12s pid %-7d %s  %c %-10s %-16s %s\n", w.id.name.c_str(),
                  static_cast<int>(w.pid), padded(worker_state_word(w) + blocked, 20).c_str(),
                  w.kernel.state, w.kernel.state_word.c_str(),
                  w.kernel.syscall_name.empty() ? "-" : w.kernel.syscall_name.c_str(),
                  w.kernel.wchan.c_str());
    out += line;
    if (w.op < w.op_count)
      out += "      " +
             fill(translate("cli", "next: %1  (action %2 of %3)"),
                  {op_words(session, w.id.index, w.op), std::to_string(w.op + 1),
                   std::to_string(w.op_count)}) +
             "\n";
    if (w.kernel.sig_pending)
      out +=
          "      " +
          fill(translate("cli", "signals pending: %1"), {signal_mask_names(w.kernel.sig_pending)}) +
          "\n";
    if (w.overtaken >= StateModel::kStarvingAfter)
      out +=
          "      " +
          fill(translate("cli", "starving: others got what it waits for %1 times since it blocked"),
               {std::to_string(w.overtaken)}) +
          "\n";
  }
  out += std::string(translate("cli", "objects")) + "\n";
  for (const ObjectStatus& o : snap.objects) {
    std::snprintf(line, sizeof line, "  %-12s %-14s ", o.spec->name.c_str(),
                  std::string(to_string(o.spec->mechanism)).c_str());
    out += line;
    if (!o.cells.empty()) {
      out += translate("cli", "cells:");
      for (int64_t c : o.cells) out += " " + std::to_string(c);
    } else if (o.spec->mechanism == ObjectKind::mutex) {
      out += std::string(translate("cli", "owner:")) + " " +
             (o.owner >= 0 ? session.workers()[static_cast<size_t>(o.owner)].name : "-");
      out += std::string("  ") + translate("cli", "kernel owner tid:") + " " +
             (o.owner_tid_kernel ? std::to_string(o.owner_tid_kernel) : "-");
    } else if (o.spec->mechanism == ObjectKind::rwlock ||
               o.spec->mechanism == ObjectKind::file_lock) {
      out += translate("cli", "held by:");
      for (int w : o.holders) out += " " + session.workers()[static_cast<size_t>(w)].name;
      if (o.holders.empty()) out += " -";
    } else if (!o.unit.empty()) {
      out += fill_text(o);
    }
    if (!o.holders.empty() && o.spec->mechanism != ObjectKind::mutex) {
      out += std::string("  ") + translate("cli", "held by:");
      for (int w : o.holders) out += " " + session.workers()[static_cast<size_t>(w)].name;
    }
    if (!o.kernel_note.empty()) out += "  (" + o.kernel_note + ")";
    if (!o.waiters.empty()) {
      out += std::string("  ") + translate("cli", "waiting:");
      for (int w : o.waiters) out += " " + session.workers()[static_cast<size_t>(w)].name;
    }
    out += "\n";
    // Read-write and file locks: what glibc's lock word or /proc/locks says.
    if ((o.spec->mechanism == ObjectKind::rwlock || o.spec->mechanism == ObjectKind::file_lock) &&
        !o.kernel_note.empty())
      out += std::string("      ") + translate("cli", "kernel:") + " " + o.kernel_note + "\n";
  }
  if (snap.deadlock) out += fill(translate("cli", "DEADLOCK: %1"), {*snap.deadlock}) + "\n";
  return out;
}

std::string state_json(const Session& session, const Snapshot& snap) {
  std::string out = "{\"state\":{\"t\":" + std::to_string(snap.t_ns) + ",\"processes\":[";
  for (size_t i = 0; i < snap.workers.size(); ++i) {
    const WorkerStatus& w = snap.workers[i];
    out += i ? "," : "";
    out += "{\"proc\":";
    append_json_string(out, w.id.name);
    out += ",\"pid\":" + std::to_string(w.pid) + ",\"state\":";
    append_json_string(out, to_string(w.state));
    out += ",\"op\":" + std::to_string(w.op) + ",\"ops\":" + std::to_string(w.op_count);
    if (w.blocked_obj >= 0) {
      out += ",\"blocked_on\":";
      append_json_string(out, session.scenario().objects[static_cast<size_t>(w.blocked_obj)].name);
    }
    out += ",\"kernel\":{\"state\":\"" + std::string(1, w.kernel.state) + "\",\"syscall\":";
    append_json_string(out, w.kernel.syscall_name);
    out += ",\"wchan\":";
    append_json_string(out, w.kernel.wchan);
    out += ",\"sig_pending\":" + std::to_string(w.kernel.sig_pending) + "}";
    if (w.overtaken) out += ",\"overtaken\":" + std::to_string(w.overtaken);
    out += "}";
  }
  out += "],\"objects\":[";
  for (size_t i = 0; i < snap.objects.size(); ++i) {
    const ObjectStatus& o = snap.objects[i];
    out += i ? "," : "";
    out += "{\"obj\":";
    append_json_string(out, o.spec->name);
    out += ",\"mechanism\":";
    append_json_string(out, to_string(o.spec->mechanism));
    out += ",\"model\":" + std::to_string(o.model_fill);
    if (o.kernel_fill) out += ",\"kernel\":" + std::to_string(*o.kernel_fill);
    if (!o.cells.empty()) {
      out += ",\"cells\":[";
      for (size_t c = 0; c < o.cells.size(); ++c)
        out += (c ? "," : "") + std::to_string(o.cells[c]);
      out += "]";
    }
    if (o.spec->mechanism == ObjectKind::mutex) out += ",\"owner\":" + std::to_string(o.owner);
    if (!o.holders.empty()) {
      out += ",\"holders\":[";
      for (size_t h = 0; h < o.holders.size(); ++h) {
        out += h ? "," : "";
        append_json_string(out, session.workers()[static_cast<size_t>(o.holders[h])].name);
      }
      out += "]";
    }
    out += "}";
  }
  out += "]";
  if (snap.deadlock) {
    out += ",\"deadlock\":";
    append_json_string(out, *snap.deadlock);
  }
  out += "}}";
  return out;
}

}  // namespace ipclab::cli
