// bench_activations.cpp — throughput of every activation kernel (f and f') and of softmax,
// on the scalar and the SIMD back end, in elements per second.
//
// The same file builds natively (SSE2) and for Node (wasm SIMD128); it uses no Emscripten
// header, only the C++ standard library and the engine's public API. It is a command, never
// a test: `npm run bench` runs it on both targets (web/bench/run.mjs) next to plain JS and
// TensorFlow.js.
//
//   actlab_bench [--json] [--quick] [--no-before] [--rounds N] [--filter NAME]
//   actlab_bench --train [--json] [--quick] [--rounds N]   training benchmark (bench_train.cpp)
//   actlab_bench --ulp DIR   max ULP of a peer's outputs in DIR/<id>.f32 and of ours (run_ulp)
//   actlab_bench --once [NAME]   each kernel once, untimed, for callgrind (run_once)
//   actlab_bench --expr [--json] [--quick]    typed expressions vs built-in kernels (bench_expr.cpp)
//     --json     one JSON object per line (what web/bench/run.mjs reads)
//     --quick    short rounds, for a smoke run
//     --rounds   timed rounds per measurement (default 5; run.mjs runs 2 passes of 3)
//     --filter   only ids containing NAME ("softmax" also matches log_softmax and the _row10 rows)
//     --no-before  skip the old kernels' "before" measurements
//
// Method, per (activation, f or f', back end, n): inputs are n pseudo-random floats on [-6, 6]
// from a fixed-seed LCG; warm up, then time 5 rounds of repeated calls, each lasting at least
// 60 ms, reading the clock once per ~1 ms slice of calls; report the best slice (see measure()).
// Softmax works on rows of 1024 logits, which divides both sizes, so every peer
// (web/bench/measure.mjs draws the same inputs in JS) sees the same rows; softmax_row10 and
// log_softmax_row10 on rows of 10 over the first n - n % 10 inputs.
// A few outputs of every call are summed into a checksum printed at the end, so no call can be
// optimised away.
// Kernels that issue 14 rewrote (sigmoid, Swish, the f' of ELU/SELU/softplus, softmax and
// log-softmax) are also timed in their old form (before_kernels.hpp, SIMD back end only) and
// printed with "variant":"before", so before/after come from the same run; --no-before skips them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "before_kernels.hpp"
#include "ceiling_kernels.hpp"
#include "prev_kernels.hpp"
#include "timing.hpp"

#include "actlab/activations/accuracy.hpp"
#include "actlab/activations/registry.hpp"
#include "actlab/activations/softmax.hpp"

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kSizes[] = {4096, std::size_t{1} << 20};
constexpr std::size_t kSoftmaxRow = 1024;
constexpr std::size_t kShortRow = 10;

