// Loads and validates a scenario file (format v1, see docs/scenario-format.md).
// Never throws and never stops at the first mistake: every error of the file
// is collected with its line and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/phrase.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

struct Diagnostic {
  Diagnostic() = default;
  Diagnostic(std::string file_name, SourcePos at, std::string english, Phrase said = {})
      : file(std::move(file_name)), pos(at), message(std::move(english)), phrase(std::move(said)) {}

  std::string file;
  SourcePos pos;
  std::string message;  // English
  // The message as a pattern with its arguments, to be said in the user's
  // language (empty for a diagnostic made from a plain message).
  Phrase phrase;
  // "FILE:LINE:COL: error: TEXT"
  std::string to_string() const;
  // The message in another language: `translate` gives a pattern of the
  // "Diagnostics" context in that language (see Phrase::render).
  std::string text(const Phrase::Translate& translate) const;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set only when errors is empty
  std::vector<Diagnostic> errors;
  bool ok() const { return scenario.has_value() && errors.empty(); }
};

// `file_name` is only used in diagnostics and stored in Scenario::file.
LoadResult load_scenario_text(std::string_view yaml_text, const std::string& file_name);
LoadResult load_scenario_file(const std::string& path);

}  // namespace ipclab
