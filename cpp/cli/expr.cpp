// expr.cpp — `actlab expr TEXT [--grad] [--tex] [--param k=v]... [--fixed NAME]... [numbers...]`:
// a learner-written activation (docs/expr.md) evaluated like `actlab eval`: prints "x f(x)" or
// "x f(x) f'(x)" per input (%.9g), numbers from the arguments or from stdin. --tex prints f and
// f' as TeX and the derivative conventions that apply (then reads no stdin unless numbers follow).
// --param k=v sets a declared parameter (alpha, beta) or declares a new one; --fixed NAME makes
// a parameter not learnable. Errors show the column with a caret; exit code 2.
// `actlab expr --golden` writes tests/golden/expr.golden.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "actlab/expr/compiled.hpp"
#include "actlab/expr/golden.hpp"
#include "actlab/expr/parser.hpp"
#include "commands.hpp"
#include "numbers.hpp"

namespace actlab::cli {

int cmd_expr(std::span<char* const> args) {
  if (args.empty()) {
    std::fprintf(stderr, "actlab expr: missing expression, e.g. actlab expr 'x * sigmoid(1.702 * x)' --grad 0 1\n");
    return 2;
  }
  if (std::string(args[0]) == "--golden") {  // tests/golden/expr.golden (npm run golden)
    expr::write_golden(std::cout);
    return 0;
  }
  std::string text = args[0];
  std::vector<expr::ParamDecl> params = expr::default_params();
  bool grad = false, tex = false;
  std::vector<float> xs;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--") continue;
    if (arg == "--grad") { grad = true; continue; }
    if (arg == "--tex") { tex = true; continue; }
    if (arg == "--param" || arg == "--fixed") {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "actlab expr: %s needs %s\n", arg.c_str(), arg == "--param" ? "k=v" : "a parameter name");
        return 2;
      }
      std::string v = args[++i];
      if (arg == "--fixed") {
        bool found = false;
        for (auto& p : params)
          if (p.name == v) p.learnable = false, found = true;
        if (!found) {
          std::fprintf(stderr, "actlab expr: --fixed %s: no such parameter\n", v.c_str());
          return 2;
        }
        continue;
      }
      auto eq = v.find('=');
      std::string key = v.substr(0, eq);
      float value;
      if (eq == std::string::npos || key.empty() || !parse_float_token(v.substr(eq + 1), value).empty() ||
          !std::isfinite(value)) {
        std::fprintf(stderr, "actlab expr: --param %s: expected name=<finite number>\n", v.c_str());
        return 2;
      }
      bool found = false;
      for (auto& p : params)
        if (p.name == key) p.value = value, found = true;
      if (!found) params.push_back({key, value, false, ""});
      continue;
    }
    float v;
    if (std::string why = parse_float_token(arg, v); !why.empty()) {
      std::fprintf(stderr, "actlab expr: argument %zu: '%s' %s%s\n", i + 1, arg.c_str(), why.c_str(),
                   arg.rfind("--", 0) == 0 ? " (options: --grad, --tex, --param k=v, --fixed NAME)" : "");
      return 2;
    }
    xs.push_back(v);
  }
  expr::Compiled c;
  if (expr::Error e = expr::compile(text, params, c)) {
    std::fprintf(stderr, "actlab expr: %s\n", expr::format_error(text, e).c_str());
    return 2;
  }
  if (tex) {
    std::printf("f(%c) = %s\nf'(%c) = %s\n", c.expr.input_name, c.tex_f.c_str(), c.expr.input_name, c.tex_df.c_str());
    for (const std::string& n : c.notes) std::printf("note: %s\n", n.c_str());
    if (xs.empty()) return 0;
  }
  if (xs.empty()) {
    if (std::string err = read_numbers(std::cin, xs); !err.empty()) {
      std::fprintf(stderr, "actlab expr: %s\n", err.c_str());
      return 2;
    }
  }
  std::vector<float> y(xs.size()), dy(xs.size());
  if (grad) c.apply_both(xs.data(), y.data(), dy.data(), xs.size());
  else c.apply(xs.data(), y.data(), xs.size(), false);
  auto show = [](float v) { return std::isnan(v) ? std::fabs(v) : v; };  // "nan", never "-nan"
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xs[i] = show(xs[i]), y[i] = show(y[i]), dy[i] = show(dy[i]);
    if (grad) std::printf("%.9g %.9g %.9g\n", double(xs[i]), double(y[i]), double(dy[i]));
    else std::printf("%.9g %.9g\n", double(xs[i]), double(y[i]));
  }
  return 0;
}

}  // namespace actlab::cli
