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

// Vectors per loop iteration: 2 on wasm, where V8 keeps a kernel's constants spilled and reloads
// them every iteration, so two vectors share that cost (measured +25-38% on the exp-based kernels,
// same bits); 1 natively, where gcc keeps them in registers and unrolling cost 5-8%.
#if defined(__wasm_simd128__)
inline constexpr std::size_t kUnroll = 2;
#else
inline constexpr std::size_t kUnroll = 1;
#endif

// The scalar back end must stay one lane at a time: clang (wasm) otherwise auto-vectorises its
// loop with f32x4, and the "scalar" benchmark column and scalar-vs-SIMD tests would not be.
#if defined(__clang__)
#define ACTLAB_NO_AUTOVECTORIZE _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define ACTLAB_NO_AUTOVECTORIZE
#endif

// Keeps the stores written before it ahead of those after it. Clang's WebAssembly back end emits
// an iteration's independent stores last-first (wasm-objdump of run_batch: `v128.store` at offsets
// 48, 32, 16, 0) and V8 keeps that order, so each iteration wrote its 64 bytes downwards. Where the
// arrays leave the caches (1 Mi elements, 4 MiB each) that cost 10-20 %: identity 2.7-3.0 -> 3.5 G
// elements/s, step' 3.1 -> 3.5 G, softsign' 3.3-3.4 -> 3.55 G, in interleaved runs with the same
// bits; 4 Ki rows and the exp-based kernels did not move. An empty asm with a memory clobber is a
// compiler barrier only: it emits no instruction. Natively gcc keeps the source order already.
inline void keep_store_order() {
#if defined(__wasm_simd128__)
  asm volatile("" ::: "memory");
#endif
}

// run_batch on wasm goes further: 4 vectors per iteration, then 2, then 1 (measured with the
// issue-14 kernels, quick runs on a shared machine, same bits: Swish 700 -> 820 M/s, softplus
// 285 -> 370, sigmoid +8 %, tanh +10 % at 4K; none slower beyond the noise).
template <class B, class Act, bool kDerivative>
void run_batch(const float* x, float* y, std::size_t n, const float* params) {
  const Params<B> p{B::splat(params[0]), B::splat(params[1])};
  constexpr std::size_t W = B::width;
  auto kernel = [&p](F<B> v) { return kDerivative ? Act::template df<B>(v, p) : Act::template f<B>(v, p); };
  std::size_t i = 0;
  if constexpr (kUnroll == 2 && W > 1) {
    for (; i + 4 * W <= n; i += 4 * W) {
      F<B> v0 = B::load(x + i), v1 = B::load(x + i + W), v2 = B::load(x + i + 2 * W), v3 = B::load(x + i + 3 * W);
      F<B> r0 = kernel(v0), r1 = kernel(v1), r2 = kernel(v2), r3 = kernel(v3);  // all loaded first: in place is safe
      B::store(y + i, r0);
      keep_store_order();
      B::store(y + i + W, r1);
      keep_store_order();
      B::store(y + i + 2 * W, r2);
      keep_store_order();
      B::store(y + i + 3 * W, r3);
    }
  }
  if constexpr (kUnroll == 2 && W > 1) {
    for (; i + 2 * W <= n; i += 2 * W) {
      F<B> v0 = B::load(x + i), v1 = B::load(x + i + W);  // both loaded first: in place is safe
      F<B> r0 = kernel(v0), r1 = kernel(v1);
      B::store(y + i, r0);
      keep_store_order();
      B::store(y + i + W, r1);
    }
  }
  ACTLAB_NO_AUTOVECTORIZE
  for (; i + W <= n; i += W) {
    B::store(y + i, kernel(B::load(x + i)));
  }
  if (i < n) {
    float tail[W] = {};
    std::memcpy(tail, x + i, (n - i) * sizeof(float));
    B::store(tail, kernel(B::load(tail)));
    std::memcpy(y + i, tail, (n - i) * sizeof(float));
  }
}

// f and f' of one vector. An activation may define `fdf` when the two share work that the
// compiler cannot see is common (tanh: one reduction gives both e^-2|x| and expm1(-2|x|));
// otherwise f and df are inlined side by side and their common subexpressions are merged.
template <class Act, class B>
concept HasFdf = requires(F<B> x, const Params<B>& p, F<B>& y, F<B>& dy) { Act::template fdf<B>(x, p, y, dy); };

template <class B, class Act> inline void eval_fdf(F<B> x, const Params<B>& p, F<B>& y, F<B>& dy) {
  if constexpr (HasFdf<Act, B>) {
    Act::template fdf<B>(x, p, y, dy);
  } else {
    y = Act::template f<B>(x, p);
    dy = Act::template df<B>(x, p);
  }
}

