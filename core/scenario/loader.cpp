// Entry points of the loader: parse the YAML, then read the file part by part
// (load_objects, load_processes, load_lesson), collecting every error.
#include "scenario/loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>

#include "scenario/load_parts.hpp"

namespace ipclab {
namespace {

using namespace scenario_detail;

// The code point of the UTF-8 character that starts at `at`, or 0.
char32_t code_point_at(std::string_view s, std::size_t at) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (at >= s.size()) return 0;
  if (b(at) < 0x80) return b(at);
  if ((b(at) & 0xE0) == 0xC0 && at + 1 < s.size()) return (b(at) & 0x1F) << 6 | (b(at + 1) & 0x3F);
  if ((b(at) & 0xF0) == 0xE0 && at + 2 < s.size())
    return (b(at) & 0x0F) << 12 | (b(at + 1) & 0x3F) << 6 | (b(at + 2) & 0x3F);
  return 0;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Chinese puts no space between words: a pattern's space around an argument
// goes when both sides are Chinese ("场景 中" -> "场景中"), not around names.
std::string without_spaces_between_cjk(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i > 0 && !out.empty()) {
      std::size_t start = out.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
      if (is_cjk(code_point_at(out, start)) && is_cjk(code_point_at(s, i + 1))) continue;
    }
    out += s[i];
  }
  return out;
}

constexpr std::size_t kMaxFileBytes = 1 << 20;
constexpr std::size_t kMaxNodes = 200000;

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

void count_barrier_users(const std::vector<Action>& steps, std::string_view barrier, bool& used) {
  for (const Action& a : steps) {
    if (a.kind == ActionKind::barrier && a.object == barrier) used = true;
    count_barrier_users(a.body, barrier, used);
  }
}

// A barrier without `parties:` waits for every process copy that uses it.
void fill_barrier_parties(Scenario& s) {
  for (ObjectSpec& o : s.objects) {
    if (o.kind != ObjectKind::barrier || o.parties > 0) continue;
    for (const ProcessSpec& p : s.processes) {
      bool used = false;
      count_barrier_users(p.steps, o.name, used);
      if (used) o.parties += p.count;
    }
    if (o.parties == 0) o.parties = 1;
  }
}

void read_header(Reader& r, Fields& top, Scenario& s) {
  if (const Entry* version = top.get("ipclab")) {
    std::optional<int64_t> v = r.integer(version->value, version->pos, "'ipclab'", 0, INT32_MAX);
    if (v && *v != 1) {
      r.error(version->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "this file is written for format version %1, "
                                                  "but this IPC Lab reads version 1 (write "
                                                  "'ipclab: 1')"),
                                {std::to_string(*v)}));
    }
  } else if (top.is_map()) {
    r.error(top.pos(), say(QT_TRANSLATE_NOOP("Diagnostics",
                                             "missing key 'ipclab' in the scenario: start the "
                                             "file with 'ipclab: 1' (the format version)")));
  }
  if (std::optional<std::string> id = top.text("id", true)) {
    if (valid_id(*id)) {
      s.id = *id;
    } else {
      r.error(top.get("id")->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                        "id %1 may use only lowercase letters, "
                                                        "digits and '-' (at most 64), like "
                                                        "'producer-consumer'"),
                                      {quoted(*id)}));
    }
  }
  s.title = top.local_text("title", true).value_or(LocalText{});
  s.summary = top.local_text("summary").value_or(LocalText{});
  if (std::optional<std::string> category = top.text("category", true)) {
    if (std::optional<Category> c = category_from(*category)) {
      s.category = *c;
    } else {
      std::vector<std::string_view> all{"message-passing", "synchronization", "shared-memory",
                                        "rpc"};
      r.error(top.get("category")->pos,
              say(QT_TRANSLATE_NOOP("Diagnostics",
                                    "unknown category %1%2; use message-passing, "
                                    "synchronization, shared-memory or rpc"),
                  {quoted(*category), suggest(*category, all)}));
    }
  }
}

