// kernel.hpp — what an activation definition looks like, and the batch loop that runs one.
//
// An activation is a struct with
//   static Activation describe();                       metadata (registry.hpp), no function pointers
//   static double ref_f(double x, const double* p);     the readable double-precision spec
//   static double ref_df(double x, const double* p);
//   template <class B> static F<B> f(F<B> x, const Params<B>& p);    the kernel, written once
//   template <class B> static F<B> df(F<B> x, const Params<B>& p);   on the SIMD vocabulary
// run_batch<B, Act, derivative> maps a kernel over an array: whole vectors, then the tail through
// a zero-padded stack buffer (so n = 0..width-1 and unaligned starts need no special kernels).
#pragma once

#include <cstddef>
#include <cstring>

#include "actlab/activations/registry.hpp"
#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::act {

template <class B> using F = typename B::F;

// The activation's parameters, splatted once per batch.
template <class B> struct Params {
  F<B> p0, p1;
};

template <class B, class Act, bool kDerivative>
void run_batch(const float* x, float* y, std::size_t n, const float* params) {
  const Params<B> p{B::splat(params[0]), B::splat(params[1])};
  constexpr std::size_t W = B::width;
  std::size_t i = 0;
  for (; i + W <= n; i += W) {
    F<B> v = B::load(x + i);
    B::store(y + i, kDerivative ? Act::template df<B>(v, p) : Act::template f<B>(v, p));
  }
  if (i < n) {
    float tail[W] = {};
    std::memcpy(tail, x + i, (n - i) * sizeof(float));
    F<B> v = B::load(tail);
    B::store(tail, kDerivative ? Act::template df<B>(v, p) : Act::template f<B>(v, p));
    std::memcpy(y + i, tail, (n - i) * sizeof(float));
  }
}

// Registry entry for one definition: metadata plus both back ends of both kernels.
template <class Act> Activation make_entry() {
  Activation a = Act::describe();
  a.ref_f = &Act::ref_f;
  a.ref_df = &Act::ref_df;
  a.f_scalar = &run_batch<simd::Scalar, Act, false>;
  a.df_scalar = &run_batch<simd::Scalar, Act, true>;
  a.f_simd = &run_batch<simd::Native, Act, false>;
  a.df_simd = &run_batch<simd::Native, Act, true>;
  return a;
}

// Shorthands used by the definitions.
template <class B> inline F<B> splat(float v) { return B::splat(v); }
template <class B> inline F<B> one() { return B::splat(1.0f); }
template <class B> inline F<B> zero() { return B::splat(0.0f); }

// Logistic sigmoid from e = exp(-|x|) without overflow or cancellation, for either sign:
// sigma(x) = 1/(1+e) for x >= 0 and e/(1+e) for x < 0; 1 - sigma(x) is the mirror image.
template <class B> struct Logistic {
  F<B> s;      // sigma(x)
  F<B> s_c;    // 1 - sigma(x), computed directly
  F<B> e;      // exp(-|x|)
};

template <class B> inline Logistic<B> logistic(F<B> x) {
  F<B> e = vmath::exp<B>(B::sub(zero<B>(), B::abs(x)));
  F<B> d = B::add(one<B>(), e);
  auto pos = B::ge(x, zero<B>());
  F<B> s = B::div(B::select(pos, one<B>(), e), d);
  F<B> s_c = B::div(B::select(pos, e, one<B>()), d);
  return {s, s_c, e};
}

}  // namespace actlab::act
