// csv.cpp — see csv.hpp. Numbers are checked against a strict decimal grammar first, then read
// with strtod (correctly rounded in glibc and in Emscripten's musl, so the same bits everywhere)
// and rounded to float.
#include "actlab/data/csv.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "actlab/util/json.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::data {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim(s.substr(1, s.size() - 2));
  return s;
}

bool is_decimal(std::string_view s) {
  std::size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < n && s[i] == '.') {
    ++i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t e = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++e;
    if (e == 0) return false;
  }
  return i == n;
}

// A field as a message quotes it: printable ASCII, at most 24 characters.
std::string shown(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 24)) out += (c >= 32 && c < 127) ? c : '?';
  if (s.size() > 24) out += "...";
  return "'" + out + "'";
}

std::string fmt_limit(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

CsvPoints read_points_csv(std::string_view text, const CsvOptions& o) {
  CsvPoints r;
  auto fail = [&](std::string msg) {
    r.points.clear();
    r.rows = 0;
    r.error = std::move(msg);
    return r;
  };
  if (text.size() > limits::kCsvMaxBytes)
    return fail("the file has " + std::to_string(text.size()) + " bytes; at most " + std::to_string(limits::kCsvMaxBytes) + " are read");
  if (!o.regression && !(o.classes >= 2 && o.classes <= 10)) return fail("classes must be in [2, 10]");
  if (!(o.coord_limit > 0 && o.coord_limit <= limits::kMaxCustomValue)) return fail("the coordinate limit must be in (0, 10000]");
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  int line = 0;
  bool first = true;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    std::string_view row = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size()) pos += (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
    ++line;
    // Messages are built only on an error (10,000 good rows: no string per row or field).
    auto at = [line] { return "line " + std::to_string(line); };
    if (row.size() > limits::kCsvMaxLine)
      return fail(at() + " has " + std::to_string(row.size()) + " characters; at most " + std::to_string(limits::kCsvMaxLine) + " are read");
    if (trim(row).empty()) continue;
    std::string_view f[3];
    int count = 0;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= row.size(); ++k) {
      if (k == row.size() || row[k] == ',') {
        if (count < 3) f[count] = trim(row.substr(start, k - start));
        ++count;
        start = k + 1;
      }
    }
    if (count != 3) return fail(at() + ": expected 3 values (x,y,label), got " + std::to_string(count));
    if (first) {
      first = false;
      if (!is_decimal(f[0]) && !is_decimal(f[1]) && !is_decimal(f[2])) {
        r.header = true;
        continue;
      }
    }
    if (r.rows >= limits::kMaxCustomPoints)
      return fail(at() + ": more than " + std::to_string(limits::kMaxCustomPoints) + " points (the most a playground set holds)");
    float v[3];
    for (int k = 0; k < 3; ++k) {
      auto col = [&] { return at() + ", column " + std::to_string(k + 1) + ": "; };
      if (f[k].empty()) return fail(col() + "the value is missing");
      if (!is_decimal(f[k])) return fail(col() + shown(f[k]) + " is not a number");
      char num[limits::kCsvMaxLine + 1];  // a field is part of a line of at most kCsvMaxLine characters
      std::memcpy(num, f[k].data(), f[k].size());
      num[f[k].size()] = '\0';
      const double d = std::strtod(num, nullptr);
      const double lim = k < 2 ? o.coord_limit : limits::kMaxCustomValue;
      if (k < 2 || o.regression) {
        if (!(d >= -lim && d <= lim))
          return fail(col() + shown(f[k]) + " is outside [-" + fmt_limit(lim) + ", " + fmt_limit(lim) + "]" +
                      (k < 2 ? " (the playground's plane)" : ""));
      } else if (!(d >= 0 && d <= o.classes - 1 && d == std::floor(d))) {
        return fail(col() + shown(f[k]) + " is not a class (a whole number from 0 to " + std::to_string(o.classes - 1) + ")");
      }
      v[k] = static_cast<float>(d);
    }
    r.points.insert(r.points.end(), v, v + 3);
    if (!o.regression && static_cast<int>(v[2]) > r.max_label) r.max_label = static_cast<int>(v[2]);
    ++r.rows;
  }
  if (r.rows == 0) return fail(r.header ? "the file has a header but no points" : "the file has no points");
  r.classes = o.regression ? 1 : (r.max_label + 1 < 2 ? 2 : r.max_label + 1);
  return r;
}

std::string write_points_csv(const float* p, std::size_t n) {
  std::string out = "x,y,label\n";
  char buf[96];
  for (std::size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%.9g,%.9g,%.9g\n", static_cast<double>(p[3 * i]), static_cast<double>(p[3 * i + 1]),
                  static_cast<double>(p[3 * i + 2]));
    out += buf;
  }
  return out;
}

std::string read_points_csv_json(std::string_view text, const CsvOptions& opts) {
  using json::Value;
  CsvPoints r = read_points_csv(text, opts);
  Value root = Value::object();
  if (!r.error.empty()) {
    root.set("error", Value::string(r.error));
    return json::write(root);
  }
  root.set("points", json::float_array(r.points.data(), r.points.size()));
  root.set("rows", Value::number(r.rows));
  root.set("header", Value::boolean(r.header));
  root.set("classes", Value::number(r.classes));
  return json::write(root);
}

}  // namespace actlab::data
