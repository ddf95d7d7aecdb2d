// eval.cpp — `actlab eval NAME [--param k=v]... [--grad] [--scalar] [numbers...]`.
// Reads numbers from the arguments or, when there are none, whitespace-separated from stdin,
// and prints "x f(x)" or "x f(x) f'(x)" per input with %.9g (enough digits to round-trip a float).
// Bad input names what is wrong and where (line and token) and exits with 2; so does a read error.
//
// The number rule (one for arguments, stdin and --param values): a decimal number as JSON
// writes it (an optional sign, digits, an optional fraction and exponent), or nan, inf, -inf
// (any case). It is rounded to the nearest float: a magnitude too small for a float becomes a
// subnormal or ±0 (as every float conversion does), one beyond the largest float (3.4e38) is
// refused rather than turned into infinity (write inf for that). Hex floats (0x1p3) and nan(...)
// payloads are refused.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/util/args.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {
namespace {

bool same_word(const std::string& tok, const char* word) {
  std::size_t k = 0;
  for (; tok[k] && word[k]; ++k)
    if ((tok[k] | 0x20) != word[k]) return false;
  return tok.size() == k && word[k] == '\0';
}

// Parses a whole token as a float by the number rule above. Returns "" or why not.
std::string parse_float(const std::string& tok, float& out) {
  std::string body = !tok.empty() && (tok[0] == '-' || tok[0] == '+') ? tok.substr(1) : tok;
  if (same_word(body, "nan") || same_word(body, "inf") || same_word(body, "infinity")) {
    float v = same_word(body, "nan") ? NAN : INFINITY;
    out = tok[0] == '-' ? -v : v;
    return "";
  }
  if (!util::Args::is_decimal(tok)) return "is not a number (decimal digits with an optional exponent, or nan, inf, -inf)";
  errno = 0;
  float v = std::strtof(tok.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(v)) return "is too large for a float (|x| <= 3.4e38; write inf for infinity)";
  out = v;
  return "";
}

}  // namespace

int cmd_eval(std::span<char* const> args) {
  if (args.empty()) {
    return print_error("eval", "missing activation name (one of: " + activation_ids() + ")");
  }
  const Activation* a = find_activation(args[0]);
  if (!a) {
    return print_error("eval", "unknown activation " + util::quoted(args[0]) + " (valid: " + activation_ids() + ")");
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
        return print_error("eval", std::string(a->id) + " has no parameter " + util::quoted(key) + " (parameters: " +
                                       (names.empty() ? "none" : names) + ")");
      }
      if (eq == std::string::npos || !parse_float(kv.substr(eq + 1), params[which]).empty()) {
        return print_error("eval", "--param " + util::quoted(kv) + ": expected " + key + "=<number>");
      }
      continue;
    }
    float v;
    if (std::string why = parse_float(arg, v); !why.empty()) {
      return print_error("eval", "argument " + std::to_string(i + 1) + ": " + util::quoted(arg) + " " + why +
                                     (arg.rfind("--", 0) == 0 ? " (options: --param k=v, --grad, --scalar)" : ""));
    }
    xs.push_back(v);
  }
  if (std::string err = a->check_params(params); !err.empty()) {
    return print_error("eval", err);
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
          return print_error("eval", "line " + std::to_string(line_no) + ", token " + std::to_string(tok_no) + ": " +
                                         util::quoted(tok) + " " + why);
        }
        xs.push_back(v);
      }
    }
    // A read error (stdin is a directory, an I/O error) is not the end of the input.
    if (std::ferror(stdin) || std::cin.bad()) return print_error("eval", "cannot read standard input: " + std::string(std::strerror(errno ? errno : EIO)));
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
