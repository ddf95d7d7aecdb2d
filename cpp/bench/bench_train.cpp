// bench_train.cpp — `actlab_bench --train`: training throughput of the engine's MLP trainer, one
// playground frame, and the dense forward GEMM against this machine's 128-bit non-FMA peak.
// Same source natively (SSE2) and for Node (wasm SIMD128); web/bench/train.mjs runs both and
// times TensorFlow.js on the same shapes.
//
//   actlab_bench --train [--json] [--quick] [--reference] [--rounds N]
//   (--reference: the dataset shapes on the kernels as they were before issue 9,
//    Network::set_reference_path; the same bits, for a before/after of every row)
//
// Shapes (SGD, mean loss over the batch, the head's matching loss):
//   2-8-8-1          circle, 250 training samples, tanh, sigmoid + BCE, batch 16; one call = one epoch
//   2-8-8-8-8-8-8-1  the same with six tanh layers of 8
//   64-32-10         digits (public/data/digits8x8.bin, 70% = 1,257 training samples), relu,
//                    softmax + CE, batch 32; one call = one epoch
//   784-128-64-10    relu, softmax + CE, batch 32 of fixed pseudo-random inputs on [0, 1) and
//                    labels; one call = one step (forward, loss, backward, divergence checks, update)
//   2-8-8-1 sigmoid  the first shape with sigmoid hidden layers
//   64-32-10 swish   the digits shape with a Swish hidden layer
// The first three go through Trainer::run_epoch (shuffle, gather, step: what the page runs); the
// last through Network/OptimizerState with the same checks as Trainer::step.
//
// Frame: one 2-8-8-1 epoch plus a 100×100 decision grid (Trainer::decision_grid), what the
// playground computes per animation frame.
//
// GEMM: kernels::forward at batch 32, 784 → 128 (2·32·784·128 flops per call). Peak: the faster
// of two register-only loops of 12 independent 4-lane chains (see register_flops: mul+add per
// chain, or mul and add chains side by side; no FMA, written on the SIMD vocabulary), so the
// ratio is "share of what two-rounding 128-bit arithmetic reaches on this core", same run.
//
// Timing as in bench_activations.cpp: warm up, then the best ~1 ms slice of R rounds.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "timing.hpp"

#include "actlab/data/csv.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/nn/views.hpp"
#include "actlab/simd/simd.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Ms = std::chrono::duration<double, std::milli>;

using actlab::bench::seconds_per_call;
// The training bench's rounds are longer than the activation bench's (whole epochs per call).
struct Timing : actlab::bench::Timing {
  Timing() : actlab::bench::Timing{150.0, 40.0, 2.0, 3} {}
  Timing(double round, double warmup, double slice, int rounds) : actlab::bench::Timing{round, warmup, slice, rounds} {}
};

const char* target_name() {
#if defined(__wasm__)
  return "wasm";
#else
  return "native";
#endif
}

double g_checksum = 0.0;
bool g_reference = false;  // --reference: every shape on the reference (pre-issue-9) kernels
void consume(double v) {
  if (std::isfinite(v)) g_checksum += v;
}

std::vector<std::uint8_t> read_digits() {
  for (const char* path : {"public/data/digits8x8.bin", "../../public/data/digits8x8.bin"}) {
    std::ifstream f(path, std::ios::binary);
    if (f.good()) return {std::istreambuf_iterator<char>(f), {}};
  }
  return {};
}

std::string hidden_json(int layers, int units, const char* act) {
  std::string s = "[";
  for (int k = 0; k < layers; ++k)
    s += std::string(k ? "," : "") + "{\"units\":" + std::to_string(units) + ",\"activation\":\"" + act + "\"}";
  return s + "]";
}

struct Result {
  std::string shape;
  int batch = 0;
  double samples_per_call = 0, seconds = 0;
};

void print_train(bool json, const Result& r, const char* note) {
  const double sps = r.samples_per_call / r.seconds;
  if (json)
    std::printf("{\"type\":\"train\",\"target\":\"%s\",\"shape\":\"%s\",\"batch\":%d,\"samples_per_call\":%g,"
                "\"samples_per_s\":%.1f}\n", target_name(), r.shape.c_str(), r.batch, r.samples_per_call, sps);
  else
    std::printf("%-18s batch %3d  %12.0f samples/s   (%s)\n", r.shape.c_str(), r.batch, sps, note);
  std::fflush(stdout);
}

