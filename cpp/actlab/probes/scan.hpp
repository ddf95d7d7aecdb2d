// scan.hpp — the gradient scan: f′ at evenly spaced points and the share where it is near zero
// (the curriculum's "dead zone %": 100 points on [−5, 5], |f′| < 0.01).
//   x_i = lo + i·(hi − lo)/(n − 1), i = 0..n−1; f and f′ by the registry's SIMD kernels.
#pragma once

#include <cstddef>
#include <functional>
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

// f (derivative false) or f′ (true) of n inputs: any batch kernel, e.g. a typed activation's tape.
using Kernel = std::function<void(const float* x, float* y, std::size_t n, bool derivative)>;

// The same scan over any kernel (the registry's version checks its parameters, then calls this).
std::string gradient_scan(const Kernel& k, int points, float lo, float hi, float threshold, ScanResult& out);

}  // namespace actlab::probes
