// limits_test.cpp — the resource budget of util/limits.hpp, each bound tested at the bound and one
// past it, on both targets: JSON values, depth and keys; network parameters (and that what the
// engine writes at the bound, it reads back); probe products; the trainer's time budget.
#include <string>
#include <vector>

#include "actlab/nn/trainer.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"
#include "actlab/util/limits.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

// An array of n zeros: n + 1 values (the array counts as one).
std::string zeros(std::size_t n) {
  std::string s = "[";
  s.reserve(2 * n + 2);
  for (std::size_t k = 0; k < n; ++k) s += k ? ",0" : "0";
  return s + "]";
}
// An object of n members "k0": 0, ...
std::string keys(std::size_t n, const std::string& last = "") {
  std::string s = "{";
  for (std::size_t k = 0; k < n; ++k) s += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":0";
  if (!last.empty()) s += ",\"" + last + "\":0";
  return s + "}";
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("JSON: at most kJsonMaxValues values per parse (memory, not only bytes)", "[limits][json]") {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(zeros(limits::kJsonMaxValues - 1), v, err));  // exactly the bound
  CHECK(v.arr.size() == limits::kJsonMaxValues - 1);
  v = json::Value();
  CHECK_FALSE(json::parse(zeros(limits::kJsonMaxValues), v, err));  // one past it
  CHECK(contains(err, "more than 1048576 values"));
}

TEST_CASE("JSON: at most kJsonMaxKeys members per object — duplicates found among many", "[limits][json]") {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(keys(limits::kJsonMaxKeys), v, err));
  CHECK(v.obj.size() == limits::kJsonMaxKeys);
  CHECK_FALSE(json::parse(keys(limits::kJsonMaxKeys + 1), v, err));
  CHECK(contains(err, "more than 4096 members"));
  CHECK_FALSE(json::parse(keys(limits::kJsonMaxKeys - 1, "k17"), v, err));
  CHECK(contains(err, "duplicate key \"k17\""));
}

TEST_CASE("JSON: nesting at kJsonMaxDepth and one past it", "[limits][json]") {
  json::Value v;
  std::string err;
  const int d = limits::kJsonMaxDepth;
  // d containers around a value is one too many; d - 1 is the deepest accepted.
  CHECK(json::parse(std::string(d - 1, '[') + "0" + std::string(d - 1, ']'), v, err));
  CHECK_FALSE(json::parse(std::string(d, '[') + "0" + std::string(d, ']'), v, err));
  CHECK(contains(err, "nesting deeper than 64"));
}

TEST_CASE("trainer: kMaxWeights parameters build and their model file reads back — one more is refused", "[limits][nn]") {
  // 2 inputs, hidden 8, 175 and 1472, 1 output: 3·8 + 9·175 + 176·1472 + 1473 = 262,144 = kMaxWeights.
  const char* at = R"({"dataset":{"name":"circle","samples":64},
    "network":{"hidden":[{"units":8},{"units":175},{"units":1472}]},"training":{"optimizer":"adam","batch":32}})";
  nn::Trainer t;
  REQUIRE(t.configure_json(at) == "");
  REQUIRE(t.step());
  const std::string file = t.export_json();
  REQUIRE_FALSE(file.empty());
  CHECK(file.size() < limits::kJsonMaxBytes);
  nn::Trainer back;
  REQUIRE(back.import_json(file) == "");
  CHECK(back.export_json() == file);

  const char* past = R"({"dataset":{"name":"circle","samples":64},"network":{"hidden":[{"units":8},{"units":175},{"units":1473}]}})";
  std::string e = t.configure_json(past);
  CHECK(contains(e, "more than 262,144 parameters"));
  // The network of the report (2048, 2048: 4.2 M parameters, a 138 MB file) is refused up front.
  CHECK(contains(t.configure_json(R"({"network":{"hidden":[{"units":2048},{"units":2048}]}})"), "262,144"));
}

