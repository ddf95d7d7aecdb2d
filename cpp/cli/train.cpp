// train.cpp — `actlab train`: trains the MLP from flags and/or a JSON config, prints one line
// per epoch (loss, train and test accuracy), and writes the model file.
//
//   actlab train --dataset spiral --classes 3 --hidden 32,32 --activation relu --epochs 200
//   actlab train --config run.json --out model.json
//   actlab train --import model.json --epochs 10          (continue a saved run)
// Flags override the config file. Exit codes: 0 trained, 1 training diverged, 2 bad input.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/util/args.hpp"
#include "actlab/util/limits.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {
namespace {

const std::vector<util::FlagSpec> kFlags = {
    {"config", true, "JSON config file (see docs/trainer.md); flags below override it"},
    {"import", true, "continue from a model file written by --out"},
    {"dataset", true, "circle, xor, blobs, spiral, moons, checkerboard, plane, bumps, digits"},
    {"samples", true, "samples before the split (4..100000; default 500, digits all 1797)"},
    {"noise", true, "noise level (0..5)"},
    {"classes", true, "classes for spiral and blobs (2..10)"},
    {"train-ratio", true, "share of samples used for training (0.05..0.95)"},
    {"features", true, "comma list of x, y, x2, y2, xy, sinx, siny"},
    {"digits-file", true, "path of digits8x8.bin (default: public/data/digits8x8.bin)"},
    {"hidden", true, "hidden layer widths, comma list (e.g. 16,16); 0 for none"},
    {"activation", true, "hidden activation, or a comma list with one per layer, or expr:TEXT (docs/expr.md)"},
    {"param", true, "activation parameter p0 (e.g. Leaky ReLU's alpha) for every hidden layer"},
    {"head", true, "auto, sigmoid_bce, softmax_ce, identity_mse, tanh_mse"},
    {"init", true, "zero, uniform, xavier, he, lecun"},
    {"init-scale", true, "a of the uniform initialiser (weights in [-a, a])"},
    {"bias-init", true, "initial bias value"},
    {"prelu-alpha", true, "PReLU alpha learned per layer or per unit: layer, unit"},
    {"optimizer", true, "sgd, momentum, adam"},
    {"lr", true, "learning rate"},
    {"momentum", true, "momentum coefficient (0..0.9999)"},
    {"reg", true, "none, l1, l2"},
    {"lambda", true, "regularisation strength (0..10)"},
    {"batch", true, "mini-batch size (1..4096)"},
    {"no-shuffle", false, "keep the sample order fixed"},
    {"seed", true, "one seed for data, weights and shuffling (each can be set below)"},
    {"data-seed", true, "dataset seed"},
    {"net-seed", true, "weight initialisation seed"},
    {"train-seed", true, "shuffling seed"},
    {"epochs", true, "epochs to train (0..100000, default 100)"},
    {"every", true, "print every Nth epoch (default: about 20 lines)"},
    {"out", true, "write the model JSON here"},
    {"health", false, "print per-layer gradient health after training"},
    {"quiet", false, "print only the final line"},
    {"help", false, "this help"},
};


// Finds digits8x8.bin: the flag, else ./public/data, else relative to the executable
// (build/native/actlab -> ../../public/data).
std::string digits_path(const util::Args& a) {
  if (const std::string* p = a.raw("digits-file")) return *p;
  std::string local = "public/data/digits8x8.bin";
  if (std::filesystem::exists(local)) return local;
  std::error_code ec;
  auto exe = std::filesystem::canonical("/proc/self/exe", ec);
  if (!ec) {
    auto p = exe.parent_path().parent_path().parent_path() / "public/data/digits8x8.bin";
    if (std::filesystem::exists(p)) return p.string();
  }
  return local;
}

int fail(const std::string& msg) { return print_error("train", msg); }

// Applies the flags on top of `c`. Returns "" or a message naming the flag.
std::string apply_flags(const util::Args& a, nn::Config& c) {
  std::string e;
  auto chk = [&](std::string r) { if (e.empty()) e = std::move(r); };
  std::vector<std::string> names = data::dataset_names();
  chk(a.get_choice("dataset", names, c.dataset.name));
  chk(a.get_int("samples", 0, 100000, c.dataset.samples));
  chk(a.get_double("noise", 0, 5, c.dataset.noise));
  chk(a.get_int("classes", 2, 10, c.dataset.classes));
  chk(a.get_double("train-ratio", 0.05, 0.95, c.dataset.train_ratio));
  if (a.has("features")) {
    std::vector<std::string> f;
    chk(a.get_list("features", f));
    if (e.empty()) {
      if (std::string fe = data::check_features(f); !fe.empty()) chk("flag --features: " + fe.substr(fe.find(':') + 2));
      else c.dataset.features = f;
    }
  }
  if (a.has("seed")) {
    std::uint64_t s = 0;
    chk(a.get_seed("seed", s));
    c.dataset.seed = c.network.seed = c.training.seed = s;
  }
  chk(a.get_seed("data-seed", c.dataset.seed));
  chk(a.get_seed("net-seed", c.network.seed));
  chk(a.get_seed("train-seed", c.training.seed));

  if (a.has("hidden")) {
    std::vector<std::string> w;
    chk(a.get_list("hidden", w));
    std::vector<nn::HiddenSpec> h;
    for (const auto& s : w) {
      // Digits only: strtol alone took " 8" and "+8".
      bool digits = !s.empty() && s.size() <= 5 && s.find_first_not_of("0123456789") == std::string::npos;
      long v = digits ? std::strtol(s.c_str(), nullptr, 10) : -1;
      if (v < 0 || v > nn::kMaxUnits) {
        chk("flag --hidden: " + util::quoted(s) + " is not a width in [1, 4096] (or 0 for no hidden layer)");
        break;
      }
      if (v == 0 && w.size() == 1) break;
      if (v == 0) { chk("flag --hidden: a width of 0 is only accepted alone (no hidden layer)"); break; }
      nn::HiddenSpec hs;
      hs.units = static_cast<int>(v);
      hs.activation = c.network.hidden.empty() ? "relu" : c.network.hidden.front().activation;
      h.push_back(hs);
    }
    if (e.empty()) c.network.hidden = h;
  }
  if (a.has("activation")) {
    std::vector<std::string> acts;
    // "expr:<text>" is one typed activation for every layer (its text may contain commas).
    std::string first = a.has("activation") ? *a.raw("activation") : "";
    if (first.rfind("expr:", 0) == 0) acts = {first};
    else chk(a.get_list("activation", acts));
    for (const auto& s : acts)
      if (s.rfind("expr:", 0) != 0 && !find_activation(s)) chk("flag --activation: unknown activation \"" + s + "\" (accepted: " + activation_ids() + ")");
    if (e.empty()) {
      if (acts.size() != 1 && acts.size() != c.network.hidden.size())
        chk("flag --activation: give one activation or one per hidden layer (" + std::to_string(c.network.hidden.size()) + ")");
      else
        for (std::size_t k = 0; k < c.network.hidden.size(); ++k) c.network.hidden[k].activation = acts.size() == 1 ? acts[0] : acts[k];
    }
  }
  if (a.has("param")) {
    double p = 0;
    chk(a.get_double("param", -100, 100, p));
    for (auto& h : c.network.hidden) h.params[0] = static_cast<float>(p);
  }
  std::string head, init, alpha, opt, reg;
  chk(a.get_choice("head", {"auto", "sigmoid_bce", "softmax_ce", "identity_mse", "tanh_mse"}, head));
  if (!head.empty()) {
    const char* hs[] = {"auto", "sigmoid_bce", "softmax_ce", "identity_mse", "tanh_mse"};
    for (int k = 0; k < 5; ++k) if (head == hs[k]) c.network.head = static_cast<nn::Head>(k);
  }
  chk(a.get_choice("init", {"zero", "uniform", "xavier", "he", "lecun"}, init));
  if (!init.empty()) {
    const char* is[] = {"zero", "uniform", "xavier", "he", "lecun"};
    for (int k = 0; k < 5; ++k) if (init == is[k]) c.network.init = static_cast<nn::Init>(k);
  }
  chk(a.get_float("init-scale", 1e-6, 100, c.network.init_scale));
  chk(a.get_float("bias-init", -10, 10, c.network.bias_init));
  chk(a.get_choice("prelu-alpha", {"layer", "unit"}, alpha));
  if (!alpha.empty()) c.network.prelu_alpha = alpha == "unit" ? nn::AlphaMode::Unit : nn::AlphaMode::Layer;
  chk(a.get_choice("optimizer", {"sgd", "momentum", "adam"}, opt));
  if (!opt.empty()) c.training.optimizer = opt == "sgd" ? nn::Optimizer::Sgd : opt == "momentum" ? nn::Optimizer::Momentum : nn::Optimizer::Adam;
  chk(a.get_float("lr", 1e-9, 100, c.training.learning_rate));
  chk(a.get_float("momentum", 0, 0.9999, c.training.momentum));
  chk(a.get_choice("reg", {"none", "l1", "l2"}, reg));
  if (!reg.empty()) c.training.regularization = reg == "l1" ? nn::Regularization::L1 : reg == "l2" ? nn::Regularization::L2 : nn::Regularization::None;
  chk(a.get_float("lambda", 0, 10, c.training.lambda));
  chk(a.get_int("batch", 1, 4096, c.training.batch));
  if (a.has("no-shuffle")) c.training.shuffle = false;
  return e;
}

std::string pct(double acc) {
  if (std::isnan(acc)) return "     -";
  char b[16];
  std::snprintf(b, sizeof b, "%5.1f%%", 100.0 * acc);
  return b;
}

std::string describe(const nn::Trainer& t) {
  const auto& d = t.dataset();
  std::string shape = std::to_string(t.network().inputs());
  std::string acts;
  for (const auto& l : t.network().layers()) {
    shape += "-" + std::to_string(l.out);
    if (l.act) acts += (acts.empty() ? "" : ",") + std::string(l.activation_id());
  }
  char b[512];
  std::snprintf(b, sizeof b, "%s (%s, %d classes, %d inputs), %zu train / %zu test; net %s [%s] %s; %s lr %g batch %d",
                d.name.c_str(), data::task_name(d.task), d.classes, d.dims, d.n_train(), d.n_test(), shape.c_str(),
                acts.empty() ? "linear" : acts.c_str(), nn::head_name(t.head()), nn::optimizer_name(t.config().training.optimizer),
                static_cast<double>(t.config().training.learning_rate), t.config().training.batch);
  return b;
}

}  // namespace

