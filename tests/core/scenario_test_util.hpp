// Helpers shared by the scenario loader suites.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "scenario/loader.hpp"

namespace ipclab::test {

// The four lines every inline test file starts with (so its own lines start at 5).
inline constexpr std::string_view kHeader =
    "ipclab: 1\n"
    "id: t\n"
    "title: T\n"
    "category: synchronization\n";

inline LoadResult load(std::string_view body, bool with_header = true) {
  std::string text = with_header ? std::string(kHeader) : std::string();
  text += body;
  return load_scenario_text(text, "t.yaml");
}

inline std::string all_errors(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.errors) out += d.to_string() + "\n";
  return out;
}

// True when `r` holds an error at line:col whose text contains `text`.
inline ::testing::AssertionResult HasError(const LoadResult& r, int line, int col,
                                           std::string_view text) {
  for (const Diagnostic& d : r.errors) {
    if (d.pos.line == line && d.pos.col == col && d.message.find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error at " << line << ":" << col << " containing '" << text << "'; got:\n"
         << all_errors(r);
}

}  // namespace ipclab::test
