// selfcheck.cpp — the invariants of selfcheck.hpp.
#include "actlab/expr/selfcheck.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "actlab/expr/analysis.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/expr/tex.hpp"

namespace actlab::expr {
namespace {

bool same(float a, float b) {
  std::uint32_t ua, ub;
  std::memcpy(&ua, &a, 4);
  std::memcpy(&ub, &b, 4);
  return ua == ub || (std::isnan(a) && std::isnan(b));
}

}  // namespace

std::string selfcheck(std::string_view text) {
  Compiled c;
  Error e = compile(text, default_params(), c);
  if (e) {
    int len = count_columns(text);
    if (e.column < 0 || e.column > len + 1) return "error column " + std::to_string(e.column) + " outside the text";
    if (format_error(text, e).rfind(e.message, 0) != 0) return "caret display does not start with the message";
    return "";
  }
  const float inf = std::numeric_limits<float>::infinity();
  std::vector<float> xs = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -2.5f, 7.0f, 1e-7f, -30.0f, 100.0f, 1e30f, -1e30f,
                           inf, -inf, std::numeric_limits<float>::quiet_NaN()};
  const std::size_t n = xs.size();
  std::vector<float> y(n), dy(n), y2(n), dy2(n);
  c.apply(xs.data(), y.data(), n, false);
  c.apply(xs.data(), dy.data(), n, true);
  c.apply_both(xs.data(), y2.data(), dy2.data(), n);
  std::vector<int> learn = c.learnable();
  std::vector<std::vector<float>> dp(learn.size(), std::vector<float>(n));
  std::vector<float*> dps;
  for (auto& v : dp) dps.push_back(v.data());
  std::vector<float> y3(n), dy3(n);
  c.apply_grads(xs.data(), y3.data(), dy3.data(), dps.data(), n);
  std::vector<int> roots = {c.f, c.df};
  for (int p : learn) roots.push_back(c.dparam[std::size_t(p)]);
  std::vector<float> ref;
  for (std::size_t i = 0; i < n; ++i) {
    eval_float(*c.expr.graph, roots, xs[i], c.values, ref);
    if (!same(y[i], ref[0]) || !same(y2[i], ref[0]) || !same(y3[i], ref[0]))
      return "tape f differs from point evaluation at x = " + std::to_string(xs[i]);
    if (!same(dy[i], ref[1]) || !same(dy2[i], ref[1]) || !same(dy3[i], ref[1]))
      return "tape f' differs from point evaluation at x = " + std::to_string(xs[i]);
    for (std::size_t k = 0; k < learn.size(); ++k)
      if (!same(dp[k][i], ref[2 + k])) return "tape df/dp differs from point evaluation";
  }
  if (c.tex_f.empty() || c.tex_df.empty()) return "empty TeX";
  CheatRow row;
  if (std::string err = cheat_row(c, -5, 5, 64, row); !err.empty()) return "cheat row: " + err;
  return "";
}

}  // namespace actlab::expr
