// resolve_scenario: a bundled id first, then a path. bundled_scenarios() itself
// is generated from scenarios/*.yaml by cmake/embed_scenarios.cmake.
#include "scenario/catalog.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <system_error>

#include "scenario/yaml_reader.hpp"

namespace ipclab {

LoadResult resolve_scenario(const std::string& id_or_path) {
  std::vector<std::string_view> ids;
  for (const BundledScenario& b : bundled_scenarios()) {
    if (b.id == id_or_path) {
      return load_scenario_text(b.text, "scenarios/" + std::string(b.file_name));
    }
    ids.push_back(b.id);
  }
  struct stat st {};
  if (::stat(id_or_path.c_str(), &st) == 0) return load_scenario_file(id_or_path);
  int err = errno;
  LoadResult result;
  using scenario_detail::quoted;
  using scenario_detail::say;
  Phrase message;
  if (err == ENOENT || err == ENOTDIR || id_or_path.empty()) {
    message = say(QT_TRANSLATE_NOOP("Diagnostics", "no bundled scenario %1 and no such file%2"),
                  {quoted(id_or_path), scenario_detail::suggest(id_or_path, ids)});
  } else {
    message = say(QT_TRANSLATE_NOOP("Diagnostics", "cannot read %1: %2"),
                  {quoted(id_or_path), std::error_code(err, std::generic_category()).message()});
  }
  result.errors.push_back({id_or_path, {}, message.english(), message});
  return result;
}

}  // namespace ipclab
