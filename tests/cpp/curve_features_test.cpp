// curve_features_test.cpp — curve_features() (probes/features.hpp): the numbers the explorer's
// shading and text alternatives show, with the exact values the course quotes where it has them
// (sigmoid's steepest slope 0.25 at 0, Leaky ReLU's 0 % dead zone, ReLU's 50 % on a symmetric range).
#include <cmath>
#include <string>

#include "actlab/activations/registry.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/probes/features.hpp"
#include "catch2/catch.hpp"

using namespace actlab;
using probes::CurveFeatures;
using probes::Shape;

static CurveFeatures features(const char* id, int points = 401, float lo = -5, float hi = 5, const float* params = nullptr) {
  CurveFeatures r;
  REQUIRE(probes::curve_features(*find_activation(id), params, points, lo, hi, 0.01f, r) == "");
  return r;
}

TEST_CASE("curve features: sigmoid rises, steepest 0.25 at 0, dead beyond |z| = 4.58", "[features]") {
  CurveFeatures r = features("sigmoid");
  CHECK(r.max_abs_df == 0.25f);
  CHECK(r.max_abs_df_at == 0.f);
  CHECK(r.max_abs_df_last == 0.f);
  CHECK(r.shape == Shape::Rising);
  CHECK(r.f_min == r.f_first);
  CHECK(r.f_max == r.f_last);
  CHECK(r.f_min_at == -5.f);
  REQUIRE(r.dead.size() == 2);
  CHECK(r.dead[0].from == -5.0);
  CHECK(r.dead[1].to == 5.0);
  // σ′ = s(1 − s) = 0.01 where s = (1 + √0.96)/2, i.e. |z| = ln((1 + √0.96)/(1 − √0.96)) ≈ 4.5849.
  const double edge = std::log((1 + std::sqrt(0.96)) / (1 - std::sqrt(0.96)));
  CHECK(std::fabs(r.dead[0].to + edge) < 1e-5);
  CHECK(std::fabs(r.dead[1].from - edge) < 1e-5);
  CHECK(std::fabs(r.dead_share - 2 * (5 - edge) / 10) < 1e-6);  // 8.3 %
  // The grid-point count (the course's scan) is the cruder 34/401.
  CHECK(r.scan.dead_share == Approx(34.0 / 401));
}

TEST_CASE("curve features: Leaky ReLU at its default alpha = 0.01 has no dead zone", "[features]") {
  CurveFeatures r = features("leaky_relu");
  CHECK(r.dead.empty());
  CHECK(r.dead_share == 0.0);
  CHECK(r.scan.dead_share == 0.0);
  CHECK(r.threshold == 0.01f);
  // A slope just under the threshold is dead: alpha = the float below 0.01.
  float below[kMaxParams] = {std::nextafter(0.01f, 0.f), 0};
  CurveFeatures b = features("leaky_relu", 401, -5, 5, below);
  REQUIRE(b.dead.size() == 1);
  CHECK(b.dead[0].from == -5.0);
  CHECK(std::fabs(b.dead[0].to) < 1e-30);  // the kink at 0, found by bisection
  CHECK(b.dead_share == 0.5);
}

TEST_CASE("curve features: ReLU is dead on exactly half of a symmetric range", "[features]") {
  for (int points : {100, 101, 401, 4001}) {
    CurveFeatures r = features("relu", points);
    REQUIRE(r.dead.size() == 1);
    CHECK(r.dead[0].from == -5.0);
    CHECK(std::fabs(r.dead[0].to) < 1e-30);
    CHECK(r.dead_share == 0.5);
    CHECK(r.shape == Shape::Rising);
    CHECK(r.max_abs_df == 1.f);
    CHECK(r.max_abs_df_last == 5.f);
  }
  CHECK(features("relu", 401, -2, 6).dead_share == 0.25);
}

