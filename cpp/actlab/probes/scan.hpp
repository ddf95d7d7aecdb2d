// scan.hpp — the gradient scan: f′ at evenly spaced points and the share where it is near zero
// (the curriculum's "dead zone %": 100 points on [−5, 5], |f′| < 0.01).
//   x_i = lo + i·(hi − lo)/(n − 1), i = 0..n−1; f and f′ by the registry's SIMD kernels.
#pragma once

#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab::probes {

struct ScanResult {
  std::vector<float> x, f, df;
  double dead_share = 0;     // share of points with |f′(x)| < threshold
  float min_abs_df = 0, max_abs_df = 0;
};

// params: kMaxParams values or nullptr for the defaults. Returns "" or a message.
std::string gradient_scan(const Activation& a, const float* params, int points, float lo, float hi, float threshold,
                          ScanResult& out);

}  // namespace actlab::probes
