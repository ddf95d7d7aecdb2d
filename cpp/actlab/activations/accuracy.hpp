// accuracy.hpp — measures each activation's error in ULP against its double-precision reference.
//
// The sweep's inputs are listed by accuracy_inputs(). The error of one
// result is |got - ref| / ulp(ref), where ulp(ref) is the spacing of floats at ref's binade
// (2^-149 for subnormals). Inputs whose reference is subnormal or zero are excluded from the
// max ("wherever the true result is a normal float") but still checked for NaN/Inf mistakes.
// Derivatives have zeros at irrational points (GELU' at x ≈ -0.752) where any float evaluation
// has a large relative error; f' errors are therefore also reported against a floor,
// |got - ref| / ulp(max(|ref|, 1/4)) as "f' ULP (floored)": relative where |f'| >= 1/4, absolute
// in units of 2^-25 ≈ 3e-8 elsewhere (the usual mixed tolerance) — both numbers are printed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab {

struct UlpStats {
  double max_ulp = 0;      // over inputs with a normal reference value
  float worst_x = 0;       // input where the max occurred
  std::size_t count = 0;   // inputs compared
  std::size_t bad_special = 0;  // NaN/Inf/sign mistakes (got NaN where ref is a number, etc.)
};

struct AccuracyRow {
  const Activation* act;
  UlpStats f, df, df_floored;
};

// The sweep's inputs: dense on [-20, 20] (`dense` evenly spaced points plus every float within
// 64 ulps of 0 and of the kinks), log-spaced magnitudes out to ±3e38, and the special values.
std::vector<float> accuracy_inputs(std::size_t dense = 2'000'001);

// ULP distance of a float result from a double reference (0 when both are the same NaN/Inf).
double ulp_error(float got, double ref);
// The spacing of float values in v's binade (2^-149 at and below the subnormals).
double ulp_at(double v);

AccuracyRow measure_accuracy(const Activation& a, const std::vector<float>& inputs, Backend backend = Backend::Simd);

struct SoftmaxAccuracy {
  double max_ulp_softmax = 0, max_ulp_log_softmax = 0;
};
// Random logit vectors of several lengths and scales (seeded), against the double reference.
SoftmaxAccuracy measure_softmax_accuracy(int vectors = 2000);

}  // namespace actlab
