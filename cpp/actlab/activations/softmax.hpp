// softmax.hpp — softmax and log-softmax over a vector, with temperature.
//
// p_i = exp((z_i - max z) / T) / sum_j exp((z_j - max z) / T). Subtracting the maximum first
// never changes the result and keeps every exponent <= 0, so nothing overflows:
// softmax([1000, 1000]) = [0.5, 0.5]; a -Inf logit gets probability 0. The sum is accumulated
// in one fixed order per back end, the same on every target (SIMD: 4 lanes, combined
// ((l0+l1)+(l2+l3)); scalar: left to right); a row shorter than 16 sums its terms pairwise in
// index order on both back ends (softmax.cpp's short-row kernel). tests/golden/softmax_hashes.txt
// pins the bits.
#pragma once

#include <cstddef>
#include <string>

#include "actlab/activations/registry.hpp"

namespace actlab {

// Returns "" on success, else a message (n == 0, temperature not finite or <= 0).
// z and p may alias. NaN logits make every output NaN (the maths is undefined).
std::string softmax(const float* z, float* p, std::size_t n, float temperature = 1.0f,
                    Backend backend = Backend::Simd);
std::string log_softmax(const float* z, float* out, std::size_t n, float temperature = 1.0f,
                        Backend backend = Backend::Simd);

// Row by row over a rows × cols matrix (row-major, z and p may alias): the same bits as softmax()
// on each row, in one call. Rows shorter than 16 are computed 4 at a time, one per SIMD lane.
std::string softmax_rows(const float* z, float* p, std::size_t rows, std::size_t cols, float temperature = 1.0f,
                         Backend backend = Backend::Simd);
std::string log_softmax_rows(const float* z, float* out, std::size_t rows, std::size_t cols,
                             float temperature = 1.0f, Backend backend = Backend::Simd);

// Double-precision references for the accuracy tool and tests.
void softmax_ref(const double* z, double* p, std::size_t n, double temperature);
void log_softmax_ref(const double* z, double* out, std::size_t n, double temperature);

}  // namespace actlab