// One epoch per call of a configured Trainer.
Result bench_epochs(const Timing& t, const std::string& shape, const std::string& config, int batch,
                    const std::vector<std::uint8_t>& digits) {
  actlab::nn::Trainer tr;
  tr.set_digits_bytes(digits);
  if (std::string e = tr.configure_json(config); !e.empty()) {
    std::fprintf(stderr, "actlab_bench --train: %s: %s\n", shape.c_str(), e.c_str());
    std::exit(1);
  }
  tr.network().set_reference_path(g_reference);
  const double n = static_cast<double>(tr.dataset().n_train());
  const double s = seconds_per_call(t, [&] {
    if (!tr.run_epoch()) {
      std::fprintf(stderr, "actlab_bench --train: %s diverged\n", shape.c_str());
      std::exit(1);
    }
    consume(tr.last_epoch_loss());
  });
  return {shape, batch, n, s};
}

// 784-128-64-10: one step per call on a fixed batch, with the trainer's divergence checks.
Result bench_mnist_shape(const Timing& t) {
  using namespace actlab::nn;
  constexpr int kIn = 784, kOut = 10, kBatch = 32;
  NetSpec spec;
  spec.hidden = {HiddenSpec{128, "relu"}, HiddenSpec{64, "relu"}};
  spec.init = Init::He;
  Network net;
  if (std::string e = net.build(spec, kIn, kOut, Head::SoftmaxCe); !e.empty()) {
    std::fprintf(stderr, "actlab_bench --train: 784-128-64-10: %s\n", e.c_str());
    std::exit(1);
  }
  TrainSpec ts;
  ts.optimizer = Optimizer::Sgd;
  ts.learning_rate = 0.01f;
  ts.batch = kBatch;
  OptimizerState opt;
  opt.reset(ts, net);
  std::vector<float> X(static_cast<std::size_t>(kBatch) * kIn), y(kBatch);
  std::uint32_t state = 0x5EEDu;
  auto unit = [&] { state = state * 1664525u + 1013904223u; return static_cast<float>(state >> 8) * 0x1p-24f; };
  for (float& v : X) v = unit();
  for (float& v : y) v = static_cast<float>(static_cast<int>(unit() * 10.0f));
  actlab::probes::Divergence div;
  const double s = seconds_per_call(t, [&] {
    net.forward(X.data(), kBatch);
    const double L = net.loss(y.data(), kBatch, nullptr);
    net.backward(X.data(), y.data(), kBatch, Regularization::None, 0.0f);
    if (actlab::probes::check_pass(net, X.data(), kBatch, L, ts.learning_rate, div)) std::exit(1);
    opt.step(net);
    if (actlab::probes::check_weights(net, ts.learning_rate, div)) std::exit(1);
    consume(L);
  });
  return {"784-128-64-10", kBatch, kBatch, s};
}

// Register-only 4-lane arithmetic on the SIMD vocabulary, flops per second (a vector mul or add
// counts width flops). Two loops, each of kChains independent dependency chains:
//   fused: x_c ← x_c·m + a         (mul then add per chain, like the GEMM's y + s·x)
//   split: x_c ← x_c·m (c even), x_c ← x_c + a (c odd), with m = 1 and a = 0 read at run time
// The peak is the faster of the two. Values stay normal and finite (the fused chains converge to
// a/(1 − m) = 0.5; the split ones do not move).
template <class B, bool kFused>
double register_flops(const Timing& t) {
  constexpr int kChains = 12;
  constexpr long kIters = 4096;
  alignas(16) float seed[kChains][B::width];
  for (int c = 0; c < kChains; ++c)
    for (int l = 0; l < B::width; ++l) seed[c][l] = 0.5f + 0.01f * static_cast<float>(c * B::width + l);
  volatile float mv = kFused ? 0.999f : 1.0f, av = kFused ? 0.0005f : 0.0f;
  const double s = seconds_per_call(t, [&] {
    const typename B::F m = B::splat(mv), a = B::splat(av);
    typename B::F x[kChains];
#pragma GCC unroll 16
    for (int c = 0; c < kChains; ++c) x[c] = B::load(seed[c]);
    for (long i = 0; i < kIters; ++i) {
#pragma GCC unroll 16
      for (int c = 0; c < kChains; ++c) {
        if constexpr (kFused) x[c] = B::add(B::mul(x[c], m), a);
        else x[c] = (c % 2 == 0) ? B::mul(x[c], m) : B::add(x[c], a);
      }
    }
#pragma GCC unroll 16
    for (int c = 0; c < kChains; ++c) B::store(seed[c], x[c]);
  });
  consume(seed[0][0]);
  return (kFused ? 2.0 : 1.0) * kChains * B::width * kIters / s;
}

