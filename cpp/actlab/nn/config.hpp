// config.hpp — everything that defines a training run: dataset, network and training
// hyper-parameters, with their JSON form (the "config" object of a model file and of
// `actlab train --config`). Parsing is strict: unknown keys, wrong types and out-of-range values
// are rejected with a message naming the field ("network.hidden[1].units must be in [1, 4096]").
//
// JSON shape (every field optional; defaults below):
//   { "dataset":  { "name", "samples", "noise", "classes", "train_ratio", "seed", "features",
//                   "points": [x, y, label, ...] and "task": "classification" | "regression"
//                   (the "custom" set only) },
//     "network":  { "hidden": [ { "units", "activation", "params": [p0, p1] } ],
//                   "head": "auto" | "sigmoid_bce" | "softmax_ce" | "identity_mse" | "tanh_mse",
//                   "init": "zero" | "uniform" | "xavier" | "he" | "lecun", "init_scale",
//                   "bias_init", "prelu_alpha": "layer" | "unit", "seed" },
//     "training": { "optimizer": "sgd" | "momentum" | "adam", "learning_rate", "momentum",
//                   "beta1", "beta2", "epsilon", "regularization": "none" | "l1" | "l2",
//                   "lambda", "batch", "shuffle", "seed",
//                   "schedule": "constant" | "step" | "cosine", "decay_every", "decay_rate",
//                   "schedule_epochs", "min_learning_rate" } }
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "actlab/data/datasets.hpp"
#include "actlab/util/json.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::nn {

// Output head = output activation + its matching loss.
//   SigmoidBce  one unit, p = σ(z), L = −[y log p + (1−y) log(1−p)], ∂L/∂z = p − y
//   SoftmaxCe   K units, p = softmax(z), L = −log p_y,              ∂L/∂z = p − onehot(y)
//   IdentityMse ŷ = z,       L = ½ Σ (ŷ − y)²,                       ∂L/∂z = ŷ − y
//   TanhMse     ŷ = tanh z,  L = ½ Σ (ŷ − y)², labels ±1,            ∂L/∂z = (ŷ − y)(1 − ŷ²)
// (per sample; the batch loss is the mean over samples).
enum class Head { Auto, SigmoidBce, SoftmaxCe, IdentityMse, TanhMse };
// Weight initialisers (biases get bias_init):
//   Zero; Uniform ±init_scale; Xavier/Glorot uniform ±√(6/(in+out)) (Glorot & Bengio 2010);
//   He normal σ = √(2/in) (He et al. 2015); LeCun normal σ = √(1/in) (LeCun et al. 1998).
enum class Init { Zero, Uniform, Xavier, He, Lecun };
enum class Optimizer { Sgd, Momentum, Adam };
enum class Regularization { None, L1, L2 };
// Learning-rate schedules, by finished epochs e (the rate of every step in epoch e, 0-based):
//   Constant  η_e = η
//   Step      η_e = η · rate^⌊e / every⌋                       (step decay)
//   Cosine    η_e = η_min + ½(η − η_min)(1 + cos(π·min(e, T)/T))  (cosine annealing without
//             restarts, Loshchilov & Hutter 2017, SGDR), T = schedule_epochs; η_min after T.
// Computed in double with detmath (same bits everywhere), then rounded to float.
enum class Schedule { Constant, Step, Cosine };
enum class AlphaMode { Layer, Unit };  // PReLU: one learned α per layer, or one per unit

const char* head_name(Head h);
const char* init_name(Init i);
const char* optimizer_name(Optimizer o);
const char* regularization_name(Regularization r);
const char* schedule_name(Schedule s);

inline constexpr int kMaxLayers = limits::kMaxLayers;    // hidden layers
inline constexpr int kMaxUnits = limits::kMaxUnits;      // per layer
inline constexpr long kMaxWeights = limits::kMaxWeights;  // parameters of one network (its model file must read back)

struct HiddenSpec {
  int units = 8;
  std::string activation = "relu";   // a registry id
  float params[2] = {NAN, NAN};      // NaN = the activation's default
};

struct NetSpec {
  std::vector<HiddenSpec> hidden = {HiddenSpec{}, HiddenSpec{}};
  Head head = Head::Auto;
  Init init = Init::Xavier;
  float init_scale = 0.5f;           // Uniform only
  float bias_init = 0.0f;
  AlphaMode prelu_alpha = AlphaMode::Layer;
  std::uint64_t seed = 1;
};

struct TrainSpec {
  Optimizer optimizer = Optimizer::Adam;
  float learning_rate = 0.01f;
  float momentum = 0.9f;
  float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;   // Adam (Kingma & Ba 2015 defaults)
  Regularization regularization = Regularization::None;
  float lambda = 0.0f;
  int batch = 16;
  bool shuffle = true;
  std::uint64_t seed = 1;
  Schedule schedule = Schedule::Constant;
  int decay_every = 50;              // Step: epochs between decays
  float decay_rate = 0.5f;           // Step: factor per decay
  int schedule_epochs = 200;         // Cosine: T
  float min_learning_rate = 0.0f;    // Cosine: η_min
};

// The learning rate of the steps in epoch `epoch` (0-based) under t's schedule.
float scheduled_learning_rate(const TrainSpec& t, int epoch);

struct Config {
  data::DatasetSpec dataset;
  NetSpec network;
  TrainSpec training;
};

// Fills `out` from a JSON object (missing fields keep their defaults). Returns "" or a message
// naming the field. Does not check that activation ids exist (Network::build does).
std::string config_from_json(const json::Value& v, Config& out);
json::Value config_to_json(const Config& c);

}  // namespace actlab::nn
