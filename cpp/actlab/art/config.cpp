// config.cpp — reads the art config (config.hpp): a tiny strict JSON reader, then one check per
// field. The reader knows only what a config needs (objects, arrays, strings, numbers, booleans,
// null) and keeps numbers' source text so errors can quote exactly what the user wrote.
// NaN, Infinity and -Infinity are read as number tokens only so that the field check can say
// "must be a finite number" next to the field's name; no field accepts them.
#include "actlab/art/config.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace actlab::art {
namespace {

constexpr int kMaxNesting = 8;

struct Val {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool b = false;
  double num = 0.0;
  std::string text;  // string contents, or a number's source text
  std::vector<Val> items;
  std::vector<std::pair<std::string, Val>> members;
};

const char* kind_name(Val::Kind k) {
  switch (k) {
    case Val::Kind::Null: return "null";
    case Val::Kind::Bool: return "a boolean";
    case Val::Kind::Number: return "a number";
    case Val::Kind::String: return "a string";
    case Val::Kind::Array: return "a list";
    case Val::Kind::Object: return "an object";
  }
  return "?";
}

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

// What a value is, for "got ..." in messages: numbers and strings show themselves.
std::string describe(const Val& v) {
  if (v.kind == Val::Kind::Number) return v.text.size() > 40 ? v.text.substr(0, 40) + "..." : v.text;
  if (v.kind == Val::Kind::String) return "the string " + quote(v.text);
  if (v.kind == Val::Kind::Bool) return v.b ? "true" : "false";
  return kind_name(v.kind);
}

// Recursive-descent reader over the text. `field` names the top-level member being read, so a
// syntax error inside a value is reported against that field.
struct Reader {
  std::string_view s;
  std::size_t i = 0;
  std::string field = "config";
  std::string err;

  bool fail(const std::string& msg) {
    if (err.empty()) err = field + ": " + msg + " at column " + std::to_string(i + 1);
    return false;
  }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool word(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  }