double gemm_flops(const Timing& t) {
  constexpr int kB = 32, kIn = 784, kOut = 128;
  std::vector<float> X(static_cast<std::size_t>(kB) * kIn), W(static_cast<std::size_t>(kIn) * kOut), b(kOut), Z(static_cast<std::size_t>(kB) * kOut);
  std::uint32_t state = 0x5EEDu;
  auto unit = [&] { state = state * 1664525u + 1013904223u; return static_cast<float>(state >> 8) * 0x1p-24f; };
  for (float& v : X) v = unit();
  for (float& v : W) v = unit() - 0.5f;
  for (float& v : b) v = unit();
  const double s = seconds_per_call(t, [&] {
    actlab::nn::kernels::forward<actlab::simd::Native>(X.data(), kB, kIn, kOut, W.data(), b.data(), Z.data());
    consume(Z[0] + Z[Z.size() - 1]);
  });
  return 2.0 * kB * kIn * kOut / s;
}

// Issue 9: a configured Trainer timed on its fast paths and on the reference (generic, pre-issue-9)
// kernels, alternating round by round in the same process, so the ratio is measured under the
// same load. Both trainers start from the same config; each keeps training from where it was.
struct Pair {
  double fast_s = INFINITY, reference_s = INFINITY;
};
template <class Call>
Pair fast_vs_reference(const Timing& t, actlab::nn::Trainer& fast, actlab::nn::Trainer& ref, Call call) {
  ref.network().set_reference_path(true);
  Timing one = t;
  one.rounds = 1;
  Pair p;
  for (int r = 0; r < t.rounds; ++r) {
    p.reference_s = std::min(p.reference_s, seconds_per_call(one, [&] { call(ref); }));
    p.fast_s = std::min(p.fast_s, seconds_per_call(one, [&] { call(fast); }));
  }
  return p;
}

void configure_or_exit(actlab::nn::Trainer& tr, const std::string& shape, const std::string& config) {
  if (std::string e = tr.configure_json(config); !e.empty()) {
    std::fprintf(stderr, "actlab_bench --train: %s: %s\n", shape.c_str(), e.c_str());
    std::exit(1);
  }
}

// Flops of one SGD training sample through dense layers `sizes` (multiply and add counted as 2):
// forward 2·in·out per layer, weight gradients 2·in·out, input gradients 2·in·out for every layer
// but the first; activations, loss and the update are not counted (they are not mul+add work).
double train_flops_per_sample(const std::vector<int>& sizes) {
  double f = 0;
  for (std::size_t k = 0; k + 1 < sizes.size(); ++k) f += (k == 0 ? 4.0 : 6.0) * sizes[k] * sizes[k + 1];
  return f;
}

}  // namespace