struct Settings {
  bool json = false;
  bool quick = false;
  std::string filter;
  bool before = true;       // also time the old kernels (before_kernels.hpp)
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

// The timed input and output arrays live in one block, y starting kSkew floats (2 KiB) after x's
// end, so that y - x is the same modulo 4 KiB on both targets. Two separate vectors are not: glibc
// maps each 4 MiB array at the same page offset (y - x = 0 mod 4096) while Emscripten's heap puts
// the second 16 bytes further (16 mod 4096), and there every store to y[i] "4K-aliases" the load of
// x[i + 4] after it (the CPU compares the low 12 address bits): identity @1 Mi measured 0.76x
// wasm/native from the placement alone. Both targets now see the same 2 KiB offset.
constexpr std::size_t kSkew = 512;

struct View {  // n floats inside a Placed block, with the vector calls the timing code uses
  float* p;
  std::size_t n;
  float* data() const { return p; }
  std::size_t size() const { return n; }
  float* begin() const { return p; }
  float* end() const { return p + n; }
  float& operator[](std::size_t i) const { return p[i]; }
};

struct Placed {
  std::vector<float> block;
  View x, y;
};

Placed place(const std::vector<float>& in) {
  const std::size_t n = in.size();
  Placed a{std::vector<float>(2 * n + kSkew), {}, {}};
  a.x = {a.block.data(), n};
  a.y = {a.block.data() + n + kSkew, n};
  std::copy(in.begin(), in.end(), a.x.p);
  return a;
}

// Sums a few outputs of every timed call; printed at the end so no call is dead code.
double g_checksum = 0.0;

template <class Floats> void consume(const Floats& y) {
  const std::size_t n = y.size();
  double s = static_cast<double>(y[0]) + y[n / 2] + y[n - 1];
  if (std::isfinite(s)) g_checksum += s;
}

// Elements per second of `call` (one pass over n elements), timed as timing.hpp describes.
double measure(const Settings& s, std::size_t n, const std::function<void()>& call) {
  const actlab::bench::Timing t{s.round_ms, s.warmup_ms, s.slice_ms, s.rounds};
  return static_cast<double>(n) / actlab::bench::seconds_per_call(t, call);
}

// Softmax (or log-softmax) over consecutive rows of `row` logits covering all n inputs; `before`
// runs the old SIMD kernel (before_kernels.hpp) instead of the engine's.
template <class In, class Out>
void softmax_rows(const In& x, Out& y, bool log, actlab::Backend b, std::size_t row, bool before = false) {
  namespace old = actlab::bench::before;
  const std::size_t n = x.size();  // a multiple of row
  if (!before) {
    // One call for the whole matrix, as a tfjs user passes one 2-D tensor.
    if (log) actlab::log_softmax_rows(x.data(), y.data(), n / row, row, 1.0f, b);
    else actlab::softmax_rows(x.data(), y.data(), n / row, row, 1.0f, b);
    return;
  }
  for (std::size_t at = 0; at < n; at += row) {  // the old engine had only the one-row call
    if (log) old::log_softmax<actlab::simd::Native>(x.data() + at, y.data() + at, row);
    else old::softmax<actlab::simd::Native>(x.data() + at, y.data() + at, row);
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
  double before[2] = {0, 0};  // f, f' SIMD of the old kernel (0: unchanged)
  bool has_df = true;
};

void print_result(const Settings& s, std::string_view id, const char* kind, actlab::Backend b,
                  std::size_t n, double eps, bool before = false, const char* variant = nullptr) {
  if (before) variant = "before";
  if (!s.json) return;
  std::printf("{\"type\":\"result\",\"target\":\"%s\",\"id\":%s,\"kind\":\"%s\",\"backend\":\"%s\","
              "\"n\":%zu,\"meps\":%.3f%s}\n",
              target_name(), quoted(id).c_str(), kind,
              b == actlab::Backend::Scalar ? "scalar" : "simd", n, eps * 1e-6,
              variant ? (std::string(",\"variant\":\"") + variant + "\"").c_str() : "");
  std::fflush(stdout);
}

void print_table(std::size_t n, const std::vector<Row>& rows) {
  std::printf("\n%s, n = %zu, M elements/s\n", target_name(), n);
  std::printf("%-14s %10s %10s %7s   %10s %10s %7s   %10s %10s\n", "activation", "f scalar", "f simd", "x",
              "f' scalar", "f' simd", "x", "f before", "f' before");
  for (const Row& r : rows) {
    std::printf("%-14s %10.1f %10.1f %6.2fx", r.id.c_str(), r.f[0], r.f[1], r.f[1] / r.f[0]);
    if (r.has_df)
      std::printf("   %10.1f %10.1f %6.2fx", r.df[0], r.df[1], r.df[1] / r.df[0]);
    else
      std::printf("   %10s %10s %7s", "-", "-", "-");
    for (double b : r.before) {
      if (b > 0) std::printf("   %10.1f", b);
      else std::printf("   %10s", "-");
    }
    std::printf("\n");
  }
  std::fflush(stdout);
}

bool wanted(const Settings& s, std::string_view id) {
  return s.filter.empty() || id.find(s.filter) != std::string_view::npos;
}

int usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [--json] [--quick] [--no-before] [--rounds N] [--filter NAME]\n", argv0);
  return 2;
}

}  // namespace

int run_train_bench(int argc, char** argv);  // bench_train.cpp
int run_expr_bench(int argc, char** argv);   // bench_expr.cpp

