// depth.hpp — the depth sweep: push random inputs through N random dense layers of one
// activation and measure, per layer, the forward signal and the backward gradient
// (the vanishing-gradient lab; curriculum: N = 10, 50, up to 100).
//
// Setup (seeded): width W everywhere, weights by `init` (Xavier uniform ±√(6/2W), He normal
// √(2/W), LeCun normal √(1/W)), biases 0; `samples` inputs x ~ N(0, 1)^W.
// Forward:  a_0 = x, z_l = a_{l−1}·W_l, a_l = f(z_l)                        (l = 1..N)
//   signal[l]   = mean over units of the standard deviation of a_l across samples (how much the
//                 layer still tells inputs apart; sigmoid's constant 0.5 counts as no signal)
//   mean_abs[l] = mean |a_l|
// Backward: ∂L/∂a_N ~ N(0, 1) (a random upstream gradient), ∂L/∂z_l = ∂L/∂a_l ⊙ f′(z_l),
//           ∂L/∂a_{l−1} = ∂L/∂z_l·W_lᵀ
//   grad[l]     = mean |∂L/∂z_l|  (what multiplies into layer l's weight gradient)
// vanish_forward: the first layer (1-based, counting up from the input) where signal < threshold;
// vanish_backward: the first layer counting down from the output where grad < threshold
// (threshold 1e-3, the health monitor's); 0 if never.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/nn/config.hpp"

namespace actlab::probes {

struct DepthSpec {
  int layers = 50;
  int width = 32;
  int samples = 64;
  nn::Init init = nn::Init::Xavier;
  // N(0, 1) weights with no 1/√W scaling (the course's experiment; overrides `init`): with ReLU
  // the signal grows ~√(W/2) per layer (exploding), with sigmoid the units saturate.
  bool standard_normal = false;
  std::uint64_t seed = 1;
  float threshold = 1e-3f;
};

struct DepthResult {
  std::vector<double> signal, mean_abs, grad;  // index l-1 for layer l
  int vanish_forward = 0, vanish_backward = 0;
};

std::string depth_sweep(const Activation& a, const float* params, const DepthSpec& spec, DepthResult& out);

}  // namespace actlab::probes
