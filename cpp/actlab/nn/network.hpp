// network.hpp — the multilayer perceptron: dense layers, an activation per hidden layer from
// the registry (PReLU with learned α per layer or per unit), an output head with its loss,
// forward and backward passes over a mini-batch, and the initialisers.
//
// Shapes: layer l maps [batch][in_l] -> [batch][out_l]; W_l is [in_l][out_l], b_l is [out_l].
// Forward:  Z_l = A_{l-1}·W_l + b_l,  A_l = f_l(Z_l)  (A_0 = X; the last layer's f is the head's).
// Backward: dZ_L = (p − y)/batch (or the MSE/tanh form, see config.hpp), then
//           gW_l = A_{l-1}ᵀ·dZ_l, gb_l = Σ_s dZ_l, dA_{l-1} = dZ_l·W_lᵀ, dZ_{l-1} = dA_{l-1} ⊙ f′(Z_{l-1}).
// Regularisation adds λ·sign(W) (L1) or λ·W (L2) to gW; the reported loss adds λΣ|W| or ½λΣW².
// All arithmetic is float in a fixed order (dense.hpp); activations run the registry's SIMD
// kernels; the per-sample loss is summed in double in sample order. Same numbers on every target.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/nn/config.hpp"

namespace actlab::nn {

struct Layer {
  int in = 0, out = 0;
  const Activation* act = nullptr;  // hidden layers; nullptr for the output layer
  bool prelu = false;               // act is "prelu": α is a parameter (alpha, galpha)
  float params[actlab::kMaxParams] = {0, 0};
  std::vector<float> W, b, alpha;   // alpha: 1 (per layer) or out (per unit) values
  std::vector<float> gW, gb, galpha;
  // Batch workspace, [batch][out]: pre-activation, output, f′(Z), and ∂L/∂Z.
  std::vector<float> Z, A, Fp, dZ;
  // A typed activation ("expr:<text>", docs/expr.md): act is then the registry's identity as a
  // stand-in for "hidden layer", and the tape computes f, f′ and ∂f/∂p of each learnable
  // parameter p. evalues holds one value per learnable parameter per layer, or per unit with
  // prelu_alpha = "unit" ([p][unit]); gevalues their gradients; Gp is [p][batch][out].
  std::shared_ptr<const expr::Compiled> expr;
  std::string expr_id;               // "expr:<text>"
  bool expr_per_unit = false;
  std::vector<float> evalues, gevalues, Gp;
  std::vector<float> column;         // scratch of a per-unit run: [1 + 2 + learnable][batch]
  // The activation's id as configs and reports spell it: the registry id or "expr:<text>".
  const char* activation_id() const { return expr ? expr_id.c_str() : act ? act->id : ""; }
};

// A parameter tensor and its gradient, in the fixed order the optimiser and model files use:
// for each layer, W, b, then alpha when present.
struct ParamRef {
  float* value;
  float* grad;
  std::size_t size;
  int layer;
  const char* name;  // "W", "b", "alpha", "expr" (a typed activation's learnable parameters)
  bool regularised;  // only W
};

class Network {
 public:
  // Builds the layers for `inputs` features and `outputs` units with `head` (resolved, not Auto)
  // and initialises the weights from spec.seed. Returns "" or a message naming the field.
  std::string build(const NetSpec& spec, int inputs, int outputs, Head head);

  int inputs() const { return inputs_; }
  int outputs() const { return layers_.empty() ? 0 : layers_.back().out; }
  Head head() const { return head_; }
  std::vector<Layer>& layers() { return layers_; }
  const std::vector<Layer>& layers() const { return layers_; }
  std::vector<ParamRef> params();
  // The same list into `out` (cleared first; no allocation once `out` has grown to size).
  void params_into(std::vector<ParamRef>& out);
  // Changes whenever build() (re)allocates the parameter arrays, to a value no other build of any
  // network has had: a list from params_into() stays valid while this Network (the same object)
  // keeps the same layout(). Values may change in between (training, edits, imports); the arrays
  // do not move.
  std::uint64_t layout() const { return layout_; }
  std::size_t param_count() const;

