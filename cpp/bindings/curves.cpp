// curves.cpp — Embind binding of the curve features (cpp/actlab/probes/features.hpp): mechanical, no maths.
//
// JS gets curveFeatures(id, p0, p1, lo, hi, points, threshold, x, f, df): string. It fills the
// F32Buffers x, f, df (each at least `points` long) with the grid, f and f′, and returns JSON
//   {"threshold", "fFirst", "fLast", "fMin", "fMinAt", "fMax", "fMaxAt", "maxAbsSlope",
//    "maxAbsSlopeAt", "maxAbsSlopeLast", "slopeAtMax", "dead": [[from, to], ...], "deadShare",
//    "deadPointShare", "shape": "rising" | "falling" | "constant" | "neither"}
// or {"error": "<message>"} (unknown id, bad parameter, range, points, threshold or buffer size).
// p0, p1: the parameters in registry order, NaN for the default. Exported by both browser modules
// (actlab_core, actlab_web) and the Node module; see docs/ARCHITECTURE.md.
#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/features.hpp"
#include "bindings/f32buffer.hpp"
#include "bindings/features_json.hpp"
#include "bindings/json_writer.hpp"

namespace {

using actlab::bindings::F32Buffer;
using actlab::bindings::JsonWriter;

std::string error_json(const std::string& message) {
  JsonWriter w;
  w.begin_object().key("error").str(message.c_str()).end_object();
  return w.take();
}

std::string curve_features(const std::string& id, double p0, double p1, double lo, double hi, int points,
                           double threshold, F32Buffer& x, F32Buffer& f, F32Buffer& df) {
  const actlab::Activation* a = actlab::find_activation(id);
  if (!a) return error_json("unknown activation '" + id + "' (valid: " + actlab::activation_ids() + ")");
  if (points < 2 || points > 100000) return error_json("features: points must be in [2, 100000]");
  const auto n = static_cast<std::size_t>(points);
  if (x.size() < n || f.size() < n || df.size() < n) return error_json("features: the x, f and f' buffers must hold `points` values");
  float params[actlab::kMaxParams];
  a->default_params(params);
  if (!std::isnan(p0)) params[0] = float(p0);
  if (!std::isnan(p1)) params[1] = float(p1);
  actlab::probes::CurveFeatures r;
  if (std::string e = actlab::probes::curve_features(*a, params, points, float(lo), float(hi), float(threshold), r); !e.empty())
    return error_json(e);
  return actlab::bindings::features_json(r, x, f, df);
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_curves) {
  emscripten::function("curveFeatures", &curve_features);
}
