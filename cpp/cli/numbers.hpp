// numbers.hpp — reading x values for the CLI: one float per argument, or whitespace-separated
// on stdin, with errors that name the argument or the line and token (the rules of `actlab eval`,
// shared here so `actlab expr` reads input the same way).
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::cli {

// Parses a whole token as a float ("nan", "inf", "-inf" accepted). Returns "" or why not.
inline std::string parse_float_token(const std::string& tok, float& out) {
  errno = 0;
  char* end = nullptr;
  float v = std::strtof(tok.c_str(), &end);
  if (end == tok.c_str() || *end != '\0') return "is not a number";
  if (errno == ERANGE && std::isinf(v)) return "is too large for a float (|x| <= 3.4e38; write inf for infinity)";
  out = v;
  return "";
}

// Reads every number on `in`; on a bad token returns "line L, token T: 'tok' <why>".
inline std::string read_numbers(std::istream& in, std::vector<float>& xs) {
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream ls(line);
    std::string tok;
    int tok_no = 0;
    while (ls >> tok) {
      ++tok_no;
      float v;
      if (std::string why = parse_float_token(tok, v); !why.empty())
        return "line " + std::to_string(line_no) + ", token " + std::to_string(tok_no) + ": '" + tok + "' " + why;
      xs.push_back(v);
    }
  }
  return "";
}

}  // namespace actlab::cli