// Two vectors at once, for an activation whose fdf takes a branch per vector that two vectors can
// share (tanh's range test): fdf2 must give each vector fdf's bits. Such an activation's f+f' loop
// runs two vectors at a time natively too (the 2-8-8-1 tanh epoch +0.8-1.7 %, best-of runs).
template <class Act, class B>
concept HasFdf2 = requires(F<B> x, const Params<B>& p, F<B>& y, F<B>& dy) { Act::template fdf2<B>(x, x, p, y, dy, y, dy); };

template <class B, class Act>
void run_batch_fdf(const float* x, float* y, float* dy, std::size_t n, const float* params) {
  const Params<B> p{B::splat(params[0]), B::splat(params[1])};
  constexpr std::size_t W = B::width;
  std::size_t i = 0;
  if constexpr ((kUnroll == 2 || HasFdf2<Act, B>) && W > 1) {
    for (; i + 2 * W <= n; i += 2 * W) {
      F<B> r0, dr0, r1, dr1;
      F<B> v0 = B::load(x + i), v1 = B::load(x + i + W);
      if constexpr (HasFdf2<Act, B>) {
        Act::template fdf2<B>(v0, v1, p, r0, dr0, r1, dr1);
      } else {
        eval_fdf<B, Act>(v0, p, r0, dr0);
        eval_fdf<B, Act>(v1, p, r1, dr1);
      }
      B::store(y + i, r0);
      keep_store_order();
      B::store(y + i + W, r1);
      keep_store_order();
      B::store(dy + i, dr0);
      keep_store_order();
      B::store(dy + i + W, dr1);
    }
  }
  ACTLAB_NO_AUTOVECTORIZE
  for (; i + W <= n; i += W) {
    F<B> r, dr;
    eval_fdf<B, Act>(B::load(x + i), p, r, dr);  // loaded before either store: in place is safe
    B::store(y + i, r);
    B::store(dy + i, dr);
  }
  if (i < n) {
    float tail[W] = {}, dtail[W];
    std::memcpy(tail, x + i, (n - i) * sizeof(float));
    F<B> r, dr;
    eval_fdf<B, Act>(B::load(tail), p, r, dr);
    B::store(tail, r);
    B::store(dtail, dr);
    std::memcpy(y + i, tail, (n - i) * sizeof(float));
    std::memcpy(dy + i, dtail, (n - i) * sizeof(float));
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
  a.fdf_scalar = &run_batch_fdf<simd::Scalar, Act>;
  a.fdf_simd = &run_batch_fdf<simd::Native, Act>;
  return a;
}

// Shorthands used by the definitions.
template <class B> inline F<B> splat(float v) { return B::splat(v); }
template <class B> inline F<B> one() { return B::splat(1.0f); }
template <class B> inline F<B> zero() { return B::splat(0.0f); }

// Logistic sigmoid from e = exp(-|x|) without overflow or cancellation, for either sign:
// sigma(x) = 1/(1+e) for x >= 0 and e/(1+e) for x < 0, as XNNPACK's f32-vsigmoid kernels do it
// (one exp, one division, a select for the sign). e is taken scaled, e_s = e·2^24
// (vmath::exp_neg_scaled), and the division is done in the same scale, sigma = {2^24 or e_s} /
// (2^24 + e_s): powers of two are exact, so the roundings are those of 1 + e and of the quotient,
// and a subnormal sigma(x) (x < -87.3) is rounded once, correctly, by the division.
template <class B> struct Logistic {
  F<B> s;      // sigma(x)
  F<B> e_s;    // exp(-|x|)·2^24
  F<B> d_s;    // (1 + exp(-|x|))·2^24
};

// -|x| (-0 at ±0, where 0 - |x| gave +0: exp_neg_scaled and the compares below treat them alike).
template <class B> inline F<B> neg_abs(F<B> x) { return B::neg_abs(x); }

template <class B> inline Logistic<B> logistic(F<B> x) {
  F<B> e_s = vmath::exp_neg_scaled<B>(neg_abs<B>(x));
  F<B> d_s = B::add(splat<B>(vmath::kExpNegScale), e_s);
  // The numerator, 2^24 where x >= 0 and e_s elsewhere, as max(2^24 or +0, e_s): 0 < e_s <= 2^24
  // (or e_s is NaN, which max keeps as its second operand), so it has the bits of the select,
  // in a minps and a maxps where V8 made the bit-select three instructions.
  F<B> pos = B::select_or_zero(B::ge(x, zero<B>()), splat<B>(vmath::kExpNegScale));
  F<B> s = B::div(B::max(pos, e_s), d_s);
  return {s, e_s, d_s};
}

}  // namespace actlab::act
