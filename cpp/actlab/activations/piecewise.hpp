// piecewise.hpp — the piecewise-linear activations (and hard-swish, piecewise quadratic):
// identity, step, ReLU, ReLU6, Leaky ReLU, PReLU, hard-sigmoid, hard-swish.
//
// These involve no approximation: identity, step, ReLU, ReLU6, Leaky ReLU and PReLU are exact
// (one rounding at most, the same as the double reference rounded to float). Conventions at the
// kinks follow PyTorch: f'(0) = 0 for ReLU, the derivative at the jump of step is reported as 0.
// A NaN input gives a NaN output for f and f' (keep_nan), never a silent 0.
#pragma once

#include <cmath>

#include "actlab/activations/kernel.hpp"

namespace actlab::act {

struct Identity {
  static Activation describe() {
    return {.id = "identity", .name = "Identity (linear)", .tex = "f(x) = x", .dtex = "f'(x) = 1",
            .param_count = 0, .params = {}, .range = "(-\\infty, \\infty)", .zero_centred = true,
            .monotonic = true, .smooth = true, .piecewise_linear = true, .saturates = "never",
            .max_slope = 1.0f, .max_slope_at = "everywhere", .year = 0, .origin = "linear models",
            .used_in = "regression output layers; a stack of identity layers collapses to one matrix",
            .derivative_note = ""};
  }
  static double ref_f(double x, const double*) { return x; }
  static double ref_df(double x, const double*) { return std::isnan(x) ? x : 1.0; }
  template <class B> static F<B> f(F<B> x, const Params<B>&) { return x; }
  template <class B> static F<B> df(F<B> x, const Params<B>&) { return vmath::keep_nan<B>(x, one<B>()); }
};

struct Step {
  static Activation describe() {
    return {.id = "step", .name = "Step (Heaviside)",
            .tex = "f(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & x < 0 \\end{cases}", .dtex = "f'(x) = 0 \\;(x \\ne 0)",
            .param_count = 0, .params = {}, .range = "\\{0, 1\\}", .zero_centred = false, .monotonic = true,
            .smooth = false, .piecewise_linear = true, .saturates = "everywhere (slope 0)", .max_slope = 0.0f,
            .max_slope_at = "everywhere (undefined at the jump x = 0)", .year = 1958,
            .origin = "Rosenblatt's perceptron (after McCulloch & Pitts, 1943)",
            .used_in = "history; gradient descent gets no signal through it",
            .derivative_note = "0 everywhere except at the jump x = 0, where it is undefined; the engine reports 0", .bounded = true};
  }
  static double ref_f(double x, const double*) { return std::isnan(x) ? x : (x >= 0 ? 1.0 : 0.0); }
  static double ref_df(double x, const double*) { return std::isnan(x) ? x : 0.0; }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    return vmath::keep_nan<B>(x, B::select_or_zero(B::ge(x, zero<B>()), one<B>()));
  }
  // 0, and NaN for NaN (any NaN: the mask's all-ones one, one compare; keep_nan's select of x
  // cost wasm a three-instruction bitselect more, 0.82x native).
  template <class B> static F<B> df(F<B> x, const Params<B>&) { return B::nan_or_zero(x); }
};

struct Relu {
  static Activation describe() {
    return {.id = "relu", .name = "ReLU", .tex = "f(x) = \\max(0, x)",
            .dtex = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}", .param_count = 0,
            .params = {}, .range = "[0, \\infty)", .zero_centred = false, .monotonic = true, .smooth = false,
            .piecewise_linear = true, .saturates = "x < 0 (slope 0: units can die)", .max_slope = 1.0f,
            .max_slope_at = "for x > 0", .year = 1969,
            .origin = "Fukushima (1969); popularised for deep nets by Nair & Hinton (2010)",
            .used_in = "default hidden activation of MLPs and CNNs",
            .derivative_note = "undefined at 0; the engine uses f′(0) = 0, like PyTorch"};
  }
  static double ref_f(double x, const double*) { return std::isnan(x) ? x : (x > 0 ? x : 0.0); }
  static double ref_df(double x, const double*) { return std::isnan(x) ? x : (x > 0 ? 1.0 : 0.0); }
  // The vocabulary's max(x, 0), i.e. x > 0 ? x : 0 (one maxps / f32x4.pmax; a compare and a
  // bit-select in the scalar back end), not std::max(0, x) or fmax: relu(-0) = +0 on every back
  // end (clang for wasm compiles a scalar max(0, x) so that the sign of a zero result differs).
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    return vmath::keep_nan<B>(x, B::max(x, zero<B>()));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    return vmath::keep_nan<B>(x, B::select_or_zero(B::gt(x, zero<B>()), one<B>()));
  }
};

