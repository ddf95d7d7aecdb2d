// golden.hpp — the fixed input set and text format of tests/golden/activations.golden.
//
// The native build writes the bit patterns of f(x) and f'(x) for every activation (default
// parameters) over golden_inputs(); the wasm build of the test suite and the Vitest suite read the
// file back and compare bit for bit. Format, one line per (activation, x):
//   <id> <x bits> <f bits> <f' bits>        (8 hex digits each; lines starting with '#' are comments)
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace actlab {

// 4 specials x 2 signs, a grid on [-12, 12], log-spaced magnitudes, and seeded random floats.
std::vector<float> golden_inputs();

struct GoldenLine {
  std::string id;
  std::uint32_t x, f, df;
};

void write_golden(std::ostream& out);
// Parses the file's text; throws std::runtime_error naming the line on a malformed line.
std::vector<GoldenLine> parse_golden(const std::string& text);

}  // namespace actlab
