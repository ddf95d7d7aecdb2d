// softmax.cpp — max-subtracted softmax and log-softmax with temperature, on the SIMD vocabulary.
// See softmax.hpp for the maths; the sum uses one fixed lane order so every target agrees.
#include "actlab/activations/softmax.hpp"

#include <cmath>
#include <algorithm>
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
  // Four, then two vectors per iteration where kernel.hpp's kUnroll says so (wasm, as run_batch
  // does); the calls stay in order, so sums accumulate exactly as in the one-vector loop.
  if constexpr (act::kUnroll == 2 && W > 1) {
    for (; i + 4 * W <= n; i += 4 * W) {
      body(i, std::true_type{});
      body(i + W, std::true_type{});
      body(i + 2 * W, std::true_type{});
      body(i + 3 * W, std::true_type{});
    }
    for (; i + 2 * W <= n; i += 2 * W) {
      body(i, std::true_type{});
      body(i + W, std::true_type{});
    }
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

// The row maximum (NaN if any logit is NaN: the maths is undefined, so every output is NaN).
// Four running maxima over 4 vectors a step, combined as max(max(m0, m1), max(m2, m3)) before the
// rest of the row: one running maximum made the pass a chain of max latencies (4 cycles a vector
// on x86, about a quarter of softmax's time on rows of 1024). The maximum of the same numbers is
// the same number in any order; only which zero wins a tie of +0 and -0 can differ from the old
// one-chain order, and the order is fixed, the same on every target.
template <class B> float row_max(const float* z, std::size_t n) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  F m = B::splat(-vmath::kInf);
  typename B::M nan = B::lt(m, m);  // all false
  std::size_t i = 0;
  if (n >= 4 * W) {
    F m1 = m, m2 = m, m3 = m;
    for (; i + 4 * W <= n; i += 4 * W) {
      F a = B::load(z + i), b = B::load(z + i + W), c = B::load(z + i + 2 * W), d = B::load(z + i + 3 * W);
      m = B::max(m, a);
      m1 = B::max(m1, b);
      m2 = B::max(m2, c);
      m3 = B::max(m3, d);
      nan = B::mask_or(nan, B::mask_or(B::mask_or(B::is_nan(a), B::is_nan(b)), B::mask_or(B::is_nan(c), B::is_nan(d))));
    }
    m = B::max(B::max(m, m1), B::max(m2, m3));
  }
  for_vectors<W>(n - i, [&](std::size_t k, auto full) {
    F zi = load_at<B>(z + i, k, n - i, -vmath::kInf, full);
    m = B::max(m, zi);
    nan = B::mask_or(nan, B::is_nan(zi));
  });
  return B::any(nan) ? NAN : B::hmax(m);
}

// (z - m)/T as hi + lo (exact difference; T = 1, the common case, needs nothing else).
template <class B> vmath::DoubleFloat<B> shifted(typename B::F zi, typename B::F vm, typename B::F vt, bool unit_t) {
  vmath::DoubleFloat<B> s = unit_t ? vmath::two_sum<B>(zi, B::sub(B::splat(0.0f), vm)) : scaled_shift<B>(zi, vm, vt);
  s.lo = B::select(B::is_nan(s.lo), B::splat(0.0f), s.lo);  // -Inf logits: exp is 0 regardless
  return s;
}

// Rows whose maximum is at most this in magnitude take exp_biased's path (|z| <= 200 + 106 < 354).
constexpr float kBiasedMax = 200.0f;

