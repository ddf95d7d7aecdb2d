// compiled.hpp — a learner's activation made ready to run: parsed, differentiated with respect
// to x and each learnable parameter, typeset, and compiled into tapes.
//
// This is what the CLI, the bindings, the trainer and the checks use:
//   Compiled c; if (Error e = compile("x * sigmoid(1.702 * x)", default_params(), c)) ...;
//   c.apply(x, y, n, false) / c.apply_both(x, y, dy, n) / c.apply_grads(...)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actlab/expr/error.hpp"
#include "actlab/expr/expression.hpp"
#include "actlab/expr/tape.hpp"

namespace actlab::expr {

struct Compiled {
  Expression expr;
  int f = -1, df = -1;
  std::vector<int> dparam;     // per declared parameter: d f / d param, or -1 (not learnable or unused)
  std::vector<float> values;   // current parameter values (defaults at compile)
  std::string tex_f, tex_df;   // TeX of f and f'
  std::vector<std::string> notes;  // kink conventions that apply (derivative.hpp)
  Tape tape_f, tape_df, tape_fdf, tape_grads;  // {f}, {f'}, {f, f'}, {f, f', d f/d p for each learnable p}

  // f (derivative = false) or f' over x[0..n); x and y may alias.
  void apply(const float* x, float* y, std::size_t n, bool derivative) const;
  void apply_both(const float* x, float* y, float* dy, std::size_t n) const;
  // y, dy and, for each learnable parameter k (in declaration order), dp[k][0..n) = d f/d p_k.
  void apply_grads(const float* x, float* y, float* dy, float* const* dp, std::size_t n) const;
  // Learnable parameters that f uses, in declaration order (indices into expr.params).
  std::vector<int> learnable() const;
};

// Parses, differentiates, typesets and compiles. Returns an empty Error on success.
Error compile(std::string_view text, const std::vector<ParamDecl>& params, Compiled& out);

}  // namespace actlab::expr
