#include "cli_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <utility>

namespace ipclab::cli {

namespace {

std::string g_language = "en";

std::string unescape(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    for (const auto& [name, c] : kEntities) {
      if (s.substr(i, name.size()) == name) {
        out += c;
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += s[i];
  }
  return out;
}

// The text between `open` and `close` in `s` from `at`, moving `at` past it.
std::optional<std::string_view> between(std::string_view s, size_t& at, std::string_view open,
                                        std::string_view close, size_t limit) {
  const size_t a = s.find(open, at);
  if (a == std::string_view::npos || a >= limit) return std::nullopt;
  const size_t b = s.find(close, a + open.size());
  if (b == std::string_view::npos || b > limit) return std::nullopt;
  at = b + close.size();
  return s.substr(a + open.size(), b - a - open.size());
}

// English -> Chinese of one context of the catalogue.
std::map<std::string, std::string> read_context(std::string_view name) {
  std::map<std::string, std::string> t;
  const std::string_view ts = kCatalogueTs;
  size_t at = ts.find("<name>" + std::string(name) + "</name>");
  if (at == std::string_view::npos) return t;
  const size_t end = std::min(ts.find("</context>", at), ts.size());
  while (true) {
    size_t m = at;
    const auto message = between(ts, m, "<message>", "</message>", end);
    if (!message) break;
    at = m;
    size_t k = 0;
    const auto source = between(*message, k, "<source>", "</source>", message->size());
    const auto translation =
        between(*message, k, "<translation>", "</translation>", message->size());
    if (source && translation && !translation->empty())
      t.emplace(unescape(*source), unescape(*translation));
  }
  return t;
}

// The "cli" context (the CLI's own words) and the "Diagnostics" context
// (the scenario loader's patterns, core/scenario), read once.
const std::map<std::string, std::string>& catalogue(std::string_view context) {
  static const std::map<std::string, std::string> cli = read_context("cli");
  static const std::map<std::string, std::string> diagnostics = read_context("Diagnostics");
  return context == "Diagnostics" ? diagnostics : cli;
}

}  // namespace

const std::string& language() {
  return g_language;
}

void set_language(std::string_view code) {
  g_language = code.substr(0, 2) == "zh" ? "zh_CN" : "en";
}

void language_from_environment() {
  for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    set_language(v);
    return;
  }
}

const char* translate(const char* context, const char* english) {
  if (g_language != "zh_CN") return english;
  const auto& t = catalogue(context);
  const auto it = t.find(english);
  return it == t.end() ? english : it->second.c_str();
}

std::string fill(const char* pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (const char* c = pattern; *c; ++c) {
    if (c[0] == '%' && c[1] >= '1' && c[1] <= '9' &&
        static_cast<std::size_t>(c[1] - '1') < args.size()) {
      out += *(args.begin() + (c[1] - '1'));
      ++c;
    } else {
      out += *c;
    }
  }
  return out;
}

const std::string& local(const LocalText& text) {
  return text.in(g_language);
}

std::string diagnostic_line(const Diagnostic& d) {
  if (g_language != "zh_CN") return d.to_string();
  const std::string text =
      d.text([](const std::string& pattern) { return translate("Diagnostics", pattern.c_str()); });
  return fill(translate("cli", "%1:%2:%3: error: %4"),
              {d.file, std::to_string(d.pos.line), std::to_string(d.pos.col), text});
}

}  // namespace ipclab::cli
