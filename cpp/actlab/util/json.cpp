// json.cpp — the strict JSON parser and writer declared in json.hpp.
// The parser is a recursive-descent reader over a string_view with an explicit depth counter;
// the writer escapes control characters and prints floats with 9 digits, doubles with 17.
#include "actlab/util/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <unordered_set>

namespace actlab::json {

const Value* Value::find(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& kv : obj)
    if (kv.first == key) return &kv.second;
  return nullptr;
}
Value& Value::set(std::string key, Value v) {
  obj.emplace_back(std::move(key), std::move(v));
  return obj.back().second;
}
Value& Value::push(Value v) {
  arr.push_back(std::move(v));
  return arr.back();
}

const char* type_name(Value::Type t) {
  switch (t) {
    case Value::Type::Null: return "null";
    case Value::Type::Bool: return "a boolean";
    case Value::Type::Number: return "a number";
    case Value::Type::String: return "a string";
    case Value::Type::Array: return "an array";
    case Value::Type::Object: return "an object";
  }
  return "?";
}

namespace {

// User text in a message: at most 40 bytes (cut at a UTF-8 boundary), control characters as '?'.
std::string shown(std::string_view t) {
  std::size_t n = t.size();
  if (n > 40) {
    n = 40;
    while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;
  }
  std::string o;
  for (std::size_t k = 0; k < n; ++k) o += static_cast<unsigned char>(t[k]) < 0x20 || t[k] == 0x7f ? '?' : t[k];
  return n < t.size() ? o + "..." : o;
}

struct Parser {
  std::string_view s;
  const ParseOptions& opt;
  std::size_t i = 0;
  std::size_t values = 0;  // values read so far (bounded by opt.max_values)
  ParseError err;  // the first failure; enclosing members and elements add their step on the way out
  bool failed = false;

