// registry.hpp — the one list of every activation the lab knows.
//
// Tests, benchmarks, the bindings, the CLI, the explorer and the cheat sheet all iterate
// `activations()`, so adding an activation is one entry in registry.cpp plus its definition
// (see README "Adding an activation"). Each entry carries:
//   * metadata for people (formula in TeX, range, properties, history),
//   * the readable double-precision reference f/df (the spec: plain libm maths, never in kernels),
//   * batch kernels for f and f' on two back ends: Scalar (one lane) and Simd (SSE2 or wasm128),
//     both instantiations of the same template, so they agree bit for bit.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace actlab {

enum class Backend { Scalar, Simd };

// A tunable parameter such as Leaky ReLU's alpha. Values outside [min, max] or non-finite
// values are rejected by check_params() with a message naming the parameter.
struct ParamSpec {
  const char* name;     // "alpha", "beta"
  const char* tex;      // "\\alpha"
  float default_value;
  float min;
  float max;
  const char* doc;
};

inline constexpr int kMaxParams = 2;

// f(x) and f'(x) over a batch. `params` points to kMaxParams floats (unused ones ignored).
// x and y may be the same array (in place); neither needs any alignment.
using BatchKernel = void (*)(const float* x, float* y, std::size_t n, const float* params);
// f and f' in one pass (the trainer needs both): y = f(x), dy = f'(x), the same bits as two calls.
using BatchKernel2 = void (*)(const float* x, float* y, float* dy, std::size_t n, const float* params);
using RefFunction = double (*)(double x, const double* params);

struct Activation {
  // --- identity and people-facing metadata ---
  const char* id;              // stable key used in URLs, JSON and the CLI: "gelu", "leaky_relu"
  const char* name;            // display name: "GELU (exact)"
  const char* tex;             // f(x) in TeX, for KaTeX
  const char* dtex;            // f'(x) in TeX
  int param_count;
  ParamSpec params[kMaxParams];
  const char* range;           // output range in TeX, e.g. "(0, 1)"
  bool zero_centred;
  bool monotonic;
  bool smooth;                 // C^1 everywhere (the derivative is continuous)
  bool piecewise_linear;       // results are exact (no transcendental approximation)
  const char* saturates;       // where |f'| -> 0, in words ("both tails", "x < 0", "never")
  float max_slope;             // max |f'| ...
  const char* max_slope_at;    // ... and where, in words with a preposition ("at x = 0", "for x > 0", "everywhere")
  int year;
  const char* origin;          // who introduced it
  const char* used_in;         // where it is used today
  const char* derivative_note; // e.g. step: "0 everywhere; undefined at the jump"
  bool bounded = false;        // the range is a bounded interval: every finite x gives a finite f(x)
                               // (tested for extreme inputs; the trainer's divergence check relies on it)

  // --- maths ---
  RefFunction ref_f;           // double-precision reference (the spec)
  RefFunction ref_df;
  BatchKernel f_scalar, df_scalar, f_simd, df_simd;
  BatchKernel2 fdf_scalar, fdf_simd;

  // Evaluates f (derivative=false) or f' over x[0..n) into y. Parameters default when null.
  void apply(const float* x, float* y, std::size_t n, bool derivative, const float* params = nullptr,
             Backend backend = Backend::Simd) const;
  // f into y and f' into dy in one pass over x; bit-identical to two apply() calls but cheaper
  // where f and f' share work (sigmoid's and tanh's exponential, Mish's e(e + 2) ...).
  void apply_both(const float* x, float* y, float* dy, std::size_t n, const float* params = nullptr,
                  Backend backend = Backend::Simd) const;
  // Fills out[kMaxParams] with the defaults.
  void default_params(float* out) const;
  // Returns "" when every parameter is finite and within range, else a message naming it.
  std::string check_params(const float* params) const;
};

// Every activation, in the order the lab presents them.
std::span<const Activation> activations();

// nullptr when unknown.
const Activation* find_activation(std::string_view id);

// "identity, step, sigmoid, ..." — for error messages that list the valid names.
std::string activation_ids();

}  // namespace actlab
