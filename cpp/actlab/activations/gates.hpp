// gates.hpp — the smooth self-gated activations x·g(x): GELU (exact and tanh form), Swish/SiLU, Mish.
//
// The negative tails are where naive formulas fail. GELU = x·Phi(x) with Phi(x) = erfc(-x/√2)/2:
// for x << 0, 1 + erf(x/√2) cancels completely, so we evaluate erfc directly, and we carry the
// exponent -x²/2 in double-float (two_prod) because its rounding error would otherwise be
// multiplied by x²/2 (≈ 80 at x = -13). The tanh form 0.5·x·(1 + tanh(u)) is rewritten as
// x·sigma(2u), which is the same function without the cancellation, with 2u = C1·x + C3·x³ also
// carried in double-float.
//
// erfc(z) for z >= 0 uses the rational minimax fits of FreeBSD's msun s_erff.c on three intervals,
// evaluated for every lane and selected (see normal_tail).
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "actlab/activations/kernel.hpp"
#include "actlab/activations/squashing.hpp"

namespace actlab::act {

inline constexpr float kInvSqrt2Pi = 0x1.988454p-2f;     // 1/sqrt(2π)
// 2·sqrt(2/π) and 2·sqrt(2/π)·0.044715 as (hi, lo) float pairs (the tanh-form GELU's 2u).
inline constexpr float kGeluC1Hi = 0x1.988454p+0f, kGeluC1Lo = -0x1.857936p-25f;
inline constexpr float kGeluC3Hi = 0x1.2444f2p-4f, kGeluC3Lo = 0x1.49b16ap-29f;

// Phi(-|x|) (the lower tail of the standard normal) and the density phi(x), both times 2^24:
// x·Phi(x) is a normal float down to x ≈ -13.2 although Phi(x) is subnormal from x ≈ -13.1, so
// the tail is kept scaled until it has been multiplied by x (kTailShift).
inline constexpr int kTailShift = 24;
inline constexpr float kTailUnscale = 0x1p-24f;

template <class B> struct NormalTail {
  F<B> q;    // Phi(-|x|)·2^24
  F<B> pdf;  // phi(x)·2^24
};

// Polynomial in t with coefficients c[0] + t·(c[1] + t·(...)), Horner's order.
template <class B, std::size_t N> inline F<B> horner(F<B> t, const float (&c)[N]) {
  F<B> p = splat<B>(c[N - 1]);
  for (std::size_t i = N - 1; i-- > 0;) p = B::add(B::mul(p, t), splat<B>(c[i]));
  return p;
}

// erfc coefficients: FreeBSD msun s_erff.c (2017 revision: minimax rational fits made for float,
// error bounds 2^-28 .. 2^-31 stated per interval there). Our code evaluates all three forms per
// lane and selects; the variable z = |x|/√2 is carried as zh + zl so its rounding is corrected.
inline constexpr float kErfPP[] = {1.28379166e-01f, -3.36030394e-01f, -1.86261395e-03f};          // [0, 0.84375)
inline constexpr float kErfQQ[] = {1.0f, 3.12324315e-01f, 2.16070414e-02f, -1.98859372e-03f};
inline constexpr float kErx = 8.42697144e-01f;                                                      // erf(1), 16 bits
inline constexpr float kErfPA[] = {3.65041046e-06f, 4.15109307e-01f, -2.09395722e-01f, 8.67677554e-02f};  // [0.84375, 1.25)
inline constexpr float kErfQA[] = {1.0f, 4.95560974e-01f, 3.71248513e-01f, 3.92478965e-02f};
inline constexpr float kErfRA[] = {-9.88156721e-03f, -5.43658376e-01f, -1.66828310e+00f, -6.91554189e-01f};  // [1.25, 2.857)
inline constexpr float kErfSA[] = {1.0f, 4.48581553e+00f, 4.10799170e+00f, 5.53855181e-01f};
inline constexpr float kErfRB[] = {-9.86496918e-03f, -5.48049808e-01f, -1.84115684e+00f, 0.0f};    // [2.857, ...)
inline constexpr float kErfSB[] = {1.0f, 4.87132740e+00f, 3.04982710e+00f, -7.61900663e-01f};
inline constexpr float kInvSqrt2Hi = 0x1.6a09e6p-1f, kInvSqrt2Lo = 0x1.9fcef4p-27f;  // 1/√2 = hi + lo
inline constexpr float kSqrt2 = 0x1.6a09e6p+0f;

// kNeedPdf = false (f only) evaluates one exp per lane: e^(-a²/2) where z < 1.25 (for the zl
// correction) or the z >= 1.25 form's exponential, selected before the exp. f' needs phi
// everywhere and pays for both. The three rational forms share one division (numerator and
// denominator are selected first) and 1/z is computed once.
template <class B, bool kNeedPdf = true> inline NormalTail<B> normal_tail(F<B> x) {
  using vmath::DoubleFloat;
  F<B> a = B::min(splat<B>(20.0f), B::abs(x));   // beyond 20 both results are 0 in float
  DoubleFloat<B> sq = vmath::two_prod<B>(a, a);   // a² exactly
  F<B> h = B::mul(splat<B>(-0.5f), sq.hi), hl = B::mul(splat<B>(-0.5f), sq.lo);  // -a²/2 = h + hl
  // z = a/√2 = zh + zl (zl: the rounding error of zh, ~1e-8 relative).
  DoubleFloat<B> zp = vmath::two_prod<B>(a, splat<B>(kInvSqrt2Hi));
  F<B> low = B::add(zp.lo, B::mul(a, splat<B>(kInvSqrt2Lo)));
  F<B> zh = B::add(zp.hi, low);
  F<B> zl = B::add(B::sub(zp.hi, zh), low);
  F<B> zz = B::mul(zh, zh);
  F<B> inv_z = B::div(one<B>(), zh);
  F<B> s1 = B::sub(zh, one<B>());
  F<B> s2 = B::mul(inv_z, inv_z);
  auto near = B::lt(zh, splat<B>(0.84375f)), mid = B::lt(zh, splat<B>(1.25f)), far = B::ge(zh, splat<B>(2.85715f));
  // One division for whichever rational form the lane uses:
  //   z < 0.84375:  y = PP(z²)/QQ(z²);  erfc = 1 - (z + z·y), or 1/2 - (z·y + (z - 1/2)) for z >= 1/4
  //   z < 1.25:     erfc = (1 - erx) - PA(s)/QA(s), s = z - 1
  //   z >= 1.25:    erfc = exp(-z² - 0.5625 + R(s)/S(s)) / z, s = 1/z² (RA/SA below 2.857, RB/SB above)
  F<B> num = B::select(far, horner<B>(s2, kErfRB), horner<B>(s2, kErfRA));
  F<B> den = B::select(far, horner<B>(s2, kErfSB), horner<B>(s2, kErfSA));
  num = B::select(near, horner<B>(zz, kErfPP), B::select(mid, horner<B>(s1, kErfPA), num));
  den = B::select(near, horner<B>(zz, kErfQQ), B::select(mid, horner<B>(s1, kErfQA), den));
  F<B> ratio = B::div(num, den);
  F<B> zy = B::mul(zh, ratio);
  F<B> e0 = B::select(B::lt(zh, splat<B>(0.25f)), B::sub(one<B>(), B::add(zh, zy)),
                      B::sub(splat<B>(0.5f), B::add(zy, B::sub(zh, splat<B>(0.5f)))));
  F<B> e1 = B::sub(splat<B>(1.0f - kErx), ratio);
  // The far form's exponent -a²/2 - 0.5625 + R/S, summed in double-float (two_sum).
  DoubleFloat<B> t1 = vmath::two_sum<B>(h, splat<B>(-0.5625f));
  DoubleFloat<B> t2 = vmath::two_sum<B>(t1.hi, ratio);
  F<B> far_lo = B::add(B::add(t1.lo, t2.lo), hl);
  F<B> E, tail;  // e^(-a²/2)·2^24 and the far form's exp·2^24
  if constexpr (kNeedPdf) {
    E = vmath::exp_df<B>(h, hl, kTailShift);
    tail = vmath::exp_df<B>(t2.hi, far_lo, kTailShift);
  } else {
    E = tail = vmath::exp_df<B>(B::select(mid, h, t2.hi), B::select(mid, hl, far_lo), kTailShift);
  }
  F<B> pdf = B::mul(E, splat<B>(kInvSqrt2Pi));
  F<B> e2 = B::mul(tail, inv_z);                    // ·2^24 (kTailShift)
  e2 = B::sub(e2, B::mul(e2, B::mul(zl, inv_z)));  // 1/z at zh + zl
  // q = erfc(z)/2; near 0 and in the middle the zh rounding is corrected by
  // d(erfc(z)/2)/dz = -√2·phi(x): q(z) = q(zh) - zl·√2·phi.
  F<B> corr = B::mul(B::mul(zl, splat<B>(kSqrt2)), pdf);
  F<B> q_mid = B::sub(B::mul(B::select(near, e0, e1), splat<B>(0.5f * 0x1p24f)), corr);
  F<B> q = B::select(mid, q_mid, B::mul(splat<B>(0.5f), e2));
  return {q, pdf};
}

inline double ref_phi_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
inline double ref_phi_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI); }

