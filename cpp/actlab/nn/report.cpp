// report.cpp — builds the JSON documents of report.hpp with util/json.
#include "actlab/nn/report.hpp"

#include <cmath>

namespace actlab::nn {

using json::Value;

namespace {
Value num(double d) { return std::isfinite(d) ? Value::number(d) : Value(); }
Value metrics(const Metrics& m) {
  Value o = Value::object();
  o.set("loss", num(m.loss));
  o.set("accuracy", num(m.accuracy));
  return o;
}
}  // namespace

std::string status_json(Trainer& t) {
  Value o = Value::object();
  o.set("ready", Value::boolean(t.ready()));
  if (!t.ready()) return json::write(o);
  o.set("epoch", Value::number(t.epoch()));
  o.set("steps", Value::number(static_cast<double>(t.steps())));
  o.set("lastEpochLoss", num(t.last_epoch_loss()));
  o.set("learningRate", num(t.ready() ? static_cast<double>(t.learning_rate_now()) : NAN));
  o.set("train", metrics(t.evaluate(false)));
  o.set("test", metrics(t.evaluate(true)));
  const probes::Divergence& d = t.divergence();
  o.set("diverged", Value::boolean(d.found));
  if (d.found) {
    Value v = Value::object();
    v.set("step", Value::number(static_cast<double>(d.step)));
    v.set("epoch", Value::number(d.epoch));
    v.set("layer", Value::number(d.layer));
    v.set("what", Value::string(d.what));
    v.set("cause", Value::string(d.cause));
    v.set("message", Value::string(d.message()));
    o.set("divergence", std::move(v));
  } else {
    o.set("divergence", Value());
  }
  const data::Dataset& ds = t.dataset();
  Value dv = Value::object();
  dv.set("name", Value::string(ds.name));
  dv.set("task", Value::string(data::task_name(ds.task)));
  dv.set("classes", Value::number(ds.classes));
  dv.set("inputs", Value::number(ds.dims));
  dv.set("nTrain", Value::number(static_cast<double>(ds.n_train())));
  dv.set("nTest", Value::number(static_cast<double>(ds.n_test())));
  o.set("dataset", std::move(dv));
  o.set("outputs", Value::number(t.network().outputs()));
  o.set("params", Value::number(static_cast<double>(t.network().param_count())));
  return json::write(o);
}

std::string health_json(Trainer& t) {
  Value arr = Value::array();
  for (const probes::LayerHealth& h : t.health()) {
    Value o = Value::object();
    o.set("layer", Value::number(h.layer + 1));
    o.set("units", Value::number(h.units));
    o.set("activation", Value::string(h.activation));
    o.set("meanAbsGrad", num(h.mean_abs_grad));
    o.set("meanAbsFprime", num(h.mean_abs_fprime));
    o.set("deadShare", num(h.dead_share));
    o.set("saturatedShare", num(h.saturated_share));
    Value hist = Value::array();
    for (int c : h.histogram) hist.push(Value::number(c));
    o.set("histogram", std::move(hist));
    Value range = Value::array();
    range.push(Value::number(-probes::kHistRange));
    range.push(Value::number(probes::kHistRange));
    o.set("histRange", std::move(range));
    o.set("below", Value::number(h.below));
    o.set("above", Value::number(h.above));
    o.set("nonfinite", Value::number(h.nonfinite));
    o.set("warning", Value::string(h.warning));
    arr.push(std::move(o));
  }
  return json::write(arr);
}

std::string weights_json(const Trainer& t) {
  Value arr = Value::array();
  for (const Layer& l : t.network().layers()) {
    Value o = Value::object();
    o.set("in", Value::number(l.in));
    o.set("out", Value::number(l.out));
    o.set("activation", Value::string(l.act ? l.activation_id() : head_name(t.network().head())));
    o.set("W", json::float_array(l.W.data(), l.W.size()));
    o.set("b", json::float_array(l.b.data(), l.b.size()));
    o.set("alpha", json::float_array(l.alpha.data(), l.alpha.size()));
    arr.push(std::move(o));
  }
  return json::write(arr);
}

}  // namespace actlab::nn
