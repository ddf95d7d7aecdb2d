// config.cpp — strict JSON <-> Config. Each reader names the full path of the field it
// rejects, and every numeric field has a stated range.
#include "actlab/nn/config.hpp"

#include <cmath>
#include <cstdio>

#include "actlab/util/detmath.hpp"

namespace actlab::nn {

const char* head_name(Head h) {
  switch (h) {
    case Head::Auto: return "auto";
    case Head::SigmoidBce: return "sigmoid_bce";
    case Head::SoftmaxCe: return "softmax_ce";
    case Head::IdentityMse: return "identity_mse";
    case Head::TanhMse: return "tanh_mse";
  }
  return "?";
}
const char* init_name(Init i) {
  switch (i) {
    case Init::Zero: return "zero";
    case Init::Uniform: return "uniform";
    case Init::Xavier: return "xavier";
    case Init::He: return "he";
    case Init::Lecun: return "lecun";
  }
  return "?";
}
const char* optimizer_name(Optimizer o) {
  switch (o) {
    case Optimizer::Sgd: return "sgd";
    case Optimizer::Momentum: return "momentum";
    case Optimizer::Adam: return "adam";
  }
  return "?";
}
const char* regularization_name(Regularization r) {
  switch (r) {
    case Regularization::None: return "none";
    case Regularization::L1: return "l1";
    case Regularization::L2: return "l2";
  }
  return "?";
}

const char* schedule_name(Schedule s) {
  switch (s) {
    case Schedule::Constant: return "constant";
    case Schedule::Step: return "step";
    case Schedule::Cosine: return "cosine";
  }
  return "?";
}

float scheduled_learning_rate(const TrainSpec& t, int epoch) {
  const double lr = t.learning_rate;
  const int e = epoch < 0 ? 0 : epoch;
  switch (t.schedule) {
    case Schedule::Constant: return t.learning_rate;
    case Schedule::Step: {
      // rate^k by repeated squaring: multiplications only (same bits everywhere), O(log k).
      double f = 1, b = t.decay_rate;
      for (int k = e / t.decay_every; k > 0; k >>= 1, b *= b)
        if (k & 1) f *= b;
      return static_cast<float>(lr * f);
    }
    case Schedule::Cosine: {
      const double T = t.schedule_epochs, lo = t.min_learning_rate;
      const double p = (e < t.schedule_epochs ? e : t.schedule_epochs) / T;
      return static_cast<float>(lo + 0.5 * (lr - lo) * (1.0 + detmath::cos(detmath::kPi * p)));
    }
  }
  return t.learning_rate;
}

namespace {

using json::Value;

// Reads the members of one JSON object, remembering which keys were used so that unknown
// keys can be reported.
struct Obj {
  const Value& v;
  std::string path;
  std::string& err;
  std::vector<std::string> used;

