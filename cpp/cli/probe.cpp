// probe.cpp — `actlab probe <scan|depth|census|collapse|dying|fit1d>`: the lab's experiments as tables
// (or CSV with --csv). Each subcommand is a thin printer over cpp/actlab/probes/.
//
//   actlab probe scan [--activation all|ID,...] [--points 100] [--lo -5] [--hi 5] [--threshold 0.01] [--detail]
//   actlab probe depth [--activation sigmoid,tanh,relu,gelu] [--layers 50] [--width 32] [--init xavier]
//   actlab probe census [--activation relu,leaky_relu,elu,gelu] [--inputs 5] [--units 20] [--samples 1000]
//   actlab probe collapse [--sizes 2,8,8,8,1] [--samples 8] [--activation identity]
//   actlab probe dying [--activation relu,leaky_relu] [--lr 2] [--epochs 40] [--units 32 --layers 2] [--dataset circle]
//   actlab probe fit1d [--target sin|abs|step|bump] [--drawn v1,v2,...] [--activation relu,tanh] [--units 8] [--sweep] [--detail]
// Exit codes: 0 done, 2 bad input (the message names the flag and the accepted values).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/census.hpp"
#include "actlab/probes/collapse.hpp"
#include "actlab/probes/depth.hpp"
#include "actlab/probes/dying.hpp"
#include "actlab/probes/fit1d.hpp"
#include "actlab/probes/scan.hpp"
#include "actlab/util/args.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"
#include "numbers.hpp"

