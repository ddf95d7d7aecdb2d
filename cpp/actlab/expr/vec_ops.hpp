// vec_ops.hpp — every operation of the expression language on the SIMD vocabulary.
//
// op<B>(node, a, b, c) computes one node on a vector of lanes; the tape (tape.cpp), the graph
// evaluator (eval.cpp) and constant folding (graph.cpp) all call it, so folding, tree evaluation
// and the compiled tape give the same bits, on every back end and both targets.
// The transcendental functions are the registry's kernels (sigmoid, tanh, softplus, the normal
// tail of GELU) and vmath's exp/log family, never libm. New here: sin/cos (Cody–Waite reduction
// by pi/2 with Cephes' three-part constant, Taylor polynomials on [-pi/4, pi/4]: truncation
// < 2e-9), erf near 0 (FreeBSD s_erff.c's rational form, the registry's coefficients), and
// NaN-aware truth values: a comparison is 1 or 0, or NaN when an operand is NaN, and where()
// with a NaN condition is NaN, so a NaN input never turns silently into a number.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "actlab/activations/exponential.hpp"
#include "actlab/activations/gates.hpp"
#include "actlab/activations/kernel.hpp"
#include "actlab/activations/piecewise.hpp"
#include "actlab/activations/squashing.hpp"
#include "actlab/expr/graph.hpp"
#include "actlab/vmath.hpp"

