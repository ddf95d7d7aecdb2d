// timing.hpp — the benchmark's one timing method, shared by the activation and training benches.
//
// Warm up for `warmup_ms`, then time R rounds of at least `round_ms` each. Clock reads are
// amortised over a slice of k calls (k fills ~slice_ms, from the warm-up's pace), so reading the
// clock costs the same negligible share on every target however fast the call. A round's time is
// its fastest slice: on a shared machine most rounds are interrupted by other processes, but a
// ~1 ms slice usually runs clean, so the best slice is the code's own speed.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

namespace actlab::bench {

struct Timing {
  double round_ms = 60.0;
  double warmup_ms = 20.0;
  double slice_ms = 1.0;
  int rounds = 5;
};

// Best seconds per call of `call`.
inline double seconds_per_call(const Timing& t, const std::function<void()>& call) {
  using Clock = std::chrono::steady_clock;
  using Ms = std::chrono::duration<double, std::milli>;
  long warm_calls = 0;
  const auto w0 = Clock::now();
  double warm_ms = 0.0;
  do {
    call();
    ++warm_calls;
    warm_ms = Ms(Clock::now() - w0).count();
  } while (warm_ms < t.warmup_ms);
  const long k = std::max(1L, static_cast<long>(t.slice_ms * warm_calls / warm_ms));
  double best = INFINITY;
  for (int r = 0; r < t.rounds; ++r) {
    const auto r0 = Clock::now();
    auto t1 = r0;
    do {
      const auto t0 = t1;
      for (long c = 0; c < k; ++c) call();
      t1 = Clock::now();
      best = std::min(best, Ms(t1 - t0).count() * 1e-3 / static_cast<double>(k));
    } while (Ms(t1 - r0).count() < t.round_ms);
  }
  return best;
}

}  // namespace actlab::bench
