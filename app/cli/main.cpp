// ipclab-cli: the headless runner. See README.md for the commands.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli_text.hpp"
#include "commands.hpp"
#include "core_words.hpp"

namespace {

const char* const kUsage = QT_TRANSLATE_NOOP(
    "cli",
    "usage: ipclab-cli COMMAND ...\n"
    "  list [--json]                 the bundled lessons\n"
    "  check FILE...                 validate lesson files (FILE:LINE:COL: error: TEXT)\n"
    "  run SCENARIO [--jsonl] [--step] [--timeout SEC] [--switch OBJ=MECH]\n"
    "               [--speed STEPS_PER_SEC] [--seed N] [--trace-out FILE.json]\n"
    "                                run a bundled lesson (by id) or a file with real processes\n"
    "      commands on stdin: step PROC | step | run [SPEED] | pause | state |\n"
    "                         switch OBJ MECH (live, e.g. switch buffer posix_mq) |\n"
    "                         kill PROC (kill -9: SIGKILL) | quit\n"
    "      --step starts paused, one action per step command\n"
    "      exit codes: 0 all finished, 2 bad scenario or usage, 3 deadlock, 4 timeout\n"
    "  lesson ID|FILE|--all          run a lesson's steps headless and check every expect\n"
    "  cleanup                       remove what dead sessions left behind\n"
    "  --lang en|zh_CN before COMMAND: the language (else LANGUAGE, LC_ALL, LANG)\n");

}  // namespace

int main(int argc, char** argv) {
  ipclab::cli::language_from_environment();
  if (argc >= 3 && std::strcmp(argv[1], "--lang") == 0) {
    ipclab::cli::set_language(argv[2]);
    argv[2] = argv[0];
    argv += 2;
    argc -= 2;
  }
  // Core's sentences in the same language as the CLI's own words.
  const ipclab::cli::CoreWords core_words(ipclab::cli::language() == "zh_CN");
  const char* usage = ipclab::cli::translate("cli", kUsage);
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string cmd = argv[1];
  ipclab::cli::Args args(argv + 2, argv + argc);
  if (cmd == "list") return ipclab::cli::cmd_list(args);
  if (cmd == "check") return ipclab::cli::cmd_check(args);
  if (cmd == "run") return ipclab::cli::cmd_run(args);
  if (cmd == "lesson") return ipclab::cli::cmd_lesson(args);
  if (cmd == "cleanup") return ipclab::cli::cmd_cleanup(args);
  std::fprintf(
      stderr, "ipclab-cli: %s\n%s",
      ipclab::cli::fill(ipclab::cli::translate("cli", "unknown command '%1'"), {cmd}).c_str(),
      usage);
  return 2;
}
