// bench_activations.cpp — throughput of every activation kernel (f and f') and of softmax,
// on the scalar and the SIMD back end, in elements per second.
//
// The same file builds natively (SSE2) and for Node (wasm SIMD128); it uses no Emscripten
// header, only the C++ standard library and the engine's public API. It is a command, never
// a test: `npm run bench` runs it on both targets (web/bench/run.mjs) next to plain JS and
// TensorFlow.js.
//
//   actlab_bench [--json] [--quick] [--rounds N] [--filter NAME]
//   actlab_bench --train [--json] [--quick] [--rounds N]   training benchmark (bench_train.cpp)
//   actlab_bench --expr [--json] [--quick]    typed expressions vs built-in kernels (bench_expr.cpp)
//     --json     one JSON object per line (what web/bench/run.mjs reads)
//     --quick    short rounds, for a smoke run
//     --rounds   timed rounds per measurement (default 5; run.mjs runs 2 passes of 3)
//     --filter   only ids containing NAME ("softmax" also matches log_softmax)
//
// Method, per (activation, f or f', back end, n): inputs are n pseudo-random floats on [-6, 6]
// from a fixed-seed LCG; warm up, then time 5 rounds of repeated calls, each lasting at least
// 60 ms, reading the clock once per ~1 ms slice of calls; report the best slice (see measure()).
// Softmax works on rows of 1024 logits, which divides both sizes, so every peer
// (web/bench/measure.mjs draws the same inputs in JS) sees the same rows.
// A few outputs of every call are summed into a checksum printed at the end, so no call can be
// optimised away.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "timing.hpp"

#include "actlab/activations/registry.hpp"
#include "actlab/activations/softmax.hpp"

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kSizes[] = {4096, std::size_t{1} << 20};
constexpr std::size_t kSoftmaxRow = 1024;

struct Settings {
  bool json = false;
  bool quick = false;
  std::string filter;
  double round_ms = 60.0;   // each timed round lasts at least this long
  double warmup_ms = 20.0;
  int rounds = 5;           // best of
  double slice_ms = 1.0;    // calls between two clock reads: about this long
};

// Numerical Recipes' 32-bit LCG; the top 24 bits make a float on [0, 1) exactly.
struct Lcg {
  std::uint32_t state;
  float next_unit() {
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(state >> 8) * 0x1p-24f;
  }
};

std::vector<float> make_inputs(std::size_t n) {
  Lcg rng{0x5EEDu};
  std::vector<float> x(n);
  for (auto& v : x) v = -6.0f + 12.0f * rng.next_unit();
  return x;
}

// Sums a few outputs of every timed call; printed at the end so no call is dead code.
double g_checksum = 0.0;

void consume(const std::vector<float>& y) {
  const std::size_t n = y.size();
  double s = static_cast<double>(y[0]) + y[n / 2] + y[n - 1];
  if (std::isfinite(s)) g_checksum += s;
}

// Elements per second of `call` (one pass over n elements), timed as timing.hpp describes.
double measure(const Settings& s, std::size_t n, const std::function<void()>& call) {
  const actlab::bench::Timing t{s.round_ms, s.warmup_ms, s.slice_ms, s.rounds};
  return static_cast<double>(n) / actlab::bench::seconds_per_call(t, call);
}

// Softmax (or log-softmax) over consecutive rows of kSoftmaxRow logits covering all n inputs.
void softmax_rows(const std::vector<float>& x, std::vector<float>& y, bool log, actlab::Backend b) {
  const std::size_t n = x.size();
  for (std::size_t at = 0; at < n; at += kSoftmaxRow) {
    const std::size_t len = std::min(kSoftmaxRow, n - at);
    if (log) actlab::log_softmax(x.data() + at, y.data() + at, len, 1.0f, b);
    else actlab::softmax(x.data() + at, y.data() + at, len, 1.0f, b);
  }
}

const char* target_name() {
#if defined(__wasm__)
  return "wasm";
#else
  return "native";
#endif
}

// The engine's vector back end on this target (simd.hpp picks it with the same macros).
const char* simd_name() {
#if defined(__wasm_simd128__)
  return "wasm128";
#elif defined(__SSE2__)
  return "sse2";
#else
  return "none";
#endif
}

// JSON string body (ids and names are plain ASCII in practice; escape the two that matter).
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

struct Row {            // one line of the human-readable table
  std::string id;
  double f[2] = {0, 0};   // scalar, simd  (M elements/s)
  double df[2] = {0, 0};
  bool has_df = true;
};

void print_result(const Settings& s, std::string_view id, const char* kind, actlab::Backend b,
                  std::size_t n, double eps) {
  if (!s.json) return;
  std::printf("{\"type\":\"result\",\"target\":\"%s\",\"id\":%s,\"kind\":\"%s\",\"backend\":\"%s\","
              "\"n\":%zu,\"meps\":%.3f}\n",
              target_name(), quoted(id).c_str(), kind,
              b == actlab::Backend::Scalar ? "scalar" : "simd", n, eps * 1e-6);
  std::fflush(stdout);
}