  bool value(Val& out, int depth) {
    if (depth > kMaxNesting) return fail("nested more than " + std::to_string(kMaxNesting) + " levels");
    ws();
    if (i >= s.size()) return fail("expected a value, found the end of the text");
    const char c = s[i];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') { out.kind = Val::Kind::String; return string(out.text); }
    if (word("true")) { out.kind = Val::Kind::Bool; out.b = true; return true; }
    if (word("false")) { out.kind = Val::Kind::Bool; out.b = false; return true; }
    if (word("null")) { out.kind = Val::Kind::Null; return true; }
    for (std::string_view w : {"NaN", "Infinity", "-Infinity"})
      if (word(w)) { out.kind = Val::Kind::Number; out.num = NAN; out.text = w; return true; }
    if (c == '-' || (c >= '0' && c <= '9')) return number(out);
    return fail("unexpected character " + quote(s.substr(i, 1)));
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  bool number(Val& out) {  // RFC 8259 grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::size_t start = i;
    if (s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
      ++i;
      if (i < s.size() && digit(s[i])) return fail("leading zeros are not allowed");
    } else if (i < s.size() && digit(s[i])) {
      while (i < s.size() && digit(s[i])) ++i;
    } else {
      return fail("invalid number");
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (i >= s.size() || !digit(s[i])) return fail("a digit must follow '.'");
      while (i < s.size() && digit(s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (i >= s.size() || !digit(s[i])) return fail("a digit must follow the exponent");
      while (i < s.size() && digit(s[i])) ++i;
    }
    out.kind = Val::Kind::Number;
    out.text = std::string(s.substr(start, i - start));
    out.num = std::strtod(out.text.c_str(), nullptr);  // 1e999 -> inf, rejected by the field check
    return true;
  }

  bool string(std::string& out) {
    ++i;  // the opening quote
    while (true) {
      if (i >= s.size()) return fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') { ++i; return true; }
      if (c < 0x20) return fail("control character in a string");
      if (c != '\\') { out += static_cast<char>(c); ++i; continue; }
      if (++i >= s.size()) return fail("unterminated string");
      const char e = s[i++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          // Config values are ASCII names: \u escapes are checked for form and kept as '?'.
          for (int k = 0; k < 4; ++k, ++i) {
            const char h = i < s.size() ? s[i] : '\0';
            if (!(digit(h) || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) return fail("invalid \\u escape");
          }
          out += '?';
          break;
        }
        default: return fail("invalid escape '\\" + std::string(1, e) + "'");
      }
    }
  }

  bool array(Val& out, int depth) {
    ++i;
    out.kind = Val::Kind::Array;
    ws();
    if (i < s.size() && s[i] == ']') { ++i; return true; }
    while (true) {
      out.items.emplace_back();
      if (!value(out.items.back(), depth + 1)) return false;
      ws();
      if (i >= s.size()) return fail("unterminated list");
      if (s[i] == ',') { ++i; continue; }
      if (s[i] == ']') { ++i; return true; }
      return fail("expected ',' or ']'");
    }
  }

  bool object(Val& out, int depth) {
    ++i;
    out.kind = Val::Kind::Object;
    ws();
    if (i < s.size() && s[i] == '}') { ++i; return true; }
    while (true) {
      ws();
      if (i >= s.size() || s[i] != '"') return fail("expected a field name in double quotes");
      std::string key;
      if (!string(key)) return false;
      for (const auto& m : out.members)
        if (m.first == key) return fail("field " + quote(key) + " given twice");
      ws();
      if (i >= s.size() || s[i] != ':') return fail("expected ':' after the field name");
      ++i;
      const std::string outer = field;
      if (depth == 0) field = key.size() <= 40 ? key : quote(key);
      out.members.emplace_back(std::move(key), Val{});
      if (!value(out.members.back().second, depth + 1)) return false;
      field = outer;
      ws();
      if (i >= s.size()) return fail("unterminated object");
      if (s[i] == ',') { ++i; continue; }
      if (s[i] == '}') { ++i; return true; }
      return fail("expected ',' or '}'");
    }
  }
};

constexpr const char* kFields = "seed, depth, width, activation, weightScale, colorMode, useR, useZ, zoom";

// Range bounds for messages: integers in full (4294967295), float bounds as written (0.01).
std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v == std::floor(v) ? "%.10g" : "%g", v);
  return buf;
}

// An integer-valued finite number in [lo, hi].
std::string get_int(const Val& v, const char* name, double lo, double hi, double& out) {
  const std::string range = "[" + fmt(lo) + ", " + fmt(hi) + "]";
  if (v.kind != Val::Kind::Number) return std::string(name) + ": must be an integer in " + range + ", got " + describe(v);
  if (!std::isfinite(v.num)) return std::string(name) + ": must be a finite number, got " + describe(v);
  if (v.num != std::floor(v.num) || v.num < lo || v.num > hi)
    return std::string(name) + ": must be an integer in " + range + ", got " + describe(v);
  out = v.num;
  return "";
}

std::string get_float(const Val& v, const char* name, float lo, float hi, float& out) {
  const std::string range = "[" + fmt(lo) + ", " + fmt(hi) + "]";
  if (v.kind != Val::Kind::Number) return std::string(name) + ": must be a number in " + range + ", got " + describe(v);
  if (!std::isfinite(v.num)) return std::string(name) + ": must be a finite number, got " + describe(v);
  const float f = static_cast<float>(v.num);
  if (!(f >= lo && f <= hi)) return std::string(name) + ": must be a number in " + range + ", got " + describe(v);
  out = f;
  return "";
}

std::string get_bool(const Val& v, const char* name, bool& out) {
  if (v.kind != Val::Kind::Bool) return std::string(name) + ": must be true or false, got " + describe(v);
  out = v.b;
  return "";
}

std::string get_activation(const Val& v, const std::string& name, const Activation*& out) {
  if (v.kind != Val::Kind::String) return name + ": must be an activation name, got " + describe(v);
  out = find_activation(v.text);
  if (!out) return name + ": unknown activation " + quote(v.text) + " (valid: " + activation_ids() + ")";
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

std::string parse_config(std::string_view json, Config& out) {
  if (json.size() > kMaxConfigBytes)
    return "config: longer than " + std::to_string(kMaxConfigBytes) + " bytes (" + std::to_string(json.size()) + ")";
  Reader r;
  r.s = json;
  Val root;
  if (!r.value(root, 0)) return r.err;
  r.ws();
  if (r.i != json.size()) return "config: unexpected text after the object at column " + std::to_string(r.i + 1);
  if (root.kind != Val::Kind::Object) return std::string("config: must be a JSON object, got ") + describe(root);

  Config c = default_config();
  std::vector<const Activation*> names;  // the activation field as given (1..kMaxDepth entries)
  for (const auto& [key, v] : root.members) {
    std::string e;
    double d = 0;
    if (key == "seed") {
      if ((e = get_int(v, "seed", 0, 4294967295.0, d)).empty()) c.seed = static_cast<std::uint32_t>(d);
    } else if (key == "depth") {
      if ((e = get_int(v, "depth", 1, kMaxDepth, d)).empty()) c.depth = static_cast<int>(d);
    } else if (key == "width") {
      if ((e = get_int(v, "width", 1, kMaxWidth, d)).empty()) c.width = static_cast<int>(d);
    } else if (key == "activation") {
      if (v.kind == Val::Kind::Array) {
        if (v.items.empty() || v.items.size() > static_cast<std::size_t>(kMaxDepth))
          return "activation: a list needs 1 to " + std::to_string(kMaxDepth) + " names (one per hidden layer), got " +
                 std::to_string(v.items.size());
        for (std::size_t k = 0; k < v.items.size() && e.empty(); ++k) {
          const Activation* a = nullptr;
          if ((e = get_activation(v.items[k], "activation[" + std::to_string(k) + "]", a)).empty()) names.push_back(a);
        }
      } else {
        const Activation* a = nullptr;
        if (v.kind != Val::Kind::String)
          e = "activation: must be an activation name or a list of names, got " + describe(v);
        else if ((e = get_activation(v, "activation", a)).empty())
          names.push_back(a);
      }
    } else if (key == "weightScale") {
      e = get_float(v, "weightScale", kMinWeightScale, kMaxWeightScale, c.weight_scale);
    } else if (key == "colorMode") {
      if (v.kind == Val::Kind::String && v.text == "rgb") c.color_mode = ColorMode::Rgb;
      else if (v.kind == Val::Kind::String && v.text == "hsv") c.color_mode = ColorMode::Hsv;
      else if (v.kind == Val::Kind::String && v.text == "gray") c.color_mode = ColorMode::Gray;
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