int run_train_bench(int argc, char** argv) {
  bool json = false;
  Timing t;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--train") continue;
    if (a == "--json") json = true;
    else if (a == "--quick") t = Timing{30.0, 10.0, 1.0, 2};
    else if (a == "--reference") g_reference = true;
    else if (a == "--rounds" && i + 1 < argc) t.rounds = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: %s --train [--json] [--quick] [--reference] [--rounds N]\n", argv[0]);
      return 2;
    }
  }
  const std::vector<std::uint8_t> digits = read_digits();
  if (digits.empty()) {
    std::fprintf(stderr, "actlab_bench --train: public/data/digits8x8.bin not found (run from the repository root)\n");
    return 1;
  }
  if (json) std::printf("{\"type\":\"train-meta\",\"target\":\"%s\",\"rounds\":%d,\"round_ms\":%g,\"slice_ms\":%g}\n",
                        target_name(), t.rounds, t.round_ms, t.slice_ms);
  else std::printf("actlab_bench --train: target %s, best ~%g ms slice of %d rounds of >= %g ms\n", target_name(),
                   t.slice_ms, t.rounds, t.round_ms);

  const std::string sgd = R"("training":{"optimizer":"sgd","learning_rate":0.03,"batch":)";
  const std::string circle = R"({"dataset":{"name":"circle","samples":500,"train_ratio":0.5},"network":{"hidden":)";
  print_train(json, bench_epochs(t, "2-8-8-1", circle + hidden_json(2, 8, "tanh") + "}," + sgd + "16}}", 16, digits), "epoch of 250");
  print_train(json, bench_epochs(t, "2-8-8-8-8-8-8-1", circle + hidden_json(6, 8, "tanh") + "}," + sgd + "16}}", 16, digits), "epoch of 250");
  print_train(json, bench_epochs(t, "64-32-10", R"({"dataset":{"name":"digits","train_ratio":0.7},"network":{"hidden":)" +
                                     hidden_json(1, 32, "relu") + "}," + sgd + "32}}", 32, digits), "epoch of 1257");
  print_train(json, bench_mnist_shape(t), "one step");
  // Issue 14: hidden layers on the rewritten kernels (sigmoid, Swish), f and f' through the
  // trainer's fused apply_both path.
  print_train(json, bench_epochs(t, "2-8-8-1 sigmoid", circle + hidden_json(2, 8, "sigmoid") + "}," + sgd + "16}}", 16, digits), "epoch of 250");
  print_train(json, bench_epochs(t, "64-32-10 swish", R"({"dataset":{"name":"digits","train_ratio":0.7},"network":{"hidden":)" +
                                     hidden_json(1, 32, "swish") + "}," + sgd + "32}}", 32, digits), "epoch of 1257");

  // One playground frame: a 2-8-8-1 epoch, then a 100x100 grid.
  {
    actlab::nn::Trainer tr;
    tr.configure_json(circle + hidden_json(2, 8, "tanh") + "}," + sgd + "16}}");
    std::vector<float> grid(100 * 100);
    const double epoch_s = seconds_per_call(t, [&] { tr.run_epoch(); consume(tr.last_epoch_loss()); });
    const double grid_s = seconds_per_call(t, [&] { tr.decision_grid(100, -6, 6, -6, 6, grid.data()); consume(grid[5050]); });
    const double frame_s = seconds_per_call(t, [&] {
      tr.run_epoch();
      tr.decision_grid(100, -6, 6, -6, 6, grid.data());
      consume(grid[5050]);
    });
    if (json)
      std::printf("{\"type\":\"frame\",\"target\":\"%s\",\"epoch_ms\":%.4f,\"grid_ms\":%.4f,\"frame_ms\":%.4f}\n", target_name(),
                  epoch_s * 1e3, grid_s * 1e3, frame_s * 1e3);
    else
      std::printf("frame: epoch %.3f ms + grid 100x100 %.3f ms; together %.3f ms\n", epoch_s * 1e3, grid_s * 1e3, frame_s * 1e3);
  }

  // Issue 9: the 2-8-8-1 tanh epoch at batch 10 (TF Playground's default), fast vs reference.
  {
    const std::string cfg = circle + hidden_json(2, 8, "tanh") + "}," + sgd + "10}}";
    actlab::nn::Trainer fast, ref;
    configure_or_exit(fast, "2-8-8-1 b10", cfg);
    configure_or_exit(ref, "2-8-8-1 b10", cfg);
    const Pair p = fast_vs_reference(t, fast, ref, [](actlab::nn::Trainer& tr) {
      if (!tr.run_epoch()) std::exit(1);
      consume(tr.last_epoch_loss());
    });
    const double n = static_cast<double>(fast.dataset().n_train()), flops = train_flops_per_sample({2, 8, 8, 1});
    if (json)
      std::printf("{\"type\":\"small\",\"target\":\"%s\",\"shape\":\"2-8-8-1 tanh\",\"batch\":10,\"samples_per_call\":%g,"
                  "\"fast_samples_per_s\":%.1f,\"reference_samples_per_s\":%.1f,\"flops_per_sample\":%g}\n",
                  target_name(), n, n / p.fast_s, n / p.reference_s, flops);
    else
      std::printf("2-8-8-1 tanh b10 epoch: %.0f samples/s fast, %.0f reference: %.2fx\n", n / p.fast_s, n / p.reference_s,
                  p.reference_s / p.fast_s);
  }
  // Issue 9: a playground frame of a 6 x 8 tanh network on 500 points (250 train, batch 10): one
  // epoch, the 100x100 output grid and every neuron's 100x100 thumbnail (neuron_grids), fast vs
  // reference, and the three parts alone (fast).
  {
    const std::string cfg = circle + hidden_json(6, 8, "tanh") + "}," + sgd + "10}}";
    actlab::nn::Trainer fast, ref;
    configure_or_exit(fast, "6x8 frame", cfg);
    configure_or_exit(ref, "6x8 frame", cfg);
    std::vector<float> grid(100 * 100), neurons(100 * 100 * actlab::nn::neuron_count(fast));
    auto frame = [&](actlab::nn::Trainer& tr) {
      tr.run_epoch();
      tr.decision_grid(100, -6, 6, -6, 6, grid.data());
      actlab::nn::neuron_grids(tr, 100, -6, 6, -6, 6, neurons.data(), neurons.size());
      consume(grid[5050] + neurons[5050]);
    };
    const Pair p = fast_vs_reference(t, fast, ref, frame);
    const double epoch_s = seconds_per_call(t, [&] { fast.run_epoch(); consume(fast.last_epoch_loss()); });
    const double grid_s = seconds_per_call(t, [&] { fast.decision_grid(100, -6, 6, -6, 6, grid.data()); consume(grid[5050]); });
    const double neurons_s = seconds_per_call(t, [&] {
      actlab::nn::neuron_grids(fast, 100, -6, 6, -6, 6, neurons.data(), neurons.size());
      consume(neurons[5050]);
    });
    // The frame as the playground draws it with frame_grids: the epoch, then the output grid and
    // every thumbnail from one forward pass (same bits as the two calls above).
    const double shared_s = seconds_per_call(t, [&] {
      fast.run_epoch();
      actlab::nn::frame_grids(fast, 100, -6, 6, -6, 6, grid.data(), grid.size(), neurons.data(), neurons.size());
      consume(grid[5050] + neurons[5050]);
    });
    if (json)
      std::printf("{\"type\":\"frame68\",\"target\":\"%s\",\"epoch_ms\":%.4f,\"grid_ms\":%.4f,\"neurons_ms\":%.4f,"
                  "\"frame_ms\":%.4f,\"reference_frame_ms\":%.4f,\"shared_frame_ms\":%.4f}\n",
                  target_name(), epoch_s * 1e3, grid_s * 1e3, neurons_s * 1e3, p.fast_s * 1e3, p.reference_s * 1e3, shared_s * 1e3);
    else
      std::printf("6x8 tanh frame: epoch %.3f ms + grid %.3f ms + %zu thumbnails %.3f ms; together %.3f ms (reference %.3f ms); "
                  "with frame_grids (one pass) %.3f ms\n",
                  epoch_s * 1e3, grid_s * 1e3, actlab::nn::neuron_count(fast), neurons_s * 1e3, p.fast_s * 1e3, p.reference_s * 1e3,
                  shared_s * 1e3);
  }

  // Issue 9: own points from a CSV of 10,000 rows (the most a set holds): the reader alone (what the
  // PointsCsv binding runs before one typed-array copy) and the reader plus the JSON answer the
  // binding built before (read_points_csv_json; the page then parsed it with JSON.parse).
  {
    std::vector<float> p;
    for (int i = 0; i < 10000; ++i) {
      p.push_back(static_cast<float>(i % 101) * 0.0493f - 2.49f);
      p.push_back(static_cast<float>(i / 101) * -0.0251f + 1.25f);
      p.push_back(static_cast<float>(i % 3));
    }
    const std::string text = actlab::data::write_points_csv(p.data(), 10000);
    const actlab::data::CsvOptions opts{false, 3, 10};
    Timing once{100.0, 20.0, 0.1, t.rounds};  // calls of 2-300 ms: best of several per round
    const double read_s = seconds_per_call(once, [&] { consume(actlab::data::read_points_csv(text, opts).rows); });
    const double json_s = seconds_per_call(once, [&] { consume(static_cast<double>(actlab::data::read_points_csv_json(text, opts).size())); });
    if (json)
      std::printf("{\"type\":\"csv\",\"target\":\"%s\",\"rows\":10000,\"read_ms\":%.3f,\"read_json_ms\":%.3f}\n", target_name(), read_s * 1e3,
                  json_s * 1e3);
    else
      std::printf("CSV of 10,000 rows: read %.3f ms; read + JSON answer %.3f ms\n", read_s * 1e3, json_s * 1e3);
  }

  {
    const double fused = register_flops<actlab::simd::Native, true>(t);
    const double split = register_flops<actlab::simd::Native, false>(t);
    const double peak = std::max(fused, split);
    const double gemm = gemm_flops(t);
    if (json)
      std::printf("{\"type\":\"gemm\",\"target\":\"%s\",\"m\":32,\"k\":784,\"n\":128,\"gflops\":%.3f,\"peak_gflops\":%.3f,"
                  "\"fused_gflops\":%.3f,\"split_gflops\":%.3f}\n",
                  target_name(), gemm * 1e-9, peak * 1e-9, fused * 1e-9, split * 1e-9);
    else
      std::printf("GEMM 32x784x128 forward: %.2f GFLOP/s; 128-bit mul+add peak %.2f GFLOP/s (fused chains %.2f, split %.2f); "
                  "%.0f%% of peak\n", gemm * 1e-9, peak * 1e-9, fused * 1e-9, split * 1e-9, 100.0 * gemm / peak);
  }
  if (json) std::printf("{\"type\":\"checksum\",\"value\":%.6g}\n", g_checksum);
  else std::printf("checksum %.6g\n", g_checksum);
  return 0;
}
