#include "scenario/phrase.hpp"

namespace ipclab {

Phrase Phrase::of(const char* pattern, std::vector<Phrase> args) {
  Phrase p(pattern);
  p.pattern_ = true;
  p.args_ = std::move(args);
  return p;
}

std::string Phrase::render(const Translate& translate) const {
  if (!pattern_) return text_;
  std::vector<std::string> filled;
  filled.reserve(args_.size());
  for (const Phrase& a : args_) filled.push_back(a.render(translate));
  return fill_pattern(translate ? translate(text_) : text_, filled);
}

std::string Phrase::english() const {
  return render(nullptr);
}

std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace ipclab
