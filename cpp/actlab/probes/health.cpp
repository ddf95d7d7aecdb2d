// health.cpp — computes the statistics described in health.hpp from a network's workspace.
// Sums are in double, in index order; nothing here feeds back into training.
#include "actlab/probes/health.hpp"

#include <cmath>
#include <cstdio>

namespace actlab::probes {

std::vector<LayerHealth> layer_health(const nn::Network& net, int batch) {
  std::vector<LayerHealth> out;
  const auto& layers = net.layers();
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const nn::Layer& l = layers[k];
    LayerHealth h;
    h.layer = static_cast<int>(k);
    h.units = l.out;
    h.activation = l.act ? l.activation_id() : nn::head_name(net.head());
    h.histogram.assign(kHistBins, 0);
    double g = 0;
    for (float v : l.gW) g += std::fabs(static_cast<double>(v));
    h.mean_abs_grad = l.gW.empty() ? 0 : g / static_cast<double>(l.gW.size());
    const std::size_t n = static_cast<std::size_t>(batch) * l.out;
    for (std::size_t q = 0; q < n && q < l.Z.size(); ++q) {
      float z = l.Z[q];
      if (!std::isfinite(z)) { ++h.nonfinite; continue; }
      if (z < -kHistRange) { ++h.below; continue; }
      if (z >= kHistRange) { ++h.above; continue; }
      int bin = static_cast<int>((z + kHistRange) / (2 * kHistRange) * kHistBins);
      h.histogram[static_cast<std::size_t>(bin < 0 ? 0 : bin >= kHistBins ? kHistBins - 1 : bin)]++;
    }
    if (l.act && batch > 0) {
      double fp = 0;
      int dead = 0, sat = 0;
      for (int j = 0; j < l.out; ++j) {
        bool all_zero = true, all_small = true;
        for (int s = 0; s < batch; ++s) {
          float d = std::fabs(l.Fp[static_cast<std::size_t>(s) * l.out + j]);
          fp += d;
          all_zero = all_zero && d == 0.f;
          all_small = all_small && d < kSaturatedSlope;
        }
        dead += all_zero;
        sat += !all_zero && all_small;
      }
      h.mean_abs_fprime = fp / static_cast<double>(n);
      h.dead_share = static_cast<double>(dead) / l.out;
      h.saturated_share = static_cast<double>(sat) / l.out;
    } else {
      h.mean_abs_fprime = NAN;
    }
    char buf[160];
    if (!std::isfinite(h.mean_abs_grad)) {
      std::snprintf(buf, sizeof buf, "layer %zu: non-finite gradient", k + 1);
      h.warning = buf;
    } else if (h.mean_abs_grad < kVanishBelow) {
      std::snprintf(buf, sizeof buf, "layer %zu: vanishing gradient (mean |dL/dW| = %.3g < 1e-3)", k + 1, h.mean_abs_grad);
      h.warning = buf;
    } else if (h.mean_abs_grad > kExplodeAbove) {
      std::snprintf(buf, sizeof buf, "layer %zu: exploding gradient (mean |dL/dW| = %.3g > 1e2)", k + 1, h.mean_abs_grad);
      h.warning = buf;
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace actlab::probes