struct Gelu {
  static Activation describe() {
    return {.id = "gelu", .name = "GELU (exact)", .tex = "f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\frac{x}{\\sqrt2}\\right)",
            .dtex = "f'(x) = \\Phi(x) + x\\,\\varphi(x)", .param_count = 0, .params = {},
            .range = "[-0.170, \\infty)", .zero_centred = false, .monotonic = false, .smooth = true,
            .piecewise_linear = false, .saturates = "x ≪ 0 (slope → 0)", .max_slope = 1.1289f,
            .max_slope_at = "at x = √2 ≈ 1.414", .year = 2016, .origin = "Hendrycks & Gimpel (2016)",
            .used_in = "transformers: BERT, GPT-2/3, ViT", .derivative_note = "its minimum is −0.129, at x = −√2 ≈ −1.414 (f itself is lowest, −0.170, at x ≈ −0.752)"};
  }
  static double ref_f(double x, const double*) { return std::isinf(x) ? (x > 0 ? x : -0.0) : x * ref_phi_cdf(x); }
  static double ref_df(double x, const double*) {
    return std::isinf(x) ? (x > 0 ? 1.0 : 0.0) : ref_phi_cdf(x) + x * ref_phi_pdf(x);
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    NormalTail<B> n = normal_tail<B, false>(x);
    F<B> neg = B::mul(B::mul(x, n.q), splat<B>(kTailUnscale));                     // x·Phi(-|x|)
    F<B> pos = B::mul(x, B::sub(one<B>(), B::mul(n.q, splat<B>(kTailUnscale))));  // x·(1 - Phi(-x))
    F<B> y = B::select(B::lt(x, zero<B>()), neg, pos);
    return B::select(B::eq(x, splat<B>(-vmath::kInf)), splat<B>(-0.0f), y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    NormalTail<B> n = normal_tail<B>(x);
    F<B> xpdf = B::mul(x, n.pdf);
    F<B> neg = B::mul(B::add(n.q, xpdf), splat<B>(kTailUnscale));
    F<B> pos = B::add(B::sub(one<B>(), B::mul(n.q, splat<B>(kTailUnscale))), B::mul(xpdf, splat<B>(kTailUnscale)));
    F<B> d = B::select(B::lt(x, zero<B>()), neg, pos);
    d = B::select(B::eq(x, splat<B>(-vmath::kInf)), zero<B>(), d);
    return B::select(B::eq(x, splat<B>(vmath::kInf)), one<B>(), d);
  }
};

// The tanh-form GELU: E = exp(-|2u|) with 2u = C1·x + C3·x³ in double-float; sigma(2u) from E.
template <class B> struct GeluTanhParts {
  F<B> s, s_c, slope_2u;  // sigma(2u), 1 - sigma(2u), d(2u)/dx
  F<B> tail;              // x < 0: sigma(2u)·2^24 (kept scaled, see kTailShift); x >= 0: sigma(2u)
};

template <class B> inline GeluTanhParts<B> gelu_tanh_parts(F<B> x) {
  using vmath::DoubleFloat;
  F<B> a = B::min(splat<B>(30.0f), B::abs(x));
  DoubleFloat<B> sq = vmath::two_prod<B>(a, a);
  DoubleFloat<B> cube = vmath::two_prod<B>(sq.hi, a);
  cube.lo = B::add(cube.lo, B::mul(sq.lo, a));
  DoubleFloat<B> t1 = vmath::two_prod<B>(splat<B>(kGeluC1Hi), a);
  t1.lo = B::add(t1.lo, B::mul(splat<B>(kGeluC1Lo), a));
  DoubleFloat<B> t3 = vmath::two_prod<B>(splat<B>(kGeluC3Hi), cube.hi);
  t3.lo = B::add(t3.lo, B::add(B::mul(splat<B>(kGeluC3Hi), cube.lo), B::mul(splat<B>(kGeluC3Lo), cube.hi)));
  DoubleFloat<B> s = vmath::two_sum<B>(t1.hi, t3.hi);
  F<B> lo = B::add(s.lo, B::add(t1.lo, t3.lo));
  F<B> Es = vmath::exp_df<B>(B::sub(zero<B>(), s.hi), B::sub(zero<B>(), lo), kTailShift);  // exp(-|2u|)·2^24
  F<B> E = B::mul(Es, splat<B>(kTailUnscale));
  F<B> d = B::add(one<B>(), E);
  auto neg = B::lt(x, zero<B>());
  F<B> slope = B::add(splat<B>(kGeluC1Hi), B::mul(splat<B>(3.0f * kGeluC3Hi), sq.hi));
  F<B> sig = B::div(B::select(neg, E, one<B>()), d);
  return {sig, B::div(B::select(neg, one<B>(), E), d), slope, B::select(neg, B::div(Es, d), sig)};
}

struct GeluTanh {
  static double ref_2u(double x) { return 2 * std::sqrt(2 / M_PI) * (x + 0.044715 * x * x * x); }
  static Activation describe() {
    return {.id = "gelu_tanh", .name = "GELU (tanh approximation)",
            .tex = "f(x) = \\frac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\right)\\right)",
            .dtex = "f'(x) = \\sigma(2u) + x\\,\\sigma(2u)\\,\\sigma(-2u)\\,\\tfrac{d(2u)}{dx},\\; u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)",
            .param_count = 0, .params = {}, .range = "[-0.170, \\infty)", .zero_centred = false, .monotonic = false,
            .smooth = true, .piecewise_linear = false, .saturates = "x ≪ 0 (slope → 0)", .max_slope = 1.1290f,
            .max_slope_at = "at x ≈ 1.419", .year = 2016, .origin = "Hendrycks & Gimpel (2016), the fast approximation",
            .used_in = "GPT-2, BERT reference code (approximate=\"tanh\" in PyTorch)",
            .derivative_note = "it differs from exact GELU’s by less than 5 × 10⁻⁴"};
  }
  static double ref_f(double x, const double*) { return std::isinf(x) ? (x > 0 ? x : -0.0) : x * ref_sigmoid(ref_2u(x)); }
  static double ref_df(double x, const double*) {
    if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
    double u2 = ref_2u(x), s = ref_sigmoid(u2), sc = ref_sigmoid(-u2);
    return s + x * s * sc * 2 * std::sqrt(2 / M_PI) * (1 + 3 * 0.044715 * x * x);
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    GeluTanhParts<B> g = gelu_tanh_parts<B>(x);
    F<B> y = B::select(B::lt(x, zero<B>()), B::mul(B::mul(x, g.tail), splat<B>(kTailUnscale)), B::mul(x, g.s));
    return B::select(B::eq(x, splat<B>(-vmath::kInf)), splat<B>(-0.0f), y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    GeluTanhParts<B> g = gelu_tanh_parts<B>(x);
    // sigma + x·sigma·(1 - sigma)·d(2u)/dx, with sigma scaled by 2^24 on the negative side.
    F<B> d = B::add(g.tail, B::mul(B::mul(B::mul(x, g.tail), g.s_c), g.slope_2u));
    d = B::select(B::lt(x, zero<B>()), B::mul(d, splat<B>(kTailUnscale)), d);
    d = B::select(B::eq(x, splat<B>(-vmath::kInf)), zero<B>(), d);
    return B::select(B::eq(x, splat<B>(vmath::kInf)), one<B>(), d);
  }
};

struct Swish {
  static Activation describe() {
    return {.id = "swish", .name = "Swish / SiLU", .tex = "f(x) = x\\,\\sigma(\\beta x)",
            .dtex = "f'(x) = \\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)(1 - \\sigma(\\beta x))", .param_count = 1,
            .params = {{"beta", "\\beta", 1.0f, 0.1f, 10.0f, "gate sharpness; β = 1 is SiLU, large β approaches ReLU"}},
            .range = "[-0.278/\\beta, \\infty)", .zero_centred = false, .monotonic = false, .smooth = true,
            .piecewise_linear = false, .saturates = "x ≪ 0 (slope → 0)", .max_slope = 1.0998f,
            .max_slope_at = "at x ≈ 2.40/β", .year = 2017,
            .origin = "Ramachandran, Zoph & Le (2017), found by automated search; SiLU: Elfwing et al. (2017)",
            .used_in = "EfficientNet; SwiGLU feed-forward layers of LLaMA-style LLMs",
            .derivative_note = "its minimum is −0.0998, at x ≈ −2.40/β (f itself is lowest, −0.278/β, at x ≈ −1.278/β)"};
  }
  static double ref_f(double x, const double* p) { return std::isinf(x) ? (x > 0 ? x : -0.0) : x * ref_sigmoid(p[0] * x); }
  static double ref_df(double x, const double* p) {
    if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
    double z = p[0] * x, s = ref_sigmoid(z);
    return s + z * s * ref_sigmoid(-z);
  }
  // From e_s = exp(-|z|)·2^24 and d = 1 + e (logistic()'s scale, vmath::exp_neg_scaled):
  //   sigma_s = {1 or e_s} / d   (z >= 0: sigma itself; z < 0: sigma·2^24, kept scaled until it
  //                               has been multiplied by x, so x·sigma is right where sigma is
  //                               subnormal but x·sigma is not, see kTailShift)
  //   sigma·(1 - sigma) = e / d², which is the same expression for either sign of z.
  template <class B> struct Gate {
    F<B> sigma_s, e_s, d;
    typename B::M pos;  // z >= 0
  };
  template <class B> static Gate<B> gate(F<B> z) {
    // Below -104 exp_neg_scaled holds its clamp value (2^-126·0.97); x·sigma must still go to 0
    // for any x there (x·e^x < 1e-43), so e_s is set to 0.
    F<B> nz = neg_abs<B>(z);
    F<B> e_s = B::select(B::lt(nz, splat<B>(-104.0f)), zero<B>(), vmath::exp_neg_scaled<B>(nz));
    F<B> d = B::add(one<B>(), B::mul(e_s, splat<B>(kTailUnscale)));
    auto pos = B::ge(z, zero<B>());
    return {B::div(B::select(pos, one<B>(), e_s), d), e_s, d, pos};
  }
  template <class B> static F<B> f(F<B> x, const Params<B>& p) {
    F<B> z = B::mul(p.p0, x);
    Gate<B> g = gate<B>(z);
    // x floored at -FLT_MAX: at x = -Inf sigma_s is +0, so the product is -0 (the value an
    // x == -Inf select wrote before; -Inf·0 would be NaN); max keeps a NaN x (its second operand).
    F<B> y = B::mul(B::max(splat<B>(-std::numeric_limits<float>::max()), x), g.sigma_s);
    // Unscale with one multiply by 1 (z >= 0) or 2^-24 (z < 0: sigma_s is sigma·2^24): the
    // factor is max(select_or_zero(pos, 1), 2^-24), two single instructions on every target,
    // where a select of two products cost V8 a three-instruction bit-select (same bits: y·1 = y).
    F<B> unscale = B::max(B::select_or_zero(g.pos, one<B>()), splat<B>(kTailUnscale));
    return B::mul(y, unscale);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>& p) {
    // sigma + z·sigma·(1 - sigma), summed in the 2^24 scale: sigma·2^24 + z·e_s/d².
    F<B> z = B::mul(p.p0, x);
    Gate<B> g = gate<B>(z);
    F<B> s_s = B::select(g.pos, B::mul(g.sigma_s, splat<B>(0x1p24f)), g.sigma_s);
    F<B> d = B::mul(B::add(s_s, B::div(B::mul(z, g.e_s), B::mul(g.d, g.d))), splat<B>(kTailUnscale));
    d = B::select(B::eq(x, splat<B>(-vmath::kInf)), zero<B>(), d);
    return B::select(B::eq(x, splat<B>(vmath::kInf)), one<B>(), d);
  }
};

// Mish = x·tanh(softplus(x)). With e = e^x and n = e(e + 2): tanh(ln(1 + e)) = n / (n + 2),
// and sech²(softplus x) = 1 - t² = 4(n + 1)/(n + 2)², exact rewrites without log or cancellation.
// t_s, e_s are t and e scaled by 2^24 (kTailShift) so x·t keeps full precision for x << 0.
template <class B> struct MishParts {
  F<B> t_s, xc, n, e_s;
};

// t = n/(n + 2) is evaluated in double-float (e + 2, e·(e + 2) and n + 2 carried exactly with
// two_sum/two_prod, then one corrected division): in plain float those three roundings plus the
// division cost Mish up to 4.5 ulp; this leaves the exp and the final products.
template <class B> inline MishParts<B> mish_parts(F<B> x) {
  using vmath::DoubleFloat;
  F<B> xc = B::min(splat<B>(20.0f), x);  // tanh(softplus(x)) = 1 in float for x >= 20
  F<B> e_s = vmath::exp_scaled<B>(xc, kTailShift);
  const F<B> unscale = splat<B>(kTailUnscale);
  F<B> e = B::mul(e_s, unscale);
  DoubleFloat<B> q = vmath::two_sum<B>(e, splat<B>(2.0f));                 // e + 2
  DoubleFloat<B> n_s = vmath::two_prod<B>(e_s, q.hi);                      // n·2^24 = e_s·(e + 2)
  n_s.lo = B::add(n_s.lo, B::mul(e_s, q.lo));
  F<B> n = B::mul(n_s.hi, unscale);
  DoubleFloat<B> d = vmath::two_sum<B>(n, splat<B>(2.0f));                 // n + 2
  d.lo = B::add(d.lo, B::mul(n_s.lo, unscale));
  F<B> t0 = B::div(n_s.hi, d.hi);                                          // first quotient
  DoubleFloat<B> back = vmath::two_prod<B>(t0, d.hi);
  F<B> rem = B::sub(B::sub(B::sub(n_s.hi, back.hi), back.lo), B::mul(t0, d.lo));
  F<B> t_s = B::add(t0, B::div(B::add(rem, n_s.lo), d.hi));
  return {t_s, xc, n, e_s};
}

struct Mish {
  static Activation describe() {
    return {.id = "mish", .name = "Mish", .tex = "f(x) = x\\,\\tanh(\\ln(1 + e^{x}))",
            .dtex = "f'(x) = \\tanh(\\operatorname{sp}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{sp}(x))\\,\\sigma(x)",
            .param_count = 0, .params = {}, .range = "[-0.309, \\infty)", .zero_centred = false, .monotonic = false,
            .smooth = true, .piecewise_linear = false, .saturates = "x ≪ 0 (slope → 0)", .max_slope = 1.0885f,
            .max_slope_at = "at x ≈ 1.49", .year = 2019, .origin = "Misra (2019)",
            .used_in = "YOLOv4 and some vision models", .derivative_note = "its minimum is −0.113, at x ≈ −2.26 (f itself is lowest, −0.309, at x ≈ −1.192)"};
  }
  static double sp(double x) { return (x > 0 ? x : 0.0) + std::log1p(std::exp(-std::fabs(x))); }
  static double ref_f(double x, const double*) { return std::isinf(x) ? (x > 0 ? x : -0.0) : x * std::tanh(sp(x)); }
  static double ref_df(double x, const double*) {
    if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
    double t = std::tanh(sp(x));
    return t + x * (1 - t * t) * ref_sigmoid(x);
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> y = B::mul(B::mul(B::min(splat<B>(20.0f), x), mish_parts<B>(x).t_s), splat<B>(kTailUnscale));
    y = B::select(B::ge(x, splat<B>(20.0f)), x, y);
    return B::select(B::eq(x, splat<B>(-vmath::kInf)), splat<B>(-0.0f), y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    MishParts<B> m = mish_parts<B>(x);
    F<B> n2 = B::add(m.n, splat<B>(2.0f));
    F<B> sech2 = B::div(B::mul(splat<B>(4.0f), B::add(m.n, one<B>())), B::mul(n2, n2));
    F<B> sig_s = B::div(m.e_s, B::add(one<B>(), B::mul(m.e_s, splat<B>(kTailUnscale))));
    F<B> d = B::mul(B::add(m.t_s, B::mul(B::mul(m.xc, sech2), sig_s)), splat<B>(kTailUnscale));
    return B::select(B::eq(x, splat<B>(-vmath::kInf)), zero<B>(), d);
  }
};

}  // namespace actlab::act
