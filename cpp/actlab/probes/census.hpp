// census.hpp — the dead-neuron and saturation census of one random layer (the dead-neuron lab).
//
// Setup (seeded, the curriculum's example by default): `inputs` → `units`, weights ~ N(0, 1),
// biases ~ N(bias_mean, 1) (bias_mean 0 by default), `samples` inputs x ~ N(0, 1)^inputs, z = x·W + b, f = the activation.
// Per unit:
//   active_share     share of inputs where f′(z) ≠ 0 (gradient flows; NaN counts as inactive)
//   firing_share     share of inputs where f(z) > 0
//   saturated_share  share of inputs where |f′(z)| < 0.01 (the gradient scan's threshold; for
//                    ReLU this is its flat side, for sigmoid/tanh their tails)
//   state            "dead" (active_share = 0), "weak" (< 5%), "healthy"
//   saturation       "saturated" (saturated_share ≥ 95%), "often" (≥ 50%), "ok"
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab::probes {

struct CensusSpec {
  int inputs = 5;
  int units = 20;
  int samples = 1000;
  double bias_mean = 0.0;  // biases ~ N(bias_mean, 1): a negative mean shows units dying
  std::uint64_t seed = 1;
};

struct UnitCensus {
  double active_share = 0, firing_share = 0, saturated_share = 0;
  const char* state = "";
  const char* saturation = "";
};

struct CensusResult {
  std::vector<UnitCensus> units;
  int dead = 0, weak = 0, healthy = 0;
  int saturated = 0, often_saturated = 0;
};

inline constexpr double kWeakBelow = 0.05;  // the curriculum's "weak (< 5%)"

std::string neuron_census(const Activation& a, const float* params, const CensusSpec& spec, CensusResult& out);

}  // namespace actlab::probes
