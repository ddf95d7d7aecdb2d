// expr_parser_test.cpp — the expression language's grammar and its error messages: every
// malformed input below must give exactly this message and this column (the caret's place).
#include <cmath>
#include <string>
#include <vector>

#include "actlab/expr/error.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/expr/limits.hpp"
#include "actlab/expr/parser.hpp"
#include "catch2/catch.hpp"

using namespace actlab::expr;

namespace {

double value(const std::string& text, double x, std::vector<double> params = {0.25, 1.0}) {
  ParseResult r = parse(text);
  INFO(text << ": " << r.error.message);
  REQUIRE(r.ok());
  return eval_double(*r.expr.graph, r.expr.root, x, params);
}

struct Bad {
  const char* text;
  const char* message;
  int column;
};

const Bad kBad[] = {
    {"sigmoid(x))", "unexpected \")\" at column 11", 11},
    {"max(0,)", "unexpected \")\" at column 7", 7},
    {"1 + (x", "missing \")\" for the \"(\" at column 5", 5},
    {"x * (1 + (x", "missing \")\" for the \"(\" at column 10", 10},
    {"sigmod(x)", "unknown function \"sigmod\" — did you mean \"sigmoid\"?", 1},
    {"", "empty expression", 1},
    {"   ", "empty expression", 1},
    {"2x", "missing \"*\" between \"2\" and \"x\" at column 2 — write \"2*x\"", 2},
    {"2 x", "missing \"*\" between \"2\" and \"x\" at column 3 — write \"2*x\"", 3},
    {"(x+1)(x-1)", "missing \"*\" between \")\" and \"(\" at column 6 — write \")*(\"", 6},
    {"x(1)", "\"x\" at column 1 is not a function — write \"x*(\" for a product", 1},
    {"alpha(2)", "\"alpha\" at column 1 is not a function — write \"alpha*(\" for a product", 1},
    {"x +", "missing operand after \"+\" at column 3", 3},
    {"-", "missing operand after \"-\" at column 1", 1},
    {"x * * 2", "unexpected \"*\" at column 5", 5},
    {"x ** 2", "\"**\" at column 3 is not an operator — write \"^\" for a power", 3},
    {"x = 1", "unexpected \"=\" at column 3 — write \"==\" to compare", 3},
    {"x ! 1", "unexpected \"!\" at column 3 — write \"!=\" for not equal", 3},
    {"x && 1", "unexpected \"&\" at column 3 — there are no logical operators; multiply conditions, or nest where(...)", 3},
    {"x − 1", "\"−\" (a typographic minus) at column 3 — type \"-\"", 3},
    {"x × 2", "\"×\" at column 3 — type \"*\" for a product", 3},
    {"x · 2", "\"·\" at column 3 — type \"*\" for a product", 3},
    {"foo(x)", "unknown function \"foo\" at column 1 (functions: where, min, max, exp, log, log1p, expm1, sqrt, abs, sign, sin, cos, tanh, sigmoid, softplus, erf, erfc, Phi, relu, step)", 1},
    {"ln(x)", "unknown function \"ln\" at column 1 — write log(...) for the natural logarithm", 1},
    {"gelu(x)", "unknown function \"gelu\" at column 1 — write x * Phi(x) for GELU", 1},
    {"alph * x", "unknown name \"alph\" — did you mean \"alpha\"?", 1},
    {"q", "unknown name \"q\" at column 1 (names: x, z, pi, e, alpha, beta)", 1},
    {"sigmoid", "\"sigmoid\" at column 1 is a function — write sigmoid(x)", 1},
    {"max(x)", "\"max\" takes 2 arguments, got 1 at column 1 — write max(a, b)", 1},
    {"where(x > 0, x)", "\"where\" takes 3 arguments, got 2 at column 1 — write where(condition, a, b)", 1},
    {"sigmoid(x, 1)", "\"sigmoid\" takes 1 argument, got 2 at column 1 — write sigmoid(x)", 1},
    {"sin()", "\"sin\" takes 1 argument, got 0 at column 1 — write sin(x)", 1},
    {"1.2.3", "malformed number \"1.2.3\" at column 1", 1},
    {"1e", "malformed number \"1e\" at column 1 — an exponent needs digits, as in 1e-3", 1},
    {"1e+", "malformed number \"1e+\" at column 1 — an exponent needs digits, as in 1e-3", 1},
    {"1e40 * x", "number \"1e40\" at column 1 is too large for a float (at most 3.4e38)", 1},
    {"x < 1 < 2", "unexpected \"<\" at column 7 — comparisons cannot be chained; write (a < b) * (b < c)", 7},
    {"x > 0 ? x", "missing \":\" for the \"?\" at column 7", 7},
    {"x > 0 ? x alpha", "missing \"*\" between \"x\" and \"alpha\" at column 11 — write \"x*alpha\"", 11},
    {"x ? : 1", "unexpected \":\" at column 5", 5},
    {"(1, 2)", "unexpected \",\" at column 3", 3},
    {")", "unexpected \")\" at column 1", 1},
    {"x $ 2", "unexpected character \"$\" at column 3", 3},
    {"x + z", "\"z\" at column 5: this expression already uses \"x\" as its input — use one name", 5},
    {"Sigmoid(x)", "unknown function \"Sigmoid\" — did you mean \"sigmoid\"?", 1},
    {"relu(x", "missing \")\" for the \"(\" at column 5", 5},
    {"exp(x) tanh(x)", "missing \"*\" between \")\" and \"tanh\" at column 8 — write \")*tanh\"", 8},
    {",x", "unexpected \",\" at column 1", 1},
    {"x^", "missing operand after \"^\" at column 2", 2},
    {"pi x", "missing \"*\" between \"pi\" and \"x\" at column 4 — write \"pi*x\"", 4},
    {"swish(x)", "unknown function \"swish\" at column 1 — write x * sigmoid(x) for Swish/SiLU", 1},
    {"tanh(x)(1)", "missing \"*\" between \")\" and \"(\" at column 8 — write \")*(\"", 8},
    {"abs x", "\"abs\" at column 1 is a function — write abs(x)", 1},
    {"tanhh(x)", "unknown function \"tanhh\" — did you mean \"tanh\"?", 1},
    {"exp(x", "missing \")\" for the \"(\" at column 4", 4},
    {"x / ", "missing operand after \"/\" at column 3", 3},
    {"3 * (x + 1))", "unexpected \")\" at column 12", 12},
    {"sqrt(x) 2", "missing \"*\" between \")\" and \"2\" at column 9 — write \")*2\"", 9},
    {"x\t@", "unexpected character \"@\" at column 3", 3},
    {"max(0, x", "missing \")\" for the \"(\" at column 4", 4},
    {"alpha x", "missing \"*\" between \"alpha\" and \"x\" at column 7 — write \"alpha*x\"", 7},
};

}  // namespace