struct Relu6 {
  static Activation describe() {
    return {.id = "relu6", .name = "ReLU6", .tex = "f(x) = \\min(\\max(0, x), 6)",
            .dtex = "f'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
            .param_count = 0, .params = {}, .range = "[0, 6]", .zero_centred = false, .monotonic = true,
            .smooth = false, .piecewise_linear = true, .saturates = "x < 0 and x > 6 (slope 0)", .max_slope = 1.0f,
            .max_slope_at = "for 0 < x < 6", .year = 2010, .origin = "Krizhevsky (2010); MobileNets (Howard et al., 2017)",
            .used_in = "mobile CNNs (MobileNet v1/v2), low-precision inference",
            .derivative_note = "undefined at 0 and 6; the engine uses 0 there", .bounded = true};
  }
  static double ref_f(double x, const double*) { return std::isnan(x) ? x : (x > 6 ? 6.0 : (x > 0 ? x : 0.0)); }
  static double ref_df(double x, const double*) { return std::isnan(x) ? x : (x > 0 && x < 6 ? 1.0 : 0.0); }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> six = splat<B>(6.0f);
    // min(6, max(x, 0)): 6 < y ? 6 : y of y = x > 0 ? x : 0 (so -0 gives +0), then NaN kept.
    return vmath::keep_nan<B>(x, B::min(six, B::max(x, zero<B>())));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    auto inside = B::mask_and(B::gt(x, zero<B>()), B::lt(x, splat<B>(6.0f)));
    return vmath::keep_nan<B>(x, B::select_or_zero(inside, one<B>()));
  }
};

// Leaky ReLU and PReLU share the formula; PReLU's alpha is learned by the trainer.
template <bool kLearned> struct LeakyReluT {
  static Activation describe() {
    Activation a{.id = kLearned ? "prelu" : "leaky_relu", .name = kLearned ? "PReLU" : "Leaky ReLU",
                 .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}",
                 .dtex = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}", .param_count = 1,
                 .params = {{"alpha", "\\alpha", kLearned ? 0.25f : 0.01f, 0.0f, 1.0f,
                             kLearned ? "negative slope, learned per layer or per unit (initial 0.25)"
                                      : "negative slope (0.01 is usual)"}},
                 .range = "(-\\infty, \\infty)", .zero_centred = false, .monotonic = true, .smooth = false,
                 .piecewise_linear = true, .saturates = "never (slope α for x < 0)", .max_slope = 1.0f,
                 .max_slope_at = "for x > 0", .year = kLearned ? 2015 : 2013,
                 .origin = kLearned ? "He et al. (2015), Delving Deep into Rectifiers" : "Maas, Hannun & Ng (2013)",
                 .used_in = kLearned ? "CNNs where a learned leak helps (ImageNet-era ResNets)"
                                     : "GAN discriminators; a fix for dying ReLUs",
                 .derivative_note = "undefined at 0; the engine uses α there"};
    return a;
  }
  static double ref_f(double x, const double* p) { return std::isnan(x) ? x : (x > 0 ? x : p[0] * x); }
  static double ref_df(double x, const double* p) { return std::isnan(x) ? x : (x > 0 ? 1.0 : p[0]); }
  template <class B> static F<B> f(F<B> x, const Params<B>& p) {
    return B::select(B::gt(x, zero<B>()), x, B::mul(p.p0, x));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>& p) {
    return vmath::keep_nan<B>(x, B::select(B::gt(x, zero<B>()), one<B>(), p.p0));
  }
};
using LeakyRelu = LeakyReluT<false>;
using Prelu = LeakyReluT<true>;

