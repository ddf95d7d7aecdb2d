// nn_gradcheck_test.cpp — backprop against finite differences, for every activation of the
// registry × every output head × a few shapes (and PReLU's α, and L1/L2), plus the exact
// softmax + cross-entropy gradient p − y.
//
// The float network computes gradients by backprop (network.cpp). The reference is the same
// network evaluated in double (nn_reference.hpp) and differentiated by central differences
// with h = 1e-6·max(1, |θ|): truncation error ~h² and rounding ~1e-16/h, both far below the
// float backprop's own error (~1e-6 relative). Tolerance per parameter:
//   |g_backprop − g_fd| ≤ 2e-3·|g_fd| + 1e-4·max(1e-2, max |g_fd|)
#include <cmath>
#include <string>

#include "actlab/activations/registry.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/nn/network.hpp"
#include "catch2/catch.hpp"
#include "nn_reference.hpp"

using namespace actlab;
using namespace actlab::nn;

namespace {

struct Case {
  int inputs;
  std::vector<int> hidden;
  AlphaMode alpha;
};

// Builds a network, a random batch, runs backprop, and compares every gradient with FD.
// Returns the worst |error| / tolerance ratio (<= 1 passes) and a description of it.
double check(const std::string& act, Head head, const Case& c, Regularization reg, float lambda, std::string& worst) {
  NetSpec spec;
  spec.hidden.clear();
  for (int u : c.hidden) spec.hidden.push_back(HiddenSpec{u, act, {NAN, NAN}});
  spec.init = Init::Xavier;
  spec.bias_init = 0.1f;
  spec.prelu_alpha = c.alpha;
  spec.seed = 42 + c.inputs;
  const int K = head == Head::SoftmaxCe ? 3 : 1;
  Network net;
  std::string e = net.build(spec, c.inputs, K, head);
  REQUIRE(e.empty());
  // Xavier at these widths gives small weights; scale them up so activations leave the linear zone.
  for (auto& l : net.layers())
    for (float& w : l.W) w *= 1.5f;

  const int batch = 5;
  data::Rng rng(7);
  std::vector<float> X(static_cast<std::size_t>(batch) * c.inputs), y(batch);
  std::vector<double> Xd(X.size());
  for (std::size_t i = 0; i < X.size(); ++i) { X[i] = static_cast<float>(rng.normal()); Xd[i] = X[i]; }
  for (int s = 0; s < batch; ++s) {
    switch (head) {
      case Head::SigmoidBce: y[s] = static_cast<float>(rng.below(2)); break;
      case Head::SoftmaxCe: y[s] = static_cast<float>(rng.below(3)); break;
      case Head::TanhMse: y[s] = rng.below(2) ? 1.f : -1.f; break;
      default: y[s] = static_cast<float>(rng.normal()); break;
    }
  }
  net.forward(X.data(), batch);
  net.backward(X.data(), y.data(), batch, reg, lambda);

  test::Params P = test::double_params(net);
  std::vector<ParamRef> refs = net.params();
  // The finite differences, then the scale of the whole gradient.
  std::vector<std::vector<double>> fd(P.size());
  double maxfd = 0;
  for (std::size_t t = 0; t < P.size(); ++t) {
    fd[t].resize(P[t].size());
    for (std::size_t i = 0; i < P[t].size(); ++i) {
      double th = P[t][i], h = 1e-6 * std::max(1.0, std::fabs(th));
      P[t][i] = th + h;
      double lp = test::reference_loss(net, P, Xd, y, batch, reg, lambda);
      P[t][i] = th - h;
      double lm = test::reference_loss(net, P, Xd, y, batch, reg, lambda);
      P[t][i] = th;
      fd[t][i] = (lp - lm) / (2 * h);
      maxfd = std::max(maxfd, std::fabs(fd[t][i]));
    }
  }
  double worst_ratio = 0;
  for (std::size_t t = 0; t < P.size(); ++t)
    for (std::size_t i = 0; i < P[t].size(); ++i) {
      double g = refs[t].grad[i];
      double tol = 2e-3 * std::fabs(fd[t][i]) + 1e-4 * std::max(1e-2, maxfd);
      double r = std::fabs(g - fd[t][i]) / tol;
      if (r > worst_ratio) {
        worst_ratio = r;
        worst = act + " " + head_name(head) + " layer " + std::to_string(refs[t].layer) + " " + refs[t].name + "[" +
                std::to_string(i) + "]: backprop " + std::to_string(g) + " vs fd " + std::to_string(fd[t][i]);
      }
    }
  return worst_ratio;
}

}  // namespace

