// divergence.hpp — finds the first non-finite value (NaN or ±Inf) of a training step and
// names where it appeared and its likely cause (the playground's "NaN diagnosis").
//
// A step is checked in the order values are produced: the input batch, each layer's
// pre-activation Z and output A (layer 1 first), the loss, each layer's gradients, and after
// the update each layer's weights. The first failure wins. Causes are heuristics worded for
// learners, e.g. weights finite but Z overflows -> "weights grew too large".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actlab/nn/network.hpp"

namespace actlab::probes {

struct Divergence {
  bool found = false;
  std::int64_t step = 0;  // 1-based optimiser step
  int epoch = 0;          // 0-based epoch during which it happened
  int layer = -1;         // 1-based layer, 0 for the input/loss
  std::string what;       // "input", "pre-activation", "activation", "loss", "gradient", "weights",
                          // "optimizer state"
  std::string cause;
  std::string message() const;  // one sentence for people
};

// After forward, loss and backward of one batch (before the update).
bool check_pass(const nn::Network& net, const float* X, int batch, double loss, float lr, Divergence& d);
// After the optimiser update.
bool check_weights(const nn::Network& net, float lr, Divergence& d);
// After the update: the optimiser's slots (momentum v; Adam m and v), which can overflow while
// the weights stay finite (Adam's v = g² reaches +Inf and the step m/√v becomes 0).
bool check_optimizer(const std::vector<std::vector<std::vector<float>>>& slots, float lr, Divergence& d);

}  // namespace actlab::probes