// Softmax in two passes over the row after the maximum, as XNNPACK's f32-raddstoreexpminusmax +
// vmulc kernels do it: one pass computes e_i = exp((z_i - m)/T), stores it and sums it; the
// second multiplies by the reciprocal of the sum. Everything is in vmath::exp_neg_scaled's 2^24
// scale (each maximum contributes exactly 2^24, so the sum is >= 2^24 and 1/sum is normal); a
// -Inf logit (and the -Inf padding of the last vector) gives e_s = 2^-126·0.97, which is lost in
// the sum and becomes probability 0 once multiplied by 1/sum <= 2^-24.
// Reciprocal-and-multiply adds one rounding to the old division (measured: max 3.14 -> see
// README's accuracy table), and turns the third pass from a division into a multiplication.
template <class B> void softmax_impl(const float* z, float* p, std::size_t n, float temperature) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  const float mx = row_max<B>(z, n);
  const F vm = B::splat(mx), vt = B::splat(temperature);
  const bool unit_t = temperature == 1.0f;
  F acc = B::splat(0.0f);
  if (unit_t && std::fabs(mx) <= kBiasedMax) {  // not for NaN or ±Inf rows
    // e_i = e^(z_i)·2^(32 - n_m), n_m = round(m·log2 e): the row's common factor 2^-n_m keeps every
    // term in range and cancels in e_i / sum, so no exact z - m is needed (exp_biased reduces z_i
    // itself, exactly for |z_i| <= 354). The maximum's term is 2^32·e^(m - n_m·ln2), in
    // [0.70, 1.42]·2^32, so the sum is >= 2^31 and 1/sum is normal. Logits are raised to m - 106
    // first: those below have e^(z - m) < 2^-152.9, a probability that rounds to 0 either way, and
    // the exponent field 159 + n_i - n_m stays >= 5 (a -Inf logit, the padding included, too).
    const float nm = (mx * vmath::kLog2e + vmath::kRoundMagic) - vmath::kRoundMagic;
    const F magic = B::splat(vmath::kRoundMagic + (159.0f - nm));  // exact: an integer < 2^24
    const F floor = B::splat(mx - 106.0f);
    auto term = [&](const float* zr, float* pr, std::size_t i, std::size_t len, auto full) {
      F e = vmath::exp_biased<B>(B::max(floor, load_at<B>(zr, i, len, -vmath::kInf, full)), magic);
      store_at<B>(pr, i, len, e, full);
      return e;
    };
    // Four vectors a step, summed pairwise before they join the running sum: a quarter as many
    // roundings in the chain (rows of 1024, max ULP: 8.20 one vector a step, 5.32 so), and one
    // accumulator (four, one per vector, gave 4.64 ULP but V8 spilled them: wasm 936 -> 905 M/s).
    // Short rows keep the exact z - m: there the maximum's term is exactly 2^24, and exp_biased's
    // rounded one took rows of 10 from 3.74 to 4.20 ULP.
    std::size_t i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
      F e0 = term(z, p, i, n, std::true_type{}), e1 = term(z, p, i + W, n, std::true_type{});
      F e2 = term(z, p, i + 2 * W, n, std::true_type{}), e3 = term(z, p, i + 3 * W, n, std::true_type{});
      acc = B::add(acc, B::add(B::add(e0, e1), B::add(e2, e3)));
    }
    for_vectors<W>(n - i, [&](std::size_t k, auto full) { acc = B::add(acc, term(z + i, p + i, k, n - i, full)); });
  } else {
    // The exact z - m (rows with |m| > 200, ±Inf or NaN, and T != 1). No floor here: m - 128
    // rounds to m itself once |m| >= 2^31, which raised every logit below such a maximum (a -Inf
    // one too) to the maximum's probability.
    for_vectors<W>(n, [&](std::size_t i, auto full) {
      F zi = load_at<B>(z, i, n, -vmath::kInf, full);
      vmath::DoubleFloat<B> s = shifted<B>(zi, vm, vt, unit_t);
      F e = vmath::exp_neg_scaled<B>(s.hi, s.lo);
      acc = B::add(acc, e);
      store_at<B>(p, i, n, e, full);
    });
  }
  const F inv = B::splat(1.0f / B::hsum(acc));
  for_vectors<W>(n, [&](std::size_t i, auto full) { store_at<B>(p, i, n, B::mul(load_at<B>(p, i, n, 0.0f, full), inv), full); });
}

// log(sum) = log(ties + rest): log1p(rest) when there is a single maximum, so a sum close to 1
// keeps its relative precision (the log-softmax of the largest logit is then accurate too).
template <class B> float log_sum(float rest, std::size_t ties) {
  constexpr std::size_t W = B::width;
  float tmp[W];
  bool single = ties == 1;
  float arg = single ? rest : float(ties) + rest;
  for (std::size_t k = 0; k < W; ++k) tmp[k] = arg;
  typename B::F v = B::load(tmp);
  B::store(tmp, single ? vmath::log1p<B>(v) : vmath::log<B>(v));
  return tmp[0];
}

// Log-softmax: the first pass stores (z - m)/T and sums exp of the terms that are not maxima
// (`rest`, in the 2^24 scale) and counts the maxima (`ties`: each contributes exactly 1); the
// second subtracts log(ties + rest).
template <class B> void log_softmax_impl(const float* z, float* out, std::size_t n, float temperature) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  const float mx = row_max<B>(z, n);
  const F vm = B::splat(mx), vt = B::splat(temperature);
  const bool unit_t = temperature == 1.0f;
  F acc = B::splat(0.0f), ties = B::splat(0.0f);
  for_vectors<W>(n, [&](std::size_t i, auto full) {
    F zi = load_at<B>(z, i, n, -vmath::kInf, full);
    vmath::DoubleFloat<B> s = shifted<B>(zi, vm, vt, unit_t);
    F e = vmath::exp_neg_scaled<B>(s.hi, s.lo);
    auto is_max = B::eq(zi, vm);
    acc = B::add(acc, B::select(is_max, B::splat(0.0f), e));
    ties = B::add(ties, B::select(is_max, B::splat(1.0f), B::splat(0.0f)));
    store_at<B>(out, i, n, B::add(s.hi, s.lo), full);
  });
  const F vl = B::splat(log_sum<B>(B::hsum(acc) * vmath::kExpNegUnscale, std::size_t(B::hsum(ties))));
  for_vectors<W>(n, [&](std::size_t i, auto full) { store_at<B>(out, i, n, B::sub(load_at<B>(out, i, n, 0.0f, full), vl), full); });
}

