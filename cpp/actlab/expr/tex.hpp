// tex.hpp — an expression graph as TeX for KaTeX (f and its derivatives on the page).
//
// Printed as a tree (shared subexpressions are written out where they occur), with the usual
// precedence so only needed parentheses appear: \frac for division, e^{u} for exp, \sigma(u),
// \Phi(u), \operatorname{ReLU}(u), a cases environment for where(), the parameters' own TeX
// (\alpha). Numbers are the shortest decimal that reads back as the same float. Output longer
// than kMaxTexLength is replaced by a \text{} saying so, and `truncated` is set.
#pragma once

#include <string>

#include "actlab/expr/expression.hpp"

namespace actlab::expr {

struct Tex {
  std::string text;
  bool truncated = false;
};

Tex to_tex(const Expression& e, int root);

// The shortest decimal that reads back as v ("0.001", "1.702", "1e-05").
std::string format_number(float v);

}  // namespace actlab::expr
