// nn_fastpath_test.cpp — issue 9's small-network paths (network.cpp, optimizer.cpp) give the same
// bits as the generic kernels they replace (Network::set_reference_path): two trainers from one
// config, one on each path, trained side by side; every loss, weight, gradient, grid value and
// thumbnail must match bit for bit. Shapes around the vector width (1, 3, 4, 5, 8, 16 units),
// batches with tails (1, 7, 10, 16 and an epoch whose last batch is short), every head, the
// regularisers, PReLU, a typed activation and the three optimisers, and a layer too large for the
// small kernels next to small ones. Runs natively and in wasm.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "actlab/nn/trainer.hpp"
#include "actlab/nn/views.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

std::vector<std::uint32_t> bits(const float* p, std::size_t n) {
  std::vector<std::uint32_t> out(n);
  std::memcpy(out.data(), p, n * sizeof(float));
  return out;
}

void same_weights(nn::Network& a, nn::Network& b) {
  std::vector<nn::ParamRef> pa = a.params(), pb = b.params();
  REQUIRE(pa.size() == pb.size());
  for (std::size_t k = 0; k < pa.size(); ++k) {
    INFO("tensor " << k << " (" << pa[k].name << " of layer " << pa[k].layer << ")");
    REQUIRE(pa[k].size == pb[k].size);
    CHECK(bits(pa[k].value, pa[k].size) == bits(pb[k].value, pb[k].size));
    CHECK(bits(pa[k].grad, pa[k].size) == bits(pb[k].grad, pb[k].size));
  }
}

void same_training(const std::string& config, int epochs) {
  INFO(config);
  nn::Trainer fast, ref;
  REQUIRE(fast.configure_json(config) == "");
  REQUIRE(ref.configure_json(config) == "");
  ref.network().set_reference_path(true);
  REQUIRE_FALSE(fast.network().reference_path());
  for (int e = 0; e < epochs; ++e) {
    const bool a = fast.run_epoch(), b = ref.run_epoch();
    REQUIRE(a == b);
    const double la = fast.last_epoch_loss(), lb = ref.last_epoch_loss();
    CHECK(std::memcmp(&la, &lb, sizeof la) == 0);
    same_weights(fast.network(), ref.network());
  }
  const nn::Metrics ma = fast.evaluate(true), mb = ref.evaluate(true);
  CHECK(std::memcmp(&ma.loss, &mb.loss, sizeof ma.loss) == 0);
  if (fast.dataset().name == "digits") return;
  const std::size_t outs = static_cast<std::size_t>(fast.network().outputs());
  std::vector<float> ga(23 * 23 * outs), gb(ga.size());
  REQUIRE(fast.decision_grid(23, -3, 3, -3, 3, ga.data()) == "");
  REQUIRE(ref.decision_grid(23, -3, 3, -3, 3, gb.data()) == "");
  CHECK(bits(ga.data(), ga.size()) == bits(gb.data(), gb.size()));
  std::vector<float> na(23 * 23 * nn::neuron_count(fast)), nb(na.size());
  REQUIRE(nn::neuron_grids(fast, 23, -3, 3, -3, 3, na.data(), na.size()) == "");
  REQUIRE(nn::neuron_grids(ref, 23, -3, 3, -3, 3, nb.data(), nb.size()) == "");
  CHECK(bits(na.data(), na.size()) == bits(nb.data(), nb.size()));
}

std::string layers(std::initializer_list<int> units, const char* act, const char* params = "") {
  std::string s = "[";
  for (int u : units) s += std::string(s.size() > 1 ? "," : "") + "{\"units\":" + std::to_string(u) + ",\"activation\":\"" + act + "\"" + params + "}";
  return s + "]";
}

std::string config(const std::string& data, const std::string& hidden, const std::string& net_extra, const std::string& training) {
  return "{\"dataset\":" + data + ",\"network\":{\"hidden\":" + hidden + net_extra + "},\"training\":" + training + "}";
}

