// rng.hpp — the engine's own seeded random generator: the same stream on every target.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018, https://prng.di.unimi.it/), 128-bit
// state, 32-bit output, only 32-bit integer ops, so x86-64 and wasm produce the same numbers.
// Seeding: SplitMix64 (Steele, Lea & Flood 2014) expands a 64-bit seed into the state.
// Derived values:
//   uniform()   float in [0, 1): the top 24 bits · 2^-24 (exact).
//   uniform_d() double in [0, 1): 53 bits from two outputs.
//   normal()    double N(0, 1) by Box–Muller, with detmath's log/sin/cos (deterministic);
//               both values of a pair are used, the second is cached.
//   below(n)    unbiased integer in [0, n) (Lemire's multiply + rejection).
//   shuffle()   Fisher–Yates from the last element down.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "actlab/util/detmath.hpp"

namespace actlab::data {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1) { reseed(seed); }

  void reseed(std::uint64_t seed) {
    std::uint64_t z = seed;
    for (int k = 0; k < 2; ++k) {
      std::uint64_t v = splitmix64(z);
      s_[2 * k] = static_cast<std::uint32_t>(v);
      s_[2 * k + 1] = static_cast<std::uint32_t>(v >> 32);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
    has_spare_ = false;
    spare_ = 0.0;
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

  float uniform() { return static_cast<float>(static_cast<std::int32_t>(next_u32() >> 8)) * 0x1p-24f; }
  double uniform_d() {
    // 27 + 26 = 53 bits. Each part goes through int32 -> double (exact), never uint64 -> double:
    // Emscripten 3.1.6 (clang 14, -O2 -msimd128) was seen to vectorise a pair of these
    // conversions inside the dataset loops and return a wrong value for one lane.
    const std::int32_t hi = static_cast<std::int32_t>(next_u32() >> 5);
    const std::int32_t lo = static_cast<std::int32_t>(next_u32() >> 6);
    return static_cast<double>(hi) * 0x1p-27 + static_cast<double>(lo) * 0x1p-53;
  }
  // Uniform in [lo, hi).
  double uniform_range(double lo, double hi) { return lo + (hi - lo) * uniform_d(); }

  double normal() {
    if (has_spare_) { has_spare_ = false; return spare_; }
    double u1;
    do { u1 = uniform_d(); } while (u1 <= 0.0);  // log(0) excluded
    double u2 = uniform_d();
    double r = std::sqrt(-2.0 * detmath::log(u1));  // sqrt is correctly rounded everywhere
    double th = 2.0 * detmath::kPi * u2;
    spare_ = r * detmath::sin(th);
    has_spare_ = true;
    return r * detmath::cos(th);
  }

  std::uint32_t below(std::uint32_t n) {
    if (n <= 1) return 0;
    std::uint64_t m = static_cast<std::uint64_t>(next_u32()) * n;
    std::uint32_t low = static_cast<std::uint32_t>(m);
    if (low < n) {
      std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(next_u32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t k = v.size(); k > 1; --k) {
      std::size_t j = below(static_cast<std::uint32_t>(k));
      std::swap(v[k - 1], v[j]);
    }
  }

  // The whole state, for model files (resume a run exactly).
  struct State { std::uint32_t s[4]; bool has_spare; double spare; };
  State state() const { return {{s_[0], s_[1], s_[2], s_[3]}, has_spare_, spare_}; }
  void set_state(const State& st) {
    for (int k = 0; k < 4; ++k) s_[k] = st.s[k];
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
    has_spare_ = st.has_spare;
    spare_ = st.spare;
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& z) {
    std::uint64_t r = (z += 0x9e3779b97f4a7c15ull);
    r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9ull;
    r = (r ^ (r >> 27)) * 0x94d049bb133111ebull;
    return r ^ (r >> 31);
  }
  std::uint32_t s_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace actlab::data
