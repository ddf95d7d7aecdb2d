// rng.hpp — the art renderer's seeded generator: the same weights on every target.
//
// Generator: xoshiro128** seeded by SplitMix64 (util/xoshiro128.hpp, shared with data/rng.hpp);
// the float-only derived values below are the art renderer's own.
//
// Derived values, every one built from IEEE-exact float operations plus vmath's log, so x86-64
// and wasm draw bit-identical numbers (no libm, no double, no uint64 -> float conversions):
//   signed_unit()  uniform on [-1, 1): (top 24 bits as an int32)·2^-23 - 1, exact.
//   normal()       N(0, 1) by Marsaglia's polar method (1964): draw (u, v) in the unit disc,
//                  s = u² + v², and return u·sqrt(-2 ln s / s) (then v·sqrt(...) from a cache).
//                  Rejection instead of Box–Muller's sin/cos, which vmath does not provide.
#pragma once

#include <cmath>
#include <cstdint>

#include "actlab/simd/scalar.hpp"
#include "actlab/util/xoshiro128.hpp"
#include "actlab/vmath.hpp"

namespace actlab::art {

class Rng {
 public:
  explicit Rng(std::uint64_t key) : gen_(key) {}

  std::uint32_t next_u32() { return gen_.next_u32(); }

  // Uniform on [-1, 1) in steps of 2^-23.
  float signed_unit() { return static_cast<float>(static_cast<std::int32_t>(next_u32() >> 8)) * 0x1p-23f - 1.0f; }

  // Standard normal (Marsaglia polar). The loop accepts with probability pi/4 per pair.
  float normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    float u, v, s;
    do {
      u = signed_unit();
      v = signed_unit();
      s = u * u + v * v;
    } while (s >= 1.0f || s == 0.0f);
    const float ln_s = vmath::log<simd::Scalar>(s);            // < 0
    const float f = std::sqrt(-2.0f * ln_s / s);               // sqrt is correctly rounded everywhere
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

  // SplitMix64 step: also used to derive one independent key per layer from the user's seed.
  static std::uint64_t splitmix64(std::uint64_t& z) { return Xoshiro128::splitmix64(z); }

 private:
  Xoshiro128 gen_;
  bool has_spare_ = false;
  float spare_ = 0.0f;
};

}  // namespace actlab::art
