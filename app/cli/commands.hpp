// ipclab-cli subcommands. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace ipclab::cli {

using Args = std::vector<std::string>;

int cmd_list(const Args& args);
int cmd_check(const Args& args);
int cmd_run(const Args& args);
int cmd_cleanup(const Args& args);
int cmd_lesson(const Args& args);

}  // namespace ipclab::cli
