// squashing.hpp — the saturating squashers: sigmoid, tanh, softsign.
//
// Written to stay accurate in both tails: sigmoid uses e = exp(-|x|) so exp never overflows
// (sigmoid(-1000) = 0, not NaN) and 1 - sigma is never formed by subtraction; tanh uses
// expm1(-2|x|) so small x keeps full relative precision. Derivatives are computed from e rather
// than as 1 - y² / y(1 - y): the classic "from the output" forms cancel in the tails (they give 0
// long before the true derivative underflows), and e is already at hand.
#pragma once

#include <cmath>

#include "actlab/activations/kernel.hpp"

namespace actlab::act {

inline double ref_sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return e / (1.0 + e);
}

struct Sigmoid {
  static Activation describe() {
    return {.id = "sigmoid", .name = "Sigmoid (logistic)", .tex = "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
            .dtex = "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))", .param_count = 0, .params = {},
            .range = "(0, 1)", .zero_centred = false, .monotonic = true, .smooth = true,
            .piecewise_linear = false, .saturates = "both tails (slope < 0.01 for |x| > 4.6)", .max_slope = 0.25f,
            .max_slope_at = "at x = 0", .year = 1986, .origin = "Verhulst's logistic curve (1838); the unit of backpropagation (Rumelhart, Hinton & Williams, 1986)",
            .used_in = "binary output neurons; gates of LSTM/GRU cells", .derivative_note = "", .bounded = true};
  }
  static double ref_f(double x, const double*) { return ref_sigmoid(x); }
  static double ref_df(double x, const double*) {
    double e = std::exp(-std::fabs(x));
    return e / ((1 + e) * (1 + e));
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) { return logistic<B>(x).s; }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    // sigma' = e / (1 + e)² with e = exp(-|x|), symmetric in x; in the 2^24 scale of logistic():
    // e_s / ((1 + e)·2^24 · (1 + e)), the same three roundings as e / ((1 + e)·(1 + e)).
    Logistic<B> l = logistic<B>(x);
    return B::div(l.e_s, B::mul(l.d_s, B::mul(l.d_s, splat<B>(vmath::kExpNegUnscale))));
  }
};

