// eval.cpp — point evaluation of an expression graph in float and in double (see eval.hpp).
#include "actlab/expr/eval.hpp"

#include <cmath>
#include <limits>

#include "actlab/expr/vec_ops.hpp"
#include "actlab/simd/scalar.hpp"

namespace actlab::expr {
namespace {

double truth(bool t, double a, double b) {
  return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : (t ? 1.0 : 0.0);
}

double sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return e / (1.0 + e);
}

double op_double(const Node& n, double a, double b, double c) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  switch (n.op) {
    case Op::Neg: return -a;
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return a / b;
    case Op::PowInt: return std::pow(a, double(n.value));
    case Op::Pow: return a < 0 ? nan : std::pow(a, b);
    case Op::Lt: return truth(a < b, a, b);
    case Op::Le: return truth(a <= b, a, b);
    case Op::Gt: return truth(a > b, a, b);
    case Op::Ge: return truth(a >= b, a, b);
    case Op::Eq: return truth(a == b, a, b);
    case Op::Ne: return truth(a != b, a, b);
    case Op::Where: return std::isnan(a) ? nan : (a != 0 ? b : c);
    case Op::Min: return std::isnan(a) || std::isnan(b) ? nan : (a < b ? a : b);
    case Op::Max: return std::isnan(a) || std::isnan(b) ? nan : (a > b ? a : b);
    case Op::Exp: return std::exp(a);
    case Op::Log: return std::log(a);
    case Op::Log1p: return std::log1p(a);
    case Op::Expm1: return std::expm1(a);
    case Op::Sqrt: return std::sqrt(a);
    case Op::Abs: return std::fabs(a);
    case Op::Sign: return std::isnan(a) ? a : (a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0);
    case Op::Sin: return std::sin(a);
    case Op::Cos: return std::cos(a);
    case Op::Tanh: return std::tanh(a);
    case Op::Sigmoid: return sigmoid(a);
    case Op::Softplus: return (a > 0 ? a : 0.0) + std::log1p(std::exp(-std::fabs(a)));
    case Op::Erf: return std::erf(a);
    case Op::Erfc: return std::erfc(a);
    case Op::Phi: return 0.5 * std::erfc(-a / std::sqrt(2.0));
    case Op::Relu: return std::isnan(a) ? a : (a > 0 ? a : 0.0);
    case Op::Step: return std::isnan(a) ? a : (a >= 0 ? 1.0 : 0.0);
    case Op::TanhPrime: {
      double e = std::exp(-2 * std::fabs(a));
      return 4 * e / ((1 + e) * (1 + e));
    }
    case Op::SigmoidPrime: {
      double e = std::exp(-std::fabs(a));
      return e / ((1 + e) * (1 + e));
    }
    case Op::NormalPdf: return std::exp(-0.5 * a * a) / std::sqrt(2 * M_PI);
    case Op::ErfPrime: return 2 / std::sqrt(M_PI) * std::exp(-a * a);
    default: return nan;
  }
}

}  // namespace

void eval_float(const Graph& g, const std::vector<int>& roots, float x, const std::vector<float>& params,
                std::vector<float>& out) {
  int top = -1;
  for (int r : roots) top = std::max(top, r);
  std::vector<char> live = reachable(g, roots);
  std::vector<float> v(std::size_t(top + 1), 0.0f);
  for (int i = 0; i <= top; ++i) {
    if (!live[std::size_t(i)]) continue;
    const Node& n = g[i];
    auto at = [&](int k) { return k >= 0 ? v[std::size_t(k)] : 0.0f; };
    switch (n.op) {
      case Op::Const: v[std::size_t(i)] = n.value; break;
      case Op::Input: v[std::size_t(i)] = x; break;
      case Op::Param: v[std::size_t(i)] = params[std::size_t(n.param)]; break;
      default: v[std::size_t(i)] = vec::op<simd::Scalar>(n, at(n.a), at(n.b), at(n.c));
    }
  }
  out.resize(roots.size());
  for (std::size_t k = 0; k < roots.size(); ++k) out[k] = v[std::size_t(roots[k])];
}

float eval_float(const Graph& g, int root, float x, const std::vector<float>& params) {
  std::vector<float> out;
  eval_float(g, std::vector<int>{root}, x, params, out);
  return out[0];
}

double eval_double(const Graph& g, int root, double x, const std::vector<double>& params) {
  std::vector<char> live = reachable(g, {root});
  std::vector<double> v(std::size_t(root + 1), 0.0);
  for (int i = 0; i <= root; ++i) {
    if (!live[std::size_t(i)]) continue;
    const Node& n = g[i];
    auto at = [&](int k) { return k >= 0 ? v[std::size_t(k)] : 0.0; };
    switch (n.op) {
      case Op::Const:
        v[std::size_t(i)] = n.name == ConstName::Pi ? M_PI : n.name == ConstName::E ? M_E : double(n.value);
        break;
      case Op::Input: v[std::size_t(i)] = x; break;
      case Op::Param: v[std::size_t(i)] = params[std::size_t(n.param)]; break;
      default: v[std::size_t(i)] = op_double(n, at(n.a), at(n.b), at(n.c));
    }
  }
  return v[std::size_t(root)];
}

}  // namespace actlab::expr
