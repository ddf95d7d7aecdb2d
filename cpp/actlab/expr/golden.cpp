// golden.cpp — writes tests/golden/expr.golden (see golden.hpp).
#include "actlab/expr/golden.hpp"

#include <cinttypes>
#include <cstdio>
#include <ostream>
#include <string>

#include "actlab/activations/golden.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/simd/bits.hpp"

namespace actlab::expr {

const std::vector<const char*>& golden_expressions() {
  static const std::vector<const char*> kList = {
      "x * sigmoid(1.702 * x)",
      "max(0, x)",
      "x > 0 ? x : alpha * expm1(x)",
      "where(x >= 0, x, alpha * x)",
      "x * Phi(x)",
      "x * tanh(softplus(x))",
      "tanh(x) - (2 * sigmoid(2 * x) - 1)",
      "erf(x / 2) + erfc(x) - x^3 / 7",
      "sin(x) * cos(2 * x) + pi",
      "log(1 + x^2) + log1p(abs(x)) + sqrt(abs(x))",
      "exp(-x^2 / 2) / sqrt(2 * pi)",
      "sign(x) * min(abs(x), 3) + relu(x - 1) + step(x + 1)",
      "(x < 1) + (x <= 2) + (x == 0) + (x != 0.5) + (x > -1) * (x >= -2)",
      "abs(x)^1.5 + 2^x - x^-2",
      "x / (1 + abs(x))",
      "beta * x * sigmoid(beta * x) + alpha",
  };
  return kList;
}

void write_golden(std::ostream& out) {
  out << "# Activation Lab expression golden file: f and f' bit patterns of the compiled tape, written\n"
         "# by the native build (`actlab expr --golden`), compared bit for bit by the wasm build.\n"
         "# <id> <x bits> <f bits> <f' bits>, default parameters (alpha = 0.25, beta = 1)\n";
  const auto& list = golden_expressions();
  for (std::size_t k = 0; k < list.size(); ++k) out << "# expr" << k << ": " << list[k] << "\n";
  const std::vector<float> xs = golden_inputs();
  for (std::size_t k = 0; k < list.size(); ++k) {
    Compiled c;
    if (Error e = compile(list[k], default_params(), c)) {
      out << "# error: " << e.message << "\n";
      continue;
    }
    std::vector<float> y(xs.size()), dy(xs.size());
    c.apply_both(xs.data(), y.data(), dy.data(), xs.size());
    char line[96];
    for (std::size_t i = 0; i < xs.size(); ++i) {
      std::snprintf(line, sizeof line, "expr%zu %08" PRIx32 " %08" PRIx32 " %08" PRIx32 "\n", k,
                    bit_cast<std::uint32_t>(xs[i]), bit_cast<std::uint32_t>(y[i]), bit_cast<std::uint32_t>(dy[i]));
      out << line;
    }
  }
}

}  // namespace actlab::expr