  bool fail(const std::string& msg) {
    if (!failed) {
      failed = true;
      int line = 1, col = 1;
      for (std::size_t k = 0; k < i && k < s.size(); ++k) {
        if (s[k] == '\n') { ++line; col = 1; } else { ++col; }
      }
      err.message = msg;
      err.offset = i;
      err.line = line;
      err.column = col;
    }
    return false;
  }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool lit(std::string_view word) {
    if (s.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  }

  bool value(Value& out, int depth) {
    if (depth >= opt.max_depth) return fail("nesting deeper than " + std::to_string(opt.max_depth) + " levels");
    if (++values > opt.max_values)
      return fail("more than " + std::to_string(opt.max_values) + " values (the limit that bounds a parse's memory)");
    ws();
    if (i >= s.size()) return fail("unexpected end of input, expected a value");
    char c = s[i];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') { out.type = Value::Type::String; return string(out.str); }
    if (c == 't') { if (!lit("true")) return fail("invalid literal"); out = Value::boolean(true); return true; }
    if (c == 'f') { if (!lit("false")) return fail("invalid literal"); out = Value::boolean(false); return true; }
    if (c == 'n') { if (!lit("null")) return fail("invalid literal"); out = Value(); return true; }
    if (opt.nonfinite_numbers && (c == 'N' || c == 'I' || c == '-')) {
      const std::size_t start = i;
      const double inf = std::numeric_limits<double>::infinity();
      if (lit("NaN") || lit("Infinity") || lit("-Infinity")) {
        out = Value::number(c == 'N' ? std::numeric_limits<double>::quiet_NaN() : c == 'I' ? inf : -inf);
        if (opt.number_text) out.str = s.substr(start, i - start);
        return true;
      }
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(out);
    return fail(std::string("unexpected character '") + (c >= 32 && c < 127 ? std::string(1, c) : "?") + "'");
  }

  bool number(Value& out) {
    std::size_t start = i;
    if (s[i] == '-') ++i;
    if (i >= s.size()) return fail("truncated number");
    if (s[i] == '0') {
      ++i;
      if (i < s.size() && s[i] >= '0' && s[i] <= '9') return fail("leading zeros are not allowed");
    } else if (s[i] >= '1' && s[i] <= '9') {
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    } else {
      return fail("invalid number");
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return fail("a digit must follow '.'");
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return fail("a digit must follow the exponent");
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i - start > 400) return fail("number too long");
    std::string tmp(s.substr(start, i - start));
    double v = std::strtod(tmp.c_str(), nullptr);  // beyond double range: +-inf
    if (!std::isfinite(v) && !opt.nonfinite_numbers) return fail("number out of range");
    out = Value::number(v);
    if (opt.number_text) out.str = std::move(tmp);
    return true;
  }

  static void put_utf8(std::string& o, std::uint32_t cp) {
    if (cp < 0x80) { o += static_cast<char>(cp); }
    else if (cp < 0x800) { o += static_cast<char>(0xC0 | (cp >> 6)); o += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
      o += static_cast<char>(0xE0 | (cp >> 12)); o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      o += static_cast<char>(0xF0 | (cp >> 18)); o += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); o += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool hex4(std::uint32_t& v) {
    if (i + 4 > s.size()) return fail("truncated \\u escape");
    v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s[i++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return fail("invalid \\u escape");
    }
    return true;
  }
  bool string(std::string& out) {
    ++i;  // opening quote
    out.clear();
    while (true) {
      if (i >= s.size()) return fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') { ++i; return true; }
      if (c < 0x20) return fail("control character in string");
      if (c != '\\') {
        // Validate UTF-8 (no overlongs, no surrogates).
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return fail("invalid UTF-8 in string");
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) {
          unsigned char d = static_cast<unsigned char>(s[i + k]);
          if ((d >> 6) != 2) return fail("invalid UTF-8 in string");
          cp = (cp << 6) | (d & 0x3F);
        }
        static const std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          return fail("invalid UTF-8 in string");
        out.append(s.substr(i, len));
        i += len;
        continue;
      }
      ++i;
      if (i >= s.size()) return fail("unterminated string");
      char e = s[i++];
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
          std::uint32_t cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo;
            if (!(i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u')) return fail("unpaired surrogate");
            i += 2;
            if (!hex4(lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) return fail("unpaired surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("unpaired surrogate");
          }
          put_utf8(out, cp);
          break;
        }
        default: return fail("invalid escape");
      }
    }
  }

  bool array(Value& out, int depth) {
    ++i;
    out = Value::array();
    ws();
    if (i < s.size() && s[i] == ']') { ++i; return true; }
    while (true) {
      Value v;
      if (!value(v, depth + 1)) {
        err.path.push_back({true, std::string(), out.arr.size()});
        return false;
      }
      out.arr.push_back(std::move(v));
      ws();
      if (i >= s.size()) return fail("unterminated array");
      if (s[i] == ',') { ++i; continue; }
      if (s[i] == ']') {
        ++i;
        // Growth by doubling may leave up to half the capacity unused: give it back for big arrays.
        if (out.arr.size() > 1024) out.arr.shrink_to_fit();
        return true;
      }
      return fail("expected ',' or ']'");
    }
  }

  bool object(Value& out, int depth) {
    ++i;
    out = Value::object();
    ws();
    if (i < s.size() && s[i] == '}') { ++i; return true; }
    // Duplicate keys: a linear scan while the object is small, a hash set of the keys beyond
    // (a scan per key made 200,000 keys take 95 s).
    constexpr std::size_t kScanKeys = 16;
    std::unordered_set<std::string> seen;
    while (true) {
      ws();
      if (i >= s.size()) return fail("unterminated object");
      if (s[i] != '"') return fail("expected a string key");
      if (out.obj.size() >= kMaxKeys) return fail("more than " + std::to_string(kMaxKeys) + " members in one object");
      std::string key;
      if (!string(key)) return false;
      bool dup;
      if (out.obj.size() < kScanKeys) {
        dup = out.find(key) != nullptr;
      } else {
        if (seen.empty())
          for (const auto& kv : out.obj) seen.insert(kv.first);
        dup = !seen.insert(key).second;
      }
      if (dup) return fail("duplicate key \"" + shown(key) + "\"");
      ws();
      if (i >= s.size() || s[i] != ':') return fail("expected ':'");
      ++i;
      Value v;
      if (!value(v, depth + 1)) {
        err.path.push_back({false, std::move(key), 0});
        return false;
      }
      out.obj.emplace_back(std::move(key), std::move(v));
      ws();
      if (i >= s.size()) return fail("unterminated object");
      if (s[i] == ',') { ++i; continue; }
      if (s[i] == '}') { ++i; return true; }
      return fail("expected ',' or '}'");
    }
  }
};

// Length of the valid UTF-8 sequence starting at s[i] (no overlongs, no surrogates), or 0.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d >> 6) != 2) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static const std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Writes a string the reader accepts, whatever its bytes: control characters escaped, and a
// byte that does not start valid UTF-8 (a message quoting cut or binary user input) as U+FFFD.
void write_string(std::string& o, const std::string& str) {
  o += '"';
  for (std::size_t i = 0; i < str.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(str[i]);
    if (c >= 0x80) {
      const std::size_t len = utf8_length(str, i);
      if (len == 0) {
        o += "\\ufffd";
      } else {
        o.append(str, i, len);
        i += len - 1;
      }
      continue;
    }
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o += buf;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  o += '"';
}

void write_value(std::string& o, const Value& v, int indent, int level) {
  auto newline = [&](int lv) {
    if (indent < 0) return;
    o += '\n';
    o.append(static_cast<std::size_t>(indent * lv), ' ');
  };
  switch (v.type) {
    case Value::Type::Null: o += "null"; break;
    case Value::Type::Bool: o += v.b ? "true" : "false"; break;
    case Value::Type::Number: {
      // A number node's `b` flag (unused otherwise) means "from a float: print 9 digits".
      char buf[40];
      double x = v.num;
      if (!std::isfinite(x)) { o += "null"; break; }  // JSON has no NaN/Inf
      // Range first: casting a double outside long long's range is undefined behaviour.
      if (x > -9e15 && x < 9e15 && x == std::trunc(x) && !(x == 0 && std::signbit(x)))
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x));
      else
        std::snprintf(buf, sizeof buf, v.b ? "%.9g" : "%.17g", x);
      o += buf;
      break;
    }
    case Value::Type::String: write_string(o, v.str); break;
    case Value::Type::Array: {
      o += '[';
      // Arrays of numbers stay on one line even when pretty-printing.
      bool flat = true;
      for (const auto& e : v.arr) flat = flat && (e.is_number() || e.is_bool() || e.is_null());
      for (std::size_t k = 0; k < v.arr.size(); ++k) {
        if (k) o += ',';
        if (!flat) newline(level + 1);
        write_value(o, v.arr[k], indent, level + 1);
      }
      if (!flat && !v.arr.empty()) newline(level);
      o += ']';
      break;
    }
    case Value::Type::Object: {
      o += '{';
      for (std::size_t k = 0; k < v.obj.size(); ++k) {
        if (k) o += ',';
        newline(level + 1);
        write_string(o, v.obj[k].first);
        o += indent < 0 ? ":" : ": ";
        write_value(o, v.obj[k].second, indent, level + 1);
      }
      if (!v.obj.empty()) newline(level);
      o += '}';
      break;
    }
  }
}

}  // namespace

bool parse(std::string_view text, Value& out, ParseError& error, const ParseOptions& options) {
  error = ParseError();
  if (text.size() > options.max_bytes) {
    error.message = "input larger than " + std::to_string(options.max_bytes >> 20) + " MiB";
    return false;
  }
  Parser p{text, options};
  Value v;
  bool ok = p.value(v, 0);
  if (ok) {
    p.ws();
    if (p.i != text.size()) ok = p.fail("unexpected text after the value");
  }
  if (!ok) {
    error = std::move(p.err);
    std::reverse(error.path.begin(), error.path.end());  // added innermost first
    return false;
  }
  out = std::move(v);
  return true;
}

bool parse(std::string_view text, Value& out, std::string& error) {
  ParseError e;
  if (!parse(text, out, e)) {
    error = e.line > 0 ? "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " + e.message
                       : e.message;
    return false;
  }
  error.clear();
  return true;
}

std::string write(const Value& v, int indent) {
  std::string o;
  write_value(o, v, indent, 0);
  return o;
}

Value float_value(float f) {
  Value x = Value::number(static_cast<double>(f));
  x.b = true;  // print with 9 significant digits
  return x;
}
Value float_array(const float* p, std::size_t n) {
  Value a = Value::array();
  a.arr.reserve(n);
  for (std::size_t k = 0; k < n; ++k) a.arr.push_back(float_value(p[k]));
  return a;
}

}  // namespace actlab::json
