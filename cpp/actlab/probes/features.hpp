// features.hpp — a curve's features on an interval, the numbers behind the explorer's shading and
// the plots' words: the range f reaches, the steepest |f′| and where, the intervals where |f′| is
// below a threshold (the "dead zone") with their share of the interval, and whether f is monotonic.
//
// Sampling: the gradient scan's grid (scan.hpp), x_i = lo + i·(hi − lo)/(n − 1). Every number is
// a float32 engine value or a grid point, except the ends of the dead-zone intervals: where |f′|
// crosses the threshold between two grid points, the crossing is found by bisection on the kernel
// itself (down to adjacent floats), so a jump such as ReLU's at 0 lands at 0, not half a step off.
//
// The dead-zone rule (issue 7): a point is dead when |f′(x)| < t strictly, with t rounded to float32
// like every other engine number. So a slope of exactly the threshold — Leaky ReLU's default
// α = 0.01, whose float32 value is the float32 value of 0.01 — is alive (0 % dead zone, as the
// course's gradient-scan experiment counts it). NaN slopes are never dead.
#pragma once

#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/scan.hpp"

namespace actlab::probes {

struct Interval {
  double from = 0, to = 0;
};

enum class Shape { Rising, Falling, Constant, Neither };

struct CurveFeatures {
  ScanResult scan;                  // the grid, f and f′ on it (scan.dead_share counts grid points)
  float threshold = 0;              // the threshold as compared (float32)
  float f_first = 0, f_last = 0;    // f at lo and at hi
  float f_min = 0, f_min_at = 0;    // the lowest f on the grid and its first grid point
  float f_max = 0, f_max_at = 0;    // the highest f and its first grid point
  float max_abs_df = 0;             // the largest |f′| on the grid ...
  float max_abs_df_at = 0;          // ... its first grid point ...
  float max_abs_df_last = 0;        // ... and the last grid point with the same |f′| (a plateau: ReLU)
  float df_at_max = 0;              // f′ (signed) where |f′| is largest
  std::vector<Interval> dead;       // maximal intervals with |f′| < threshold, ascending, within [lo, hi]
  double dead_share = 0;            // total length of `dead` / (hi − lo), in [0, 1]
  Shape shape = Shape::Neither;     // f on the grid: non-decreasing (and not constant), ...
};

// params: kMaxParams values or nullptr for the defaults. points in [2, 100000]. Returns "" or a message.
std::string curve_features(const Activation& a, const float* params, int points, float lo, float hi, float threshold,
                           CurveFeatures& out);

// The same features of any batch kernel (scan.hpp's Kernel), e.g. a typed activation's compiled tape
// (the explorer's learner-written curve): the dead-zone ends are bisected on that kernel.
std::string curve_features(const Kernel& k, int points, float lo, float hi, float threshold, CurveFeatures& out);

// "rising", "falling", "constant", "neither".
const char* shape_name(Shape s);

}  // namespace actlab::probes
