// Typed access to yaml-cpp nodes for the scenario loader. Every mismatch
// becomes a Diagnostic at the 1-based line:col of the node at fault, and
// reading goes on, so that all the mistakes of a file are reported together.
// Internal to core/scenario.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.hpp"
#include "scenario/phrase.hpp"
#include "scenario/scenario.hpp"

// Marks a pattern for lupdate (context "Diagnostics"); the same definition
// as Qt's, so the two may meet in one file.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace ipclab::scenario_detail {

// A diagnostic pattern with its arguments: say(QT_TRANSLATE_NOOP("Diagnostics",
// "missing key %1 in %2"), {quoted(key), what}).
inline Phrase say(const char* pattern, std::vector<Phrase> args = {}) {
  return Phrase::of(pattern, std::move(args));
}

// " (did you mean 'x'?)" when one of `candidates` is close to `word`, else
// empty; suggest() as a phrase, did_you_mean() in English.
Phrase suggest(std::string_view word, const std::vector<std::string_view>& candidates);
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);
// " (did you mean 'x'?)" for a known close word.
Phrase suggestion(std::string_view close_word);

// 'word' in quotes, for messages.
std::string quoted(std::string_view word);

// Where `node` starts; `fallback` for an empty value (yaml-cpp marks those at
// the next token, which would point students at the wrong line).
SourcePos pos_of(const YAML::Node& node, SourcePos fallback);

// "a map", "a list", "a text", "empty": what a node is, in words.
std::string_view shape_of(const YAML::Node& node);
Phrase shape_words(const YAML::Node& node);
// A node in words for messages: 'text' for a scalar, else its shape.
Phrase shown(const YAML::Node& node);

// Walks at most `limit` nodes (aliases count each time they are reached) and
// says whether the tree fits: a guard against files that expand to huge trees.
bool tree_fits(const YAML::Node& node, std::size_t limit);

// One `key: value` of a map.
struct Entry {
  std::string key;
  SourcePos key_pos;
  YAML::Node value;
  SourcePos pos;  // of the value, or of the key when the value is empty
};

// One item of a list.
struct Item {
  YAML::Node node;
  SourcePos pos;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  // A plain string is recorded as a literal (English) phrase.
  void error(SourcePos at, Phrase message);
  std::size_t error_count() const { return errors_.size(); }
  // Every error recorded, in file order.
  std::vector<Diagnostic> take_errors();

  // `what` names the value in messages, e.g. "'count'" or a phrase.
  std::optional<std::string> text(const YAML::Node& node, SourcePos at, const Phrase& what);
  // A text that is a valid name for an object or a process.
  std::optional<std::string> name(const YAML::Node& node, SourcePos at, const Phrase& what);
  std::optional<int64_t> integer(const YAML::Node& node, SourcePos at, const Phrase& what,
                                 int64_t lo, int64_t hi);
  std::optional<bool> boolean(const YAML::Node& node, SourcePos at, const Phrase& what);
  // `{en: ..., zh: ...}` or a plain text (English only).
  std::optional<LocalText> local_text(const YAML::Node& node, SourcePos at, const Phrase& what);
  // The items of a list; an error when `node` is not a list.
  std::optional<std::vector<Item>> list(const YAML::Node& node, SourcePos at, const Phrase& what);
  // A list of texts; a single text is accepted as a list of one.
  std::optional<std::vector<std::pair<std::string, SourcePos>>> texts(const YAML::Node& node,
                                                                      SourcePos at,
                                                                      const Phrase& what);

 private:
  static constexpr std::size_t kMaxErrors = 200;
  std::string file_;
  std::vector<Diagnostic> errors_;
  std::size_t dropped_ = 0;
};

// The entries of one YAML map. Construction records an error when the node is
// not a map, and one for every duplicate key (the first value is kept).
class Fields {
 public:
  // `what` names the map in messages: "object 'buffer'", "'send'".
  Fields(Reader& reader, const YAML::Node& node, SourcePos at, Phrase what);

  bool is_map() const { return is_map_; }
  SourcePos pos() const { return pos_; }
  const std::vector<Entry>& entries() const { return entries_; }
  void rename(Phrase what) { what_ = std::move(what); }

  // Records an error for every key that is not in `allowed`.
  void allow(const std::vector<std::string_view>& allowed);
  const Entry* get(std::string_view key) const;
  // Like get(), but records "missing key" when absent.
  const Entry* need(std::string_view key);

  std::optional<std::string> text(std::string_view key, bool required = false);
  std::optional<std::string> name(std::string_view key, bool required = false);
  std::optional<int64_t> integer(std::string_view key, int64_t lo, int64_t hi,
                                 bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<LocalText> local_text(std::string_view key, bool required = false);

 private:
  const Entry* find(std::string_view key, bool required);

  Reader& reader_;
  Phrase what_;
  SourcePos pos_;
  bool is_map_ = false;
  std::vector<Entry> entries_;
};

}  // namespace ipclab::scenario_detail
