// exponential.hpp — activations with an exponential negative side or a soft ramp:
// ELU(alpha), SELU, softplus.
//
// ELU's negative side is alpha·expm1(x), not alpha·(exp(x) - 1): near 0 the subtraction would
// lose every significant bit. Its derivative alpha·e^x comes from the same range reduction.
#pragma once

#include <cmath>

#include "actlab/activations/kernel.hpp"
#include "actlab/activations/squashing.hpp"

namespace actlab::act {

// e^min(x, 0)·2^24 (vmath::exp_neg_scaled): the derivatives' e^x on the negative side, where the
// select keeps it (positive lanes are replaced by the constant slope). NaN stays NaN.
template <class B> inline F<B> exp_nonpositive_s(F<B> x) { return vmath::exp_neg_scaled<B>(B::min(zero<B>(), x)); }

struct Elu {
  static Activation describe() {
    return {.id = "elu", .name = "ELU",
            .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
            .dtex = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}", .param_count = 1,
            .params = {{"alpha", "\\alpha", 1.0f, 0.0f, 10.0f, "the negative side tends to −α"}},
            .range = "(-\\alpha, \\infty)", .zero_centred = false, .monotonic = true, .smooth = false,
            .piecewise_linear = false, .saturates = "x ≪ 0 (f → −α)", .max_slope = 1.0f,
            .max_slope_at = "for x > 0 (and at x = 0 when α = 1)", .year = 2015,
            .origin = "Clevert, Unterthiner & Hochreiter (2015)",
            .used_in = "deep MLPs/CNNs wanting mean activations near 0; a fix for dying ReLUs",
            .derivative_note = "continuous only when α = 1"};
  }
  static double ref_f(double x, const double* p) { return x > 0 ? x : p[0] * std::expm1(x); }
  static double ref_df(double x, const double* p) { return std::isnan(x) ? x : (x > 0 ? 1.0 : p[0] * std::exp(x)); }
  template <class B> static F<B> f(F<B> x, const Params<B>& p) {
    return B::select(B::gt(x, zero<B>()), x, B::mul(p.p0, vmath::expm1_nonpositive<B>(x)));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>& p) {
    return B::select(B::gt(x, zero<B>()), one<B>(), B::mul(B::mul(p.p0, exp_nonpositive_s<B>(x)), splat<B>(vmath::kExpNegUnscale)));
  }
};

// SELU's constants (Klambauer et al. 2017, eq. 14), rounded to float; the reference uses these
// same float values, so the spec is "SELU with float lambda and alpha".
inline constexpr float kSeluLambda = 1.0507009873554805f;
inline constexpr float kSeluAlpha = 1.6732632423543772f;

struct Selu {
  static Activation describe() {
    return {.id = "selu", .name = "SELU",
            .tex = "f(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
            .dtex = "f'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}",
            .param_count = 0, .params = {}, .range = "(-\\lambda\\alpha, \\infty) \\approx (-1.758, \\infty)",
            .zero_centred = false, .monotonic = true, .smooth = false, .piecewise_linear = false,
            .saturates = "x ≪ 0 (f → −λα ≈ −1.758)", .max_slope = kSeluLambda * kSeluAlpha,
            .max_slope_at = "as x → 0 from below (λα ≈ 1.758)", .year = 2017,
            .origin = "Klambauer et al. (2017), Self-Normalizing Neural Networks (λ ≈ 1.0507, α ≈ 1.6733)",
            .used_in = "self-normalising deep MLPs (with LeCun-normal initialisation)",
            .derivative_note = "jumps at 0 from λα to λ"};
  }
  static double ref_f(double x, const double*) {
    return double(kSeluLambda) * (x > 0 ? x : double(kSeluAlpha) * std::expm1(x));
  }
  static double ref_df(double x, const double*) {
    return std::isnan(x) ? x : double(kSeluLambda) * (x > 0 ? 1.0 : double(kSeluAlpha) * std::exp(x));
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> neg = B::mul(splat<B>(kSeluAlpha), vmath::expm1_nonpositive<B>(x));
    return B::mul(splat<B>(kSeluLambda), B::select(B::gt(x, zero<B>()), x, neg));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> neg = B::mul(B::mul(splat<B>(kSeluAlpha), exp_nonpositive_s<B>(x)), splat<B>(vmath::kExpNegUnscale));
    return B::mul(splat<B>(kSeluLambda), B::select(B::gt(x, zero<B>()), one<B>(), neg));
  }
};

struct Softplus {
  static Activation describe() {
    return {.id = "softplus", .name = "Softplus", .tex = "f(x) = \\ln(1 + e^{x})",
            .dtex = "f'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}", .param_count = 0, .params = {},
            .range = "(0, \\infty)", .zero_centred = false, .monotonic = true, .smooth = true,
            .piecewise_linear = false, .saturates = "x ≪ 0 (slope → 0)", .max_slope = 1.0f, .max_slope_at = "as x → +∞",
            .year = 2001, .origin = "Dugas et al. (2001); a smooth ReLU",
            .used_in = "outputs that must be positive (variances, rates); inside Mish", .derivative_note = ""};
  }
  static double ref_f(double x, const double*) { return (x > 0 ? x : 0.0) + std::log1p(std::exp(-std::fabs(x))); }
  static double ref_df(double x, const double*) { return ref_sigmoid(x); }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    // max(x, 0) + log1p(exp(-|x|)): no overflow for large x, no cancellation for small.
    // e is in [0, 1] for every x (exp's clamp sends a NaN or -Inf argument to -104), so
    // log1p_unit's bits are log1p's; a NaN x gives NaN through max(x, 0), as before.
    F<B> e = vmath::exp<B>(B::sub(zero<B>(), B::abs(x)));
    return B::add(B::max(zero<B>(), x), vmath::log1p_unit<B>(e));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) { return logistic<B>(x).s; }
};

}  // namespace actlab::act
