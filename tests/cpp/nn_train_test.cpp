// nn_train_test.cpp — the trainer learns: small nets reach the accuracies a user expects on
// circle and XOR in a few epochs (kept short: the long runs are CLI commands, see
// docs/trainer.md), every optimiser and head trains, PReLU's α moves, the decision grid has
// the documented layout, and run_for_ms/step keep epoch accounting straight.
#include <cmath>
#include <string>
#include <vector>

#include "actlab/nn/trainer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {
double train(const std::string& cfg, int epochs, nn::Trainer& t) {
  REQUIRE(t.configure_json(cfg) == "");
  for (int k = 0; k < epochs; ++k) REQUIRE(t.run_epoch());
  return t.evaluate(true).accuracy;
}
}  // namespace

TEST_CASE("small networks learn circle and XOR", "[nn][train]") {
  nn::Trainer t;
  CHECK(train(R"({"dataset":{"name":"circle","samples":400},"network":{"hidden":[{"units":8,"activation":"tanh"},{"units":8,"activation":"tanh"}]},
                  "training":{"learning_rate":0.03}})", 40, t) >= 0.95);
  CHECK(train(R"({"dataset":{"name":"xor","samples":400},"network":{"hidden":[{"units":8,"activation":"relu"}],"init":"he"},
                  "training":{"learning_rate":0.03}})", 40, t) >= 0.95);
  // A linear network cannot learn XOR (curriculum 1).
  CHECK(train(R"({"dataset":{"name":"xor","samples":400},"network":{"hidden":[{"units":8,"activation":"identity"}]},
                  "training":{"learning_rate":0.03}})", 40, t) < 0.75);
}

TEST_CASE("every optimiser and head reduces the loss", "[nn][train]") {
  const char* heads[] = {"sigmoid_bce", "softmax_ce", "identity_mse", "tanh_mse"};
  const char* opts[] = {"sgd", "momentum", "adam"};
  for (const char* h : heads)
    for (const char* o : opts) {
      std::string cfg = std::string(R"({"dataset":{"name":"moons","samples":200},"network":{"hidden":[{"units":8,"activation":"tanh"}],"head":")") +
                        h + R"("},"training":{"optimizer":")" + o + R"(","learning_rate":)" + (std::string(o) == "adam" ? "0.02" : "0.1") + "}}";
      nn::Trainer t;
      REQUIRE(t.configure_json(cfg) == "");
      double before = t.evaluate(false).loss;
      for (int k = 0; k < 15; ++k) REQUIRE(t.run_epoch());
      INFO(h << " + " << o);
      CHECK(t.evaluate(false).loss < 0.8 * before);
      CHECK(t.evaluate(true).accuracy > 0.8);
    }
}

TEST_CASE("PReLU alpha is learned per layer and per unit", "[nn][train]") {
  for (const char* mode : {"layer", "unit"}) {
    nn::Trainer t;
    REQUIRE(t.configure_json(std::string(R"({"dataset":{"name":"circle","samples":200},"network":{"hidden":[{"units":6,"activation":"prelu"}],"prelu_alpha":")") +
                             mode + R"("}})") == "");
    const auto& a = t.network().layers()[0].alpha;
    REQUIRE(a.size() == (std::string(mode) == "unit" ? 6u : 1u));
    std::vector<float> before = a;
    for (int k = 0; k < 5; ++k) t.run_epoch();
    CHECK(t.network().layers()[0].alpha != before);
  }
}

TEST_CASE("decision grid layout and stepping bookkeeping", "[nn][train]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"blobs","classes":4,"samples":200},"network":{"hidden":[{"units":8,"activation":"relu"}]}})") == "");
  for (int k = 0; k < 10; ++k) t.run_epoch();
  std::vector<float> g(5 * 5 * 4);
  REQUIRE(t.decision_grid(5, -2, 2, -2, 2, g.data()) == "");
  for (int p = 0; p < 25; ++p) {
    float s = 0;
    for (int c = 0; c < 4; ++c) s += g[p * 4 + c];
    CHECK(std::fabs(s - 1) < 1e-5);  // softmax rows
  }
  CHECK(t.decision_grid(0, -2, 2, -2, 2, g.data()) != "");
  CHECK(t.decision_grid(4, 2, -2, -2, 2, g.data()) != "");
  // 100 train samples, batch 16: 7 steps per epoch.
  t.configure_json(R"({"dataset":{"name":"xor","samples":200},"training":{"batch":16}})");
  for (int k = 0; k < 7; ++k) REQUIRE(t.step());
  CHECK(t.epoch() == 1);
  CHECK(t.steps() == 7);
  CHECK(t.run_for_ms(5) >= 1);
}
