// expr_derivative_test.cpp — symbolic derivatives against finite differences (every function,
// parameters, random expression trees), the kink conventions, simplification and TeX.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "actlab/expr/compiled.hpp"
#include "actlab/expr/derivative.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/expr/tex.hpp"
#include "catch2/catch.hpp"

using namespace actlab::expr;

namespace {

Compiled build(const std::string& text, std::vector<ParamDecl> params = default_params()) {
  Compiled c;
  Error e = compile(text, params, c);
  INFO(text << ": " << e.message);
  REQUIRE_FALSE(e);
  return c;
}

std::vector<double> doubles(const Compiled& c) { return std::vector<double>(c.values.begin(), c.values.end()); }

// Central difference of f in double, h scaled to x.
double central(const Compiled& c, double x, int var = kWrtInput) {
  std::vector<double> p = doubles(c);
  double h = 1e-6 * std::max(1.0, std::fabs(var == kWrtInput ? x : p[std::size_t(var)]));
  auto f = [&](double d) {
    std::vector<double> q = p;
    if (var == kWrtInput) return eval_double(*c.expr.graph, c.f, x + d, q);
    q[std::size_t(var)] += d;
    return eval_double(*c.expr.graph, c.f, x, q);
  };
  return (f(h) - f(-h)) / (2 * h);
}

void check_fd(const std::string& text, const std::vector<double>& xs) {
  Compiled c = build(text);
  for (double x : xs) {
    double sym = eval_double(*c.expr.graph, c.df, x, doubles(c));
    double fd = central(c, x);
    INFO(text << " at x = " << x << ": symbolic " << sym << ", finite difference " << fd);
    CHECK(std::fabs(sym - fd) <= 1e-6 + 1e-6 * std::fabs(fd));
  }
}

// Shared by the property tests: a seeded random expression as text (so the parser is in the loop).
struct TreeGen {
  std::mt19937 rng;
  bool smooth;  // only functions that are differentiable everywhere they are used
  explicit TreeGen(std::uint32_t seed, bool smooth_only) : rng(seed), smooth(smooth_only) {}
  std::uint32_t pick(std::uint32_t n) { return rng() % n; }
  std::string leaf() {
    switch (pick(4)) {
      case 0: return "x";
      case 1: return "alpha";
      case 2: return std::to_string(int(pick(9)) - 4) + "." + std::to_string(pick(10));
      default: return "x";
    }
  }
  std::string tree(int depth) {
    if (depth == 0 || pick(5) == 0) return leaf();
    static const char* kSmooth1[] = {"sin", "cos", "tanh", "sigmoid", "softplus", "erf", "erfc", "Phi", "exp"};
    static const char* kAll1[] = {"exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "sin", "cos", "tanh",
                                  "sigmoid", "softplus", "erf", "erfc", "Phi", "relu", "step"};
    std::string a = tree(depth - 1);
    switch (pick(smooth ? 6 : 9)) {
      case 0: return "(" + a + " + " + tree(depth - 1) + ")";
      case 1: return "(" + a + " - " + tree(depth - 1) + ")";
      case 2: return "(" + a + " * " + tree(depth - 1) + ")";
      case 3:
        if (smooth) return std::string(kSmooth1[pick(9)]) == "exp" ? "exp(tanh(" + a + "))" : std::string(kSmooth1[pick(8)]) + "(" + a + ")";
        return std::string(kAll1[pick(17)]) + "(" + a + ")";
      case 4: return smooth ? "(" + a + ")^" + std::to_string(pick(3) + 2) : "(" + a + " / " + tree(depth - 1) + ")";
      case 5: return smooth ? "(" + a + ") / (1 + (" + tree(depth - 1) + ")^2)" : "max(" + a + ", " + tree(depth - 1) + ")";
      case 6: return "where(" + a + " > " + tree(depth - 1) + ", " + tree(depth - 1) + ", " + tree(depth - 1) + ")";
      case 7: return "min(" + a + ", " + tree(depth - 1) + ")";
      default: return "(" + a + ")^" + tree(0);
    }
  }
};

std::string tex_of(const std::string& text) {
  ParseResult r = parse(text);
  REQUIRE(r.ok());
  return to_tex(r.expr, r.expr.root).text;
}

}  // namespace

