// before_kernels.hpp — bench-only copies of the kernels as they were before issue 14's fast exp
// core (commit 0d4dfc9), so `npm run bench` times "before" and "after" in the same run.
//
// Never used by the engine, the bindings or the tests: only actlab_bench includes this file. The
// engine's versions live in cpp/actlab/activations/ (squashing.hpp, gates.hpp, exponential.hpp,
// softmax.cpp). These keep the old maths exactly: e^x from vmath::exp / exp_scaled (degree-7
// Taylor polynomial, 2^n split into two factors) and softmax's division by the sum.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "actlab/activations/kernel.hpp"
#include "actlab/activations/registry.hpp"
#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::bench::before {

using act::F;
using act::Params;
using act::one;
using act::zero;
using act::splat;

constexpr int kTailShift = 24;
constexpr float kTailUnscale = 0x1p-24f;

template <class B> struct Logistic {
  F<B> s, e;
};
template <class B> inline Logistic<B> logistic(F<B> x) {
  F<B> e = vmath::exp<B>(B::sub(zero<B>(), B::abs(x)));
  F<B> s = B::div(B::select(B::ge(x, zero<B>()), one<B>(), e), B::add(one<B>(), e));
  return {s, e};
}

struct Sigmoid {
  template <class B> static F<B> f(F<B> x, const Params<B>&) { return logistic<B>(x).s; }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> e = logistic<B>(x).e;
    F<B> d = B::add(one<B>(), e);
    return B::div(e, B::mul(d, d));
  }
};

struct Swish {
  template <class B> static F<B> scaled_sigma(F<B> z, F<B>& s_c) {
    F<B> es = vmath::exp_scaled<B>(B::sub(zero<B>(), B::abs(z)), kTailShift);
    F<B> d = B::add(one<B>(), B::mul(es, splat<B>(kTailUnscale)));
    auto pos = B::ge(z, zero<B>());
    s_c = B::select(pos, B::mul(B::div(es, d), splat<B>(kTailUnscale)), B::div(one<B>(), d));
    return B::select(pos, B::div(one<B>(), d), B::div(es, d));
  }
  template <class B> static F<B> unscale(F<B> z, F<B> v) {
    return B::select(B::ge(z, zero<B>()), v, B::mul(v, splat<B>(kTailUnscale)));
  }
  template <class B> static F<B> f(F<B> x, const Params<B>& p) {
    F<B> z = B::mul(p.p0, x), s_c;
    F<B> y = unscale<B>(z, B::mul(x, scaled_sigma<B>(z, s_c)));
    return B::select(B::eq(x, splat<B>(-vmath::kInf)), splat<B>(-0.0f), y);
  }
  template <class B> static F<B> df(F<B> x, const Params<B>& p) {
    F<B> z = B::mul(p.p0, x), s_c;
    F<B> s = scaled_sigma<B>(z, s_c);
    F<B> d = unscale<B>(z, B::add(s, B::mul(B::mul(z, s), s_c)));
    d = B::select(B::eq(x, splat<B>(-vmath::kInf)), zero<B>(), d);
    return B::select(B::eq(x, splat<B>(vmath::kInf)), one<B>(), d);
  }
};

// The old vmath::expm1_nonpositive (2^n from the integer n; clamped on both sides).
template <class B> inline F<B> expm1_nonpositive(F<B> x) {
  F<B> xc = vmath::clamp<B>(x, -30.0f, 0.0f);
  vmath::ExpReduction<B> e = vmath::exp_reduce<B>(xc);
  F<B> s = vmath::pow2i<B>(e.n);
  return B::add(B::sub(s, B::splat(1.0f)), B::mul(s, e.p));
}

// ELU and SELU: f through the old expm1_nonpositive, f' through vmath::exp; softplus changed only
// in f' (its f is the engine's own, unchanged).
struct Elu {
  template <class B> static F<B> f(F<B> x, const Params<B>& p) {
    return B::select(B::gt(x, zero<B>()), x, B::mul(p.p0, expm1_nonpositive<B>(x)));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>& p) {
    return B::select(B::gt(x, zero<B>()), one<B>(), B::mul(p.p0, vmath::exp<B>(x)));
  }
};

inline constexpr float kSeluLambda = 1.0507009873554805f;
inline constexpr float kSeluAlpha = 1.6732632423543772f;
struct Selu {
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> neg = B::mul(splat<B>(kSeluAlpha), expm1_nonpositive<B>(x));
    return B::mul(splat<B>(kSeluLambda), B::select(B::gt(x, zero<B>()), x, neg));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) {
    F<B> neg = B::mul(splat<B>(kSeluAlpha), vmath::exp<B>(x));
    return B::mul(splat<B>(kSeluLambda), B::select(B::gt(x, zero<B>()), one<B>(), neg));
  }
};

struct Softplus {
  template <class B> static F<B> f(F<B> x, const Params<B>&) {
    F<B> e = vmath::exp<B>(B::sub(zero<B>(), B::abs(x)));
    return B::add(B::max(zero<B>(), x), vmath::log1p<B>(e));
  }
  template <class B> static F<B> df(F<B> x, const Params<B>&) { return logistic<B>(x).s; }
};

