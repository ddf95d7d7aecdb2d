// depth.cpp — the depth sweep of depth.hpp, on the trainer's dense kernels.
#include "actlab/probes/depth.hpp"

#include <cmath>

#include "actlab/data/rng.hpp"
#include "actlab/probes/budget.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::probes {

std::string depth_sweep(const Activation& a, const float* params, const DepthSpec& s, DepthResult& out) {
  if (s.layers < 1 || s.layers > 1000) return "depth: layers must be in [1, 1000]";
  if (s.width < 1 || s.width > 1024) return "depth: width must be in [1, 1024]";
  if (s.samples < 2 || s.samples > 4096) return "depth: samples must be in [2, 4096]";
  if (s.init == nn::Init::Zero || s.init == nn::Init::Uniform) return "depth: init must be xavier, he or lecun";
  {
    const double N = s.layers, W = s.width, S = s.samples;
    // Weights N·W², pre-activations and outputs (2N + 1)·S·W; forward, backward and the weight
    // gradients each N·W²·S multiply-adds: the bound is on one pass (×3 for the total).
    if (std::string e = over_budget("depth", "layers·width²·samples", N * W * W * S, "layers·width² + (2·layers + 1)·samples·width",
                                    N * W * W + (2 * N + 1) * S * W);
        !e.empty())
      return e;
  }
  float p[kMaxParams];
  a.default_params(p);
  if (params)
    for (int i = 0; i < kMaxParams; ++i) p[i] = params[i];
  if (std::string e = a.check_params(p); !e.empty()) return e;

  using B = simd::Native;
  const int N = s.layers, W = s.width, S = s.samples;
  const std::size_t act_size = static_cast<std::size_t>(S) * W, w_size = static_cast<std::size_t>(W) * W;
  data::Rng rng(s.seed);
  std::vector<float> weights(static_cast<std::size_t>(N) * w_size), bias(static_cast<std::size_t>(W), 0.f);
  for (float& w : weights) {
    double v = s.standard_normal         ? rng.normal()
             : s.init == nn::Init::Xavier ? rng.uniform_range(-std::sqrt(3.0 / W), std::sqrt(3.0 / W))
             : s.init == nn::Init::He     ? std::sqrt(2.0 / W) * rng.normal()
                                          : std::sqrt(1.0 / W) * rng.normal();
    w = static_cast<float>(v);
  }
  // Activations a_0..a_N and pre-activations z_1..z_N.
  std::vector<float> A(static_cast<std::size_t>(N + 1) * act_size), Z(static_cast<std::size_t>(N) * act_size);
  for (std::size_t i = 0; i < act_size; ++i) A[i] = static_cast<float>(rng.normal());
  DepthResult r;
  for (int l = 1; l <= N; ++l) {
    float* z = Z.data() + static_cast<std::size_t>(l - 1) * act_size;
    float* al = A.data() + static_cast<std::size_t>(l) * act_size;
    nn::kernels::forward<B>(A.data() + static_cast<std::size_t>(l - 1) * act_size, S, W, W,
                            weights.data() + static_cast<std::size_t>(l - 1) * w_size, bias.data(), z);
    a.apply(z, al, act_size, false, p, Backend::Simd);
    double mabs = 0, sig = 0;
    for (int j = 0; j < W; ++j) {
      double m = 0, m2 = 0;
      for (int q = 0; q < S; ++q) {
        double v = al[static_cast<std::size_t>(q) * W + j];
        m += v;
        mabs += std::fabs(v);
      }
      m /= S;
      for (int q = 0; q < S; ++q) {
        double d = al[static_cast<std::size_t>(q) * W + j] - m;
        m2 += d * d;
      }
      sig += std::sqrt(m2 / S);
    }
    r.mean_abs.push_back(mabs / static_cast<double>(act_size));
    r.signal.push_back(sig / W);
  }
  // Backward from a random upstream gradient.
  std::vector<float> ga(act_size), gz(act_size), fp(act_size), wt(w_size);
  for (float& g : ga) g = static_cast<float>(rng.normal());
  r.grad.assign(static_cast<std::size_t>(N), 0.0);
  for (int l = N; l >= 1; --l) {
    const float* z = Z.data() + static_cast<std::size_t>(l - 1) * act_size;
    a.apply(z, fp.data(), act_size, true, p, Backend::Simd);
    double m = 0;
    for (std::size_t i = 0; i < act_size; ++i) {
      gz[i] = ga[i] * fp[i];
      m += std::fabs(gz[i]);
    }
    r.grad[static_cast<std::size_t>(l - 1)] = m / static_cast<double>(act_size);
    nn::kernels::transpose(weights.data() + static_cast<std::size_t>(l - 1) * w_size, W, W, wt.data());
    nn::kernels::backward_input<B>(gz.data(), wt.data(), S, W, W, ga.data());
  }
  for (int l = 0; l < N && !r.vanish_forward; ++l)
    if (!(r.signal[static_cast<std::size_t>(l)] >= s.threshold)) r.vanish_forward = l + 1;
  for (int l = N - 1; l >= 0 && !r.vanish_backward; --l)
    if (!(r.grad[static_cast<std::size_t>(l)] >= s.threshold)) r.vanish_backward = l + 1;
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
