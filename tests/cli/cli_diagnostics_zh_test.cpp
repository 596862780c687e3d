// `ipclab-cli --lang zh_CN check`: the loader's diagnostics in Chinese, still
// FILE:LINE:COL first so that editors can jump; English stays the default
// and exactly as it was.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

bool has_chinese(const std::string& s) {
  // UTF-8 of U+4E00..U+9FFF starts with 0xE4..0xE9.
  for (unsigned char c : s)
    if (c >= 0xE4 && c <= 0xE9) return true;
  return false;
}

TEST(CliDiagnosticsZh, CheckSaysEveryMistakeInChinese) {
  TempDir dir;
  const std::string path = fixture("several-mistakes.yaml");
  const CliResult r = run_cli({"--lang", "zh_CN", "check", path}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(path + ":7:21: 错误：未知的类型 'pipez'（是不是指 'pipe'？）"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(path + ":11:9: 错误：未知的动作 'sned'（是不是指 'send'？）"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(path + ":12:15: 错误：未知的对象 'nowhere'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("error:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("unknown"), std::string::npos) << r.out;
}

TEST(CliDiagnosticsZh, EnglishIsTheDefaultAndUnchanged) {
  TempDir dir;
  const std::string path = fixture("several-mistakes.yaml");
  const CliResult r = run_cli({"check", path}, dir.path(), {{"LANG", "C.UTF-8"}});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find(path + ":7:21: error: unknown kind 'pipez' (did you mean 'pipe'?)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(path + ":11:9: error: unknown action 'sned' (did you mean 'send'?)\n"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(has_chinese(r.out)) << r.out;
}

// Every broken fixture: each diagnostic line reads in Chinese (no pattern
// of the loader fell back to English).
TEST(CliDiagnosticsZh, EveryFixtureReadsInChinese) {
  TempDir dir;
  int lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture(""))) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "good.yaml") continue;
    const CliResult r = run_cli({"--lang", "zh_CN", "check", path}, dir.path());
    EXPECT_EQ(r.code, 1) << path;
    for (const std::string& line : lines_of(r.out)) {
      const std::string head = path + ":";
      ASSERT_EQ(line.rfind(head, 0), 0u) << line;
      const size_t at = line.find(": 错误：");
      ASSERT_NE(at, std::string::npos) << line;
      EXPECT_TRUE(has_chinese(line.substr(at + std::string(": 错误：").size()))) << line;
      ++lines;
    }
  }
  EXPECT_GT(lines, 20);
}

TEST(CliDiagnosticsZh, RunAndLessonOfAMissingScenarioSayItInChinese) {
  TempDir dir;
  CliResult r = run_cli({"--lang", "zh_CN", "run", "pipe-basic"}, dir.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("没有内置场景 'pipe-basic'，也没有这个文件（是不是指 'pipe-basics'？）"),
            std::string::npos)
      << r.err;
  r = run_cli({"run", "pipe-basic"}, dir.path(), {{"LANG", "C.UTF-8"}});
  EXPECT_NE(r.err.find("pipe-basic:0:0: error: no bundled scenario 'pipe-basic' and no such file "
                       "(did you mean 'pipe-basics'?)"),
            std::string::npos)
      << r.err;
  r = run_cli({"--lang", "zh_CN", "lesson", fixture("several-mistakes.yaml")}, dir.path());
  EXPECT_NE(r.err.find("错误：未知的类型 'pipez'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ipclab::live
