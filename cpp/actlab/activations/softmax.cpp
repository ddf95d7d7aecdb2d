// softmax.cpp — max-subtracted softmax and log-softmax with temperature, on the SIMD vocabulary.
// See softmax.hpp for the maths; the sum uses one fixed lane order so every target agrees.
#include "actlab/activations/softmax.hpp"

#include <cmath>
#include <cstring>
#include <type_traits>
#include <vector>

#include "actlab/activations/kernel.hpp"
#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab {
namespace {

std::string check(std::size_t n, float temperature) {
  if (n == 0) return "softmax: the input is empty";
  if (!std::isfinite(temperature) || !(temperature > 0.0f))
    return "softmax: temperature must be a finite number > 0 (got " + std::to_string(temperature) + ")";
  return "";
}

// Calls body(i, full) for i = 0, W, 2W, ...; `full` is a compile-time constant (std::true_type
// for whole vectors), so only the last, partial vector pays for padding and the main loop has
// no tail test (V8 in particular ran the mixed loop at ~0.7x the native speed).
template <std::size_t W, class Body> inline void for_vectors(std::size_t n, Body body) {
  std::size_t i = 0;
  // Two vectors per iteration where kernel.hpp's kUnroll says so (wasm); the calls stay in
  // order, so sums accumulate exactly as in the one-vector loop.
  if constexpr (act::kUnroll == 2 && W > 1)
    for (; i + 2 * W <= n; i += 2 * W) {
      body(i, std::true_type{});
      body(i + W, std::true_type{});
    }
  for (; i + W <= n; i += W) body(i, std::true_type{});
  if (i < n) body(i, std::false_type{});
}

// Loads x[i..i+W), or for the last partial vector a copy padded with `pad`.
template <class B, bool kFull>
typename B::F load_at(const float* x, std::size_t i, std::size_t n, float pad, std::bool_constant<kFull>) {
  constexpr std::size_t W = B::width;
  if constexpr (kFull) {
    return B::load(x + i);
  } else {
    float tmp[W];
    for (std::size_t k = 0; k < W; ++k) tmp[k] = i + k < n ? x[i + k] : pad;
    return B::load(tmp);
  }
}

template <class B, bool kFull>
void store_at(float* y, std::size_t i, std::size_t n, typename B::F v, std::bool_constant<kFull>) {
  constexpr std::size_t W = B::width;
  if constexpr (kFull) {
    B::store(y + i, v);
  } else {
    float tmp[W];
    B::store(tmp, v);
    std::memcpy(y + i, tmp, (n - i) * sizeof(float));
  }
}

// (z - m)/T carried in double-float: z - m is split exactly by two_sum, and the division's
// rounding error is recovered with two_prod, so exp() sees the exponent to ~2^-40 relative and the
// result keeps ~1 ulp even when |z - m| is large (a plain float subtraction would cost |z - m|·eps).
template <class B> vmath::DoubleFloat<B> scaled_shift(typename B::F z, typename B::F m, typename B::F t) {
  vmath::DoubleFloat<B> d = vmath::two_sum<B>(z, B::sub(B::splat(0.0f), m));
  typename B::F q = B::div(d.hi, t);
  vmath::DoubleFloat<B> qt = vmath::two_prod<B>(q, t);                 // q·t exactly
  typename B::F rem = B::add(B::sub(B::sub(d.hi, qt.hi), qt.lo), d.lo);  // (z - m) - q·t
  typename B::F lo = B::div(rem, t);
  // -Inf logits (and the -Inf padding) make the error terms NaN; their exp is 0 regardless.
  return {q, B::select(B::is_nan(lo), B::splat(0.0f), lo)};
}

// Fills `out` with exp((z - m)/T) and returns the sum of the terms that are not maxima
// (`rest`) and how many maxima there are (`ties`): each maximum contributes exactly 1.
template <class B> struct ExpSum {
  float rest;
  std::size_t ties;
  float max;
};

template <class B> ExpSum<B> shifted_exp_sum(const float* z, float* out, std::size_t n, float temperature, bool keep_logits) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  F m = B::splat(-vmath::kInf);
  typename B::M nan = B::lt(m, m);  // all false
  for_vectors<W>(n, [&](std::size_t i, auto full) {
    F zi = load_at<B>(z, i, n, -vmath::kInf, full);
    m = B::max(m, zi);
    nan = B::mask_or(nan, B::is_nan(zi));
  });
  // A NaN logit: the maths is undefined, so every output is NaN.
  float mx = B::any(nan) ? NAN : B::hmax(m);
  const F vm = B::splat(mx), vt = B::splat(temperature);
  const bool unit_t = temperature == 1.0f;
  F acc = B::splat(0.0f), ties = B::splat(0.0f);
  for_vectors<W>(n, [&](std::size_t i, auto full) {
    F zi = load_at<B>(z, i, n, -vmath::kInf, full);
    // T = 1 (the common case) needs only the exact difference z - m.
    vmath::DoubleFloat<B> s = unit_t ? vmath::two_sum<B>(zi, B::sub(B::splat(0.0f), vm)) : scaled_shift<B>(zi, vm, vt);
    s.lo = B::select(B::is_nan(s.lo), B::splat(0.0f), s.lo);  // -Inf logits: exp is 0 regardless
    F e = vmath::exp_df<B>(s.hi, s.lo);
    // Padded lanes hold -Inf and add exp(-Inf) = 0; each maximum is counted in `ties` instead
    // (it contributes exactly 1), so log-softmax can take log1p of the rest.
    auto is_max = B::eq(zi, vm);
    acc = B::add(acc, B::select(is_max, B::splat(0.0f), e));
    ties = B::add(ties, B::select(is_max, B::splat(1.0f), B::splat(0.0f)));
    store_at<B>(out, i, n, keep_logits ? B::add(s.hi, s.lo) : e, full);
  });
  return {B::hsum(acc), std::size_t(B::hsum(ties)), mx};
}

