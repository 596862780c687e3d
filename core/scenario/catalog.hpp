// The lessons bundled into the binaries (scenarios/*.yaml, embedded at build
// time), and resolution of a command-line SCENARIO argument.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.hpp"

namespace ipclab {

struct BundledScenario {
  std::string_view id;         // file stem, equals the scenario's `id:`
  std::string_view file_name;  // e.g. "pipe-basics.yaml"
  std::string_view text;       // the YAML source
};

const std::vector<BundledScenario>& bundled_scenarios();

// A bundled id, or else a path to a YAML file. Unknown ids that are not
// readable files give one diagnostic saying so.
LoadResult resolve_scenario(const std::string& id_or_path);

}  // namespace ipclab
