// nn_race_test.cpp — the activation race (nn/race.hpp): identical initial weights, interleaved
// rounds, the report's improvement %, epochs to target, spread and ranking, and refusals. Runs
// natively and as wasm under Node (the same assertions, the same bits).
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "actlab/nn/race.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;
using namespace actlab::nn;

namespace {

// The course's comparison: the circle, one hidden layer of 8, sigmoid / ReLU / GELU.
const char* kCircle = R"({"config":{"dataset":{"name":"circle","samples":400,"noise":0.05},
  "network":{"hidden":[{"units":8}]},"training":{"optimizer":"adam","learning_rate":0.03,"batch":16}},
  "contestants":[{"activation":"sigmoid"},{"activation":"relu"},{"activation":"gelu"}],
  "seeds":1,"target":0.95,"epochs":60})";

json::Value report(const Race& r, int from = 0) {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(r.report_json(from), v, err));
  return v;
}

}  // namespace

TEST_CASE("race contestants start from identical initial weights", "[nn][race]") {
  Race r;
  REQUIRE(r.configure_json(R"({"config":{"dataset":{"name":"spiral"},"network":{"hidden":[{"units":8},{"units":8}],"init":"he"}},
    "contestants":[{"activation":"sigmoid"},{"activation":"relu"},{"activation":"leaky_relu","params":[0.2]},{"activation":"prelu"},
    {"activation":"gelu"},{"activation":"tanh"},{"activation":"elu"},{"activation":"swish"}],"seeds":3,"epochs":5})") == "");
  REQUIRE(r.contestants() == 8);
  for (int s = 0; s < 3; ++s) {
    const Network& a = r.trainer(0, s).network();
    for (int c = 1; c < 8; ++c) {
      const Network& b = r.trainer(c, s).network();
      REQUIRE(a.layers().size() == b.layers().size());
      for (std::size_t l = 0; l < a.layers().size(); ++l) {
        CHECK(a.layers()[l].W == b.layers()[l].W);
        CHECK(a.layers()[l].b == b.layers()[l].b);
      }
      CHECK(weights_hash(a) == weights_hash(b));
    }
    // Another seed is another start: seeds differ from each other.
    if (s > 0) CHECK(weights_hash(r.trainer(0, s).network()) != weights_hash(r.trainer(0, 0).network()));
  }
  // The same as a lone Trainer with that activation and the same seed: the race adds nothing.
  Trainer t;
  Config c = r.trainer(2, 0).config();
  REQUIRE(t.configure(c) == "");
  CHECK(weights_hash(t.network()) == r.initial_hash(2));
  CHECK(r.trainer(2, 0).network().layers()[0].params[0] == 0.2f);
  json::Value v = report(r);
  CHECK(v.find("sameInitialWeights")->b);
  CHECK(v.find("contestants")->arr[0].find("initialHash")->str == v.find("contestants")->arr[7].find("initialHash")->str);
  // After training they differ (only the activation did).
  r.step(1);
  CHECK(r.trainer(0, 0).network().layers()[0].W != r.trainer(1, 0).network().layers()[0].W);
}

TEST_CASE("race rounds interleave and equal separate trainers bit for bit", "[nn][race]") {
  Race r;
  REQUIRE(r.configure_json(kCircle) == "");
  CHECK(r.step(3) == 3);
  CHECK(r.epoch() == 3);
  for (int c = 0; c < 3; ++c) CHECK(r.trainer(c, 0).epoch() == 3);  // nobody runs ahead
  CHECK(r.step_ms(std::nan("")) == -1);
  CHECK(r.step_ms(1e300) == -1);
  CHECK(r.epoch() == 3);
  // Each contestant equals a lone trainer of its config, epoch by epoch.
  for (int c = 0; c < 3; ++c) {
    Trainer t;
    REQUIRE(t.configure(r.trainer(c, 0).config()) == "");
    std::vector<double> want;
    want.push_back(t.evaluate(true).loss);
    for (int e = 0; e < 3; ++e) {
      t.run_epoch();
      want.push_back(t.evaluate(true).loss);
    }
    CHECK(r.history(c).test_loss == want);
  }
  // Stepping past the race's length does nothing.
  CHECK(r.step(1000) == 57);
  CHECK(r.finished());
  CHECK(r.step(1) == 0);
  CHECK(r.step_ms(5) == 0);
}

