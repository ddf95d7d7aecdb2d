// analysis.cpp — cheat-sheet row and exercise checks on grids (see analysis.hpp).
#include "actlab/expr/analysis.hpp"

#include <cmath>
#include <limits>

#include "actlab/expr/eval.hpp"

namespace actlab::expr {
namespace {

std::string check_grid(float lo, float hi, int n) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi)) return "the interval must be finite with lo < hi";
  if (n < 2 || n > 100001) return "the number of points must be in [2, 100001]";
  return "";
}

std::vector<float> grid(float lo, float hi, int n) {
  std::vector<float> x(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) x[std::size_t(i)] = float(double(lo) + double(i) * (double(hi) - double(lo)) / double(n - 1));
  return x;
}

bool close(double a, double r, double atol, double rtol) {
  if (std::isnan(a) || std::isnan(r)) return std::isnan(a) && std::isnan(r);
  if (std::isinf(a) || std::isinf(r)) return a == r;
  return std::fabs(a - r) <= atol + rtol * std::fabs(r);
}

const float kSpecials[] = {0.0f, 1e-7f, -1e-7f, 1.0f, -1.0f, 10.0f, -10.0f, 30.0f, -30.0f, 1000.0f, -1000.0f,
                           std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::quiet_NaN()};

}  // namespace

std::string cheat_row(const Compiled& c, float lo, float hi, int n, CheatRow& out) {
  if (std::string e = check_grid(lo, hi, n); !e.empty()) return e;
  std::vector<float> x = grid(lo, hi, n), f(x.size()), df(x.size());
  c.apply_both(x.data(), f.data(), df.data(), x.size());
  CheatRow r;
  r.lo = lo;
  r.hi = hi;
  bool first = true, inc = true, dec = true;
  int dead = 0;
  float prev = 0;
  bool have_prev = false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(f[i]) || !std::isfinite(df[i])) {
      if (r.nonfinite++ == 0) r.nonfinite_at = x[i];
      continue;
    }
    if (first || f[i] < r.min_f) r.min_f = f[i], r.min_at = x[i];
    if (first || f[i] > r.max_f) r.max_f = f[i], r.max_at = x[i];
    if (first || std::fabs(df[i]) > r.max_abs_df) r.max_abs_df = std::fabs(df[i]), r.max_abs_df_at = x[i];
    first = false;
    if (std::fabs(df[i]) < r.dead_threshold) ++dead;
    if (have_prev) {
      if (f[i] < prev) inc = false;
      if (f[i] > prev) dec = false;
    }
    prev = f[i];
    have_prev = true;
  }
  r.dead_share = double(dead) / double(n);
  r.monotonic = inc && dec ? "constant" : inc ? "increasing" : dec ? "decreasing" : "no";
  out = r;
  return "";
}

std::string compare(const Compiled& answer, const Compiled& reference, float lo, float hi, int n, double atol,
                    double rtol, Comparison& out) {
  if (std::string e = check_grid(lo, hi, n); !e.empty()) return e;
  if (!(atol >= 0) || !(rtol >= 0) || !std::isfinite(atol) || !std::isfinite(rtol))
    return "tolerances must be finite and >= 0";
  Comparison c;
  c.x = grid(lo, hi, n);
  std::vector<float> a(c.x.size()), r(c.x.size());
  answer.apply(c.x.data(), a.data(), a.size(), false);
  reference.apply(c.x.data(), r.data(), r.size(), false);
  c.difference.resize(c.x.size());
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    double d = double(a[i]) - double(r[i]);
    c.difference[i] = float(d);
    bool ok = close(a[i], r[i], atol, rtol);
    if (!ok && c.failures++ == 0) c.first_failure_at = c.x[i];
    if (std::isfinite(d)) {
      double ad = std::fabs(d), rel = ad / std::max(std::fabs(double(r[i])), 1e-30);
      if (ad > c.max_abs) c.max_abs = ad, c.max_abs_at = c.x[i];
      if (rel > c.max_rel) c.max_rel = rel, c.max_rel_at = c.x[i];
    }
  }
  std::vector<float> s(std::begin(kSpecials), std::end(kSpecials)), sa(s.size()), sr(s.size());
  answer.apply(s.data(), sa.data(), s.size(), false);
  reference.apply(s.data(), sr.data(), s.size(), false);
  bool specials_ok = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    PointCheck p{s[i], sa[i], sr[i], close(sa[i], sr[i], atol, rtol)};
    specials_ok = specials_ok && p.ok;
    c.special.push_back(p);
  }
  c.pass = c.failures == 0 && specials_ok;
  out = std::move(c);
  return "";
}

std::string check_derivative(const Compiled& df, const Compiled& f, float lo, float hi, int n, double atol,
                             double rtol, DerivativeCheck& out) {
  // The engine's f' as a Compiled whose f is f's derivative: same graph, root df.
  Compiled sym = f;
  sym.f = f.df;
  sym.tape_f = f.tape_df;
  DerivativeCheck d;
  if (std::string e = compare(df, sym, lo, hi, n, atol, rtol, d.vs_symbolic); !e.empty()) return e;
  std::vector<double> p(f.values.begin(), f.values.end());
  const Graph& g = *f.expr.graph;
  for (float xf : d.vs_symbolic.x) {
    double x = xf, h = 1e-6 * std::max(1.0, std::fabs(x));
    double fd = (eval_double(g, f.f, x + h, p) - eval_double(g, f.f, x - h, p)) / (2 * h);
    double s = eval_double(g, f.df, x, p);
    double err = std::fabs(s - fd);
    if (std::isfinite(err) && err > d.max_fd_error) d.max_fd_error = err, d.max_fd_error_at = xf;
  }
  out = std::move(d);
  return "";
}

}  // namespace actlab::expr
