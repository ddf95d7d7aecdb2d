// xoshiro128.hpp — the one integer generator behind every random stream of the engine
// (data/rng.hpp for datasets and training, art/rng.hpp for the art studio's weights).
//
// xoshiro128** 1.1 (Blackman & Vigna 2018, https://prng.di.unimi.it/): 128-bit state, 32-bit
// outputs, only 32-bit integer operations, so x86-64 and wasm produce the same numbers.
// Seeding: SplitMix64 (Steele, Lea & Flood 2014) expands a 64-bit key into the state.
#pragma once

#include <cstdint>

namespace actlab {

class Xoshiro128 {
 public:
  explicit Xoshiro128(std::uint64_t seed = 1) { reseed(seed); }

  void reseed(std::uint64_t seed) {
    std::uint64_t z = seed;
    for (int k = 0; k < 2; ++k) {
      const std::uint64_t v = splitmix64(z);
      s_[2 * k] = static_cast<std::uint32_t>(v);
      s_[2 * k + 1] = static_cast<std::uint32_t>(v >> 32);
    }
    fix_zero();
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

  // The raw state, for model files that resume a run exactly.
  void get_state(std::uint32_t out[4]) const {
    for (int k = 0; k < 4; ++k) out[k] = s_[k];
  }
  void set_state(const std::uint32_t in[4]) {
    for (int k = 0; k < 4; ++k) s_[k] = in[k];
    fix_zero();
  }

  // One SplitMix64 step: advances z and returns a well-mixed 64-bit value (also used to derive
  // independent keys, e.g. one per art layer, from one user seed).
  static std::uint64_t splitmix64(std::uint64_t& z) {
    std::uint64_t r = (z += 0x9e3779b97f4a7c15ull);
    r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9ull;
    r = (r ^ (r >> 27)) * 0x94d049bb133111ebull;
    return r ^ (r >> 31);
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  void fix_zero() {
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
  }
  std::uint32_t s_[4];
};

}  // namespace actlab
