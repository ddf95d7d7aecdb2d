// registry.cpp — builds the registry: one line per activation, in the order the lab shows them.
// To add an activation: write its definition (see kernel.hpp for the shape) and add one line here.
#include "actlab/activations/registry.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "actlab/activations/exponential.hpp"
#include "actlab/activations/gates.hpp"
#include "actlab/activations/piecewise.hpp"
#include "actlab/activations/squashing.hpp"

namespace actlab {
namespace {

const std::array kRegistry = {
    act::make_entry<act::Identity>(),  act::make_entry<act::Step>(),       act::make_entry<act::Sigmoid>(),
    act::make_entry<act::Tanh>(),      act::make_entry<act::Relu>(),       act::make_entry<act::Relu6>(),
    act::make_entry<act::LeakyRelu>(), act::make_entry<act::Prelu>(),      act::make_entry<act::Elu>(),
    act::make_entry<act::Selu>(),      act::make_entry<act::Gelu>(),       act::make_entry<act::GeluTanh>(),
    act::make_entry<act::Swish>(),     act::make_entry<act::Mish>(),       act::make_entry<act::Softplus>(),
    act::make_entry<act::Softsign>(),  act::make_entry<act::HardSigmoid>(), act::make_entry<act::HardSwish>(),
};

}  // namespace

std::span<const Activation> activations() { return kRegistry; }

const Activation* find_activation(std::string_view id) {
  for (const Activation& a : kRegistry)
    if (id == a.id) return &a;
  return nullptr;
}

std::string activation_ids() {
  std::string out;
  for (const Activation& a : kRegistry) {
    if (!out.empty()) out += ", ";
    out += a.id;
  }
  return out;
}

void Activation::default_params(float* out) const {
  for (int i = 0; i < kMaxParams; ++i) out[i] = i < param_count ? params[i].default_value : 0.0f;
}

std::string Activation::check_params(const float* p) const {
  for (int i = 0; i < param_count; ++i) {
    const ParamSpec& s = params[i];
    if (!std::isfinite(p[i]) || p[i] < s.min || p[i] > s.max) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "%s: parameter %s = %g is outside [%g, %g]", id, s.name, double(p[i]),
                    double(s.min), double(s.max));
      return buf;
    }
  }
  return "";
}

void Activation::apply(const float* x, float* y, std::size_t n, bool derivative, const float* p,
                       Backend backend) const {
  float defaults[kMaxParams];
  if (p == nullptr) {
    default_params(defaults);
    p = defaults;
  }
  BatchKernel k = backend == Backend::Simd ? (derivative ? df_simd : f_simd) : (derivative ? df_scalar : f_scalar);
  k(x, y, n, p);
}

void Activation::apply_both(const float* x, float* y, float* dy, std::size_t n, const float* p, Backend backend) const {
  float defaults[kMaxParams];
  if (p == nullptr) {
    default_params(defaults);
    p = defaults;
  }
  (backend == Backend::Simd ? fdf_simd : fdf_scalar)(x, y, dy, n, p);
}

}  // namespace actlab