  const Value* get(const char* key) {
    used.emplace_back(key);
    return v.find(key);
  }
  bool fail(const std::string& field, const std::string& msg) {
    if (err.empty()) err = path + "." + field + " " + msg;
    return false;
  }
  bool num(const char* key, double lo, double hi, double& out) {
    const Value* x = get(key);
    if (!x) return true;
    if (!x->is_number()) return fail(key, std::string("must be a number, got ") + json::type_name(x->type));
    if (!(x->num >= lo && x->num <= hi)) {
      char buf[128];
      // Whole bounds print exactly (%g wrote the seed range as [0, 9.0072e+15]); %.17g names the value.
      auto whole = [](double d) { return std::fabs(d) < 1e16 && d == std::trunc(d); };
      std::snprintf(buf, sizeof buf, whole(lo) && whole(hi) ? "must be in [%.0f, %.0f], got %.17g" : "must be in [%g, %g], got %.17g",
                    lo, hi, x->num);
      return fail(key, buf);
    }
    out = x->num;
    return true;
  }
  // A float field: in range as written, or once rounded to float, because the model file writes
  // the float (1e-9 is stored as 9.99999972e-10) and must read back.
  bool f32(const char* key, double lo, double hi, float& out) {
    const Value* x = get(key);
    if (x && x->is_number() && std::fabs(x->num) <= 3.4028234663852886e38) {
      const float f = static_cast<float>(x->num);
      if (f >= static_cast<float>(lo) && f <= static_cast<float>(hi)) {
        out = f;
        return true;
      }
    }
    used.pop_back();  // num() looks the key up again
    double d = out;
    if (!num(key, lo, hi, d)) return false;
    out = static_cast<float>(d);
    return true;
  }
  bool integer(const char* key, long lo, long hi, long& out) {
    double d = static_cast<double>(out);
    if (!num(key, static_cast<double>(lo), static_cast<double>(hi), d)) return false;
    if (d != std::floor(d)) return fail(key, "must be an integer");
    out = static_cast<long>(d);
    return true;
  }
  bool i32(const char* key, int lo, int hi, int& out) {
    long l = out;
    if (!integer(key, lo, hi, l)) return false;
    out = static_cast<int>(l);
    return true;
  }
  bool seed(const char* key, std::uint64_t& out) {
    double d = static_cast<double>(out);
    if (!num(key, 0, 9007199254740991.0, d)) return false;  // 2^53 − 1: exact in JSON
    if (d != std::floor(d)) return fail(key, "must be an integer");
    out = static_cast<std::uint64_t>(d);
    return true;
  }
  bool boolean(const char* key, bool& out) {
    const Value* x = get(key);
    if (!x) return true;
    if (!x->is_bool()) return fail(key, std::string("must be true or false, got ") + json::type_name(x->type));
    out = x->b;
    return true;
  }
  // One of `names` (index into names).
  bool choice(const char* key, const std::vector<const char*>& names, int& out) {
    const Value* x = get(key);
    if (!x) return true;
    std::string list;
    for (const char* n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    if (!x->is_string()) return fail(key, "must be a string (accepted: " + list + ")");
    for (std::size_t k = 0; k < names.size(); ++k)
      if (x->str == names[k]) { out = static_cast<int>(k); return true; }
    return fail(key, "\"" + x->str + "\" is not accepted (accepted: " + list + ")");
  }
  bool str(const char* key, std::size_t max_len, std::string& out) {
    const Value* x = get(key);
    if (!x) return true;
    if (!x->is_string()) return fail(key, std::string("must be a string, got ") + json::type_name(x->type));
    if (x->str.size() > max_len) return fail(key, "is too long");
    out = x->str;
    return true;
  }
  bool no_unknown() {
    if (!v.is_object()) { if (err.empty()) err = path + " must be an object"; return false; }
    for (const auto& kv : v.obj) {
      bool ok = false;
      for (const auto& u : used) ok = ok || u == kv.first;
      if (!ok) return fail(kv.first, "is not a known field");
    }
    return err.empty();
  }
};

bool read_dataset(const Value& v, data::DatasetSpec& d, std::string& err) {
  if (!v.is_object()) { err = "config.dataset must be an object"; return false; }
  Obj o{v, "config.dataset", err, {}};
  int samples = d.samples;
  bool ok = o.str("name", 32, d.name) && o.i32("samples", 0, limits::kMaxSamples, samples) &&
            o.num("noise", 0, 5, d.noise) && o.i32("classes", 2, 10, d.classes) &&
            o.num("train_ratio", 0.05, 0.95, d.train_ratio) && o.seed("seed", d.seed);
  d.samples = samples;
  if (!ok) return false;
  if (const Value* f = o.get("features")) {
    if (!f->is_array()) return o.fail("features", "must be an array of strings");
    if (f->arr.size() > 7) return o.fail("features", "has more than 7 entries");
    d.features.clear();
    for (const auto& e : f->arr) {
      if (!e.is_string()) return o.fail("features", "must be an array of strings");
      d.features.push_back(e.str);
    }
    if (std::string e = data::check_features(d.features); !e.empty()) { err = "config." + e; return false; }
  }
  if (const Value* p = o.get("points")) {
    if (!p->is_array()) return o.fail("points", "must be an array of numbers (x, y, label per point)");
    if (p->arr.size() > 3 * static_cast<std::size_t>(limits::kMaxCustomPoints))
      return o.fail("points", "has more than " + std::to_string(limits::kMaxCustomPoints) + " points");
    d.points.clear();
    d.points.reserve(p->arr.size());
    for (std::size_t k = 0; k < p->arr.size(); ++k) {
      if (!p->arr[k].is_number()) return o.fail("points[" + std::to_string(k / 3) + "]", "must hold numbers only");
      d.points.push_back(static_cast<float>(p->arr[k].num));
    }
  }
  int task = d.regression ? 1 : 0;
  if (!o.choice("task", {"classification", "regression"}, task)) return false;
  d.regression = task == 1;
  return o.no_unknown();
}

bool read_network(const Value& v, NetSpec& n, std::string& err) {
  if (!v.is_object()) { err = "config.network must be an object"; return false; }
  Obj o{v, "config.network", err, {}};
  if (const Value* h = o.get("hidden")) {
    if (!h->is_array()) return o.fail("hidden", "must be an array of layer objects");
    if (h->arr.size() > static_cast<std::size_t>(kMaxLayers)) return o.fail("hidden", "has more than 128 layers");
    n.hidden.clear();
    for (std::size_t k = 0; k < h->arr.size(); ++k) {
      std::string p = "config.network.hidden[" + std::to_string(k) + "]";
      if (!h->arr[k].is_object()) { err = p + " must be an object"; return false; }
      Obj l{h->arr[k], p, err, {}};
      HiddenSpec s;
      if (!l.i32("units", 1, kMaxUnits, s.units) || !l.str("activation", 1100, s.activation)) return false;
      if (const Value* ps = l.get("params")) {
        if (!ps->is_array() || ps->arr.size() > 2) return l.fail("params", "must be an array of at most 2 numbers (or null for the default)");
        for (std::size_t q = 0; q < ps->arr.size(); ++q) {
          const Value& e = ps->arr[q];
          if (e.is_null()) continue;
          if (!e.is_number()) return l.fail("params", "must hold numbers or null");
          s.params[q] = static_cast<float>(e.num);
        }
      }
      if (!l.no_unknown()) return false;
      n.hidden.push_back(s);
    }
  }
  int head = static_cast<int>(n.head), init = static_cast<int>(n.init), alpha = static_cast<int>(n.prelu_alpha);
  bool ok = o.choice("head", {"auto", "sigmoid_bce", "softmax_ce", "identity_mse", "tanh_mse"}, head) &&
            o.choice("init", {"zero", "uniform", "xavier", "he", "lecun"}, init) &&
            o.f32("init_scale", 1e-6, 100, n.init_scale) && o.f32("bias_init", -10, 10, n.bias_init) &&
            o.choice("prelu_alpha", {"layer", "unit"}, alpha) && o.seed("seed", n.seed);
  n.head = static_cast<Head>(head);
  n.init = static_cast<Init>(init);
  n.prelu_alpha = static_cast<AlphaMode>(alpha);
  return ok && o.no_unknown();
}

bool read_training(const Value& v, TrainSpec& t, std::string& err) {
  if (!v.is_object()) { err = "config.training must be an object"; return false; }
  Obj o{v, "config.training", err, {}};
  int opt = static_cast<int>(t.optimizer), reg = static_cast<int>(t.regularization), sched = static_cast<int>(t.schedule);
  bool ok = o.choice("optimizer", {"sgd", "momentum", "adam"}, opt) &&
            o.choice("schedule", {"constant", "step", "cosine"}, sched) && o.i32("decay_every", 1, 1000000, t.decay_every) &&
            o.f32("decay_rate", 0, 1, t.decay_rate) && o.i32("schedule_epochs", 1, 1000000, t.schedule_epochs) &&
            o.f32("learning_rate", 1e-9, 100, t.learning_rate) && o.f32("momentum", 0, 0.9999, t.momentum) &&
            o.f32("beta1", 0, 0.9999, t.beta1) && o.f32("beta2", 0, 0.999999, t.beta2) &&
            o.f32("epsilon", 1e-30, 1, t.epsilon) &&
            o.choice("regularization", {"none", "l1", "l2"}, reg) && o.f32("lambda", 0, 10, t.lambda) &&
            o.i32("batch", 1, limits::kMaxBatch, t.batch) && o.boolean("shuffle", t.shuffle) && o.seed("seed", t.seed);
  t.optimizer = static_cast<Optimizer>(opt);
  t.regularization = static_cast<Regularization>(reg);
  t.schedule = static_cast<Schedule>(sched);
  if (ok && !o.f32("min_learning_rate", 0, 100, t.min_learning_rate)) return false;
  if (ok && t.min_learning_rate > t.learning_rate) return o.fail("min_learning_rate", "must not exceed learning_rate");
  return ok && o.no_unknown();
}

}  // namespace

std::string config_from_json(const json::Value& v, Config& out) {
  std::string err;
  if (!v.is_object()) return "config must be an object";
  Config c;
  Obj o{v, "config", err, {}};
  if (const Value* d = o.get("dataset"); d && !read_dataset(*d, c.dataset, err)) return err;
  if (const Value* n = o.get("network"); n && !read_network(*n, c.network, err)) return err;
  if (const Value* t = o.get("training"); t && !read_training(*t, c.training, err)) return err;
  if (!o.no_unknown()) return err;
  out = c;
  return "";
}

json::Value config_to_json(const Config& c) {
  using json::Value;
  Value d = Value::object();
  d.set("name", Value::string(c.dataset.name));
  d.set("samples", Value::number(c.dataset.samples));
  d.set("noise", Value::number(c.dataset.noise));
  d.set("classes", Value::number(c.dataset.classes));
  d.set("train_ratio", Value::number(c.dataset.train_ratio));
  d.set("seed", Value::number(static_cast<double>(c.dataset.seed)));
  Value f = Value::array();
  for (const auto& s : c.dataset.features) f.push(Value::string(s));
  d.set("features", std::move(f));
  if (c.dataset.name == "custom") {
    d.set("points", json::float_array(c.dataset.points.data(), c.dataset.points.size()));
    d.set("task", Value::string(c.dataset.regression ? "regression" : "classification"));
  }

  Value n = Value::object();
  Value h = Value::array();
  for (const auto& l : c.network.hidden) {
    Value e = Value::object();
    e.set("units", Value::number(l.units));
    e.set("activation", Value::string(l.activation));
    Value p = Value::array();
    for (float q : l.params) p.push(std::isnan(q) ? Value() : json::float_value(q));
    e.set("params", std::move(p));
    h.push(std::move(e));
  }
  n.set("hidden", std::move(h));
  n.set("head", Value::string(head_name(c.network.head)));
  n.set("init", Value::string(init_name(c.network.init)));
  n.set("init_scale", json::float_value(c.network.init_scale));
  n.set("bias_init", json::float_value(c.network.bias_init));
  n.set("prelu_alpha", Value::string(c.network.prelu_alpha == AlphaMode::Layer ? "layer" : "unit"));
  n.set("seed", Value::number(static_cast<double>(c.network.seed)));

  Value t = Value::object();
  t.set("optimizer", Value::string(optimizer_name(c.training.optimizer)));
  t.set("learning_rate", json::float_value(c.training.learning_rate));
  t.set("momentum", json::float_value(c.training.momentum));
  t.set("beta1", json::float_value(c.training.beta1));
  t.set("beta2", json::float_value(c.training.beta2));
  t.set("epsilon", json::float_value(c.training.epsilon));
  t.set("regularization", Value::string(regularization_name(c.training.regularization)));
  t.set("lambda", json::float_value(c.training.lambda));
  t.set("batch", Value::number(c.training.batch));
  t.set("shuffle", Value::boolean(c.training.shuffle));
  t.set("seed", Value::number(static_cast<double>(c.training.seed)));
  t.set("schedule", Value::string(schedule_name(c.training.schedule)));
  t.set("decay_every", Value::number(c.training.decay_every));
  t.set("decay_rate", json::float_value(c.training.decay_rate));
  t.set("schedule_epochs", Value::number(c.training.schedule_epochs));
  t.set("min_learning_rate", json::float_value(c.training.min_learning_rate));

  Value root = Value::object();
  root.set("dataset", std::move(d));
  root.set("network", std::move(n));
  root.set("training", std::move(t));
  return root;
}

}  // namespace actlab::nn