const char* kCircle = R"({"name":"circle","samples":122,"train_ratio":0.5,"noise":0.1})";

}  // namespace

TEST_CASE("small-network paths: tanh and sigmoid nets with the sigmoid head, every batch tail", "[nn][fastpath]") {
  for (const char* batch : {"1", "7", "10", "16", "61"})
    for (const char* act : {"tanh", "sigmoid", "relu"})
      same_training(config(kCircle, layers({8, 8}, act), "", std::string(R"({"optimizer":"sgd","learning_rate":0.1,"batch":)") + batch + "}"), 3);
}

TEST_CASE("small-network paths: widths around the vector width and deep stacks", "[nn][fastpath]") {
  for (auto hidden : {layers({1}, "tanh"), layers({3, 5}, "tanh"), layers({4, 4, 4}, "swish"), layers({16, 16}, "gelu"),
                      layers({8, 8, 8, 8, 8, 8}, "tanh"), layers({12, 2, 9}, "softsign"),
                      layers({80, 64}, "tanh")})  // 80 x 64 weights: beyond the small-layer kernels, mixed with them
    same_training(config(kCircle, hidden, "", R"({"optimizer":"sgd","learning_rate":0.05,"batch":10})"), 2);
}

TEST_CASE("small-network paths: every head, regularisers, PReLU, a typed activation, every optimiser", "[nn][fastpath]") {
  same_training(config(R"({"name":"spiral","classes":3,"samples":90})", layers({8, 8}, "tanh"), "",
                       R"({"optimizer":"adam","learning_rate":0.01,"batch":10,"regularization":"l2","lambda":0.001})"), 3);
  same_training(config(R"({"name":"plane","samples":80})", layers({6}, "elu"), "", R"({"optimizer":"momentum","learning_rate":0.01,"batch":8})"), 3);
  same_training(config(kCircle, layers({8}, "tanh"), R"(,"head":"tanh_mse")", R"({"optimizer":"sgd","learning_rate":0.03,"batch":10,"regularization":"l1","lambda":0.001})"), 3);
  same_training(config(kCircle, layers({5, 5}, "prelu"), R"(,"prelu_alpha":"unit")", R"({"optimizer":"adam","learning_rate":0.01,"batch":10})"), 3);
  same_training(config(kCircle, layers({4}, "expr:x * sigmoid(alpha * x)"), "", R"({"optimizer":"sgd","learning_rate":0.05,"batch":10})"), 2);
  same_training(config(R"({"name":"circle","samples":60,"features":["x","y","x2","y2","xy","sinx","siny"]})", layers({8, 8}, "tanh"), "",
                       R"({"optimizer":"sgd","learning_rate":0.05,"batch":10})"), 2);
}

