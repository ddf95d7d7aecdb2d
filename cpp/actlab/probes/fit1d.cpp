// fit1d.cpp — one hidden layer fitted to a 1-D target (fit1d.hpp).
#include "actlab/probes/fit1d.hpp"

#include <cmath>

#include "actlab/activations/registry.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/util/detmath.hpp"

namespace actlab::probes {
namespace {

constexpr double kPi = 3.14159265358979323846;

double target_at(const Fit1dSpec& s, double x) {
  if (s.target == "sin") return detmath::sin(kPi * x);
  if (s.target == "abs") return std::fabs(x);
  if (s.target == "step") return x < 0 ? 0.0 : 1.0;
  if (s.target == "bump") return detmath::exp(-(x / 0.3) * (x / 0.3));
  // drawn: straight lines between K values at x_j = −1 + 2j/(K−1).
  const std::size_t K = s.drawn.size();
  double t = (x + 1.0) * 0.5 * static_cast<double>(K - 1);
  if (t <= 0) return s.drawn.front();
  if (t >= static_cast<double>(K - 1)) return s.drawn.back();
  std::size_t j = static_cast<std::size_t>(t);
  double f = t - static_cast<double>(j);
  return s.drawn[j] + (s.drawn[j + 1] - s.drawn[j]) * f;
}

struct Units {
  std::vector<double> kink, w, b;
};

// The seeded placement of n units (fit1d.hpp). The seed mixes in n so each N has its own draw.
Units place(int n, std::uint64_t seed) {
  data::Rng rng(seed * 131ULL + static_cast<std::uint64_t>(n));
  Units u;
  for (int i = 0; i < n; ++i) {
    double jitter = 0.2 + 0.6 * rng.uniform_d();
    double side = rng.uniform_d() < 0.5 ? -1.0 : 1.0;
    double k = -1.0 + 2.0 * (static_cast<double>(i) + jitter) / static_cast<double>(n);
    double w = side * static_cast<double>(n);
    u.kink.push_back(k);
    u.w.push_back(w);
    u.b.push_back(-w * k);
  }
  return u;
}

// Hidden activations H[i][g] = g(w_i·x_g + b_i) through the registry's float kernel.
std::vector<double> hidden(const Activation& act, const float* params, const Units& u, const std::vector<double>& x) {
  const std::size_t n = u.w.size(), G = x.size();
  std::vector<float> z(G), a(G);
  std::vector<double> H(n * G);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t g = 0; g < G; ++g) z[g] = static_cast<float>(u.w[i] * x[g] + u.b[i]);
    act.apply(z.data(), a.data(), G, false, params, Backend::Simd);
    for (std::size_t g = 0; g < G; ++g) H[i * G + g] = a[g];
  }
  return H;
}

// Least squares for [v, c] on columns H_0..H_{n−1}, 1: normal equations + ridge, Cholesky.
// Returns false if the system is not positive definite (a unit that is constant zero).
bool solve(const std::vector<double>& H, std::size_t n, const std::vector<double>& y, std::vector<double>& v, double& c) {
  const std::size_t G = y.size(), m = n + 1;
  auto col = [&](std::size_t i, std::size_t g) { return i < n ? H[i * G + g] : 1.0; };
  std::vector<double> A(m * m, 0.0), r(m, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double acc = 0;
      for (std::size_t g = 0; g < G; ++g) acc += col(i, g) * col(j, g);
      A[i * m + j] = A[j * m + i] = acc;
    }
    double acc = 0;
    for (std::size_t g = 0; g < G; ++g) acc += col(i, g) * y[g];
    r[i] = acc;
  }
  double dmax = 0;
  for (std::size_t i = 0; i < m; ++i) dmax = std::fmax(dmax, A[i * m + i]);
  const double ridge = 1e-10 * (dmax > 0 ? dmax : 1.0);
  for (std::size_t i = 0; i < m; ++i) A[i * m + i] += ridge;
  // A = L·Lᵀ in place (lower triangle).
  for (std::size_t j = 0; j < m; ++j) {
    double d = A[j * m + j];
    for (std::size_t k = 0; k < j; ++k) d -= A[j * m + k] * A[j * m + k];
    if (!(d > 0)) return false;
    const double ljj = std::sqrt(d);
    A[j * m + j] = ljj;
    for (std::size_t i = j + 1; i < m; ++i) {
      double s = A[i * m + j];
      for (std::size_t k = 0; k < j; ++k) s -= A[i * m + k] * A[j * m + k];
      A[i * m + j] = s / ljj;
    }
  }
  for (std::size_t i = 0; i < m; ++i) {  // L·t = r
    double s = r[i];
    for (std::size_t k = 0; k < i; ++k) s -= A[i * m + k] * r[k];
    r[i] = s / A[i * m + i];
  }
  for (std::size_t i = m; i-- > 0;) {  // Lᵀ·sol = t
    double s = r[i];
    for (std::size_t k = i + 1; k < m; ++k) s -= A[k * m + i] * r[k];
    r[i] = s / A[i * m + i];
  }
  v.assign(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(n));
  c = r[n];
  return true;
}

}  // namespace

