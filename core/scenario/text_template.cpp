#include "scenario/text_template.hpp"

namespace ipclab {
namespace {

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
    if (end + 2 < text.size() && text[end] == ':' && text[end + 1] >= '1' && text[end + 1] <= '9') {
      width = text[end + 1] - '0';
      end += 2;
    }
    if (word_end > at + 1 && end < text.size() && text[end] == '}') {
      found.push_back({at, text.substr(at + 1, word_end - at - 1), end - at + 1, width});
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
    if (p.name == "i") {
      value = std::to_string(i);
    } else if (p.name == "proc") {
      value = proc;
    } else if (p.name == "k") {
      value = std::to_string(k);
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
