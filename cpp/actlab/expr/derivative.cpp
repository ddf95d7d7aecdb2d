// derivative.cpp — differentiation rules, one per operation (see derivative.hpp).
#include "actlab/expr/derivative.hpp"

#include <unordered_map>

namespace actlab::expr {
namespace {

class Differ {
 public:
  Differ(Graph& g, int var) : g_(g), var_(var) {}

  int d(int i) {
    auto it = memo_.find(i);
    if (it != memo_.end()) return it->second;
    int r = rule(i);
    memo_.emplace(i, r);
    return r;
  }

 private:
  int k(float v) { return g_.constant(v); }
  int mul(int a, int b) { return g_.make(Op::Mul, a, b); }
  int add(int a, int b) { return g_.make(Op::Add, a, b); }
  int sub(int a, int b) { return g_.make(Op::Sub, a, b); }
  int div(int a, int b) { return g_.make(Op::Div, a, b); }
  int f1(Op op, int a) { return g_.make(op, a); }

  // Slope of min/max: where the first operand wins, its slope; the second's where it wins;
  // at a tie the smaller slope.
  int minmax(Op win_first, int a, int b, int da, int db) {
    if (da == db) return da;
    // Slopes 0 and 1 (max(0, x), min(x, 6) ...): the slope is the comparison itself, which is
    // 0 at a tie (the smaller slope) and NaN for NaN operands.
    if (g_.is_const(da) && g_.is_const(db)) {
      float va = g_[da].value, vb = g_[db].value;
      if ((va == 0.0f && vb == 1.0f) || (va == 1.0f && vb == 0.0f)) {
        int winner = va == 1.0f ? a : b, loser = va == 1.0f ? b : a;
        return win_first == Op::Gt ? g_.make(Op::Gt, winner, loser) : g_.make(Op::Lt, winner, loser);
      }
    }
    int tie = g_.make(Op::Min, da, db);
    int second_wins = g_.make(win_first == Op::Lt ? Op::Gt : Op::Lt, a, b);
    return g_.make(Op::Where, g_.make(win_first, a, b), da, g_.make(Op::Where, second_wins, db, tie));
  }

  int rule(int i) {
    const Node n = g_[i];
    switch (n.op) {
      case Op::Const: return k(0);
      case Op::Input: return k(var_ == kWrtInput ? 1.0f : 0.0f);
      case Op::Param: return k(n.param == var_ ? 1.0f : 0.0f);
      case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne:
      case Op::Sign: case Op::Step:
        return k(0);
      default: break;
    }
    const int a = n.a, b = n.b;
    const int da = d(a);
    const int db = b >= 0 ? d(b) : -1;
    const bool a0 = g_.is_value(da, 0.0f);
    if (op_info(n.op).arity == 1 && a0) return k(0);  // chain rule with a constant argument
    switch (n.op) {
      case Op::Neg: return f1(Op::Neg, da);
      case Op::Add: return add(da, db);
      case Op::Sub: return sub(da, db);
      case Op::Mul: return add(mul(da, b), mul(a, db));
      case Op::Div:
        if (g_.is_value(db, 0.0f)) return div(da, b);
        return div(sub(mul(da, b), mul(a, db)), g_.make(Op::Mul, b, b));
      case Op::PowInt: {
        int e = int(n.value);
        return mul(mul(k(float(e)), g_.pow_int(a, e - 1)), da);
      }
      case Op::Pow: {
        // (a^b)' = a^b · (b'·ln a + b·a'/a)
        int t1 = g_.is_value(db, 0.0f) ? k(0) : mul(db, f1(Op::Log, a));
        int t2 = a0 ? k(0) : div(mul(b, da), a);
        return mul(i, add(t1, t2));
      }
      case Op::Where: {
        int dc = d(n.c);
        return g_.make(Op::Where, a, db, dc);
      }
      case Op::Min: return minmax(Op::Lt, a, b, da, db);
      case Op::Max: return minmax(Op::Gt, a, b, da, db);
      case Op::Exp: return mul(i, da);
      case Op::Log: return div(da, a);
      case Op::Log1p: return div(da, add(k(1), a));
      case Op::Expm1: return mul(f1(Op::Exp, a), da);
      case Op::Sqrt: return div(mul(k(0.5f), da), i);
      case Op::Abs: return mul(f1(Op::Sign, a), da);
      case Op::Sin: return mul(f1(Op::Cos, a), da);
      case Op::Cos: return f1(Op::Neg, mul(f1(Op::Sin, a), da));
      case Op::Tanh: return mul(f1(Op::TanhPrime, a), da);
      case Op::Sigmoid: return mul(f1(Op::SigmoidPrime, a), da);
      case Op::Softplus: return mul(f1(Op::Sigmoid, a), da);
      case Op::Erf: return mul(f1(Op::ErfPrime, a), da);  // 2/sqrt(pi) · e^(-a²)
      case Op::Erfc: return f1(Op::Neg, mul(f1(Op::ErfPrime, a), da));
      case Op::Phi: return mul(f1(Op::NormalPdf, a), da);
      case Op::Relu: return mul(g_.make(Op::Gt, a, k(0)), da);
      case Op::TanhPrime:  // (sech² a)' = -2·tanh a·sech² a
        return mul(mul(k(-2.0f), mul(f1(Op::Tanh, a), i)), da);
      case Op::SigmoidPrime:  // σ'' = σ'·(1 - 2σ)
        return mul(mul(i, sub(k(1), mul(k(2), f1(Op::Sigmoid, a)))), da);
      case Op::NormalPdf: return mul(f1(Op::Neg, mul(a, i)), da);
      case Op::ErfPrime: return mul(mul(k(-2.0f), mul(a, i)), da);
      default: return k(0);
    }
  }

  Graph& g_;
  int var_;
  std::unordered_map<int, int> memo_;
};

}  // namespace

int differentiate(Graph& g, int root, int var) {
  Differ d(g, var);
  return d.d(root);
}

std::vector<std::string> kink_notes(const Graph& g, int root) {
  std::vector<char> live = reachable(g, {root});
  bool seen[int(Op::Count)] = {};
  for (std::size_t i = 0; i < live.size(); ++i)
    if (live[i]) seen[int(g[int(i)].op)] = true;
  std::vector<std::string> notes;
  if (seen[int(Op::Relu)]) notes.push_back("relu'(0) = 0 (undefined at 0; the engine's convention, like PyTorch)");
  if (seen[int(Op::Abs)]) notes.push_back("abs'(0) = 0 (undefined at 0; the engine uses sign(0) = 0)");
  if (seen[int(Op::Step)]) notes.push_back("step' = 0 everywhere; undefined at the jump x = 0, where the engine reports 0");
  if (seen[int(Op::Sign)]) notes.push_back("sign' = 0 everywhere; undefined at the jump x = 0, where the engine reports 0");
  if (seen[int(Op::Min)] || seen[int(Op::Max)])
    notes.push_back("min and max at a tie take the smaller slope (max(0, x)' = 0 at 0, like relu')");
  if (seen[int(Op::Where)])
    notes.push_back("where(c, a, b) and c ? a : b: the slope of the branch taken; a jump between branches is not "
                    "differentiated");
  return notes;
}

}  // namespace actlab::expr