std::string fit_1d(const Fit1dSpec& s, Fit1dResult& out) {
  if (s.target != "sin" && s.target != "abs" && s.target != "step" && s.target != "bump" && s.target != "drawn")
    return "target: expected sin, abs, step, bump or drawn";
  if (s.target == "drawn") {
    if (s.drawn.size() < 2 || s.drawn.size() > static_cast<std::size_t>(kFitMaxDrawn))
      return "drawn: expected 2 to 257 values";
    for (double d : s.drawn)
      if (!(std::fabs(d) <= 10)) return "drawn: expected numbers in [-10, 10]";
  }
  if (s.units < 1 || s.units > kFitMaxUnits) return "units: expected an integer in [1, 64]";
  if (s.points < 16 || s.points > kFitMaxPoints) return "points: expected an integer in [16, 1001]";
  const Activation* act = find_activation(s.activation);
  if (!act || s.activation == "softmax")
    return "activation: unknown \"" + s.activation.substr(0, 40) + "\" (accepted: the elementwise activations " + activation_ids() + " except softmax)";
  float params[kMaxParams];
  act->default_params(params);

  Fit1dResult r;
  const std::size_t G = static_cast<std::size_t>(s.points);
  for (std::size_t g = 0; g < G; ++g) {
    double x = -1.0 + 2.0 * static_cast<double>(g) / static_cast<double>(G - 1);
    r.x.push_back(x);
    r.target.push_back(target_at(s, x));
  }
  auto fit_n = [&](int n, Units& u, std::vector<double>& H, std::vector<double>& v, double& c) -> std::string {
    u = place(n, s.seed);
    H = hidden(*act, params, u, r.x);
    if (!solve(H, static_cast<std::size_t>(n), r.target, v, c))
      return "fit: the units' outputs are not independent on this range (try another activation or seed)";
    return "";
  };
  auto errors = [&](const std::vector<double>& H, std::size_t n, const std::vector<double>& v, double c, double& rmse, double& maxe,
                    std::vector<double>* fit) {
    double se = 0;
    maxe = 0;
    for (std::size_t g = 0; g < G; ++g) {
      double y = c;
      for (std::size_t i = 0; i < n; ++i) y += v[i] * H[i * G + g];
      if (fit) fit->push_back(y);
      double e = y - r.target[g];
      se += e * e;
      maxe = std::fmax(maxe, std::fabs(e));
    }
    rmse = std::sqrt(se / static_cast<double>(G));
  };
  Units u;
  std::vector<double> H, v;
  double c = 0;
  if (std::string e = fit_n(s.units, u, H, v, c); !e.empty()) return e;
  const std::size_t N = static_cast<std::size_t>(s.units);
  errors(H, N, v, c, r.rmse, r.max_abs_err, &r.fit);
  r.contrib.resize(N * G);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t g = 0; g < G; ++g) r.contrib[i * G + g] = v[i] * H[i * G + g];
  r.kink = u.kink;
  r.w = u.w;
  r.b = u.b;
  r.v = v;
  r.c = c;
  if (s.sweep) {
    for (int n = 1; n <= kFitMaxUnits; ++n) {
      Units un;
      std::vector<double> Hn, vn;
      double cn = 0, rm = 0, mx = 0;
      if (std::string e = fit_n(n, un, Hn, vn, cn); !e.empty()) {
        r.sweep_rmse.push_back(std::nan(""));
        continue;
      }
      errors(Hn, static_cast<std::size_t>(n), vn, cn, rm, mx, nullptr);
      r.sweep_rmse.push_back(rm);
    }
  }
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
