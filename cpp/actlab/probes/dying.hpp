// dying.hpp — dying by training (the dead-neuron lab, issue 10): one seeded training run with a
// per-epoch census of the hidden units, so a page can chart how many ReLUs a too-high learning
// rate kills and compare the same run with Leaky ReLU or a lower rate.
//
// Run: the trainer (nn/trainer.hpp) on a 2-D dataset (`dataset`, `samples`, noise 0.1 — the circle
// by default), `layers` hidden layers of `units` units with `activation`, He-normal weights,
// biases `bias_init`, plain SGD (no momentum) with `learning_rate`, batches of `batch`, for
// `epochs` epochs. Every seed is `seed`.
// Census, after every epoch (and once before training, epoch 0): a forward pass over the whole
// training set; a hidden unit is dead when f′(z) = 0 on every training sample (exactly zero in
// float32: no gradient reaches its weights from any sample, so SGD cannot revive it — the
// curriculum's dying ReLU); dead_share = dead units / all hidden units. NaN slopes count as dead
// only after divergence, when the run stops: `diverged_at` is the epoch whose training first met
// a non-finite value (0 = never) and the series ends before it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab::probes {

struct DyingSpec {
  std::string dataset = "circle";
  int samples = 400;         // before the 50/50 split
  int units = 32;            // per hidden layer
  int layers = 2;            // hidden layers
  int epochs = 50;
  int batch = 16;
  double learning_rate = 2.0;  // too high for this net: about 30% of its ReLUs die (dying_test)
  double bias_init = 0.0;
  std::uint64_t seed = 1;
};

struct DyingEpoch {
  int epoch = 0;
  int dead = 0;                // dead hidden units (all layers)
  double dead_share = 0;       // dead / all hidden units
  std::vector<int> dead_per_layer;
  double loss = 0;             // the epoch's mean training loss (NaN at epoch 0)
  double accuracy = 0;         // test-set accuracy after the epoch
};

struct DyingResult {
  int hidden_units = 0;        // units · layers
  std::vector<DyingEpoch> epochs;   // epoch 0 (the initial network) .. the last finished epoch
  int peak_dead = 0, peak_epoch = 0;  // the most dead units of any epoch, and its first epoch
  int diverged_at = 0;         // 0, or the epoch in which training produced NaN/Inf
  std::string divergence;      // the trainer's message when it diverged
};

inline constexpr int kDyingMaxEpochs = 500;

// params: kMaxParams values or nullptr for the defaults. Returns "" or a message naming the field.
std::string dying_run(const Activation& a, const float* params, const DyingSpec& spec, DyingResult& out);

}  // namespace actlab::probes
