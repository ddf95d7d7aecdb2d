// calibration_test.cpp — the softmax lab's calibration demo (probes/calibration.hpp): the seeded
// default run is over-confident (it says ≥ 99 % and is wrong), the reliability bins add up to the
// ECE, temperature flattens the confidence, the JSON names bad fields, and the default's numbers
// have the same bits natively and in wasm (the constants below were measured natively).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "actlab/probes/calibration.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {
std::uint64_t bits(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}
probes::CalibrationResult run(probes::CalibrationSpec s = {}) {
  probes::CalibrationResult r;
  REQUIRE(probes::calibration_run(s, r) == "");
  return r;
}
}  // namespace

TEST_CASE("calibration: the default model is confident and wrong, more sure than it is right", "[labs][calibration]") {
  const probes::CalibrationResult r = run();
  CHECK(r.n_train == 100);
  CHECK(r.n_test == 100);
  CHECK(r.classes == 3);
  CHECK(r.train_accuracy > r.accuracy);        // it learned the training points better than it generalises
  CHECK(r.confidence > r.accuracy + 0.05);     // mean confidence well above the share right
  REQUIRE(r.confident > 0);
  CHECK(r.confident_wrong > 0);                // "a confident 99 % that is wrong"
  REQUIRE(r.example.index >= 0);
  CHECK(r.example.confidence >= probes::kCalConfident);
  CHECK(r.example.predicted != r.example.label);
  REQUIRE(r.example.probs.size() == 3);
  CHECK(r.example.others > 0);
  CHECK(r.example.others < 1e-6);
  // The bins hold every test point and their weighted gaps are the ECE.
  int n = 0;
  double ece = 0;
  for (const probes::CalibrationBin& b : r.bins) {
    n += b.count;
    if (b.count) ece += static_cast<double>(b.count) / r.n_test * std::fabs(b.accuracy - b.confidence);
  }
  CHECK(n == r.n_test);
  CHECK(ece == Approx(r.ece).epsilon(1e-12));
  // The sweep: T = 1 is the reading above, and the best T lowers the ECE.
  REQUIRE(r.sweep_ece.size() == probes::kSweepT.size());
  CHECK(probes::kSweepT[3] == 1.0);
  CHECK(r.sweep_ece[3] == r.ece);
  CHECK(r.best_t > 1);
  CHECK(r.best_ece < r.ece);
}

TEST_CASE("calibration: a higher temperature flattens the same network's confidence", "[labs][calibration]") {
  probes::CalibrationSpec s;
  s.epochs = 20;
  const probes::CalibrationResult one = run(s);
  s.temperature = 20;
  const probes::CalibrationResult hot = run(s);
  CHECK(hot.confidence < one.confidence);
  CHECK(hot.accuracy == one.accuracy);  // dividing logits by T > 0 never changes the arg max
  CHECK(hot.confidence >= 1.0 / 3);
}

TEST_CASE("calibration: seeded, the same bits every time and on every target", "[labs][calibration]") {
  const probes::CalibrationResult a = run(), b = run();
  CHECK(bits(a.ece) == bits(b.ece));
  CHECK(bits(a.ece) == 0x3fc15a1c31eb851eULL);          // 0.13556…
  CHECK(bits(a.confidence) == 0x3fedbdb7375c28f6ULL);   // 0.92941…
  CHECK(bits(a.nll) == 0x3ff0074304a08053ULL);          // 1.00177…
  CHECK(bits(a.example.others) == 0x3d808b2901518000ULL);  // 1.88e-12
  CHECK(a.example.index == 65);
}

TEST_CASE("calibration JSON: the result, and errors that name the field", "[labs][calibration]") {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(probes::run_probe_json("calibration", R"({"epochs":5,"bins":5})"), v, err));
  REQUIRE(v.find("bins") != nullptr);
  CHECK(v.find("bins")->arr.size() == 5);
  CHECK(v.find("sweepT")->arr.size() == probes::kSweepT.size());
  CHECK(v.find("nTest")->num == 100);
  auto error = [](const char* spec) {
    json::Value o;
    std::string e;
    REQUIRE(json::parse(probes::run_probe_json("calibration", spec), o, e));
    const json::Value* m = o.find("error");
    return m ? m->str : std::string();
  };
  CHECK(error(R"({"epochs":0})").rfind("epochs:", 0) == 0);
  CHECK(error(R"({"epochs":1.5})").rfind("epochs:", 0) == 0);
  CHECK(error(R"({"temperature":0})").rfind("temperature:", 0) == 0);
  CHECK(error(R"({"temperature":"hot"})").rfind("temperature:", 0) == 0);
  CHECK(error(R"({"dataset":"circle"})") == "dataset: expected blobs or spiral");
  CHECK(error(R"({"classes":11})").rfind("classes:", 0) == 0);
  CHECK(error(R"({"activation":"softmax"})").find("activation: unknown") != std::string::npos);
  CHECK(error(R"({"seed":-1})").rfind("seed:", 0) == 0);
  // Each size in range, the product not: refused with the formula, not run for minutes.
  CHECK(error(R"({"samples":2000,"units":64,"layers":3,"epochs":1000})").find("multiply-adds") != std::string::npos);
}
