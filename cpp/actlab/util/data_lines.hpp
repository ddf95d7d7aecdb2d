// data_lines.hpp — the line loop of the golden files' readers: every line that is neither empty
// nor a '#' comment, with its 1-based number for the error message.
#pragma once

#include <sstream>
#include <string>

namespace actlab::util {

// Calls each(line, number) per data line; returns the first non-empty message it returns, or "".
template <class Each> std::string for_each_data_line(const std::string& text, Each each) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (std::string e = each(line, number); !e.empty()) return e;
  }
  return "";
}

}  // namespace actlab::util
