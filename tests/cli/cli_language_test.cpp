// The CLI speaks the user's language: its own words from the Chinese
// catalogue and the lessons' own Chinese texts, chosen by --lang or the
// locale variables; English otherwise.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

TEST(CliLanguage, LangOptionGivesChineseWordsAndLessonTexts) {
  TempDir dir;
  const CliResult r = run_cli({"--lang", "zh_CN", "lesson", "pipe-basics"}, dir.path());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("pipe-basics：管道"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("所有预期都成立"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("every expectation held"), std::string::npos);
}

TEST(CliLanguage, LocaleVariablesChooseAndEnglishIsTheDefault) {
  TempDir dir;
  CliResult r =
      run_cli({"run", "no-such-lesson-here", "--bogus"}, dir.path(), {{"LANG", "zh_CN.UTF-8"}});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("未知选项“--bogus”"), std::string::npos) << r.err;
  // LANGUAGE comes before LANG, as gettext has it.
  r = run_cli({"run", "x", "--bogus"}, dir.path(), {{"LANG", "zh_CN.UTF-8"}, {"LANGUAGE", "en"}});
  EXPECT_NE(r.err.find("unknown option '--bogus'"), std::string::npos) << r.err;
  r = run_cli({"cleanup", "extra"}, dir.path());
  EXPECT_EQ(r.err, "usage: ipclab-cli cleanup\n");
  r = run_cli({"--lang", "zh_CN", "cleanup", "extra"}, dir.path());
  EXPECT_EQ(r.err, "用法：ipclab-cli cleanup\n");
}

}  // namespace
}  // namespace ipclab::live
