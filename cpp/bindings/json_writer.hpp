// json_writer.hpp — a tiny streaming JSON writer for binding results (strings escaped, numbers
// written with %.9g so floats round-trip, or with num_f32 as the shortest decimal that rounds back
// to the same float32 — 0.01f prints "0.01", not "0.00999999978"; non-finite numbers become null).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace actlab::bindings {

class JsonWriter {
 public:
  JsonWriter& begin_object() { sep(); out_ += '{'; first_ = true; return *this; }
  JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
  JsonWriter& begin_array() { sep(); out_ += '['; first_ = true; return *this; }
  JsonWriter& end_array() { out_ += ']'; first_ = false; return *this; }
  JsonWriter& key(const char* k) { sep(); quote(k); out_ += ':'; first_ = true; after_key_ = true; return *this; }
  JsonWriter& str(const char* s) { sep(); quote(s); return *this; }
  JsonWriter& boolean(bool b) { sep(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& num(double v) {
    sep();
    if (!std::isfinite(v)) { out_ += "null"; return *this; }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    out_ += buf;
    return *this;
  }
  // A float32 as the fewest significant digits (1..9) that read back as the same float32: what a
  // person typed (a parameter default of 0.01) stays 0.01, and registry bounds (0.1f as 0.1, not
  // 0.100000001) survive a URL's 6 significant digits without a clamp notice; JS's Math.fround()
  // recovers the exact bits.
  JsonWriter& num_f32(float v) {
    sep();
    if (!std::isfinite(v)) { out_ += "null"; return *this; }
    char buf[32];
    for (int digits = 1; digits <= 9; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(v));
      if (std::strtof(buf, nullptr) == v) break;
    }
    out_ += buf;
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  void sep() {
    if (after_key_) { after_key_ = false; first_ = false; return; }
    if (!first_ && !out_.empty()) out_ += ',';
    first_ = false;
  }
  void quote(const char* s) {
    out_ += '"';
    for (; *s; ++s) {
      unsigned char c = static_cast<unsigned char>(*s);
      if (c == '"' || c == '\\') { out_ += '\\'; out_ += char(c); }
      else if (c == '\n') out_ += "\\n";
      else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out_ += b; }
      else out_ += char(c);
    }
    out_ += '"';
  }
  std::string out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace actlab::bindings
