// health.hpp — per-layer gradient-health statistics of a network after a forward and backward
// pass (the playground's health bars, and curriculum exercise 4).
//
// For each layer l, over the batch the pass used:
//   mean_abs_grad    mean |∂L/∂W_l| (over every weight of the layer)
//   mean_abs_fprime  mean |f′(Z_l)| over units × samples (hidden layers; NaN for the output)
//   dead_share       share of units with f′(z) = 0 on every sample (no gradient flows)
//   saturated_share  share of units, not dead, with |f′(z)| < 0.01 on every sample
//   histogram        pre-activation Z counts in kHistBins equal bins over [−kHistRange, kHistRange],
//                    plus `below` and `above` counts (and NaNs in `nonfinite`)
//   warning          "" or "vanishing gradient ..." (mean |∂L/∂W| < 1e-3) /
//                    "exploding gradient ..." (> 1e2); thresholds from the curriculum
#pragma once

#include <string>
#include <vector>

#include "actlab/nn/network.hpp"

namespace actlab::probes {

inline constexpr int kHistBins = 20;
inline constexpr float kHistRange = 5.0f;
inline constexpr double kVanishBelow = 1e-3;
inline constexpr double kExplodeAbove = 1e2;
inline constexpr float kSaturatedSlope = 0.01f;

struct LayerHealth {
  int layer = 0;
  int units = 0;
  std::string activation;  // registry id, or the head name for the output layer
  double mean_abs_grad = 0, mean_abs_fprime = 0, dead_share = 0, saturated_share = 0;
  std::vector<int> histogram;  // kHistBins
  int below = 0, above = 0, nonfinite = 0;
  std::string warning;
};

// Reads the workspace of `net` (after forward(X, batch) and backward(...)).
std::vector<LayerHealth> layer_health(const nn::Network& net, int batch);

}  // namespace actlab::probes
