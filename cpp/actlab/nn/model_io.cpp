// model_io.cpp — model files: export and strict import of a Trainer as versioned JSON.
//
// Format (version 1):
//   { "format": "actlab-model", "version": 1,
//     "config":    { ... config.hpp ... },
//     "layers":    [ { "in", "out", "activation" (registry id, or the head for the last layer),
//                      "W": [in·out floats, row-major [in][out]], "b": [out], "alpha": [1 or out] } ],
//     "optimizer": { "name", "t", "beta1_power", "beta2_power",
//                    "slots": [ per parameter tensor (W, b, alpha of each layer in order):
//                               [ 0, 1 or 2 arrays of the tensor's size ] ] },
//     "progress":  { "epoch", "steps", "position", "order": [permutation of the training
//                    samples], "rng": [4 uint32 words of the shuffle generator], "epoch_loss_sum" } }
// Import rebuilds dataset and network from the config, then checks every field against them
// (shapes, finiteness, float range, permutation, ranges). The first problem is reported with
// its path ("model.layers[1].W: expected 64 numbers, got 63"); the trainer keeps its previous
// state unless everything was valid (the new state is built aside and swapped in at the end).
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "actlab/nn/trainer.hpp"

namespace actlab::nn {

using json::Value;

namespace {
constexpr int kFormatVersion = 1;
}

struct ModelIo {
  static Value to_json(const Trainer& t);
  static std::string from_json(const Value& root, Trainer& t);
};

Value ModelIo::to_json(const Trainer& t) {
  Value root = Value::object();
  root.set("format", Value::string("actlab-model"));
  root.set("version", Value::number(kFormatVersion));
  root.set("config", config_to_json(t.cfg_));
  Value layers = Value::array();
  for (const Layer& l : t.net_.layers()) {
    Value o = Value::object();
    o.set("in", Value::number(l.in));
    o.set("out", Value::number(l.out));
    o.set("activation", Value::string(l.act ? l.activation_id() : head_name(t.net_.head())));
    o.set("W", json::float_array(l.W.data(), l.W.size()));
    o.set("b", json::float_array(l.b.data(), l.b.size()));
    if (!l.alpha.empty()) o.set("alpha", json::float_array(l.alpha.data(), l.alpha.size()));
    if (!l.evalues.empty()) o.set("expr_params", json::float_array(l.evalues.data(), l.evalues.size()));
    layers.push(std::move(o));
  }
  root.set("layers", std::move(layers));
  Value opt = Value::object();
  opt.set("name", Value::string(optimizer_name(t.opt_.spec().optimizer)));
  opt.set("t", Value::number(static_cast<double>(t.opt_.t())));
  opt.set("beta1_power", Value::number(t.opt_.beta1_power()));
  opt.set("beta2_power", Value::number(t.opt_.beta2_power()));
  Value slots = Value::array();
  for (const auto& tensor : t.opt_.slots()) {
    Value s = Value::array();
    for (const auto& slot : tensor) s.push(json::float_array(slot.data(), slot.size()));
    slots.push(std::move(s));
  }
  opt.set("slots", std::move(slots));
  root.set("optimizer", std::move(opt));
  Value prog = Value::object();
  prog.set("epoch", Value::number(t.epoch_));
  prog.set("steps", Value::number(static_cast<double>(t.net_steps_)));
  prog.set("position", Value::number(static_cast<double>(t.pos_)));
  Value order = Value::array();
  for (std::uint32_t i : t.order_) order.push(Value::number(i));
  prog.set("order", std::move(order));
  Value rng = Value::array();
  for (std::uint32_t w : t.shuffle_rng_.state().s) rng.push(Value::number(w));
  prog.set("rng", std::move(rng));
  prog.set("epoch_loss_sum", Value::number(t.settled_loss_sum()));
  root.set("progress", std::move(prog));
  return root;
}

namespace {

// Checks that `obj` (an object at `path`) has only the keys listed.
std::string only_keys(const Value& obj, const std::string& path, std::initializer_list<const char*> keys) {
  for (const auto& kv : obj.obj) {
    bool ok = false;
    for (const char* k : keys) ok = ok || kv.first == k;
    if (!ok) return path + "." + kv.first + ": unknown field";
  }
  return "";
}
const Value* need(const Value& obj, const std::string& path, const char* key, Value::Type type, std::string& err) {
  const Value* v = obj.find(key);
  if (!v) { err = path + "." + key + ": missing"; return nullptr; }
  if (v->type != type) {
    err = path + "." + key + ": expected " + json::type_name(type) + ", got " + json::type_name(v->type);
    return nullptr;
  }
  return v;
}
// A whole number in [lo, hi].
bool whole(const Value* v, const std::string& path, double lo, double hi, double& out, std::string& err) {
  if (!v->is_number() || v->num != std::floor(v->num) || v->num < lo || v->num > hi) {
    char buf[96];
    std::snprintf(buf, sizeof buf, ": expected an integer in [%.0f, %.0f]", lo, hi);
    err = path + buf;
    return false;
  }
  out = v->num;
  return true;
}
// Copies an array of exactly n finite float-range numbers into dst.
bool floats(const Value* v, const std::string& path, std::size_t n, float* dst, std::string& err) {
  if (!v->is_array()) { err = path + ": expected an array"; return false; }
  if (v->arr.size() != n) {
    err = path + ": expected " + std::to_string(n) + " numbers, got " + std::to_string(v->arr.size());
    return false;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Value& e = v->arr[i];
    if (!e.is_number() || !(std::fabs(e.num) <= static_cast<double>(FLT_MAX))) {
      err = path + "[" + std::to_string(i) + "]: expected a finite float";
      return false;
    }
    dst[i] = static_cast<float>(e.num);
  }
  return true;
}

}  // namespace

std::string ModelIo::from_json(const Value& root, Trainer& out) {
  std::string err;
  if (!root.is_object()) return "model: expected a JSON object";
  if (err = only_keys(root, "model", {"format", "version", "config", "layers", "optimizer", "progress"}); !err.empty()) return err;
  const Value* fmt = need(root, "model", "format", Value::Type::String, err);
  if (!fmt) return err;
  if (fmt->str != "actlab-model") return "model.format: expected \"actlab-model\", got \"" + fmt->str.substr(0, 40) + "\"";
  const Value* ver = need(root, "model", "version", Value::Type::Number, err);
  if (!ver) return err;
  if (ver->num != kFormatVersion) {
    // As written (the shortest form that reads back): no cast to an integer, 1e300 is not one.
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, ver->num);
      if (std::strtod(buf, nullptr) == ver->num) break;
    }
    return std::string("model.version: ") + buf + " is not supported (this engine reads version 1)";
  }
  const Value* cfgv = need(root, "model", "config", Value::Type::Object, err);
  if (!cfgv) return err;
  Config cfg;
  if (err = config_from_json(*cfgv, cfg); !err.empty()) return "model." + err;

  Trainer t;
  t.digits_ = out.digits_;
  if (err = t.configure(cfg); !err.empty()) return "model.config: " + err;

  // Layers.
  const Value* layers = need(root, "model", "layers", Value::Type::Array, err);
  if (!layers) return err;
  auto& L = t.net_.layers();
  if (layers->arr.size() != L.size())
    return "model.layers: expected " + std::to_string(L.size()) + " layers for this config, got " + std::to_string(layers->arr.size());
  for (std::size_t k = 0; k < L.size(); ++k) {
    std::string p = "model.layers[" + std::to_string(k) + "]";
    const Value& o = layers->arr[k];
    if (!o.is_object()) return p + ": expected an object";
    if (err = only_keys(o, p, {"in", "out", "activation", "W", "b", "alpha", "expr_params"}); !err.empty()) return err;
    double in, outn;
    const Value* v;
    if (!(v = need(o, p, "in", Value::Type::Number, err)) || !whole(v, p + ".in", L[k].in, L[k].in, in, err)) return err;
    if (!(v = need(o, p, "out", Value::Type::Number, err)) || !whole(v, p + ".out", L[k].out, L[k].out, outn, err)) return err;
    const Value* act = need(o, p, "activation", Value::Type::String, err);
    if (!act) return err;
    std::string want = L[k].act ? L[k].activation_id() : head_name(t.net_.head());
    if (act->str != want) return p + ".activation: expected \"" + want + "\" (from the config), got \"" + act->str.substr(0, 40) + "\"";
    if (!(v = need(o, p, "W", Value::Type::Array, err)) || !floats(v, p + ".W", L[k].W.size(), L[k].W.data(), err)) return err;
    if (!(v = need(o, p, "b", Value::Type::Array, err)) || !floats(v, p + ".b", L[k].b.size(), L[k].b.data(), err)) return err;
    if (!L[k].alpha.empty()) {
      if (!(v = need(o, p, "alpha", Value::Type::Array, err)) || !floats(v, p + ".alpha", L[k].alpha.size(), L[k].alpha.data(), err))
        return err;
    } else if (o.find("alpha")) {
      return p + ".alpha: only PReLU layers have alpha";
    }
    if (!L[k].evalues.empty()) {
      if (!(v = need(o, p, "expr_params", Value::Type::Array, err)) ||
          !floats(v, p + ".expr_params", L[k].evalues.size(), L[k].evalues.data(), err))
        return err;
    } else if (o.find("expr_params")) {
      return p + ".expr_params: only layers with a typed activation that has learnable parameters have expr_params";
    }
  }

  // Optimiser.
  const Value* opt = need(root, "model", "optimizer", Value::Type::Object, err);
  if (!opt) return err;
  if (err = only_keys(*opt, "model.optimizer", {"name", "t", "beta1_power", "beta2_power", "slots"}); !err.empty()) return err;
  const Value* name = need(*opt, "model.optimizer", "name", Value::Type::String, err);
  if (!name) return err;
  if (name->str != optimizer_name(cfg.training.optimizer))
    return std::string("model.optimizer.name: expected \"") + optimizer_name(cfg.training.optimizer) + "\" (from the config)";
  double tt, b1, b2;
  const Value* v;
  if (!(v = need(*opt, "model.optimizer", "t", Value::Type::Number, err)) || !whole(v, "model.optimizer.t", 0, 1e15, tt, err)) return err;
  if (!(v = need(*opt, "model.optimizer", "beta1_power", Value::Type::Number, err))) return err;
  b1 = v->num;
  if (!(b1 >= 0 && b1 <= 1)) return "model.optimizer.beta1_power: expected a number in [0, 1]";
  if (!(v = need(*opt, "model.optimizer", "beta2_power", Value::Type::Number, err))) return err;
  b2 = v->num;
  if (!(b2 >= 0 && b2 <= 1)) return "model.optimizer.beta2_power: expected a number in [0, 1]";
  t.opt_.set_state(static_cast<std::int64_t>(tt), b1, b2);
  const Value* slots = need(*opt, "model.optimizer", "slots", Value::Type::Array, err);
  if (!slots) return err;
  auto& S = t.opt_.slots();
  if (slots->arr.size() != S.size())
    return "model.optimizer.slots: expected " + std::to_string(S.size()) + " tensors, got " + std::to_string(slots->arr.size());
  for (std::size_t k = 0; k < S.size(); ++k) {
    std::string p = "model.optimizer.slots[" + std::to_string(k) + "]";
    const Value& e = slots->arr[k];
    if (!e.is_array() || e.arr.size() != S[k].size())
      return p + ": expected an array of " + std::to_string(S[k].size()) + " arrays";
    for (std::size_t q = 0; q < S[k].size(); ++q)
      if (!floats(&e.arr[q], p + "[" + std::to_string(q) + "]", S[k][q].size(), S[k][q].data(), err)) return err;
  }

  // Progress.
  const Value* prog = need(root, "model", "progress", Value::Type::Object, err);
  if (!prog) return err;
  const std::string pp = "model.progress";
  if (err = only_keys(*prog, pp, {"epoch", "steps", "position", "order", "rng", "epoch_loss_sum"}); !err.empty()) return err;
  double ep, st, pos;
  const std::size_t n = t.order_.size();
  if (!(v = need(*prog, pp, "epoch", Value::Type::Number, err)) || !whole(v, pp + ".epoch", 0, 2e9, ep, err)) return err;
  if (!(v = need(*prog, pp, "steps", Value::Type::Number, err)) || !whole(v, pp + ".steps", 0, 1e15, st, err)) return err;
  if (!(v = need(*prog, pp, "position", Value::Type::Number, err)) || !whole(v, pp + ".position", 0, static_cast<double>(n - 1), pos, err))
    return err;
  const Value* order = need(*prog, pp, "order", Value::Type::Array, err);
  if (!order) return err;
  if (order->arr.size() != n)
    return pp + ".order: expected " + std::to_string(n) + " indices (the training set size), got " + std::to_string(order->arr.size());
  std::vector<char> seen(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double x;
    if (!whole(&order->arr[i], pp + ".order[" + std::to_string(i) + "]", 0, static_cast<double>(n - 1), x, err)) return err;
    if (seen[static_cast<std::size_t>(x)]++) return pp + ".order: not a permutation (" + std::to_string(static_cast<long>(x)) + " repeats)";
    t.order_[i] = static_cast<std::uint32_t>(x);
  }
  const Value* rng = need(*prog, pp, "rng", Value::Type::Array, err);
  if (!rng) return err;
  if (rng->arr.size() != 4) return pp + ".rng: expected 4 integers";
  data::Rng::State rs = t.shuffle_rng_.state();
  for (int k = 0; k < 4; ++k) {
    double w;
    if (!whole(&rng->arr[static_cast<std::size_t>(k)], pp + ".rng[" + std::to_string(k) + "]", 0, 4294967295.0, w, err)) return err;
    rs.s[k] = static_cast<std::uint32_t>(w);
  }
  t.shuffle_rng_.set_state(rs);
  if (!(v = need(*prog, pp, "epoch_loss_sum", Value::Type::Number, err))) return err;
  if (!(v->num >= 0 && v->num < 1e300)) return pp + ".epoch_loss_sum: expected a finite number >= 0";
  t.epoch_loss_sum_ = v->num;
  t.pending_terms_.clear();
  t.pending_batches_.clear();
  t.epoch_ = static_cast<int>(ep);
  t.net_steps_ = static_cast<std::int64_t>(st);
  t.pos_ = static_cast<std::size_t>(pos);

  out = std::move(t);
  return "";
}

