// Checks of the names a scenario refers to: objects, process copies, signals,
// and the placeholders of process texts.
#include <algorithm>
#include <charconv>

#include "scenario/load_parts.hpp"
#include "scenario/text_template.hpp"

namespace ipclab::scenario_detail {
namespace {

constexpr std::string_view kSignalList =
    "SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGHUP, SIGALRM, SIGCHLD, SIGCONT, SIGPIPE or SIGRTMIN to "
    "SIGRTMIN+8";

std::string copies(const ProcessName& p) {
  return quoted(p.name) + " runs " + std::to_string(p.count) + " copies, " + quoted(p.name + "#1") +
         " to " + quoted(p.name + "#" + std::to_string(p.count));
}

std::size_t digits(int64_t v) {
  return std::to_string(v).size();
}

}  // namespace

std::string kind_words(const ObjectSpec& object) {
  std::string_view kind = to_string(object.kind);
  bool vowel_sound = object.kind == ObjectKind::rwlock || object.kind == ObjectKind::event ||
                     object.kind == ObjectKind::rpc;
  std::string words = (vowel_sound ? "an " : "a ") + std::string(kind);
  if (object.is_private) words = "a private shared_memory (each process has its own copy)";
  if (object.kind == ObjectKind::channel) {
    words += " (" + std::string(to_string(object.mechanism)) + ")";
  }
  return words;
}

const ObjectSpec* object_ref(Reader& r, const std::vector<ObjectSpec>& objects,
                             std::string_view name, SourcePos at, std::string_view action,
                             const Need& need) {
  std::vector<std::string_view> names;
  std::string fitting;  // the objects `action` could use, for the message
  for (const ObjectSpec& o : objects) {
    if (o.name == name) {
      if (need.accepts(o)) return &o;
      r.error(at, quoted(action) + " needs " + std::string(need.words) + ", but " + quoted(name) +
                      " is " + kind_words(o));
      return nullptr;
    }
    names.push_back(o.name);
    if (need.accepts(o)) fitting += (fitting.empty() ? "" : ", ") + quoted(o.name);
  }
  std::string hint = did_you_mean(name, names);
  if (hint.empty() && !fitting.empty()) hint = "; " + quoted(action) + " could use " + fitting;
  r.error(at, "unknown object " + quoted(name) + hint);
  return nullptr;
}

bool check_instance(Reader& r, const std::vector<ProcessName>& procs, std::string_view ref,
                    SourcePos at, bool allow_all, bool every_copy) {
  if (allow_all && ref == "all") return true;
  std::string_view base = ref.substr(0, ref.find('#'));
  const ProcessName* found = nullptr;
  std::vector<std::string_view> names;
  for (const ProcessName& p : procs) {
    if (p.name == base) found = &p;
    names.push_back(p.name);
  }
  if (allow_all) names.push_back("all");
  if (!found) {
    r.error(at, "unknown process " + quoted(base) + did_you_mean(base, names));
    return false;
  }
  if (base.size() == ref.size()) {
    if (found->count == 1 || every_copy) return true;
    r.error(at, copies(*found) + ": say which one");
    return false;
  }
  std::string_view number = ref.substr(base.size() + 1);
  if (found->count == 1) {
    r.error(at, quoted(base) + " runs only once: write " + quoted(base) + " without " +
                    quoted(ref.substr(base.size())));
    return false;
  }
  int k = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), k);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || k < 1 ||
      k > found->count) {
    r.error(at, quoted(ref) + " is not one of its copies: " + copies(*found));
    return false;
  }
  return true;
}

std::optional<int> signal_ref(Reader& r, const YAML::Node& node, SourcePos at,
                              std::string_view what) {
  std::optional<std::string> name = r.text(node, at, what);
  if (!name) return std::nullopt;
  SourcePos p = pos_of(node, at);
  if (std::optional<int> sig = signal_from_name(*name)) return sig;
  if (*name == "SIGKILL" || *name == "SIGSTOP" || *name == "KILL" || *name == "STOP") {
    r.error(p, quoted(*name) +
                   " cannot be caught, blocked or waited for, so a scenario may not use it; "
                   "try SIGTERM or SIGUSR1");
    return std::nullopt;
  }
  std::string hint;
  std::string upper;
  for (char c : *name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (signal_from_name(upper)) {
    hint = " (did you mean " + quoted(upper) + "?)";
  } else if (signal_from_name("SIG" + upper)) {
    hint = " (did you mean " + quoted("SIG" + upper) + "?)";
  } else {
    hint = did_you_mean(*name, {"SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM",
                                "SIGCHLD", "SIGCONT", "SIGPIPE", "SIGRTMIN"});
  }
  r.error(p, "unknown signal " + quoted(*name) + hint + "; use " + std::string(kSignalList));
  return std::nullopt;
}

void check_template(Reader& r, std::string_view text, SourcePos at, bool in_repeat,
                    std::string_view proc_name, int count) {
  // Worst case once filled in: {i} up to kMaxTimes, {proc} with "#k", {k}.
  std::size_t longest = text.size();
  for (const Placeholder& p : find_placeholders(text)) {
    std::size_t written = p.length;
    std::size_t filled = 0;
    if (p.width > 0 && p.name == "proc")
      r.error(at, "'{proc:" + std::to_string(p.width) +
                      "}': a width is for numbers ({i:4}, {k:2}), not for a name");
    if (p.name == "i") {
      if (!in_repeat) {
        r.error(at, "'{i}' counts the turns of a 'repeat', but this text is not inside one");
      }
      filled = std::max<std::size_t>(digits(kMaxTimes), static_cast<std::size_t>(p.width));
    } else if (p.name == "proc") {
      filled = proc_name.size() + (count > 1 ? 1 + digits(count) : 0);
    } else if (p.name == "k") {
      filled = std::max<std::size_t>(digits(count), static_cast<std::size_t>(p.width));
    } else {
      // Suggest only for {I}, {K} or a longer word: any single letter is one edit from {i}.
      std::string word = "{" + std::string(p.name) + "}";
      std::string hint = p.name.size() > 1 || p.name == "I" || p.name == "K"
                             ? did_you_mean(word, {"{i}", "{proc}", "{k}"})
                             : "";
      r.error(at, "unknown placeholder " + quoted(word) + hint +
                      "; a text may use {i}, {proc} and {k}");
      filled = written;
    }
    longest = longest - written + filled;
  }
  if (longest > kMaxDataBytes) {
    r.error(at, "this text is too long: up to " + std::to_string(longest) +
                    " bytes once {i} {proc} {k} are filled in, but at most " +
                    std::to_string(kMaxDataBytes) + " are allowed");
  }
}

}  // namespace ipclab::scenario_detail