TEST_CASE("backprop matches finite differences for every activation x head x shape", "[nn][gradcheck]") {
  const Head heads[] = {Head::SigmoidBce, Head::SoftmaxCe, Head::IdentityMse, Head::TanhMse};
  const Case cases[] = {{3, {5}, AlphaMode::Layer}, {2, {4, 3}, AlphaMode::Unit}, {4, {1, 6}, AlphaMode::Layer}};
  int checked = 0;
  double worst_all = 0;
  std::string worst_desc;
  for (const Activation& a : activations()) {
    for (Head h : heads) {
      for (const Case& c : cases) {
        std::string worst;
        double r = check(a.id, h, c, Regularization::None, 0.f, worst);
        INFO(worst);
        CHECK(r <= 1.0);
        if (r > worst_all) { worst_all = r; worst_desc = worst; }
        ++checked;
      }
    }
  }
  CHECK(checked == static_cast<int>(activations().size()) * 12);
  WARN("worst error/tolerance " << worst_all << ": " << worst_desc);
}

TEST_CASE("backprop includes L1 and L2 regularisation gradients", "[nn][gradcheck]") {
  for (const char* act : {"tanh", "relu", "gelu", "prelu"}) {
    for (Regularization reg : {Regularization::L1, Regularization::L2}) {
      std::string worst;
      double r = check(act, Head::SoftmaxCe, Case{3, {6, 4}, AlphaMode::Unit}, reg, 0.05f, worst);
      INFO(worst);
      CHECK(r <= 1.0);
    }
  }
}

TEST_CASE("softmax + cross-entropy gradient with respect to the logits is p - y", "[nn][gradcheck]") {
  // No hidden layer and zero weights: the logits are the biases, so gb = (p − onehot(y)) / batch.
  NetSpec spec;
  spec.hidden.clear();
  spec.init = Init::Zero;
  Network net;
  REQUIRE(net.build(spec, 2, 5, Head::SoftmaxCe).empty());
  const float logits[5] = {2.0f, 1.0f, 0.1f, -3.0f, 0.5f};
  for (int j = 0; j < 5; ++j) net.layers()[0].b[j] = logits[j];
  float X[2] = {0.3f, -0.7f}, y[1] = {2.0f};
  net.forward(X, 1);
  net.backward(X, y, 1, Regularization::None, 0.f);
  double m = 2.0, se = 0;
  for (float z : logits) se += std::exp(z - m);
  const float* p = net.output();
  for (int j = 0; j < 5; ++j) {
    double pj = std::exp(logits[j] - m) / se;
    double expect = pj - (j == 2 ? 1.0 : 0.0);
    CHECK(std::fabs(p[j] - pj) < 1e-6);
    // The engine's dZ is exactly the float p − y (one rounding), and within float error of the double value.
    CHECK(net.layers()[0].dZ[j] == p[j] - (j == 2 ? 1.f : 0.f));
    CHECK(std::fabs(net.layers()[0].gb[j] - expect) < 1e-6);
  }
  // The curriculum's example: softmax([2, 1, 0.1]) = [0.659, 0.242, 0.099].
  Network n3;
  REQUIRE(n3.build(spec, 1, 3, Head::SoftmaxCe).empty());
  n3.layers()[0].b = {2.0f, 1.0f, 0.1f};
  float x1[1] = {0};
  n3.forward(x1, 1);
  CHECK(std::fabs(n3.output()[0] - 0.659) < 5e-4);
  CHECK(std::fabs(n3.output()[1] - 0.242) < 5e-4);
  CHECK(std::fabs(n3.output()[2] - 0.099) < 5e-4);
}
