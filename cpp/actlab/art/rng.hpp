// rng.hpp — the art renderer's seeded generator: the same weights on every target.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna 2018, https://prng.di.unimi.it/): 128-bit state,
// 32-bit outputs, only 32-bit integer operations. Seeding: SplitMix64 (Steele, Lea & Flood 2014)
// expands a 64-bit key into the state. Written here (not shared with data/rng.hpp) so the art
// stream never changes when the trainer's generator does.
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
#include "actlab/vmath.hpp"

namespace actlab::art {

class Rng {
 public:
  explicit Rng(std::uint64_t key) {
    std::uint64_t z = key;
    for (int k = 0; k < 2; ++k) {
      const std::uint64_t v = splitmix64(z);
      s_[2 * k] = static_cast<std::uint32_t>(v);
      s_[2 * k + 1] = static_cast<std::uint32_t>(v >> 32);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
  }

  std::uint32_t next_u32() {
    const std::uint32_t result = rotl(s_[1] * 5u, 7) * 9u;
    const std::uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 11);
    return result;
  }

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
  static std::uint64_t splitmix64(std::uint64_t& z) {
    std::uint64_t r = (z += 0x9e3779b97f4a7c15ull);
    r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9ull;
    r = (r ^ (r >> 27)) * 0x94d049bb133111ebull;
    return r ^ (r >> 31);
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  std::uint32_t s_[4];
  bool has_spare_ = false;
  float spare_ = 0.0f;
};

}  // namespace actlab::art
