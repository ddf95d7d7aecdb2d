// softmax_golden.hpp — the cases and text format of tests/golden/softmax_hashes.txt: softmax and
// log-softmax pinned across targets, as activations.golden pins the element-wise f and f'.
//
// Each case is a rows × cols matrix of logits drawn by the engine's own generator (Xoshiro128,
// the same numbers on every target and standard library), optionally with special values laid
// in (±0, ±Inf, NaN, ±3e38, denormals, ties with the row's maximum). The native build writes an
// FNV-1a 64 hash of the softmax_rows output and one of the log_softmax_rows output per case and
// back end (`actlab golden --softmax`): rows of 16 or more sum in 4 lanes on the SIMD back end and
// left to right on the scalar one, so their bits differ by back end, never by target. The wasm
// build of the test suite recomputes all four, all at once through softmax_rows() and row by row
// through softmax(), and compares. NaN outputs hash as 0x7fc00000 (their sign and payload are
// unspecified). One line per case, '#' starts a comment:
//   <SIMD softmax> <SIMD log-softmax> <scalar softmax> <scalar log-softmax> <rows> <cols>
//   <temperature> <range> <specials 0|1> <seed>
// Regenerate only after an intended change to softmax.cpp or to vmath's exp/log, and say why:
//   ./build/native/actlab golden --softmax > tests/golden/softmax_hashes.txt
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab {

struct SoftmaxGoldenCase {
  int rows, cols;
  float temperature;
  float range;    // logits uniform on [-range, range)
  bool specials;  // lay special values into about one element in eight
  std::uint32_t seed;
};

struct SoftmaxGoldenLine {
  std::uint64_t hash[2][2];  // [0 SIMD, 1 scalar][0 softmax, 1 log-softmax]
  SoftmaxGoldenCase c;
};

// Short rows (1–17 columns, 1–257 rows: every lane-group tail of the 4-rows-at-a-time kernel),
// long rows (40, 1024, 1031), four temperatures, two ranges, with and without special values.
std::vector<SoftmaxGoldenCase> softmax_golden_cases();

// The case's logits, rows × cols, row-major.
std::vector<float> softmax_golden_inputs(const SoftmaxGoldenCase& c);

// Hashes of softmax and log-softmax of the case on `backend`; `by_rows` uses softmax_rows() and
// log_softmax_rows(), otherwise softmax() and log_softmax() row by row. "" or an error.
std::string softmax_golden_hashes(const SoftmaxGoldenCase& c, Backend backend, bool by_rows,
                                  std::uint64_t& softmax_hash, std::uint64_t& log_softmax_hash);

// Computes every case natively (both back ends, by rows) and writes the file. "" or an error.
std::string write_softmax_golden(std::ostream& out);

// Parses the file's text; "" or a message naming the bad line.
std::string parse_softmax_golden(const std::string& text, std::vector<SoftmaxGoldenLine>& out);

}  // namespace actlab
