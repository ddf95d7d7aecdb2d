// prev_kernels.hpp — bench-only copies of kernels as they were before issue 14's second session
// (main at ab546a9), so `npm run bench` times them beside the engine's current ones in the same
// run (variant "prev"; web/bench/run.mjs prints the pairs in its summary).
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

// Softmax over one row whose length is a multiple of the vector width (the bench's rows of 1024):
// one running maximum (one chain of max latencies), two vectors per iteration on wasm, and the
// -Inf guard on the error term of z - m (a compare and a select per vector).
template <class B> void softmax(const float* z, float* p, std::size_t n) {
  using Fv = typename B::F;
  constexpr std::size_t W = B::width;
  constexpr std::size_t U = act::kUnroll == 2 && W > 1 ? 2 : 1;
  Fv m = B::splat(-vmath::kInf);
  typename B::M nan = B::lt(m, m);
  std::size_t i = 0;
  for (; i + U * W <= n; i += U * W)
    for (std::size_t u = 0; u < U; ++u) {
      Fv zi = B::load(z + i + u * W);
      m = B::max(m, zi);
      nan = B::mask_or(nan, B::is_nan(zi));
    }
  const float mx = B::any(nan) ? NAN : B::hmax(m);
  const Fv vm = B::splat(mx);
  Fv acc = B::splat(0.0f);
  for (i = 0; i + U * W <= n; i += U * W)
    for (std::size_t u = 0; u < U; ++u) {
      vmath::DoubleFloat<B> s = vmath::two_sum<B>(B::load(z + i + u * W), B::sub(B::splat(0.0f), vm));
      s.lo = B::select(B::is_nan(s.lo), B::splat(0.0f), s.lo);
      Fv e = vmath::exp_neg_scaled<B>(s.hi, s.lo);
      acc = B::add(acc, e);
      B::store(p + i + u * W, e);
    }
  const Fv inv = B::splat(1.0f / B::hsum(acc));
  for (i = 0; i + U * W <= n; i += U * W)
    for (std::size_t u = 0; u < U; ++u) B::store(p + i + u * W, B::mul(B::load(p + i + u * W), inv));
}

}  // namespace actlab::bench::prev
