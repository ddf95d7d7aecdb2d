// probe_json.cpp — JSON in, probe, JSON out (probe_json.hpp).
#include "actlab/probes/probe_json.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/census.hpp"
#include "actlab/probes/collapse.hpp"
#include "actlab/probes/depth.hpp"
#include "actlab/probes/dying.hpp"
#include "actlab/probes/json_out.hpp"
#include "actlab/probes/lab_json.hpp"
#include "actlab/probes/scan.hpp"
#include "actlab/util/json.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::probes {
namespace {

using json::Value;

// Field readers: leave `out` unchanged when absent; return "" or "<key>: <why>".
std::string get_num(const Value& spec, const char* key, double lo, double hi, double& out) {
  const Value* v = spec.find(key);
  if (!v) return "";
  if (!v->is_number() || !(v->num >= lo && v->num <= hi)) {
    char b[128];
    auto whole = [](double d) { return std::fabs(d) < 1e16 && d == std::trunc(d); };  // seeds print exactly
    std::snprintf(b, sizeof b, whole(lo) && whole(hi) ? "%s: expected a number in [%.0f, %.0f]" : "%s: expected a number in [%g, %g]",
                  key, lo, hi);
    return b;
  }
  out = v->num;
  return "";
}
template <class T> std::string get_int(const Value& spec, const char* key, double lo, double hi, T& out) {
  double d = static_cast<double>(out);
  if (std::string e = get_num(spec, key, lo, hi, d); !e.empty()) return e;
  if (d != std::floor(d)) return std::string(key) + ": expected an integer";
  out = static_cast<T>(d);
  return "";
}
std::string get_activation(const Value& spec, const char* def, const Activation*& act, float* params) {
  std::string id = def;
  if (const Value* v = spec.find("activation")) {
    if (!v->is_string()) return "activation: expected a string";
    id = v->str;
  }
  act = find_activation(id);
  if (!act) return "activation: unknown \"" + id.substr(0, 40) + "\" (accepted: " + activation_ids() + ")";
  act->default_params(params);
  if (const Value* p = spec.find("params")) {
    if (!p->is_array() || p->arr.size() > static_cast<std::size_t>(kMaxParams)) return "params: expected an array of at most 2 numbers";
    for (std::size_t k = 0; k < p->arr.size(); ++k) {
      if (p->arr[k].is_null()) continue;
      if (!p->arr[k].is_number()) return "params: expected numbers or null";
      params[k] = static_cast<float>(p->arr[k].num);
    }
  }
  return "";
}

std::string scan(const Value& spec) {
  const Activation* act;
  float p[kMaxParams];
  int points = 100;
  double lo = -5, hi = 5, th = 0.01;
  for (std::string e : {get_activation(spec, "relu", act, p), get_int(spec, "points", 2, limits::kScanMaxPoints, points), get_num(spec, "lo", -1e6, 1e6, lo),
                        get_num(spec, "hi", -1e6, 1e6, hi), get_num(spec, "threshold", 0, 1e6, th)})
    if (!e.empty()) return error_json(e);
  ScanResult r;
  if (std::string e = gradient_scan(*act, p, points, static_cast<float>(lo), static_cast<float>(hi), static_cast<float>(th), r); !e.empty())
    return error_json(e);
  Value o = Value::object();
  o.set("x", json::float_array(r.x.data(), r.x.size()));
  o.set("f", json::float_array(r.f.data(), r.f.size()));
  o.set("df", json::float_array(r.df.data(), r.df.size()));
  o.set("deadShare", num(r.dead_share));
  o.set("minAbsDf", num(r.min_abs_df));
  o.set("maxAbsDf", num(r.max_abs_df));
  return json::write(o);
}

std::string depth(const Value& spec) {
  const Activation* act;
  float p[kMaxParams];
  DepthSpec s;
  double th = s.threshold;
  std::string init = "xavier";
  if (const Value* v = spec.find("init")) {
    if (!v->is_string() || (v->str != "xavier" && v->str != "he" && v->str != "lecun" && v->str != "normal"))
      return error_json("init: expected xavier, he, lecun or normal");
    init = v->str;
  }
  s.init = init == "he" ? nn::Init::He : init == "lecun" ? nn::Init::Lecun : nn::Init::Xavier;
  s.standard_normal = init == "normal";  // the course's N(0, 1) weights, unscaled (issue 10)
  for (std::string e : {get_activation(spec, "sigmoid", act, p), get_int(spec, "layers", 1, 1000, s.layers),
                        get_int(spec, "width", 1, 1024, s.width), get_int(spec, "samples", 2, 4096, s.samples),
                        get_int(spec, "seed", 0, 9007199254740991.0, s.seed), get_num(spec, "threshold", 0, 1e6, th)})
    if (!e.empty()) return error_json(e);
  s.threshold = static_cast<float>(th);
  DepthResult r;
  if (std::string e = depth_sweep(*act, p, s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  o.set("signal", doubles(r.signal));
  o.set("meanAbs", doubles(r.mean_abs));
  o.set("grad", doubles(r.grad));
  o.set("vanishForward", Value::number(r.vanish_forward));
  o.set("vanishBackward", Value::number(r.vanish_backward));
  return json::write(o);
}

std::string census(const Value& spec) {
  const Activation* act;
  float p[kMaxParams];
  CensusSpec s;
  for (std::string e : {get_activation(spec, "relu", act, p), get_int(spec, "inputs", 1, 4096, s.inputs), get_int(spec, "units", 1, 4096, s.units),
                        get_int(spec, "samples", 1, 100000, s.samples), get_num(spec, "biasMean", -100, 100, s.bias_mean),
                        get_int(spec, "seed", 0, 9007199254740991.0, s.seed)})
    if (!e.empty()) return error_json(e);
  CensusResult r;
  if (std::string e = neuron_census(*act, p, s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  Value units = Value::array();
  for (const UnitCensus& u : r.units) {
    Value x = Value::object();
    x.set("active", num(u.active_share));
    x.set("firing", num(u.firing_share));
    x.set("saturated", num(u.saturated_share));
    x.set("state", Value::string(u.state));
    x.set("saturation", Value::string(u.saturation));
    units.push(std::move(x));
  }
  o.set("units", std::move(units));
  o.set("dead", Value::number(r.dead));
  o.set("weak", Value::number(r.weak));
  o.set("healthy", Value::number(r.healthy));
  o.set("saturated", Value::number(r.saturated));
  o.set("oftenSaturated", Value::number(r.often_saturated));
  return json::write(o);
}

std::string dying(const Value& spec) {
  const Activation* act;
  float p[kMaxParams];
  DyingSpec s;
  if (const Value* v = spec.find("dataset")) {
    static const char* kSets[] = {"circle", "xor", "blobs", "spiral", "moons", "checkerboard"};
    bool ok = v->is_string();
    if (ok) {
      ok = false;
      for (const char* k : kSets) ok = ok || v->str == k;
    }
    if (!ok) return error_json("dataset: expected circle, xor, blobs, spiral, moons or checkerboard");
    s.dataset = v->str;
  }
  for (std::string e : {get_activation(spec, "relu", act, p), get_int(spec, "samples", 20, 4000, s.samples), get_int(spec, "units", 1, 256, s.units),
                        get_int(spec, "layers", 1, 8, s.layers), get_int(spec, "epochs", 1, kDyingMaxEpochs, s.epochs),
                        get_int(spec, "batch", 1, 1024, s.batch), get_num(spec, "learningRate", 1e-6, 10, s.learning_rate),
                        get_num(spec, "biasInit", -10, 10, s.bias_init), get_int(spec, "seed", 0, 9007199254740991.0, s.seed)})
    if (!e.empty()) return error_json(e);
  DyingResult r;
  if (std::string e = dying_run(*act, p, s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  Value dead = Value::array(), share = Value::array(), loss = Value::array(), acc = Value::array(), per = Value::array();
  for (const DyingEpoch& e : r.epochs) {
    dead.push(Value::number(e.dead));
    share.push(num(e.dead_share));
    loss.push(num(e.loss));
    acc.push(num(e.accuracy));
    Value l = Value::array();
    for (int d : e.dead_per_layer) l.push(Value::number(d));
    per.push(std::move(l));
  }
  o.set("hiddenUnits", Value::number(r.hidden_units));
  o.set("dead", std::move(dead));
  o.set("deadShare", std::move(share));
  o.set("deadPerLayer", std::move(per));
  o.set("loss", std::move(loss));
  o.set("accuracy", std::move(acc));
  o.set("peakDead", Value::number(r.peak_dead));
  o.set("peakEpoch", Value::number(r.peak_epoch));
  o.set("divergedAt", Value::number(r.diverged_at));
  o.set("divergence", Value::string(r.divergence));
  return json::write(o);
}

std::string collapse(const Value& spec) {
  CollapseSpec s;
  if (const Value* v = spec.find("sizes")) {
    if (!v->is_array()) return error_json("sizes: expected an array of integers");
    s.sizes.clear();
    for (const Value& e : v->arr) {
      if (!e.is_number() || e.num != std::floor(e.num) || e.num < 1 || e.num > 512) return error_json("sizes: expected integers in [1, 512]");
      s.sizes.push_back(static_cast<int>(e.num));
    }
  }
  if (const Value* v = spec.find("activation")) {
    if (!v->is_string()) return error_json("activation: expected a string");
    s.activation = v->str;
  }
  for (std::string e : {get_int(spec, "samples", 1, 10000, s.samples), get_int(spec, "seed", 0, 9007199254740991.0, s.seed)})
    if (!e.empty()) return error_json(e);
  CollapseResult r;
  if (std::string e = linear_collapse(s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  o.set("M", doubles(r.M));
  o.set("c", doubles(r.c));
  o.set("stack", doubles(r.stack_out));
  o.set("collapsed", doubles(r.collapsed_out));
  o.set("maxAbsDiff", num(r.max_abs_diff));
  o.set("maxAbsOut", num(r.max_abs_out));
  return json::write(o);
}

}  // namespace

std::string run_probe_json(std::string_view kind, std::string_view spec_json) {
  Value spec;
  std::string err;
  if (!json::parse(spec_json.empty() ? "{}" : spec_json, spec, err)) return error_json("spec: " + err);
  if (!spec.is_object()) return error_json("spec: expected a JSON object");
  if (kind == "scan") return scan(spec);
  if (kind == "depth") return depth(spec);
  if (kind == "census") return census(spec);
  if (kind == "collapse") return collapse(spec);
  if (kind == "dying") return dying(spec);  // the dead-neuron lab: per-epoch census during training
  // The labs' teaching calls (issue 10): naive vs stable softmax, the 0.25^N arithmetic.
  if (std::string out; run_lab_probe_json(kind, spec, out)) return out;
  return error_json("unknown probe \"" + std::string(kind.substr(0, 40)) + "\" (accepted: scan, depth, census, collapse, dying, softmax, chain, fit1d, calibration)");
}

}  // namespace actlab::probes
