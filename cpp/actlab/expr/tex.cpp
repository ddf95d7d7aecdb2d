// tex.cpp — TeX printer with precedence (see tex.hpp).
#include "actlab/expr/tex.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "actlab/expr/limits.hpp"

namespace actlab::expr {

std::string format_number(float v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[48];
  for (int prec = 1; prec <= 9; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, double(v));
    if (std::strtof(buf, nullptr) == v) break;
  }
  return buf;
}

namespace {

// Precedence levels: higher binds tighter.
enum Prec { kWhere = 0, kCompare = 1, kSum = 2, kProduct = 3, kUnary = 4, kPower = 5, kAtom = 6 };

class Printer {
 public:
  Printer(const Expression& e) : e_(e), g_(*e.graph) {}

  std::string print(int i, Prec& prec) {
    if (++budget_ > 20000) {  // nodes printed: keeps a tree print of a wide DAG bounded
      prec = kAtom;
      return "\\dots";
    }
    const Node& n = g_[i];
    auto sub = [&](int k, Prec need) {
      Prec p;
      std::string s = print(k, p);
      return p < need ? "\\left(" + s + "\\right)" : s;
    };
    auto arg = [&](int k) {
      Prec p;
      return "\\left(" + print(k, p) + "\\right)";
    };
    auto fn = [&](const char* name, int k) {
      prec = kAtom;
      return std::string(name) + arg(k);
    };
    switch (n.op) {
      case Op::Const: {
        prec = kAtom;
        if (n.name == ConstName::Pi) return "\\pi";
        if (n.name == ConstName::E) return "e";
        std::string s = format_number(n.value);
        if (n.value < 0) prec = kUnary;
        auto e = s.find('e');
        if (e != std::string::npos) {
          std::string mant = s.substr(0, e);
          int ex = std::atoi(s.c_str() + e + 1);
          prec = kProduct;
          return (mant == "1" ? "" : mant + " \\times ") + "10^{" + std::to_string(ex) + "}";
        }
        return s;
      }
      case Op::Input: prec = kAtom; return std::string(1, e_.input_name);
      case Op::Param: {
        prec = kAtom;
        const ParamDecl& p = e_.params[std::size_t(n.param)];
        return p.tex.empty() ? "\\mathrm{" + p.name + "}" : p.tex;
      }
      case Op::Neg: prec = kUnary; return "-" + sub(n.a, kPower);
      case Op::Add: prec = kSum; return sub(n.a, kSum) + " + " + sub(n.b, kProduct);
      case Op::Sub: prec = kSum; return sub(n.a, kSum) + " - " + sub(n.b, kProduct);
      case Op::Mul: {
        prec = kProduct;
        std::string l = sub(n.a, kProduct), r = sub(n.b, kProduct);
        bool number_first = g_[n.a].op == Op::Const && g_[n.a].name == ConstName::None;
        bool r_number = g_[n.b].op == Op::Const && g_[n.b].name == ConstName::None;
        return l + (number_first && !r_number ? "\\," : " \\cdot ") + r;
      }
      case Op::Div: {
        prec = kAtom;
        Prec p;
        std::string num = print(n.a, p), den = print(n.b, p);
        return "\\frac{" + num + "}{" + den + "}";
      }
      case Op::PowInt:
        prec = kPower;
        return "{" + sub(n.a, kAtom) + "}^{" + format_number(n.value) + "}";
      case Op::Pow: {
        prec = kPower;
        Prec p;
        std::string ex = print(n.b, p);
        return "{" + sub(n.a, kAtom) + "}^{" + ex + "}";
      }
      case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne:
        // A comparison used as a number is 1 or 0: Iverson's bracket.
        prec = kAtom;
        return "\\left[" + comparison(i) + "\\right]";
      case Op::Where: {
        // Nested where() in the "otherwise" branch becomes more rows of the same cases.
        prec = kAtom;
        std::string rows;
        int w = i;
        for (int row = 0; g_[w].op == Op::Where && row < 16; ++row) {
          Prec p;
          std::string cond = is_comparison(g_[g_[w].a].op) ? comparison(g_[w].a) : print(g_[w].a, p) + " \\ne 0";
          rows += print(g_[w].b, p) + " & " + cond + " \\\\ ";
          w = g_[w].c;
        }
        Prec p;
        return "\\begin{cases} " + rows + print(w, p) + " & \\text{otherwise} \\end{cases}";
      }
      case Op::Min: {
        prec = kAtom;
        Prec p;
        return "\\min\\left(" + print(n.a, p) + ", " + print(n.b, p) + "\\right)";
      }
      case Op::Max: {
        prec = kAtom;
        Prec p;
        return "\\max\\left(" + print(n.a, p) + ", " + print(n.b, p) + "\\right)";
      }
      case Op::Exp: {
        prec = kPower;
        Prec p;
        return "e^{" + print(n.a, p) + "}";
      }
      case Op::Log: return fn("\\ln", n.a);
      case Op::Log1p: {
        prec = kAtom;
        Prec p;
        return "\\ln\\left(1 + " + print(n.a, p) + "\\right)";
      }
      case Op::Expm1: {
        prec = kAtom;
        Prec p;
        return "\\left(e^{" + print(n.a, p) + "} - 1\\right)";
      }
      case Op::Sqrt: {
        prec = kAtom;
        Prec p;
        return "\\sqrt{" + print(n.a, p) + "}";
      }
      case Op::Abs: {
        prec = kAtom;
        Prec p;
        return "\\left|" + print(n.a, p) + "\\right|";
      }
      case Op::Sign: return fn("\\operatorname{sign}", n.a);
      case Op::Sin: return fn("\\sin", n.a);
      case Op::Cos: return fn("\\cos", n.a);
      case Op::Tanh: return fn("\\tanh", n.a);
      case Op::Sigmoid: return fn("\\sigma", n.a);
      case Op::Softplus: return fn("\\operatorname{softplus}", n.a);
      case Op::Erf: return fn("\\operatorname{erf}", n.a);
      case Op::Erfc: return fn("\\operatorname{erfc}", n.a);
      case Op::Phi: return fn("\\Phi", n.a);
      case Op::Relu: return fn("\\operatorname{ReLU}", n.a);
      case Op::Step: return fn("\\operatorname{step}", n.a);
      case Op::TanhPrime: {
        prec = kAtom;
        return "\\operatorname{sech}^2" + arg(n.a);
      }
      case Op::SigmoidPrime: return fn("\\sigma'", n.a);
      case Op::NormalPdf: return fn("\\varphi", n.a);
      case Op::ErfPrime: {
        prec = kProduct;
        return "\\frac{2}{\\sqrt{\\pi}}\\,e^{-{" + sub(n.a, kAtom) + "}^{2}}";
      }
      default: prec = kAtom; return "?";
    }
  }

 private:
  static bool is_comparison(Op op) {
    return op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge || op == Op::Eq || op == Op::Ne;
  }
  // "a < b" without brackets (a where() condition, or inside the bracket).
  std::string comparison(int i) {
    const Node& n = g_[i];
    auto side = [&](int k) {
      Prec p;
      std::string s = print(k, p);
      return p < kSum ? "\\left(" + s + "\\right)" : s;
    };
    const char* op = n.op == Op::Lt ? " < " : n.op == Op::Le ? " \\le " : n.op == Op::Gt ? " > "
                   : n.op == Op::Ge ? " \\ge " : n.op == Op::Eq ? " = " : " \\ne ";
    return side(n.a) + op + side(n.b);
  }

  const Expression& e_;
  const Graph& g_;
  std::size_t budget_ = 0;
};

}  // namespace

Tex to_tex(const Expression& e, int root) {
  Printer p(e);
  Prec prec;
  Tex t{p.print(root, prec), false};
  if (t.text.size() > kMaxTexLength) {
    // Cutting TeX could leave a brace open; say instead how long it is.
    t.text = "\\text{(too long to typeset: " + std::to_string(t.text.size()) + " characters)}";
    t.truncated = true;
  }
  return t;
}

}  // namespace actlab::expr