  // Forward pass over X [batch][inputs]; keeps the workspace for backward. The head's output
  // (probabilities or predictions) is output() [batch][outputs].
  // derivatives = false (inference: grids, evaluation) skips f′ for registry activations; A and
  // the outputs are the same bits, but Fp is then stale, so backward() needs a forward with f′.
  void forward(const float* X, int batch, bool derivatives = true);
  const float* output() const { return layers_.back().A.data(); }

  // Per-sample losses for labels y (one float per sample: 0/1, class index, target, or ±1
  // for tanh; see Trainer::head_label) into loss[batch]; returns their mean (double, in order).
  double loss(const float* y, int batch, float* per_sample) const;
  // The sigmoid + BCE loss in two halves, so that a trainer can take the softplus of many batches
  // in one call (Trainer::settle_loss, issue 9): with labels exactly 0 or 1 and finite logits —
  // every binary set's case — a sample's loss is softplus(t) for t = −z (y = 1) or z (y = 0).
  // bce_binary_terms appends the batch's t to `terms` and returns true in that case; otherwise
  // (another head, a soft label, a non-finite z, or the reference path) it returns false and
  // leaves `terms` as it was. Then softplus(terms) into sp (bce_softplus: elementwise, so a value
  // has the same bits wherever it sits in the array) and bce_batch_mean over one batch's sp give
  // the bits of loss(). Such a loss is always finite: softplus of a finite float is finite and at
  // most |z| + log 2, and a sum of at most limits::kMaxBatch of them fits a double.
  bool bce_binary_terms(const float* y, int batch, std::vector<float>& terms) const;
  void bce_softplus(const float* terms, float* sp, std::size_t n) const;
  static double bce_batch_mean(const float* sp, int batch, float* per_sample);
  // Backward pass after forward(): zeroes and fills every gradient (data loss, mean over the
  // batch) and adds the regularisation gradient.
  void backward(const float* X, const float* y, int batch, Regularization reg, float lambda);
  // The regularisation term of the loss (λΣ|W| or ½λΣW²), in double.
  double reg_loss(Regularization reg, float lambda) const;

  int batch_capacity() const { return capacity_; }

  // The generic kernels only, as the engine ran before issue 9's small-network paths (network.cpp,
  // optimizer.cpp): for `npm run bench`'s before/after ratio in one run, and for the tests that
  // compare both paths bit for bit. Off by default; the results are the same bits either way.
  void set_reference_path(bool on) { reference_ = on; }
  bool reference_path() const { return reference_; }

 private:
  void reserve(int batch);
  void activate(Layer& l, int batch, bool derivatives);
  bool small(const Layer& l) const;  // the layer runs issue 9's small-network kernels
  std::string build_expr(Layer& l, const HiddenSpec& h, const std::string& where, AlphaMode mode);
  int inputs_ = 0;
  Head head_ = Head::SigmoidBce;
  int capacity_ = 0;
  bool reference_ = false;
  std::uint64_t layout_ = 0;
  std::vector<Layer> layers_;
  std::vector<float> wt_, dA_;  // scratch: Wᵀ and ∂L/∂A of the layer below
  mutable std::vector<float> loss_tmp_;    // scratch of loss(): ±z and their softplus
  mutable std::vector<float> loss_terms_;  // scratch of loss(): bce_binary_terms
  std::vector<float> zeros_;             // a zero bias for dA = dZ·Wᵀ through forward_small
  const Activation* sigmoid_ = nullptr;
  const Activation* tanh_ = nullptr;
  const Activation* softplus_ = nullptr;
};

// The class a prediction row votes for (argmax; first on ties), or 0/1 for one-unit heads.
int predicted_class(Head head, const float* out, int outputs);

}  // namespace actlab::nn