// The sigmoid + BCE loss of the fast path is deferred to the epoch's end (Trainer::settle_loss):
// what a learner can see mid-epoch — the model file's epoch_loss_sum after any number of steps —
// and a step that diverges (it adds no loss) must read as if each batch's loss had been taken at
// its own step, as the reference path does.
TEST_CASE("small-network paths: the deferred BCE loss, mid-epoch exports and a diverging step", "[nn][fastpath]") {
  const std::string cfg = config(kCircle, layers({8, 8}, "tanh"), "", R"({"optimizer":"sgd","learning_rate":0.1,"batch":7})");
  nn::Trainer fast, ref;
  REQUIRE(fast.configure_json(cfg) == "");
  REQUIRE(ref.configure_json(cfg) == "");
  ref.network().set_reference_path(true);
  // 61 training samples in batches of 7: 9 steps an epoch, the last of 5 samples.
  for (int s = 1; s <= 23; ++s) {
    INFO("step " << s);
    REQUIRE(fast.step());
    REQUIRE(ref.step());
    const std::string a = fast.export_json(), b = ref.export_json();
    REQUIRE_FALSE(a.empty());
    CHECK(a == b);
  }
  // An imported mid-epoch file continues with the same losses.
  nn::Trainer again;
  REQUIRE(again.import_json(fast.export_json()) == "");
  for (int s = 0; s < 13; ++s) {
    REQUIRE(again.step());
    REQUIRE(ref.step());
  }
  CHECK(again.export_json() == ref.export_json());
  const double la = again.last_epoch_loss(), lb = ref.last_epoch_loss();
  CHECK(std::memcmp(&la, &lb, sizeof la) == 0);
  // A first-layer unit whose weights overflow its pre-activation: tanh(±Inf) keeps the output
  // finite, so the step's loss terms are taken and must be dropped when the check stops it.
  for (nn::Trainer* t : {&again, &ref}) {
    REQUIRE(t->set_weight(0, 0, 0, 3e38) == "");
    REQUIRE(t->set_weight(0, 1, 0, 3e38) == "");
  }
  bool stopped_a = false, stopped_b = false;
  for (int s = 0; s < 20 && !stopped_a; ++s) {
    stopped_a = !again.step();
    stopped_b = !ref.step();
    REQUIRE(stopped_a == stopped_b);
  }
  REQUIRE(stopped_a);
  CHECK(std::string(again.divergence().what) == "pre-activation");
  CHECK(again.divergence().layer == 1);
  CHECK(std::string(again.divergence().what) == ref.divergence().what);
  CHECK(again.divergence().layer == ref.divergence().layer);
  REQUIRE_FALSE(again.export_json().empty());  // the weights stay finite: the update never ran
  CHECK(again.export_json() == ref.export_json());
}

// The optimiser keeps its list of parameter arrays between steps (optimizer.cpp: refs_, keyed by
// the Network object and Network::layout()). A copied trainer, a moved one and one configured
// again must each update their own arrays: each trains exactly like a trainer that was never
// copied, run alongside, and the original is not touched by its copy's steps.
TEST_CASE("small-network paths: copied, moved and reconfigured trainers update their own weights", "[nn][fastpath]") {
  const std::string cfg = config(kCircle, layers({8, 8}, "tanh"), "", R"({"optimizer":"sgd","learning_rate":0.1,"batch":10})");
  const std::string other = config(kCircle, layers({5}, "relu"), "", R"({"optimizer":"sgd","learning_rate":0.1,"batch":7})");
  auto snapshot = [](nn::Network& n) {
    std::vector<std::vector<std::uint32_t>> out;
    for (const nn::ParamRef& p : n.params()) out.push_back(bits(p.value, p.size));
    return out;
  };
  nn::Trainer original, twin;  // twin is never copied or moved
  REQUIRE(original.configure_json(cfg) == "");
  REQUIRE(twin.configure_json(cfg) == "");
  for (int e = 0; e < 3; ++e) REQUIRE((original.run_epoch() && twin.run_epoch()));
  const auto before = snapshot(original.network());
  nn::Trainer copy = original;  // its optimiser's list pointed into original's arrays
  for (int e = 0; e < 3; ++e) REQUIRE((copy.run_epoch() && twin.run_epoch()));
  same_weights(copy.network(), twin.network());
  CHECK(snapshot(original.network()) == before);  // the copy's steps left the original alone
  CHECK(snapshot(copy.network()) != before);       // and the copy did train
  nn::Trainer moved = std::move(copy);
  for (int e = 0; e < 2; ++e) REQUIRE((moved.run_epoch() && twin.run_epoch()));
  same_weights(moved.network(), twin.network());
  // Configured again (a new layout in the same object), then back: like a fresh trainer each time.
  for (const std::string* c : {&other, &cfg}) {
    nn::Trainer fresh;
    REQUIRE(original.configure_json(*c) == "");
    REQUIRE(fresh.configure_json(*c) == "");
    for (int e = 0; e < 3; ++e) REQUIRE((original.run_epoch() && fresh.run_epoch()));
    same_weights(original.network(), fresh.network());
  }
}
