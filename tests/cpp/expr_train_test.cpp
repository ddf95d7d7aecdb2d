// expr_train_test.cpp — typed activations in the trainer ("expr:<text>" hidden layers):
// backprop, including the gradient of each learnable parameter (PReLU's alpha, Swish's beta;
// one per layer or one per unit),
// against central finite differences of a double-precision reference; the typed PReLU trains
// bit for bit like the registry's prelu; alpha moves in a run; bad text is a config error.
#include <cmath>
#include <string>
#include <vector>

#include "actlab/data/rng.hpp"
#include "actlab/expr/eval.hpp"
#include "actlab/nn/network.hpp"
#include "actlab/nn/trainer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;
using namespace actlab::nn;

namespace {

using Params = std::vector<std::vector<double>>;  // Network::params() tensors, in order

// Mean sigmoid-BCE loss of the network with parameters P, in double: the expression through
// eval_double (libm), the loss as softplus(z) - y·z.
double reference_loss(const Network& net, const Params& P, const std::vector<double>& X, const std::vector<float>& y,
                      int batch) {
  const auto& L = net.layers();
  double total = 0;
  for (int s = 0; s < batch; ++s) {
    std::vector<double> a(X.begin() + s * net.inputs(), X.begin() + (s + 1) * net.inputs());
    std::size_t t = 0;
    for (std::size_t k = 0; k < L.size(); ++k) {
      const Layer& l = L[k];
      const std::vector<double>& W = P[t];
      const std::vector<double>& b = P[t + 1];
      t += 2;
      std::vector<double> values;
      std::vector<int> learn;
      std::size_t pt = t;
      if (l.expr) {
        values.assign(l.expr->values.begin(), l.expr->values.end());
        learn = l.expr->learnable();
        if (!learn.empty()) ++t;
      }
      std::vector<double> z(std::size_t(l.out));
      for (int j = 0; j < l.out; ++j) {
        // One value per layer, or per unit ([p][unit]).
        for (std::size_t q = 0; q < learn.size(); ++q)
          values[std::size_t(learn[q])] = P[pt][l.expr_per_unit ? q * std::size_t(l.out) + std::size_t(j) : q];
        double v = b[std::size_t(j)];
        for (int i = 0; i < l.in; ++i) v += a[std::size_t(i)] * W[std::size_t(i) * l.out + j];
        z[std::size_t(j)] = l.expr ? expr::eval_double(*l.expr->expr.graph, l.expr->f, v, values) : v;
      }
      a = z;
    }
    double zt = a[0];
    double sp = zt > 0 ? zt + std::log1p(std::exp(-zt)) : std::log1p(std::exp(zt));
    total += sp - y[std::size_t(s)] * zt;
  }
  return total / batch;
}

// Worst |backprop - FD| / tolerance over every parameter (<= 1 passes), with the tolerance of
// nn_gradcheck_test.cpp: 2e-3·|g_fd| + 1e-4·max(1e-2, max |g_fd|).
double gradcheck(const std::string& act, std::string& worst, AlphaMode mode = AlphaMode::Layer) {
  NetSpec spec;
  spec.prelu_alpha = mode;
  spec.hidden = {HiddenSpec{5, act, {NAN, NAN}}, HiddenSpec{4, act, {NAN, NAN}}};
  spec.bias_init = 0.1f;
  spec.seed = 11;
  Network net;
  std::string e = net.build(spec, 3, 1, Head::SigmoidBce);
  REQUIRE(e.empty());
  for (auto& l : net.layers())
    for (float& w : l.W) w *= 1.5f;
  const int batch = 6;
  data::Rng rng(5);
  std::vector<float> X(std::size_t(batch) * 3), y(batch);
  std::vector<double> Xd(X.size());
  for (std::size_t i = 0; i < X.size(); ++i) Xd[i] = X[i] = float(rng.normal());
  for (int s = 0; s < batch; ++s) y[std::size_t(s)] = float(rng.below(2));
  net.forward(X.data(), batch);
  net.backward(X.data(), y.data(), batch, Regularization::None, 0);
  std::vector<ParamRef> refs = net.params();
  Params P;
  for (const auto& p : refs) P.emplace_back(p.value, p.value + p.size);
  std::vector<std::vector<double>> fd(P.size());
  double maxfd = 0;
  for (std::size_t t = 0; t < P.size(); ++t)
    for (std::size_t i = 0; i < P[t].size(); ++i) {
      double th = P[t][i], h = 1e-6 * std::max(1.0, std::fabs(th));
      P[t][i] = th + h;
      double lp = reference_loss(net, P, Xd, y, batch);
      P[t][i] = th - h;
      double lm = reference_loss(net, P, Xd, y, batch);
      P[t][i] = th;
      fd[t].push_back((lp - lm) / (2 * h));
      maxfd = std::max(maxfd, std::fabs(fd[t].back()));
    }
  double ratio = 0;
  for (std::size_t t = 0; t < P.size(); ++t)
    for (std::size_t i = 0; i < P[t].size(); ++i) {
      double tol = 2e-3 * std::fabs(fd[t][i]) + 1e-4 * std::max(1e-2, maxfd);
      double r = std::fabs(double(refs[t].grad[i]) - fd[t][i]) / tol;
      if (r > ratio) {
        ratio = r;
        worst = std::string(refs[t].name) + " of layer " + std::to_string(refs[t].layer) + "[" + std::to_string(i) +
                "]: backprop " + std::to_string(refs[t].grad[i]) + ", fd " + std::to_string(fd[t][i]);
      }
    }
  return ratio;
}

}  // namespace

