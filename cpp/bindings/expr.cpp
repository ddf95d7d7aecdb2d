// expr.cpp — Embind bindings for typed activations (cpp/actlab/expr/, docs/expr.md); mechanical,
// no maths. Every call returns an error string (or a JSON object with "ok": false and the error
// with its column) instead of throwing or aborting.
//
// `params` is "" for the defaults (alpha = 0.25, beta = 1, both learnable) or a JSON array of
// {"name", "value", "learnable"?, "tex"?} declaring the parameters an expression may use.
//   exprCheck(text, params)                          -> JSON {ok, input, tex, dtex, notes, params} | {ok: false, error}
//   exprEval(text, params, in, out, derivative)      -> "" | error (format_error text, with caret)
//   exprEvalBoth(text, params, in, y, dy)            -> "" | error
//   exprCheatRow(text, params, lo, hi, n)            -> JSON {ok, row} | {ok: false, error}
//   exprCurveFeatures(text, params, lo, hi, points, threshold, x, f, df) -> curveFeatures' JSON | {error}
//   exprCompare(answer, reference, params, lo, hi, n, atol, rtol)        -> JSON {ok, result} | ...
//   exprCheckDerivative(df, f, params, lo, hi, n, atol, rtol)            -> JSON {ok, result} | ...
#include <emscripten/bind.h>

#include <cmath>
#include <string>
#include <vector>

#include "actlab/expr/analysis.hpp"
#include "actlab/expr/compiled.hpp"
#include "actlab/expr/limits.hpp"
#include "actlab/expr/parser.hpp"
#include "actlab/probes/features.hpp"
#include "actlab/util/json.hpp"
#include "bindings/f32buffer.hpp"
#include "bindings/features_json.hpp"
#include "bindings/json_writer.hpp"