// Short rows (n < kShortRow, e.g. a classifier's 10 outputs): B::width rows at once, one row per
// lane, so max, sum and 1/sum need no horizontal step and no partial vectors. The rows are copied
// transposed into a small buffer (column j of the W rows is one vector; 4 columns at a time by a
// register transpose, then 2 through 64-bit loads and the same transpose, a last odd column one
// float at a time), and the results copied back the same way.
// Every lane runs the same operations as the others, so a row's bits do not depend on which
// rows share its call; the sum is pairwise over the columns, the same on every back end.
// The loops over the columns are few on purpose: V8 keeps every short loop's back-edge checks,
// and seven of them cost wasm about 20% on rows of 10 (web/bench/notes.md). So the maximum is
// taken while copying in, the scale applied while copying out, and the sum is a fixed tree.
constexpr std::size_t kShortRow = 16;

// Sum of the L columns from p on, pairwise: ((p0 + p1) + (p2 + p3)) + ..., no loop.
template <class B, std::size_t L> typename B::F tree_sum(const float (*p)[B::width]) {
  if constexpr (L == 1) return B::load(p[0]);
  else return B::add(tree_sum<B, L / 2>(p), tree_sum<B, L / 2>(p + L / 2));
}

template <class B, bool kLog>
void short_rows_impl(const float* z, float* out, std::size_t rows, std::size_t n, float temperature) {
  using F = typename B::F;
  constexpr std::size_t W = B::width;
  alignas(16) float buf[kShortRow][W], rest[kShortRow][W];
  // Columns n.. of `rest` stay +0, so the sum can be a tree of 2, 4, 8 or 16 leaves: the terms are
  // all >= +0 and x + 0 is exactly x, so the padded tree has the bits of the n-leaf one
  // (((r0 + r1) + (r2 + r3)) + ... with the odd column last).
  for (std::size_t j = n; j < kShortRow; ++j) B::store(rest[j], B::splat(0.0f));
  const F vt = B::splat(temperature);
  const bool unit_t = temperature == 1.0f;
  for (std::size_t r0 = 0; r0 < rows; r0 += W) {
    const std::size_t lanes = std::min(W, rows - r0);
    F m = B::splat(-vmath::kInf);
    typename B::M nan = B::lt(m, m);
    auto take = [&](std::size_t j, F v) {  // column j in: kept, and into the max in column order
      B::store(buf[j], v);
      m = B::max(m, v);
      nan = B::mask_or(nan, B::is_nan(v));
    };
    if (lanes == W) {  // a whole group: 4 columns at a time through a register transpose, then the rest
      std::size_t j = 0;
      if constexpr (W == 4) {
        const float* g = z + r0 * n;
        for (; j + 4 <= n; j += 4) {
          F a = B::load(g + j), b = B::load(g + n + j), c = B::load(g + 2 * n + j), d = B::load(g + 3 * n + j);
          B::transpose4(a, b, c, d);
          take(j, a);
          take(j + 1, b);
          take(j + 2, c);
          take(j + 3, d);
        }
        if (j + 2 <= n) {  // two more columns: 64-bit loads, the same transpose (its c and d come out zero)
          F a = B::load2(g + j), b = B::load2(g + n + j), c = B::load2(g + 2 * n + j), d = B::load2(g + 3 * n + j);
          B::transpose4(a, b, c, d);
          take(j, a);
          take(j + 1, b);
          j += 2;
        }
      }
      for (; j < n; ++j) {
        float col[W];
        for (std::size_t l = 0; l < W; ++l) col[l] = z[(r0 + l) * n + j];
        take(j, B::load(col));
      }
    } else {
      for (std::size_t j = 0; j < n; ++j) {
        float col[W];
        for (std::size_t l = 0; l < W; ++l) col[l] = l < lanes ? z[(r0 + l) * n + j] : 0.0f;
        take(j, B::load(col));
      }
    }
    m = B::select(nan, B::splat(NAN), m);
    F ties = B::splat(0.0f);
    for (std::size_t j = 0; j < n; ++j) {
      F v = B::load(buf[j]);
      vmath::DoubleFloat<B> s = shifted<B>(v, m, vt, unit_t);
      F e = vmath::exp_neg_scaled<B>(s.hi, s.lo);
      // The maxima (each exactly 2^24 in this scale) are counted apart and added last: summing
      // the small terms first keeps the sum's rounding lower (in place: 4.54 ULP, apart: 3.62).
      auto is_max = B::eq(v, m);
      B::store(rest[j], B::select(is_max, B::splat(0.0f), e));
      ties = B::add(ties, B::select(is_max, B::splat(1.0f), B::splat(0.0f)));
      B::store(buf[j], kLog ? B::add(s.hi, s.lo) : e);
    }
    // The rest summed pairwise, so no term passes through more than 4 roundings (index order cost
    // log-softmax 4.47 ULP on rows of 10, this 2.8).
    const F acc = n <= 2 ? tree_sum<B, 2>(rest) : n <= 4 ? tree_sum<B, 4>(rest) : n <= 8 ? tree_sum<B, 8>(rest) : tree_sum<B, 16>(rest);
    F k;  // softmax: 1/sum; log-softmax: log(ties + rest) as log_sum() takes it
    if constexpr (kLog) {
      F rest = B::mul(acc, B::splat(vmath::kExpNegUnscale));
      auto single = B::eq(ties, B::splat(1.0f));
      // Usually every row of the group has one maximum: log1p alone gives the same lanes.
      if (!B::any(B::mask_not(single))) k = vmath::log1p<B>(rest);
      else k = B::select(single, vmath::log1p<B>(rest), vmath::log<B>(B::add(ties, rest)));
    } else {
      k = B::div(B::splat(1.0f), B::add(B::mul(ties, B::splat(vmath::kExpNegScale)), acc));
    }
    auto result = [&](std::size_t j) {  // column j out: shifted by log(sum), or scaled by 1/sum
      F v = B::load(buf[j]);
      return kLog ? B::sub(v, k) : B::mul(v, k);
    };
    std::size_t j = 0;
    if (lanes == W) {
      if constexpr (W == 4) {
        float* g = out + r0 * n;
        for (; j + 4 <= n; j += 4) {
          F a = result(j), b = result(j + 1), c = result(j + 2), d = result(j + 3);
          B::transpose4(a, b, c, d);
          B::store(g + j, a);
          B::store(g + n + j, b);
          B::store(g + 2 * n + j, c);
          B::store(g + 3 * n + j, d);
        }
        if (j + 2 <= n) {  // two more columns back, 64 bits a row
          F a = result(j), b = result(j + 1), c = B::splat(0.0f), d = c;
          B::transpose4(a, b, c, d);
          B::store2(g + j, a);
          B::store2(g + n + j, b);
          B::store2(g + 2 * n + j, c);
          B::store2(g + 3 * n + j, d);
          j += 2;
        }
      }
    }
    for (; j < n; ++j) {
      float col[W];
      B::store(col, result(j));
      for (std::size_t l = 0; l < lanes; ++l) out[(r0 + l) * n + j] = col[l];
    }
  }
}

