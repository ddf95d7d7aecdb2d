// config.cpp — reads the art config (config.hpp): util/json parses the text, then one check per
// field. The parser is asked to keep numbers' source text, so errors quote exactly what the user
// wrote, and to read NaN, Infinity, -Infinity and 1e999 as numbers, so the field check can say
// "must be a finite number" next to the field's name; no field accepts them.
#include "actlab/art/config.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "actlab/util/json.hpp"

namespace actlab::art {
namespace {

using json::Value;

// json::ParseOptions::max_depth: a value may sit inside at most 8 containers. A config needs
// two (the object and the activation list); deeper text is refused before the field checks.
constexpr int kMaxNesting = 9;

// Quotes user text for a message: at most 40 characters, non-printable bytes as '?'.
std::string quote(std::string_view s) {
  std::string out = "'";
  for (std::size_t k = 0; k < s.size() && k < 40; ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  if (s.size() > 40) out += "...";
  return out + "'";
}

// What a value is, for "got ..." in messages: numbers (as written) and strings show themselves.
std::string describe(const Value& v) {
  switch (v.type) {
    case Value::Type::Number: return v.str.size() > 40 ? v.str.substr(0, 40) + "..." : v.str;
    case Value::Type::String: return "the string " + quote(v.str);
    case Value::Type::Bool: return v.b ? "true" : "false";
    case Value::Type::Array: return "a list";
    default: return json::type_name(v.type);
  }
}

// A syntax error is reported against the top-level member it is in ("config" outside them).
std::string syntax_error(const json::ParseError& e) {
  std::string field = "config";
  if (!e.path.empty() && !e.path[0].is_index) {
    const std::string& key = e.path[0].key;
    const bool plain = key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    field = plain ? key : quote(key);
  }
  return field + ": " + e.message + " at column " + std::to_string(e.offset + 1);
}

constexpr const char* kFields = "seed, depth, width, activation, weightScale, colorMode, useR, useZ, zoom";

// Range bounds for messages: integers in full (4294967295), float bounds as written (0.01).
std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v == std::floor(v) ? "%.10g" : "%g", v);
  return buf;
}

// An integer-valued finite number in [lo, hi].
std::string get_int(const Value& v, const char* name, double lo, double hi, double& out) {
  const std::string range = "[" + fmt(lo) + ", " + fmt(hi) + "]";
  if (!v.is_number()) return std::string(name) + ": must be an integer in " + range + ", got " + describe(v);
  if (!std::isfinite(v.num)) return std::string(name) + ": must be a finite number, got " + describe(v);
  if (v.num != std::floor(v.num) || v.num < lo || v.num > hi)
    return std::string(name) + ": must be an integer in " + range + ", got " + describe(v);
  out = v.num;
  return "";
}

std::string get_float(const Value& v, const char* name, float lo, float hi, float& out) {
  const std::string range = "[" + fmt(lo) + ", " + fmt(hi) + "]";
  if (!v.is_number()) return std::string(name) + ": must be a number in " + range + ", got " + describe(v);
  if (!std::isfinite(v.num)) return std::string(name) + ": must be a finite number, got " + describe(v);
  const float f = static_cast<float>(v.num);
  if (!(f >= lo && f <= hi)) return std::string(name) + ": must be a number in " + range + ", got " + describe(v);
  out = f;
  return "";
}

std::string get_bool(const Value& v, const char* name, bool& out) {
  if (!v.is_bool()) return std::string(name) + ": must be true or false, got " + describe(v);
  out = v.b;
  return "";
}

std::string get_activation(const Value& v, const std::string& name, const Activation*& out) {
  if (!v.is_string()) return name + ": must be an activation name, got " + describe(v);
  out = find_activation(v.str);
  if (!out) return name + ": unknown activation " + quote(v.str) + " (valid: " + activation_ids() + ")";
  return "";
}

}  // namespace

Config default_config() {
  Config c;
  c.activation.assign(static_cast<std::size_t>(c.depth), find_activation("tanh"));
  return c;
}

const char* color_mode_name(ColorMode m) {
  switch (m) {
    case ColorMode::Rgb: return "rgb";
    case ColorMode::Hsv: return "hsv";
    case ColorMode::Gray: return "gray";
  }
  return "?";
}

