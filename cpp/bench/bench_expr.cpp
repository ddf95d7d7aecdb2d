// bench_expr.cpp — learner-written activations (the expression tape, cpp/actlab/expr/) against
// the built-in kernels they imitate, measured in the same run, as ratios:
//   x * sigmoid(x)  vs swish (beta = 1)      target >= 0.3x (issue 11)
//   max(0, x)       vs relu                  target >= 0.3x
//   x * Phi(x)      vs gelu; x > 0 ? x : alpha * expm1(x) vs elu (alpha 0.25 vs 1: same work)
// for f and for f and f' together (what the trainer calls), SIMD back end, n = 4096 and 1M,
// inputs as in bench_activations.cpp (LCG on [-6, 6]). Each pair is timed back to back, twice,
// keeping the faster of each side, so machine noise hits both sides of a ratio alike.
//
//   actlab_bench --expr [--json] [--quick]
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "timing.hpp"

#include "actlab/activations/registry.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/parser.hpp"

namespace {

struct Pair {
  const char* text;
  const char* builtin;
  double target;  // 0: no target, reported only
};

const Pair kPairs[] = {
    {"x * sigmoid(x)", "swish", 0.3},
    {"max(0, x)", "relu", 0.3},
    {"x * Phi(x)", "gelu", 0.0},
    {"x > 0 ? x : alpha * expm1(x)", "elu", 0.0},
};

std::vector<float> inputs(std::size_t n) {
  std::uint32_t state = 0x5EEDu;  // the LCG of bench_activations.cpp
  std::vector<float> x(n);
  for (auto& v : x) {
    state = state * 1664525u + 1013904223u;
    v = -6.0f + 12.0f * (static_cast<float>(state >> 8) * 0x1p-24f);
  }
  return x;
}

double g_sink = 0;

}  // namespace

int run_expr_bench(int argc, char** argv) {
  bool json = false, quick = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--json") json = true;
    else if (a == "--quick") quick = true;
    else if (a != "--expr") {
      std::fprintf(stderr, "usage: actlab_bench --expr [--json] [--quick]\n");
      return 2;
    }
  }
  const actlab::bench::Timing t = quick ? actlab::bench::Timing{10.0, 5.0, 1.0, 3} : actlab::bench::Timing{60.0, 20.0, 1.0, 5};
#if defined(__wasm__)
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  if (!json) std::printf("actlab_bench --expr: target %s, typed expression (tape) vs built-in kernel, M elements/s\n", target);
  for (std::size_t n : {std::size_t{4096}, std::size_t{1} << 20}) {
    const std::vector<float> x = inputs(n);
    std::vector<float> y(n), dy(n);
    for (const Pair& p : kPairs) {
      actlab::expr::Compiled c;
      if (actlab::expr::Error e = actlab::expr::compile(p.text, actlab::expr::default_params(), c)) {
        std::fprintf(stderr, "actlab_bench --expr: %s: %s\n", p.text, e.message.c_str());
        return 1;
      }
      const actlab::Activation* a = actlab::find_activation(p.builtin);
      float params[actlab::kMaxParams];
      a->default_params(params);
      for (int kind = 0; kind < 2; ++kind) {  // 0: f, 1: f and f'
        double best_expr = 0, best_builtin = 0;
        for (int pass = 0; pass < 2; ++pass) {
          double se = actlab::bench::seconds_per_call(t, [&] {
            if (kind == 0) c.apply(x.data(), y.data(), n, false);
            else c.apply_both(x.data(), y.data(), dy.data(), n);
            g_sink += double(y[n / 2]);
          });
          double sb = actlab::bench::seconds_per_call(t, [&] {
            if (kind == 0) a->apply(x.data(), y.data(), n, false, params);
            else a->apply_both(x.data(), y.data(), dy.data(), n, params);
            g_sink += double(y[n / 2]);
          });
          best_expr = std::max(best_expr, double(n) / se * 1e-6);
          best_builtin = std::max(best_builtin, double(n) / sb * 1e-6);
        }
        const double ratio = best_expr / best_builtin;
        const char* kname = kind == 0 ? "f" : "fdf";
        if (json) {
          std::printf("{\"type\":\"expr\",\"target\":\"%s\",\"text\":\"%s\",\"builtin\":\"%s\",\"kind\":\"%s\",\"n\":%zu,"
                      "\"meps_expr\":%.3f,\"meps_builtin\":%.3f,\"ratio\":%.4f,\"target_ratio\":%g}\n",
                      target, p.text, p.builtin, kname, n, best_expr, best_builtin, ratio, p.target);
        } else {
          std::printf("n=%-8zu %-30s %-4s %9.1f   %-6s %9.1f   %5.2fx%s\n", n, p.text, kname, best_expr, p.builtin,
                      best_builtin, ratio, p.target > 0 ? (ratio >= p.target ? "  (target >= 0.3x: met)" : "  (target >= 0.3x: MISSED)") : "");
        }
        std::fflush(stdout);
      }
    }
  }
  if (json) std::printf("{\"type\":\"checksum\",\"value\":%.6g}\n", std::isfinite(g_sink) ? g_sink : 0.0);
  return 0;
}
