// prev_kernels.hpp — bench-only copies of kernels as they were before their latest speed change,
// so `npm run bench` times them beside the engine's current ones in the same run (variant "prev";
// web/bench/run.mjs prints the pairs in its summary): hard-swish f and f' as at ab546a9 (before
// issue 14's second session), softmax over long rows as at 749254b (before exp_biased).
//
// Never used by the engine, the bindings or the tests: only actlab_bench includes this file.
// The engine's versions: cpp/actlab/activations/softmax.cpp (softmax over rows >= 16) and
// piecewise.hpp (hard-swish f and f').
#pragma once

#include <cmath>
#include <cstddef>
#include <type_traits>

#include "actlab/activations/kernel.hpp"
#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::bench::prev {

using act::F;
using act::Params;
using act::splat;
using act::zero;

// hard-swish f: clamp, multiply, divide, then two compares and selects; f': keep_nan at the end.
struct HardSwish {
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> r6 = vmath::clamp<B>(B::add(x, splat<B>(3.0f)), 0.0f, 6.0f);
    F<B> y = B::div(B::mul(x, r6), splat<B>(6.0f));
    y = B::select(B::le(x, splat<B>(-3.0f)), zero<B>(), y);
    return B::select(B::ge(x, splat<B>(3.0f)), x, y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> mid = B::div(B::add(B::add(x, x), splat<B>(3.0f)), splat<B>(6.0f));
    F<B> r = B::select(B::le(x, splat<B>(-3.0f)), zero<B>(), B::select(B::ge(x, splat<B>(3.0f)), act::one<B>(), mid));
    return vmath::keep_nan<B>(x, r);
  }
};

// Softmax over one row of T = 1 whose length is a multiple of 4 vectors (the bench's rows of 1024),
// as the engine computed it until 749254b: four running maxima, then the exact z - m (two_sum,
// logits raised to m - 128 first) into exp_neg_scaled(hi, lo), one running sum, and 1/sum.
template <class B> void softmax(const float* z, float* p, std::size_t n) {
  using Fv = typename B::F;
  constexpr std::size_t W = B::width;
  Fv m0 = B::splat(-vmath::kInf), m1 = m0, m2 = m0, m3 = m0;
  typename B::M nan = B::lt(m0, m0);
  for (std::size_t i = 0; i < n; i += 4 * W) {
    Fv a = B::load(z + i), b = B::load(z + i + W), c = B::load(z + i + 2 * W), d = B::load(z + i + 3 * W);
    m0 = B::max(m0, a);
    m1 = B::max(m1, b);
    m2 = B::max(m2, c);
    m3 = B::max(m3, d);
    nan = B::mask_or(nan, B::mask_or(B::mask_or(B::is_nan(a), B::is_nan(b)), B::mask_or(B::is_nan(c), B::is_nan(d))));
  }
  const float mx = B::any(nan) ? NAN : B::hmax(B::max(B::max(m0, m1), B::max(m2, m3)));
  const Fv vm = B::splat(mx), vfloor = B::splat(mx - 128.0f);
  Fv acc = B::splat(0.0f);
  for (std::size_t i = 0; i < n; i += 4 * W)
    for (std::size_t u = 0; u < 4 * W; u += W) {
      vmath::DoubleFloat<B> s = vmath::two_sum<B>(B::max(vfloor, B::load(z + i + u)), B::sub(B::splat(0.0f), vm));
      Fv e = vmath::exp_neg_scaled<B>(s.hi, s.lo);
      acc = B::add(acc, e);
      B::store(p + i + u, e);
    }
  const Fv inv = B::splat(1.0f / B::hsum(acc));
  for (std::size_t i = 0; i < n; i += 4 * W)
    for (std::size_t u = 0; u < 4 * W; u += W) B::store(p + i + u, B::mul(B::load(p + i + u), inv));
}

}  // namespace actlab::bench::prev
