// json_out.hpp — the pieces the probes' JSON answers are written with: { "error": msg }, a finite
// number or null, and an array of those (probe_json.cpp, lab_json.cpp, exercise.cpp).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "actlab/util/json.hpp"

namespace actlab::probes {

// { "error": msg }, written.
inline std::string error_json(const std::string& msg) {
  json::Value o = json::Value::object();
  o.set("error", json::Value::string(msg));
  return json::write(o);
}

// `d` as a JSON number, or null when it is not finite (JSON has no Inf or NaN).
inline json::Value num(double d) { return std::isfinite(d) ? json::Value::number(d) : json::Value(); }

// Each of `v` as num() does, in an array.
inline json::Value doubles(const std::vector<double>& v) {
  json::Value a = json::Value::array();
  for (double d : v) a.push(num(d));
  return a;
}

}  // namespace actlab::probes
