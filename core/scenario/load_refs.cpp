// Checks of the names a scenario refers to: objects, process copies, signals,
// and the placeholders of process texts.
#include <algorithm>
#include <charconv>

#include "scenario/load_parts.hpp"
#include "scenario/text_template.hpp"

namespace ipclab::scenario_detail {
namespace {

Phrase copies(const ProcessName& p) {
  return say(QT_TRANSLATE_NOOP("Diagnostics", "%1 runs %2 copies, %3 to %4"),
             {quoted(p.name), std::to_string(p.count), quoted(p.name + "#1"),
              quoted(p.name + "#" + std::to_string(p.count))});
}

std::size_t digits(int64_t v) {
  return std::to_string(v).size();
}

}  // namespace

std::string kind_words(const ObjectSpec& object) {
  return kind_phrase(object).english();
}

Phrase kind_phrase(const ObjectSpec& object) {
  const std::string kind(to_string(object.kind));
  if (object.is_private) {
    return say(QT_TRANSLATE_NOOP("Diagnostics",
                                 "a private shared_memory (each process has its own copy)"));
  }
  if (object.kind == ObjectKind::channel) {
    return say(QT_TRANSLATE_NOOP("Diagnostics", "a %1 (%2)"),
               {kind, std::string(to_string(object.mechanism))});
  }
  bool vowel_sound = object.kind == ObjectKind::rwlock || object.kind == ObjectKind::event ||
                     object.kind == ObjectKind::rpc;
  return vowel_sound ? say(QT_TRANSLATE_NOOP("Diagnostics", "an %1"), {kind})
                     : say(QT_TRANSLATE_NOOP("Diagnostics", "a %1"), {kind});
}

Phrase need_words(const Need& need) {
  return say(std::string(need.words).c_str());
}

const ObjectSpec* object_ref(Reader& r, const std::vector<ObjectSpec>& objects,
                             std::string_view name, SourcePos at, std::string_view action,
                             const Need& need) {
  std::vector<std::string_view> names;
  std::string fitting;  // the objects `action` could use, for the message
  for (const ObjectSpec& o : objects) {
    if (o.name == name) {
      if (need.accepts(o)) return &o;
      r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs %2, but %3 is %4"),
                      {quoted(action), need_words(need), quoted(name), kind_phrase(o)}));
      return nullptr;
    }
    names.push_back(o.name);
    if (need.accepts(o)) fitting += (fitting.empty() ? "" : ", ") + quoted(o.name);
  }
  Phrase hint = suggest(name, names);
  if (hint.empty() && !fitting.empty())
    hint = say(QT_TRANSLATE_NOOP("Diagnostics", "; %1 could use %2"), {quoted(action), fitting});
  r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown object %1%2"), {quoted(name), hint}));
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
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown process %1%2"),
                    {quoted(base), suggest(base, names)}));
    return false;
  }
  if (base.size() == ref.size()) {
    if (found->count == 1 || every_copy) return true;
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1: say which one"), {copies(*found)}));
    return false;
  }
  std::string_view number = ref.substr(base.size() + 1);
  if (found->count == 1) {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 runs only once: write %1 without %2"),
                    {quoted(base), quoted(ref.substr(base.size()))}));
    return false;
  }
  int k = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), k);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || k < 1 ||
      k > found->count) {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 is not one of its copies: %2"),
                    {quoted(ref), copies(*found)}));
    return false;
  }
  return true;
}

std::optional<int> signal_ref(Reader& r, const YAML::Node& node, SourcePos at, const Phrase& what) {
  std::optional<std::string> name = r.text(node, at, what);
  if (!name) return std::nullopt;
  SourcePos p = pos_of(node, at);
  if (std::optional<int> sig = signal_from_name(*name)) return sig;
  if (*name == "SIGKILL" || *name == "SIGSTOP" || *name == "KILL" || *name == "STOP") {
    r.error(p, say(QT_TRANSLATE_NOOP("Diagnostics",
                                     "%1 cannot be caught, blocked or waited for, so a scenario "
                                     "may not use it; try SIGTERM or SIGUSR1"),
                   {quoted(*name)}));
    return std::nullopt;
  }
  Phrase hint;
  std::string upper;
  for (char c : *name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (signal_from_name(upper)) {
    hint = suggestion(upper);
  } else if (signal_from_name("SIG" + upper)) {
    hint = suggestion("SIG" + upper);
  } else {
    hint = suggest(*name, {"SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM",
                           "SIGCHLD", "SIGCONT", "SIGPIPE", "SIGRTMIN"});
  }
  r.error(p, say(QT_TRANSLATE_NOOP("Diagnostics",
                                   "unknown signal %1%2; use SIGUSR1, SIGUSR2, SIGTERM, SIGINT, "
                                   "SIGHUP, SIGALRM, SIGCHLD, SIGCONT, SIGPIPE or SIGRTMIN to "
                                   "SIGRTMIN+8"),
                 {quoted(*name), hint}));
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
      r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                        "'{proc:%1}': a width is for numbers ({i:4}, {k:2}), "
                                        "not for a name"),
                      {std::to_string(p.width)}));
    if (p.name == "i") {
      if (!in_repeat) {
        r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                          "'{i}' counts the turns of a 'repeat', but this text "
                                          "is not inside one")));
      }
      filled = std::max<std::size_t>(digits(kMaxTimes), static_cast<std::size_t>(p.width));
    } else if (p.name == "proc") {
      filled = proc_name.size() + (count > 1 ? 1 + digits(count) : 0);
    } else if (p.name == "k") {
      filled = std::max<std::size_t>(digits(count), static_cast<std::size_t>(p.width));
    } else {
      // Suggest only for {I}, {K} or a longer word: any single letter is one edit from {i}.
      std::string word = "{" + std::string(p.name) + "}";
      Phrase hint = p.name.size() > 1 || p.name == "I" || p.name == "K"
                        ? suggest(word, {"{i}", "{proc}", "{k}"})
                        : Phrase();
      r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                        "unknown placeholder %1%2; a text may use {i}, {proc} "
                                        "and {k}"),
                      {quoted(word), hint}));
      filled = written;
    }
    longest = longest - written + filled;
  }
  if (longest > kMaxDataBytes) {
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics",
                                      "this text is too long: up to %1 bytes once {i} {proc} {k} "
                                      "are filled in, but at most %2 are allowed"),
                    {std::to_string(longest), std::to_string(kMaxDataBytes)}));
  }
}

}  // namespace ipclab::scenario_detail
