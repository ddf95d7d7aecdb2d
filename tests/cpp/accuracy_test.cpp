// accuracy_test.cpp — enforces the ULP bounds that README states, on both targets.
// Bounds are the measured maxima rounded up (README "Accuracy"); piecewise-linear activations
// must be correctly rounded (<= 0.5 ULP), smooth ones within 4 ULP wherever the true result is a
// normal float.
#include <map>
#include <string>

#include "actlab/activations/accuracy.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("accuracy: every activation within its stated ULP bound", "[accuracy]") {
  // f bound, f' bound where |f'| >= 1/4 (absolute in ulps of 1/4 below that).
  const std::map<std::string, std::pair<double, double>> bounds = {
      {"identity", {0, 0}},     {"step", {0, 0}},          {"relu", {0, 0}},       {"relu6", {0, 0}},
      {"leaky_relu", {0.5, 0}}, {"prelu", {0.5, 0}},       {"sigmoid", {4, 4}},    {"tanh", {4, 4}},
      {"elu", {4, 4}},          {"selu", {4, 4}},          {"gelu", {4, 4}},       {"gelu_tanh", {4, 4}},
      {"swish", {4, 4}},        {"mish", {4, 4}},          {"softplus", {4, 4}},   {"softsign", {4, 4}},
      {"hard_sigmoid", {1, 0.5}}, {"hard_swish", {2, 1}},
  };
  std::vector<float> xs = accuracy_inputs();  // the full sweep README reports
  for (const Activation& a : activations()) {
    INFO(a.id);
    auto it = bounds.find(a.id);
    REQUIRE(it != bounds.end());  // a new activation needs its bound stated here and in README
    AccuracyRow r = measure_accuracy(a, xs);
    CHECK(r.f.max_ulp <= it->second.first);
    CHECK(r.df_floored.max_ulp <= it->second.second);
    CHECK(r.f.bad_special == 0);
    CHECK(r.df.bad_special == 0);
    CHECK(r.f.count == xs.size());
  }
}

TEST_CASE("accuracy: the ULP measure itself", "[accuracy]") {
  CHECK(ulp_error(1.0f, 1.0) == 0);
  CHECK(ulp_error(1.0f, 1.0 + 0x1p-23) == Approx(1.0));
  CHECK(ulp_error(0x1.000002p0f, 1.0) == Approx(1.0));
  CHECK(ulp_error(2.0f, 1.0) > 1e6);
}