// Old softmax / log-softmax for T = 1 (what the benchmark times): max pass, then exp_df of the
// exact difference z - m stored and summed (maxima counted apart), then a division pass.
template <std::size_t W, class Body> inline void for_vectors(std::size_t n, Body body) {
  std::size_t i = 0;
  if constexpr (act::kUnroll == 2 && W > 1)
    for (; i + 2 * W <= n; i += 2 * W) {
      body(i, std::true_type{});
      body(i + W, std::true_type{});
    }
  for (; i + W <= n; i += W) body(i, std::true_type{});
  if (i < n) body(i, std::false_type{});
}
template <class B, bool kFull>
typename B::F load_at(const float* x, std::size_t i, std::size_t n, float pad, std::bool_constant<kFull>) {
  if constexpr (kFull) {
    return B::load(x + i);
  } else {
    float tmp[B::width];
    for (std::size_t k = 0; k < B::width; ++k) tmp[k] = i + k < n ? x[i + k] : pad;
    return B::load(tmp);
  }
}
template <class B, bool kFull>
void store_at(float* y, std::size_t i, std::size_t n, typename B::F v, std::bool_constant<kFull>) {
  if constexpr (kFull) {
    B::store(y + i, v);
  } else {
    float tmp[B::width];
    B::store(tmp, v);
    std::memcpy(y + i, tmp, (n - i) * sizeof(float));
  }
}
struct ExpSum {
  float rest;
  std::size_t ties;
};
template <class B> ExpSum shifted_exp_sum(const float* z, float* out, std::size_t n, bool keep_logits) {
  using FF = typename B::F;
  FF m = B::splat(-vmath::kInf);
  typename B::M nan = B::lt(m, m);
  for_vectors<B::width>(n, [&](std::size_t i, auto full) {
    FF zi = load_at<B>(z, i, n, -vmath::kInf, full);
    m = B::max(m, zi);
    nan = B::mask_or(nan, B::is_nan(zi));
  });
  float mx = B::any(nan) ? NAN : B::hmax(m);
  const FF vm = B::splat(mx);
  FF acc = B::splat(0.0f), ties = B::splat(0.0f);
  for_vectors<B::width>(n, [&](std::size_t i, auto full) {
    FF zi = load_at<B>(z, i, n, -vmath::kInf, full);
    vmath::DoubleFloat<B> s = vmath::two_sum<B>(zi, B::sub(B::splat(0.0f), vm));
    s.lo = B::select(B::is_nan(s.lo), B::splat(0.0f), s.lo);
    FF e = vmath::exp_df<B>(s.hi, s.lo);
    auto is_max = B::eq(zi, vm);
    acc = B::add(acc, B::select(is_max, B::splat(0.0f), e));
    ties = B::add(ties, B::select(is_max, B::splat(1.0f), B::splat(0.0f)));
    store_at<B>(out, i, n, keep_logits ? B::add(s.hi, s.lo) : e, full);
  });
  return {B::hsum(acc), std::size_t(B::hsum(ties))};
}
template <class B> void softmax(const float* z, float* p, std::size_t n) {
  ExpSum es = shifted_exp_sum<B>(z, p, n, false);
  const typename B::F vs = B::splat(float(es.ties) + es.rest);
  for_vectors<B::width>(n, [&](std::size_t i, auto full) {
    store_at<B>(p, i, n, B::div(load_at<B>(p, i, n, 0.0f, full), vs), full);
  });
}
template <class B> void log_softmax(const float* z, float* out, std::size_t n) {
  ExpSum es = shifted_exp_sum<B>(z, out, n, true);
  float tmp[B::width];
  const bool single = es.ties == 1;
  const float arg = single ? es.rest : float(es.ties) + es.rest;
  for (std::size_t k = 0; k < B::width; ++k) tmp[k] = arg;
  typename B::F v = B::load(tmp);
  B::store(tmp, single ? vmath::log1p<B>(v) : vmath::log<B>(v));
  const typename B::F vl = B::splat(tmp[0]);
  for_vectors<B::width>(n, [&](std::size_t i, auto full) {
    store_at<B>(out, i, n, B::sub(load_at<B>(out, i, n, 0.0f, full), vl), full);
  });
}

// The "before" kernel of an activation id on the SIMD back end, or nullptr when it did not change.
using BatchFn = void (*)(const float*, float*, std::size_t, const float*);
struct Kernels {
  BatchFn f = nullptr, df = nullptr;
};
template <class Act> Kernels kernels() {
  return {&act::run_batch<simd::Native, Act, false>, &act::run_batch<simd::Native, Act, true>};
}
inline Kernels lookup(std::string_view id) {
  if (id == "sigmoid") return kernels<Sigmoid>();
  if (id == "swish") return kernels<Swish>();
  if (id == "elu") return kernels<Elu>();
  if (id == "selu") return kernels<Selu>();
  if (id == "softplus") return kernels<Softplus>();
  return {};
}

}  // namespace actlab::bench::before