TEST_CASE("expr derivatives: every function against finite differences", "[expr][derivative]") {
  const std::vector<double> grid = {-3.7, -1.3, -0.4, 0.3, 0.9, 2.2, 4.1};
  const std::vector<double> positive = {0.05, 0.3, 1.1, 2.9, 7.5};
  for (const char* f : {"exp", "expm1", "sin", "cos", "tanh", "sigmoid", "softplus", "erf", "erfc", "Phi", "abs",
                        "relu", "sign", "step"})
    check_fd(std::string(f) + "(0.7 * x + 0.2)", grid);  // away from the kinks of abs/relu/sign/step
  for (const char* f : {"log", "sqrt", "log1p"}) check_fd(std::string(f) + "(1.3 * x)", positive);
  check_fd("x^3 - 2 * x^-2", {-2.5, -0.7, 0.6, 3.1});
  check_fd("x^x", positive);                       // general power: base and exponent vary
  check_fd("2^x + x^2.5", positive);
  check_fd("x / (1 + abs(x))", grid);               // softsign
  check_fd("min(x, 1) + max(x, -1)", {-2.0, -0.5, 0.5, 2.0});
  check_fd("x > 0 ? x : alpha * expm1(x)", {-2.0, -0.5, 0.5, 2.0});
  check_fd("where(x < 1, x^2, 2 * x - 1)", {-1.0, 0.5, 1.5, 3.0});
  check_fd("x * sigmoid(1.702 * x)", grid);
  check_fd("x * Phi(x)", grid);
  check_fd("x * tanh(softplus(x))", grid);
  check_fd("x * erf(x) + pi * cos(e * x)", grid);
}

TEST_CASE("expr derivatives: with respect to each learnable parameter", "[expr][derivative]") {
  std::vector<ParamDecl> decl = {{"alpha", 0.25f, true, "\\alpha"}, {"beta", 1.5f, true, "\\beta"},
                                 {"gamma", 2.0f, false, ""}};
  Compiled c = build("where(x > 0, gamma * x, alpha * x) * sigmoid(beta * x)", decl);
  REQUIRE(c.learnable() == std::vector<int>{0, 1});  // gamma is fixed
  CHECK(c.dparam[2] == -1);
  for (double x : {-2.0, -0.3, 0.4, 1.7})
    for (int p : {0, 1}) {
      double sym = eval_double(*c.expr.graph, c.dparam[std::size_t(p)], x, doubles(c));
      double fd = central(c, x, p);
      INFO("x = " << x << ", parameter " << p);
      CHECK(std::fabs(sym - fd) <= 1e-6 + 1e-6 * std::fabs(fd));
    }
  // PReLU: d f/d alpha = x on the negative side, 0 on the positive.
  Compiled prelu = build("x > 0 ? x : alpha * x");
  CHECK(eval_double(*prelu.expr.graph, prelu.dparam[0], -3.0, {0.25, 1.0}) == -3.0);
  CHECK(eval_double(*prelu.expr.graph, prelu.dparam[0], 3.0, {0.25, 1.0}) == 0.0);
  CHECK(prelu.dparam[1] == -1);  // beta is not used
}

TEST_CASE("expr derivatives: kink conventions follow the registry and are reported", "[expr][derivative]") {
  auto slope = [](const std::string& text, float x) {
    Compiled c = build(text);
    float y;
    c.apply(&x, &y, 1, true);
    return y;
  };
  CHECK(slope("relu(x)", 0) == 0);
  CHECK(slope("max(0, x)", 0) == 0);          // like relu'
  CHECK(slope("max(x, 0)", 0) == 0);          // the order of the operands does not matter
  CHECK(slope("max(x, 0.1 * x)", 0) == 0.1f); // Leaky ReLU's slope at 0 is alpha
  CHECK(slope("min(max(0, x), 6)", 6) == 0);  // ReLU6 at its upper kink
  CHECK(slope("abs(x)", 0) == 0);
  CHECK(slope("step(x)", 0) == 0);
  CHECK(slope("sign(x)", 0) == 0);
  CHECK(slope("x > 0 ? x : 0.01 * x", 0) == 0.01f);  // the branch taken at 0
  CHECK(slope("relu(x)", 2) == 1);
  Compiled c = build("relu(x) + step(x) + abs(x) + max(x, 0)");
  REQUIRE(c.notes.size() == 4);
  CHECK(c.notes[0] == "relu'(0) = 0 (undefined at 0; the engine's convention, like PyTorch)");
  CHECK(c.notes[2] == "step' = 0 everywhere; undefined at the jump x = 0, where the engine reports 0");
  CHECK(build("x * sigmoid(x)").notes.empty());
}

