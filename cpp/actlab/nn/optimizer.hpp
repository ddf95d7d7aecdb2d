// optimizer.hpp — SGD, momentum and Adam over the network's parameter tensors.
//
// Update rules, per element, in float, in the tensor order of Network::params():
//   SGD       w ← w − η·g
//   Momentum  v ← μ·v + g;  w ← w − η·v                      (PyTorch's form)
//   Adam      m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
//             w ← w − η·m̂ / (√v̂ + ε),  m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)   (Kingma & Ba 2015)
// β^t is kept as a running product in double (bit-identical everywhere); √ is IEEE sqrt.
// The state (t and the slots m, v) is exported with the model so a run resumes exactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actlab/nn/config.hpp"
#include "actlab/nn/network.hpp"

namespace actlab::nn {

class OptimizerState {
 public:
  // Sizes the slots for `net` (zeroed, t = 0).
  void reset(const TrainSpec& spec, Network& net);
  // One update of every parameter from its gradient.
  void step(Network& net);
  // True when the last step() has shown that every value it wrote is finite: the fast SGD path
  // sums them as it writes them (a finite sum of floats has only finite terms), so the trainer can
  // skip its separate walk over the weights (probes::check_weights). False means "not known":
  // momentum, Adam, the reference path, or a sum that is not finite (then the walk finds the
  // array, or finds nothing if finite terms only overflowed the sum).
  bool updated_finite() const { return updated_finite_; }

  const TrainSpec& spec() const { return spec_; }
  // The rate the next step() uses (a learning-rate schedule changes it per epoch).
  void set_learning_rate(float lr) { spec_.learning_rate = lr; }
  std::int64_t t() const { return t_; }
  // slots()[k] is the state of parameter tensor k: momentum: {v}; Adam: {m, v}; SGD: {}.
  std::vector<std::vector<std::vector<float>>>& slots() { return slots_; }
  const std::vector<std::vector<std::vector<float>>>& slots() const { return slots_; }
  int slot_count() const;  // 0, 1 or 2 per tensor
  double beta1_power() const { return b1t_; }
  double beta2_power() const { return b2t_; }
  // Restores t and the running products β1^t, β2^t (from a model file).
  void set_state(std::int64_t t, double b1t, double b2t) { t_ = t; b1t_ = b1t; b2t_ = b2t; }

 private:
  TrainSpec spec_;
  std::int64_t t_ = 0;
  double b1t_ = 1.0, b2t_ = 1.0;  // β1^t, β2^t
  bool updated_finite_ = false;
  std::vector<std::vector<std::vector<float>>> slots_;
  std::vector<ParamRef> refs_;  // step()'s tensor list, refilled when the network's layout changes
  const Network* refs_net_ = nullptr;  // ... which network (a copied or moved trainer has another)
  std::uint64_t refs_layout_ = 0;      // ... and which of its layouts
};

}  // namespace actlab::nn
