// softmax_test.cpp — softmax and log-softmax: stability, temperature, -Inf, bad input, accuracy.
#include <cmath>
#include <limits>
#include <vector>

#include "actlab/activations/accuracy.hpp"
#include "actlab/activations/softmax.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("softmax: max-subtracted, never overflows", "[softmax]") {
  for (Backend b : {Backend::Simd, Backend::Scalar}) {
    float z[2] = {1000, 1000}, p[2];
    REQUIRE(softmax(z, p, 2, 1.0f, b).empty());
    CHECK(p[0] == 0.5f);
    CHECK(p[1] == 0.5f);
    float z3[3] = {2.0f, 1.0f, 0.1f}, p3[3];
    REQUIRE(softmax(z3, p3, 3, 1.0f, b).empty());
    CHECK(p3[0] == Approx(0.659).margin(5e-4));
    CHECK(p3[1] == Approx(0.242).margin(5e-4));
    CHECK(p3[2] == Approx(0.099).margin(5e-4));
    const float inf = std::numeric_limits<float>::infinity();
    float zi[5] = {1, -inf, 2, 3, 4}, pi[5];
    REQUIRE(softmax(zi, pi, 5, 1.0f, b).empty());
    CHECK(pi[1] == 0.0f);
    float s = 0;
    for (float v : pi) s += v;
    CHECK(s == Approx(1.0f).margin(1e-6));
  }
}

TEST_CASE("softmax: temperature sharpens and flattens, log-softmax agrees", "[softmax]") {
  float z[4] = {1, 2, 3, 4}, hot[4], cold[4], lp[4], p[4];
  REQUIRE(softmax(z, hot, 4, 10.0f).empty());
  REQUIRE(softmax(z, cold, 4, 0.1f).empty());
  CHECK(hot[3] < 0.35f);
  CHECK(cold[3] > 0.99f);
  REQUIRE(softmax(z, p, 4, 1.0f).empty());
  REQUIRE(log_softmax(z, lp, 4, 1.0f).empty());
  for (int i = 0; i < 4; ++i) CHECK(std::exp(lp[i]) == Approx(p[i]).epsilon(1e-6));
}

TEST_CASE("softmax: every length around the vector width, in place", "[softmax]") {
  for (std::size_t n = 1; n <= 13; ++n) {
    std::vector<float> z(n), p(n);
    for (std::size_t i = 0; i < n; ++i) z[i] = float(i % 5) - 2.0f;
    REQUIRE(softmax(z.data(), p.data(), n).empty());
    std::vector<float> in(z);
    REQUIRE(softmax(in.data(), in.data(), n).empty());
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(in[i] == p[i]);
      s += p[i];
    }
    CHECK(s == Approx(1.0).margin(1e-6));
  }
}

TEST_CASE("softmax: bad input gets a message, NaN logits make NaN", "[softmax]") {
  float z[2] = {1, 2}, p[2];
  CHECK(softmax(z, p, 0).find("empty") != std::string::npos);
  CHECK(softmax(z, p, 2, 0.0f).find("temperature") != std::string::npos);
  CHECK(softmax(z, p, 2, std::numeric_limits<float>::quiet_NaN()).find("temperature") != std::string::npos);
  CHECK(log_softmax(z, p, 2, -1.0f).find("temperature") != std::string::npos);
  float zn[2] = {1, std::numeric_limits<float>::quiet_NaN()};
  REQUIRE(softmax(zn, p, 2).empty());
  CHECK(std::isnan(p[0]));
  CHECK(std::isnan(p[1]));
}

TEST_CASE("softmax: accuracy against the double reference", "[softmax][accuracy]") {
  SoftmaxAccuracy a = measure_softmax_accuracy(300);
  CHECK(a.max_ulp_softmax <= 8);
  CHECK(a.max_ulp_log_softmax <= 8);
}
