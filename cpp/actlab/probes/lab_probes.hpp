// lab_probes.hpp — the teaching computations the labs need beyond the experiment probes:
//   naive_softmax: exp(z/T) / Σ exp(z/T) in float32 with no max subtracted — the textbook form
//                  that overflows past z/T ≈ 88.72 (exp → +Inf, then Inf/Inf = NaN); shown beside
//                  the engine's stable softmax (activations/softmax.hpp), never used to train.
//   softmax_lab:   one call for the softmax lab: naive and stable probabilities, log-softmax,
//                  their sums, per-class sigmoids (which need not sum to 1), and for a true class
//                  y the cross-entropy −log p_y and its gradient p − onehot(y) (CURRICULUM §6).
//   chain_product: factor^l for l = 1..N (the course's 0.25^N bound for sigmoid: 0.25^10 ≈ 9.5e-7;
//                  three layers at σ′ ≈ 0.2 give 0.008), in double, beside a measured sweep.
//   per_layer_factor: the geometric-mean factor per layer of a measured per-layer series
//                  (v_first / v_last)^(1/(n−1)) taken from the output end back — the measured
//                  slope of the depth sweep's gradient curve; NaN when an end is 0 or not finite.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace actlab::probes {

// Sizes the lab calls accept (a lab shows at most 10 logits; 1024 leaves room for tests).
inline constexpr std::size_t kMaxLogits = 1024;
inline constexpr int kMaxChainLayers = 1000;

// "" or a message. z and p must not alias. T finite and > 0.
std::string naive_softmax(const float* z, float* p, std::size_t n, float temperature);

struct SoftmaxLab {
  std::vector<float> naive, stable, log_p, sigmoid, grad;  // grad = p − onehot(target), from `stable`
  float naive_sum = 0, stable_sum = 0, sigmoid_sum = 0;      // summed in index order, float32
  float cross_entropy = 0;                                   // −log_softmax[target]
  bool naive_finite = true;                                  // every naive probability finite
};
std::string softmax_lab(const std::vector<float>& z, float temperature, int target, SoftmaxLab& out);

std::string chain_product(double factor, int layers, std::vector<double>& out);
double per_layer_factor(const std::vector<double>& values);

}  // namespace actlab::probes