void print_table(std::size_t n, const std::vector<Row>& rows) {
  std::printf("\n%s, n = %zu, M elements/s\n", target_name(), n);
  std::printf("%-14s %10s %10s %7s   %10s %10s %7s\n", "activation", "f scalar", "f simd", "x",
              "f' scalar", "f' simd", "x");
  for (const Row& r : rows) {
    std::printf("%-14s %10.1f %10.1f %6.2fx", r.id.c_str(), r.f[0], r.f[1], r.f[1] / r.f[0]);
    if (r.has_df)
      std::printf("   %10.1f %10.1f %6.2fx\n", r.df[0], r.df[1], r.df[1] / r.df[0]);
    else
      std::printf("   %10s %10s %7s\n", "-", "-", "-");
  }
  std::fflush(stdout);
}

bool wanted(const Settings& s, std::string_view id) {
  return s.filter.empty() || id.find(s.filter) != std::string_view::npos;
}

int usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [--json] [--quick] [--rounds N] [--filter NAME]\n", argv0);
  return 2;
}

}  // namespace

int run_train_bench(int argc, char** argv);  // bench_train.cpp
int run_expr_bench(int argc, char** argv);   // bench_expr.cpp

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--train") return run_train_bench(argc, argv);
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--expr") return run_expr_bench(argc, argv);
  Settings s;
  int rounds = 0;  // 0: the default of the mode
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--json") s.json = true;
    else if (a == "--quick") s.quick = true;
    else if (a == "--filter" && i + 1 < argc) s.filter = argv[++i];
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else return usage(argv[0]);
  }
  if (s.quick) {
    s.round_ms = 10.0;
    s.warmup_ms = 5.0;
    s.rounds = 3;
  }
  if (rounds > 0) s.rounds = rounds;

  if (s.json) {
    std::printf("{\"type\":\"meta\",\"target\":\"%s\",\"simd\":\"%s\",\"round_ms\":%g,\"rounds\":%d,"
                "\"slice_ms\":%g,\"softmax_row\":%zu}\n",
                target_name(), simd_name(), s.round_ms, s.rounds, s.slice_ms, kSoftmaxRow);
    // Metadata the JS side needs: display names, parameter defaults, exactness.
    for (const actlab::Activation& a : actlab::activations()) {
      if (!wanted(s, a.id)) continue;
      float p[actlab::kMaxParams];
      a.default_params(p);
      std::printf("{\"type\":\"activation\",\"id\":%s,\"name\":%s,\"piecewise_linear\":%s,\"params\":[",
                  quoted(a.id).c_str(), quoted(a.name).c_str(), a.piecewise_linear ? "true" : "false");
      for (int k = 0; k < a.param_count; ++k)
        std::printf("%s{\"name\":%s,\"default\":%.9g}", k ? "," : "", quoted(a.params[k].name).c_str(),
                    static_cast<double>(p[k]));
      std::printf("]}\n");
    }
  } else {
    std::printf("actlab_bench: target %s, SIMD back end %s, best ~%g ms slice of %d rounds of >= %g ms\n",
                target_name(), simd_name(), s.slice_ms, s.rounds, s.round_ms);
  }

  const actlab::Backend backends[] = {actlab::Backend::Scalar, actlab::Backend::Simd};
  for (std::size_t n : kSizes) {
    const std::vector<float> x = make_inputs(n);
    std::vector<float> y(n);
    std::vector<Row> rows;

    for (const actlab::Activation& a : actlab::activations()) {
      if (!wanted(s, a.id)) continue;
      Row row{a.id};
      for (int d = 0; d < 2; ++d) {
        for (int bi = 0; bi < 2; ++bi) {
          const actlab::Backend b = backends[bi];
          const double eps = measure(s, n, [&] {
            a.apply(x.data(), y.data(), n, d == 1, nullptr, b);
            consume(y);
          });
          (d ? row.df : row.f)[bi] = eps * 1e-6;
          print_result(s, a.id, d ? "df" : "f", b, n, eps);
        }
      }
      rows.push_back(row);
    }

    for (bool log : {false, true}) {
      const char* id = log ? "log_softmax" : "softmax";
      if (!wanted(s, id)) continue;
      Row row{id};
      row.has_df = false;
      for (int bi = 0; bi < 2; ++bi) {
        const actlab::Backend b = backends[bi];
        const double eps = measure(s, n, [&] {
          softmax_rows(x, y, log, b);
          consume(y);
        });
        row.f[bi] = eps * 1e-6;
        print_result(s, id, "f", b, n, eps);
      }
      rows.push_back(row);
    }

    if (!s.json) print_table(n, rows);
  }

  if (s.json) std::printf("{\"type\":\"checksum\",\"value\":%.6g}\n", g_checksum);
  else std::printf("\nchecksum %.6g\n", g_checksum);
  return 0;
}