std::string Trainer::export_error() const {
  if (!ready_) return "model: the trainer is not configured";
  // The import accepts only finite floats: refuse to write what it would refuse to read.
  auto finite = [](const std::vector<float>& v) {
    for (float x : v)
      if (!std::isfinite(x)) return false;
    return true;
  };
  for (std::size_t k = 0; k < net_.layers().size(); ++k) {
    const Layer& l = net_.layers()[k];
    if (!finite(l.W) || !finite(l.b) || !finite(l.alpha))
      return "model: cannot export: layer " + std::to_string(k + 1) + " has non-finite weights (training diverged: " +
             div_.message() + ")";
  }
  for (const auto& tensor : opt_.slots())
    for (const auto& slot : tensor)
      if (!finite(slot)) return "model: cannot export: the optimizer state is non-finite (training diverged: " + div_.message() + ")";
  if (!std::isfinite(settled_loss_sum())) return "model: cannot export: the epoch's loss sum is non-finite";
  return "";
}

std::string Trainer::export_json(bool pretty) const {
  if (!export_error().empty()) return "";
  return json::write(ModelIo::to_json(*this), pretty ? 1 : -1);
}

std::string Trainer::import_json(std::string_view text) {
  Value root;
  std::string err;
  if (!json::parse(text, root, err)) return "model: " + err;
  return ModelIo::from_json(root, *this);
}

}  // namespace actlab::nn
