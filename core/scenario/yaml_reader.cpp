#include "scenario/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

namespace ipclab::scenario_detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal string alignment distance: edits plus swaps of two neighbours, so
// that "nmae" is one step from "name".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool is_quoted_scalar(const YAML::Node& node) {
  return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

bool valid_name(std::string_view s) {
  if (s.empty() || s.size() > 32 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

}  // namespace

std::string quoted(std::string_view word) {
  return "'" + std::string(word) + "'";
}

Phrase suggestion(std::string_view close_word) {
  return say(QT_TRANSLATE_NOOP("Diagnostics", " (did you mean %1?)"), {quoted(close_word)});
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  return suggest(word, candidates).english();
}

Phrase suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.empty() || word.size() > 64) return {};
  std::string w = lower(word);
  std::size_t limit = w.size() <= 3 ? 1 : w.size() <= 6 ? 2 : 3;
  std::size_t best = limit + 1;
  std::string_view choice;
  for (std::string_view c : candidates) {
    std::string lc = lower(c);
    // A clear beginning ("sync" for "synchronization") counts as one edit.
    std::size_t d = w.size() >= 3 && lc.starts_with(w) ? 1 : edit_distance(w, lc);
    if (d < best) {
      best = d;
      choice = c;
    }
  }
  if (choice.empty() || choice == word) return {};
  return suggestion(choice);
}

SourcePos pos_of(const YAML::Node& node, SourcePos fallback) {
  if (!node.IsDefined() || node.IsNull()) return fallback;
  YAML::Mark m = node.Mark();
  if (m.is_null()) return fallback;
  return {m.line + 1, m.column + 1};
}

std::string_view shape_of(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "empty";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "a text";
}

Phrase shape_words(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return say(QT_TRANSLATE_NOOP("Diagnostics", "empty"));
  if (node.IsMap()) return say(QT_TRANSLATE_NOOP("Diagnostics", "a map"));
  if (node.IsSequence()) return say(QT_TRANSLATE_NOOP("Diagnostics", "a list"));
  return say(QT_TRANSLATE_NOOP("Diagnostics", "a text"));
}

Phrase shown(const YAML::Node& node) {
  if (node.IsScalar()) return quoted(node.Scalar());
  return shape_words(node);
}

bool tree_fits(const YAML::Node& node, std::size_t limit) {
  std::size_t seen = 0;
  std::vector<YAML::Node> todo{node};
  while (!todo.empty()) {
    if (++seen > limit) return false;
    YAML::Node n = todo.back();
    todo.pop_back();
    if (n.IsMap()) {
      for (auto it = n.begin(); it != n.end(); ++it) {
        todo.push_back(it->first);
        todo.push_back(it->second);
      }
    } else if (n.IsSequence()) {
      for (auto it = n.begin(); it != n.end(); ++it) todo.push_back(*it);
    }
  }
  return true;
}

void Reader::error(SourcePos at, Phrase message) {
  if (errors_.size() >= kMaxErrors) {
    ++dropped_;
    return;
  }
  errors_.push_back({file_, at, message.english(), std::move(message)});
}

std::vector<Diagnostic> Reader::take_errors() {
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  if (dropped_ > 0) {
    Phrase more = say(QT_TRANSLATE_NOOP("Diagnostics", "%1 more errors not shown; fix these first"),
                      {std::to_string(dropped_)});
    errors_.push_back({file_, errors_.back().pos, more.english(), more});
  }
  dropped_ = 0;
  return std::move(errors_);
}

