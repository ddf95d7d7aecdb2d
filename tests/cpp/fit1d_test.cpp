// fit1d_test.cpp — the nonlinearity lab's universal-approximation fit (probes/fit1d.hpp): the
// parts add up to the fit, more units fit better, every bound is refused with its name, and a
// fixed case gives the same bits natively and in wasm (the constant below was measured natively).
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "actlab/probes/fit1d.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {
probes::Fit1dResult fit(const std::string& target, const std::string& act, int units, bool sweep = false, std::uint64_t seed = 1) {
  probes::Fit1dSpec s;
  s.target = target;
  s.activation = act;
  s.units = units;
  s.sweep = sweep;
  s.seed = seed;
  probes::Fit1dResult r;
  REQUIRE(probes::fit_1d(s, r) == "");
  return r;
}
std::uint64_t bits(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}
}  // namespace

TEST_CASE("fit1d: the units' contributions plus the bias are the fit", "[labs][fit1d]") {
  for (const char* act : {"relu", "tanh"}) {
    auto r = fit("sin", act, 8);
    REQUIRE(r.x.size() == 201);
    REQUIRE(r.contrib.size() == 8 * 201);
    CHECK(r.x.front() == -1.0);
    CHECK(r.x.back() == 1.0);
    for (std::size_t g = 0; g < r.x.size(); ++g) {
      double sum = r.c;
      for (std::size_t i = 0; i < 8; ++i) sum += r.contrib[i * 201 + g];
      CHECK(sum == Approx(r.fit[g]).margin(1e-12));
    }
    for (double k : r.kink) CHECK((k > -1 && k < 1));  // every bend inside the range
  }
}

TEST_CASE("fit1d: more units fit better (sin, |x|, step, bump, with ReLU and with tanh)", "[labs][fit1d]") {
  for (const char* target : {"sin", "abs", "step", "bump"})
    for (const char* act : {"relu", "tanh"}) {
      auto r = fit(target, act, 4, true);
      REQUIRE(r.sweep_rmse.size() == 64);
      CHECK(r.sweep_rmse[63] < r.sweep_rmse[3]);
      CHECK(r.sweep_rmse[3] == r.rmse);  // the sweep's n = 4 is the same fit
    }
  CHECK(fit("sin", "relu", 1).rmse > 0.3);   // one kink cannot draw a wave
  CHECK(fit("sin", "relu", 32).rmse < 0.01);
  CHECK(fit("sin", "tanh", 32).rmse < 0.01);
  CHECK(fit("bump", "tanh", 16).rmse < 0.02);
  // A linear "unit" cannot bend: identity units fit sin no better than a line, at any N.
  auto lin = fit("sin", "identity", 64);
  CHECK(lin.rmse > 0.3);
}

TEST_CASE("fit1d: a drawn curve is joined by straight lines", "[labs][fit1d]") {
  probes::Fit1dSpec s;
  s.target = "drawn";
  s.drawn = {0.0, 1.0, 0.0};
  s.units = 16;
  probes::Fit1dResult r;
  REQUIRE(probes::fit_1d(s, r) == "");
  CHECK(r.target[100] == 1.0);                      // x = 0
  CHECK(r.target[50] == Approx(0.5).margin(1e-12)); // x = −0.5
  CHECK(r.target[0] == 0.0);
  CHECK(r.rmse < 0.05);
}

TEST_CASE("fit1d: seeded, the same bits every time and on every target", "[labs][fit1d]") {
  auto a = fit("step", "tanh", 12, false, 7), b = fit("step", "tanh", 12, false, 7), c = fit("step", "tanh", 12, false, 8);
  CHECK(a.fit == b.fit);
  CHECK(a.kink != c.kink);
  auto g = fit("sin", "relu", 8, false, 1);
  // Measured natively; the wasm build of this suite must give the same double.
  CHECK(bits(g.rmse) == 0x3fa5be15d97d6f13ULL);  // 0.04246…
  auto t = fit("bump", "tanh", 16, false, 3);
  CHECK(bits(t.rmse) == 0x3f8752d462b40fccULL);  // 0.01139…
}

TEST_CASE("fit1d: bounds and bad specs are refused by name", "[labs][fit1d]") {
  probes::Fit1dResult r;
  probes::Fit1dSpec s;
  s.units = 0;
  CHECK(probes::fit_1d(s, r).rfind("units:", 0) == 0);
  s.units = 65;
  CHECK(probes::fit_1d(s, r).rfind("units:", 0) == 0);
  s = {};
  s.points = 1002;
  CHECK(probes::fit_1d(s, r).rfind("points:", 0) == 0);
  s = {};
  s.target = "cosh";
  CHECK(probes::fit_1d(s, r).rfind("target:", 0) == 0);
  s = {};
  s.activation = "softmax";
  CHECK(probes::fit_1d(s, r).rfind("activation:", 0) == 0);
  s = {};
  s.target = "drawn";
  s.drawn = {1.0};
  CHECK(probes::fit_1d(s, r).rfind("drawn:", 0) == 0);
  s.drawn = {1.0, std::nan("")};
  CHECK(probes::fit_1d(s, r).rfind("drawn:", 0) == 0);
  s.drawn = {1.0, 11.0};
  CHECK(probes::fit_1d(s, r).rfind("drawn:", 0) == 0);
  s.drawn.assign(258, 0.0);
  CHECK(probes::fit_1d(s, r).rfind("drawn:", 0) == 0);
}

TEST_CASE("fit1d through the JSON entry point", "[labs][fit1d]") {
  json::Value o;
  std::string err;
  REQUIRE(json::parse(probes::run_probe_json("fit1d", R"({"target":"abs","activation":"relu","units":4,"sweep":true})"), o, err));
  REQUIRE(o.find("error") == nullptr);
  CHECK(o.find("fit")->arr.size() == 201);
  CHECK(o.find("contrib")->arr.size() == 4 * 201);
  CHECK(o.find("kink")->arr.size() == 4);
  CHECK(o.find("sweep")->arr.size() == 64);
  CHECK(o.find("rmse")->is_number());
  for (const char* bad : {R"({"units":65})", R"({"units":2.5})", R"({"target":3})", R"({"drawn":[1,"x"]})", R"({"sweep":1})",
                          R"({"points":15})", R"({"seed":-1})", R"({"activation":"nope"})"}) {
    REQUIRE(json::parse(probes::run_probe_json("fit1d", bad), o, err));
    INFO(bad);
    REQUIRE(o.find("error") != nullptr);
  }
}
