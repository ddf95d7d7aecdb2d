// features_json.hpp — writes a curve's features (probes/features.hpp) as the JSON the explorer reads,
// and copies its grid, f and f′ into the page's buffers; shared by curveFeatures (registry ids,
// curves.cpp) and exprCurveFeatures (typed activations, expr.cpp). Mechanical, no maths.
#pragma once

#include <cstddef>
#include <string>

#include "actlab/probes/features.hpp"
#include "bindings/f32buffer.hpp"
#include "bindings/json_writer.hpp"

namespace actlab::bindings {

inline std::string features_json(const probes::CurveFeatures& r, F32Buffer& x, F32Buffer& f, F32Buffer& df) {
  const std::size_t n = r.scan.x.size();
  for (std::size_t i = 0; i < n; ++i) {
    x.data()[i] = r.scan.x[i];
    f.data()[i] = r.scan.f[i];
    df.data()[i] = r.scan.df[i];
  }
  JsonWriter w;
  w.begin_object();
  w.key("threshold").num_f32(r.threshold).key("fFirst").num_f32(r.f_first).key("fLast").num_f32(r.f_last);
  w.key("fMin").num_f32(r.f_min).key("fMinAt").num_f32(r.f_min_at).key("fMax").num_f32(r.f_max).key("fMaxAt").num_f32(r.f_max_at);
  w.key("maxAbsSlope").num_f32(r.max_abs_df).key("maxAbsSlopeAt").num_f32(r.max_abs_df_at);
  w.key("maxAbsSlopeLast").num_f32(r.max_abs_df_last).key("slopeAtMax").num_f32(r.df_at_max);
  w.key("dead").begin_array();
  for (const probes::Interval& iv : r.dead) w.begin_array().num(iv.from).num(iv.to).end_array();
  w.end_array();
  w.key("deadShare").num(r.dead_share).key("deadPointShare").num(r.scan.dead_share);
  w.key("shape").str(probes::shape_name(r.shape));
  w.end_object();
  return w.take();
}

}  // namespace actlab::bindings
