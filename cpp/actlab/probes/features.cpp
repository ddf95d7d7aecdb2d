// features.cpp — curve_features() of features.hpp: one gradient scan, one pass over it, and a
// bisection at each threshold crossing.
#include "actlab/probes/features.hpp"

#include <cmath>

namespace actlab::probes {
namespace {

struct Slope {
  const Kernel& k;
  float t;
  bool dead_at(float x) const {
    float d = 0;
    k(&x, &d, 1, true);
    return dead(d);
  }
  bool dead(float d) const { return std::fabs(d) < t; }  // NaN: false
};

// The crossing between l (state `dead_l`) and r (the other state): bisect on floats until l and r are
// adjacent, then take the midpoint. 200 halvings reach adjacent floats from any finite interval.
double crossing(const Slope& s, float l, float r, bool dead_l) {
  for (int k = 0; k < 200; ++k) {
    float m = static_cast<float>(static_cast<double>(l) + (static_cast<double>(r) - l) / 2);
    if (!(m > l && m < r)) break;
    if (s.dead_at(m) == dead_l) l = m; else r = m;
  }
  return (static_cast<double>(l) + r) / 2;
}

}  // namespace

const char* shape_name(Shape s) {
  switch (s) {
    case Shape::Rising: return "rising";
    case Shape::Falling: return "falling";
    case Shape::Constant: return "constant";
    default: return "neither";
  }
}

std::string curve_features(const Activation& a, const float* params, int points, float lo, float hi, float threshold,
                           CurveFeatures& out) {
  if (points < 2 || points > 100000) return "features: points must be in [2, 100000]";
  if (!(threshold >= 0 && std::isfinite(threshold))) return "features: threshold must be a finite number >= 0";
  float p[kMaxParams];
  a.default_params(p);
  if (params)
    for (int i = 0; i < kMaxParams; ++i) p[i] = params[i];
  if (std::string e = a.check_params(p); !e.empty()) return e;
  return curve_features([&a, &p](const float* x, float* y, std::size_t n, bool d) { a.apply(x, y, n, d, p, Backend::Simd); },
                        points, lo, hi, threshold, out);
}

std::string curve_features(const Kernel& k, int points, float lo, float hi, float threshold, CurveFeatures& out) {
  if (points < 2 || points > 100000) return "features: points must be in [2, 100000]";
  if (!(threshold >= 0 && std::isfinite(threshold))) return "features: threshold must be a finite number >= 0";
  CurveFeatures r;
  if (std::string e = gradient_scan(k, points, lo, hi, threshold, r.scan); !e.empty()) return e;
  const Slope slope{k, threshold};
  const std::vector<float>& x = r.scan.x;
  const std::vector<float>& f = r.scan.f;
  const std::vector<float>& df = r.scan.df;
  const std::size_t n = x.size();
  r.threshold = threshold;
  r.f_first = f.front();
  r.f_last = f.back();
  r.f_min = r.f_max = f[0];
  r.f_min_at = r.f_max_at = x[0];
  bool up = true, down = true, finite = true;
  std::size_t best = 0, best_last = 0;
  for (std::size_t i = 0; i < n; ++i) {
    finite = finite && std::isfinite(f[i]);
    if (f[i] < r.f_min) { r.f_min = f[i]; r.f_min_at = x[i]; }
    if (f[i] > r.f_max) { r.f_max = f[i]; r.f_max_at = x[i]; }
    if (i > 0) {
      up = up && f[i] >= f[i - 1];
      down = down && f[i] <= f[i - 1];
    }
    float m = std::fabs(df[i]);
    if (m > std::fabs(df[best]) || (std::isnan(df[best]) && !std::isnan(m))) best = best_last = i;
    else if (m == std::fabs(df[best])) best_last = i;
  }
  r.max_abs_df = std::fabs(df[best]);
  r.max_abs_df_at = x[best];
  r.max_abs_df_last = x[best_last];
  r.df_at_max = df[best];
  r.shape = !finite ? Shape::Neither : (up && down) ? Shape::Constant : up ? Shape::Rising : down ? Shape::Falling : Shape::Neither;

  // Dead intervals: runs of dead grid points, each end moved to the bisected crossing.
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!slope.dead(df[i])) continue;
    std::size_t j = i;
    while (j + 1 < n && slope.dead(df[j + 1])) ++j;
    Interval iv;
    iv.from = i == 0 ? static_cast<double>(x[0]) : crossing(slope, x[i - 1], x[i], false);
    iv.to = j + 1 == n ? static_cast<double>(x[n - 1]) : crossing(slope, x[j], x[j + 1], true);
    total += iv.to - iv.from;
    r.dead.push_back(iv);
    i = j;
  }
  const double width = static_cast<double>(x[n - 1]) - x[0];
  r.dead_share = std::fmin(1.0, total / width);
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
