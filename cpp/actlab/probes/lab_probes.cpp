// lab_probes.cpp — naive vs stable softmax, cross-entropy and p − y, the 0.25^N arithmetic and the
// measured per-layer factor (lab_probes.hpp). exp and the sigmoid come from the engine's own maths
// (vmath.hpp, the registry), so native and wasm give the same bits.
#include "actlab/probes/lab_probes.hpp"

#include <cmath>
#include <limits>

#include "actlab/activations/registry.hpp"
#include "actlab/activations/softmax.hpp"
#include "actlab/simd/scalar.hpp"
#include "actlab/vmath.hpp"

namespace actlab::probes {
namespace {

std::string check_temperature(float t) {
  if (!std::isfinite(t) || !(t > 0.0f)) return "temperature: expected a finite number > 0";
  return "";
}

}  // namespace

std::string naive_softmax(const float* z, float* p, std::size_t n, float temperature) {
  if (n == 0) return "logits: the list is empty";
  if (n > kMaxLogits) return "logits: at most 1024 values";
  if (std::string e = check_temperature(temperature); !e.empty()) return e;
  float sum = 0.0f;  // index order, float32: the textbook loop
  for (std::size_t i = 0; i < n; ++i) {
    p[i] = vmath::exp<simd::Scalar>(z[i] / temperature);
    sum += p[i];
  }
  for (std::size_t i = 0; i < n; ++i) p[i] = p[i] / sum;
  return "";
}

std::string softmax_lab(const std::vector<float>& z, float temperature, int target, SoftmaxLab& out) {
  const std::size_t n = z.size();
  if (n == 0) return "logits: the list is empty";
  if (n > kMaxLogits) return "logits: at most 1024 values";
  for (float v : z)
    if (std::isnan(v)) return "logits: NaN is not a logit";
  if (std::string e = check_temperature(temperature); !e.empty()) return e;
  if (target < 0 || static_cast<std::size_t>(target) >= n) return "target: expected a class index from 0 to " + std::to_string(n - 1);
  SoftmaxLab r;
  r.naive.resize(n);
  r.stable.resize(n);
  r.log_p.resize(n);
  r.sigmoid.resize(n);
  r.grad.resize(n);
  if (std::string e = naive_softmax(z.data(), r.naive.data(), n, temperature); !e.empty()) return e;
  if (std::string e = softmax(z.data(), r.stable.data(), n, temperature); !e.empty()) return e;
  if (std::string e = log_softmax(z.data(), r.log_p.data(), n, temperature); !e.empty()) return e;
  const Activation* sig = find_activation("sigmoid");
  float params[kMaxParams];
  sig->default_params(params);
  std::vector<float> scaled(n);
  for (std::size_t i = 0; i < n; ++i) scaled[i] = z[i] / temperature;
  sig->apply(scaled.data(), r.sigmoid.data(), n, false, params, Backend::Simd);
  for (std::size_t i = 0; i < n; ++i) {
    r.naive_sum += r.naive[i];
    r.stable_sum += r.stable[i];
    r.sigmoid_sum += r.sigmoid[i];
    r.naive_finite = r.naive_finite && std::isfinite(r.naive[i]);
    r.grad[i] = r.stable[i] - (static_cast<std::size_t>(target) == i ? 1.0f : 0.0f);
  }
  r.cross_entropy = -r.log_p[static_cast<std::size_t>(target)];
  out = std::move(r);
  return "";
}

std::string chain_product(double factor, int layers, std::vector<double>& out) {
  if (!std::isfinite(factor) || factor < 0 || factor > 10) return "factor: expected a number in [0, 10]";
  if (layers < 1 || layers > kMaxChainLayers) return "layers: expected an integer in [1, 1000]";
  out.assign(static_cast<std::size_t>(layers), 0.0);
  double v = 1.0;
  for (int l = 0; l < layers; ++l) out[static_cast<std::size_t>(l)] = v *= factor;
  return "";
}

double per_layer_factor(const std::vector<double>& v) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (v.size() < 2) return nan;
  const double first = v.front(), last = v.back();
  if (!(first > 0) || !(last > 0) || !std::isfinite(first) || !std::isfinite(last)) return nan;
  return std::pow(first / last, 1.0 / static_cast<double>(v.size() - 1));
}

}  // namespace actlab::probes