// hard-sigmoid as in PyTorch: 0 for x <= -3, 1 for x >= 3, x/6 + 1/2 between.
struct HardSigmoid {
  static Activation describe() {
    return {.id = "hard_sigmoid", .name = "Hard sigmoid",
            .tex = "f(x) = \\min\\!\\left(1, \\max\\!\\left(0, \\tfrac{x}{6} + \\tfrac12\\right)\\right)",
            .dtex = "f'(x) = \\begin{cases} \\tfrac16 & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}",
            .param_count = 0, .params = {}, .range = "[0, 1]", .zero_centred = false, .monotonic = true,
            .smooth = false, .piecewise_linear = true, .saturates = "|x| ≥ 3 (slope 0)", .max_slope = 1.0f / 6.0f,
            .max_slope_at = "for −3 < x < 3", .year = 2015, .origin = "Courbariaux et al. (2015); MobileNetV3's form (2019)",
            .used_in = "gates in mobile networks (MobileNetV3 squeeze-excite)",
            .derivative_note = "undefined at ±3; the engine uses 0 there", .bounded = true};
  }
  static double ref_f(double x, const double*) {
    return std::isnan(x) ? x : (x <= -3 ? 0.0 : (x >= 3 ? 1.0 : (x + 3) / 6));
  }
  static double ref_df(double x, const double*) { return std::isnan(x) ? x : (x > -3 && x < 3 ? 1.0 / 6 : 0.0); }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    // (x + 3)/6, not x/6 + 1/2: near x = -3 the sum is exact (Sterbenz) and no cancellation occurs.
    return vmath::clamp<B>(B::div(B::add(x, splat<B>(3.0f)), splat<B>(6.0f)), 0.0f, 1.0f);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    return vmath::keep_nan<B>(x, B::select_or_zero(B::lt(B::abs(x), splat<B>(3.0f)), splat<B>(1.0f / 6.0f)));
  }
};

// hard-swish (MobileNetV3): x · hard_sigmoid(x).
struct HardSwish {
  static Activation describe() {
    return {.id = "hard_swish", .name = "Hard swish",
            .tex = "f(x) = x \\cdot \\frac{\\operatorname{ReLU6}(x + 3)}{6}",
            .dtex = "f'(x) = \\begin{cases} 0 & x \\le -3 \\\\ \\tfrac{2x + 3}{6} & -3 < x < 3 \\\\ 1 & x \\ge 3 \\end{cases}",
            .param_count = 0, .params = {}, .range = "[-0.375, \\infty)", .zero_centred = false,
            .monotonic = false, .smooth = false, .piecewise_linear = false, .saturates = "x ≤ −3 (slope 0)",
            .max_slope = 1.5f, .max_slope_at = "as x → 3 from below", .year = 2019,
            .origin = "Howard et al. (2019), Searching for MobileNetV3",
            .used_in = "mobile CNNs (MobileNetV3, EfficientNet-lite)", .derivative_note = "kinks at ±3"};
  }
  static double ref_f(double x, const double*) {
    return std::isnan(x) ? x : (x <= -3 ? 0.0 : (x >= 3 ? x : x * (x + 3) / 6));
  }
  static double ref_df(double x, const double*) {
    return std::isnan(x) ? x : (x <= -3 ? 0.0 : (x >= 3 ? 1.0 : (2 * x + 3) / 6));
  }
  // x·ReLU6(x + 3)/6 with the x <= -3 side folded into the product instead of a compare and a
  // select: x is floored at -3 and ReLU6's floor is -0, so there the product is (-3)·(-0) = +0
  // (the +0 the old select gave; -Inf no longer meets 0·Inf). Between -3 and 3 the operands are
  // the old ones, so the bits are too: checked for all 2^32 inputs, NaN payloads included, on SSE2,
  // the scalar back end and wasm (issue 14, session 2). 10 vector operations instead of 11 (gcc
  // folds a select with 0 into one andnps) and 13 in V8's code (a v128.bitselect with a zero
  // operand stays three instructions): wasm/native 0.80x -> see docs/benchmarks.md.
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> r6 = B::max(B::min(splat<B>(6.0f), B::add(x, splat<B>(3.0f))), splat<B>(-0.0f));
    F<B> y = B::div(B::mul(B::max(splat<B>(-3.0f), x), r6), splat<B>(6.0f));
    return B::select(B::ge(x, splat<B>(3.0f)), x, y);  // x >= 3: x itself (y may be Inf there)
  }
  // No keep_nan: a NaN x fails both compares and (2x + 3)/6 is NaN already (one compare and
  // select fewer). Checked for all 2^32 inputs on SSE2, scalar and wasm against the old form: the
  // same bits except for signalling-NaN inputs, which now give a quiet NaN instead of themselves.
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> mid = B::div(B::add(B::add(x, x), splat<B>(3.0f)), splat<B>(6.0f));
    // x <= -3: +0 through zero_at_or_below (one maxps on wasm where a bitselect was three
    // instructions); the value it replaces there is (2x + 3)/6 <= -1/2 < 0, as it requires.
    return B::zero_at_or_below(x, splat<B>(-3.0f), B::select(B::ge(x, splat<B>(3.0f)), one<B>(), mid));
  }
};

}  // namespace actlab::act