std::string parse_config(std::string_view text, Config& out) {
  if (text.size() > kMaxConfigBytes)
    return "config: longer than " + std::to_string(kMaxConfigBytes) + " bytes (" + std::to_string(text.size()) + ")";
  json::ParseOptions options;
  options.max_depth = kMaxNesting;
  options.number_text = true;
  options.nonfinite_numbers = true;
  Value root;
  json::ParseError error;
  if (!json::parse(text, root, error, options)) return syntax_error(error);
  if (!root.is_object()) return "config: must be a JSON object, got " + describe(root);

  Config c = default_config();
  std::vector<const Activation*> names;  // the activation field as given (1..kMaxDepth entries)
  for (const auto& [key, v] : root.obj) {
    std::string e;
    double d = 0;
    if (key == "seed") {
      if ((e = get_int(v, "seed", 0, 4294967295.0, d)).empty()) c.seed = static_cast<std::uint32_t>(d);
    } else if (key == "depth") {
      if ((e = get_int(v, "depth", 1, kMaxDepth, d)).empty()) c.depth = static_cast<int>(d);
    } else if (key == "width") {
      if ((e = get_int(v, "width", 1, kMaxWidth, d)).empty()) c.width = static_cast<int>(d);
    } else if (key == "activation") {
      if (v.is_array()) {
        if (v.arr.empty() || v.arr.size() > static_cast<std::size_t>(kMaxDepth))
          return "activation: a list needs 1 to " + std::to_string(kMaxDepth) + " names (one per hidden layer), got " +
                 std::to_string(v.arr.size());
        for (std::size_t k = 0; k < v.arr.size() && e.empty(); ++k) {
          const Activation* a = nullptr;
          if ((e = get_activation(v.arr[k], "activation[" + std::to_string(k) + "]", a)).empty()) names.push_back(a);
        }
      } else {
        const Activation* a = nullptr;
        if (!v.is_string())
          e = "activation: must be an activation name or a list of names, got " + describe(v);
        else if ((e = get_activation(v, "activation", a)).empty())
          names.push_back(a);
      }
    } else if (key == "weightScale") {
      e = get_float(v, "weightScale", kMinWeightScale, kMaxWeightScale, c.weight_scale);
    } else if (key == "colorMode") {
      if (v.is_string() && v.str == "rgb") c.color_mode = ColorMode::Rgb;
      else if (v.is_string() && v.str == "hsv") c.color_mode = ColorMode::Hsv;
      else if (v.is_string() && v.str == "gray") c.color_mode = ColorMode::Gray;
      else e = "colorMode: must be \"rgb\", \"hsv\" or \"gray\", got " + describe(v);
    } else if (key == "useR") {
      e = get_bool(v, "useR", c.use_r);
    } else if (key == "useZ") {
      e = get_bool(v, "useZ", c.use_z);
    } else if (key == "zoom") {
      e = get_float(v, "zoom", kMinZoom, kMaxZoom, c.zoom);
    } else {
      return quote(key) + ": unknown field (valid: " + kFields + ")";
    }
    if (!e.empty()) return e;
  }
  if (names.empty()) names.push_back(find_activation("tanh"));
  c.activation.resize(static_cast<std::size_t>(c.depth));
  for (int l = 0; l < c.depth; ++l) c.activation[static_cast<std::size_t>(l)] = names[static_cast<std::size_t>(l) % names.size()];
  out = std::move(c);
  return "";
}

std::string to_json(const Config& c) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"seed\":%u,\"depth\":%d,\"width\":%d,\"activation\":[", static_cast<unsigned>(c.seed),
                c.depth, c.width);
  std::string s = buf;
  for (std::size_t l = 0; l < c.activation.size(); ++l) s += std::string(l ? "," : "") + "\"" + c.activation[l]->id + "\"";
  std::snprintf(buf, sizeof buf, "],\"weightScale\":%.9g,\"colorMode\":\"%s\",\"useR\":%s,\"useZ\":%s,\"zoom\":%.9g}",
                static_cast<double>(c.weight_scale), color_mode_name(c.color_mode), c.use_r ? "true" : "false",
                c.use_z ? "true" : "false", static_cast<double>(c.zoom));
  return s + buf;
}

}  // namespace actlab::art
