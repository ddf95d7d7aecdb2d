// dying_test.cpp — dying by training (probes/dying.hpp): the per-epoch census of the hidden units
// during a seeded SGD run, its JSON form and bounds, and the gradient scan agreeing with the
// explorer's curve features (the dead-zone share of the grid points is one count, in one place).
#include <cmath>
#include <string>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/dying.hpp"
#include "actlab/probes/features.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/probes/scan.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {
probes::DyingResult run(const char* act, double lr, int epochs = 40) {
  probes::DyingSpec s;
  s.learning_rate = lr;
  s.epochs = epochs;
  probes::DyingResult r;
  REQUIRE(probes::dying_run(*find_activation(act), nullptr, s, r) == "");
  return r;
}
}  // namespace

TEST_CASE("dying by training: a too-high rate kills ReLU units, Leaky ReLU and a lower rate do not", "[probes][dying]") {
  const probes::DyingResult high = run("relu", 2.0);
  REQUIRE(high.diverged_at == 0);
  REQUIRE(high.epochs.size() == 41);  // epoch 0 and 40 epochs
  CHECK(high.hidden_units == 64);
  CHECK(high.epochs.front().epoch == 0);
  CHECK(std::isnan(high.epochs.front().loss));
  const probes::DyingEpoch& last = high.epochs.back();
  CHECK(last.epoch == 40);
  CHECK(last.dead == last.dead_per_layer[0] + last.dead_per_layer[1]);
  CHECK(last.dead_share == Approx(last.dead / 64.0));
  // The course's "10-40 % in practice": this run ends inside that band, from far fewer at the start.
  CHECK(last.dead_share >= 0.10);
  CHECK(last.dead_share <= 0.40);
  CHECK(last.accuracy > 0.85);  // the network still works: the dead units are simply lost
  CHECK(high.epochs.front().dead_share < last.dead_share);

  const probes::DyingResult leaky = run("leaky_relu", 2.0);
  for (const probes::DyingEpoch& e : leaky.epochs) CHECK(e.dead == 0);  // f′ = α > 0: never exactly zero
  const probes::DyingResult low = run("relu", 0.05);
  REQUIRE(low.diverged_at == 0);
  CHECK(low.epochs.back().dead_share < 0.10);
}

TEST_CASE("dying by training: the same spec gives the same numbers", "[probes][dying]") {
  const probes::DyingResult a = run("relu", 1.0, 5), b = run("relu", 1.0, 5);
  REQUIRE(a.epochs.size() == b.epochs.size());
  for (std::size_t k = 0; k < a.epochs.size(); ++k) {
    CHECK(a.epochs[k].dead == b.epochs[k].dead);
    if (k > 0) CHECK(a.epochs[k].loss == b.epochs[k].loss);
  }
}

TEST_CASE("dying probe JSON: series per epoch, errors name the field, sizes are bounded", "[probes][dying]") {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(probes::run_probe_json("dying", R"({"activation":"relu","learningRate":2,"epochs":3})"), v, err));
  REQUIRE(v.find("dead") != nullptr);
  CHECK(v.find("dead")->arr.size() == 4);
  CHECK(v.find("deadShare")->arr.size() == 4);
  CHECK(v.find("loss")->arr[0].is_null());
  CHECK(v.find("hiddenUnits")->num == 64);
  CHECK(v.find("divergedAt")->num == 0);
  auto error = [](const char* spec) {
    json::Value o;
    std::string e;
    REQUIRE(json::parse(probes::run_probe_json("dying", spec), o, e));
    const json::Value* m = o.find("error");
    return m ? m->str : std::string();
  };
  CHECK(error(R"({"epochs":0})").rfind("epochs:", 0) == 0);
  CHECK(error(R"({"epochs":501})").rfind("epochs:", 0) == 0);
  CHECK(error(R"({"units":257})").rfind("units:", 0) == 0);
  CHECK(error(R"({"learningRate":0})").rfind("learningRate:", 0) == 0);
  CHECK(error(R"({"dataset":"digits"})").rfind("dataset:", 0) == 0);
  CHECK(error(R"({"activation":"nope"})").rfind("activation:", 0) == 0);
  CHECK(error(R"({"units":256,"layers":8,"epochs":500,"samples":4000})").find("multiply-adds") != std::string::npos);
}

TEST_CASE("a diverging run stops and says where, with the census up to the last finite epoch", "[probes][dying]") {
  probes::DyingSpec s;
  s.learning_rate = 10;
  s.epochs = 50;
  s.bias_init = 5;
  probes::DyingResult r;
  REQUIRE(probes::dying_run(*find_activation("relu"), nullptr, s, r) == "");
  if (r.diverged_at > 0) {
    CHECK(static_cast<int>(r.epochs.size()) == r.diverged_at);
    CHECK_FALSE(r.divergence.empty());
  } else {
    CHECK(r.epochs.size() == 51);
  }
}

TEST_CASE("the gradient scan and the explorer's curve features count the same dead grid points", "[probes][dying]") {
  for (const char* id : {"relu", "leaky_relu", "elu", "gelu", "swish", "sigmoid", "tanh", "step", "softplus"}) {
    for (float th : {0.0f, 0.01f, 0.1f, 0.5f}) {
      probes::ScanResult s;
      probes::CurveFeatures f;
      REQUIRE(probes::gradient_scan(*find_activation(id), nullptr, 100, -5, 5, th, s) == "");
      REQUIRE(probes::curve_features(*find_activation(id), nullptr, 100, -5, 5, th, f) == "");
      INFO(id << " threshold " << th);
      CHECK(s.dead_share == f.scan.dead_share);
      CHECK(s.df == f.scan.df);
    }
  }
  // The course's figures: ReLU's flat half is 50 of 100 points on [−5, 5]; Leaky ReLU's slope α = 0.01
  // is not below 0.01, so 0 %.
  probes::ScanResult r;
  REQUIRE(probes::gradient_scan(*find_activation("relu"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.dead_share == 0.5);
  REQUIRE(probes::gradient_scan(*find_activation("leaky_relu"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.dead_share == 0);
}
