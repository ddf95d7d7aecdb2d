// analysis.hpp — what the engine says about a typed activation: its cheat-sheet row, and the
// checks of an exercise (an answer against a reference; a learner's f' against the symbolic
// derivative and finite differences). The page only displays these results.
//
// Grids are x_i = lo + i·(hi − lo)/(n − 1), i = 0..n−1, evaluated by the compiled tape (float,
// the same bits on both targets); n is 2..100001 and lo < hi, both finite, else an error.
#pragma once

#include <string>
#include <vector>

#include "actlab/expr/compiled.hpp"

namespace actlab::expr {

struct CheatRow {
  float lo = 0, hi = 0;
  float min_f = 0, min_at = 0, max_f = 0, max_at = 0;  // range reached on the grid, and where
  std::string monotonic;        // "increasing", "decreasing", "constant" or "no" (on the grid, non-strict)
  float max_abs_df = 0, max_abs_df_at = 0;
  double dead_share = 0;        // share of points with |f'| < dead_threshold (the curriculum's dead zone)
  float dead_threshold = 0.01f;
  int nonfinite = 0;            // points where f or f' is NaN or infinite
  float nonfinite_at = 0;       // the first of them
};

// The cheat-sheet row of c on [lo, hi] with n points (the lessons use [-5, 5], 100 points).
std::string cheat_row(const Compiled& c, float lo, float hi, int n, CheatRow& out);

struct PointCheck {
  float x = 0, answer = 0, reference = 0;
  bool ok = false;
};

struct Comparison {
  bool pass = false;
  double max_abs = 0;  float max_abs_at = 0;  // largest |answer − reference| on the grid
  double max_rel = 0;  float max_rel_at = 0;  // largest |answer − reference| / max(|reference|, 1e-30)
  int failures = 0;                           // grid points outside the tolerance (NaN-ness differing counts)
  float first_failure_at = 0;
  std::vector<PointCheck> special;            // 0, ±1e-7, ±1, ±10, ±30, ±1000, ±inf, NaN
  std::vector<float> x, difference;           // the grid and answer − reference (for the plot)
};

// Point x passes when |a − r| <= atol + rtol·|r|, or both are the same infinity, or both NaN.
// The specials pass with the same rule; `pass` needs every grid point and special to pass.
std::string compare(const Compiled& answer, const Compiled& reference, float lo, float hi, int n, double atol,
                    double rtol, Comparison& out);

struct DerivativeCheck {
  Comparison vs_symbolic;  // the learner's f' against the engine's symbolic f' of f
  double max_fd_error = 0;  // max |symbolic f' − central difference of f| on the grid (double)
  float max_fd_error_at = 0;
};

// Checks a learner's derivative `df` of `f`: compare(df, f') on the grid and specials, and the
// engine's own f' against finite differences (so the learner sees both agree).
std::string check_derivative(const Compiled& df, const Compiled& f, float lo, float hi, int n, double atol,
                             double rtol, DerivativeCheck& out);

}  // namespace actlab::expr
