// expr_tape_test.cpp — the compiled tape: the same bits as point evaluation, on the scalar and
// the SIMD back end, for random expressions over special values and every chunk/tail length,
// in place, and against tests/golden/expr.golden (written natively, compared here on wasm too).
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/golden.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/expr/golden.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/simd/bits.hpp"
#include "catch2/catch.hpp"

using namespace actlab::expr;
using actlab::bit_cast;

namespace {

bool same_bits(float a, float b) {
  return bit_cast<std::uint32_t>(a) == bit_cast<std::uint32_t>(b) || (std::isnan(a) && std::isnan(b));
}

// A random expression over every operation (kinks, comparisons, where, powers included).
std::string random_tree(std::mt19937& rng, int depth) {
  auto pick = [&](std::uint32_t n) { return rng() % n; };
  if (depth == 0 || pick(6) == 0) {
    switch (pick(4)) {
      case 0: return "alpha";
      case 1: return std::to_string(int(pick(13)) - 6) + "." + std::to_string(pick(100));
      default: return "x";
    }
  }
  static const char* kFns[] = {"exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "sin", "cos", "tanh",
                               "sigmoid", "softplus", "erf", "erfc", "Phi", "relu", "step"};
  std::string a = random_tree(rng, depth - 1), b = random_tree(rng, depth - 1);
  switch (pick(12)) {
    case 0: return "(" + a + " + " + b + ")";
    case 1: return "(" + a + " - " + b + ")";
    case 2: return "(" + a + " * " + b + ")";
    case 3: return "(" + a + " / " + b + ")";
    case 4: return "(" + a + ")^" + std::to_string(int(pick(7)) - 2);
    case 5: return "(" + a + ")^(" + b + ")";
    case 6: return "min(" + a + ", " + b + ")";
    case 7: return "max(" + a + ", " + b + ")";
    case 8: return "where(" + a + " > " + b + ", " + a + ", " + random_tree(rng, depth - 1) + ")";
    case 9: return "(" + a + " <= " + b + ")";
    default: return std::string(kFns[pick(17)]) + "(" + a + ")";
  }
}

std::vector<float> inputs() {
  std::vector<float> xs = actlab::golden_inputs();
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) xs.push_back(float(int(rng() % 200001) - 100000) / 5000.0f);
  return xs;
}

}  // namespace

TEST_CASE("expr tape: random expressions give the bits of point evaluation on both back ends", "[expr][tape]") {
  std::mt19937 rng(20261201u);
  const std::vector<float> xs = inputs();
  int compiled = 0;
  for (int t = 0; t < 200; ++t) {
    std::string text = random_tree(rng, 4);
    Compiled c;
    if (compile(text, default_params(), c)) continue;
    ++compiled;
    std::vector<float> y(xs.size()), dy(xs.size()), ys(xs.size()), dys(xs.size()), da(xs.size()), das(xs.size());
    c.apply_both(xs.data(), y.data(), dy.data(), xs.size());
    float* outs[3] = {ys.data(), dys.data(), das.data()};
    c.tape_grads.run_scalar(xs.data(), xs.size(), outs, c.values.data());
    float* gouts[1] = {da.data()};
    std::vector<float*> simd_outs = {y.data(), dy.data()};
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      std::vector<float> ref;
      std::vector<int> roots = {c.f, c.df};
      eval_float(*c.expr.graph, roots, xs[i], c.values, ref);
      if (!same_bits(y[i], ref[0]) || !same_bits(dy[i], ref[1]) || !same_bits(ys[i], ref[0]) ||
          !same_bits(dys[i], ref[1])) {
        if (++mismatches <= 3)
          UNSCOPED_INFO(text << " at x = " << xs[i] << ": tape " << y[i] << ", " << dy[i] << "; scalar " << ys[i]
                             << ", " << dys[i] << "; point " << ref[0] << ", " << ref[1]);
      }
    }
    (void)gouts;
    CHECK(mismatches == 0);
  }
  CHECK(compiled > 150);
}

