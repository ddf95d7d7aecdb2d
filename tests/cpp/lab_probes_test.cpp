// lab_probes_test.cpp — the labs' teaching calls against the course's exact figures: 0.25^10,
// softmax([2.0, 1.0, 0.1]) = [0.659, 0.242, 0.099], the gradient p − y, the naive softmax's
// overflow past 88.7, and the depth sweep's N(0, 1) weights (exploding ReLU) through the JSON entry.
#include <cmath>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/probes/depth.hpp"
#include "actlab/probes/lab_probes.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("chain product: 0.25^10 = 2^-20 exactly, three layers at 0.2 give 0.008", "[labs]") {
  std::vector<double> v;
  REQUIRE(probes::chain_product(0.25, 10, v) == "");
  REQUIRE(v.size() == 10);
  CHECK(v[0] == 0.25);
  CHECK(v[9] == std::ldexp(1.0, -20));  // 9.5367431640625e-07: the course's "≈ 9.5·10⁻⁷"
  REQUIRE(probes::chain_product(0.2, 3, v) == "");
  CHECK(v[2] == Approx(0.008).epsilon(1e-12));
  CHECK(probes::chain_product(0.25, 0, v) != "");
  CHECK(probes::chain_product(0.25, 1001, v) != "");
  CHECK(probes::chain_product(-1, 3, v) != "");
  CHECK(probes::chain_product(std::nan(""), 3, v) != "");
  // The measured factor per layer of a geometric series is its ratio.
  CHECK(probes::per_layer_factor({0.001, 0.01, 0.1, 1.0}) == Approx(0.1).epsilon(1e-12));
  CHECK(std::isnan(probes::per_layer_factor({0.0, 1.0})));
  CHECK(std::isnan(probes::per_layer_factor({1.0})));
}

TEST_CASE("softmax lab: the course's [2.0, 1.0, 0.1], cross-entropy and p - y", "[labs]") {
  probes::SoftmaxLab r;
  REQUIRE(probes::softmax_lab({2.0f, 1.0f, 0.1f}, 1.0f, 0, r) == "");
  const double expect[3] = {0.659, 0.242, 0.099};
  for (int i = 0; i < 3; ++i) {
    CHECK(r.stable[i] == Approx(expect[i]).margin(5e-4));
    CHECK(r.naive[i] == Approx(r.stable[i]).margin(1e-6));
  }
  CHECK(r.stable_sum == Approx(1.0f).margin(1e-6));
  CHECK(r.naive_finite);
  CHECK(r.grad[0] == r.stable[0] - 1.0f);  // p − y for the true class 0
  CHECK(r.grad[1] == r.stable[1]);
  CHECK(r.grad[2] == r.stable[2]);
  CHECK(r.cross_entropy == Approx(-std::log(0.659)).margin(1e-3));
  CHECK(r.cross_entropy == -r.log_p[0]);
  CHECK(r.sigmoid_sum > 1.5f);  // sigmoids per class need not sum to 1
  REQUIRE(probes::softmax_lab({2.0f, 1.0f, 0.1f}, 1.0f, 2, r) == "");
  CHECK(r.grad[2] == r.stable[2] - 1.0f);
}

TEST_CASE("naive softmax overflows past z/T = 88.72, and the stable one holds", "[labs]") {
  probes::SoftmaxLab r;
  REQUIRE(probes::softmax_lab({88.0f, 0.0f}, 1.0f, 0, r) == "");
  CHECK(r.naive_finite);
  REQUIRE(probes::softmax_lab({89.0f, 0.0f}, 1.0f, 0, r) == "");
  CHECK_FALSE(r.naive_finite);
  CHECK(std::isnan(r.naive[0]));  // Inf / Inf
  CHECK(r.naive[1] == 0.0f);      // 1 / Inf
  CHECK(r.stable[0] == 1.0f);
  CHECK(r.stable_sum == Approx(1.0f).margin(1e-6));
  // Temperature scales first: 50 / 0.5 = 100 overflows too.
  REQUIRE(probes::softmax_lab({50.0f, 0.0f}, 0.5f, 1, r) == "");
  CHECK_FALSE(r.naive_finite);
  CHECK(std::isfinite(r.cross_entropy));
}

