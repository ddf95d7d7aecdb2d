// accuracy.cpp — the ULP sweep behind `actlab accuracy`, the README table and the accuracy tests.
#include "actlab/activations/accuracy.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "actlab/activations/softmax.hpp"

namespace actlab {

std::vector<float> accuracy_inputs(std::size_t dense) {
  std::vector<float> xs;
  xs.reserve(dense + 40000);
  for (std::size_t i = 0; i < dense; ++i) xs.push_back(float(-20.0 + 40.0 * double(i) / double(dense - 1)));
  // Every float near the points where formulas switch branches.
  for (float c : {0.0f, -3.0f, 3.0f, 6.0f, 18.0f, -30.0f, 20.0f, -20.0f}) {
    float up = c, down = c;
    for (int k = 0; k < 64; ++k) {
      up = std::nextafter(up, INFINITY);
      down = std::nextafter(down, -INFINITY);
      xs.push_back(up);
      xs.push_back(down);
    }
  }
  // Log-spaced magnitudes from the smallest subnormal to 3e38, both signs.
  for (int i = 0; i <= 20000; ++i) {
    double m = std::exp(std::log(1.4e-45) + (std::log(3e38) - std::log(1.4e-45)) * i / 20000.0);
    xs.push_back(float(m));
    xs.push_back(-float(m));
  }
  const float inf = std::numeric_limits<float>::infinity();
  for (float s : {0.0f, -0.0f, inf, -inf, std::numeric_limits<float>::quiet_NaN(),
                  std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::denorm_min(),
                  std::numeric_limits<float>::min(), -std::numeric_limits<float>::min(),
                  std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(), 1000.0f, -1000.0f})
    xs.push_back(s);
  return xs;
}

double ulp_error(float got, double ref) {
  if (std::isnan(ref)) return std::isnan(got) ? 0.0 : INFINITY;
  if (std::isnan(got)) return INFINITY;
  if (std::isinf(ref) || std::isinf(got)) {
    if (double(got) == ref) return 0.0;
    // A finite result where the reference overflows float (or the other way round) counts by
    // how far the finite one is from FLT_MAX.
    float r = float(ref);
    if (std::isinf(r) && std::isinf(got) && r == got) return 0.0;
    return INFINITY;
  }
  return std::fabs(double(got) - ref) / ulp_at(ref);
}

double ulp_at(double v) {
  if (v == 0) return 0x1p-149;
  return std::ldexp(1.0, std::max(std::ilogb(v) - 23, -149));  // float spacing in v's binade
}

namespace {

bool is_normal_float(double v) { return v != 0 && std::fabs(v) >= double(std::numeric_limits<float>::min()) && std::fabs(v) <= double(std::numeric_limits<float>::max()); }

void add(UlpStats& s, float x, float got, double ref, double floor_abs = 0) {
  ++s.count;
  bool special = std::isnan(ref) || std::isinf(ref) || std::isnan(got) || std::isinf(got);
  if (special) {
    if (ulp_error(got, ref) != 0.0) ++s.bad_special;
    return;
  }
  double r = ref;
  if (floor_abs > 0 && std::fabs(r) < floor_abs) {
    // Near a zero of f': |got - ref| in ulps of the floor instead of ulps of a tiny ref.
    double e = std::fabs(double(got) - ref) / ulp_at(floor_abs);
    if (e > s.max_ulp) { s.max_ulp = e; s.worst_x = x; }
    return;
  }
  if (!is_normal_float(r)) {
    // The true result is subnormal or 0: no ULP bound, but a normal-sized result is a mistake.
    if (std::fabs(double(got) - r) > double(std::numeric_limits<float>::min())) ++s.bad_special;
    return;
  }
  double e = ulp_error(got, r);
  if (e > s.max_ulp) { s.max_ulp = e; s.worst_x = x; }
}

}  // namespace

AccuracyRow measure_accuracy(const Activation& a, const std::vector<float>& xs, Backend backend) {
  AccuracyRow row{&a, {}, {}, {}};
  std::vector<float> y(xs.size()), dy(xs.size());
  float p[kMaxParams];
  a.default_params(p);
  double pd[kMaxParams] = {p[0], p[1]};
  a.apply(xs.data(), y.data(), xs.size(), false, p, backend);
  a.apply(xs.data(), dy.data(), xs.size(), true, p, backend);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    double x = xs[i];
    add(row.f, xs[i], y[i], a.ref_f(x, pd));
    double rd = a.ref_df(x, pd);
    add(row.df, xs[i], dy[i], rd);
    add(row.df_floored, xs[i], dy[i], rd, 0x1p-2);
  }
  return row;
}

SoftmaxAccuracy measure_softmax_accuracy(int vectors) {
  SoftmaxAccuracy out;
  std::uint32_t state = 12345;
  auto next = [&] {  // xorshift32: a fixed, portable stream
    state ^= state << 13; state ^= state >> 17; state ^= state << 5;
    return double(state) / 4294967296.0;
  };
  for (int v = 0; v < vectors; ++v) {
    std::size_t n = 1 + std::size_t(next() * 40);
    double scale = std::pow(10.0, next() * 3);  // logits up to ~1000
    std::vector<float> z(n), p(n), lp(n);
    std::vector<double> zd(n), pr(n), lr(n);
    for (std::size_t i = 0; i < n; ++i) zd[i] = z[i] = float((next() * 2 - 1) * scale);
    softmax(z.data(), p.data(), n, 1.0f);
    log_softmax(z.data(), lp.data(), n, 1.0f);
    softmax_ref(zd.data(), pr.data(), n, 1.0);
    log_softmax_ref(zd.data(), lr.data(), n, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
      if (is_normal_float(pr[i])) out.max_ulp_softmax = std::max(out.max_ulp_softmax, ulp_error(p[i], pr[i]));
      // log-softmax: absolute error near 0 is what matters; floor at 2^-10 like f'.
      double l = lr[i];
      double err = std::fabs(double(lp[i]) - l);
      out.max_ulp_log_softmax = std::max(out.max_ulp_log_softmax, err / ulp_at(std::max(std::fabs(l), 0x1p-10)));
    }
  }
  return out;
}

}  // namespace actlab