TEST_CASE("expr grammar: precedence and associativity", "[expr][parser]") {
  CHECK(value("-x^2", 3) == -9);             // -(x²), not (-x)²
  CHECK(value("2^3^2", 0) == 512);           // right-associative
  CHECK(value("2^-1", 0) == 0.5);            // a unary minus in the exponent
  CHECK(value("1 + 2 * 3", 0) == 7);
  CHECK(value("(1 + 2) * 3", 0) == 9);
  CHECK(value("8 / 4 / 2", 0) == 1);         // left-associative
  CHECK(value("10 - 4 - 3", 0) == 3);
  CHECK(value("- - x", 2) == 2);
  CHECK(value("+x", 2) == 2);
  CHECK(value("x > 0 ? x : 0.1 * x", -2) == Approx(-0.2));
  CHECK(value("x > 0 ? 1 : x < -1 ? -1 : 0", -3) == -1);  // ?: nests to the right
  CHECK(value("where(x >= 0, x, alpha * x)", -4) == -1);
  CHECK(value("x == 1", 1) == 1);
  CHECK(value("x != 1", 1) == 0);
  CHECK(value("x <= 1", 1) == 1);
  CHECK(value("1 + (x > 0)", 3) == 2);       // a comparison is 1 or 0
  CHECK(std::isnan(value("x > 0", std::nan(""))));  // ... or NaN for a NaN operand
  CHECK(value("1.702", 0) == Approx(1.702));
  CHECK(value("1e-3", 0) == Approx(1e-3));
  CHECK(value(".5 + 2.5E+1", 0) == 25.5);
  CHECK(value("pi", 0) == Approx(M_PI));
  CHECK(value("e", 0) == Approx(M_E));
  CHECK(value("z * sigmoid(z)", 0) == 0);    // z is the input too
  CHECK(value("beta * x", 2) == 2);
  CHECK(value("x^0.5", 4) == 2);
  CHECK(value("2^x", 3) == Approx(8));
}

