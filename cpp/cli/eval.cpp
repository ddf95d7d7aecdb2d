// eval.cpp — `actlab eval NAME [--param k=v]... [--grad] [--scalar] [numbers...]`.
// Reads numbers from the arguments or, when there are none, whitespace-separated from stdin,
// and prints "x f(x)" or "x f(x) f'(x)" per input with %.9g (enough digits to round-trip a float).
// Bad input names what is wrong and where (line and token) and exits with 2.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "commands.hpp"

namespace actlab::cli {
namespace {

// Parses a whole token as a float ("nan", "inf", "-inf" accepted). Returns "" or why not.
std::string parse_float(const std::string& tok, float& out) {
  errno = 0;
  char* end = nullptr;
  float v = std::strtof(tok.c_str(), &end);
  if (end == tok.c_str() || *end != '\0') return "is not a number";
  if (errno == ERANGE && std::isinf(v)) return "is too large for a float (|x| <= 3.4e38; write inf for infinity)";
  out = v;
  return "";
}

}  // namespace

int cmd_eval(std::span<char* const> args) {
  if (args.empty()) {
    std::fprintf(stderr, "actlab eval: missing activation name (one of: %s)\n", activation_ids().c_str());
    return 2;
  }
  const Activation* a = find_activation(args[0]);
  if (!a) {
    std::fprintf(stderr, "actlab eval: unknown activation '%s' (valid: %s)\n", args[0], activation_ids().c_str());
    return 2;
  }
  float params[kMaxParams];
  a->default_params(params);
  bool grad = false;
  Backend backend = Backend::Simd;
  std::vector<float> xs;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--") continue;  // conventional end of options; numbers may start with '-' anyway
    if (arg == "--grad") { grad = true; continue; }
    if (arg == "--scalar") { backend = Backend::Scalar; continue; }
    if (arg == "--param") {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "actlab eval: --param needs k=v\n");
        return 2;
      }
      std::string kv = args[++i];
      auto eq = kv.find('=');
      std::string key = kv.substr(0, eq);
      int which = -1;
      for (int k = 0; k < a->param_count; ++k)
        if (key == a->params[k].name) which = k;
      if (which < 0) {
        std::string names;
        for (int k = 0; k < a->param_count; ++k) names += (k ? ", " : "") + std::string(a->params[k].name);
        std::fprintf(stderr, "actlab eval: %s has no parameter '%s' (parameters: %s)\n", a->id, key.c_str(),
                     names.empty() ? "none" : names.c_str());
        return 2;
      }
      if (eq == std::string::npos || !parse_float(kv.substr(eq + 1), params[which]).empty()) {
        std::fprintf(stderr, "actlab eval: --param %s: expected %s=<number>\n", kv.c_str(), key.c_str());
        return 2;
      }
      continue;
    }
    float v;
    if (std::string why = parse_float(arg, v); !why.empty()) {
      std::fprintf(stderr, "actlab eval: argument %zu: '%s' %s%s\n", i + 1, arg.c_str(), why.c_str(),
                   arg.rfind("--", 0) == 0 ? " (options: --param k=v, --grad, --scalar)" : "");
      return 2;
    }
    xs.push_back(v);
  }
  if (std::string err = a->check_params(params); !err.empty()) {
    std::fprintf(stderr, "actlab eval: %s\n", err.c_str());
    return 2;
  }
  if (xs.empty()) {
    std::string line;
    int line_no = 0;
    while (std::getline(std::cin, line)) {
      ++line_no;
      std::istringstream ls(line);
      std::string tok;
      int tok_no = 0;
      while (ls >> tok) {
        ++tok_no;
        float v;
        if (std::string why = parse_float(tok, v); !why.empty()) {
          std::fprintf(stderr, "actlab eval: line %d, token %d: '%s' %s\n", line_no, tok_no, tok.c_str(), why.c_str());
          return 2;
        }
        xs.push_back(v);
      }
    }
  }
  std::vector<float> y(xs.size()), dy(xs.size());
  a->apply(xs.data(), y.data(), xs.size(), false, params, backend);
  if (grad) a->apply(xs.data(), dy.data(), xs.size(), true, params, backend);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (grad) std::printf("%.9g %.9g %.9g\n", double(xs[i]), double(y[i]), double(dy[i]));
    else std::printf("%.9g %.9g\n", double(xs[i]), double(y[i]));
  }
  return 0;
}

}  // namespace actlab::cli
