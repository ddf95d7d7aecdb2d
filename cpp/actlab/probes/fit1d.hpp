// fit1d.hpp — universal approximation in one dimension: fit a target y(x) on [−1, 1] with one
// hidden layer of N bent units and a linear output,  ŷ(x) = c + Σ_i v_i · g(w_i·x + b_i).
//
// The hidden layer is placed, not trained: unit i (of N) bends at k_i = −1 + 2·(i + u_i)/N with
// u_i ~ U(0.2, 0.8) from the seed (one unit per slice of the range, jittered), faces s_i = ±1
// (seeded), w_i = s_i·N (steepness grows with N so a tanh step is about one slice wide; for ReLU
// only the kink position matters), b_i = −w_i·k_i. The output weights v and c are then the
// least-squares best for those units on G evenly spaced points (normal equations with a tiny
// ridge, 1e-10 of the largest diagonal, solved by Cholesky in double): the best this set of
// units can do, so the error measures what N units of g can draw. g is the registry's float
// kernel; everything else is double with + − × ÷ and sqrt, so native and wasm give the same bits.
//
// Targets: sin(πx), |x|, a step (0 for x < 0, 1 from 0), a bump exp(−(x/0.3)²), or a drawn curve
// (K values at evenly spaced x on [−1, 1], joined by straight lines).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::probes {

inline constexpr int kFitMaxUnits = 64;
inline constexpr int kFitMaxPoints = 1001;
inline constexpr int kFitMaxDrawn = 257;

struct Fit1dSpec {
  std::string target = "sin";        // sin | abs | step | bump | drawn
  std::vector<double> drawn;         // for "drawn": 2..257 values in [-10, 10]
  std::string activation = "relu";   // any elementwise registry activation
  int units = 8;                     // 1..64
  int points = 201;                  // G: 16..1001 evenly spaced x on [−1, 1]
  std::uint64_t seed = 1;
  bool sweep = false;                // also the error for every N = 1..64
};

struct Fit1dResult {
  std::vector<double> x, target, fit;   // [G]
  std::vector<double> contrib;          // [N][G]: v_i · g(w_i·x + b_i)
  std::vector<double> kink, w, b, v;    // [N]
  double c = 0;
  double rmse = 0, max_abs_err = 0;     // over the G points
  std::vector<double> sweep_rmse;       // [64] when asked: RMS error with n = 1..64 units
};

std::string fit_1d(const Fit1dSpec& spec, Fit1dResult& out);

}  // namespace actlab::probes
