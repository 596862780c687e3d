// `ipclab-cli check FILE...`: exit 0 for good files; exit 1 with one
// `FILE:LINE:COL: error: TEXT` line per mistake, for every file at once.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

struct Broken {
  const char* file;
  int line;  // 0: any line (the YAML parser decides where it noticed)
  const char* says;
};

std::ostream& operator<<(std::ostream& os, const Broken& b) {
  return os << b.file;
}

const Broken kBroken[] = {
    {"unknown-top-key.yaml", 6, "titel"},
    {"unknown-object-kind.yaml", 7, "pipez"},
    {"unknown-action.yaml", 11, "sned"},
    {"unknown-object-ref.yaml", 11, "nowhere"},
    {"wrong-object-kind.yaml", 11, "semaphore"},
    {"bad-version.yaml", 2, "version"},
    {"missing-id.yaml", 0, "id"},
    {"bad-category.yaml", 5, "cooking"},
    {"yaml-syntax.yaml", 0, "YAML"},
    {"negative-repeat.yaml", 10, "times"},
    {"unknown-signal.yaml", 10, "SIGFOO"},
    {"unknown-process.yaml", 10, "nobody"},
    {"cell-out-of-range.yaml", 11, "cell 5"},
    {"duplicate-object.yaml", 8, "'c'"},
    {"priority-on-pipe.yaml", 11, "priority"},
    {"exec-not-allowed.yaml", 10, "rm"},
    {"bad-alternative.yaml", 7, "carrier_pigeon"},
    {"empty-steps.yaml", 9, "empty"},
    {"two-actions-in-one-step.yaml", 11, "one action"},
    {"lesson-unknown-process.yaml", 12, "ghost"},
    {"not-a-map.yaml", 0, "map"},
};

// The error lines of `out` about `file`, checked against the contract.
std::vector<std::string> error_lines(const std::string& out, const std::string& file) {
  std::vector<std::string> found;
  const std::regex shape("^(.+):([0-9]+):([0-9]+): error: (.+)$");
  for (const std::string& line : lines_of(out)) {
    std::smatch m;
    if (!std::regex_match(line, m, shape) || m[1].str() != file) continue;
    EXPECT_GT(std::stoi(m[2].str()), 0) << line;
    EXPECT_GT(std::stoi(m[3].str()), 0) << line;
    found.push_back(line);
  }
  return found;
}

class CheckBroken : public ::testing::TestWithParam<Broken> {};

TEST_P(CheckBroken, ExitsOneWithFileLineColError) {
  TempDir runtime;
  const Broken& b = GetParam();
  const std::string path = fixture(b.file);
  ASSERT_TRUE(path_exists(path)) << path;
  const CliResult r = run_cli({"check", path}, runtime.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  const std::vector<std::string> errors = error_lines(r.out, path);
  ASSERT_FALSE(errors.empty()) << "no FILE:LINE:COL: error: line in:\n" << r.out << r.err;
  bool located = false;
  for (const std::string& e : errors) {
    const bool line_ok = b.line == 0 || e.find(path + ":" + std::to_string(b.line) + ":") == 0;
    if (line_ok && e.find(b.says) != std::string::npos) located = true;
  }
  EXPECT_TRUE(located) << "expected an error at line " << b.line << " mentioning '" << b.says
                       << "', got:\n"
                       << r.out;
  EXPECT_EQ(r.out.find(": ok ("), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CheckBroken, ::testing::ValuesIn(kBroken), [](const auto& info) {
  std::string name = info.param.file;
  name = name.substr(0, name.find('.'));
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
});

TEST(Check, GoodFileExitsZero) {
  TempDir runtime;
  const CliResult r = run_cli({"check", fixture("good.yaml")}, runtime.path());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ok (good)"), std::string::npos) << r.out;
  EXPECT_TRUE(error_lines(r.out, fixture("good.yaml")).empty());
}

TEST(Check, EveryMistakeOfAFileIsReported) {
  TempDir runtime;
  const std::string path = fixture("several-mistakes.yaml");
  const CliResult r = run_cli({"check", path}, runtime.path());
  EXPECT_EQ(r.code, 1);
  const std::vector<std::string> errors = error_lines(r.out, path);
  EXPECT_GE(errors.size(), 3u) << r.out;
  for (const char* what : {"pipez", "sned", "nowhere"})
    EXPECT_NE(r.out.find(what), std::string::npos) << what << " not reported:\n" << r.out;
}

// All files in one call: every broken one is reported, the good one is
// still checked, and the exit code says something was wrong.
TEST(Check, AllFilesAtOnce) {
  TempDir runtime;
  std::vector<std::string> args{"check"};
  for (const Broken& b : kBroken) args.push_back(fixture(b.file));
  args.push_back(fixture("good.yaml"));
  const CliResult r = run_cli(args, runtime.path());
  EXPECT_EQ(r.code, 1);
  for (const Broken& b : kBroken)
    EXPECT_FALSE(error_lines(r.out, fixture(b.file)).empty()) << b.file << " not reported";
  EXPECT_NE(r.out.find(fixture("good.yaml") + ": ok (good)"), std::string::npos) << r.out;
}

TEST(Check, MissingFileIsAnError) {
  TempDir runtime;
  const std::string path = runtime.path() + "/no-such-lesson.yaml";
  const CliResult r = run_cli({"check", path}, runtime.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("no-such-lesson.yaml"), std::string::npos);
}

TEST(Check, NoFileIsAUsageError) {
  TempDir runtime;
  const CliResult r = run_cli({"check"}, runtime.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("usage"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ipclab::live
