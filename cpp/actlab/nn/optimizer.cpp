// optimizer.cpp — the update rules of optimizer.hpp, one scalar loop per tensor (the
// optimiser is O(parameters), the dense kernels O(batch·parameters); plain loops suffice).
#include "actlab/nn/optimizer.hpp"

#include <cmath>

#include "actlab/simd/simd.hpp"

namespace actlab::nn {

int OptimizerState::slot_count() const {
  return spec_.optimizer == Optimizer::Adam ? 2 : spec_.optimizer == Optimizer::Momentum ? 1 : 0;
}

void OptimizerState::reset(const TrainSpec& spec, Network& net) {
  spec_ = spec;
  t_ = 0;
  b1t_ = b2t_ = 1.0;
  slots_.clear();
  refs_net_ = nullptr;
  for (const ParamRef& p : net.params()) {
    std::vector<std::vector<float>> s(static_cast<std::size_t>(slot_count()), std::vector<float>(p.size, 0.f));
    slots_.push_back(std::move(s));
  }
}

void OptimizerState::step(Network& net) {
  ++t_;
  b1t_ *= spec_.beta1;
  b2t_ *= spec_.beta2;
  const float lr = spec_.learning_rate;
  // Issue 9: the tensor list is refilled in place (no allocation per step) and SGD runs on the
  // SIMD vocabulary (elementwise, so the same bits as the scalar loop); the reference path keeps
  // the code as it was, for the bench's before/after ratio.
  const bool fast = !net.reference_path();
  std::vector<ParamRef> fresh;
  if (fast && (refs_net_ != &net || refs_layout_ != net.layout())) {
    net.params_into(refs_);
    refs_net_ = &net;
    refs_layout_ = net.layout();
  }
  if (!fast) fresh = net.params();
  const std::vector<ParamRef>& ps = fast ? refs_ : fresh;
  // The fast SGD path also sums what it writes (updated_finite()): one add a vector, where the
  // separate walk of check_weights loaded every weight again (issue 9).
  using B = simd::Native;
  const bool sum_sgd = fast && spec_.optimizer == Optimizer::Sgd;
  B::F written = B::splat(0.0f);
  float written_tail = 0.0f;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    float* w = ps[k].value;
    const float* g = ps[k].grad;
    const std::size_t n = ps[k].size;
    switch (spec_.optimizer) {
      case Optimizer::Sgd: {
        std::size_t i = 0;
        if (fast) {
          const B::F vlr = B::splat(lr);
          for (; i + B::width <= n; i += B::width) {
            const B::F nw = B::sub(B::load(w + i), B::mul(vlr, B::load(g + i)));
            B::store(w + i, nw);
            written = B::add(written, nw);
          }
        }
        for (; i < n; ++i) {
          w[i] = w[i] - lr * g[i];
          written_tail += w[i];  // read only when sum_sgd
        }
        break;
      }
      case Optimizer::Momentum: {
        float* v = slots_[k][0].data();
        const float mu = spec_.momentum;
        for (std::size_t i = 0; i < n; ++i) {
          v[i] = mu * v[i] + g[i];
          w[i] = w[i] - lr * v[i];
        }
        break;
      }
      case Optimizer::Adam: {
        float* m = slots_[k][0].data();
        float* v = slots_[k][1].data();
        const float b1 = spec_.beta1, b2 = spec_.beta2, eps = spec_.epsilon;
        const float c1 = static_cast<float>(1.0 / (1.0 - b1t_));  // 1/(1−β1^t)
        const float c2 = static_cast<float>(1.0 / (1.0 - b2t_));  // 1/(1−β2^t)
        for (std::size_t i = 0; i < n; ++i) {
          m[i] = b1 * m[i] + (1.f - b1) * g[i];
          v[i] = b2 * v[i] + (1.f - b2) * (g[i] * g[i]);
          float mh = m[i] * c1, vh = v[i] * c2;
          w[i] = w[i] - lr * mh / (std::sqrt(vh) + eps);
        }
        break;
      }
    }
  }
  // x·0 is 0 for a finite x and NaN for ±Inf or NaN.
  updated_finite_ = sum_sgd && !B::any(B::is_nan(B::mul(written, B::splat(0.0f)))) && written_tail * 0.0f == 0.0f;
}

}  // namespace actlab::nn
