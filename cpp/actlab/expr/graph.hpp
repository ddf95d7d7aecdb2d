// graph.hpp — the expression as a DAG of nodes, built through simplifying constructors.
//
// Nodes live in one vector in creation order, so a node's operands always come before it (the
// order is topological, which evaluation and the tape rely on). make() hash-conses: building the
// same operation on the same operands twice returns the same node, which is how f and all its
// derivatives share subexpressions. The constructors fold constants and apply the identities
// listed in docs/expr.md ("Simplification"): a+0, a*1, a*0, a/1, --a, where with a constant
// condition or equal branches, integer powers. The node count is bounded (kMaxGraphNodes);
// past it `overflowed()` turns true and further nodes are not created.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace actlab::expr {

enum class Op : std::uint8_t {
  Const, Input, Param,
  Neg, Add, Sub, Mul, Div, Pow, PowInt,
  Lt, Le, Gt, Ge, Eq, Ne,
  Where, Min, Max,
  Exp, Log, Log1p, Expm1, Sqrt, Abs, Sign, Sin, Cos, Tanh, Sigmoid, Softplus, Erf, Erfc, Phi, Relu, Step,
  // Derivative helpers (not typed by learners): sech^2(u), sigma'(u), the normal density phi(u),
  // erf'(u) = 2/sqrt(pi)·e^(-u²).
  TanhPrime, SigmoidPrime, NormalPdf, ErfPrime,
  Count
};

struct OpInfo {
  const char* name;  // the function's name in the language ("sigmoid"), or the operator ("+")
  int arity;
  bool callable;     // a learner may call it by name
};

const OpInfo& op_info(Op op);

// Named constants keep their name for TeX and are not folded into other constants.
enum class ConstName : std::uint8_t { None, Pi, E };

struct Node {
  Op op = Op::Const;
  int a = -1, b = -1, c = -1;  // operands (node indices)
  float value = 0;             // Const: the value; PowInt: the exponent
  int param = -1;              // Param: index into the declared parameters
  ConstName name = ConstName::None;
};

class Graph {
 public:
  explicit Graph(std::size_t limit = 8192) : limit_(limit) {}

  const Node& operator[](int i) const { return nodes_[std::size_t(i)]; }
  std::size_t size() const { return nodes_.size(); }
  bool overflowed() const { return overflow_; }

  int constant(float v, ConstName name = ConstName::None);
  int input();
  int param(int index);
  // Any operation: folds and simplifies, then returns an existing equal node or a new one.
  int make(Op op, int a, int b = -1, int c = -1);
  int pow_int(int a, int n);

  bool is_const(int i) const { return nodes_[std::size_t(i)].op == Op::Const; }
  bool is_value(int i, float v) const { return is_const(i) && nodes_[std::size_t(i)].value == v; }

 private:
  int add(const Node& n);
  std::vector<Node> nodes_;
  std::map<std::tuple<int, int, int, int, std::uint32_t, int, int>, int> index_;
  std::size_t limit_;
  bool overflow_ = false;
};

// Nodes reachable from `roots`, as a mask over the graph.
std::vector<char> reachable(const Graph& g, const std::vector<int>& roots);

}  // namespace actlab::expr
