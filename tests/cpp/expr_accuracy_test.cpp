// expr_accuracy_test.cpp — the float tape of every function against the double libm reference,
// in ULP (units in the last place of the float result), with the bounds measured this session.
// erfc's far tail is the loose one: erfc(u) = 2·Phi(-u·sqrt 2) rounds u·sqrt 2 first, and
// that relative error is multiplied by ~2u² (150 ulp at u = 9.2, where erfc is 1e-38).
#include <cmath>
#include <string>
#include <vector>

#include "actlab/expr/compiled.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/expr/parser.hpp"
#include "catch2/catch.hpp"

using namespace actlab::expr;

namespace {

double ulps(float got, double want) {
  if (std::isnan(got) && std::isnan(want)) return 0;
  if (double(got) == want) return 0;
  int e;
  std::frexp(std::max(std::fabs(want), 1.17549435e-38), &e);
  return std::fabs(double(got) - want) / std::ldexp(1.0, e - 24);
}

struct Bound {
  const char* text;
  float lo, hi;
  double f_ulp, df_ulp;
};

}  // namespace

TEST_CASE("expr accuracy: every function of the tape within its ULP bound of libm in double", "[expr][accuracy]") {
  const Bound kBounds[] = {
      {"exp(x)", -20, 20, 1.5, 1.5},       {"log(x)", 1e-6f, 20, 1.5, 1},       {"log1p(x)", -0.999f, 20, 1.5, 1.5},
      {"expm1(x)", -20, 20, 2, 1.5},       {"sqrt(x)", 0, 20, 0.5, 2},          {"sin(x)", -100, 100, 2, 2},
      {"cos(x)", -100, 100, 2, 2},         {"tanh(x)", -20, 20, 3, 4},          {"sigmoid(x)", -20, 20, 3, 4.5},
      {"softplus(x)", -20, 20, 2, 3},      {"erf(x)", -20, 20, 1.5, 4},         {"erfc(x)", -20, 4, 32, 4},
      {"erfc(x)", -20, 20, 160, 4},        {"Phi(x)", -20, 20, 4, 3},           {"x^3", -20, 20, 1.5, 3},
      {"x^0.7", 1e-6f, 20, 9, 8},          {"x^-2", 0.01f, 20, 2, 3},           {"abs(x)", -20, 20, 0, 0},
  };
  for (const Bound& b : kBounds) {
    Compiled c;
    REQUIRE_FALSE(compile(b.text, default_params(), c));
    const int n = 20001;
    std::vector<float> x(n), y(n), dy(n);
    for (int i = 0; i < n; ++i) x[std::size_t(i)] = b.lo + (b.hi - b.lo) * float(i) / float(n - 1);
    c.apply_both(x.data(), y.data(), dy.data(), x.size());
    double worst_f = 0, worst_df = 0;
    float at_f = 0, at_df = 0;
    for (int i = 0; i < n; ++i) {
      std::size_t k = std::size_t(i);
      double r = eval_double(*c.expr.graph, c.f, x[k], {0.25, 1.0});
      double rd = eval_double(*c.expr.graph, c.df, x[k], {0.25, 1.0});
      if (std::fabs(r) < 3e38 && ulps(y[k], r) > worst_f) worst_f = ulps(y[k], r), at_f = x[k];
      if (std::fabs(rd) < 3e38 && ulps(dy[k], rd) > worst_df) worst_df = ulps(dy[k], rd), at_df = x[k];
    }
    INFO(b.text << " on [" << b.lo << ", " << b.hi << "]: f " << worst_f << " ulp at " << at_f << ", f' " << worst_df
                << " ulp at " << at_df);
    CHECK(worst_f <= b.f_ulp);
    CHECK(worst_df <= b.df_ulp);
  }
}
