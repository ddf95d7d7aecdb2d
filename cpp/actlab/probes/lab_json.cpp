// lab_json.cpp — JSON in, lab computation, JSON out (lab_json.hpp).
#include "actlab/probes/lab_json.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "actlab/probes/calibration.hpp"
#include "actlab/probes/fit1d.hpp"
#include "actlab/probes/json_out.hpp"
#include "actlab/probes/lab_probes.hpp"

namespace actlab::probes {
namespace {

using json::Value;

// Field readers of the lab specs: leave `out` unchanged when `key` is absent; return "" or
// "<key>: <why>". `whole`: the number must be an integer.
std::string read_string(const Value& spec, const char* key, std::string& out) {
  const Value* v = spec.find(key);
  if (!v) return "";
  if (!v->is_string()) return std::string(key) + ": expected a string";
  out = v->str;
  return "";
}
std::string read_number(const Value& spec, const char* key, double lo, double hi, bool whole, double& out) {
  const Value* v = spec.find(key);
  if (!v) return "";
  if (!v->is_number() || (whole && v->num != std::floor(v->num)) || !(v->num >= lo && v->num <= hi)) {
    char b[112];
    std::snprintf(b, sizeof b, whole ? "%s: expected an integer in [%.0f, %.0f]" : "%s: expected a number in [%g, %g]", key, lo, hi);
    return b;
  }
  out = v->num;
  return "";
}
Value floats(const std::vector<float>& v) {
  Value a = Value::array();
  for (float f : v) a.push(std::isfinite(f) ? json::float_value(f) : Value());
  return a;
}
// "Infinity", "-Infinity", "NaN" or the number with 9 digits: what a float32 cell holds, as text.
Value float_texts(const std::vector<float>& v) {
  Value a = Value::array();
  for (float f : v) {
    if (std::isnan(f)) a.push(Value::string("NaN"));
    else if (std::isinf(f)) a.push(Value::string(f > 0 ? "Infinity" : "-Infinity"));
    else {
      char b[32];
      std::snprintf(b, sizeof b, "%.9g", static_cast<double>(f));
      a.push(Value::string(b));
    }
  }
  return a;
}

std::string softmax_json(const Value& spec) {
  std::vector<float> z = {2.0f, 1.0f, 0.1f};
  if (const Value* v = spec.find("logits")) {
    if (!v->is_array() || v->arr.empty() || v->arr.size() > kMaxLogits) return error_json("logits: expected an array of 1 to 1024 numbers");
    z.clear();
    for (const Value& e : v->arr) {
      if (!e.is_number() || !(std::fabs(e.num) <= 1e30)) return error_json("logits: expected numbers in [-1e30, 1e30]");
      z.push_back(static_cast<float>(e.num));
    }
  }
  double t = 1;
  if (const Value* v = spec.find("temperature")) {
    if (!v->is_number() || !(v->num >= 1e-3 && v->num <= 1e3)) return error_json("temperature: expected a number in [0.001, 1000]");
    t = v->num;
  }
  int target = 0;
  if (const Value* v = spec.find("target")) {
    if (!v->is_number() || v->num != std::floor(v->num) || v->num < 0 || v->num >= static_cast<double>(z.size()))
      return error_json("target: expected a class index from 0 to " + std::to_string(z.size() - 1));
    target = static_cast<int>(v->num);
  }
  SoftmaxLab r;
  if (std::string e = softmax_lab(z, static_cast<float>(t), target, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  o.set("naive", floats(r.naive));
  o.set("naiveText", float_texts(r.naive));
  o.set("stable", floats(r.stable));
  o.set("log", floats(r.log_p));
  o.set("sigmoid", floats(r.sigmoid));
  o.set("grad", floats(r.grad));
  o.set("naiveSum", std::isfinite(r.naive_sum) ? json::float_value(r.naive_sum) : Value());
  o.set("stableSum", json::float_value(r.stable_sum));
  o.set("sigmoidSum", json::float_value(r.sigmoid_sum));
  o.set("crossEntropy", std::isfinite(r.cross_entropy) ? json::float_value(r.cross_entropy) : Value());
  o.set("naiveFinite", Value::boolean(r.naive_finite));
  return json::write(o);
}

std::string chain_json(const Value& spec) {
  double factor = 0.25, layers = 10;
  if (const Value* v = spec.find("factor")) {
    if (!v->is_number()) return error_json("factor: expected a number in [0, 10]");
    factor = v->num;
  }
  if (const Value* v = spec.find("layers")) {
    if (!v->is_number() || v->num != std::floor(v->num)) return error_json("layers: expected an integer in [1, 1000]");
    layers = v->num;
  }
  if (!(layers >= 1 && layers <= kMaxChainLayers)) return error_json("layers: expected an integer in [1, 1000]");
  std::vector<double> product;
  if (std::string e = chain_product(factor, static_cast<int>(layers), product); !e.empty()) return error_json(e);
  Value factors = Value::array();
  if (const Value* s = spec.find("series")) {
    if (!s->is_array() || s->arr.size() > 16) return error_json("series: expected an array of at most 16 arrays");
    for (const Value& one : s->arr) {
      if (!one.is_array() || one.arr.size() > 1000) return error_json("series: each entry is an array of at most 1000 numbers or nulls");
      std::vector<double> v;
      for (const Value& x : one.arr) {
        if (x.is_null()) v.push_back(std::nan(""));
        else if (x.is_number()) v.push_back(x.num);
        else return error_json("series: each entry is an array of at most 1000 numbers or nulls");
      }
      factors.push(num(per_layer_factor(v)));
    }
  }
  Value o = Value::object();
  o.set("product", doubles(product));
  o.set("factors", std::move(factors));
  return json::write(o);
}

// The nonlinearity lab's universal-approximation fit (fit1d.hpp).
std::string fit1d_json(const Value& spec) {
  Fit1dSpec s;
  double units = s.units, points = s.points, seed = 1;
  const auto str = [&](const char* key, std::string& out) { return read_string(spec, key, out); };
  const auto integer = [&](const char* key, double lo, double hi, double& out) { return read_number(spec, key, lo, hi, true, out); };
  for (std::string e : {str("target", s.target), str("activation", s.activation), integer("units", 1, kFitMaxUnits, units),
                        integer("points", 16, kFitMaxPoints, points), integer("seed", 0, 4294967295.0, seed)})
    if (!e.empty()) return error_json(e);
  if (const Value* v = spec.find("drawn")) {
    if (!v->is_array() || v->arr.size() > static_cast<std::size_t>(kFitMaxDrawn)) return error_json("drawn: expected an array of 2 to 257 numbers");
    for (const Value& e : v->arr) {
      if (!e.is_number()) return error_json("drawn: expected numbers in [-10, 10]");
      s.drawn.push_back(e.num);
    }
  }
  if (const Value* v = spec.find("sweep")) {
    if (!v->is_bool()) return error_json("sweep: expected true or false");
    s.sweep = v->b;
  }
  s.units = static_cast<int>(units);
  s.points = static_cast<int>(points);
  s.seed = static_cast<std::uint64_t>(seed);
  Fit1dResult r;
  if (std::string e = fit_1d(s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  o.set("x", doubles(r.x));
  o.set("target", doubles(r.target));
  o.set("fit", doubles(r.fit));
  o.set("contrib", doubles(r.contrib));
  o.set("kink", doubles(r.kink));
  o.set("w", doubles(r.w));
  o.set("b", doubles(r.b));
  o.set("v", doubles(r.v));
  o.set("c", num(r.c));
  o.set("rmse", num(r.rmse));
  o.set("maxAbsErr", num(r.max_abs_err));
  o.set("sweep", doubles(r.sweep_rmse));
  return json::write(o);
}


// The softmax lab's calibration demo (calibration.hpp): a trained model's confidence against its accuracy.
std::string calibration_json(const Value& spec) {
  CalibrationSpec s;
  double classes = s.classes, samples = s.samples, units = s.units, layers = s.layers, epochs = s.epochs, bins = s.bins, seed = 1;
  const auto str = [&](const char* key, std::string& out) { return read_string(spec, key, out); };
  const auto number = [&](const char* key, double lo, double hi, bool whole, double& out) {
    return read_number(spec, key, lo, hi, whole, out);
  };
  for (std::string e : {str("dataset", s.dataset), str("activation", s.activation), number("classes", 2, 10, true, classes),
                        number("samples", 20, kCalMaxSamples, true, samples), number("noise", 0, 1, false, s.noise),
                        number("units", 1, kCalMaxUnits, true, units), number("layers", 1, kCalMaxLayers, true, layers),
                        number("epochs", 1, kCalMaxEpochs, true, epochs), number("learningRate", 1e-5, 1, false, s.learning_rate),
                        number("temperature", 0.05, 20, false, s.temperature), number("bins", 2, kCalMaxBins, true, bins),
                        number("seed", 0, 4294967295.0, true, seed)})
    if (!e.empty()) return error_json(e);
  if (s.dataset != "blobs" && s.dataset != "spiral") return error_json("dataset: expected blobs or spiral");
  s.classes = static_cast<int>(classes);
  s.samples = static_cast<int>(samples);
  s.units = static_cast<int>(units);
  s.layers = static_cast<int>(layers);
  s.epochs = static_cast<int>(epochs);
  s.bins = static_cast<int>(bins);
  s.seed = static_cast<std::uint64_t>(seed);
  CalibrationResult r;
  if (std::string e = calibration_run(s, r); !e.empty()) return error_json(e);
  Value o = Value::object();
  o.set("nTrain", Value::number(r.n_train));
  o.set("nTest", Value::number(r.n_test));
  o.set("classes", Value::number(r.classes));
  o.set("trainAccuracy", num(r.train_accuracy));
  o.set("finalLoss", num(r.final_loss));
  o.set("accuracy", num(r.accuracy));
  o.set("confidence", num(r.confidence));
  o.set("ece", num(r.ece));
  o.set("nll", num(r.nll));
  o.set("confident", Value::number(r.confident));
  o.set("confidentWrong", Value::number(r.confident_wrong));
  Value bs = Value::array();
  for (const CalibrationBin& b : r.bins) {
    Value x = Value::object();
    x.set("lo", num(b.lo));
    x.set("hi", num(b.hi));
    x.set("count", Value::number(b.count));
    x.set("confidence", num(b.confidence));
    x.set("accuracy", num(b.accuracy));
    bs.push(std::move(x));
  }
  o.set("bins", std::move(bs));
  if (r.example.index >= 0) {
    Value e = Value::object();
    e.set("index", Value::number(r.example.index));
    e.set("x", num(r.example.x));
    e.set("y", num(r.example.y));
    e.set("label", Value::number(r.example.label));
    e.set("predicted", Value::number(r.example.predicted));
    e.set("confidence", num(r.example.confidence));
    e.set("others", num(r.example.others));
    e.set("logits", floats(r.example.logits));
    e.set("probs", floats(r.example.probs));
    o.set("example", std::move(e));
  } else {
    o.set("example", Value());
  }
  Value ts = Value::array(), es = Value::array();
  for (std::size_t i = 0; i < kSweepT.size(); ++i) {
    ts.push(Value::number(kSweepT[i]));
    es.push(num(r.sweep_ece[i]));
  }
  o.set("sweepT", std::move(ts));
  o.set("sweepEce", std::move(es));
  o.set("bestT", num(r.best_t));
  o.set("bestEce", num(r.best_ece));
  return json::write(o);
}

}  // namespace

bool run_lab_probe_json(std::string_view kind, const json::Value& spec, std::string& out) {
  if (kind == "softmax") out = softmax_json(spec);
  else if (kind == "chain") out = chain_json(spec);
  else if (kind == "fit1d") out = fit1d_json(spec);
  else if (kind == "calibration") out = calibration_json(spec);
  else return false;
  return true;
}

}  // namespace actlab::probes
