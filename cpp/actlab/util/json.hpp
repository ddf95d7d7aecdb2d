// json.hpp — a small strict JSON reader and writer (RFC 8259) for configs and model files.
//
// Strict on purpose, because model files come from users: no comments, no trailing commas,
// no NaN/Infinity, no duplicate keys, no leading zeros, no unpaired surrogates, no control
// characters in strings, nothing after the value. Hard limits stop hostile files, and they bound
// memory, not only bytes (util/limits.hpp): input size (kMaxBytes), values per parse (kMaxValues;
// each costs ~100 bytes, so 64 MiB of "0," would otherwise grow to 3 GB), members per object
// (kMaxKeys; duplicates are found with a hash set, so parsing stays linear) and nesting depth. Errors carry the byte offset (and, through ParseError,
// the member/element path to the problem). ParseOptions relaxes a few rules, opt in, for callers
// that check every value themselves and want to name the field (the art config).
//
// Numbers are kept as double (strtod, correctly rounded on glibc and musl). Floats are written
// with 9 significant digits, which round-trips every float exactly through double -> float.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actlab/util/limits.hpp"

namespace actlab::json {

inline constexpr int kMaxDepth = limits::kJsonMaxDepth;
inline constexpr std::size_t kMaxBytes = limits::kJsonMaxBytes;    // a 784-256-10 Adam model is ~10 MB
inline constexpr std::size_t kMaxValues = limits::kJsonMaxValues;  // values of any kind in one parse
inline constexpr std::size_t kMaxKeys = limits::kJsonMaxKeys;      // members of one object

struct Value {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool b = false;
  double num = 0.0;
  std::string str;  // a string's contents (a number's source text with ParseOptions::number_text)
  std::vector<Value> arr;
  std::vector<std::pair<std::string, Value>> obj;  // insertion order kept

  bool is_null() const { return type == Type::Null; }
  bool is_bool() const { return type == Type::Bool; }
  bool is_number() const { return type == Type::Number; }
  bool is_string() const { return type == Type::String; }
  bool is_array() const { return type == Type::Array; }
  bool is_object() const { return type == Type::Object; }
  // Object member by key, nullptr when absent (or when this is not an object).
  const Value* find(std::string_view key) const;

  static Value number(double v) { Value x; x.type = Type::Number; x.num = v; return x; }
  static Value boolean(bool v) { Value x; x.type = Type::Bool; x.b = v; return x; }
  static Value string(std::string v) { Value x; x.type = Type::String; x.str = std::move(v); return x; }
  static Value array() { Value x; x.type = Type::Array; return x; }
  static Value object() { Value x; x.type = Type::Object; return x; }
  // Appends a member to an object (the caller keeps keys unique).
  Value& set(std::string key, Value v);
  Value& push(Value v);
};

const char* type_name(Value::Type t);

// Parses `text`; on failure returns false and sets `error` ("line 3, column 7: expected ','").
bool parse(std::string_view text, Value& out, std::string& error);

// Departures from the strict defaults, for callers that check values themselves (the art config).
struct ParseOptions {
  int max_depth = kMaxDepth;  // as kMaxDepth: a value inside max_depth containers is rejected
  std::size_t max_bytes = kMaxBytes;    // at most kMaxBytes
  std::size_t max_values = kMaxValues;  // at most kMaxValues
  // Keep each number's source text ("1e9", "4294967296") in its node's `str`, so a message can
  // quote exactly what the user wrote.
  bool number_text = false;
  // Read NaN, Infinity, -Infinity and numbers beyond double range (1e999) as number nodes holding
  // NaN or +-inf instead of failing, so the caller can reject them next to the field's name.
  bool nonfinite_numbers = false;
};

// Why and where parse() failed.
struct ParseError {
  std::string message;    // what was wrong: "expected ',' or '}'"
  std::size_t offset = 0;  // byte offset of the problem
  int line = 0, column = 0;  // 1-based (column in bytes); 0 when the problem is the whole input
  // The members and elements enclosing the problem, outermost first: a member by its key, an
  // element by its index. Empty when the problem is in the top-level value's own syntax.
  struct Step {
    bool is_index = false;
    std::string key;
    std::size_t index = 0;
  };
  std::vector<Step> path;
};

bool parse(std::string_view text, Value& out, ParseError& error, const ParseOptions& options = {});

// Serialises. indent < 0: compact. Numbers: integers exactly, others with %.17g (doubles);
// use float_value() for floats you want written with 9 digits.
std::string write(const Value& v, int indent = -1);

// A number node that prints with 9 significant digits (exact float round trip).
Value float_value(float f);
Value float_array(const float* p, std::size_t n);

}  // namespace actlab::json
