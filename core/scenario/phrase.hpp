// Phrase: a sentence of a diagnostic as a translatable pattern with its
// arguments, so that the GUI and the CLI can say it in the user's language
// while core stays English and free of Qt.
//
// A pattern is English with %1..%9 (Qt's convention), written in core as
// QT_TRANSLATE_NOOP("Diagnostics", "...") so that lupdate collects it into
// resources/translations/ipclab_zh_CN.ts. An argument is a phrase again:
// nested patterns for the words of a sentence ("the step count of %1"),
// literals for what is the same in every language (names, numbers, quoted
// YAML). A phrase made from a plain string is such a literal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

class Phrase {
 public:
  Phrase() = default;
  // Literal text, said as it is in every language.
  Phrase(std::string literal) : text_(std::move(literal)) {}
  Phrase(const char* literal) : text_(literal) {}
  Phrase(std::string_view literal) : text_(literal) {}

  // A pattern of the "Diagnostics" context, its %1..%9 filled from `args`.
  static Phrase of(const char* pattern, std::vector<Phrase> args = {});

  bool is_pattern() const { return pattern_; }
  bool empty() const { return !pattern_ && text_.empty(); }
  // The pattern, or the literal text.
  const std::string& text() const { return text_; }
  const std::vector<Phrase>& args() const { return args_; }

  // The pattern (English, or in the user's language) for an English one;
  // the pattern itself when it has no translation.
  using Translate = std::function<std::string(const std::string& english_pattern)>;
  std::string render(const Translate& translate) const;
  std::string english() const;

 private:
  std::string text_;
  bool pattern_ = false;
  std::vector<Phrase> args_;
};

// `pattern` with %1..%9 replaced by `args` in one pass (a '%' inside an
// argument stays as it is); a %N without an argument stays too.
std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace ipclab