std::optional<std::string> Reader::text(const YAML::Node& node, SourcePos at, const Phrase& what) {
  if (!node.IsDefined() || node.IsNull()) {
    error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs a value"), {what}));
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(pos_of(node, at),
          say(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a text, not %2"), {what, shown(node)}));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> Reader::name(const YAML::Node& node, SourcePos at, const Phrase& what) {
  std::optional<std::string> s = text(node, at, what);
  if (s && !valid_name(*s)) {
    error(pos_of(node, at), say(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1 is not a valid name: use at most 32 "
                                                  "letters, digits, '_' or '-', starting with a "
                                                  "letter"),
                                {quoted(*s)}));
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> Reader::integer(const YAML::Node& node, SourcePos at, const Phrase& what,
                                       int64_t lo, int64_t hi) {
  if (!node.IsDefined() || node.IsNull()) {
    error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs a value"), {what}));
    return std::nullopt;
  }
  SourcePos p = pos_of(node, at);
  if (!node.IsScalar()) {
    error(p, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a whole number, not %2"),
                 {what, shown(node)}));
    return std::nullopt;
  }
  const std::string& s = node.Scalar();
  std::string_view digits = s;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  bool all_used = !digits.empty() && end == digits.data() + digits.size();
  if (all_used && ec == std::errc() && is_quoted_scalar(node)) {
    error(p, say(QT_TRANSLATE_NOOP("Diagnostics",
                                   "%1 must be a number, but %2 is in quotes, which makes it a "
                                   "text (write it without quotes)"),
                 {what, quoted(s)}));
    return std::nullopt;
  }
  if (!all_used || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    error(p, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a whole number, not %2"),
                 {what, quoted(s)}));
    return std::nullopt;
  }
  if (ec == std::errc::result_out_of_range || v < lo || v > hi) {
    error(p, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be between %2 and %3, not %4"),
                 {what, std::to_string(lo), std::to_string(hi), s}));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Reader::boolean(const YAML::Node& node, SourcePos at, const Phrase& what) {
  if (!node.IsDefined() || node.IsNull()) {
    error(at, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs a value"), {what}));
    return std::nullopt;
  }
  if (node.IsScalar() && !is_quoted_scalar(node)) {
    std::string s = lower(node.Scalar());
    if (s == "true") return true;
    if (s == "false") return false;
  }
  error(pos_of(node, at), say(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be true or false, not %2"),
                              {what, shown(node)}));
  return std::nullopt;
}

std::optional<LocalText> Reader::local_text(const YAML::Node& node, SourcePos at,
                                            const Phrase& what) {
  LocalText out;
  if (node.IsScalar()) {
    out.en = node.Scalar();
  } else if (node.IsMap()) {
    Fields f(*this, node, at, what);
    f.allow({"en", "zh"});
    std::optional<std::string> en = f.text("en", true);
    std::optional<std::string> zh = f.text("zh");
    if (!en) return std::nullopt;
    out.en = *en;
    if (zh) out.zh = *zh;
  } else {
    error(
        pos_of(node, at),
        say(QT_TRANSLATE_NOOP("Diagnostics",
                              "%1 must be a text or a map like {en: \"...\", zh: \"...\"}, not %2"),
            {what, shape_words(node)}));
    return std::nullopt;
  }
  if (out.en.empty()) {
    error(pos_of(node, at),
          say(QT_TRANSLATE_NOOP("Diagnostics", "%1 needs an English text"), {what}));
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<Item>> Reader::list(const YAML::Node& node, SourcePos at,
                                              const Phrase& what) {
  if (!node.IsSequence()) {
    error(pos_of(node, at), say(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1 must be a list (items starting with '-', "
                                                  "or [a, b]), not %2"),
                                {what, shown(node)}));
    return std::nullopt;
  }
  std::vector<Item> items;
  SourcePos list_pos = pos_of(node, at);
  for (auto it = node.begin(); it != node.end(); ++it) {
    items.push_back({*it, pos_of(*it, list_pos)});
  }
  return items;
}

std::optional<std::vector<std::pair<std::string, SourcePos>>> Reader::texts(const YAML::Node& node,
                                                                            SourcePos at,
                                                                            const Phrase& what) {
  std::vector<std::pair<std::string, SourcePos>> out;
  if (node.IsScalar()) {
    out.emplace_back(node.Scalar(), pos_of(node, at));
    return out;
  }
  std::optional<std::vector<Item>> items = list(node, at, what);
  if (!items) return std::nullopt;
  bool ok = true;
  for (const Item& item : *items) {
    std::optional<std::string> s =
        text(item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "an item of %1"), {what}));
    if (s) {
      out.emplace_back(*s, item.pos);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

Fields::Fields(Reader& reader, const YAML::Node& node, SourcePos at, Phrase what)
    : reader_(reader), what_(std::move(what)), pos_(pos_of(node, at)) {
  if (!node.IsMap()) {
    reader_.error(pos_, say(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1 must be a map of 'key: value' pairs, not %2"),
                            {what_, shown(node)}));
    return;
  }
  is_map_ = true;
  std::unordered_map<std::string, std::size_t> first;
  for (auto it = node.begin(); it != node.end(); ++it) {
    SourcePos key_pos = pos_of(it->first, pos_);
    if (!it->first.IsScalar()) {
      reader_.error(key_pos,
                    say(QT_TRANSLATE_NOOP("Diagnostics", "a key must be a plain word, not %1"),
                        {shown(it->first)}));
      continue;
    }
    Entry e{it->first.Scalar(), key_pos, it->second, pos_of(it->second, key_pos)};
    auto [seen, fresh] = first.emplace(e.key, entries_.size());
    if (!fresh) {
      reader_.error(
          key_pos,
          say(QT_TRANSLATE_NOOP("Diagnostics", "duplicate key %1 (already given at line %2)"),
              {quoted(e.key), std::to_string(entries_[seen->second].key_pos.line)}));
      continue;
    }
    entries_.push_back(std::move(e));
  }
}

void Fields::allow(const std::vector<std::string_view>& allowed) {
  for (const Entry& e : entries_) {
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end()) {
      reader_.error(e.key_pos, say(QT_TRANSLATE_NOOP("Diagnostics", "unknown key %1 in %2%3"),
                                   {quoted(e.key), what_, suggest(e.key, allowed)}));
    }
  }
}

const Entry* Fields::get(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Entry* Fields::find(std::string_view key, bool required) {
  const Entry* e = get(key);
  if (!e && required && is_map_) {
    reader_.error(
        pos_, say(QT_TRANSLATE_NOOP("Diagnostics", "missing key %1 in %2"), {quoted(key), what_}));
  }
  return e;
}

const Entry* Fields::need(std::string_view key) {
  return find(key, true);
}

std::optional<std::string> Fields::text(std::string_view key, bool required) {
  const Entry* e = find(key, required);
  if (!e) return std::nullopt;
  return reader_.text(e->value, e->pos, quoted(key));
}

std::optional<std::string> Fields::name(std::string_view key, bool required) {
  const Entry* e = find(key, required);
  if (!e) return std::nullopt;
  return reader_.name(e->value, e->pos, quoted(key));
}

std::optional<int64_t> Fields::integer(std::string_view key, int64_t lo, int64_t hi,
                                       bool required) {
  const Entry* e = find(key, required);
  if (!e) return std::nullopt;
  return reader_.integer(e->value, e->pos, quoted(key), lo, hi);
}

std::optional<bool> Fields::boolean(std::string_view key) {
  const Entry* e = find(key, false);
  if (!e) return std::nullopt;
  return reader_.boolean(e->value, e->pos, quoted(key));
}

std::optional<LocalText> Fields::local_text(std::string_view key, bool required) {
  const Entry* e = find(key, required);
  if (!e) return std::nullopt;
  return reader_.local_text(e->value, e->pos, quoted(key));
}

}  // namespace ipclab::scenario_detail
