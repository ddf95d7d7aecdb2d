// scan.cpp — the gradient scan of scan.hpp.
#include "actlab/probes/scan.hpp"

#include <cmath>

#include "actlab/util/limits.hpp"

namespace actlab::probes {

std::string gradient_scan(const Activation& a, const float* params, int points, float lo, float hi, float threshold,
                          ScanResult& out) {
  if (points < 2 || points > limits::kScanMaxPoints)
    return "scan: points must be in [2, " + std::to_string(limits::kScanMaxPoints) + "]";
  if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) return "scan: the range must be finite with hi > lo";
  if (!(threshold >= 0 && std::isfinite(threshold))) return "scan: threshold must be a finite number >= 0";
  float p[kMaxParams];
  a.default_params(p);
  if (params)
    for (int i = 0; i < kMaxParams; ++i) p[i] = params[i];
  if (std::string e = a.check_params(p); !e.empty()) return e;
  return gradient_scan([&a, &p](const float* x, float* y, std::size_t n, bool d) { a.apply(x, y, n, d, p, Backend::Simd); },
                       points, lo, hi, threshold, out);
}

std::string gradient_scan(const Kernel& k, int points, float lo, float hi, float threshold, ScanResult& out) {
  if (points < 2 || points > limits::kScanMaxPoints)
    return "scan: points must be in [2, " + std::to_string(limits::kScanMaxPoints) + "]";
  if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) return "scan: the range must be finite with hi > lo";
  if (!(threshold >= 0 && std::isfinite(threshold))) return "scan: threshold must be a finite number >= 0";
  ScanResult r;
  r.x.resize(static_cast<std::size_t>(points));
  for (int i = 0; i < points; ++i)
    r.x[static_cast<std::size_t>(i)] = static_cast<float>(lo + static_cast<double>(i) * (static_cast<double>(hi) - lo) / (points - 1));
  r.f.resize(r.x.size());
  r.df.resize(r.x.size());
  k(r.x.data(), r.f.data(), r.x.size(), false);
  k(r.x.data(), r.df.data(), r.x.size(), true);
  int dead = 0;
  r.min_abs_df = INFINITY;
  r.max_abs_df = 0;
  for (float d : r.df) {
    float m = std::fabs(d);
    dead += m < threshold;
    r.min_abs_df = std::fmin(r.min_abs_df, m);
    r.max_abs_df = std::fmax(r.max_abs_df, m);
  }
  r.dead_share = static_cast<double>(dead) / points;
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
