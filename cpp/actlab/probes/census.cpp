// census.cpp — the census of census.hpp (one dense forward on the trainer's kernels).
#include "actlab/probes/census.hpp"

#include <cmath>

#include "actlab/data/rng.hpp"
#include "actlab/probes/budget.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::probes {

std::string neuron_census(const Activation& a, const float* params, const CensusSpec& s, CensusResult& out) {
  if (s.inputs < 1 || s.inputs > 4096) return "census: inputs must be in [1, 4096]";
  if (s.units < 1 || s.units > 4096) return "census: units must be in [1, 4096]";
  if (s.samples < 1 || s.samples > 100000) return "census: samples must be in [1, 100000]";
  if (!(s.bias_mean >= -100 && s.bias_mean <= 100)) return "census: bias_mean must be in [-100, 100]";
  {
    const double I = s.inputs, U = s.units, S = s.samples;
    if (std::string e = over_budget("census", "inputs·units·samples", I * U * S, "inputs·units + samples·inputs + 3·samples·units",
                                    I * U + S * I + 3 * S * U);
        !e.empty())
      return e;
  }
  float p[kMaxParams];
  a.default_params(p);
  if (params)
    for (int i = 0; i < kMaxParams; ++i) p[i] = params[i];
  if (std::string e = a.check_params(p); !e.empty()) return e;
  data::Rng rng(s.seed);
  std::vector<float> W(static_cast<std::size_t>(s.inputs) * s.units), b(static_cast<std::size_t>(s.units));
  for (float& w : W) w = static_cast<float>(rng.normal());
  for (float& v : b) v = static_cast<float>(s.bias_mean + rng.normal());
  std::vector<float> X(static_cast<std::size_t>(s.samples) * s.inputs);
  for (float& v : X) v = static_cast<float>(rng.normal());
  const std::size_t n = static_cast<std::size_t>(s.samples) * s.units;
  std::vector<float> Z(n), F(n), D(n);
  nn::kernels::forward<simd::Native>(X.data(), s.samples, s.inputs, s.units, W.data(), b.data(), Z.data());
  a.apply(Z.data(), F.data(), n, false, p, Backend::Simd);
  a.apply(Z.data(), D.data(), n, true, p, Backend::Simd);
  CensusResult r;
  for (int j = 0; j < s.units; ++j) {
    int act = 0, fire = 0, sat = 0;
    for (int q = 0; q < s.samples; ++q) {
      std::size_t k = static_cast<std::size_t>(q) * s.units + j;
      float d = std::fabs(D[k]);
      act += d > 0.f;
      fire += F[k] > 0.f;
      sat += d < 0.01f;
    }
    UnitCensus u;
    u.active_share = static_cast<double>(act) / s.samples;
    u.firing_share = static_cast<double>(fire) / s.samples;
    u.saturated_share = static_cast<double>(sat) / s.samples;
    u.state = act == 0 ? "dead" : u.active_share < kWeakBelow ? "weak" : "healthy";
    u.saturation = u.saturated_share >= 0.95 ? "saturated" : u.saturated_share >= 0.5 ? "often" : "ok";
    r.dead += act == 0;
    r.weak += act != 0 && u.active_share < kWeakBelow;
    r.healthy += u.active_share >= kWeakBelow;
    r.saturated += u.saturated_share >= 0.95;
    r.often_saturated += u.saturated_share >= 0.5 && u.saturated_share < 0.95;
    r.units.push_back(u);
  }
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