TEST_CASE("softmax lab: bad input is an error naming the field", "[labs]") {
  probes::SoftmaxLab r;
  CHECK(probes::softmax_lab({}, 1.0f, 0, r).find("logits") != std::string::npos);
  CHECK(probes::softmax_lab({1.0f, std::nanf("")}, 1.0f, 0, r).find("logits") != std::string::npos);
  CHECK(probes::softmax_lab({1.0f, 2.0f}, 0.0f, 0, r).find("temperature") != std::string::npos);
  CHECK(probes::softmax_lab({1.0f, 2.0f}, 1.0f, 2, r).find("target") != std::string::npos);
  CHECK(probes::softmax_lab(std::vector<float>(1025, 0.0f), 1.0f, 0, r).find("1024") != std::string::npos);
  float p[2];
  const float z[2] = {1, 2};
  CHECK(probes::naive_softmax(z, p, 0, 1.0f) != "");
  CHECK(probes::naive_softmax(z, p, 2, -1.0f) != "");
}

namespace {
json::Value parsed(const std::string& text) {
  json::Value v;
  std::string err;
  REQUIRE(json::parse(text, v, err));
  return v;
}
}  // namespace

TEST_CASE("probe JSON: softmax and chain kinds, errors name the field", "[labs]") {
  json::Value s = parsed(probes::run_probe_json("softmax", R"({"logits":[2.0,1.0,0.1],"target":1})"));
  REQUIRE(s.find("stable") != nullptr);
  CHECK(s.find("stable")->arr[0].num == Approx(0.659).margin(5e-4));
  CHECK(s.find("grad")->arr[1].num == Approx(0.242 - 1).margin(5e-4));
  CHECK(s.find("naiveFinite")->b);
  json::Value o = parsed(probes::run_probe_json("softmax", R"({"logits":[100,0]})"));
  CHECK_FALSE(o.find("naiveFinite")->b);
  CHECK(o.find("naive")->arr[0].is_null());
  CHECK(o.find("naiveText")->arr[0].str == "NaN");
  CHECK(o.find("stable")->arr[0].num == 1.0);
  json::Value c = parsed(probes::run_probe_json("chain", R"({"factor":0.25,"layers":10,"series":[[1e-6,1e-4,1e-2]]})"));
  CHECK(c.find("product")->arr[9].num == std::ldexp(1.0, -20));
  CHECK(c.find("factors")->arr[0].num == Approx(0.01).epsilon(1e-9));
  CHECK(probes::run_probe_json("softmax", R"({"logits":"x"})").find("logits:") != std::string::npos);
  CHECK(probes::run_probe_json("softmax", R"({"target":3})").find("target:") != std::string::npos);
  CHECK(probes::run_probe_json("chain", R"({"layers":2000})").find("layers:") != std::string::npos);
  CHECK(probes::run_probe_json("nope", "{}").find("softmax, chain") != std::string::npos);
}

TEST_CASE("depth sweep with N(0,1) weights: ReLU explodes past 1e2, sigmoid's gradient dies", "[labs]") {
  json::Value relu = parsed(probes::run_probe_json("depth", R"({"activation":"relu","init":"normal","layers":10,"width":32})"));
  REQUIRE(relu.find("grad") != nullptr);
  CHECK(relu.find("grad")->arr[0].num > 1e2);  // layer 1's gradient, after 9 layers of ×~4
  json::Value sig = parsed(probes::run_probe_json("depth", R"({"activation":"sigmoid","init":"normal","layers":50,"width":5})"));
  CHECK(sig.find("vanishBackward")->num > 0);
  CHECK(probes::run_probe_json("depth", R"({"init":"uniform"})").find("init: expected xavier, he, lecun or normal") != std::string::npos);
}