TEST_CASE("curve features: shapes, plateaus and interior dead bands", "[features]") {
  CurveFeatures step = features("step");
  CHECK(step.dead_share == 1.0);
  CHECK(step.dead.size() == 1);
  CurveFeatures id = features("identity");
  CHECK(id.dead.empty());
  CHECK(id.max_abs_df_at == -5.f);
  CHECK(id.max_abs_df_last == 5.f);
  CurveFeatures hs = features("hard_sigmoid");  // f′ = 0 for |x| ≥ 3
  REQUIRE(hs.dead.size() == 2);
  CHECK(std::fabs(hs.dead[0].to + 3) < 1e-6);
  CHECK(std::fabs(hs.dead[1].from - 3) < 1e-6);
  CHECK(std::fabs(hs.dead_share - 0.4) < 1e-6);
  // GELU dips to its minimum near −0.75, where f′ passes 0: a narrow dead band inside the range.
  CurveFeatures g = features("gelu");
  CHECK(g.shape == Shape::Neither);
  CHECK(std::fabs(g.f_min_at + 0.75f) < 0.02f);
  bool interior = false;
  for (const probes::Interval& iv : g.dead) interior = interior || (iv.from > -1 && iv.to < -0.5);
  CHECK(interior);
  CHECK(features("tanh").shape == Shape::Rising);
  float minus[kMaxParams] = {1, 0};
  CHECK(features("swish", 401, 1, 5, minus).shape == Shape::Rising);
}

TEST_CASE("curve features: bad requests get a message", "[features]") {
  CurveFeatures r;
  const Activation& relu = *find_activation("relu");
  CHECK(probes::curve_features(relu, nullptr, 1, -5, 5, 0.01f, r).find("points") != std::string::npos);
  CHECK(probes::curve_features(relu, nullptr, 100001, -5, 5, 0.01f, r).find("points") != std::string::npos);
  CHECK(probes::curve_features(relu, nullptr, 10, 5, -5, 0.01f, r).find("range") != std::string::npos);
  CHECK(probes::curve_features(relu, nullptr, 10, -5, 5, NAN, r).find("threshold") != std::string::npos);
  float bad[kMaxParams] = {5.f, 0};
  CHECK(probes::curve_features(*find_activation("leaky_relu"), bad, 10, -5, 5, 0.01f, r).find("alpha") != std::string::npos);
}

// The explorer's learner-written curve: the same features from any kernel, here a typed activation's
// compiled tape. A typed ReLU must give the registry ReLU's features (its tape computes the same
// bits on this grid), and the dead-zone ends are bisected on the typed kernel itself.
TEST_CASE("curve features of a typed activation: max(0, x) gives ReLU's, x * sigmoid(1.702 * x) has its own", "[features]") {
  expr::Compiled c;
  REQUIRE(!expr::compile("max(0, x)", expr::default_params(), c));
  const probes::Kernel k = [&c](const float* x, float* y, std::size_t n, bool d) { c.apply(x, y, n, d); };
  CurveFeatures typed;
  REQUIRE(probes::curve_features(k, 401, -5, 5, 0.01f, typed) == "");
  CurveFeatures relu = features("relu");
  CHECK(typed.scan.f == relu.scan.f);
  CHECK(typed.scan.df == relu.scan.df);
  REQUIRE(typed.dead.size() == 1);
  CHECK(typed.dead[0].from == relu.dead[0].from);
  CHECK(typed.dead[0].to == relu.dead[0].to);
  CHECK(typed.dead_share == 0.5);
  CHECK(typed.shape == Shape::Rising);

  expr::Compiled g;
  REQUIRE(!expr::compile("x * sigmoid(1.702 * x)", expr::default_params(), g));
  const probes::Kernel kg = [&g](const float* x, float* y, std::size_t n, bool d) { g.apply(x, y, n, d); };
  CurveFeatures gelu;
  REQUIRE(probes::curve_features(kg, 401, -5, 5, 0.01f, gelu) == "");
  CHECK(gelu.shape == Shape::Neither);  // dips below 0 near x = -0.75, like GELU
  CHECK(gelu.f_min < 0.f);
  CHECK(gelu.f_min_at < 0.f);
  CHECK(gelu.max_abs_df > 1.f);          // overshoots 1 a little for x > 0
  // Bad requests get the same messages as for a registry id.
  CHECK(probes::curve_features(kg, 1, -5, 5, 0.01f, gelu) == "features: points must be in [2, 100000]");
  CHECK(probes::curve_features(kg, 10, 5, -5, 0.01f, gelu) == "scan: the range must be finite with hi > lo");
}
