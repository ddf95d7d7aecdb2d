// rng.hpp — the engine's own seeded random generator: the same stream on every target.
//
// Generator: xoshiro128** seeded by SplitMix64 (util/xoshiro128.hpp, shared with the art renderer).
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
#include "actlab/util/xoshiro128.hpp"

namespace actlab::data {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1) { reseed(seed); }

  void reseed(std::uint64_t seed) {
    gen_.reseed(seed);
    has_spare_ = false;
    spare_ = 0.0;
  }

  std::uint32_t next_u32() { return gen_.next_u32(); }

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
  State state() const {
    State st{{}, has_spare_, spare_};
    gen_.get_state(st.s);
    return st;
  }
  void set_state(const State& st) {
    gen_.set_state(st.s);
    has_spare_ = st.has_spare;
    spare_ = st.spare;
  }

 private:
  Xoshiro128 gen_;
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace actlab::data