TEST_CASE("expr tape: every batch length, chunk boundaries and in-place evaluation", "[expr][tape]") {
  Compiled c;
  REQUIRE_FALSE(compile("x * sigmoid(1.702 * x) + where(x < -1, alpha, sin(x))", default_params(), c));
  for (std::size_t n : {0u, 1u, 3u, 4u, 5u, 255u, 256u, 257u, 511u, 513u, 1000u}) {
    std::vector<float> x(n), y(n), dy(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = float(i) * 0.037f - 9.0f;
    c.apply_both(x.data(), y.data(), dy.data(), n);
    std::vector<float> inplace = x;
    c.apply(inplace.data(), inplace.data(), n, false);
    std::vector<float> dinplace = x;
    c.apply(dinplace.data(), dinplace.data(), n, true);
    for (std::size_t i = 0; i < n; ++i) {
      INFO("n = " << n << ", i = " << i);
      REQUIRE(same_bits(y[i], eval_float(*c.expr.graph, c.f, x[i], c.values)));
      REQUIRE(same_bits(dy[i], eval_float(*c.expr.graph, c.df, x[i], c.values)));
      REQUIRE(same_bits(inplace[i], y[i]));
      REQUIRE(same_bits(dinplace[i], dy[i]));
    }
  }
  // f = x: the output is the input itself; in place with two outputs must still be right.
  Compiled id;
  REQUIRE_FALSE(compile("x", default_params(), id));
  std::vector<float> v = {1, 2, 3, 4, 5}, dv(5);
  id.apply_both(v.data(), v.data(), dv.data(), v.size());
  CHECK(v == std::vector<float>{1, 2, 3, 4, 5});
  CHECK(dv == std::vector<float>{1, 1, 1, 1, 1});
}

TEST_CASE("expr tape: slots are reused, so scratch stays small", "[expr][tape]") {
  std::string sum = "sin(x)";  // 90 terms: 450 typed items, within the bound of 512
  for (int i = 2; i <= 90; ++i) sum += "+sin(" + std::to_string(i) + "*x)";  // 894 characters
  Compiled c;
  REQUIRE_FALSE(compile(sum, default_params(), c));
  CHECK(c.tape_f.instructions() > 200);
  CHECK(c.tape_f.slots() < 100);  // 89 constants + a handful of live values
}

TEST_CASE("expr tape: NaN and infinities never turn silently into numbers", "[expr][tape]") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (const char* text : {"x > 0 ? x : 0", "where(x < 0, 0, x)", "max(0, x)", "min(x, 1)", "relu(x)", "step(x)",
                           "sign(x)", "(x > 1) * 2", "abs(x)"}) {
    Compiled c;
    REQUIRE_FALSE(compile(text, default_params(), c));
    float y;
    c.apply(&nan, &y, 1, false);
    INFO(text);
    CHECK(std::isnan(y));
  }
}

TEST_CASE("expr golden: f and f' bit patterns equal the native build's on this target", "[expr][golden]") {
  std::ifstream in(std::string(ACTLAB_SOURCE_DIR) + "/tests/golden/expr.golden");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<actlab::GoldenLine> lines = actlab::parse_golden(ss.str());
  const auto& list = golden_expressions();
  REQUIRE(lines.size() == list.size() * actlab::golden_inputs().size());
  std::vector<Compiled> compiled(list.size());
  for (std::size_t k = 0; k < list.size(); ++k) REQUIRE_FALSE(compile(list[k], default_params(), compiled[k]));
  std::size_t mismatches = 0;
  for (const actlab::GoldenLine& g : lines) {
    std::size_t k = std::stoul(g.id.substr(4));
    REQUIRE(k < list.size());
    float x = bit_cast<float>(g.x), y, dy;
    compiled[k].apply_both(&x, &y, &dy, 1);
    if (!same_bits(y, bit_cast<float>(g.f)) || !same_bits(dy, bit_cast<float>(g.df))) {
      if (++mismatches <= 5)
        UNSCOPED_INFO(list[k] << " at x = " << x << ": f bits " << std::hex << bit_cast<std::uint32_t>(y) << " golden "
                               << g.f << ", f' bits " << bit_cast<std::uint32_t>(dy) << " golden " << g.df);
    }
  }
  CHECK(mismatches == 0);
}