namespace actlab::cli {
namespace {

int fail(const std::string& msg) { return print_error("probe", msg); }
// A probe's message under its name, once ("scan: scan: ..." before).
int fail_in(const char* probe, const std::string& msg) {
  const std::string prefix = std::string(probe) + ":";
  return fail(msg.rfind(prefix, 0) == 0 ? msg : prefix + " " + msg);
}

// --activation: "all" or a comma list of registry ids (default `def`).
std::string activations_flag(const util::Args& a, const std::vector<std::string>& def, std::vector<const Activation*>& out) {
  std::vector<std::string> ids = def;
  if (a.has("activation")) {
    if (std::string e = a.get_list("activation", ids); !e.empty()) return e;
  }
  if (ids.size() == 1 && ids[0] == "all") {
    ids.clear();
    for (const Activation& x : activations()) ids.push_back(x.id);
  }
  for (const auto& id : ids) {
    const Activation* x = find_activation(id);
    if (!x) return "flag --activation: unknown activation " + util::quoted(id) + " (accepted: all, " + activation_ids() + ")";
    out.push_back(x);
  }
  return "";
}

// --param p0: applied to every activation that has a parameter; NaN = default.
std::string params_for(const util::Args& a, const Activation& act, float* p) {
  act.default_params(p);
  if (a.has("param") && act.param_count > 0) {
    double v = 0;
    if (std::string e = a.get_double("param", -100, 100, v); !e.empty()) return e;
    p[0] = static_cast<float>(v);
  }
  return "";
}

const std::vector<util::FlagSpec> kCommon = {{"activation", true, "comma list of activation ids, or all"},
                                              {"param", true, "first parameter (alpha/beta) where an activation has one"},
                                              {"csv", false, "print CSV instead of a table"},
                                              {"help", false, "this help"}};

std::vector<util::FlagSpec> with(std::vector<util::FlagSpec> extra) {
  extra.insert(extra.end(), kCommon.begin(), kCommon.end());
  return extra;
}

int scan(std::span<char* const> args) {
  util::Args a;
  auto specs = with({{"points", true, "points on [lo, hi] (2..100000, default 100)"},
                     {"lo", true, "range start (default -5)"},
                     {"hi", true, "range end (default 5)"},
                     {"threshold", true, "|f'| below this counts as dead (default 0.01)"},
                     {"detail", false, "print x, f(x), f'(x) for every point"}});
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("scan: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe scan [options]\n%s", a.help().c_str()), 0;
  int points = 100;
  double lo = -5, hi = 5, th = 0.01;
  std::vector<const Activation*> acts;
  for (std::string e : {a.get_int("points", 2, 100000, points), a.get_double("lo", -1e6, 1e6, lo), a.get_double("hi", -1e6, 1e6, hi),
                        a.get_double("threshold", 0, 1e6, th), activations_flag(a, {"all"}, acts)})
    if (!e.empty()) return fail("scan: " + e);
  if (!(hi > lo)) return fail("scan: flag --hi must be greater than --lo");
  const bool csv = a.has("csv"), detail = a.has("detail");
  if (csv) std::printf(detail ? "activation,x,f,df\n" : "activation,dead_share,min_abs_df,max_abs_df\n");
  else if (!detail) std::printf("gradient scan: %d points on [%g, %g], dead where |f'| < %g\n%-14s %9s %12s %12s\n", points, lo, hi, th,
                                "activation", "dead zone", "min |f'|", "max |f'|");
  for (const Activation* act : acts) {
    float p[kMaxParams];
    if (std::string e = params_for(a, *act, p); !e.empty()) return fail("scan: " + e);
    probes::ScanResult r;
    if (std::string e = probes::gradient_scan(*act, p, points, static_cast<float>(lo), static_cast<float>(hi), static_cast<float>(th), r);
        !e.empty())
      return fail_in("scan", e);
    if (detail) {
      if (!csv) std::printf("%s\n%12s %14s %14s\n", act->id, "x", "f(x)", "f'(x)");
      for (std::size_t i = 0; i < r.x.size(); ++i)
        std::printf(csv ? "%s,%.9g,%.9g,%.9g\n" : "%s%12.6g %14.7g %14.7g\n", csv ? act->id : "", r.x[i], r.f[i], r.df[i]);
    } else {
      std::printf(csv ? "%s,%.6f,%.9g,%.9g\n" : "%-14s %8.1f%% %12.4g %12.4g\n", act->id, csv ? r.dead_share : 100 * r.dead_share,
                  r.min_abs_df, r.max_abs_df);
    }
  }
  return 0;
}

int depth(std::span<char* const> args) {
  util::Args a;
  auto specs = with({{"layers", true, "depth N (1..1000, default 50)"},
                     {"width", true, "units per layer (1..1024, default 32)"},
                     {"samples", true, "random inputs (2..4096, default 64)"},
                     {"init", true, "xavier, he, lecun (default xavier)"},
                     {"seed", true, "seed (default 1)"},
                     {"threshold", true, "'effectively zero' below this (default 1e-3)"}});
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("depth: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe depth [options]\n%s", a.help().c_str()), 0;
  probes::DepthSpec s;
  std::string init = "xavier";
  std::vector<const Activation*> acts;
  double th = s.threshold;
  for (std::string e : {a.get_int("layers", 1, 1000, s.layers), a.get_int("width", 1, 1024, s.width), a.get_int("samples", 2, 4096, s.samples),
                        a.get_choice("init", {"xavier", "he", "lecun"}, init), a.get_seed("seed", s.seed),
                        a.get_double("threshold", 0, 1e6, th), activations_flag(a, {"sigmoid", "tanh", "relu", "gelu"}, acts)})
    if (!e.empty()) return fail("depth: " + e);
  s.threshold = static_cast<float>(th);
  s.init = init == "he" ? nn::Init::He : init == "lecun" ? nn::Init::Lecun : nn::Init::Xavier;
  std::vector<probes::DepthResult> rs(acts.size());
  for (std::size_t k = 0; k < acts.size(); ++k) {
    float p[kMaxParams];
    if (std::string e = params_for(a, *acts[k], p); !e.empty()) return fail("depth: " + e);
    if (std::string e = probes::depth_sweep(*acts[k], p, s, rs[k]); !e.empty()) return fail_in("depth", e);
  }
  const bool csv = a.has("csv");
  if (csv) {
    std::printf("layer");
    for (const Activation* x : acts) std::printf(",%s_signal,%s_mean_abs,%s_grad", x->id, x->id, x->id);
    std::printf("\n");
  } else {
    std::printf("depth sweep: %d layers x %d units, %s init, %d samples; signal = mean sd of a_l across samples, grad = mean |dL/dz_l|\n",
                s.layers, s.width, init.c_str(), s.samples);
    std::printf("%5s", "layer");
    for (const Activation* x : acts) std::printf("  %11.11s sig %11.11s grad", x->id, x->id);
    std::printf("\n");
  }
  for (int l = 0; l < s.layers; ++l) {
    std::printf(csv ? "%d" : "%5d", l + 1);
    for (const auto& r : rs) {
      if (csv) std::printf(",%.6g,%.6g,%.6g", r.signal[l], r.mean_abs[l], r.grad[l]);
      else std::printf("  %15.4e %16.4e", r.signal[l], r.grad[l]);
    }
    std::printf("\n");
  }
  if (!csv) {
    std::printf("\nfirst layer where the forward signal < %g (from the input) / the gradient < %g (from the output):\n", th, th);
    for (std::size_t k = 0; k < acts.size(); ++k)
      std::printf("  %-12s forward %s  backward %s\n", acts[k]->id,
                  rs[k].vanish_forward ? std::to_string(rs[k].vanish_forward).c_str() : "never",
                  rs[k].vanish_backward ? std::to_string(rs[k].vanish_backward).c_str() : "never");
  }
  return 0;
}

int census(std::span<char* const> args) {
  util::Args a;
  auto specs = with({{"inputs", true, "inputs of the layer (default 5)"},
                     {"units", true, "units of the layer (default 20)"},
                     {"samples", true, "random inputs (default 1000)"},
                     {"seed", true, "seed (default 1)"},
                     {"bias-mean", true, "mean of the N(mean, 1) biases (default 0; try -3 to kill units)"},
                     {"units-table", false, "print one row per unit"}});
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("census: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe census [options]\n%s", a.help().c_str()), 0;
  probes::CensusSpec s;
  std::vector<const Activation*> acts;
  for (std::string e : {a.get_int("inputs", 1, 4096, s.inputs), a.get_int("units", 1, 4096, s.units),
                        a.get_int("samples", 1, 100000, s.samples), a.get_seed("seed", s.seed),
                        a.get_double("bias-mean", -100, 100, s.bias_mean),
                        activations_flag(a, {"relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh"}, acts)})
    if (!e.empty()) return fail("census: " + e);
  const bool csv = a.has("csv"), per_unit = a.has("units-table");
  if (csv) std::printf(per_unit ? "activation,unit,active_share,firing_share,saturated_share,state,saturation\n"
                                : "activation,dead,weak,healthy,saturated,often_saturated\n");
  else std::printf("neuron census: %d inputs -> %d units, weights N(0,1), biases N(%g,1), %d inputs N(0,1)\n"
                   "dead = f'(z) = 0 on every input, weak = active on < 5%%; saturated = |f'| < 0.01 on >= 95%%\n"
                   "%-12s %5s %5s %8s %10s %7s\n", s.inputs, s.units, s.bias_mean, s.samples, "activation", "dead", "weak", "healthy", "saturated", "often");
  for (const Activation* act : acts) {
    float p[kMaxParams];
    if (std::string e = params_for(a, *act, p); !e.empty()) return fail("census: " + e);
    probes::CensusResult r;
    if (std::string e = probes::neuron_census(*act, p, s, r); !e.empty()) return fail_in("census", e);
    if (per_unit) {
      for (std::size_t j = 0; j < r.units.size(); ++j) {
        const auto& u = r.units[j];
        if (csv) std::printf("%s,%zu,%.4f,%.4f,%.4f,%s,%s\n", act->id, j + 1, u.active_share, u.firing_share, u.saturated_share, u.state, u.saturation);
        else std::printf("%-12s unit %3zu  active %5.1f%%  firing %5.1f%%  saturated %5.1f%%  %-8s %s\n", act->id, j + 1,
                         100 * u.active_share, 100 * u.firing_share, 100 * u.saturated_share, u.state, u.saturation);
      }
    } else {
      std::printf(csv ? "%s,%d,%d,%d,%d,%d\n" : "%-12s %5d %5d %8d %10d %7d\n", act->id, r.dead, r.weak, r.healthy, r.saturated, r.often_saturated);
    }
  }
  return 0;
}

int collapse(std::span<char* const> args) {
  util::Args a;
  std::vector<util::FlagSpec> specs = {{"sizes", true, "layer sizes: inputs,hidden...,outputs (default 2,8,8,8,1)"},
                                       {"samples", true, "random inputs compared (default 8)"},
                                       {"seed", true, "seed (default 1)"},
                                       {"activation", true, "between the layers (default identity: collapses)"},
                                       {"csv", false, "print CSV instead of a table"},
                                       {"help", false, "this help"}};
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("collapse: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe collapse [options]\n%s", a.help().c_str()), 0;
  probes::CollapseSpec s;
  s.samples = 8;
  std::vector<std::string> sizes;
  for (std::string e : {a.get_list("sizes", sizes), a.get_int("samples", 1, 10000, s.samples), a.get_seed("seed", s.seed)})
    if (!e.empty()) return fail("collapse: " + e);
  if (a.has("activation")) {
    s.activation = *a.raw("activation");
    if (!find_activation(s.activation)) return fail("collapse: flag --activation: unknown activation " + util::quoted(s.activation) + " (accepted: " + activation_ids() + ")");
  }
  if (!sizes.empty()) {
    s.sizes.clear();
    for (const auto& t : sizes) {
      bool digits = !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string::npos;
      long v = digits ? std::strtol(t.c_str(), nullptr, 10) : 0;
      if (v < 1 || v > 512) return fail("collapse: flag --sizes: " + util::quoted(t) + " is not a size in [1, 512]");
      s.sizes.push_back(static_cast<int>(v));
    }
    if (s.sizes.size() < 2) return fail("collapse: flag --sizes needs at least 2 sizes (inputs,outputs)");
  }
  probes::CollapseResult r;
  if (std::string e = probes::linear_collapse(s, r); !e.empty()) return fail(e);
  const int n_in = s.sizes.front(), n_out = s.sizes.back();
  const bool csv = a.has("csv");
  if (csv) {
    std::printf("sample,output,stack,collapsed,difference\n");
  } else {
    std::printf("linear collapse: %zu layers (", s.sizes.size() - 1);
    for (std::size_t k = 0; k < s.sizes.size(); ++k) std::printf(k ? "-%d" : "%d", s.sizes[k]);
    std::printf("), %s between layers\none matrix M = W1·W2·…·WL (%d x %d) and bias c:\n", s.activation.c_str(), n_in, n_out);
    for (int i = 0; i < n_in; ++i) {
      std::printf("  M[%d] =", i);
      for (int j = 0; j < n_out; ++j) std::printf(" %10.6f", r.M[static_cast<std::size_t>(i) * n_out + j]);
      std::printf("\n");
    }
    std::printf("  c    =");
    for (int j = 0; j < n_out; ++j) std::printf(" %10.6f", r.c[static_cast<std::size_t>(j)]);
    std::printf("\n%6s %6s %14s %14s %12s\n", "sample", "output", "stack", "x·M + c", "difference");
  }
  for (int q = 0; q < s.samples; ++q)
    for (int j = 0; j < n_out; ++j) {
      std::size_t k = static_cast<std::size_t>(q) * n_out + j;
      double d = r.stack_out[k] - r.collapsed_out[k];
      std::printf(csv ? "%d,%d,%.9g,%.9g,%.3g\n" : "%6d %6d %14.7f %14.7f %12.3g\n", q + 1, j + 1, r.stack_out[k], r.collapsed_out[k], d);
    }
  if (!csv)
    std::printf("max |difference| = %.3g (max |output| %.3g): %s\n", r.max_abs_diff, r.max_abs_out,
                r.max_abs_diff <= 1e-5 * std::fmax(1.0, r.max_abs_out) ? "identical up to float rounding — the stack is one linear layer"
                                                                        : "different — the activation bends the map, no single matrix reproduces it");
  return 0;
}

// Dying by training (probes/dying.hpp): the dead hidden units after every epoch of an SGD run.
int dying(std::span<char* const> args) {
  util::Args a;
  auto specs = with({{"dataset", true, "2-D set: circle, xor, blobs, spiral, moons, checkerboard (default circle)"},
                     {"samples", true, "points before the 50/50 split (20..4000, default 400)"},
                     {"units", true, "units per hidden layer (1..256, default 32)"},
                     {"layers", true, "hidden layers (1..8, default 2)"},
                     {"epochs", true, "epochs (1..500, default 40)"},
                     {"batch", true, "batch size (1..1024, default 16)"},
                     {"lr", true, "SGD learning rate (default 2: too high, ReLUs die)"},
                     {"bias-init", true, "initial biases (default 0)"},
                     {"seed", true, "seed of the data, weights and shuffle (default 1)"}});
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("dying: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe dying [options]\n%s", a.help().c_str()), 0;
  probes::DyingSpec s;
  std::vector<const Activation*> acts;
  if (a.has("dataset")) s.dataset = *a.raw("dataset");
  for (std::string e : {a.get_int("samples", 20, 4000, s.samples), a.get_int("units", 1, 256, s.units), a.get_int("layers", 1, 8, s.layers),
                        a.get_int("epochs", 1, probes::kDyingMaxEpochs, s.epochs), a.get_int("batch", 1, 1024, s.batch),
                        a.get_double("lr", 1e-6, 10, s.learning_rate), a.get_double("bias-init", -10, 10, s.bias_init),
                        a.get_seed("seed", s.seed), activations_flag(a, {"relu", "leaky_relu"}, acts)})
    if (!e.empty()) return fail("dying: " + e);
  const bool csv = a.has("csv");
  if (csv) std::printf("activation,epoch,dead,dead_share,loss,test_accuracy\n");
  else std::printf("dying by training: %s, %d samples, %d x %d hidden units, He init, SGD rate %g, batch %d, seed %llu\n"
                   "dead = f'(z) = 0 on every training sample after the epoch\n",
                   s.dataset.c_str(), s.samples, s.layers, s.units, s.learning_rate, s.batch, static_cast<unsigned long long>(s.seed));
  for (const Activation* act : acts) {
    float p[kMaxParams];
    if (std::string e = params_for(a, *act, p); !e.empty()) return fail("dying: " + e);
    probes::DyingResult r;
    if (std::string e = probes::dying_run(*act, p, s, r); !e.empty()) return fail_in("dying", e);
    if (!csv) std::printf("%s:\n%6s %6s %8s %10s %9s\n", act->id, "epoch", "dead", "share", "loss", "test acc");
    for (const probes::DyingEpoch& e : r.epochs) {
      if (csv) std::printf("%s,%d,%d,%.4f,%.6g,%.4f\n", act->id, e.epoch, e.dead, e.dead_share, e.loss, e.accuracy);
      else if (std::isnan(e.loss)) std::printf("%6d %6d %7.1f%% %10s %8.1f%%\n", e.epoch, e.dead, 100 * e.dead_share, "-", 100 * e.accuracy);
      else std::printf("%6d %6d %7.1f%% %10.4g %8.1f%%\n", e.epoch, e.dead, 100 * e.dead_share, e.loss, 100 * e.accuracy);
    }
    if (!csv) {
      std::printf("most dead: %d of %d (epoch %d)\n", r.peak_dead, r.hidden_units, r.peak_epoch);
      if (r.diverged_at > 0) std::printf("diverged in epoch %d: %s\n", r.diverged_at, r.divergence.c_str());
    }
  }
  return 0;
}


// Universal approximation in 1-D (probes/fit1d.hpp): one hidden layer of N units fitted to a target on [−1, 1].
int fit1d(std::span<char* const> args) {
  util::Args a;
  auto specs = with({{"target", true, "sin, abs, step, bump (default sin), or drawn with --drawn"},
                     {"drawn", true, "2..257 comma-separated values in [-10, 10] at evenly spaced x on [-1, 1] (the target)"},
                     {"units", true, "hidden units N (1..64, default 8)"},
                     {"points", true, "grid points on [-1, 1] (16..1001, default 201)"},
                     {"seed", true, "seed of the kink positions and directions (default 1)"},
                     {"sweep", false, "print the RMS error for every N = 1..64"},
                     {"detail", false, "print x, target, fit for every point"}});
  if (std::string e = a.parse(args, specs); !e.empty()) return fail("fit1d: " + e);
  if (a.has("help")) return std::printf("usage: actlab probe fit1d [options]\n%s", a.help().c_str()), 0;
  probes::Fit1dSpec s;
  std::vector<const Activation*> acts;
  std::uint64_t seed = s.seed;
  for (std::string e : {a.get_choice("target", {"sin", "abs", "step", "bump", "drawn"}, s.target), a.get_int("units", 1, probes::kFitMaxUnits, s.units),
                        a.get_int("points", 16, probes::kFitMaxPoints, s.points), a.get_seed("seed", seed),
                        activations_flag(a, {"relu", "tanh"}, acts)})
    if (!e.empty()) return fail("fit1d: " + e);
  s.seed = seed;
  if (a.has("drawn")) {
    if (a.has("target") && s.target != "drawn") return fail("fit1d: flag --drawn gives the target: leave out --target " + s.target);
    std::vector<std::string> items;
    if (std::string e = a.get_list("drawn", items); !e.empty()) return fail("fit1d: " + e);
    if (items.size() < 2 || items.size() > static_cast<std::size_t>(probes::kFitMaxDrawn))
      return fail("fit1d: flag --drawn: expected 2 to 257 values, got " + std::to_string(items.size()));
    for (std::size_t k = 0; k < items.size(); ++k) {
      float v = 0;
      if (std::string why = parse_float_token(items[k], v); !why.empty() || !(std::fabs(v) <= 10))
        return fail("fit1d: flag --drawn: value " + std::to_string(k + 1) + " " + util::quoted(items[k]) + " is not a number in [-10, 10]");
      s.drawn.push_back(v);
    }
    s.target = "drawn";
  } else if (s.target == "drawn") {
    return fail("fit1d: --target drawn needs --drawn v1,v2,... (2 to 257 values)");
  }
  s.sweep = a.has("sweep");
  const bool csv = a.has("csv"), detail = a.has("detail");
  std::vector<probes::Fit1dResult> rs(acts.size());
  for (std::size_t k = 0; k < acts.size(); ++k) {
    s.activation = acts[k]->id;
    if (std::string e = probes::fit_1d(s, rs[k]); !e.empty()) return fail_in("fit1d", e);
  }
  if (detail) {
    std::printf(csv ? "x,target" : "%10s %12s", "x", "target");
    for (const Activation* x : acts) std::printf(csv ? ",%s_fit" : " %12.12s", x->id);
    std::printf("\n");
    for (std::size_t i = 0; i < rs[0].x.size(); ++i) {
      std::printf(csv ? "%.9g,%.9g" : "%10.5f %12.6f", rs[0].x[i], rs[0].target[i]);
      for (const auto& r : rs) std::printf(csv ? ",%.9g" : " %12.6f", r.fit[i]);
      std::printf("\n");
    }
    return 0;
  }
  if (s.sweep) {
    if (!csv)
      std::printf("RMS error of the best fit with N units, target %s on [-1, 1], %d points, seed %llu\n", s.target.c_str(), s.points,
                  static_cast<unsigned long long>(s.seed));
    std::printf(csv ? "units" : "%5s", "units");
    for (const Activation* x : acts) std::printf(csv ? ",%s_rmse" : " %12.12s", x->id);
    std::printf("\n");
    for (std::size_t n = 0; n < rs[0].sweep_rmse.size(); ++n) {
      std::printf(csv ? "%zu" : "%5zu", n + 1);
      for (const auto& r : rs) std::printf(csv ? ",%.9g" : " %12.4e", r.sweep_rmse[n]);
      std::printf("\n");
    }
    return 0;
  }
  if (csv) std::printf("activation,units,rmse,max_abs_err\n");
  else std::printf("universal approximation: target %s on [-1, 1], %d points; one hidden layer of %d units placed one per slice\n"
                   "(seed %llu), output weights by least squares\n%-12s %6s %12s %12s\n", s.target.c_str(), s.points, s.units,
                   static_cast<unsigned long long>(s.seed), "activation", "units", "RMS error", "max |error|");
  for (std::size_t k = 0; k < acts.size(); ++k)
    std::printf(csv ? "%s,%d,%.9g,%.9g\n" : "%-12s %6d %12.4e %12.4e\n", acts[k]->id, s.units, rs[k].rmse, rs[k].max_abs_err);
  return 0;
}

}  // namespace

int cmd_probe(std::span<char* const> args) {
  if (args.empty() || std::string(args[0]) == "--help" || std::string(args[0]) == "-h") {
    std::fprintf(args.empty() ? stderr : stdout,
                 "usage: actlab probe <scan|depth|census|collapse|dying|fit1d> [options]   (actlab probe scan --help, ...)\n");
    return args.empty() ? 2 : 0;
  }
  std::string sub = args[0];
  auto rest = args.subspan(1);
  if (sub == "scan") return scan(rest);
  if (sub == "depth") return depth(rest);
  if (sub == "census") return census(rest);
  if (sub == "collapse") return collapse(rest);
  if (sub == "dying") return dying(rest);
  if (sub == "fit1d") return fit1d(rest);
  return fail("unknown experiment " + util::quoted(sub) + " (accepted: scan, depth, census, collapse, dying, fit1d)");
}

}  // namespace actlab::cli
