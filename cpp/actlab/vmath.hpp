// vmath.hpp — vector elementary functions written once on the SIMD vocabulary.
//
// Every function is a template on a back end B (simd::Scalar, simd::Sse2, simd::Wasm128) and
// uses only IEEE-exact operations (+ - * /, min/max, compares, selects, integer bit tricks), so
// every target executes the same sequence of roundings and gets the same bits. No libm inside.
//
//   exp(x), expm1(x) and exp_expm1(x): one Cody–Waite range reduction x = n·ln2 + r, |r| <= ln2/2,
//     then the degree-7 Taylor polynomial of expm1(r) (truncation error r^8/8! < 5.3e-9 < 0.1 ulp)
//     and scaling by 2^n, split into two normal factors so subnormal results and overflow to
//     +Inf come out right. ln2 is split hi/lo as in fdlibm's e_expf.c (hi has 16 significant bits,
//     so n·ln2_hi is exact for |n| <= 256).
//   log(x), log1p(x): fdlibm/FreeBSD e_logf.c's reduction to m in [sqrt(1/2), sqrt(2)) and its
//     minimax coefficients Lg1..Lg4 for log(1+f) = f - f²/2 + s·(f²/2 + R(s²)), s = f/(2+f).
//   two_sum, two_prod: error-free transformations (Knuth; Dekker with Veltkamp's split, no FMA),
//     used to carry the argument of exp in double-float where an exponent is large and computed
//     (GELU's x²/2 and x³ terms), so the result keeps ~1 ulp instead of |arg|·eps.
//   exp_df(hi, lo): exp(hi + lo) for |lo| <= ulp(hi), = exp(hi)·(1 + lo).
//   exp_neg_scaled(z[, lo]): the fast core of sigmoid, Swish and softmax (arguments <= 0 only):
//     e^(z + lo)·2^24 with 2^(n+24) built straight from the rounding magic's bits (no split, no
//     integer fix-ups), and a degree-6 minimax polynomial for e^r instead of the degree-7 Taylor
//     form of expm1. The 2^24 scale keeps every result down to z = -104 a normal float, so a
//     caller divides or multiplies it back without a subnormal in between (see the function).
#pragma once

#include <bit>
#include <cstdint>
#include <limits>

