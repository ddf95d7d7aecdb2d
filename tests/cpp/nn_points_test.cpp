// nn_points_test.cpp — the playground's sample export (nn/points.hpp): one x, y, label triple per
// sample of each split, equal to the dataset's raw points and labels; nothing for digits or a
// short buffer or an unconfigured trainer.
#include <algorithm>
#include <vector>

#include "actlab/nn/points.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("copy_points gives each split's raw points and labels", "[nn][points]") {
  nn::Trainer t;
  std::vector<float> out(3000, -7.f);
  CHECK(nn::point_count(t, false) == 0);
  CHECK(nn::copy_points(t, false, out.data(), out.size()) == 0);
  REQUIRE(t.configure_json(R"({"dataset":{"name":"spiral","classes":3,"samples":300,"train_ratio":0.6,
      "features":["x","y","x2","sinx"]},"network":{"hidden":[{"units":4}]}})") == "");
  const data::Dataset& d = t.dataset();
  for (bool test : {false, true}) {
    std::fill(out.begin(), out.end(), -7.f);
    const std::size_t n = nn::point_count(t, test);
    CHECK(n == (test ? 120u : 180u));
    CHECK(nn::copy_points(t, test, out.data(), 3 * n - 1) == 0);  // too small: nothing
    CHECK(out[0] == -7.f);
    REQUIRE(nn::copy_points(t, test, out.data(), out.size()) == n);
    const auto& raw = test ? d.raw_test : d.raw_train;
    const auto& y = test ? d.y_test : d.y_train;
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(out[3 * i] == raw[2 * i]);
      CHECK(out[3 * i + 1] == raw[2 * i + 1]);
      CHECK(out[3 * i + 2] == y[i]);
      CHECK((y[i] == 0.f || y[i] == 1.f || y[i] == 2.f));
    }
  }
  REQUIRE(t.configure_json(R"({"dataset":{"name":"digits","samples":50}})") != "");  // no digits bytes: refused, old run kept
  CHECK(nn::point_count(t, true) == 120u);
}