TEST_CASE("expr simplification: folding, identities and shared subexpressions", "[expr][simplify]") {
  auto nodes = [](const std::string& text) {
    ParseResult r = parse(text);
    REQUIRE(r.ok());
    return r.expr.graph->size();
  };
  ParseResult r = parse("x * 1 + 0");
  REQUIRE(r.ok());
  CHECK((*r.expr.graph)[r.expr.root].op == Op::Input);
  ParseResult k = parse("2 * 3 + 4");
  CHECK((*k.expr.graph)[k.expr.root].op == Op::Const);
  CHECK((*k.expr.graph)[k.expr.root].value == 10);
  CHECK(nodes("sigmoid(x) + sigmoid(x)") == 3);  // x, one sigmoid node, the sum
  CHECK(nodes("x * sigmoid(x)") == nodes("sigmoid(x) * x"));           // a*b and b*a share one node
  ParseResult w = parse("where(1 > 0, x, exp(x))");
  CHECK((*w.expr.graph)[w.expr.root].op == Op::Input);
  CHECK(tex_of("pi * x") == "\\pi \\cdot x");  // named constants are not folded away
  // Swish's f' reuses f's sigmoid: the f-and-f' tape computes it once.
  Compiled s = build("x * sigmoid(x)");
  CHECK(s.tape_f.instructions() == 2);
  CHECK(s.tape_fdf.instructions() <= 6);
  // The bound on size: a graph refuses nodes past its limit and says so.
  Graph g(4);
  int x = g.input();
  int a = g.make(Op::Exp, x);
  int b = g.make(Op::Sin, a);
  g.make(Op::Cos, b);
  CHECK_FALSE(g.overflowed());
  g.make(Op::Tanh, b);
  CHECK(g.overflowed());
}

TEST_CASE("expr TeX: f and f' typeset for KaTeX", "[expr][tex]") {
  Compiled g = build("x * sigmoid(1.702 * x)");
  CHECK(g.tex_f == "x \\cdot \\sigma\\left(1.702\\,x\\right)");
  CHECK(g.tex_df == "\\sigma\\left(1.702\\,x\\right) + x \\cdot 1.702\\,\\sigma'\\left(1.702\\,x\\right)");
  Compiled elu = build("x > 0 ? x : alpha * expm1(x)");
  CHECK(elu.tex_f == "\\begin{cases} x & x > 0 \\\\ \\alpha \\cdot \\left(e^{x} - 1\\right) & \\text{otherwise} \\end{cases}");
  CHECK(elu.tex_df == "\\begin{cases} 1 & x > 0 \\\\ \\alpha \\cdot e^{x} & \\text{otherwise} \\end{cases}");
  CHECK(build("max(0, x)").tex_df == "\\left[x > 0\\right]");  // Iverson's bracket: 1 or 0
  CHECK(build("z^2 / 2").tex_f == "\\frac{{z}^{2}}{2}");
  CHECK(build("-x^2").tex_f == "-{x}^{2}");
  CHECK(build("(1 - x) * 3").tex_f == "3\\,\\left(1 - x\\right)");
  CHECK(build("1e-05 * x").tex_f == "10^{-5}\\,x");
  CHECK(build("sqrt(abs(x))").tex_f == "\\sqrt{\\left|x\\right|}");
  CHECK(format_number(1.702f) == "1.702");
  CHECK(format_number(0.1f) == "0.1");
  CHECK(format_number(1e-3f) == "0.001");
}

TEST_CASE("expr property: random smooth trees, symbolic f' equals finite differences", "[expr][property]") {
  TreeGen gen(20261201u, true);
  int checked = 0;
  for (int t = 0; t < 300; ++t) {
    std::string text = gen.tree(4);
    Compiled c;
    if (compile(text, default_params(), c)) continue;
    for (double x : {-1.9, -0.6, 0.35, 1.4}) {
      double f0 = eval_double(*c.expr.graph, c.f, x, doubles(c));
      if (!std::isfinite(f0) || std::fabs(f0) > 1e6) continue;
      double sym = eval_double(*c.expr.graph, c.df, x, doubles(c));
      double fd = central(c, x);
      if (!std::isfinite(sym) || std::fabs(sym) > 1e5) continue;
      INFO(text << " at x = " << x << ": symbolic " << sym << ", finite difference " << fd);
      CHECK(std::fabs(sym - fd) <= 1e-4 + 1e-4 * std::fabs(fd));
      ++checked;
    }
  }
  CHECK(checked > 800);
}