int cmd_train(std::span<char* const> args) {
  util::Args a;
  if (std::string e = a.parse(args, kFlags); !e.empty()) return fail(e);
  if (a.has("help")) {
    std::printf("usage: actlab train [options]\n%s", a.help().c_str());
    return 0;
  }
  if (!a.positionals().empty()) return fail("unexpected argument " + util::quoted(a.positionals()[0]) + " (flags start with --)");

  nn::Trainer t;
  nn::Config c;
  std::string model_text;
  if (const std::string* p = a.raw("import")) {
    if (a.has("config")) return fail("give --config or --import, not both");
    if (std::string e = read_bounded(*p, limits::kJsonMaxBytes, model_text); !e.empty()) return fail("flag --import: " + e);
    if (model_text.empty()) return fail("flag --import: " + util::quoted(*p) + " is empty");
  }
  if (const std::string* p = a.raw("config")) {
    std::string text;
    if (std::string e = read_bounded(*p, limits::kJsonMaxBytes, text); !e.empty()) return fail("flag --config: " + e);
    json::Value v;
    std::string err;
    if (!json::parse(text, v, err)) return fail(util::quoted(*p, 80) + ": " + err);
    if (err = nn::config_from_json(v, c); !err.empty()) return fail(util::quoted(*p, 80) + ": " + err);
  }
  long epochs = 100, every = 0;
  if (std::string e = a.get_int("epochs", 0L, 100000L, epochs); !e.empty()) return fail(e);
  if (std::string e = a.get_int("every", 1L, 100000L, every); !e.empty()) return fail(e);
  if (every == 0) every = epochs <= 20 ? 1 : epochs / 20;

  bool wants_digits = c.dataset.name == "digits" || (a.raw("dataset") && *a.raw("dataset") == "digits") ||
                      model_text.find("\"digits\"") != std::string::npos;
  if (wants_digits) {
    std::string path = digits_path(a), bytes;
    if (std::string e = read_bounded(path, 1u << 20, bytes); !e.empty()) return fail("the digits file: " + e + " (use --digits-file)");
    t.set_digits_bytes(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  }

  if (!model_text.empty()) {
    if (std::string e = t.import_json(model_text); !e.empty()) return fail(util::quoted(*a.raw("import"), 80) + ": " + e);
    for (const char* f : {"dataset", "samples", "noise", "classes", "train-ratio", "features", "hidden", "activation", "param", "head",
                          "init", "init-scale", "bias-init", "prelu-alpha", "optimizer", "lr", "momentum", "reg", "lambda", "batch",
                          "no-shuffle", "seed", "data-seed", "net-seed", "train-seed"})
      if (a.has(f)) return fail(std::string("flag --") + f + " cannot change an imported model (edit its config instead)");
  } else {
    if (std::string e = apply_flags(a, c); !e.empty()) return fail(e);
    if (std::string e = t.configure(c); !e.empty()) return fail(e);
  }

  const bool quiet = a.has("quiet");
  if (!quiet) std::printf("actlab train: %s\n", describe(t).c_str());
  int code = 0;
  for (long k = 1; k <= epochs; ++k) {
    if (!t.run_epoch()) {
      std::printf("diverged: %s\n", t.divergence().message().c_str());
      code = 1;
      break;
    }
    if (!quiet && (k % every == 0 || k == epochs || k == 1)) {
      nn::Metrics tr = t.evaluate(false), te = t.evaluate(true);
      std::printf("epoch %5d  loss %.5f  train %s  test %s  (test loss %.5f)\n", t.epoch(), t.last_epoch_loss(),
                  pct(tr.accuracy).c_str(), pct(te.accuracy).c_str(), te.loss);
      std::fflush(stdout);
    }
  }
  nn::Metrics tr = t.evaluate(false), te = t.evaluate(true);
  std::printf("final: epochs %d  train loss %.5f  train acc %s  test loss %.5f  test acc %s\n", t.epoch(), tr.loss,
              pct(tr.accuracy).c_str(), te.loss, pct(te.accuracy).c_str());
  if (a.has("health")) {
    std::printf("layer  units  activation     mean|dL/dW|  mean|f'(z)|  dead   saturated  warning\n");
    for (const auto& h : t.health()) {
      char fp[32] = "          -";
      if (!std::isnan(h.mean_abs_fprime)) std::snprintf(fp, sizeof fp, "%11.3e", h.mean_abs_fprime);
      std::printf("%5d  %5d  %-13s  %11.3e  %s  %5.1f%%  %8.1f%%  %s\n", h.layer + 1, h.units, h.activation.c_str(),
                  h.mean_abs_grad, fp, 100 * h.dead_share, 100 * h.saturated_share, h.warning.c_str());
    }
  }
  if (const std::string* out = a.raw("out")) {
    // Never a file the import would refuse (after divergence the weights may be non-finite).
    if (std::string e = t.export_error(); !e.empty()) {
      print_error("train", "flag --out: nothing written: " + e);
      return code ? code : 2;
    }
    std::ofstream f(*out, std::ios::binary);
    f << t.export_json(true) << "\n";
    if (!f) return fail("flag --out: cannot write " + util::quoted(*out, 80));
    std::printf("wrote %s\n", util::escape_control(*out).c_str());
  }
  return code;
}

}  // namespace actlab::cli
