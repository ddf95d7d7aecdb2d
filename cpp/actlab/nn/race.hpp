// race.hpp — the activation race: 2–8 contestants that differ only in their hidden activation,
// trained side by side on the same data from the same initial weights, for one or more seeds.
//
// Every contestant of seed k is a Trainer built from the same Config except the activation (and
// its parameters) of every hidden layer; its network and shuffle seeds are network.seed + k and
// training.seed + k, the dataset (dataset.seed) is the same for every seed. Network::build draws
// the initial weights from network.seed, layer by layer, before any activation is consulted, so
// the contestants of one seed start from identical W and b: configure() checks it bit for bit
// and refuses the race otherwise (it never happens; the check is the guarantee).
//
// Interleaving: step(n) runs n rounds; a round trains every trainer one epoch, in contestant
// order, seed by seed, then evaluates each on both splits. No contestant is ever more than one
// epoch ahead of another, and a round is never split by step_ms().
//
// Per contestant the race keeps, for seed 0 (the run shown), the history by epoch (entry 0 is
// before training): train and test loss and accuracy. The report (race_report_json) adds:
//   improvement % = 100 · (L_0 − L_e) / L_0 of the training loss, L_0 before training, L_e now;
//   epochs to target = the first epoch whose test accuracy ≥ target (per seed);
//   spread over seeds: min, mean and max of the current test accuracy, and how many seeds
//   reached the target (mean epochs to target over those that did);
//   a ranking: first who reached the target at the fewest epochs (mean over seeds for several
//   seeds), then by test accuracy (higher first), then by test loss (lower first); diverged
//   contestants last.
//
// JSON spec (race_from_json):
//   { "config": { ...Config JSON (docs/trainer.md); the hidden activations are replaced... },
//     "contestants": [ { "activation": "relu", "params": [p0|null, p1|null] }, ... ],   2..8
//     "seeds": 1..10, "target": 0..1 (test accuracy), "epochs": 1..5000 (the race's length) }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actlab/nn/trainer.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::nn {

struct Contestant {
  std::string activation = "relu";
  float params[2] = {NAN, NAN};  // NaN = the activation's default
};

struct RaceSpec {
  Config config;
  std::vector<Contestant> contestants;
  int seeds = 1;
  double target = 0.95;
  int epochs = 100;
};

// "" or a message naming the field ("race.contestants[2].activation ...").
std::string race_from_json(std::string_view text, RaceSpec& out);

struct RaceHistory {
  std::vector<double> train_loss, test_loss, train_acc, test_acc;  // by epoch, [0] = before training
};

class Race {
 public:
  void set_digits_bytes(std::vector<std::uint8_t> bytes) { digits_ = std::move(bytes); }
  // Builds every trainer; on failure returns the message and keeps the previous race.
  std::string configure(const RaceSpec& spec);
  std::string configure_json(std::string_view text);
  bool ready() const { return !runs_.empty(); }

  // Rounds (see above) until `n` more have run or the race's epochs are reached; returns rounds run.
  int step(int n);
  // Whole rounds until `ms` milliseconds have passed (at least one while the race is not over).
  // A budget outside [0, limits::kMaxStepMs] (NaN, Inf) runs nothing and returns -1.
  int step_ms(double ms);
  int epoch() const { return epoch_; }
  bool finished() const { return ready() && epoch_ >= spec_.epochs; }

  int contestants() const { return static_cast<int>(spec_.contestants.size()); }
  int seeds() const { return spec_.seeds; }
  const RaceSpec& spec() const { return spec_; }
  Trainer& trainer(int contestant, int seed) { return *runs_[static_cast<std::size_t>(seed * contestants() + contestant)].t; }
  const RaceHistory& history(int contestant) const { return runs_[static_cast<std::size_t>(contestant)].h; }
  // The first epoch whose test accuracy reached the target, or -1.
  int epochs_to_target(int contestant, int seed) const {
    return runs_[static_cast<std::size_t>(seed * contestants() + contestant)].reached;
  }
  // FNV-1a 64 of the contestant's initial W and b bytes (seed 0), layer by layer.
  std::uint64_t initial_hash(int contestant) const { return runs_[static_cast<std::size_t>(contestant)].init_hash; }

  // The JSON report; history entries from epoch `from` on (0 = all).
  std::string report_json(int from) const;
  // Decision grid of a contestant's seed-0 network (Trainer::decision_grid).
  std::string grid(int contestant, int res, double x0, double x1, double y0, double y1, float* out);

 private:
  struct Run {
    std::unique_ptr<Trainer> t;
    RaceHistory h;      // every epoch for seed 0; the other seeds keep only the last entry
    int reached = -1;   // epochs to target
    bool diverged = false;
    std::uint64_t init_hash = 0;
  };
  void record(Run& r, bool keep_history);
  RaceSpec spec_;
  std::vector<Run> runs_;  // [seed][contestant]
  int epoch_ = 0;
  std::vector<std::uint8_t> digits_;
};

std::uint64_t weights_hash(const Network& net);

}  // namespace actlab::nn
