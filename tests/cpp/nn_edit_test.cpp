// nn_edit_test.cpp — the playground's editable edges: Trainer::set_weight / set_bias write one
// value of the network's own storage (W is [in][out], dense.hpp), refuse out-of-range indices and
// non-finite values with a message naming them (nothing changes then), move the decision grid,
// survive a model export → import, and training continues from the edited value. Native and wasm.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "actlab/nn/trainer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

const char* kEditConfig = R"({"dataset":{"name":"xor","samples":100,"seed":2},
  "network":{"hidden":[{"units":3,"activation":"tanh"},{"units":2,"activation":"relu"}],"seed":3},
  "training":{"optimizer":"adam","learning_rate":0.02,"batch":10,"seed":4}})";

std::vector<float> grid(nn::Trainer& t) {
  std::vector<float> g(16 * 16 * static_cast<std::size_t>(t.network().outputs()));
  REQUIRE(t.decision_grid(16, -6, 6, -6, 6, g.data()) == "");
  return g;
}

}  // namespace

TEST_CASE("set_weight and set_bias write the network's storage: W[row = input][col = output]", "[nn][edit]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(kEditConfig) == "");
  const auto& ls = t.network().layers();
  REQUIRE(ls.size() == 3);
  const std::vector<float> before1 = ls[1].W;
  REQUIRE(t.set_weight(1, 2, 1, 0.625) == "");
  CHECK(ls[1].W[2 * 2 + 1] == 0.625f);
  for (std::size_t q = 0; q < before1.size(); ++q)
    if (q != 5) CHECK(ls[1].W[q] == before1[q]);  // only the edited edge moved
  REQUIRE(t.set_bias(2, 0, -1.5) == "");
  CHECK(ls[2].b[0] == -1.5f);
  REQUIRE(t.set_weight(0, 1, 2, -3) == "");
  CHECK(ls[0].W[1 * 3 + 2] == -3.f);
}

TEST_CASE("an edited weight changes the decision grid and training continues from it", "[nn][edit]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(kEditConfig) == "");
  const auto g0 = grid(t);
  REQUIRE(t.set_weight(2, 0, 0, 4.0) == "");  // output weight of hidden unit 0 of layer 2
  const auto g1 = grid(t);
  CHECK(g0 != g1);
  REQUIRE(t.run_epoch());
  CHECK(t.network().layers()[2].W[0] != 4.0f);  // the optimiser moved on from the edit
  CHECK(std::isfinite(t.evaluate(false).loss));
}

TEST_CASE("set_weight refuses bad indices and non-finite values with a message, and changes nothing", "[nn][edit]") {
  nn::Trainer fresh;
  CHECK(fresh.set_weight(0, 0, 0, 1) == "set_weight: the trainer is not configured");
  CHECK(fresh.set_bias(0, 0, 1) == "set_bias: the trainer is not configured");
  nn::Trainer t;
  REQUIRE(t.configure_json(kEditConfig) == "");
  const std::string model = t.export_json();
  CHECK(t.set_weight(3, 0, 0, 1) == "set_weight: layer 3 is out of range (0 to 2)");
  CHECK(t.set_weight(-1, 0, 0, 1) == "set_weight: layer -1 is out of range (0 to 2)");
  CHECK(t.set_weight(0, 2, 0, 1) == "set_weight: row (input unit) 2 is out of range (0 to 1)");
  CHECK(t.set_weight(1, 0, 2, 1) == "set_weight: column (output unit) 2 is out of range (0 to 1)");
  CHECK(t.set_weight(0, 0, 0, std::nan("")) == "set_weight: value nan is not a finite float32 number");
  CHECK(t.set_weight(0, 0, 0, std::numeric_limits<double>::infinity()) == "set_weight: value inf is not a finite float32 number");
  CHECK(t.set_weight(0, 0, 0, 1e300) == "set_weight: value 1e+300 is not a finite float32 number");
  CHECK(t.set_bias(1, 2, 1) == "set_bias: unit 2 is out of range (0 to 1)");
  CHECK(t.set_bias(0, 0, -std::numeric_limits<double>::infinity()) == "set_bias: value -inf is not a finite float32 number");
  CHECK(t.export_json() == model);  // nothing changed
}

TEST_CASE("an edited weight survives model export and import, and both runs continue bit for bit", "[nn][edit]") {
  nn::Trainer a;
  REQUIRE(a.configure_json(kEditConfig) == "");
  REQUIRE(a.run_epoch());
  REQUIRE(a.set_weight(1, 1, 0, -2.25) == "");
  REQUIRE(a.set_bias(0, 2, 0.5) == "");
  nn::Trainer b;
  REQUIRE(b.import_json(a.export_json()) == "");
  CHECK(b.network().layers()[1].W[1 * 2 + 0] == -2.25f);
  CHECK(b.network().layers()[0].b[2] == 0.5f);
  REQUIRE(a.run_epoch());
  REQUIRE(b.run_epoch());
  CHECK(a.export_json() == b.export_json());
}
