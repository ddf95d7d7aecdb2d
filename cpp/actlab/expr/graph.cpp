// graph.cpp — node table, hash-consing and the simplifying constructors (see graph.hpp).
#include "actlab/expr/graph.hpp"

#include "actlab/simd/bits.hpp"
#include <cmath>

#include "actlab/expr/limits.hpp"
#include "actlab/expr/vec_ops.hpp"
#include "actlab/simd/scalar.hpp"

namespace actlab::expr {

const OpInfo& op_info(Op op) {
  static const OpInfo kInfo[] = {
      {"const", 0, false}, {"x", 0, false},      {"param", 0, false},   {"-", 1, false},
      {"+", 2, false},     {"-", 2, false},      {"*", 2, false},       {"/", 2, false},
      {"^", 2, false},     {"^", 1, false},      {"<", 2, false},       {"<=", 2, false},
      {">", 2, false},     {">=", 2, false},     {"==", 2, false},      {"!=", 2, false},
      {"where", 3, true},  {"min", 2, true},     {"max", 2, true},      {"exp", 1, true},
      {"log", 1, true},    {"log1p", 1, true},   {"expm1", 1, true},    {"sqrt", 1, true},
      {"abs", 1, true},    {"sign", 1, true},    {"sin", 1, true},      {"cos", 1, true},
      {"tanh", 1, true},   {"sigmoid", 1, true}, {"softplus", 1, true}, {"erf", 1, true},
      {"erfc", 1, true},   {"Phi", 1, true},     {"relu", 1, true},     {"step", 1, true},
      {"tanh'", 1, false}, {"sigmoid'", 1, false}, {"phi", 1, false}, {"erf'", 1, false},
  };
  static_assert(sizeof kInfo / sizeof kInfo[0] == std::size_t(Op::Count));
  return kInfo[std::size_t(op)];
}

int Graph::add(const Node& n) {
  auto key = std::make_tuple(int(n.op), n.a, n.b, n.c, actlab::bit_cast<std::uint32_t>(n.value), n.param, int(n.name));
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  if (nodes_.size() >= limit_) {
    overflow_ = true;
    if (nodes_.empty()) nodes_.push_back(Node{});  // limit 0: keep index 0 valid
    return 0;  // a valid index; callers check overflowed()
  }
  nodes_.push_back(n);
  int id = int(nodes_.size() - 1);
  index_.emplace(key, id);
  return id;
}

int Graph::constant(float v, ConstName name) {
  Node n;
  n.op = Op::Const;
  n.value = v;
  n.name = name;
  return add(n);
}

int Graph::input() {
  Node n;
  n.op = Op::Input;
  return add(n);
}

int Graph::param(int index) {
  Node n;
  n.op = Op::Param;
  n.param = index;
  return add(n);
}

int Graph::pow_int(int a, int k) {
  if (k == 0) return constant(1.0f);
  if (k == 1) return a;
  if (is_const(a) && nodes_[std::size_t(a)].name == ConstName::None)
    return constant(vec::pow_int<simd::Scalar>(nodes_[std::size_t(a)].value, k));
  Node n;
  n.op = Op::PowInt;
  n.a = a;
  n.value = float(k);
  return add(n);
}

int Graph::make(Op op, int a, int b, int c) {
  const int arity = op_info(op).arity;
  auto cval = [&](int i) { return nodes_[std::size_t(i)].value; };
  auto plain_const = [&](int i) { return i >= 0 && is_const(i) && nodes_[std::size_t(i)].name == ConstName::None; };
  // Constant folding with the same scalar code the tape runs (so folding changes no bits).
  bool all_const = plain_const(a) && (arity < 2 || plain_const(b)) && (arity < 3 || plain_const(c));
  if (all_const && op != Op::PowInt) {
    Node n;
    n.op = op;
    float r = vec::op<simd::Scalar>(n, cval(a), arity > 1 ? cval(b) : 0.0f, arity > 2 ? cval(c) : 0.0f);
    return constant(r);
  }
  switch (op) {
    case Op::Neg:
      if (nodes_[std::size_t(a)].op == Op::Neg) return nodes_[std::size_t(a)].a;
      break;
    case Op::Add:
      if (is_value(a, 0.0f)) return b;
      if (is_value(b, 0.0f)) return a;
      if (nodes_[std::size_t(b)].op == Op::Neg) return make(Op::Sub, a, nodes_[std::size_t(b)].a);
      if (a > b) std::swap(a, b);  // commutative: one canonical order, so a+b and b+a share a node
      break;
    case Op::Sub:
      if (is_value(b, 0.0f)) return a;
      if (is_value(a, 0.0f)) return make(Op::Neg, b);
      if (nodes_[std::size_t(b)].op == Op::Neg) return make(Op::Add, a, nodes_[std::size_t(b)].a);
      break;
    case Op::Mul:
      // 0·a = 0 assumes a finite (docs/expr.md); it is what keeps derivatives small.
      if (is_value(a, 0.0f) || is_value(b, 0.0f)) return constant(0.0f);
      if (is_value(a, 1.0f)) return b;
      if (is_value(b, 1.0f)) return a;
      if (is_value(a, -1.0f)) return make(Op::Neg, b);
      if (is_value(b, -1.0f)) return make(Op::Neg, a);
      if (nodes_[std::size_t(a)].op == Op::Neg && nodes_[std::size_t(b)].op == Op::Neg)
        return make(Op::Mul, nodes_[std::size_t(a)].a, nodes_[std::size_t(b)].a);
      if (plain_const(b) && !plain_const(a)) std::swap(a, b);  // a number first: 2·x
      else if (plain_const(a) == plain_const(b) && a > b) std::swap(a, b);
      break;
    case Op::Div:
      if (is_value(b, 1.0f)) return a;
      if (is_value(a, 0.0f)) return constant(0.0f);
      break;
    case Op::Pow:
      if (plain_const(b)) {
        float e = cval(b);
        if (e == std::nearbyint(e) && std::fabs(e) <= float(kMaxIntPower)) return pow_int(a, int(e));
        if (e == 0.5f) return make(Op::Sqrt, a);
      }
      break;
    case Op::Where:
      if (plain_const(a) && !std::isnan(cval(a))) return cval(a) != 0.0f ? b : c;
      if (b == c) return b;
      break;
    case Op::Min:
    case Op::Max:
      if (a == b) return a;
      break;
    default: break;
  }
  Node n;
  n.op = op;
  n.a = a;
  n.b = arity > 1 ? b : -1;
  n.c = arity > 2 ? c : -1;
  return add(n);
}

std::vector<char> reachable(const Graph& g, const std::vector<int>& roots) {
  std::vector<char> mark(g.size(), 0);
  for (int r : roots)
    if (r >= 0) mark[std::size_t(r)] = 1;
  for (std::size_t i = g.size(); i-- > 0;) {
    if (!mark[i]) continue;
    const Node& n = g[int(i)];
    for (int k : {n.a, n.b, n.c})
      if (k >= 0) mark[std::size_t(k)] = 1;
  }
  return mark;
}

}  // namespace actlab::expr
