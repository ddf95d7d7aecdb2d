// ceiling_kernels.hpp — bench-only softmax that drops the engine's accuracy safeguards, to measure
// what they cost: z - m in plain float (no two_sum, so exp sees an argument off by up to
// ulp(z - m)/2, i.e. an error of up to |z - m|·2^-24 relative) and no -Inf guard on the error term.
// Everything else as the engine's softmax (softmax.cpp): exp_neg_scaled, one pass storing and
// summing, a multiply by 1/sum. Never used by the engine; actlab_bench prints it as variant
// "ceiling" (speed) and in --ulp (accuracy) so docs/benchmarks.md can say what exactness costs.
#pragma once

#include <cmath>
#include <cstddef>

#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::bench::ceiling {

// Rows of n logits, n a multiple of the vector width (the bench's rows of 1024).
template <class B> void softmax(const float* z, float* p, std::size_t n) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  F m = B::splat(-vmath::kInf);
  for (std::size_t i = 0; i < n; i += W) m = B::max(m, B::load(z + i));
  const F vm = B::splat(B::hmax(m));
  F acc = B::splat(0.0f);
  for (std::size_t i = 0; i < n; i += W) {
    F e = vmath::exp_neg_scaled<B>(B::sub(B::load(z + i), vm));
    acc = B::add(acc, e);
    B::store(p + i, e);
  }
  const F inv = B::splat(1.0f / B::hsum(acc));
  for (std::size_t i = 0; i < n; i += W) B::store(p + i, B::mul(B::load(p + i), inv));
}

}  // namespace actlab::bench::ceiling
