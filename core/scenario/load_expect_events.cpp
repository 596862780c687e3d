// `happened:` of an expect: what the simulator found (race, split...) and
// what a process did ({process: reader, call: read, errno: EINTR}).
#include <algorithm>
#include <cstring>

#include "observer/kernel_probe.hpp"
#include "scenario/load_parts.hpp"

namespace ipclab::scenario_detail {

namespace {

// Every errno this system names (EINTR, EAGAIN...), for messages too.
std::vector<std::string_view> errno_names() {
  std::vector<std::string_view> out;
  for (int e = 1; e < 200; ++e)
    if (const char* n = strerrorname_np(e)) out.emplace_back(n);
  return out;
}

std::optional<int> errno_from(std::string_view name) {
  for (int e = 1; e < 200; ++e)
    if (const char* n = strerrorname_np(e); n && name == n) return e;
  return std::nullopt;
}

// The system calls of this architecture, by name.
std::vector<std::string_view> syscall_names() {
  std::vector<std::string_view> out;
  for (long nr = 0; nr < 1024; ++nr)
    if (std::string_view n = syscall_name(nr); !n.empty()) out.push_back(n);
  return out;
}

void load_pattern(LessonContext& c, const Item& item, Expect& x) {
  Fields f(c.r, item.node, item.pos, "an event in 'happened'");
  f.allow({"process", "signal", "call", "errno"});
  Expect::EventPattern p;
  p.pos = f.pos();
  const Entry* process = f.need("process");
  const Entry* signal = f.get("signal");
  const Entry* call = f.get("call");
  const Entry* err = f.get("errno");
  bool ok = process != nullptr;
  if (process) {
    std::optional<std::string> who = c.r.text(process->value, process->pos, "'process'");
    ok = who && check_instance(c.r, c.procs, *who, process->pos, false, true);
    if (ok) p.process = *who;
  }
  if ((signal != nullptr) == (call != nullptr)) {
    c.r.error(f.pos(),
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "an event in 'happened' names a 'signal' delivered "
                                    "to the process or a 'call' it made, one of the two")));
    ok = false;
  }
  if (signal) {
    if (err) {
      c.r.error(
          err->key_pos,
          say(QT_TRANSLATE_NOOP("Diagnostics", "'errno' goes with a 'call', not with a 'signal'")));
      ok = false;
    }
    std::optional<int> sig = signal_ref(c.r, signal->value, signal->pos, "'signal'");
    ok = ok && sig;
    if (sig) p.signal = *sig;
  }
  if (call) {
    std::optional<std::string> name = c.r.text(call->value, call->pos, "'call'");
    const std::vector<std::string_view> names = syscall_names();
    if (name && std::find(names.begin(), names.end(), *name) == names.end()) {
      c.r.error(call->pos, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown system call %1%2"),
                               {quoted(*name), suggest(*name, names)}));
      name.reset();
    }
    ok = ok && name;
    if (name) p.call = *name;
  }
  if (err) {
    std::optional<std::string> name = c.r.text(err->value, err->pos, "'errno'");
    std::optional<int> e = name ? errno_from(*name) : std::nullopt;
    if (name && !e)
      c.r.error(err->pos, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown errno %1%2"),
                              {quoted(*name), suggest(*name, errno_names())}));
    ok = ok && e;
    if (e) p.err = *e;
  }
  if (ok) x.events.push_back(std::move(p));
}

}  // namespace

void load_happened(LessonContext& c, const Entry& h, Expect& x) {
  auto finding = [&](const YAML::Node& node, SourcePos pos) {
    if (std::optional<std::string> word = c.r.text(node, pos, "'happened'"))
      if (std::optional<FindingKind> k = finding_ref(c.r, *word, pos, "finding"))
        x.happened.push_back(*k);
  };
  if (!h.value.IsSequence()) return finding(h.value, h.pos);
  for (const Item& item : c.r.list(h.value, h.pos, "'happened'").value_or(std::vector<Item>{})) {
    if (item.node.IsMap())
      load_pattern(c, item, x);
    else
      finding(item.node, item.pos);
  }
}

}  // namespace ipclab::scenario_detail
