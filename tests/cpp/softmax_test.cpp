// softmax_test.cpp — softmax and log-softmax: stability, temperature, -Inf, bad input, accuracy.
#include "actlab/simd/bits.hpp"
#include <cmath>
#include <cstdint>
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

TEST_CASE("softmax: a logit far below a huge maximum gets probability 0 in long rows too", "[softmax]") {
  // Rows of 16+ at T = 1 raised logits to m - 128 before z - m, and m - 128 rounds to m once
  // |m| >= 2^31: every logit below such a maximum, a -Inf one included, got the maximum's share.
  const float inf = std::numeric_limits<float>::infinity();
  for (Backend b : {Backend::Simd, Backend::Scalar})
    for (float m : {1e10f, -3e38f, 3e38f}) {
      INFO("max " << m);
      std::vector<float> z(20, m - std::fabs(m) * 0.5f), p(20);  // far below: probability 0
      z[3] = m;
      z[7] = -inf;
      REQUIRE(softmax(z.data(), p.data(), z.size(), 1.0f, b).empty());
      for (std::size_t i = 0; i < z.size(); ++i) CHECK(p[i] == (i == 3 ? 1.0f : 0.0f));
      std::vector<float> lp(20);
      REQUIRE(log_softmax(z.data(), lp.data(), z.size(), 1.0f, b).empty());
      // Each of the 18 far logits adds exp_neg_scaled's floor, e^-104, to the sum, so the maximum's
      // log-softmax is -log1p(18·e^-104) = -1.2e-44: a denormal, far inside the 2^-10 floor.
      CHECK(lp[3] <= 0.0f);
      CHECK(lp[3] > -1e-40f);
      CHECK(lp[7] == -inf);
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

// Rows of 16 or more with T = 1 and |max| <= 200 take softmax.cpp's exp_biased path (no exact
// z - m; logits raised to m - 106); the rest keep the exact difference. Both sides of that bound,
// logits far below the maximum (whose probability is denormal or rounds to 0) and ties.
TEST_CASE("softmax: long rows on both sides of the exp_biased bound keep their ULPs and their zeros", "[softmax][accuracy]") {
  const float inf = std::numeric_limits<float>::infinity();
  const float gaps[] = {0.0f, 0.0f, 0.5f, 1.0f, 3.0f, 10.0f, 33.3f, 50.0f, 87.0f, 87.5f, 100.0f, 103.0f,
                        103.9f, 104.5f, 105.0f, 106.0f, 106.5f, 110.0f, 1000.0f, inf};
  double worst = 0;
  for (float m : {0.0f, 37.5f, -150.0f, 199.99f, 200.0f, 200.01f, -200.0f, -200.01f, 250.0f, 1e4f, -3e38f}) {
    for (std::size_t n : {16u, 20u, 40u, 1031u}) {
      std::vector<float> z(n), p(n);
      std::vector<double> zd(n), ref(n);
      for (std::size_t i = 0; i < n; ++i) z[i] = m - gaps[(i * 7) % 20] - (i >= 20 ? float(i % 97) * 0.01f : 0.0f);
      for (std::size_t i = 0; i < n; ++i) zd[i] = z[i];
      softmax_ref(zd.data(), ref.data(), n, 1.0);
      for (Backend b : {Backend::Simd, Backend::Scalar}) {
        REQUIRE(softmax(z.data(), p.data(), n, 1.0f, b).empty());
        for (std::size_t i = 0; i < n; ++i) {
          INFO("max " << m << ", n " << n << ", z " << z[i] << " (max - z = " << (double(m) - zd[i]) << "), ref " << ref[i]
                      << ", got " << p[i]);
          if (ref[i] >= 0x1p-126) {
            // 4 ULP on the accuracy sweep's row lengths; a sum of 1031 terms rounds more.
            const double u = ulp_error(p[i], ref[i]);
            worst = std::max(worst, u);
            CHECK(u <= (n <= 40 ? 4.0 : 8.0));
          } else if (ref[i] < 0x1p-150) {
            CHECK(p[i] == 0.0f);  // true value below half the smallest denormal
          } else {
            CHECK(std::fabs(double(p[i]) - ref[i]) <= 0x1p-149);  // denormal: within one step
          }
        }
      }
    }
  }
  INFO("worst " << worst);
  CHECK(worst > 0.0);  // the rows did reach normal, inexact probabilities
}

TEST_CASE("softmax_rows: the same bits as softmax() on each row, short and long rows, in place", "[softmax]") {
  std::uint32_t state = 777;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return float(state >> 8) * 0x1p-24f;
  };
  const float inf = std::numeric_limits<float>::infinity();
  for (Backend b : {Backend::Simd, Backend::Scalar}) {
    for (std::size_t cols : {1u, 2u, 3u, 5u, 10u, 15u, 16u, 17u, 40u}) {
      for (std::size_t rows : {1u, 3u, 4u, 5u, 9u}) {
        INFO("cols " << cols << " rows " << rows);
        std::vector<float> z(rows * cols);
        for (float& v : z) v = -20.0f + 40.0f * next();
        if (cols > 1) z[0] = -inf;         // a -Inf logit: probability 0 (alone in a row it is NaN)
        if (rows > 2) z[2 * cols] = NAN;   // a NaN row: all NaN, and only that row
        std::vector<float> p(z.size()), lp(z.size()), one(cols), lone(cols);
        REQUIRE(softmax_rows(z.data(), p.data(), rows, cols, 1.0f, b).empty());
        REQUIRE(log_softmax_rows(z.data(), lp.data(), rows, cols, 1.0f, b).empty());
        for (std::size_t r = 0; r < rows; ++r) {
          REQUIRE(softmax(z.data() + r * cols, one.data(), cols, 1.0f, b).empty());
          REQUIRE(log_softmax(z.data() + r * cols, lone.data(), cols, 1.0f, b).empty());
          for (std::size_t k = 0; k < cols; ++k) {
            const float got = p[r * cols + k], lgot = lp[r * cols + k];
            CHECK((actlab::bit_cast<std::uint32_t>(got) == actlab::bit_cast<std::uint32_t>(one[k]) ||
                   (std::isnan(got) && std::isnan(one[k]))));
            CHECK((actlab::bit_cast<std::uint32_t>(lgot) == actlab::bit_cast<std::uint32_t>(lone[k]) ||
                   (std::isnan(lgot) && std::isnan(lone[k]))));
            CHECK(std::isnan(got) == (rows > 2 && r == 2));
          }
        }
        if (cols > 1) CHECK(p[0] == 0.0f);
        std::vector<float> inplace = z;  // z and p may alias
        REQUIRE(softmax_rows(inplace.data(), inplace.data(), rows, cols, 1.0f, b).empty());
        for (std::size_t i = 0; i < z.size(); ++i)
          CHECK((actlab::bit_cast<std::uint32_t>(inplace[i]) == actlab::bit_cast<std::uint32_t>(p[i]) || std::isnan(p[i])));
      }
    }
  }
  float z[4] = {1, 2, 3, 4}, p[4];
  CHECK(softmax_rows(z, p, 0, 4).find("no rows") != std::string::npos);
  CHECK(softmax_rows(z, p, 1, 0).find("empty") != std::string::npos);
  CHECK(log_softmax_rows(z, p, 1, 4, 0.0f).find("temperature") != std::string::npos);
}