namespace actlab::expr::vec {

template <class B> using F = typename B::F;

inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

template <class B> inline F<B> nan_if(typename B::M m, F<B> v) { return B::select(m, B::splat(kNaN), v); }

template <class B> inline F<B> truth(typename B::M m, F<B> a, F<B> b) {
  F<B> r = B::select(m, B::splat(1.0f), B::splat(0.0f));
  return nan_if<B>(B::mask_or(B::is_nan(a), B::is_nan(b)), r);
}

// sin (cos_phase = 0) or cos (cos_phase = 1) of x. Accurate to a few ulp for |x| <= 8192 (the
// reduction's n·C1 is exact there); NaN beyond |x| = 2^22, where the float spacing is 1/2 and
// sin x has no meaningful value, and NaN for +-Inf and NaN.
template <class B> inline F<B> sincos(F<B> x, int cos_phase) {
  const F<B> magic = B::splat(vmath::kRoundMagic);
  F<B> t = B::add(B::mul(x, B::splat(0x1.45f306p-1f)), magic);  // x·2/pi rounded to an integer n
  F<B> n = B::sub(t, magic);
  F<B> r = B::sub(x, B::mul(n, B::splat(1.5703125f)));
  r = B::sub(r, B::mul(n, B::splat(4.837512969970703125e-4f)));
  r = B::sub(r, B::mul(n, B::splat(7.54978995489188216e-8f)));
  typename B::I q = B::add_int(B::sub_int(B::as_int(t), B::as_int(magic)), B::splat_int(cos_phase));
  F<B> r2 = B::mul(r, r);
  // sin r = r + r³·(-1/6 + r²·(1/120 + r²·(-1/5040 + r²·(1/362880 - r²/39916800))))
  F<B> s = B::splat(-2.5052108e-08f);
  s = B::add(B::mul(s, r2), B::splat(2.7557319e-06f));
  s = B::add(B::mul(s, r2), B::splat(-1.9841270e-04f));
  s = B::add(B::mul(s, r2), B::splat(8.3333333e-03f));
  s = B::add(B::mul(s, r2), B::splat(-1.6666667e-01f));
  F<B> sin_r = B::add(r, B::mul(B::mul(r, r2), s));
  // cos r = 1 - r²/2 + r⁴·(1/24 + r²·(-1/720 + r²·(1/40320 - r²/3628800)))
  F<B> k = B::splat(-2.7557319e-07f);
  k = B::add(B::mul(k, r2), B::splat(2.4801587e-05f));
  k = B::add(B::mul(k, r2), B::splat(-1.3888889e-03f));
  k = B::add(B::mul(k, r2), B::splat(4.1666668e-02f));
  F<B> cos_r = B::add(B::sub(B::splat(1.0f), B::mul(B::splat(0.5f), r2)), B::mul(B::mul(r2, r2), k));
  // Quadrant q: sin: +sin, +cos, -sin, -cos; cos is sin shifted by one quadrant.
  F<B> odd = B::int_to_float(B::and_int(q, 1));
  F<B> v = B::select(B::eq(odd, B::splat(1.0f)), cos_r, sin_r);
  F<B> sign = B::as_float(B::template shl<30>(B::and_int(q, 2)));
  v = B::bit_xor(v, sign);
  return nan_if<B>(B::mask_not(B::lt(B::abs(x), B::splat(0x1p22f))), v);
}

// erf for |u| < 0.84375: u + u·PP(u²)/QQ(u²) (FreeBSD s_erff.c, the coefficients in gates.hpp).
template <class B> inline F<B> erf_small(F<B> u) {
  F<B> z = B::mul(u, u);
  F<B> y = B::div(act::horner<B>(z, act::kErfPP), act::horner<B>(z, act::kErfQQ));
  return B::add(u, B::mul(u, y));
}

// Phi(u) = P(N(0,1) <= u) from the registry's normal tail (kept at 2^24 scale until unscaled).
template <class B> inline F<B> phi_cdf(F<B> u) {
  act::NormalTail<B> t = act::normal_tail<B, false>(u);
  F<B> q = B::mul(t.q, B::splat(act::kTailUnscale));  // Phi(-|u|)
  F<B> r = B::select(B::lt(u, B::splat(0.0f)), q, B::sub(B::splat(1.0f), q));
  return vmath::keep_nan<B>(u, r);
}

// erfc(u) = 2·Phi(-u·sqrt 2); erf(u) = 1 - erfc(u), or the small-argument form near 0.
template <class B> inline F<B> erfc(F<B> u) {
  return B::mul(B::splat(2.0f), phi_cdf<B>(B::mul(B::splat(-act::kSqrt2), u)));
}

template <class B> inline F<B> erf(F<B> u) {
  F<B> big = B::bit_xor(B::sub(B::splat(1.0f), erfc<B>(B::abs(u))), B::sign_bit(u));
  return B::select(B::lt(B::abs(u), B::splat(0.84375f)), erf_small<B>(u), big);
}

// scale·e^(-k·u²) with u² carried exactly (two_prod) so the exponent's rounding does not grow
// with u² (as in the registry's normal tail): phi(u) = e^(-u²/2)/sqrt(2 pi), erf'(u) = 2/sqrt(pi)·e^(-u²).
template <class B> inline F<B> gauss(F<B> u, float half_or_one, float scale) {
  vmath::DoubleFloat<B> sq = vmath::two_prod<B>(u, u);
  F<B> h = B::mul(B::splat(-half_or_one), sq.hi), hl = B::mul(B::splat(-half_or_one), sq.lo);
  F<B> e = vmath::exp_df<B>(B::max(B::splat(-110.0f), h), hl);
  // Beyond |u| = 20 the result is 0 in float; the select also keeps two_prod's inf - inf (NaN)
  // at u = ±inf out of the result.
  F<B> r = B::select(B::gt(B::abs(u), B::splat(20.0f)), B::splat(0.0f), B::mul(e, B::splat(scale)));
  return vmath::keep_nan<B>(u, r);
}

template <class B> inline F<B> normal_pdf(F<B> u) { return gauss<B>(u, 0.5f, act::kInvSqrt2Pi); }
template <class B> inline F<B> erf_prime(F<B> u) { return gauss<B>(u, 1.0f, 1.1283791671f); }

// sqrt is IEEE-exact (correctly rounded) on every target, lane by lane.
template <class B> inline F<B> sqrt(F<B> a) {
  alignas(16) float l[B::width];
  B::store(l, a);
  for (int i = 0; i < B::width; ++i) l[i] = std::sqrt(l[i]);
  return B::load(l);
}

// a^n for an integer n by binary powering (the same product tree on every target).
template <class B> inline F<B> pow_int(F<B> a, int n) {
  unsigned m = n < 0 ? unsigned(-n) : unsigned(n);
  F<B> result = B::splat(1.0f), base = a;
  bool first = true;
  while (m) {
    if (m & 1u) {
      result = first ? base : B::mul(result, base);
      first = false;
    }
    m >>= 1;
    if (m) base = B::mul(base, base);
  }
  return n < 0 ? B::div(B::splat(1.0f), result) : result;
}

// min/max that propagate a NaN in either operand (the vocabulary's return the second one).
template <class B> inline F<B> min_nan(F<B> a, F<B> b) {
  return nan_if<B>(B::mask_or(B::is_nan(a), B::is_nan(b)), B::min(a, b));
}
template <class B> inline F<B> max_nan(F<B> a, F<B> b) {
  return nan_if<B>(B::mask_or(B::is_nan(a), B::is_nan(b)), B::max(a, b));
}

// Every operation the tape computes (Const, Input and Param are supplied, not computed).
#define ACTLAB_EXPR_COMPUTED_OPS(X)                                                                  \
  X(Neg) X(Add) X(Sub) X(Mul) X(Div) X(Pow) X(PowInt) X(Lt) X(Le) X(Gt) X(Ge) X(Eq) X(Ne) X(Where) \
  X(Min) X(Max) X(Exp) X(Log) X(Log1p) X(Expm1) X(Sqrt) X(Abs) X(Sign) X(Sin) X(Cos) X(Tanh)        \
  X(Sigmoid) X(Softplus) X(Erf) X(Erfc) X(Phi) X(Relu) X(Step) X(TanhPrime) X(SigmoidPrime) X(NormalPdf) X(ErfPrime)

// One operation on one vector, chosen at compile time (the tape's inner loops). k is PowInt's exponent.
template <class B, Op O> inline F<B> apply(F<B> a, F<B> b, F<B> c, float k) {
  const act::Params<B> none{B::splat(0.0f), B::splat(0.0f)};
  const F<B> zero = B::splat(0.0f), one = B::splat(1.0f);
  if constexpr (O == Op::Neg) return B::bit_xor(a, B::splat(-0.0f));
  else if constexpr (O == Op::Add) return B::add(a, b);
  else if constexpr (O == Op::Sub) return B::sub(a, b);
  else if constexpr (O == Op::Mul) return B::mul(a, b);
  else if constexpr (O == Op::Div) return B::div(a, b);
  else if constexpr (O == Op::PowInt) return pow_int<B>(a, int(k));
  else if constexpr (O == Op::Pow) {
    // a^b = exp(b·ln a) for a > 0; 0^b = 0 for b > 0 (and +Inf for b < 0); NaN for a < 0.
    return vmath::keep_nan<B>(b, vmath::exp<B>(B::mul(b, vmath::log<B>(a))));
  }
  else if constexpr (O == Op::Lt) return truth<B>(B::lt(a, b), a, b);
  else if constexpr (O == Op::Le) return truth<B>(B::le(a, b), a, b);
  else if constexpr (O == Op::Gt) return truth<B>(B::gt(a, b), a, b);
  else if constexpr (O == Op::Ge) return truth<B>(B::ge(a, b), a, b);
  else if constexpr (O == Op::Eq) return truth<B>(B::eq(a, b), a, b);
  else if constexpr (O == Op::Ne) return truth<B>(B::mask_not(B::eq(a, b)), a, b);
  else if constexpr (O == Op::Where) return nan_if<B>(B::is_nan(a), B::select(B::eq(a, zero), c, b));
  else if constexpr (O == Op::Min) return min_nan<B>(a, b);
  else if constexpr (O == Op::Max) return max_nan<B>(a, b);
  else if constexpr (O == Op::Exp) return vmath::exp<B>(a);
  else if constexpr (O == Op::Log) return vmath::log<B>(a);
  else if constexpr (O == Op::Log1p) return vmath::log1p<B>(a);
  else if constexpr (O == Op::Expm1) return vmath::expm1<B>(a);
  else if constexpr (O == Op::Sqrt) return sqrt<B>(a);
  else if constexpr (O == Op::Abs) return B::abs(a);
  else if constexpr (O == Op::Sign) {
    F<B> s = B::select(B::gt(a, zero), one, B::select(B::lt(a, zero), B::splat(-1.0f), zero));
    return vmath::keep_nan<B>(a, s);
  }
  else if constexpr (O == Op::Sin) return sincos<B>(a, 0);
  else if constexpr (O == Op::Cos) return sincos<B>(a, 1);
  else if constexpr (O == Op::Tanh) return act::Tanh::f<B>(a, none);
  else if constexpr (O == Op::Sigmoid) return act::Sigmoid::f<B>(a, none);
  else if constexpr (O == Op::Softplus) return act::Softplus::f<B>(a, none);
  else if constexpr (O == Op::Erf) return erf<B>(a);
  else if constexpr (O == Op::Erfc) return erfc<B>(a);
  else if constexpr (O == Op::Phi) return phi_cdf<B>(a);
  else if constexpr (O == Op::Relu) return act::Relu::f<B>(a, none);
  else if constexpr (O == Op::Step) return act::Step::f<B>(a, none);
  else if constexpr (O == Op::TanhPrime) return act::Tanh::df<B>(a, none);
  else if constexpr (O == Op::SigmoidPrime) return act::Sigmoid::df<B>(a, none);
  else if constexpr (O == Op::NormalPdf) return normal_pdf<B>(a);
  else if constexpr (O == Op::ErfPrime) return erf_prime<B>(a);
  else return B::splat(kNaN);
}

// One node on one vector, dispatched at run time (folding and point evaluation).
template <class B> inline F<B> op(const Node& n, F<B> a, F<B> b, F<B> c) {
  switch (n.op) {
#define ACTLAB_EXPR_CASE(name) \
  case Op::name: return apply<B, Op::name>(a, b, c, n.value);
    ACTLAB_EXPR_COMPUTED_OPS(ACTLAB_EXPR_CASE)
#undef ACTLAB_EXPR_CASE
    default: return B::splat(kNaN);
  }
}

}  // namespace actlab::expr::vec
