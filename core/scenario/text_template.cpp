#include "scenario/text_template.hpp"

namespace ipclab {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::vector<Placeholder> find_placeholders(std::string_view text) {
  std::vector<Placeholder> found;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] != '{') continue;
    std::size_t end = at + 1;
    while (end < text.size() && is_word_char(text[end])) ++end;
    const std::size_t word_end = end;
    int width = 0;
    int64_t mod = 0, add = 0;
    if (end + 2 < text.size() && text[end] == ':' && text[end + 1] >= '1' && text[end + 1] <= '9') {
      width = text[end + 1] - '0';
      end += 2;
    }
    // A number after `op` at `end`: moves `end` past it, or leaves it.
    auto number_after = [&](char op, int64_t* out) {
      if (end + 1 >= text.size() || text[end] != op || !is_digit(text[end + 1])) return;
      std::size_t e = end + 1;
      int64_t v = 0;
      while (e < text.size() && is_digit(text[e]) && v < 1'000'000'000)
        v = v * 10 + (text[e++] - '0');
      *out = v;
      end = e;
    };
    number_after('%', &mod);
    int64_t sub = 0;
    number_after('+', &add);
    number_after('-', &sub);
    add -= sub;
    if (word_end > at + 1 && end < text.size() && text[end] == '}') {
      found.push_back({at, text.substr(at + 1, word_end - at - 1), end - at + 1, width, mod, add});
      at = end;
    }
  }
  return found;
}

std::string expand_text(std::string_view text, int64_t i, std::string_view proc, int k) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const Placeholder& p : find_placeholders(text)) {
    std::string value;
    auto number = [&p](int64_t n) {
      if (p.mod > 0) n %= p.mod;
      return std::to_string(n + p.add);
    };
    if (p.name == "i") {
      value = number(i);
    } else if (p.name == "proc") {
      value = proc;
    } else if (p.name == "k") {
      value = number(k);
    } else {
      continue;
    }
    if (p.name != "proc" && value.size() < static_cast<std::size_t>(p.width))
      value.insert(0, static_cast<std::size_t>(p.width) - value.size(), '0');
    out.append(text.substr(copied, p.offset - copied));
    out += value;
    copied = p.offset + p.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace ipclab