struct Tanh {
  static Activation describe() {
    return {.id = "tanh", .name = "Tanh", .tex = "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            .dtex = "\\tanh'(x) = 1 - \\tanh^2(x)", .param_count = 0, .params = {}, .range = "(-1, 1)",
            .zero_centred = true, .monotonic = true, .smooth = true, .piecewise_linear = false,
            .saturates = "both tails (slope < 0.01 for |x| > 3)", .max_slope = 1.0f, .max_slope_at = "at x = 0",
            .year = 1989, .origin = "LeCun et al. (1989) used a scaled tanh; Efficient BackProp (1998) recommends it over sigmoid",
            .used_in = "state of RNN/LSTM/GRU cells; tanh(x) = 2σ(2x) − 1", .derivative_note = "", .bounded = true};
  }
  static double ref_f(double x, const double*) { return std::tanh(x); }
  static double ref_df(double x, const double*) {
    double e = std::exp(-2 * std::fabs(x));
    return 4 * e / ((1 + e) * (1 + e));
  }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    // tanh|x| = -expm1(-2|x|) / (2 + expm1(-2|x|)), then the sign of x.
    F<B> em = vmath::expm1_nonpositive<B>(B::mul(splat<B>(-2.0f), B::abs(x)));
    F<B> t = B::div(B::sub(zero<B>(), em), B::add(splat<B>(2.0f), em));
    return B::bit_xor(t, B::sign_bit(x));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    return slope<B>(vmath::exp<B>(B::mul(splat<B>(-2.0f), B::abs(x))));
  }
  // tanh' from e = exp(-2|x|): 4e / (1 + e)².
  template <class B> static F<B> slope(F<B> e) {
    F<B> d = B::add(one<B>(), e);
    return B::div(B::mul(splat<B>(4.0f), e), B::mul(d, d));
  }
  // Both from one reduction: exp_expm1 gives expm1(-2|x|) with the same bits as
  // expm1_nonpositive (the argument is <= 0) and exp(-2|x|) with the same bits as exp(). When no
  // lane has |x| > 15 (a hidden layer's usual inputs), exp_expm1_near gives the same bits with one
  // 2^n and no clamps or selects (issue 9: the trainer's tanh layers).
  template <class B> static void fdf(F<B> x, const Params<B>&, F<B>& y, F<B>& dy) {
    const F<B> a = B::mul(splat<B>(-2.0f), B::abs(x));
    if (B::any(B::lt(a, splat<B>(-30.0f)))) finish<B>(x, vmath::exp_expm1<B>(a), y, dy);
    else finish<B>(x, vmath::exp_expm1_near<B>(a), y, dy);
  }
  // Two vectors with one range test (the near form when neither has a lane beyond it): the bits
  // of fdf for each, as both forms agree wherever the near one applies. (The two compares are
  // or-ed, not taken on min(a0, a1): min would let a NaN lane of one hide a far lane of the other.)
  template <class B>
  static void fdf2(F<B> x0, F<B> x1, const Params<B>&, F<B>& y0, F<B>& dy0, F<B>& y1, F<B>& dy1) {
    const F<B> a0 = B::mul(splat<B>(-2.0f), B::abs(x0)), a1 = B::mul(splat<B>(-2.0f), B::abs(x1));
    const F<B> limit = splat<B>(-30.0f);
    if (B::any(B::mask_or(B::lt(a0, limit), B::lt(a1, limit)))) {
      finish<B>(x0, vmath::exp_expm1<B>(a0), y0, dy0);
      finish<B>(x1, vmath::exp_expm1<B>(a1), y1, dy1);
    } else {
      finish<B>(x0, vmath::exp_expm1_near<B>(a0), y0, dy0);
      finish<B>(x1, vmath::exp_expm1_near<B>(a1), y1, dy1);
    }
  }
  template <class B> static void finish(F<B> x, const vmath::ExpExpm1<B>& ee, F<B>& y, F<B>& dy) {
    F<B> t = B::div(B::sub(zero<B>(), ee.expm1), B::add(splat<B>(2.0f), ee.expm1));
    y = B::bit_xor(t, B::sign_bit(x));
    dy = slope<B>(ee.exp);
  }
};

struct Softsign {
  static Activation describe() {
    return {.id = "softsign", .name = "Softsign", .tex = "f(x) = \\frac{x}{1 + |x|}",
            .dtex = "f'(x) = \\frac{1}{(1 + |x|)^2}", .param_count = 0, .params = {}, .range = "(-1, 1)",
            .zero_centred = true, .monotonic = true, .smooth = true, .piecewise_linear = false,
            .saturates = "both tails, polynomially (slower than tanh)", .max_slope = 1.0f, .max_slope_at = "at x = 0",
            .year = 2009, .origin = "Bergstra et al. (2009); Glorot & Bengio (2010) studied it",
            .used_in = "rare today; a cheap tanh-like squasher", .derivative_note = "", .bounded = true};
  }
  static double ref_f(double x, const double*) { return std::isinf(x) ? std::copysign(1.0, x) : x / (1 + std::fabs(x)); }
  static double ref_df(double x, const double*) { return 1 / ((1 + std::fabs(x)) * (1 + std::fabs(x))); }
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> y = B::div(x, B::add(one<B>(), B::abs(x)));
    return B::select(B::eq(B::abs(x), splat<B>(vmath::kInf)), B::bit_xor(one<B>(), B::sign_bit(x)), y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> d = B::add(one<B>(), B::abs(x));
    return B::div(one<B>(), B::mul(d, d));
  }
};

}  // namespace actlab::act
