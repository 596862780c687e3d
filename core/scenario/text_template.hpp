// The placeholders a process text may hold: {i} (the innermost repeat
// counter, from 1), {proc} (the process name, with #k when count > 1) and {k}
// (the instance number, from 1). A number may ask for a width: {i:4} is 0042
// for the 42nd turn. A word in braces is a placeholder; any other
// brace is an ordinary character. Used by the loader to reject unknown
// placeholders and by the runtime to fill them in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

struct Placeholder {
  std::size_t offset = 0;  // of the '{'
  std::string_view name;   // the word between the braces
  std::size_t length = 0;  // of the whole placeholder, braces included
  int width = 0;           // {i:5}: a number written with at least 5 digits (leading zeros)
  int64_t mod = 0;         // {k%5}: the remainder by 5 (0 = none)
  int64_t add = 0;         // {k+1}, {k-1}, {k%5+1}: added after the remainder
};

// Every `{word}`, `{word:N}` (N one digit, 1..9), `{word%M}`, `{word+A}`,
// `{word-A}` or `{word%M+A}` of `text`, in order (word = letters, digits, '_';
// M and A numbers).
std::vector<Placeholder> find_placeholders(std::string_view text);

// `text` with {i}, {proc} and {k} replaced; other placeholders are left as written.
std::string expand_text(std::string_view text, int64_t i, std::string_view proc, int k);

}  // namespace ipclab
