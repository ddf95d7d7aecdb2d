// csv.hpp — own data as CSV text: `x,y,label` per line, header optional, read strictly with a
// message naming the line and column of the first bad value, and written back exactly.
//
// Reading:
//   - lines end in \n, \r\n or \r; a UTF-8 byte-order mark and blank lines are skipped;
//   - each line has exactly 3 comma-separated fields; spaces around a field and one pair of
//     double quotes around it are ignored;
//   - the first non-blank line is a header when none of its 3 fields is a number;
//   - a number is decimal: [+-]digits[.digits][e[+-]digits] (no hex, inf, nan, "1,5");
//   - x and y must lie in [−coord_limit, coord_limit]; the label is a class, a whole number
//     0..classes−1 (classification), or a target in [−limits::kMaxCustomValue, kMaxCustomValue];
//   - at most limits::kCsvMaxBytes bytes, limits::kCsvMaxLine characters a line and
//     limits::kMaxCustomPoints points.
// Messages: "line 7, column 2: 'abc' is not a number", "line 3: expected 3 values (x,y,label),
// got 2", "line 5, column 3: '4' is not a class (a whole number from 0 to 2)". Nothing is
// returned on an error: the caller's current data stays as it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actlab::data {

struct CsvOptions {
  bool regression = false;   // labels are targets, not classes
  int classes = 10;          // classification: labels 0..classes−1 (2..10)
  double coord_limit = 10000;
};

struct CsvPoints {
  std::vector<float> points;  // x, y, label per point
  int rows = 0;               // points read
  bool header = false;
  int max_label = -1;         // classification: the largest class seen
  int classes = 0;            // 1 for regression, else max_label + 1 and at least 2 (0 on error)
  std::string error;          // "" or the first problem
};

CsvPoints read_points_csv(std::string_view text, const CsvOptions& opts);

// "x,y,label\n" then one line per point, each value with 9 significant digits (floats read back
// exactly).
std::string write_points_csv(const float* points, std::size_t n_points);

// {"points": [...], "rows", "header", "classes"} or {"error": "..."} (the web reads CsvPoints through
// a buffer instead, cpp/bindings/nn.cpp; this JSON form is for tests and tools).
std::string read_points_csv_json(std::string_view text, const CsvOptions& opts);

}  // namespace actlab::data
