// dying.cpp — dying_run() of dying.hpp: the trainer, and a census forward pass after each epoch.
#include "actlab/probes/dying.hpp"

#include <cmath>

#include "actlab/nn/trainer.hpp"
#include "actlab/probes/budget.hpp"

namespace actlab::probes {
namespace {

// The census of the current network on the whole training set (dying.hpp).
void census_of(nn::Trainer& t, DyingEpoch& e) {
  const data::Dataset& d = t.dataset();
  const int n = static_cast<int>(d.n_train());
  nn::Network& net = t.network();
  net.forward(d.x_train.data(), n);
  const std::vector<nn::Layer>& L = net.layers();
  e.dead = 0;
  e.dead_per_layer.clear();
  int units = 0;
  for (std::size_t k = 0; k + 1 < L.size(); ++k) {
    const nn::Layer& l = L[k];
    int dead = 0;
    for (int j = 0; j < l.out; ++j) {
      bool alive = false;
      for (int s = 0; s < n && !alive; ++s) alive = l.Fp[static_cast<std::size_t>(s) * l.out + j] != 0.f;  // NaN ≠ 0: alive
      dead += !alive;
    }
    e.dead_per_layer.push_back(dead);
    e.dead += dead;
    units += l.out;
  }
  e.dead_share = units > 0 ? static_cast<double>(e.dead) / units : 0;
}

}  // namespace

std::string dying_run(const Activation& a, const float* params, const DyingSpec& s, DyingResult& out) {
  if (s.units < 1 || s.units > 256) return "dying: units must be in [1, 256]";
  if (s.layers < 1 || s.layers > 8) return "dying: layers must be in [1, 8]";
  if (s.epochs < 1 || s.epochs > kDyingMaxEpochs) return "dying: epochs must be in [1, " + std::to_string(kDyingMaxEpochs) + "]";
  if (s.samples < 20 || s.samples > 4000) return "dying: samples must be in [20, 4000]";
  if (s.batch < 1 || s.batch > 1024) return "dying: batch must be in [1, 1024]";
  if (!(s.learning_rate > 0 && s.learning_rate <= 10)) return "dying: learning rate must be in (0, 10]";
  if (!(s.bias_init >= -10 && s.bias_init <= 10)) return "dying: bias_init must be in [-10, 10]";
  if (s.dataset == "digits") return "dying: dataset must be a 2-D set, not digits";
  {
    // One epoch: forward + backward + update over n/2 training samples, about 3 multiply-adds per
    // weight and sample, and one census forward pass.
    const double U = s.units, Lh = s.layers, n = s.samples * 0.5;
    const double weights = 2 * U + (Lh - 1) * U * U + U * 10;
    if (std::string e = over_budget("dying", "epochs·samples·weights·2", s.epochs * n * weights * 4, "samples·units·layers·4",
                                    s.samples * U * Lh * 4);
        !e.empty())
      return e;
  }
  nn::Config c;
  c.dataset.name = s.dataset;
  c.dataset.samples = s.samples;
  c.dataset.noise = 0.1;
  c.dataset.seed = s.seed;
  c.network.hidden.clear();
  for (int l = 0; l < s.layers; ++l) {
    nn::HiddenSpec h;
    h.units = s.units;
    h.activation = a.id;
    if (params)
      for (int q = 0; q < a.param_count && q < 2; ++q) h.params[q] = params[q];
    c.network.hidden.push_back(h);
  }
  c.network.init = nn::Init::He;
  c.network.bias_init = static_cast<float>(s.bias_init);
  c.network.seed = s.seed;
  c.training.optimizer = nn::Optimizer::Sgd;
  c.training.learning_rate = static_cast<float>(s.learning_rate);
  c.training.batch = s.batch;
  c.training.seed = s.seed;
  nn::Trainer t;
  if (std::string e = t.configure(c); !e.empty()) return "dying: " + e;
  DyingResult r;
  r.hidden_units = s.units * s.layers;
  {
    DyingEpoch e0;
    census_of(t, e0);
    e0.loss = NAN;
    e0.accuracy = t.evaluate(true).accuracy;
    r.epochs.push_back(std::move(e0));
  }
  for (int ep = 1; ep <= s.epochs; ++ep) {
    if (!t.run_epoch()) {
      r.diverged_at = ep;
      r.divergence = t.divergence().message();
      break;
    }
    DyingEpoch e;
    e.epoch = ep;
    e.loss = t.last_epoch_loss();
    e.accuracy = t.evaluate(true).accuracy;
    census_of(t, e);
    r.epochs.push_back(std::move(e));
  }
  for (const DyingEpoch& e : r.epochs)
    if (e.dead > r.peak_dead) {
      r.peak_dead = e.dead;
      r.peak_epoch = e.epoch;
    }
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
