// derivative.hpp — symbolic derivatives of an expression graph, and the notes on its kinks.
//
// d/dx and d/d(parameter) are built in the same graph through its simplifying constructors, so
// f and every derivative share subexpressions (and the tape computes each once). Conventions at
// points where the derivative does not exist follow the registry (docs/expr.md, "Derivatives"):
//   relu'(0) = 0;  abs'(0) = sign(0) = 0;  step' = 0 and sign' = 0 (undefined at the jump x = 0);
//   min/max at a tie: the smaller of the two slopes (so max(0, x)' = relu' and max(x, a·x)' at 0
//   is a, as Leaky ReLU); where(c, a, b)' = where(c, a', b') — the slope of the branch taken;
//   comparisons have slope 0.
#pragma once

#include <string>
#include <vector>

#include "actlab/expr/expression.hpp"

namespace actlab::expr {

// The variable to differentiate with respect to: the input, or a declared parameter.
inline constexpr int kWrtInput = -1;

// d(root)/d(var) in `g` (var = kWrtInput or a parameter index). Check g.overflowed() after.
int differentiate(Graph& g, int root, int var);

// One sentence per kink convention that applies to this expression, e.g.
// "relu'(0) = 0 (the engine's convention, like PyTorch)". Empty when f is smooth.
std::vector<std::string> kink_notes(const Graph& g, int root);

}  // namespace actlab::expr
