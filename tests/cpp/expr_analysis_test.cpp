// expr_analysis_test.cpp — the cheat-sheet row of a typed activation and the exercise checks
// (answer vs reference with where the error is largest; a learner's f' vs the symbolic one).
#include <cmath>
#include <string>

#include "actlab/expr/analysis.hpp"
#include "actlab/expr/parser.hpp"
#include "catch2/catch.hpp"

using namespace actlab::expr;

namespace {

Compiled build(const std::string& text, float alpha = 0.25f) {
  std::vector<ParamDecl> p = default_params();
  p[0].value = alpha;
  Compiled c;
  Error e = compile(text, p, c);
  INFO(text << ": " << e.message);
  REQUIRE_FALSE(e);
  return c;
}

}  // namespace

TEST_CASE("expr cheat row: range, monotonicity, max slope and dead zone on the lessons' grid", "[expr][analysis]") {
  CheatRow r;
  REQUIRE(cheat_row(build("max(0, x)"), -5, 5, 100, r).empty());
  CHECK(r.min_f == 0);
  CHECK(r.max_f == 5);
  CHECK(r.max_at == 5);
  CHECK(r.monotonic == "increasing");
  CHECK(r.max_abs_df == 1);
  CHECK(r.dead_share == 0.5);  // the 50 points with x < 0
  REQUIRE(cheat_row(build("sigmoid(x)"), -5, 5, 100, r).empty());
  CHECK(r.min_f == Approx(0.00669).epsilon(1e-3));
  CHECK(r.max_abs_df == Approx(0.2498).epsilon(1e-3));
  CHECK(std::fabs(r.max_abs_df_at) < 0.06f);
  CHECK(r.monotonic == "increasing");
  CHECK(r.dead_share == Approx(0.1));  // sigma' < 0.01 for |x| > 4.585: five points at each end
  REQUIRE(cheat_row(build("x * Phi(x)"), -5, 5, 1001, r).empty());
  CHECK(r.monotonic == "no");
  CHECK(r.min_f == Approx(-0.170).epsilon(1e-2));
  CHECK(r.min_at == Approx(-0.75).margin(0.01));
  REQUIRE(cheat_row(build("-x"), -1, 1, 11, r).empty());
  CHECK(r.monotonic == "decreasing");
  REQUIRE(cheat_row(build("log(x)"), -1, 1, 11, r).empty());
  CHECK(r.nonfinite == 6);  // x <= 0
  CHECK(r.nonfinite_at == -1);
  CHECK(cheat_row(build("x"), 1, -1, 10, r) == "the interval must be finite with lo < hi");
  CHECK(cheat_row(build("x"), -1, 1, 1, r) == "the number of points must be in [2, 100001]");
}

TEST_CASE("expr checks: an answer against a reference, with where the error is largest", "[expr][analysis]") {
  Comparison c;
  // tanh(z) = 2 sigma(2z) - 1, typed and checked on a grid (curriculum exercise).
  REQUIRE(compare(build("2 * sigmoid(2 * z) - 1"), build("tanh(z)"), -6, 6, 1201, 1e-6, 1e-5, c).empty());
  CHECK(c.pass);
  CHECK(c.max_abs < 1e-6);
  CHECK(c.special.size() == 14);
  // A typical mistake: 2 sigma(z) - 1 is tanh(z/2).
  REQUIRE(compare(build("2 * sigmoid(z) - 1"), build("tanh(z)"), -6, 6, 1201, 1e-6, 1e-5, c).empty());
  CHECK_FALSE(c.pass);
  CHECK(c.max_abs == Approx(0.30028).epsilon(1e-3));  // tanh(z) - tanh(z/2), largest at |z| = 1.06
  CHECK(std::fabs(std::fabs(c.max_abs_at) - 1.06f) < 0.011f);
  CHECK(c.difference.size() == 1201);
  // ELU without the -1: at x -> 0- the answer tends to alpha, not 0.
  REQUIRE(compare(build("x > 0 ? x : alpha * exp(x)", 1), build("x > 0 ? x : alpha * expm1(x)", 1), -3, 3, 601,
                  1e-6, 1e-5, c).empty());
  CHECK_FALSE(c.pass);
  CHECK(c.max_abs == Approx(1.0));
  CHECK(c.first_failure_at == -3);
  // NaN must stay NaN and infinities match: where(x > 0, x, 0) and relu agree everywhere.
  REQUIRE(compare(build("x > 0 ? x : 0"), build("relu(x)"), -5, 5, 101, 0, 0, c).empty());
  CHECK(c.pass);
  // x*sigmoid(x) is within 0.3 of relu on the grid, but at -inf it is NaN (inf * 0) where relu
  // is 0: the special values catch what the grid cannot.
  REQUIRE(compare(build("x * sigmoid(x)"), build("relu(x)"), -5, 5, 101, 0.3, 0, c).empty());
  CHECK(c.failures == 0);
  bool neg_inf_checked = false;
  for (const PointCheck& p : c.special)
    if (std::isinf(p.x) && p.x < 0) {
      neg_inf_checked = true;
      CHECK_FALSE(p.ok);
    }
  CHECK(neg_inf_checked);
  CHECK_FALSE(c.pass);
  CHECK(compare(build("x"), build("x"), -1, 1, 10, -1, 0, c) == "tolerances must be finite and >= 0");
}

TEST_CASE("expr checks: a learner's derivative against the symbolic one and finite differences", "[expr][analysis]") {
  DerivativeCheck d;
  REQUIRE(check_derivative(build("sigmoid(x) * (1 - sigmoid(x))"), build("sigmoid(x)"), -8, 8, 801, 1e-6, 1e-4, d).empty());
  CHECK(d.vs_symbolic.pass);
  CHECK(d.max_fd_error < 1e-7);
  REQUIRE(check_derivative(build("sigmoid(x)^2"), build("sigmoid(x)"), -8, 8, 801, 1e-6, 1e-4, d).empty());
  CHECK_FALSE(d.vs_symbolic.pass);
  REQUIRE(check_derivative(build("x > 0 ? 1 : alpha"), build("x > 0 ? x : alpha * x"), -2, 2, 401, 0, 0, d).empty());
  CHECK(d.vs_symbolic.pass);
}