TEST_CASE("probes: the product of sizes is bounded, and the message states the bound", "[limits][probes]") {
  using probes::run_probe_json;
  // depth: layers·width²·samples multiply-adds ≤ 2^28 (at the bound: 8·1024·1024·32).
  CHECK_FALSE(contains(run_probe_json("depth", R"({"layers":8,"width":1024,"samples":32})"), "error"));
  std::string e = run_probe_json("depth", R"({"layers":9,"width":1024,"samples":32})");
  CHECK(contains(e, "= 301989888 multiply-adds, more than 268435456"));
  e = run_probe_json("depth", R"({"layers":1000,"width":1024,"samples":4096,"activation":"relu"})");
  CHECK(contains(e, "multiply-adds"));
  // ... and the floats ≤ 2^24: 1000 layers of width 127 need 16,637,002, width 128 16,896,256.
  CHECK_FALSE(contains(run_probe_json("depth", R"({"layers":1000,"width":127,"samples":2})"), "error"));
  e = run_probe_json("depth", R"({"layers":1000,"width":128,"samples":2})");
  CHECK(contains(e, "floats, more than 16777216"));
  // census: inputs·units·samples ≤ 2^28 and the floats ≤ 2^24.
  CHECK_FALSE(contains(run_probe_json("census", R"({"inputs":256,"units":256,"samples":4096})"), "error"));
  e = run_probe_json("census", R"({"inputs":256,"units":256,"samples":4097})");
  CHECK(contains(e, "multiply-adds"));
  e = run_probe_json("census", R"({"inputs":4096,"units":4096,"samples":100000})");
  CHECK(contains(e, "error"));
  // collapse: the matrix products and the sample passes.
  std::string sizes = "[";
  for (int k = 0; k < 101; ++k) sizes += k ? ",512" : "512";
  e = run_probe_json("collapse", R"({"sizes":)" + sizes + "]}");
  CHECK(contains(e, "multiply-adds"));
}

TEST_CASE("trainer: a time budget must be finite and at most kMaxStepMs", "[limits][nn]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":64}})") == "");
  CHECK(t.run_for_ms(std::nan("")) == 0);
  CHECK(t.run_for_ms(INFINITY) == 0);
  CHECK(t.run_for_ms(1e300) == 0);
  CHECK(t.run_for_ms(-1) == 0);
  CHECK(t.run_for_ms(limits::kMaxStepMs + 1) == 0);
  CHECK(t.steps() == 0);
  CHECK(t.run_for_ms(0) == 1);  // at least one batch
}

TEST_CASE("trainer: samples, batch and grid resolution at the bound and one past it", "[limits][nn]") {
  nn::Trainer t;
  CHECK(t.configure_json(R"({"dataset":{"name":"circle","samples":100000},"network":{"hidden":[]}})") == "");
  CHECK(contains(t.configure_json(R"({"dataset":{"name":"circle","samples":100001}})"), "samples must be in [0, 100000]"));
  CHECK(t.configure_json(R"({"dataset":{"name":"circle","samples":64},"network":{"hidden":[]},"training":{"batch":4096}})") == "");
  CHECK(t.step());  // a batch larger than the training set is the whole set
  CHECK(contains(t.configure_json(R"({"training":{"batch":4097}})"), "batch must be in [1, 4096]"));
  std::vector<float> grid(static_cast<std::size_t>(limits::kMaxGridRes) * limits::kMaxGridRes);
  CHECK(t.decision_grid(limits::kMaxGridRes, -1, 1, -1, 1, grid.data()) == "");
  CHECK(contains(t.decision_grid(limits::kMaxGridRes + 1, -1, 1, -1, 1, grid.data()), "resolution must be in [1, 2048]"));
}

TEST_CASE("probes: scan points at the bound and one past it", "[limits][probes]") {
  using probes::run_probe_json;
  CHECK_FALSE(contains(run_probe_json("scan", R"({"points":100000})"), "error"));
  CHECK(contains(run_probe_json("scan", R"({"points":100001})"), "points: expected a number in [2, 100000]"));
}