void read_scenario(Reader& r, const YAML::Node& root, Scenario& s) {
  Fields top(r, root, {1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics", "the scenario")));
  if (!top.is_map()) return;
  top.allow({"ipclab", "id", "title", "category", "summary", "objects", "processes", "lesson",
             "challenge", "exercise"});
  read_header(r, top, s);
  if (const Entry* objects = top.get("objects")) s.objects = load_objects(r, *objects);
  if (const Entry* processes = top.need("processes")) {
    s.processes = load_processes(r, *processes, s.objects);
  }
  if (const Entry* lesson = top.get("lesson")) {
    s.lesson = load_lesson(r, *lesson, s.objects, s.processes);
  }
  if (const Entry* challenge = top.get("challenge")) {
    LessonContext c{r, s.objects, {}};
    for (const ProcessSpec& p : s.processes) c.procs.push_back({p.name, p.count});
    s.challenge = load_challenge(c, *challenge);
  }
  s.exercise = top.local_text("exercise").value_or(LocalText{});
  fill_barrier_parties(s);
}

}  // namespace

std::string Diagnostic::to_string() const {
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col) +
         ": error: " + message;
}

std::string Diagnostic::text(const Phrase::Translate& translate) const {
  return phrase.empty() ? message : without_spaces_between_cjk(phrase.render(translate));
}

LoadResult load_scenario_text(std::string_view yaml_text, const std::string& file_name) {
  Reader r(file_name);
  LoadResult result;
  Scenario s;
  if (yaml_text.size() > kMaxFileBytes) {
    r.error({1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the file is larger than 1 MiB; a lesson is much "
                                          "smaller")));
    result.errors = r.take_errors();
    return result;
  }
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(std::string(yaml_text));
    if (docs.empty() || docs[0].IsNull()) {
      r.error({1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics",
                                            "the file is empty: a scenario starts with "
                                            "'ipclab: 1'")));
    } else if (!tree_fits(docs[0], kMaxNodes)) {
      r.error({1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics",
                                            "the file holds more than %1 YAML values (are "
                                            "anchors and aliases repeating a part?)"),
                          {std::to_string(kMaxNodes)}));
    } else {
      if (docs.size() > 1) {
        r.error(pos_of(docs[1], {1, 1}),
                say(QT_TRANSLATE_NOOP("Diagnostics",
                                      "a scenario file holds one YAML document, but a second "
                                      "one starts here after '---'")));
      }
      read_scenario(r, docs[0], s);
    }
  } catch (const YAML::Exception& e) {
    SourcePos at = e.mark.is_null() ? SourcePos{} : SourcePos{e.mark.line + 1, e.mark.column + 1};
    r.error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "YAML syntax error: %1"), {e.msg}));
  } catch (const std::exception& e) {
    r.error({}, say(QT_TRANSLATE_NOOP("Diagnostics", "the file could not be read: %1"),
                    {std::string(e.what())}));
  }
  result.errors = r.take_errors();
  if (result.errors.empty()) {
    s.file = file_name;
    s.source = std::string(yaml_text);
    result.scenario = std::move(s);
  }
  return result;
}

LoadResult load_scenario_file(const std::string& path) {
  // The reason is the C library's (strerror), English like the kernel's words.
  auto fail = [&](int err) {
    LoadResult result;
    Phrase message = say(QT_TRANSLATE_NOOP("Diagnostics", "cannot read %1: %2"),
                         {quoted(path), std::error_code(err, std::generic_category()).message()});
    result.errors.push_back({path, {}, message.english(), message});
    return result;
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(errno);
  std::string text;
  struct stat st {};
  int err = 0;
  if (::fstat(fd, &st) != 0) {
    err = errno;
  } else if (S_ISDIR(st.st_mode)) {
    err = EISDIR;
  } else {
    char buf[65536];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) err = errno;
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
      if (text.size() > kMaxFileBytes) break;
    }
  }
  ::close(fd);
  if (err != 0) return fail(err);
  return load_scenario_text(text, path);
}

}  // namespace ipclab