TEST_CASE("expr train: backprop with typed activations matches finite differences, parameters included", "[expr][train]") {
  for (const char* act : {"expr:x > 0 ? x : alpha * x", "expr:x * sigmoid(beta * x)", "expr:alpha * tanh(beta * x) + 0.1 * x",
                          "expr:softplus(x) - log(2)", "expr:x * Phi(x)"}) {
    for (AlphaMode mode : {AlphaMode::Layer, AlphaMode::Unit}) {
      std::string worst;
      double r = gradcheck(act, worst, mode);
      INFO(act << (mode == AlphaMode::Unit ? " (per unit)" : " (per layer)") << ": worst " << worst);
      CHECK(r <= 1.0);
    }
  }
}

TEST_CASE("expr train: the typed PReLU computes the registry's prelu bit for bit", "[expr][train]") {
  auto run = [](const std::string& act, AlphaMode mode) {
    Config c;
    c.network.prelu_alpha = mode;
    c.dataset.name = "circle";
    c.network.hidden = {HiddenSpec{8, act, {NAN, NAN}}, HiddenSpec{8, act, {NAN, NAN}}};
    c.training.learning_rate = 0.03f;
    Trainer t;
    REQUIRE(t.configure(c).empty());
    for (int i = 0; i < 20; ++i) t.run_epoch();
    std::vector<float> alphas;
    for (const Layer& l : t.network().layers()) {
      alphas.insert(alphas.end(), l.alpha.begin(), l.alpha.end());
      alphas.insert(alphas.end(), l.evalues.begin(), l.evalues.end());
    }
    return std::make_pair(t.last_epoch_loss(), alphas);
  };
  auto [loss_builtin, alpha_builtin] = run("prelu", AlphaMode::Layer);
  auto [loss_typed, alpha_typed] = run("expr:x > 0 ? x : alpha * x", AlphaMode::Layer);
  CHECK(loss_typed == loss_builtin);
  REQUIRE(alpha_typed.size() == 2);
  CHECK(alpha_typed == alpha_builtin);
  CHECK(alpha_typed[0] != 0.25f);  // alpha moved from its start value
  CHECK(alpha_typed[1] != 0.25f);
  // One alpha per unit, as the registry's prelu with prelu_alpha = "unit".
  auto [loss_unit_builtin, alpha_unit_builtin] = run("prelu", AlphaMode::Unit);
  auto [loss_unit_typed, alpha_unit_typed] = run("expr:x > 0 ? x : alpha * x", AlphaMode::Unit);
  CHECK(loss_unit_typed == loss_unit_builtin);
  REQUIRE(alpha_unit_typed.size() == 16);
  CHECK(alpha_unit_typed == alpha_unit_builtin);
  CHECK(alpha_unit_typed[0] != alpha_unit_typed[1]);  // each unit learns its own
}

TEST_CASE("expr train: a typed activation survives export and import, and bad text names the layer", "[expr][train]") {
  Config c;
  c.dataset.name = "xor";
  c.network.hidden = {HiddenSpec{6, "expr:x * sigmoid(beta * x)", {NAN, 2.0f}}};  // p1: beta starts at 2
  Trainer t;
  REQUIRE(t.configure(c).empty());
  for (int i = 0; i < 5; ++i) t.run_epoch();
  std::string model = t.export_json();
  CHECK(model.find("\"expr_params\"") != std::string::npos);
  Trainer u;
  CHECK(u.import_json(model).empty());
  CHECK(u.network().layers()[0].evalues == t.network().layers()[0].evalues);
  CHECK(u.export_json() == model);

  Config bad = c;
  bad.network.hidden[0].activation = "expr:x * sigmod(x)";
  Trainer v;
  CHECK(v.configure(bad) == "network.hidden[0].activation: unknown function \"sigmod\" — did you mean \"sigmoid\"?");
}