namespace {

using actlab::bindings::F32Buffer;
using actlab::bindings::JsonWriter;
namespace ex = actlab::expr;

// Parameter declarations from the JSON form; "" or a message.
std::string read_params(const std::string& text, std::vector<ex::ParamDecl>& out) {
  out = ex::default_params();
  if (text.empty()) return "";
  actlab::json::Value v;
  std::string err;
  if (!actlab::json::parse(text, v, err)) return "params: " + err;
  if (!v.is_array()) return "params: expected an array of {name, value, learnable, tex}";
  if (v.arr.size() > ex::kMaxParams) return "params: at most " + std::to_string(ex::kMaxParams) + " parameters";
  out.clear();
  for (std::size_t i = 0; i < v.arr.size(); ++i) {
    const actlab::json::Value& p = v.arr[i];
    std::string where = "params[" + std::to_string(i) + "]";
    const actlab::json::Value* name = p.find("name");
    const actlab::json::Value* value = p.find("value");
    if (!p.is_object() || !name || !name->is_string() || !value || !value->is_number())
      return where + ": expected {\"name\": string, \"value\": number}";
    if (!std::isfinite(value->num) || std::fabs(value->num) > 3.4e38) return where + ".value must be a finite float";
    if (name->str.empty() || name->str.size() > 32) return where + ".name must have 1 to 32 characters";
    ex::ParamDecl d{name->str, float(value->num), false, ""};
    if (const actlab::json::Value* l = p.find("learnable")) {
      if (!l->is_bool()) return where + ".learnable must be true or false";
      d.learnable = l->b;
    }
    if (const actlab::json::Value* t = p.find("tex")) {
      if (!t->is_string() || t->str.size() > 64) return where + ".tex must be a string of at most 64 characters";
      d.tex = t->str;
    }
    out.push_back(std::move(d));
  }
  return "";
}

// Compiles, or fills `err` with the caret display (or a params message).
bool build(const std::string& text, const std::string& params, ex::Compiled& c, ex::Error& err) {
  std::vector<ex::ParamDecl> decl;
  if (std::string e = read_params(params, decl); !e.empty()) {
    err = {e, 0};
    return false;
  }
  err = ex::compile(text, decl, c);
  return !err;
}

void write_error(JsonWriter& w, const std::string& text, const ex::Error& e) {
  w.key("ok").boolean(false).key("error").begin_object();
  w.key("message").str(e.message.c_str()).key("column").num(e.column);
  w.key("display").str(ex::format_error(text, e).c_str()).end_object();
}

std::string expr_check(const std::string& text, const std::string& params) {
  JsonWriter w;
  w.begin_object();
  ex::Compiled c;
  ex::Error e;
  if (!build(text, params, c, e)) {
    write_error(w, text, e);
  } else {
    char input[2] = {c.expr.input_name, 0};
    w.key("ok").boolean(true).key("input").str(input).key("tex").str(c.tex_f.c_str()).key("dtex").str(c.tex_df.c_str());
    w.key("notes").begin_array();
    for (const std::string& n : c.notes) w.str(n.c_str());
    w.end_array().key("params").begin_array();
    for (std::size_t p = 0; p < c.expr.params.size(); ++p) {
      const ex::ParamDecl& d = c.expr.params[p];
      w.begin_object().key("name").str(d.name.c_str()).key("value").num(d.value).key("learnable").boolean(d.learnable);
      w.key("used").boolean(c.expr.param_used[p] != 0).end_object();
    }
    w.end_array();
  }
  w.end_object();
  return w.take();
}

std::string expr_eval(const std::string& text, const std::string& params, const F32Buffer& in, F32Buffer& out,
                      bool derivative) {
  if (out.size() < in.size()) return "output buffer is smaller than the input";
  ex::Compiled c;
  ex::Error e;
  if (!build(text, params, c, e)) return ex::format_error(text, e);
  c.apply(in.data(), out.data(), in.size(), derivative);
  return "";
}

std::string expr_eval_both(const std::string& text, const std::string& params, const F32Buffer& in, F32Buffer& y,
                           F32Buffer& dy) {
  if (y.size() < in.size() || dy.size() < in.size()) return "output buffer is smaller than the input";
  if (&y == &dy) return "f and f' need two different output buffers";
  ex::Compiled c;
  ex::Error e;
  if (!build(text, params, c, e)) return ex::format_error(text, e);
  c.apply_both(in.data(), y.data(), dy.data(), in.size());
  return "";
}

// The explorer's curve of a typed activation: the same features and JSON as curveFeatures of a
// registry id (probes/features.hpp), or {"error": "<caret display>"}.
std::string expr_curve_features(const std::string& text, const std::string& params, double lo, double hi, int points,
                                double threshold, F32Buffer& x, F32Buffer& f, F32Buffer& df) {
  auto error = [](const std::string& m) {
    JsonWriter w;
    w.begin_object().key("error").str(m.c_str()).end_object();
    return w.take();
  };
  if (points < 2 || points > 100000) return error("features: points must be in [2, 100000]");
  const auto n = static_cast<std::size_t>(points);
  if (x.size() < n || f.size() < n || df.size() < n) return error("features: the x, f and f' buffers must hold `points` values");
  ex::Compiled c;
  ex::Error e;
  if (!build(text, params, c, e)) return error(e.column > 0 ? ex::format_error(text, e) : e.message);
  actlab::probes::CurveFeatures r;
  const actlab::probes::Kernel k = [&c](const float* in, float* out, std::size_t m, bool d) { c.apply(in, out, m, d); };
  if (std::string err = actlab::probes::curve_features(k, points, float(lo), float(hi), float(threshold), r); !err.empty())
    return error(err);
  return actlab::bindings::features_json(r, x, f, df);
}

std::string expr_cheat_row(const std::string& text, const std::string& params, double lo, double hi, int n) {
  JsonWriter w;
  w.begin_object();
  ex::Compiled c;
  ex::Error e;
  ex::CheatRow r;
  if (!build(text, params, c, e)) {
    write_error(w, text, e);
  } else if (std::string err = ex::cheat_row(c, float(lo), float(hi), n, r); !err.empty()) {
    write_error(w, text, {err, 0});
  } else {
    w.key("ok").boolean(true).key("row").begin_object();
    w.key("lo").num(r.lo).key("hi").num(r.hi).key("min").num(r.min_f).key("minAt").num(r.min_at);
    w.key("max").num(r.max_f).key("maxAt").num(r.max_at).key("monotonic").str(r.monotonic.c_str());
    w.key("maxAbsSlope").num(r.max_abs_df).key("maxAbsSlopeAt").num(r.max_abs_df_at);
    w.key("deadShare").num(r.dead_share).key("deadThreshold").num(r.dead_threshold);
    w.key("nonfinite").num(r.nonfinite).key("nonfiniteAt").num(r.nonfinite_at).end_object();
  }
  w.end_object();
  return w.take();
}

void write_comparison(JsonWriter& w, const ex::Comparison& c) {
  w.begin_object().key("pass").boolean(c.pass).key("maxAbs").num(c.max_abs).key("maxAbsAt").num(c.max_abs_at);
  w.key("maxRel").num(c.max_rel).key("maxRelAt").num(c.max_rel_at).key("failures").num(c.failures);
  w.key("firstFailureAt").num(c.first_failure_at).key("special").begin_array();
  for (const ex::PointCheck& p : c.special) {
    // Infinities and NaN are not JSON numbers: x is written as text, values as null when not finite.
    const char* xs = std::isnan(p.x) ? "NaN" : std::isinf(p.x) ? (p.x > 0 ? "Infinity" : "-Infinity") : nullptr;
    w.begin_object();
    if (xs) w.key("x").str(xs);
    else w.key("x").num(p.x);
    w.key("answer").num(p.answer).key("reference").num(p.reference).key("ok").boolean(p.ok).end_object();
  }
  w.end_array().key("x").begin_array();
  for (float v : c.x) w.num(v);
  w.end_array().key("difference").begin_array();
  for (float v : c.difference) w.num(v);
  w.end_array().end_object();
}

std::string expr_compare(const std::string& answer, const std::string& reference, const std::string& params, double lo,
                         double hi, int n, double atol, double rtol) {
  JsonWriter w;
  w.begin_object();
  ex::Compiled a, r;
  ex::Error e;
  ex::Comparison c;
  if (!build(answer, params, a, e)) {
    write_error(w, answer, e);
  } else if (!build(reference, params, r, e)) {
    e.message = "reference: " + e.message;
    write_error(w, reference, e);
  } else if (std::string err = ex::compare(a, r, float(lo), float(hi), n, atol, rtol, c); !err.empty()) {
    write_error(w, answer, {err, 0});
  } else {
    w.key("ok").boolean(true).key("result");
    write_comparison(w, c);
  }
  w.end_object();
  return w.take();
}

std::string expr_check_derivative(const std::string& df, const std::string& f, const std::string& params, double lo,
                                  double hi, int n, double atol, double rtol) {
  JsonWriter w;
  w.begin_object();
  ex::Compiled d, g;
  ex::Error e;
  ex::DerivativeCheck c;
  if (!build(df, params, d, e)) {
    write_error(w, df, e);
  } else if (!build(f, params, g, e)) {
    e.message = "f: " + e.message;
    write_error(w, f, e);
  } else if (std::string err = ex::check_derivative(d, g, float(lo), float(hi), n, atol, rtol, c); !err.empty()) {
    write_error(w, df, {err, 0});
  } else {
    w.key("ok").boolean(true).key("result").begin_object().key("vsSymbolic");
    write_comparison(w, c.vs_symbolic);
    w.key("maxFdError").num(c.max_fd_error).key("maxFdErrorAt").num(c.max_fd_error_at).end_object();
  }
  w.end_object();
  return w.take();
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_expr) {
  using namespace emscripten;
  function("exprCheck", &expr_check);
  function("exprEval", &expr_eval);
  function("exprEvalBoth", &expr_eval_both);
  function("exprCheatRow", &expr_cheat_row);
  function("exprCurveFeatures", &expr_curve_features);
  function("exprCompare", &expr_compare);
  function("exprCheckDerivative", &expr_check_derivative);
}
