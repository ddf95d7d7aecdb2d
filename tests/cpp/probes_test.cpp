// probes_test.cpp — the experiments: gradient scan numbers the lessons quote, depth sweep
// (sigmoid's gradient vanishes, ReLU with He init keeps its signal), dead-neuron census,
// linear collapse, health statistics and divergence detection during training.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/nn/optimizer.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/probes/census.hpp"
#include "actlab/probes/collapse.hpp"
#include "actlab/probes/depth.hpp"
#include "actlab/probes/divergence.hpp"
#include "actlab/probes/scan.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("gradient scan: 100 points on [-5, 5], share with |f'| < 0.01", "[probes]") {
  probes::ScanResult r;
  REQUIRE(probes::gradient_scan(*find_activation("relu"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.x.size() == 100);
  CHECK(r.x.front() == -5.f);
  CHECK(r.x.back() == 5.f);
  CHECK(r.dead_share == 0.5);  // x < 0 for 50 of the 100 points
  REQUIRE(probes::gradient_scan(*find_activation("sigmoid"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.dead_share == 0.1);  // σ′ < 0.01 for |x| > 4.6: 5 points at each end
  CHECK(std::fabs(r.max_abs_df - 0.25f) < 0.002f);
  REQUIRE(probes::gradient_scan(*find_activation("leaky_relu"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.dead_share == 0.0);
  REQUIRE(probes::gradient_scan(*find_activation("step"), nullptr, 100, -5, 5, 0.01f, r) == "");
  CHECK(r.dead_share == 1.0);
  CHECK(probes::gradient_scan(*find_activation("relu"), nullptr, 1, -5, 5, 0.01f, r) != "");
  float bad[kMaxParams] = {5.f, 0};
  CHECK(probes::gradient_scan(*find_activation("leaky_relu"), bad, 100, -5, 5, 0.01f, r).find("alpha") != std::string::npos);
}

TEST_CASE("depth sweep: sigmoid vanishes, ReLU with He init keeps its gradient", "[probes]") {
  probes::DepthSpec s;
  s.layers = 50;
  probes::DepthResult sig, relu;
  REQUIRE(probes::depth_sweep(*find_activation("sigmoid"), nullptr, s, sig) == "");
  CHECK(sig.signal.size() == 50);
  CHECK(sig.vanish_forward > 0);
  CHECK(sig.vanish_forward < 15);
  CHECK(sig.grad.front() < 1e-10);  // 0.25^50-ish by layer 1
  s.init = nn::Init::He;
  REQUIRE(probes::depth_sweep(*find_activation("relu"), nullptr, s, relu) == "");
  CHECK(relu.vanish_forward == 0);
  CHECK(relu.vanish_backward == 0);
  CHECK(relu.grad.front() > 0.01);
  s.layers = 100;
  REQUIRE(probes::depth_sweep(*find_activation("tanh"), nullptr, s, relu) == "");
  CHECK(relu.grad.size() == 100);
  s.layers = 0;
  CHECK(probes::depth_sweep(*find_activation("tanh"), nullptr, s, relu) != "");
}

TEST_CASE("dead-neuron census: ReLU units die under negative biases, Leaky ReLU never", "[probes]") {
  probes::CensusSpec s;  // 5 -> 20, 1000 inputs, N(0,1)
  probes::CensusResult r;
  REQUIRE(probes::neuron_census(*find_activation("relu"), nullptr, s, r) == "");
  CHECK(r.units.size() == 20);
  CHECK(r.dead + r.weak + r.healthy == 20);
  s.bias_mean = -6;
  REQUIRE(probes::neuron_census(*find_activation("relu"), nullptr, s, r) == "");
  CHECK(r.dead >= 5);
  for (const auto& u : r.units) CHECK((u.active_share == 0) == (std::string(u.state) == "dead"));
  REQUIRE(probes::neuron_census(*find_activation("leaky_relu"), nullptr, s, r) == "");
  CHECK(r.dead == 0);
  CHECK(r.healthy == 20);
}

TEST_CASE("linear collapse: a linear stack equals one matrix, a ReLU stack does not", "[probes]") {
  probes::CollapseSpec s;
  s.sizes = {3, 16, 9, 12, 4};
  s.samples = 50;
  probes::CollapseResult r;
  REQUIRE(probes::linear_collapse(s, r) == "");
  CHECK(r.M.size() == 12);
  CHECK(r.max_abs_diff < 1e-5 * std::fmax(1.0, r.max_abs_out));
  s.activation = "relu";
  REQUIRE(probes::linear_collapse(s, r) == "");
  CHECK(r.max_abs_diff > 0.05);
  s.activation = "nope";
  CHECK(probes::linear_collapse(s, r).find("unknown activation") != std::string::npos);
}

TEST_CASE("health statistics and divergence detection during training", "[probes][nn]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":200},
      "network":{"hidden":[{"units":8,"activation":"relu"},{"units":8,"activation":"sigmoid"}]},
      "training":{"optimizer":"sgd","learning_rate":0.1}})") == "");
  t.run_epoch();
  auto h = t.health();
  REQUIRE(h.size() == 3);
  int hist = 0;
  for (int c : h[0].histogram) hist += c;
  CHECK(hist + h[0].below + h[0].above + h[0].nonfinite == 200 / 2 * 8);
  CHECK(h[0].mean_abs_grad > 0);
  CHECK((h[0].dead_share >= 0 && h[0].dead_share <= 1));
  CHECK(std::isnan(h[2].mean_abs_fprime));
  // A vanishing-gradient warning: 12 sigmoid layers.
  std::string deep = R"({"dataset":{"name":"circle","samples":100},"network":{"hidden":[)";
  for (int k = 0; k < 12; ++k) deep += std::string(k ? "," : "") + R"({"units":6,"activation":"sigmoid"})";
  deep += "]}}";
  REQUIRE(t.configure_json(deep) == "");
  h = t.health();
  CHECK(h[0].warning.find("vanishing") != std::string::npos);
  // Divergence: an absurd learning rate on a regression head.
  REQUIRE(t.configure_json(R"({"dataset":{"name":"bumps","samples":200},
      "network":{"hidden":[{"units":16,"activation":"relu"},{"units":16,"activation":"relu"}],"init":"uniform","init_scale":3},
      "training":{"optimizer":"sgd","learning_rate":50,"batch":4}})") == "");
  bool ok = true;
  for (int k = 0; k < 50 && ok; ++k) ok = t.run_epoch();
  REQUIRE_FALSE(ok);
  const auto& d = t.divergence();
  CHECK(d.found);
  CHECK(d.step > 0);
  CHECK(d.layer >= 0);
  CHECK(!d.cause.empty());
  CHECK(d.message().find("first non-finite value") == 0);
  CHECK_FALSE(t.step());  // stays stopped
  // NaN in the input is named as such.
  REQUIRE(t.configure_json(R"({"dataset":{"name":"xor","samples":40}})") == "");
  const_cast<data::Dataset&>(t.dataset()).x_train[3] = NAN;
  ok = true;
  for (int k = 0; k < 3 && ok; ++k) ok = t.run_epoch();
  CHECK_FALSE(ok);
  CHECK(t.divergence().what == "input");
}

namespace {
// XOR (40 points) with one hidden tanh layer of `units` units, for the weight-array tests below.
std::string xor_tanh(int units) {
  return R"({"dataset":{"name":"xor","samples":40},"network":{"hidden":[{"units":)" + std::to_string(units) +
         R"(,"activation":"tanh"}]}})";
}
void zero_gradients(nn::Network& net) {
  for (nn::Layer& l : net.layers()) {
    std::fill(l.gW.begin(), l.gW.end(), 0.0f);
    std::fill(l.gb.begin(), l.gb.end(), 0.0f);
  }
}
}  // namespace

// The finiteness check over every length and position (divergence.cpp's all_finite reads ragged
// ends of arrays of >= 4 floats as their last whole vector): one non-finite weight anywhere in a
// layer of 1..13 units is found, and a finite network is not flagged.
TEST_CASE("divergence: one NaN or Inf anywhere in a weight array of any length is found", "[probes][nn]") {
  for (int units = 1; units <= 13; ++units) {
    nn::Trainer t;
    REQUIRE(t.configure_json(xor_tanh(units)) == "");
    nn::Network& net = t.network();
    probes::Divergence none;
    CHECK_FALSE(probes::check_weights(net, 0.1f, none));
    for (nn::Layer& l : net.layers())
      for (std::vector<float>* v : {&l.W, &l.b})
        for (std::size_t k = 0; k < v->size(); ++k)
          for (float bad : {NAN, INFINITY, -INFINITY}) {
            INFO("units " << units << ", size " << v->size() << ", index " << k);
            const float keep = (*v)[k];
            (*v)[k] = bad;
            probes::Divergence d;
            CHECK(probes::check_weights(net, 0.1f, d));
            CHECK(d.what == "weights");
            (*v)[k] = keep;
          }
  }
}

// SGD sums the weights it writes, and the trainer skips check_weights when that sum is finite
// (optimizer.cpp, updated_finite). An update that overflows one weight anywhere (a whole vector
// or a ragged end, any tensor, 1..13 units) must make the sum non-finite; finite updates must
// not; and finite weights whose sum overflows must leave the decision to check_weights.
TEST_CASE("divergence: the SGD step's own sum of the weights it writes finds an overflow anywhere", "[probes][nn]") {
  nn::TrainSpec spec;
  spec.optimizer = nn::Optimizer::Sgd;
  spec.learning_rate = 1.0f;
  for (int units = 1; units <= 13; ++units) {
    nn::Trainer t;
    REQUIRE(t.configure_json(xor_tanh(units)) == "");
    nn::Network& net = t.network();
    nn::OptimizerState opt;
    opt.reset(spec, net);
    zero_gradients(net);
    opt.step(net);
    CHECK(opt.updated_finite());
    for (nn::Layer& l : net.layers())
      for (auto [v, g] : {std::pair{&l.W, &l.gW}, std::pair{&l.b, &l.gb}})
        for (std::size_t k = 0; k < v->size(); ++k) {
          INFO("units " << units << ", size " << v->size() << ", index " << k);
          const float keep = (*v)[k];
          (*v)[k] = 3e38f;
          (*g)[k] = -3e38f;  // 3e38 − 1·(−3e38) = +Inf
          opt.step(net);
          CHECK_FALSE(opt.updated_finite());
          probes::Divergence d;
          CHECK(probes::check_weights(net, 1.0f, d));
          CHECK(d.what == "weights");
          (*v)[k] = keep;
          (*g)[k] = 0.0f;
          opt.step(net);
          CHECK(opt.updated_finite());
        }
  }
  // A false alarm: finite weights whose sum overflows. The step says "not known", and the walk
  // finds nothing, so training goes on.
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"xor","samples":40},"network":{"hidden":[{"units":8,"activation":"tanh"}]}})") == "");
  nn::Network& net = t.network();
  nn::OptimizerState opt;
  opt.reset(spec, net);
  zero_gradients(net);
  std::fill(net.layers().front().W.begin(), net.layers().front().W.end(), 3e38f);
  opt.step(net);
  CHECK_FALSE(opt.updated_finite());
  probes::Divergence none;
  CHECK_FALSE(probes::check_weights(net, 1.0f, none));
  // Momentum and Adam do not sum: always "not known".
  for (nn::Optimizer o : {nn::Optimizer::Momentum, nn::Optimizer::Adam}) {
    nn::TrainSpec other = spec;
    other.optimizer = o;
    std::fill(net.layers().front().W.begin(), net.layers().front().W.end(), 0.5f);
    opt.reset(other, net);
    opt.step(net);
    CHECK_FALSE(opt.updated_finite());
  }
}

