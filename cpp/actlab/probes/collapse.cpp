// collapse.cpp — the linear-collapse proof of collapse.hpp.
#include "actlab/probes/collapse.hpp"

#include <cmath>

#include "actlab/activations/registry.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/probes/budget.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::probes {

std::string linear_collapse(const CollapseSpec& s, CollapseResult& out) {
  if (s.sizes.size() < 2 || s.sizes.size() > 101) return "collapse: need 1 to 100 layers (2 to 101 sizes)";
  for (int n : s.sizes)
    if (n < 1 || n > 512) return "collapse: every size must be in [1, 512]";
  if (s.samples < 1 || s.samples > 10000) return "collapse: samples must be in [1, 10000]";
  {
    // The product M·W_l costs sizes[0]·sizes[l]·sizes[l+1] (l ≥ 1), each sample pass Σ sizes[l]·sizes[l+1].
    double macs = 0, floats = 0, widest = 0;
    for (std::size_t l = 0; l + 1 < s.sizes.size(); ++l) {
      const double in = s.sizes[l], o = s.sizes[l + 1];
      if (l > 0) macs += static_cast<double>(s.sizes.front()) * in * o;
      macs += static_cast<double>(s.samples) * in * o;
      floats += in * o + o;
      widest = std::fmax(widest, o);
    }
    floats += 3.0 * s.samples * std::fmax(widest, s.sizes.front()) + 4.0 * s.sizes.front() * widest;
    if (std::string e = over_budget("collapse", "Σ (sizes[0] + samples)·sizes[l]·sizes[l+1]", macs,
                                    "the weights plus 3·samples·widest", floats);
        !e.empty())
      return e;
  }
  const Activation* act = find_activation(s.activation);
  if (!act) return "collapse: unknown activation \"" + s.activation + "\" (accepted: " + activation_ids() + ")";

  const std::size_t L = s.sizes.size() - 1;
  data::Rng rng(s.seed);
  std::vector<std::vector<float>> W(L), b(L);
  for (std::size_t l = 0; l < L; ++l) {
    int in = s.sizes[l], o = s.sizes[l + 1];
    W[l].resize(static_cast<std::size_t>(in) * o);
    b[l].resize(static_cast<std::size_t>(o));
    for (float& w : W[l]) w = static_cast<float>(std::sqrt(1.0 / in) * rng.normal());
    for (float& v : b[l]) v = static_cast<float>(0.1 * rng.normal());
  }
  const int n_in = s.sizes.front(), n_out = s.sizes.back();
  CollapseResult r;
  // M = W1, c = b1; then M ← M·W_l, c ← c·W_l + b_l (double).
  r.M.assign(W[0].begin(), W[0].end());
  r.c.assign(b[0].begin(), b[0].end());
  for (std::size_t l = 1; l < L; ++l) {
    int in = s.sizes[l], o = s.sizes[l + 1];
    std::vector<double> M2(static_cast<std::size_t>(n_in) * o, 0.0), c2(static_cast<std::size_t>(o), 0.0);
    for (int i = 0; i < n_in; ++i)
      for (int k = 0; k < in; ++k)
        for (int j = 0; j < o; ++j)
          M2[static_cast<std::size_t>(i) * o + j] += r.M[static_cast<std::size_t>(i) * in + k] * W[l][static_cast<std::size_t>(k) * o + j];
    for (int j = 0; j < o; ++j) {
      double acc = b[l][static_cast<std::size_t>(j)];
      for (int k = 0; k < in; ++k) acc += r.c[static_cast<std::size_t>(k)] * W[l][static_cast<std::size_t>(k) * o + j];
      c2[static_cast<std::size_t>(j)] = acc;
    }
    r.M = std::move(M2);
    r.c = std::move(c2);
  }
  // Evaluate both on the same inputs.
  std::vector<float> X(static_cast<std::size_t>(s.samples) * n_in);
  for (float& v : X) v = static_cast<float>(rng.normal());
  std::vector<float> a(X), z;
  for (std::size_t l = 0; l < L; ++l) {
    int in = s.sizes[l], o = s.sizes[l + 1];
    z.assign(static_cast<std::size_t>(s.samples) * o, 0.f);
    nn::kernels::forward<simd::Native>(a.data(), s.samples, in, o, W[l].data(), b[l].data(), z.data());
    if (l + 1 < L) act->apply(z.data(), z.data(), z.size(), false, nullptr, Backend::Simd);
    a = z;
  }
  for (int q = 0; q < s.samples; ++q)
    for (int j = 0; j < n_out; ++j) {
      double acc = r.c[static_cast<std::size_t>(j)];
      for (int i = 0; i < n_in; ++i) acc += static_cast<double>(X[static_cast<std::size_t>(q) * n_in + i]) * r.M[static_cast<std::size_t>(i) * n_out + j];
      double st = a[static_cast<std::size_t>(q) * n_out + j];
      r.collapsed_out.push_back(acc);
      r.stack_out.push_back(st);
      r.max_abs_diff = std::fmax(r.max_abs_diff, std::fabs(st - acc));
      r.max_abs_out = std::fmax(r.max_abs_out, std::fabs(acc));
    }
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