template <class B> void softmax_impl(const float* z, float* p, std::size_t n, float temperature) {
  constexpr std::size_t W = B::width;
  ExpSum<B> es = shifted_exp_sum<B>(z, p, n, temperature, false);
  const typename B::F vs = B::splat(float(es.ties) + es.rest);
  for_vectors<W>(n, [&](std::size_t i, auto full) { store_at<B>(p, i, n, B::div(load_at<B>(p, i, n, 0.0f, full), vs), full); });
}

// log(sum) = log(ties + rest): log1p(rest) when there is a single maximum, so a sum close to 1
// keeps its relative precision (the log-softmax of the largest logit is then accurate too).
template <class B> float log_sum(const ExpSum<B>& es) {
  constexpr std::size_t W = B::width;
  float tmp[W];
  bool single = es.ties == 1;
  float arg = single ? es.rest : float(es.ties) + es.rest;
  for (std::size_t k = 0; k < W; ++k) tmp[k] = arg;
  typename B::F v = B::load(tmp);
  B::store(tmp, single ? vmath::log1p<B>(v) : vmath::log<B>(v));
  return tmp[0];
}

template <class B> void log_softmax_impl(const float* z, float* out, std::size_t n, float temperature) {
  constexpr std::size_t W = B::width;
  ExpSum<B> es = shifted_exp_sum<B>(z, out, n, temperature, true);
  const typename B::F vl = B::splat(log_sum<B>(es));
  for_vectors<W>(n, [&](std::size_t i, auto full) { store_at<B>(out, i, n, B::sub(load_at<B>(out, i, n, 0.0f, full), vl), full); });
}

}  // namespace

std::string softmax(const float* z, float* p, std::size_t n, float temperature, Backend backend) {
  if (std::string e = check(n, temperature); !e.empty()) return e;
  if (backend == Backend::Simd) softmax_impl<simd::Native>(z, p, n, temperature);
  else softmax_impl<simd::Scalar>(z, p, n, temperature);
  return "";
}

std::string log_softmax(const float* z, float* out, std::size_t n, float temperature, Backend backend) {
  if (std::string e = check(n, temperature); !e.empty()) return e;
  if (backend == Backend::Simd) log_softmax_impl<simd::Native>(z, out, n, temperature);
  else log_softmax_impl<simd::Scalar>(z, out, n, temperature);
  return "";
}

void softmax_ref(const double* z, double* p, std::size_t n, double temperature) {
  double m = -INFINITY;
  for (std::size_t i = 0; i < n; ++i) m = std::fmax(m, z[i]);
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += (p[i] = std::exp((z[i] - m) / temperature));
  for (std::size_t i = 0; i < n; ++i) p[i] /= s;
}

void log_softmax_ref(const double* z, double* out, std::size_t n, double temperature) {
  double m = -INFINITY;
  for (std::size_t i = 0; i < n; ++i) m = std::fmax(m, z[i]);
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += std::exp((z[i] - m) / temperature);
  for (std::size_t i = 0; i < n; ++i) out[i] = (z[i] - m) / temperature - std::log(s);
}

}  // namespace actlab
