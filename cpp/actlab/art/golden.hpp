// golden.hpp — the cases and text format of tests/golden/art_hashes.txt (cross-target check).
//
// The native build writes one FNV-1a 64 image hash per case (`actlab art --golden`); the wasm
// build of the test suite reads the file, renders every case again and compares. Format, one
// line per case ('#' starts a comment line):
//   <16 hex digits> <imageW> <imageH> <z> <config JSON without spaces>
// Regenerate only after an intended change to the renderer, the RNG or an activation kernel:
//   ./build/native/actlab art --golden > tests/golden/art_hashes.txt
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::art {

struct GoldenCase {
  std::string config;  // JSON, no spaces
  int image_w, image_h;
  float z;
};

struct GoldenLine {
  std::uint64_t hash;
  GoldenCase c;
};

// Covers every colour mode, per-layer activations (smooth, piecewise-linear, step), zoom, weight
// scale, useR/useZ off, a non-square image with a width that is not a multiple of the batch.
std::vector<GoldenCase> golden_cases();

// Renders every case natively and writes the file. Returns "" or an error.
std::string write_golden(std::ostream& out);

// Parses the file's text; "" or a message naming the bad line.
std::string parse_golden(const std::string& text, std::vector<GoldenLine>& out);

}  // namespace actlab::art