namespace actlab::vmath {

inline constexpr float kInf = std::numeric_limits<float>::infinity();
inline constexpr float kLog2e = 0x1.715476p+0f;      // 1/ln 2 rounded to float
inline constexpr float kLn2Hi = 0x1.62e400p-1f;      // fdlibm ln2_hi (0x3f317200)
inline constexpr float kLn2Lo = 0x1.7f7d1cp-20f;     // fdlibm ln2_lo (0x35bfbe8e)
inline constexpr float kRoundMagic = 0x1.8p23f;      // x + 1.5·2^23 - 1.5·2^23 rounds x to an integer

template <class B> using F = typename B::F;

// NaN in x survives: r is returned where x is a number, x itself where x is NaN.
template <class B> inline F<B> keep_nan(F<B> x, F<B> r) { return B::select(B::is_nan(x), x, r); }

// clamp(x, lo, hi) that propagates NaN (x is the second operand of min/max; see scalar.hpp).
template <class B> inline F<B> clamp(F<B> x, float lo, float hi) {
  return B::max(B::splat(lo), B::min(B::splat(hi), x));
}

// Exponent reduction shared by exp and expm1: x = n·ln2 + r with |r| <= ~ln2/2.
// Returns n as an integer lane, r, and p = expm1(r).
template <class B> struct ExpReduction {
  typename B::I n;
  F<B> p;
  F<B> nf;  // n as a float
};

template <class B> inline ExpReduction<B> exp_reduce(F<B> x) {
  const F<B> magic = B::splat(kRoundMagic);
  F<B> t = B::add(B::mul(x, B::splat(kLog2e)), magic);  // n in the low mantissa bits of t
  F<B> n = B::sub(t, magic);
  F<B> r = B::sub(B::sub(x, B::mul(n, B::splat(kLn2Hi))), B::mul(n, B::splat(kLn2Lo)));
  // expm1(r) = r + r²·(1/2 + r·(1/6 + r·(1/24 + r·(1/120 + r·(1/720 + r/5040))))) (Taylor)
  F<B> q = B::splat(0x1.a01a02p-13f);                 // 1/5040
  q = B::add(B::mul(q, r), B::splat(0x1.6c16c2p-10f)); // 1/720
  q = B::add(B::mul(q, r), B::splat(0x1.111112p-7f));  // 1/120
  q = B::add(B::mul(q, r), B::splat(0x1.555556p-5f));  // 1/24
  q = B::add(B::mul(q, r), B::splat(0x1.555556p-3f));  // 1/6
  q = B::add(B::mul(q, r), B::splat(0.5f));
  F<B> p = B::add(B::mul(B::mul(r, r), q), r);
  typename B::I ni = B::sub_int(B::as_int(t), B::as_int(magic));
  return {ni, p, n};
}

// 2^k for an integer lane with -126 <= k <= 127.
template <class B> inline F<B> pow2i(typename B::I k) {
  return B::as_float(B::template shl<23>(B::add_int(k, B::splat_int(127))));
}

// exp(x) from a reduction of x clamped to [-104, 88.75]: 2^n·(1 + p), with 2^n split into two
// normal factors 2^(n>>1)·2^(n-(n>>1)) so results down to the subnormals and up to +Inf are right.
// Fast path: when every lane has |n + shift| <= 60, 2^(n+shift) is one normal factor and
// s + s·p gives the same bits as the split form (s·p is exact either way; the sum rounds once),
// so grouping lanes into vectors cannot change results. Native only: it saves the split
// (sigmoid +8%, sigmoid' +16% on SSE2), but on wasm V8's branch costs more than it saves
// (sigmoid 685 -> 548 M/s measured). The golden test compares the two paths bit for bit.
template <class B> inline F<B> exp_from(const ExpReduction<B>& e, int shift = 0) {
  typename B::I n = B::add_int(e.n, B::splat_int(shift));
#if !defined(__wasm_simd128__)
  auto extreme = B::gt(B::abs(B::add(e.nf, B::splat(float(shift)))), B::splat(60.0f));
  if (!B::any(extreme)) {
    F<B> s = pow2i<B>(n);
    return B::add(B::mul(s, e.p), s);
  }
#endif
  typename B::I n1 = B::template shr_arith<1>(n);
  typename B::I n2 = B::sub_int(n, n1);
  F<B> s1 = pow2i<B>(n1), s2 = pow2i<B>(n2);
  return B::mul(B::add(B::mul(s1, e.p), s1), s2);
}

// e^x. exp(-Inf) = 0, exp(+Inf) = +Inf, exp(NaN) = NaN. Max error ~1 ulp for normal results.
template <class B> inline F<B> exp(F<B> x) {
  return exp_from<B>(exp_reduce<B>(clamp<B>(x, -104.0f, 88.75f)));
}

// e^x - 1 without cancellation near 0, and e^x from the same reduction.
template <class B> struct ExpExpm1 {
  F<B> exp;
  F<B> expm1;
};

template <class B> inline ExpExpm1<B> exp_expm1(F<B> x) {
  F<B> xc = clamp<B>(x, -104.0f, 88.75f);
  ExpReduction<B> e = exp_reduce<B>(xc);
  F<B> ex = exp_from<B>(e);
  // For x <= 18 (n <= 26): expm1 = (2^n - 1) + 2^n·p; 2^n - 1 is exact for n <= 24 and its
  // rounding is negligible beyond. Below x = -30 the result is -1 in float. Above 18, e^x - 1
  // rounds to e^x. Lanes outside [-30, 18] may build a meaningless 2^n here; the selects drop it.
  F<B> s = pow2i<B>(e.n);
  F<B> small = B::add(B::sub(s, B::splat(1.0f)), B::mul(s, e.p));
  F<B> em = B::select(B::gt(xc, B::splat(18.0f)), ex, small);
  em = B::select(B::lt(xc, B::splat(-30.0f)), B::splat(-1.0f), em);
  return {ex, em};
}

template <class B> inline F<B> expm1(F<B> x) { return exp_expm1<B>(x).expm1; }

// The reduction of expm1_nonpositive for -44 <= x·log2e (x = n·ln2 + r): s = 2^n, normal, taken
// from t's bits, and p = expm1(r) (exp_reduce's Taylor form, the same r and p).
template <class B> struct NonpositiveReduction {
  F<B> s, p;
};
template <class B> inline NonpositiveReduction<B> reduce_nonpositive(F<B> x) {
  const F<B> magic = B::splat(kRoundMagic + 127.0f);
  F<B> t = B::add(B::mul(x, B::splat(kLog2e)), magic);
  F<B> s = B::as_float(B::template shl<23>(B::as_int(t)));  // 2^n, n in [-44, 0]: normal
  F<B> n = B::sub(t, magic);
  F<B> r = B::sub(B::sub(x, B::mul(n, B::splat(kLn2Hi))), B::mul(n, B::splat(kLn2Lo)));
  F<B> q = B::splat(0x1.a01a02p-13f);                 // expm1(r) as in exp_reduce (Taylor)
  q = B::add(B::mul(q, r), B::splat(0x1.6c16c2p-10f));
  q = B::add(B::mul(q, r), B::splat(0x1.111112p-7f));
  q = B::add(B::mul(q, r), B::splat(0x1.555556p-5f));
  q = B::add(B::mul(q, r), B::splat(0x1.555556p-3f));
  q = B::add(B::mul(q, r), B::splat(0.5f));
  return {s, B::add(B::mul(B::mul(r, r), q), r)};
}

// expm1 for x <= 0 only (tanh's expm1(-2|x|), ELU's negative side): the same reduction and the
// same bits as expm1() there, without the e^x branch that only positive arguments need. A lane
// with x > 0 gets a meaningless value (callers select it away); NaN stays NaN.
// 2^n comes straight from the bits of t (magic 1.5·2^23 + 127 carries the exponent bias, as in
// exp_neg_scaled): t rounds x·log2e to the same integer n as exp_reduce's magic does (both are
// integers in [2^23, 2^24), where the spacing is 1), so r, p and the result keep their bits, with
// three vector operations fewer (the upper clamp, the integer n and the bias add).
template <class B> inline F<B> expm1_nonpositive(F<B> x) {
  // below -30 the float result is -1 anyway
  NonpositiveReduction<B> e = reduce_nonpositive<B>(B::max(B::splat(-30.0f), x));
  return B::add(B::sub(e.s, B::splat(1.0f)), B::mul(e.s, e.p));
}

// exp(x) and expm1(x) for -30 <= x <= 0 (and NaN) with exp_expm1's bits, from one reduction and
// one 2^n (tanh's f and f′ together, issue 9): with n in [-44, 0], e^x = s·p + s is exp_from's
// one-factor form, which gives the bits of its two-factor form for |n| <= 60 (see exp_from), and
// expm1 = (s − 1) + s·p is expm1_nonpositive's. exp_expm1's clamps and its selects for x > 18 and
// x < -30 do nothing in this range. Outside it the results are meaningless: the caller checks.
// (All 2^32 inputs of tanh's fdf compared with exp_expm1's: cpp/bench/tools/tanh_fdf_exhaustive.cpp.)
template <class B> inline ExpExpm1<B> exp_expm1_near(F<B> x) {
  NonpositiveReduction<B> e = reduce_nonpositive<B>(x);
  F<B> sp = B::mul(e.s, e.p);
  return {B::add(sp, e.s), B::add(B::sub(e.s, B::splat(1.0f)), sp)};
}

// Error-free transformations. two_sum: a + b = s + err exactly (any magnitudes).
template <class B> struct DoubleFloat {
  F<B> hi, lo;
};

template <class B> inline DoubleFloat<B> two_sum(F<B> a, F<B> b) {
  F<B> s = B::add(a, b);
  F<B> bb = B::sub(s, a);
  F<B> err = B::add(B::sub(a, B::sub(s, bb)), B::sub(b, bb));
  return {s, err};
}

// Veltkamp split: a = hi + lo with hi holding the top 12 bits, so hi·hi, hi·lo, lo·lo are exact.
template <class B> inline DoubleFloat<B> split(F<B> a) {
  F<B> c = B::mul(B::splat(4097.0f), a);
  F<B> hi = B::sub(c, B::sub(c, a));
  return {hi, B::sub(a, hi)};
}

// Dekker's product: a·b = p + err exactly (for |a·b| well inside the float range).
template <class B> inline DoubleFloat<B> two_prod(F<B> a, F<B> b) {
  F<B> p = B::mul(a, b);
  DoubleFloat<B> as = split<B>(a), bs = split<B>(b);
  F<B> err = B::sub(B::mul(as.hi, bs.hi), p);
  err = B::add(err, B::mul(as.hi, bs.lo));
  err = B::add(err, B::mul(as.lo, bs.hi));
  err = B::add(err, B::mul(as.lo, bs.lo));
  return {p, err};
}

// e^x · 2^shift, exact scaling folded into the exponent: lets a caller keep a result that would be
// subnormal (e^-100 = 3.7e-44) at full precision until it is multiplied back into range
// (x·e^x at x = -91 is a normal float). Only for x where e^x·2^shift stays finite.
template <class B> inline F<B> exp_scaled(F<B> x, int shift) {
  // The lower clamp moves with the shift so that e^x·2^shift still underflows to 0 where it should.
  return exp_from<B>(exp_reduce<B>(clamp<B>(x, -104.0f - float(shift) * 0x1.62e430p-1f, 88.75f)), shift);
}

// exp(hi + lo)·2^shift where lo is a small correction (|lo| << 1): exp(hi)·(1 + lo).
template <class B> inline F<B> exp_df(F<B> hi, F<B> lo, int shift = 0) {
  F<B> e = exp_scaled<B>(hi, shift);
  return B::add(e, B::mul(e, lo));
}

// e^r on |r| <= ln2/2 (and a little beyond), P(r) of degree 6 by Horner's rule: the polynomial
// of exp_neg_scaled below (its comment says where the coefficients come from).
template <class B> inline F<B> exp_poly(F<B> r) {
  F<B> p = B::splat(0x1.6ab97cp-10f);
  p = B::add(B::mul(p, r), B::splat(0x1.126d0ep-7f));
  p = B::add(B::mul(p, r), B::splat(0x1.55589ap-5f));
  p = B::add(B::mul(p, r), B::splat(0x1.55540ap-3f));
  p = B::add(B::mul(p, r), B::splat(0x1.fffffap-2f));
  p = B::add(B::mul(p, r), B::splat(1.0f));
  return B::add(B::mul(p, r), B::splat(1.0f));
}

// e^(z + lo)·2^24 for z <= 0 (or NaN), |lo| <= ulp(z): the exp core of sigmoid, Swish, softmax.
//
// Range reduction z = n·ln2 + r as in exp_reduce, but the magic constant 1.5·2^23 + 151 also
// carries the exponent bias plus the 2^24 scale (151 = 127 + 24), so shifting the bits of t left
// by 23 gives 2^(n+24) directly: the idea of XNNPACK's f32-vsigmoid "rr2" kernels (Marat
// Dukhan), written here on our vocabulary. n + 151 must lie in [1, 254], i.e. z in [-104, 0]:
// z is clamped below at -104 (e^-104·2^24 = 2^-126·0.97 is still normal; NaN passes the clamp).
// e^r on |r| <= ln2/2 is P(r) of degree 6, a Remez minimax fit for relative error (1.9e-9 =
// 2^-29 before rounding the coefficients to float, i.e. < 0.03 ulp; fitted with mpmath by
// cpp/bench/fit_exp_poly.py), evaluated by Horner's rule. No libm, no branch: one instruction
// sequence on every target. Cost: 21 vector operations (the exp() above: 31 plus a branch).
template <class B> inline F<B> exp_neg_scaled(F<B> z, F<B> lo) {
  const F<B> magic = B::splat(0x1.8p23f + 151.0f);
  z = B::max(B::splat(-104.0f), z);
  F<B> t = B::add(B::mul(z, B::splat(kLog2e)), magic);
  F<B> s = B::as_float(B::template shl<23>(B::as_int(t)));  // 2^(n + 24)
  F<B> n = B::sub(t, magic);
  F<B> r = B::sub(z, B::mul(n, B::splat(kLn2Hi)));
  r = B::add(r, B::sub(lo, B::mul(n, B::splat(kLn2Lo))));
  return B::mul(s, exp_poly<B>(r));
}

// e^z·2^(b - 127) for |z| <= 354 (so that n·ln2_hi is exact: ln2_hi has 15 significant bits and
// |n| < 2^9), where `magic` is 1.5·2^23 + b: the bits of t shifted left by 23 are 2^(n + b - 127)
// as in exp_neg_scaled, but the exponent field b comes from the caller. n + b must lie in
// [1, 254]. Softmax picks b per row so that e^(z - m) needs no exact z - m (softmax.cpp).
template <class B> inline F<B> exp_biased(F<B> z, F<B> magic) {
  F<B> t = B::add(B::mul(z, B::splat(kLog2e)), magic);
  F<B> s = B::as_float(B::template shl<23>(B::as_int(t)));
  F<B> n = B::sub(t, magic);
  F<B> r = B::sub(B::sub(z, B::mul(n, B::splat(kLn2Hi))), B::mul(n, B::splat(kLn2Lo)));
  return B::mul(s, exp_poly<B>(r));
}

template <class B> inline F<B> exp_neg_scaled(F<B> z) {
  // Same as above with lo = 0 (one subtraction fewer: r = (z - n·ln2_hi) - n·ln2_lo), which is
  // exp_biased with the fixed exponent field 151 = 127 + 24.
  return exp_biased<B>(B::max(B::splat(-104.0f), z), B::splat(0x1.8p23f + 151.0f));
}

inline constexpr float kExpNegScale = 0x1p24f;     // exp_neg_scaled's factor
inline constexpr float kExpNegUnscale = 0x1p-24f;

// log(1 + f) for f in [sqrt(1/2) - 1, sqrt(2) - 1], FreeBSD e_logf.c's kernel, without k·ln2.
template <class B> inline F<B> log1p_kernel(F<B> f, F<B> kf, F<B> correction) {
  F<B> s = B::div(f, B::add(B::splat(2.0f), f));
  F<B> z = B::mul(s, s);
  F<B> R = B::splat(0xf89e26.0p-26f);                 // Lg4
  R = B::add(B::mul(R, z), B::splat(0x91e9ee.0p-25f)); // Lg3
  R = B::add(B::mul(R, z), B::splat(0xccce13.0p-25f)); // Lg2
  R = B::add(B::mul(R, z), B::splat(0xaaaaaa.0p-24f)); // Lg1
  R = B::mul(R, z);
  F<B> hfsq = B::mul(B::mul(B::splat(0.5f), f), f);
  // k·ln2_hi - ((hfsq - (s·(hfsq + R) + (k·ln2_lo + c))) - f)
  F<B> lo = B::add(B::mul(kf, B::splat(kLn2Lo)), correction);
  F<B> inner = B::sub(B::sub(hfsq, B::add(B::mul(s, B::add(hfsq, R)), lo)), f);
  return B::sub(B::mul(kf, B::splat(kLn2Hi)), inner);
}

// Splits a positive normal x into 2^k·m with m in [sqrt(1/2), sqrt(2)); returns m - 1 and k.
template <class B> inline DoubleFloat<B> log_reduce(F<B> x) {
  // Adding 0x3f800000 - 0x3f3504f3 to the bits moves the binade boundary to sqrt(1/2).
  typename B::I ix = B::add_int(B::as_int(x), B::splat_int(0x3f800000 - 0x3f3504f3));
  typename B::I k = B::sub_int(B::template shr_arith<23>(ix), B::splat_int(127));
  F<B> m = B::as_float(B::add_int(B::and_int(ix, 0x007fffff), B::splat_int(0x3f3504f3)));
  return {B::sub(m, B::splat(1.0f)), B::int_to_float(k)};
}

// Natural log. log(0) = -Inf, log(x < 0) = NaN, log(+Inf) = +Inf, subnormals handled.
template <class B> inline F<B> log(F<B> x) {
  auto sub = B::lt(x, B::splat(0x1p-126f));
  F<B> xs = B::select(sub, B::mul(x, B::splat(0x1p25f)), x);
  DoubleFloat<B> fk = log_reduce<B>(xs);
  F<B> kf = B::sub(fk.lo, B::select(sub, B::splat(25.0f), B::splat(0.0f)));
  F<B> r = log1p_kernel<B>(fk.hi, kf, B::splat(0.0f));
  r = B::select(B::eq(x, B::splat(0.0f)), B::splat(-kInf), r);
  r = B::select(B::lt(x, B::splat(0.0f)), B::splat(std::numeric_limits<float>::quiet_NaN()), r);
  r = B::select(B::eq(x, B::splat(kInf)), x, r);
  return keep_nan<B>(x, r);
}

// log(1 + u) accurate for small u. log1p(-1) = -Inf, u < -1 gives NaN.
template <class B> inline F<B> log1p(F<B> u) {
  F<B> u1 = B::add(B::splat(1.0f), u);
  // c = (u - (u1 - 1)) / u1 is the rounding error of 1 + u, relative to u1 (fdlibm s_log1pf.c).
  F<B> c = B::div(B::sub(u, B::sub(u1, B::splat(1.0f))), u1);
  auto ok = B::mask_and(B::gt(u1, B::splat(0.0f)), B::lt(B::abs(u), B::splat(0x1p100f)));
  c = B::select(ok, c, B::splat(0.0f));
  F<B> us = B::max(B::splat(0x1p-126f), u1);  // keep the reduction on normal numbers
  DoubleFloat<B> fk = log_reduce<B>(us);
  F<B> r = log1p_kernel<B>(fk.hi, fk.lo, c);
  r = B::select(B::eq(u1, B::splat(0.0f)), B::splat(-kInf), r);
  r = B::select(B::lt(u1, B::splat(0.0f)), B::splat(std::numeric_limits<float>::quiet_NaN()), r);
  r = B::select(B::eq(u, B::splat(kInf)), u, r);
  return keep_nan<B>(u, r);
}

// log1p(u) for 0 <= u <= 1 only (softplus's log1p(e^-|x|)): log1p's operations and bits there,
// without its guards, which cannot fire in that range: 1 + u lies in [1, 2], so the correction
// needs no select, the reduction no floor, and no -Inf, NaN or +Inf result is possible. About a
// quarter of softplus's operations (issue 9's loss, issue 14's softplus row). A u outside [0, 1]
// (or NaN) gives a meaningless value.
template <class B> inline F<B> log1p_unit(F<B> u) {
  F<B> u1 = B::add(B::splat(1.0f), u);
  F<B> c = B::div(B::sub(u, B::sub(u1, B::splat(1.0f))), u1);
  DoubleFloat<B> fk = log_reduce<B>(u1);
  return log1p_kernel<B>(fk.hi, fk.lo, c);
}

}  // namespace actlab::vmath