TEST_CASE("race report: improvement, epochs to target, ranking", "[nn][race]") {
  Race r;
  REQUIRE(r.configure_json(kCircle) == "");
  r.step(60);
  json::Value v = report(r);
  const auto& cs = v.find("contestants")->arr;
  REQUIRE(cs.size() == 3);
  for (int c = 0; c < 3; ++c) {
    const json::Value& e = cs[static_cast<std::size_t>(c)];
    const RaceHistory& h = r.history(c);
    REQUIRE(h.train_loss.size() == 61);
    double L0 = h.train_loss.front(), Le = h.train_loss.back();
    CHECK(e.find("improvement")->num == Approx(100.0 * (L0 - Le) / L0).epsilon(1e-12));
    CHECK(e.find("improvement")->num > 0);
    // Epochs to target: the first epoch at or above the target.
    int first = -1;
    for (std::size_t k = 0; k < h.test_acc.size(); ++k)
      if (h.test_acc[k] >= 0.95) { first = static_cast<int>(k); break; }
    if (first < 0) CHECK(e.find("epochsToTarget")->is_null());
    else CHECK(e.find("epochsToTarget")->num == first);
    CHECK(e.find("history")->find("testLoss")->arr.size() == 61);
    // One seed: the spread is that run.
    CHECK(e.find("spread")->find("min")->num == e.find("testAccuracy")->num);
    CHECK(e.find("spread")->find("max")->num == e.find("testAccuracy")->num);
  }
  // The course's finding on the circle: ReLU and GELU reach 95 % before sigmoid.
  const auto& rank = v.find("ranking")->arr;
  REQUIRE(rank.size() == 3);
  CHECK(rank[2].num == 0);  // sigmoid last
  // Incremental history: from epoch 58, three entries.
  json::Value tail = report(r, 58);
  CHECK(tail.find("contestants")->arr[1].find("history")->find("trainLoss")->arr.size() == 3);
  CHECK(tail.find("contestants")->arr[1].find("history")->find("trainLoss")->arr[2].num == r.history(1).train_loss.back());
}

TEST_CASE("race spread over seeds is min, mean and max of the seeds' accuracies", "[nn][race]") {
  Race r;
  std::string spec = kCircle;
  spec.replace(spec.find("\"seeds\":1"), 9, "\"seeds\":4");
  REQUIRE(r.configure_json(spec) == "");
  r.step(10);
  json::Value v = report(r);
  for (int c = 0; c < 3; ++c) {
    double lo = 2, hi = -1, sum = 0;
    for (int s = 0; s < 4; ++s) {
      double a = r.trainer(c, s).evaluate(true).accuracy;
      lo = std::min(lo, a);
      hi = std::max(hi, a);
      sum += a;
    }
    const json::Value* sp = v.find("contestants")->arr[static_cast<std::size_t>(c)].find("spread");
    CHECK(sp->find("min")->num == lo);
    CHECK(sp->find("max")->num == hi);
    CHECK(sp->find("mean")->num == Approx(sum / 4).epsilon(1e-12));
  }
}

TEST_CASE("race on digits reports accuracy and refuses a grid", "[nn][race]") {
  std::ifstream f(std::string(ACTLAB_SOURCE_DIR) + "/public/data/digits8x8.bin", std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  REQUIRE(!bytes.empty());
  Race r;
  r.set_digits_bytes(bytes);
  REQUIRE(r.configure_json(R"({"config":{"dataset":{"name":"digits","samples":400},"network":{"hidden":[{"units":16}]},
    "training":{"batch":32,"learning_rate":0.01}},"contestants":[{"activation":"sigmoid"},{"activation":"relu"}],"epochs":3})") == "");
  r.step(3);
  json::Value v = report(r);
  CHECK(v.find("dataset")->find("classes")->num == 10);
  CHECK(v.find("contestants")->arr[1].find("testAccuracy")->num > 0.3);
  std::vector<float> g(100 * 10);
  CHECK(r.grid(0, 10, -1, 1, -1, 1, g.data()).find("digits") != std::string::npos);
}

TEST_CASE("race refuses bad specs naming the field and keeps the previous race", "[nn][race]") {
  Race r;
  REQUIRE(r.configure_json(kCircle) == "");
  r.step(2);
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"}]})").find("race.contestants must hold 2 to 8") == 0);
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"nope"}]})").find("race.contestants[1] (nope): network.hidden[0].activation: unknown activation") == 0);
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"leaky_relu","params":[5]}]})").find("race.contestants[1]") == 0);
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"gelu"}],"seeds":11})") == "race.seeds must be a whole number in [1, 10]");
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"gelu"}],"epochs":0})") == "race.epochs must be a whole number in [1, 5000]");
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"gelu"}],"target":1.5})") == "race.target must be a test accuracy in [0, 1]");
  CHECK(r.configure_json(R"({"contestants":[{"activation":"relu"},{"activation":"gelu"}],"speed":1})").find("race.speed: unknown field") == 0);
  CHECK(r.configure_json(R"({"config":{"network":{"hidden":[]}},"contestants":[{"activation":"relu"},{"activation":"gelu"}]})").find("race.config.network.hidden") == 0);
  CHECK(r.configure_json(R"({"config":{"dataset":{"samples":100000,"features":["x","y","x2","y2","xy"]}},"contestants":[{"activation":"relu"},{"activation":"gelu"},
    {"activation":"tanh"},{"activation":"elu"},{"activation":"sigmoid"},{"activation":"swish"},{"activation":"mish"},{"activation":"selu"}],"seeds":10})").find("exceeds 16,777,216 floats") != std::string::npos);
  CHECK(r.configure_json("[1,").find("race: ") == 0);
  CHECK(r.epoch() == 2);
  CHECK(r.contestants() == 3);
}