// The quick check sums each phase's arrays (divergence.cpp: Finite) and walks them exactly only
// when the sum is not finite; finite values whose sum overflows (a false alarm) must not stop
// training, and a real Inf among them must still be named.
TEST_CASE("divergence: finite weights whose sum overflows are no divergence, an Inf among them is one", "[probes][nn]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"xor","samples":40},"network":{"hidden":[{"units":8,"activation":"tanh"}]}})") == "");
  nn::Network& net = t.network();
  std::vector<float>& W = net.layers().front().W;
  for (std::size_t k = 0; k < W.size(); ++k) W[k] = k % 2 ? 3e38f : -3e38f + 1e32f * static_cast<float>(k);
  W[1] = W[3] = W[5] = 3e38f;  // 3e38 + 3e38 overflows a float sum in any lane order
  probes::Divergence none;
  CHECK_FALSE(probes::check_weights(net, 0.1f, none));
  CHECK_FALSE(none.found);
  W[6] = INFINITY;
  probes::Divergence d;
  CHECK(probes::check_weights(net, 0.1f, d));
  CHECK(d.what == "weights");
  CHECK(d.layer == 1);
}

// The loss-overflow message names the cause the head has: logits for the classification heads,
// outputs whose squared error leaves the float range for regression (identity + MSE), as the
// playground shows it for the regression plane at learning rate 10.
TEST_CASE("divergence: a regression loss that overflows is explained by the outputs, not by logits", "[probes][nn]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"plane","samples":200},"network":{"hidden":[{"units":4,"activation":"tanh"},{"units":2,"activation":"tanh"}]},"training":{"optimizer":"sgd","learning_rate":10,"batch":10}})") == "");
  for (int e = 0; e < 20 && t.run_epoch(); ++e) {
  }
  REQUIRE(t.divergence().found);
  CHECK(t.divergence().what == "loss");
  CHECK(t.divergence().cause.find("squared error") != std::string::npos);
  CHECK(t.divergence().cause.find("logits") == std::string::npos);
}