namespace {

// Max ULP error of `got` against the double reference `ref`, over the inputs whose true result is
// a normal float (the rule of accuracy.cpp and README's table); `bad` counts the others that are
// wrong: a NaN/Inf where the truth is not (or the other way round), or a normal-sized result where
// the truth underflows.
struct UlpMax {
  double max = 0;
  std::size_t bad = 0;
  // floored: log-softmax's rule (accuracy.cpp): ulps of max(|ref|, 2^-10), since its outputs
  // near 0 matter in absolute terms.
  void add(float got, double ref, bool floored = false) {
    const double fmin = double(std::numeric_limits<float>::min());
    if (std::isnan(ref) || std::isinf(ref) || std::isnan(got) || std::isinf(got)) {
      if (actlab::ulp_error(got, ref) != 0.0) ++bad;
    } else if (floored) {
      max = std::max(max, std::fabs(double(got) - ref) / actlab::ulp_at(std::max(std::fabs(ref), 0x1p-10)));
    } else if (ref == 0 || std::fabs(ref) < fmin) {
      if (std::fabs(double(got) - ref) > fmin) ++bad;
    } else {
      max = std::max(max, actlab::ulp_error(got, ref));
    }
  }
};

void print_ulp(std::string_view id, std::size_t n, const UlpMax& ours, const UlpMax& peer, const UlpMax* before) {
  std::printf("{\"type\":\"ulp\",\"id\":%s,\"n\":%zu,\"ours\":%.3f,\"ours_bad\":%zu,\"peer\":%.3f,\"peer_bad\":%zu",
              quoted(id).c_str(), n, ours.max, ours.bad, peer.max, peer.bad);
  if (before) std::printf(",\"before\":%.3f,\"before_bad\":%zu", before->max, before->bad);
  std::printf("}\n");
}

// actlab_bench --once [NAME]: every kernel (SIMD; f, f', and the "before" kernels) called exactly
// once on the 1M inputs, untimed: under `valgrind --tool=callgrind` each run_batch<...> function's
// instruction count divided by 1,048,576 is its instructions per element, repeatable on a busy
// machine (docs/benchmarks.md).
int run_once(std::string_view filter) {
  const std::size_t n = kSizes[1];
  const std::vector<float> x = make_inputs(n);
  std::vector<float> y(n);
  for (const actlab::Activation& a : actlab::activations()) {
    if (!filter.empty() && std::string_view(a.id).find(filter) == std::string_view::npos) continue;
    float p[actlab::kMaxParams];
    a.default_params(p);
    const actlab::bench::before::Kernels old = actlab::bench::before::lookup(a.id);
    for (int d = 0; d < 2; ++d) {
      a.apply(x.data(), y.data(), n, d == 1, p, actlab::Backend::Simd);
      consume(y);
      if (old.f) (d ? old.df : old.f)(x.data(), y.data(), n, p);
      consume(y);
    }
  }
  for (std::size_t row : {kSoftmaxRow, kShortRow}) {
    const std::size_t m = n - n % row;
    std::vector<float> xr(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(m)), yr(m);
    for (bool log : {false, true}) {
      if (!filter.empty() && std::string(log ? "log_softmax" : "softmax").find(filter) == std::string::npos) continue;
      for (bool before : {false, true}) {
        softmax_rows(xr, yr, log, actlab::Backend::Simd, row, before);
        consume(yr);
      }
    }
  }
  std::printf("checksum %.6g\n", g_checksum);
  return 0;
}

bool read_floats(const std::string& path, std::vector<float>& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::size_t got = std::fread(out.data(), sizeof(float), out.size(), f);
  std::fclose(f);
  return got == out.size();
}

// actlab_bench --ulp DIR: for every DIR/<id>.f32 a peer wrote (its f on the benchmark's largest
// input set, web/bench/tfjs.mjs), the peer's and the engine's max ULP against the engine's double
// reference on those same inputs, one JSON line per id.
int run_ulp(const std::string& dir) {
  const std::size_t n = kSizes[1];
  const std::vector<float> x = make_inputs(n);
  std::vector<float> peer(n), ours(n), prev(n);
  for (const actlab::Activation& a : actlab::activations()) {
    if (!read_floats(dir + "/" + a.id + ".f32", peer)) continue;
    float p[actlab::kMaxParams];
    a.default_params(p);
    const double pd[actlab::kMaxParams] = {p[0], p[1]};
    a.apply(x.data(), ours.data(), n, false, p, actlab::Backend::Simd);
    const actlab::bench::before::Kernels old = actlab::bench::before::lookup(a.id);
    if (old.f) old.f(x.data(), prev.data(), n, p);
    UlpMax up, uo, ub;
    for (std::size_t i = 0; i < n; ++i) {
      const double ref = a.ref_f(double(x[i]), pd);
      up.add(peer[i], ref);
      uo.add(ours[i], ref);
      if (old.f) ub.add(prev[i], ref);
    }
    print_ulp(a.id, n, uo, up, old.f ? &ub : nullptr);
  }
  for (std::size_t row : {kSoftmaxRow, kShortRow}) {
    for (bool log : {false, true}) {
      const std::string id = std::string(log ? "log_softmax" : "softmax") + (row == kShortRow ? "_row10" : "");
      const std::size_t m = n - n % row;
      std::vector<float> pr(m);
      if (!read_floats(dir + "/" + id + ".f32", pr)) continue;
      std::vector<float> xr(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(m)), yr(m), yb(m);
      softmax_rows(xr, yr, log, actlab::Backend::Simd, row);
      softmax_rows(xr, yb, log, actlab::Backend::Simd, row, true);
      std::vector<double> zd(row), ref(row);
      UlpMax up, uo, ub;
      for (std::size_t at = 0; at < m; at += row) {
        for (std::size_t k = 0; k < row; ++k) zd[k] = xr[at + k];
        if (log) actlab::log_softmax_ref(zd.data(), ref.data(), row, 1.0);
        else actlab::softmax_ref(zd.data(), ref.data(), row, 1.0);
        for (std::size_t k = 0; k < row; ++k) {
          // log-softmax: absolute error near 0 matters; floored at 2^-10 as in accuracy.cpp.
          const double r = ref[k];
          up.add(pr[at + k], r, log);
          uo.add(yr[at + k], r, log);
          ub.add(yb[at + k], r, log);
        }
      }
      print_ulp(id, m, uo, up, &ub);
      if (!log && row == kSoftmaxRow) {  // the bench-only ceiling variant's accuracy
        UlpMax uc;
        for (std::size_t at = 0; at < m; at += row) {
          actlab::bench::ceiling::softmax<actlab::simd::Native>(xr.data() + at, yb.data() + at, row);
          for (std::size_t k = 0; k < row; ++k) zd[k] = xr[at + k];
          actlab::softmax_ref(zd.data(), ref.data(), row, 1.0);
          for (std::size_t k = 0; k < row; ++k) uc.add(yb[at + k], ref[k]);
        }
        std::printf("{\"type\":\"ulp-ceiling\",\"id\":\"softmax\",\"n\":%zu,\"max\":%.3f,\"bad\":%zu}\n", m, uc.max, uc.bad);
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--train") return run_train_bench(argc, argv);
    if (std::string_view(argv[i]) == "--ulp" && i + 1 < argc) return run_ulp(argv[i + 1]);
    if (std::string_view(argv[i]) == "--once") return run_once(i + 1 < argc ? argv[i + 1] : "");
    if (std::string_view(argv[i]) == "--expr") return run_expr_bench(argc, argv);
  }
  Settings s;
  int rounds = 0;  // 0: the default of the mode
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--json") s.json = true;
    else if (a == "--quick") s.quick = true;
    else if (a == "--no-before") s.before = false;
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
    Placed arrays = place(make_inputs(n));
    const View& x = arrays.x;
    View& y = arrays.y;
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
        const actlab::bench::before::Kernels old = actlab::bench::before::lookup(a.id);
        if (s.before && old.f) {
          float p[actlab::kMaxParams];
          a.default_params(p);
          const double eps = measure(s, n, [&] {
            (d ? old.df : old.f)(x.data(), y.data(), n, p);
            consume(y);
          });
          row.before[d] = eps * 1e-6;
          print_result(s, a.id, d ? "df" : "f", actlab::Backend::Simd, n, eps, true);
        }
      }
      rows.push_back(row);
    }

    // Softmax rows of 1024, and short rows of 10 (a classifier's output layer) over the first
    // n - n % 10 inputs; the row's elements/s are counted over the elements it covers.
    for (std::size_t row_len : {kSoftmaxRow, kShortRow}) {
      const std::size_t m = n - n % row_len;
      Placed rows_arrays = place(std::vector<float>(x.begin(), x.begin() + m));
      const View& xr = rows_arrays.x;
      View& yr = rows_arrays.y;
      for (bool log : {false, true}) {
        const std::string id = std::string(log ? "log_softmax" : "softmax") + (row_len == kShortRow ? "_row10" : "");
        if (!wanted(s, id)) continue;
        Row row{id};
        row.has_df = false;
        for (int bi = 0; bi < (s.before ? 3 : 2); ++bi) {
          const bool before = bi == 2;  // the old SIMD kernel
          const actlab::Backend b = before ? actlab::Backend::Simd : backends[bi];
          const double eps = measure(s, m, [&] {
            softmax_rows(xr, yr, log, b, row_len, before);
            consume(yr);
          });
          (before ? row.before[0] : row.f[bi]) = eps * 1e-6;
          print_result(s, id, "f", b, n, eps, before);
        }
        rows.push_back(row);
      }
    }
    // The ceiling of softmax over rows of 1024 without the exact z - m (ceiling_kernels.hpp).
    if (s.before && wanted(s, "softmax")) {
      const double eps = measure(s, n, [&] {
        for (std::size_t at = 0; at < n; at += kSoftmaxRow)
          actlab::bench::ceiling::softmax<actlab::simd::Native>(x.data() + at, y.data() + at, kSoftmaxRow);
        consume(y);
      });
      print_result(s, "softmax", "f", actlab::Backend::Simd, n, eps, false, "ceiling");
      if (!s.json) std::printf("softmax without the exact z - m (ceiling_kernels.hpp), n = %zu: %.1f M elements/s\n", n, eps * 1e-6);
    }
    // Kernels as they were before their latest speed change (prev_kernels.hpp, SIMD back end),
    // timed beside the engine's in the same run: variant "prev".
    if (s.before && wanted(s, "softmax")) {
      const double eps = measure(s, n, [&] {
        for (std::size_t at = 0; at + kSoftmaxRow <= n; at += kSoftmaxRow)
          actlab::bench::prev::softmax<actlab::simd::Native>(x.data() + at, y.data() + at, kSoftmaxRow);
        consume(y);
      });
      print_result(s, "softmax", "f", actlab::Backend::Simd, n, eps, false, "prev");
      if (!s.json) std::printf("softmax as at 749254b, exact z - m (prev_kernels.hpp), n = %zu: %.1f M elements/s\n", n, eps * 1e-6);
    }
    if (s.before && wanted(s, "hard_swish")) {
      const float no_params[2] = {0.0f, 0.0f};
      for (int d = 0; d < 2; ++d) {
        const double eps = measure(s, n, [&] {
          (d ? &actlab::act::run_batch<actlab::simd::Native, actlab::bench::prev::HardSwish, true>
             : &actlab::act::run_batch<actlab::simd::Native, actlab::bench::prev::HardSwish, false>)(x.data(), y.data(), n, no_params);
          consume(y);
        });
        print_result(s, "hard_swish", d ? "df" : "f", actlab::Backend::Simd, n, eps, false, "prev");
        if (!s.json) std::printf("hard_swish%s as at ab546a9 (prev_kernels.hpp), n = %zu: %.1f M elements/s\n", d ? "'" : "", n, eps * 1e-6);
      }
    }

    if (!s.json) print_table(n, rows);
  }

  if (s.json) std::printf("{\"type\":\"checksum\",\"value\":%.6g}\n", g_checksum);
  else std::printf("\nchecksum %.6g\n", g_checksum);
  return 0;
}
