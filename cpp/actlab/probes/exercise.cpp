// exercise.cpp — the exercises' engine checks (exercise.hpp).
#include "actlab/probes/exercise.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "actlab/activations/registry.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/probes/depth.hpp"
#include "actlab/probes/health.hpp"
#include "actlab/probes/json_out.hpp"
#include "actlab/util/json.hpp"

namespace actlab::probes {
namespace {

using json::Value;

// f at x = 0, 1 and −3; the answer is a constant when all three are the same (same bits, or all NaN).
bool constant_value(const expr::Compiled& c, double& v) {
  const float xs[3] = {0.0f, 1.0f, -3.0f};
  float ys[3];
  c.apply(xs, ys, 3, false);
  v = ys[0];
  for (float y : ys)
    if (!(y == ys[0] || (std::isnan(y) && std::isnan(ys[0])))) return false;
  return true;
}

}  // namespace

expr::Error check_number(std::string_view answer, std::string_view reference, double atol, double rtol, NumberCheck& out) {
  out = {};
  if (!(atol >= 0) || !(rtol >= 0) || !std::isfinite(atol) || !std::isfinite(rtol))
    return {"tolerances must be finite and not negative", 0};
  expr::Compiled a, r;
  if (expr::Error e = expr::compile(answer, expr::default_params(), a)) return e;
  if (expr::Error e = expr::compile(reference, expr::default_params(), r)) {
    e.message = "reference: " + e.message;
    return e;
  }
  if (!constant_value(a, out.answer))
    return {"your answer changes with " + std::string(1, a.expr.input_name) + ": type a number (or a calculation such as 1/(1+e))", 0};
  if (!constant_value(r, out.reference)) return {"reference: not a constant", 0};
  out.abs_error = std::fabs(out.answer - out.reference);
  out.rel_error = out.abs_error / std::max(std::fabs(out.reference), 1e-30);
  out.pass = std::isfinite(out.answer) && out.abs_error <= atol + rtol * std::fabs(out.reference);
  return {};
}

expr::Error health_rule(std::string_view rule, HealthRuleCheck& out) {
  out = {};
  expr::Compiled c;
  if (expr::Error e = expr::compile(rule, {{"g", 1.0f, false, "g"}}, c)) return e;
  // The rule must depend on g only: x (or z) is not a layer's number.
  {
    double v0 = 0;
    if (!constant_value(c, v0))
      return {"write the rule with g (a layer's mean |gradient|), not " + std::string(1, c.expr.input_name), 0};
  }
  struct Setup { const char* name; const char* act; const char* init; int layers; int width; bool normal; nn::Init i; };
  // A deep sigmoid stack (Xavier, the usual default) and ReLU with N(0, 1) weights (the course's exploding case).
  const Setup setups[2] = {{"deep sigmoid", "sigmoid", "xavier", 30, 32, false, nn::Init::Xavier},
                           {"exploding ReLU", "relu", "normal", 20, 32, true, nn::Init::Xavier}};
  for (int k = 0; k < 2; ++k) {
    const Setup& s = setups[k];
    const Activation* act = find_activation(s.act);
    float p[kMaxParams];
    act->default_params(p);
    DepthSpec spec;
    spec.layers = s.layers;
    spec.width = s.width;
    spec.init = s.i;
    spec.standard_normal = s.normal;
    DepthResult r;
    if (std::string e = depth_sweep(*act, p, spec, r); !e.empty()) return {e, 0};
    HealthRun run{s.name, s.act, s.init, s.layers, s.width, r.grad, {}, {}, 0, 0};
    for (double g : r.grad) {
      bool engine = !std::isfinite(g) || g < kVanishBelow || g > kExplodeAbove;
      c.values[0] = std::isfinite(g) ? static_cast<float>(g) : std::numeric_limits<float>::infinity();
      const float x0 = 0.0f;
      float y = 0;
      c.apply(&x0, &y, 1, false);
      bool learner = y != 0.0f;  // NaN != 0: flagged
      run.engine.push_back(engine);
      run.learner.push_back(learner);
      if (engine && !learner) ++run.missed;
      if (!engine && learner) ++run.false_alarms;
      if (engine != learner && out.first_run < 0) {
        out.first_run = k;
        out.first_layer = static_cast<int>(run.engine.size());
      }
    }
    out.missed += run.missed;
    out.false_alarms += run.false_alarms;
    out.runs.push_back(std::move(run));
  }
  out.pass = out.missed == 0 && out.false_alarms == 0;
  return {};
}

namespace {

Value error_value(std::string_view text, const expr::Error& e) {
  Value o = Value::object();
  o.set("ok", Value::boolean(false));
  Value err = Value::object();
  err.set("message", Value::string(e.message));
  err.set("column", Value::number(e.column));
  err.set("display", Value::string(e.column > 0 ? expr::format_error(text, e) : e.message));
  o.set("error", err);
  return o;
}
std::string fail(std::string msg) { return json::write(error_value("", {std::move(msg), 0})); }

std::string get_string(const Value& spec, const char* key, std::string& out, std::size_t max = 1000) {
  const Value* v = spec.find(key);
  if (!v) return std::string(key) + ": missing";
  if (!v->is_string() || v->str.size() > 4 * max) return std::string(key) + ": expected a string";
  out = v->str;
  return "";
}
std::string get_num(const Value& spec, const char* key, double lo, double hi, double& out) {
  const Value* v = spec.find(key);
  if (!v) return "";
  if (!v->is_number() || !(v->num >= lo && v->num <= hi))
    return std::string(key) + ": expected a number in [" + json::write(Value::number(lo)) + ", " + json::write(Value::number(hi)) + "]";
  out = v->num;
  return "";
}
// A whole number in [lo, hi] into `out`, whose type must hold hi: seeds go up to 4294967295, so they
// are std::int64_t (an int held them once, undefined behaviour above 2^31 − 1, found by exercise_fuzz).
template <class I>
std::string get_int(const Value& spec, const char* key, double lo, double hi, I& out) {
  static_assert(std::is_integral_v<I>);
  double d = static_cast<double>(out);
  if (std::string e = get_num(spec, key, lo, hi, d); !e.empty()) return e;
  if (d != std::floor(d)) return std::string(key) + ": expected an integer";
  out = static_cast<I>(d);
  return "";
}

std::string number_json(const Value& spec) {
  std::string answer, reference;
  double atol = 0, rtol = 0;
  for (std::string e : {get_string(spec, "answer", answer), get_string(spec, "reference", reference),
                        get_num(spec, "atol", 0, 1e30, atol), get_num(spec, "rtol", 0, 1, rtol)})
    if (!e.empty()) return fail(e);
  NumberCheck c;
  if (expr::Error e = check_number(answer, reference, atol, rtol, c))
    return json::write(error_value(e.message.rfind("reference: ", 0) == 0 ? reference : answer, e));
  Value o = Value::object();
  o.set("ok", Value::boolean(true));
  o.set("pass", Value::boolean(c.pass));
  o.set("answer", num(c.answer));
  o.set("reference", num(c.reference));
  o.set("absError", num(c.abs_error));
  o.set("relError", num(c.rel_error));
  o.set("atol", Value::number(atol));
  o.set("rtol", Value::number(rtol));
  return json::write(o);
}

Value flags(const std::vector<char>& v) {
  Value a = Value::array();
  for (char c : v) a.push(Value::boolean(c != 0));
  return a;
}

std::string health_json(const Value& spec) {
  std::string rule;
  if (std::string e = get_string(spec, "rule", rule); !e.empty()) return fail(e);
  HealthRuleCheck c;
  if (expr::Error e = health_rule(rule, c)) return json::write(error_value(rule, e));
  Value o = Value::object();
  o.set("ok", Value::boolean(true));
  o.set("pass", Value::boolean(c.pass));
  o.set("missed", Value::number(c.missed));
  o.set("falseAlarms", Value::number(c.false_alarms));
  o.set("firstRun", Value::number(c.first_run));
  o.set("firstLayer", Value::number(c.first_layer));
  Value th = Value::array();
  th.push(Value::number(kVanishBelow));
  th.push(Value::number(kExplodeAbove));
  o.set("thresholds", std::move(th));
  Value runs = Value::array();
  for (const HealthRun& r : c.runs) {
    Value x = Value::object();
    x.set("name", Value::string(r.name));
    x.set("activation", Value::string(r.activation));
    x.set("init", Value::string(r.init));
    x.set("layers", Value::number(r.layers));
    x.set("width", Value::number(r.width));
    x.set("grad", doubles(r.grad));
    x.set("engine", flags(r.engine));
    x.set("learner", flags(r.learner));
    x.set("missed", Value::number(r.missed));
    x.set("falseAlarms", Value::number(r.false_alarms));
    runs.push(std::move(x));
  }
  o.set("runs", std::move(runs));
  return json::write(o);
}

// {activations: [...], answers: [n...] (0 = never), layers, width, init, seed, tolerance}
std::string depth_json(const Value& spec) {
  const Value* acts = spec.find("activations");
  const Value* answers = spec.find("answers");
  if (!acts || !acts->is_array() || acts->arr.empty() || acts->arr.size() > 8) return fail("activations: expected 1 to 8 registry ids");
  if (!answers || !answers->is_array() || answers->arr.size() != acts->arr.size())
    return fail("answers: expected one layer number per activation (0 = never)");
  DepthSpec s;
  s.width = 5;
  s.standard_normal = true;
  int tolerance = 1;
  std::int64_t seed = 1;
  std::string init = "normal";
  if (const Value* v = spec.find("init")) {
    if (!v->is_string() || (v->str != "xavier" && v->str != "he" && v->str != "lecun" && v->str != "normal"))
      return fail("init: expected xavier, he, lecun or normal");
    init = v->str;
  }
  s.standard_normal = init == "normal";
  s.init = init == "he" ? nn::Init::He : init == "lecun" ? nn::Init::Lecun : nn::Init::Xavier;
  for (std::string e : {get_int(spec, "layers", 1, 100, s.layers), get_int(spec, "width", 1, 256, s.width),
                        get_int(spec, "seed", 0, 4294967295.0, seed), get_int(spec, "tolerance", 0, 100, tolerance)})
    if (!e.empty()) return fail(e);
  s.seed = static_cast<std::uint64_t>(seed);
  Value rows = Value::array();
  bool pass = true;
  for (std::size_t k = 0; k < acts->arr.size(); ++k) {
    const Value& a = acts->arr[k];
    const Value& n = answers->arr[k];
    const Activation* act = a.is_string() ? find_activation(a.str) : nullptr;
    if (!act) return fail("activations[" + std::to_string(k) + "]: unknown activation");
    if (!n.is_number() || !(n.num >= 0 && n.num <= 1000) || n.num != std::floor(n.num))
      return fail("answers[" + std::to_string(k) + "]: expected a whole layer number from 0 (never) to 1000");
    float p[kMaxParams];
    act->default_params(p);
    DepthResult r;
    if (std::string e = depth_sweep(*act, p, s, r); !e.empty()) return fail(e);
    int engine = r.vanish_forward, answer = static_cast<int>(n.num);
    bool ok = (engine == 0 || answer == 0) ? engine == answer : std::abs(engine - answer) <= tolerance;
    pass = pass && ok;
    Value row = Value::object();
    row.set("activation", Value::string(act->id));
    row.set("engine", Value::number(engine));
    row.set("answer", Value::number(answer));
    row.set("ok", Value::boolean(ok));
    rows.push(std::move(row));
  }
  Value o = Value::object();
  o.set("ok", Value::boolean(true));
  o.set("pass", Value::boolean(pass));
  o.set("tolerance", Value::number(tolerance));
  o.set("rows", std::move(rows));
  return json::write(o);
}

// {dataset, samples, noise, dataSeed, hidden: [units...], activations: [...], init, optimizer, lr,
//  batch, seed, epochs, target}
std::string race_json(const Value& spec) {
  const Value* acts = spec.find("activations");
  if (!acts || !acts->is_array() || acts->arr.empty() || acts->arr.size() > 6) return fail("activations: expected 1 to 6 activations");
  std::string dataset = "xor", init = "xavier", optimizer = "sgd";
  for (auto [key, out] : {std::pair{"dataset", &dataset}, std::pair{"init", &init}, std::pair{"optimizer", &optimizer}})
    if (spec.find(key))
      if (std::string e = get_string(spec, key, *out, 40); !e.empty()) return fail(e);
  int samples = 200, batch = 10, epochs = 100;
  std::int64_t data_seed = 1, seed = 1;
  double noise = 0, lr = 0.1, target = 0.1;
  for (std::string e : {get_int(spec, "samples", 20, 1000, samples), get_int(spec, "dataSeed", 0, 4294967295.0, data_seed),
                        get_int(spec, "batch", 5, 500, batch), get_int(spec, "seed", 0, 4294967295.0, seed),
                        get_int(spec, "epochs", 1, 300, epochs), get_num(spec, "noise", 0, 1, noise),
                        get_num(spec, "lr", 1e-6, 10, lr), get_num(spec, "target", 0, 100, target)})
    if (!e.empty()) return fail(e);
  std::vector<int> hidden = {8, 8};
  if (const Value* h = spec.find("hidden")) {
    if (!h->is_array() || h->arr.size() > 4) return fail("hidden: expected up to 4 layer sizes");
    hidden.clear();
    for (const Value& u : h->arr) {
      if (!u.is_number() || !(u.num >= 1 && u.num <= 16) || u.num != std::floor(u.num)) return fail("hidden: layer sizes are 1 to 16");
      hidden.push_back(static_cast<int>(u.num));
    }
  }
  Value runs = Value::array();
  int fastest = -1, best = 0;
  for (std::size_t k = 0; k < acts->arr.size(); ++k) {
    const Value& a = acts->arr[k];
    if (!a.is_string() || a.str.size() > 4000) return fail("activations[" + std::to_string(k) + "]: expected a string");
    Value cfg = Value::object();
    Value d = Value::object();
    d.set("name", Value::string(dataset));
    d.set("samples", Value::number(samples));
    d.set("noise", Value::number(noise));
    d.set("seed", Value::number(static_cast<double>(data_seed)));
    Value layers = Value::array();
    for (int u : hidden) {
      Value l = Value::object();
      l.set("units", Value::number(u));
      l.set("activation", Value::string(a.str));
      layers.push(std::move(l));
    }
    Value n = Value::object();
    n.set("hidden", std::move(layers));
    n.set("init", Value::string(init));
    n.set("seed", Value::number(static_cast<double>(seed)));
    Value t = Value::object();
    t.set("optimizer", Value::string(optimizer));
    t.set("learning_rate", Value::number(lr));
    t.set("batch", Value::number(batch));
    t.set("seed", Value::number(static_cast<double>(seed)));
    cfg.set("dataset", std::move(d));
    cfg.set("network", std::move(n));
    cfg.set("training", std::move(t));
    nn::Trainer tr;
    if (std::string e = tr.configure_json(json::write(cfg)); !e.empty()) return fail("activations[" + std::to_string(k) + "]: " + e);
    Value loss = Value::array();
    int reached = 0;
    bool diverged = false;
    for (int ep = 1; ep <= epochs; ++ep) {
      if (!tr.run_epoch()) { diverged = true; break; }
      double l = tr.last_epoch_loss();
      loss.push(num(l));
      if (reached == 0 && std::isfinite(l) && l <= target) reached = ep;
    }
    nn::Metrics m = tr.evaluate(true);
    Value params = Value::array();
    for (const nn::Layer& l : tr.network().layers())
      if (l.expr) {
        Value pl = Value::array();
        for (float v : l.evalues) pl.push(num(v));
        params.push(std::move(pl));
      }
    Value r = Value::object();
    r.set("activation", Value::string(a.str));
    r.set("loss", std::move(loss));
    r.set("epochsToTarget", Value::number(reached));
    r.set("diverged", Value::boolean(diverged));
    r.set("testLoss", num(m.loss));
    r.set("testAccuracy", num(m.accuracy));
    r.set("params", std::move(params));
    runs.push(std::move(r));
    if (reached > 0 && (fastest < 0 || reached < best)) { fastest = static_cast<int>(k); best = reached; }
  }
  Value o = Value::object();
  o.set("ok", Value::boolean(true));
  o.set("fastest", Value::number(fastest));
  o.set("target", Value::number(target));
  o.set("epochs", Value::number(epochs));
  o.set("runs", std::move(runs));
  return json::write(o);
}

}  // namespace

std::string exercise_json(std::string_view kind, std::string_view spec_json) {
  Value spec;
  std::string err;
  if (spec_json.size() > 100000) return fail("spec: longer than 100000 bytes");
  if (!json::parse(spec_json, spec, err)) return fail("spec: " + err);
  if (!spec.is_object()) return fail("spec: expected an object");
  if (kind == "number") return number_json(spec);
  if (kind == "healthRule") return health_json(spec);
  if (kind == "depthAnswers") return depth_json(spec);
  if (kind == "race") return race_json(spec);
  return fail("unknown exercise check \"" + std::string(kind.substr(0, 40)) + "\" (accepted: number, healthRule, depthAnswers, race)");
}

}  // namespace actlab::probes
