// trainer.hpp — one training run: a dataset, a network, an optimiser and the loop that feeds
// shuffled mini-batches through them, with evaluation, decision-boundary grids, health
// statistics, divergence detection and model files (export/import in model_io.cpp).
//
// Determinism: the dataset, the initial weights and the per-epoch shuffle each come from their
// own seeded Rng (dataset.seed, network.seed, training.seed); with the fixed-order kernels the
// same config gives bit-identical weights and losses on every target (tests/golden/nn_train.txt).
//
// An epoch is a pass over a permutation of the training samples (re-shuffled at the start of
// each epoch when training.shuffle), in batches of training.batch (the last one may be smaller).
// step() advances one batch, so callers can train for a time budget and resume mid-epoch.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actlab/data/datasets.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/nn/config.hpp"
#include "actlab/nn/network.hpp"
#include "actlab/nn/optimizer.hpp"
#include "actlab/probes/divergence.hpp"
#include "actlab/probes/health.hpp"

namespace actlab::nn {

struct Metrics {
  double loss = 0;      // mean data loss (no regularisation term)
  double accuracy = 0;  // share of correct predictions; NaN for regression
};

class Trainer {
 public:
  // The bytes of public/data/digits8x8.bin, needed before configuring the "digits" dataset.
  void set_digits_bytes(std::vector<std::uint8_t> bytes) { digits_ = std::move(bytes); }

  // Builds dataset, network and optimiser. On failure returns the message and keeps the
  // previous state untouched.
  std::string configure(const Config& c);
  std::string configure_json(std::string_view text);
  bool ready() const { return ready_; }

  // One optimiser step on the next mini-batch. Returns false (and does nothing) once diverged.
  bool step();
  // Runs until the end of the current epoch; returns false if training diverged.
  bool run_epoch();
  // Runs whole batches until `ms` milliseconds have passed (at least one batch); returns the
  // number of steps done. A budget that is not a number in [0, limits::kMaxStepMs] (NaN, Inf,
  // 1e300, negative) is refused: nothing runs and 0 is returned.
  int run_for_ms(double ms);
  // Whether `n` epochs (or batches) may run in one call: "" or why not. Bounded by
  // limits::kMaxStepBatches optimiser steps and limits::kMaxStepWork samples × parameters, so a
  // caller asking for 2^31 − 1 epochs gets a message instead of a worker that never returns.
  std::string step_budget_error(bool epochs, double n) const;
  // The learning rate the next step uses (training.schedule at the current epoch).
  float learning_rate_now() const { return scheduled_learning_rate(cfg_.training, epoch_); }

  Metrics evaluate(bool test);
  // Mean loss of the batches of the last finished epoch (as seen during training).
  double last_epoch_loss() const { return last_epoch_loss_; }
  int epoch() const { return epoch_; }             // finished epochs
  std::int64_t steps() const { return net_steps_; }
  const probes::Divergence& divergence() const { return div_; }

  // Head outputs (outputs() values per point) on a res×res grid of the raw 2-D domain
  // [x0, x1] × [y0, y1]: row r is y = y1 − (r + ½)(y1 − y0)/res (top row first), column c is
  // x = x0 + (c + ½)(x1 − x0)/res. `out` holds res·res·outputs floats.
  std::string decision_grid(int res, double x0, double x1, double y0, double y1, float* out);

  // Forward + backward on the first min(256, n_train) training samples (no update).
  std::vector<probes::LayerHealth> health();

  // Model files: versioned JSON with config, weights, optimiser and RNG state (model_io.cpp).
  // export_json returns "" when export_error() says why the state cannot be written (not
  // configured, or a non-finite weight or optimiser value after divergence): what the export
  // writes, the import reads back.
  std::string export_json(bool pretty = false) const;
  std::string export_error() const;
  std::string import_json(std::string_view text);  // "" or a message naming the field

  // Weight editing (the playground's editable edges). W of layer l is [in][out] (dense.hpp), so
  // `row` is the input unit and `col` the output unit of the edge; layer 0 reads the input
  // features, the last layer is the head. The value must be finite as a float32. Returns "" or a
  // message naming the index or value; nothing changes on error. The optimiser's state (momentum,
  // Adam moments) is kept as it is, so training continues from the edited weights.
  std::string set_weight(int layer, int row, int col, double value);
  std::string set_bias(int layer, int unit, double value);

  const Config& config() const { return cfg_; }
  const data::Dataset& dataset() const { return data_; }
  Network& network() { return net_; }
  const Network& network() const { return net_; }
  OptimizerState& optimizer() { return opt_; }
  Head head() const { return net_.head(); }

  // The label a head trains on: binary 0/1 becomes ±1 for tanh; others unchanged.
  static float head_label(Head h, data::Task task, float y);
  // Resolves Head::Auto and checks the head fits the task; "" or a message.
  static std::string resolve_head(Head requested, const data::Dataset& d, Head& out);

 private:
  friend struct ModelIo;
  void gather(std::size_t first, int count);
  // The epoch's loss sum with the pending batches added in order: what epoch_loss_sum_ would be
  // had each batch's loss been taken at its own step.
  double settled_loss_sum() const;
  // Stores that sum in epoch_loss_sum_ and clears the pending batches.
  void settle_loss();
  bool ready_ = false;
  Config cfg_;
  data::Dataset data_;
  std::vector<float> ytr_, yte_;       // labels as the head wants them
  Network net_;
  OptimizerState opt_;
  data::Rng shuffle_rng_;
  std::vector<std::uint32_t> order_;   // this epoch's permutation of the training samples
  std::size_t pos_ = 0;                // next sample in order_
  int epoch_ = 0;
  std::int64_t net_steps_ = 0;
  double epoch_loss_sum_ = 0;          // Σ batch mean loss · batch size, this epoch (settled part)
  // Issue 9: batches of this epoch whose sigmoid + BCE loss is still to be taken — their softplus
  // terms (Network::bce_binary_terms) and sizes — so that the softplus of an epoch runs in one
  // kernel call at its end instead of a short call and a serial sum per step (the 2-8-8-1 tanh
  // epoch at batch 10: +4.8 % natively and in wasm). Settled, in batch order and with the same
  // bits, at the epoch's end, before an immediate loss is added, and whenever epoch_loss_sum_ is
  // read (model export).
  std::vector<float> pending_terms_;
  std::vector<int> pending_batches_;
  mutable std::vector<float> pending_sp_;
  double last_epoch_loss_ = NAN;
  probes::Divergence div_;
  std::vector<float> bx_, by_;         // the current batch
  std::vector<std::uint8_t> digits_;
};

}  // namespace actlab::nn