template <class B, bool kLog> void rows_impl(const float* z, float* out, std::size_t rows, std::size_t n, float temperature) {
  if (n < kShortRow) {
    // z and out may alias: each group of W rows is read whole before any of it is written.
    short_rows_impl<B, kLog>(z, out, rows, n, temperature);
    return;
  }
  for (std::size_t r = 0; r < rows; ++r) {
    if constexpr (kLog) log_softmax_impl<B>(z + r * n, out + r * n, n, temperature);
    else softmax_impl<B>(z + r * n, out + r * n, n, temperature);
  }
}

template <bool kLog> void dispatch(const float* z, float* out, std::size_t rows, std::size_t n, float temperature, Backend backend) {
  if (backend == Backend::Simd) rows_impl<simd::Native, kLog>(z, out, rows, n, temperature);
  else rows_impl<simd::Scalar, kLog>(z, out, rows, n, temperature);
}

}  // namespace

std::string softmax(const float* z, float* p, std::size_t n, float temperature, Backend backend) {
  if (std::string e = check(n, temperature); !e.empty()) return e;
  dispatch<false>(z, p, 1, n, temperature, backend);
  return "";
}

std::string log_softmax(const float* z, float* out, std::size_t n, float temperature, Backend backend) {
  if (std::string e = check(n, temperature); !e.empty()) return e;
  dispatch<true>(z, out, 1, n, temperature, backend);
  return "";
}

std::string softmax_rows(const float* z, float* p, std::size_t rows, std::size_t cols, float temperature, Backend backend) {
  if (rows == 0) return "softmax: no rows";
  if (std::string e = check(cols, temperature); !e.empty()) return e;
  dispatch<false>(z, p, rows, cols, temperature, backend);
  return "";
}

std::string log_softmax_rows(const float* z, float* out, std::size_t rows, std::size_t cols, float temperature, Backend backend) {
  if (rows == 0) return "softmax: no rows";
  if (std::string e = check(cols, temperature); !e.empty()) return e;
  dispatch<true>(z, out, rows, cols, temperature, backend);
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
