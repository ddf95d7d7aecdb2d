// compiled.cpp — parse + derivatives + TeX + tapes in one call (see compiled.hpp).
#include "actlab/expr/compiled.hpp"

#include "actlab/expr/derivative.hpp"
#include "actlab/expr/limits.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/expr/tex.hpp"

namespace actlab::expr {

Error compile(std::string_view text, const std::vector<ParamDecl>& params, Compiled& out) {
  ParseResult r = parse(text, params);
  if (!r.ok()) return r.error;
  Compiled c;
  c.expr = std::move(r.expr);
  Graph& g = *c.expr.graph;
  c.f = c.expr.root;
  c.df = differentiate(g, c.f, kWrtInput);
  c.dparam.assign(params.size(), -1);
  std::vector<int> grad_roots = {c.f, c.df};
  for (std::size_t p = 0; p < params.size(); ++p) {
    if (!params[p].learnable || !c.expr.param_used[p]) continue;
    c.dparam[p] = differentiate(g, c.f, int(p));
    grad_roots.push_back(c.dparam[p]);
  }
  if (g.overflowed())
    return {"the expression and its derivatives are too large to compile (more than " + std::to_string(kMaxGraphNodes) +
                " distinct nodes)", 0};
  for (const ParamDecl& p : params) c.values.push_back(p.value);
  c.tex_f = to_tex(c.expr, c.f).text;
  c.tex_df = to_tex(c.expr, c.df).text;
  c.notes = kink_notes(g, c.f);
  c.tape_f = Tape::compile(g, {c.f}, params.size());
  c.tape_df = Tape::compile(g, {c.df}, params.size());
  c.tape_fdf = Tape::compile(g, {c.f, c.df}, params.size());
  c.tape_grads = Tape::compile(g, grad_roots, params.size());
  out = std::move(c);
  return {};
}

std::vector<int> Compiled::learnable() const {
  std::vector<int> out;
  for (std::size_t p = 0; p < dparam.size(); ++p)
    if (dparam[p] >= 0) out.push_back(int(p));
  return out;
}

void Compiled::apply(const float* x, float* y, std::size_t n, bool derivative) const {
  if (!derivative) {
    float* outs[1] = {y};
    tape_f.run(x, n, outs, values.data());
    return;
  }
  float* outs[1] = {y};
  tape_df.run(x, n, outs, values.data());
}

void Compiled::apply_both(const float* x, float* y, float* dy, std::size_t n) const {
  float* outs[2] = {y, dy};
  tape_fdf.run(x, n, outs, values.data());
}

void Compiled::apply_grads(const float* x, float* y, float* dy, float* const* dp, std::size_t n) const {
  std::vector<float*> outs = {y, dy};
  std::vector<int> l = learnable();
  for (std::size_t k = 0; k < l.size(); ++k) outs.push_back(dp[k]);
  tape_grads.run(x, n, outs.data(), values.data());
}

}  // namespace actlab::expr