TEST_CASE("expr grammar: every function by name", "[expr][parser]") {
  CHECK(value("exp(1)", 0) == Approx(M_E));
  CHECK(value("log(e)", 0) == Approx(1));
  CHECK(value("log1p(x)", 1e-10) == Approx(1e-10));
  CHECK(value("expm1(x)", 1e-3) == Approx(std::expm1(1e-3)));
  CHECK(value("sqrt(x)", 9) == Approx(3));
  CHECK(value("abs(x)", -2) == 2);
  CHECK(value("sign(x)", -2) == -1);
  CHECK(value("min(x, 1)", 3) == 1);
  CHECK(value("max(0, x)", -3) == 0);
  CHECK(value("sin(x)", 1) == Approx(std::sin(1.0)));
  CHECK(value("cos(x)", 1) == Approx(std::cos(1.0)));
  CHECK(value("tanh(x)", 1) == Approx(std::tanh(1.0)));
  CHECK(value("sigmoid(0)", 0) == Approx(0.5));
  CHECK(value("softplus(0)", 0) == Approx(std::log(2.0)));
  CHECK(value("erf(x)", 1) == Approx(std::erf(1.0)));
  CHECK(value("erfc(x)", 1) == Approx(std::erfc(1.0)));
  CHECK(value("Phi(0)", 0) == Approx(0.5));
  CHECK(value("relu(x)", -1) == 0);
  CHECK(value("step(0)", 0) == 1);
}

TEST_CASE("expr errors: exact message and column for malformed inputs", "[expr][parser]") {
  REQUIRE(sizeof kBad / sizeof kBad[0] >= 40);
  for (const Bad& b : kBad) {
    ParseResult r = parse(b.text);
    INFO("input: " << b.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.message == b.message);
    CHECK(r.error.column == b.column);
  }
}

TEST_CASE("expr errors: the caret sits under the column", "[expr][parser]") {
  ParseResult r = parse("max(0,)");
  CHECK(format_error("max(0,)", r.error) == "unexpected \")\" at column 7\n  max(0,)\n        ^");
  // Columns count characters, not bytes: the caret lines up after a multi-byte character.
  ParseResult u = parse("x·2 + )");
  CHECK(u.error.column == 2);
}

TEST_CASE("expr limits: length, nesting depth and size are bounded with a clear message", "[expr][parser][limits]") {
  std::string long_text(kMaxLength + 1, ' ');
  long_text[0] = 'x';
  CHECK(parse(long_text).error.message == "expression too long: 1001 characters (limit 1000)");
  std::string deep(100, '(');
  deep += "x" + std::string(100, ')');
  CHECK(parse(deep).error.message.rfind("nesting deeper than 64 levels at column", 0) == 0);
  std::string minus(200, '-');
  CHECK(parse(minus + "x").error.message.rfind("nesting deeper than 64 levels", 0) == 0);
  std::string deep_calls;
  for (int i = 0; i < 70; ++i) deep_calls += "exp(";
  deep_calls += "x" + std::string(70, ')');
  CHECK(parse(deep_calls).error.message.rfind("nesting deeper than 64 levels", 0) == 0);
  std::string wide = "x";
  for (int i = 0; i < 300; ++i) wide += "+x";
  CHECK(parse(wide).error.message.rfind("expression too large: more than 512 numbers, names and operators", 0) == 0);
  std::string ok = "x";
  for (int i = 0; i < 200; ++i) ok += "+x";
  CHECK(parse(ok).ok());  // 401 items: within the bound
  std::vector<ParamDecl> many(kMaxParams + 1, ParamDecl{"p", 1, false, ""});
  CHECK(parse("x", many).error.message == "too many parameters: 9 (limit 8)");
}

TEST_CASE("expr parameters: declared names, defaults and suggestions", "[expr][parser]") {
  std::vector<ParamDecl> decl = {{"alpha", 0.25f, true, "\\alpha"}, {"gamma", 2.0f, false, ""}};
  ParseResult r = parse("gamma * x + alpha", decl);
  REQUIRE(r.ok());
  CHECK(r.expr.param_used == std::vector<char>{1, 1});
  CHECK(eval_double(*r.expr.graph, r.expr.root, 1.0, {0.25, 2.0}) == 2.25);
  CHECK(parse("beta * x", decl).error.message == "unknown name \"beta\" at column 1 (names: x, z, pi, e, alpha, gamma)");
  CHECK(parse("gama * x", decl).error.message == "unknown name \"gama\" — did you mean \"gamma\"?");
  CHECK(suggest("sigmod", {"sigmoid", "sign"}) == "sigmoid");
  CHECK(suggest("RELU", {"relu"}) == "relu");
  CHECK(suggest("zz", {"x", "z"}).empty());
}
