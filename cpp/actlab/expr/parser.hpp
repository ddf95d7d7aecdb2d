// parser.hpp — parses expression text into an Expression, or an error with its column.
//
// Grammar, lowest precedence first (docs/expr.md has the whole language):
//   expr       := comparison [ "?" expr ":" expr ]          (right-associative)
//   comparison := sum [ ("<" | "<=" | ">" | ">=" | "==" | "!=") sum ]   (not chained)
//   sum        := product { ("+" | "-") product }
//   product    := unary { ("*" | "/") unary }
//   unary      := ("-" | "+") unary | power                 (-x^2 is -(x^2))
//   power      := primary [ "^" unary ]                      (2^3^2 is 2^(3^2); 2^-x works)
//   primary    := number | name | name "(" expr { "," expr } ")" | "(" expr ")"
// Juxtaposition is not multiplication: "2x" is an error that says to write "2*x".
// The bounds of limits.hpp are checked while parsing, so no input can recurse or allocate
// without limit.
#pragma once

#include <string_view>
#include <vector>

#include "actlab/expr/error.hpp"
#include "actlab/expr/expression.hpp"

namespace actlab::expr {

struct ParseResult {
  Expression expr;
  Error error;  // empty message on success
  bool ok() const { return !error; }
};

// `params` declares the names an expression may use besides x/z, pi and e (at most kMaxParams).
ParseResult parse(std::string_view text, const std::vector<ParamDecl>& params = default_params());

// The closest of `candidates` to `word` (a case-only difference first, then edit distance <= 2,
// <= 1 for words of 3-4 letters, 0 for shorter), or "" when none is close.
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace actlab::expr
