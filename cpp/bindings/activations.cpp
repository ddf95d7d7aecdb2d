// activations.cpp — Embind bindings for the activation registry and softmax (mechanical, no maths).
//
// JS gets: version(), activationsJson(), class F32Buffer (float storage inside wasm memory, with
// view() returning a Float32Array onto it: re-take it after every call, memory may grow; error()
// is "" or why the size could not be had — the constructor never aborts the module), and
// apply()/softmax(), which return "" or an error message instead of throwing (the browser module
// is built without C++ exceptions). See docs/ARCHITECTURE.md for the contract.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/activations/softmax.hpp"
#include "bindings/f32buffer.hpp"
#include "bindings/json_writer.hpp"

namespace {

using actlab::bindings::F32Buffer;

std::string version() { return "0.1.0"; }

std::string activations_json() {
  actlab::bindings::JsonWriter w;
  w.begin_array();
  for (const actlab::Activation& a : actlab::activations()) {
    w.begin_object();
    w.key("id").str(a.id).key("name").str(a.name).key("tex").str(a.tex).key("dtex").str(a.dtex);
    w.key("params").begin_array();
    for (int i = 0; i < a.param_count; ++i) {
      const actlab::ParamSpec& p = a.params[i];
      w.begin_object().key("name").str(p.name).key("tex").str(p.tex).key("default").num_f32(p.default_value);
      w.key("min").num_f32(p.min).key("max").num_f32(p.max).key("doc").str(p.doc).end_object();
    }
    w.end_array();
    w.key("range").str(a.range).key("zeroCentred").boolean(a.zero_centred).key("monotonic").boolean(a.monotonic);
    w.key("smooth").boolean(a.smooth).key("piecewiseLinear").boolean(a.piecewise_linear);
    w.key("saturates").str(a.saturates).key("maxSlope").num_f32(a.max_slope).key("maxSlopeAt").str(a.max_slope_at);
    w.key("year").num(a.year).key("origin").str(a.origin).key("usedIn").str(a.used_in);
    w.key("derivativeNote").str(a.derivative_note);
    w.end_object();
  }
  w.end_array();
  return w.take();
}

std::string apply(const std::string& id, const F32Buffer& in, F32Buffer& out, bool derivative, double p0, double p1,
                  bool simd) {
  const actlab::Activation* a = actlab::find_activation(id);
  if (!a) return "unknown activation '" + id.substr(0, 40) + "' (valid: " + actlab::activation_ids() + ")";
  if (!in.error().empty() || !out.error().empty()) return in.error().empty() ? out.error() : in.error();
  if (out.size() < in.size()) return "output buffer is smaller than the input";
  float params[actlab::kMaxParams];
  a->default_params(params);
  if (!std::isnan(p0)) params[0] = float(p0);
  if (!std::isnan(p1)) params[1] = float(p1);
  if (std::string err = a->check_params(params); !err.empty()) return err;
  a->apply(in.data(), out.data(), in.size(), derivative, params, simd ? actlab::Backend::Simd : actlab::Backend::Scalar);
  return "";
}

std::string softmax(const F32Buffer& in, F32Buffer& out, double temperature, bool log, bool simd) {
  if (!in.error().empty() || !out.error().empty()) return in.error().empty() ? out.error() : in.error();
  if (out.size() < in.size()) return "output buffer is smaller than the input";
  auto backend = simd ? actlab::Backend::Simd : actlab::Backend::Scalar;
  return log ? actlab::log_softmax(in.data(), out.data(), in.size(), float(temperature), backend)
             : actlab::softmax(in.data(), out.data(), in.size(), float(temperature), backend);
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_activations) {
  using namespace emscripten;
  class_<F32Buffer>("F32Buffer")
      .constructor<double>()
      .function("size", &F32Buffer::size)
      .function("error", &F32Buffer::error)
      .function("view", &F32Buffer::view);
  function("version", &version);
  function("activationsJson", &activations_json);
  function("apply", &apply);
  function("softmax", &softmax);
}
