// ceiling_kernels.hpp — bench-only softmax that drops the engine's accuracy safeguards, to measure
// what they cost: z - m in plain float (no two_sum, so exp sees an argument off by up to
// ulp(z - m)/2, i.e. an error of up to |z - m|·2^-24 relative) and no -Inf guard on the error term.
// Everything else as the engine's softmax until 749254b (softmax.cpp): exp_neg_scaled, one pass storing and
// summing, a multiply by 1/sum. Never used by the engine; actlab_bench prints it as variant
// "ceiling" (speed) and in --ulp (accuracy) so docs/benchmarks.md can say what exactness costs.
#pragma once

#include <cmath>
#include <cstddef>

#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::bench::ceiling {

// Rows of n logits, n a multiple of 4 vectors (the bench's rows of 1024).
// Same loop shapes as the engine's since issue 14's second session: four running maxima over 4
// vectors a step, and 4 vectors per iteration (n a multiple of 4 vectors) in the other passes.
template <class B> void softmax(const float* z, float* p, std::size_t n) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  F m0 = B::splat(-vmath::kInf), m1 = m0, m2 = m0, m3 = m0;
  for (std::size_t i = 0; i < n; i += 4 * W) {
    m0 = B::max(m0, B::load(z + i));
    m1 = B::max(m1, B::load(z + i + W));
    m2 = B::max(m2, B::load(z + i + 2 * W));
    m3 = B::max(m3, B::load(z + i + 3 * W));
  }
  const F vm = B::splat(B::hmax(B::max(B::max(m0, m1), B::max(m2, m3))));
  F acc = B::splat(0.0f);
  for (std::size_t i = 0; i < n; i += 4 * W)
    for (std::size_t u = 0; u < 4 * W; u += W) {
      F e = vmath::exp_neg_scaled<B>(B::sub(B::load(z + i + u), vm));
      acc = B::add(acc, e);
      B::store(p + i + u, e);
    }
  const F inv = B::splat(1.0f / B::hsum(acc));
  for (std::size_t i = 0; i < n; i += 4 * W)
    for (std::size_t u = 0; u < 4 * W; u += W) B::store(p + i + u, B::mul(B::load(p + i + u), inv));
}

}  // namespace actlab::bench::ceiling
