// nn_reference.hpp — a double-precision reference of the network's loss, for the gradient
// checks in nn_gradcheck_test.cpp. It reads the float network's weights, evaluates the
// activations with the registry's double references (ref_f) and the heads with libm in double,
// and returns the mean loss plus the regularisation term. Central finite differences of this
// function are the "truth" the float backprop is compared against.
#pragma once

#include <cmath>
#include <vector>

#include "actlab/nn/network.hpp"

namespace actlab::test {

inline double ref_softplus(double t) { return t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)); }

using Params = std::vector<std::vector<double>>;  // the tensors of Network::params(), in order

inline Params double_params(nn::Network& net) {
  Params P;
  for (const auto& p : net.params()) P.emplace_back(p.value, p.value + p.size);
  return P;
}

// Mean loss over `batch` samples of X [batch][inputs] with labels y, in double, with the
// parameters P (W, b, alpha of each layer) instead of the network's float ones.
inline double reference_loss(const nn::Network& net, const Params& P, const std::vector<double>& X, const std::vector<float>& y,
                             int batch, nn::Regularization reg, double lambda) {
  const auto& L = net.layers();
  // Tensor index of each layer's W (b follows, then alpha when present).
  std::vector<std::size_t> first;
  for (std::size_t k = 0, t = 0; k < L.size(); ++k) { first.push_back(t); t += L[k].alpha.empty() ? 2 : 3; }
  double total = 0;
  for (int s = 0; s < batch; ++s) {
    std::vector<double> a(X.begin() + static_cast<std::ptrdiff_t>(s) * net.inputs(),
                          X.begin() + static_cast<std::ptrdiff_t>(s + 1) * net.inputs());
    for (std::size_t k = 0; k < L.size(); ++k) {
      const nn::Layer& l = L[k];
      const std::vector<double>& W = P[first[k]];
      const std::vector<double>& b = P[first[k] + 1];
      std::vector<double> z(l.out);
      for (int j = 0; j < l.out; ++j) {
        double acc = b[j];
        for (int i = 0; i < l.in; ++i) acc += a[i] * W[static_cast<std::size_t>(i) * l.out + j];
        z[j] = acc;
      }
      if (l.act) {
        double p[actlab::kMaxParams] = {l.params[0], l.params[1]};
        for (int j = 0; j < l.out; ++j) {
          if (l.prelu) {
            double al = P[first[k] + 2][l.alpha.size() > 1 ? j : 0];
            z[j] = z[j] > 0 ? z[j] : al * z[j];
          } else {
            z[j] = l.act->ref_f(z[j], p);
          }
        }
        a = z;
      } else {
        double loss = 0;
        switch (net.head()) {
          case nn::Head::SigmoidBce: loss = y[s] * ref_softplus(-z[0]) + (1 - y[s]) * ref_softplus(z[0]); break;
          case nn::Head::SoftmaxCe: {
            double m = z[0];
            for (double v : z) m = std::max(m, v);
            double se = 0;
            for (double v : z) se += std::exp(v - m);
            loss = -(z[static_cast<std::size_t>(y[s])] - m - std::log(se));
            break;
          }
          case nn::Head::TanhMse: { double d = std::tanh(z[0]) - y[s]; loss = 0.5 * d * d; break; }
          default: for (double v : z) loss += 0.5 * (v - y[s]) * (v - y[s]); break;
        }
        total += loss;
      }
    }
  }
  double r = 0;
  if (reg != nn::Regularization::None)
    for (std::size_t k = 0; k < L.size(); ++k)
      for (double w : P[first[k]]) r += reg == nn::Regularization::L1 ? std::fabs(w) : 0.5 * w * w;
  return total / batch + lambda * r;
}

}  // namespace actlab::test
