// activation_kernels_test.cpp — every registry kernel where SIMD breaks: batch sizes around the
// vector width, in place, unaligned starts; scalar vs SIMD back end bit for bit; f' against
// finite differences of the reference; the IEEE-expected special values.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "actlab/activations/accuracy.hpp"
#include "actlab/activations/registry.hpp"
#include "actlab/activations/squashing.hpp"
#include "actlab/simd/bits.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

std::vector<float> pseudo_random(std::size_t n, std::uint32_t seed, float lo = -8, float hi = 8) {
  std::vector<float> v(n);
  for (auto& x : v) {
    seed = seed * 1664525u + 1013904223u;
    x = lo + (hi - lo) * float(seed >> 8) / float(1u << 24);
  }
  return v;
}

// Bit-identical, except that any two NaNs count as the same: IEEE 754 and wasm leave a NaN's sign
// and payload unspecified (wasm's scalar ops may canonicalise them), and no caller can observe it.
bool same_bits(float a, float b) {
  return (std::isnan(a) && std::isnan(b)) || bit_cast<std::uint32_t>(a) == bit_cast<std::uint32_t>(b);
}

// The scalar back end evaluated one element at a time is the yardstick for every batch shape.
float one(const Activation& a, float x, bool d) {
  float y;
  a.apply(&x, &y, 1, d, nullptr, Backend::Scalar);
  return y;
}

}  // namespace

TEST_CASE("kernels: batch sizes, in place and unaligned starts give the same bits as one-at-a-time", "[kernels]") {
  for (const Activation& a : activations()) {
    for (bool d : {false, true}) {
      for (std::size_t n : {0u, 1u, 3u, 4u, 5u, 7u, 8u, 1003u}) {
        for (std::size_t offset : {0u, 1u, 3u}) {
          std::vector<float> buf = pseudo_random(n + offset + 1, std::uint32_t(n * 7 + offset));
          std::vector<float> out(n + offset + 1, 12345.0f);
          const float* x = buf.data() + offset;
          a.apply(x, out.data() + offset, n, d, nullptr, Backend::Simd);
          INFO(a.id << (d ? " f'" : " f") << " n=" << n << " offset=" << offset);
          for (std::size_t i = 0; i < n; ++i) REQUIRE(same_bits(out[offset + i], one(a, x[i], d)));
          REQUIRE(out[offset + n] == 12345.0f);  // nothing written past the end
          // In place.
          std::vector<float> inplace(buf);
          a.apply(inplace.data() + offset, inplace.data() + offset, n, d, nullptr, Backend::Simd);
          for (std::size_t i = 0; i < n; ++i) REQUIRE(same_bits(inplace[offset + i], out[offset + i]));
        }
      }
    }
  }
}

TEST_CASE("kernels: scalar and SIMD back ends agree bit for bit over the accuracy sweep", "[kernels]") {
  std::vector<float> xs = accuracy_inputs(20001);
  std::vector<float> s(xs.size()), v(xs.size());
  for (const Activation& a : activations()) {
    for (bool d : {false, true}) {
      a.apply(xs.data(), s.data(), xs.size(), d, nullptr, Backend::Scalar);
      a.apply(xs.data(), v.data(), xs.size(), d, nullptr, Backend::Simd);
      std::size_t mismatches = 0;
      float first = 0;
      for (std::size_t i = 0; i < xs.size(); ++i)
        if (!same_bits(s[i], v[i]) && mismatches++ == 0) first = xs[i];
      INFO(a.id << (d ? " f'" : " f") << " first mismatch at x=" << first);
      CHECK(mismatches == 0);
    }
  }
}

TEST_CASE("kernels: apply_both gives f and f' with the same bits as two separate calls", "[kernels]") {
  std::vector<float> xs = accuracy_inputs(20001);
  std::vector<float> f(xs.size()), df(xs.size()), y(xs.size()), dy(xs.size());
  for (const Activation& a : activations()) {
    for (Backend b : {Backend::Simd, Backend::Scalar}) {
      a.apply(xs.data(), f.data(), xs.size(), false, nullptr, b);
      a.apply(xs.data(), df.data(), xs.size(), true, nullptr, b);
      for (std::size_t n : {xs.size(), std::size_t(7)}) {  // a whole batch and a short tail
        a.apply_both(xs.data(), y.data(), dy.data(), n, nullptr, b);
        std::size_t mismatches = 0;
        for (std::size_t i = 0; i < n; ++i) mismatches += !same_bits(y[i], f[i]) || !same_bits(dy[i], df[i]);
        INFO(a.id << (b == Backend::Simd ? " simd" : " scalar") << " n=" << n);
        CHECK(mismatches == 0);
      }
    }
  }
}

TEST_CASE("kernels: f' matches central finite differences of the reference f", "[kernels][gradient]") {
  for (const Activation& a : activations()) {
    double p[kMaxParams];
    float pf[kMaxParams];
    a.default_params(pf);
    for (int i = 0; i < kMaxParams; ++i) p[i] = pf[i];
    for (float x : pseudo_random(400, 99, -6, 6)) {
      if (std::fabs(x) < 1e-3f || std::fabs(std::fabs(x) - 3) < 1e-3f || std::fabs(x - 6) < 1e-3f) continue;  // kinks
      double h = 1e-5;
      double fd = (a.ref_f(x + h, p) - a.ref_f(x - h, p)) / (2 * h);
      INFO(a.id << " x=" << x << " fd=" << fd);
      REQUIRE(a.ref_df(x, p) == Approx(fd).margin(1e-6).epsilon(1e-6));
      REQUIRE(double(one(a, x, true)) == Approx(fd).margin(2e-6).epsilon(1e-5));
    }
  }
}

TEST_CASE("kernels: IEEE-expected results for special inputs", "[kernels][special]") {
  const float inf = std::numeric_limits<float>::infinity();
  auto f = [](const char* id, float x) { return one(*find_activation(id), x, false); };
  auto df = [](const char* id, float x) { return one(*find_activation(id), x, true); };
  CHECK(f("sigmoid", -1000) == 0.0f);
  CHECK(f("sigmoid", 1000) == 1.0f);
  CHECK(df("sigmoid", -1000) == 0.0f);
  CHECK(f("sigmoid", -inf) == 0.0f);
  CHECK(f("tanh", inf) == 1.0f);
  CHECK(f("tanh", -inf) == -1.0f);
  CHECK(same_bits(f("tanh", -0.0f), -0.0f));
  CHECK(f("softplus", 1000) == 1000.0f);
  CHECK(f("softplus", -1000) == 0.0f);
  CHECK(f("gelu", -1000) == 0.0f);
  CHECK(f("gelu", inf) == inf);
  CHECK(f("swish", -inf) == 0.0f);
  CHECK(f("mish", -inf) == 0.0f);
  CHECK(f("elu", -inf) == -1.0f);
  CHECK(f("softsign", inf) == 1.0f);
  CHECK(f("relu", 3e38f) == 3e38f);
  // NaN in, NaN out: for every activation, f and f'. Never a silent number.
  for (const Activation& a : activations()) {
    INFO(a.id);
    CHECK(std::isnan(one(a, std::numeric_limits<float>::quiet_NaN(), false)));
    CHECK(std::isnan(one(a, std::numeric_limits<float>::quiet_NaN(), true)));
    // No NaN the maths doesn't call for, at any finite or infinite input.
    for (float x : {inf, -inf, 3e38f, -3e38f, 1e-45f, -1e-45f, 0.0f, -0.0f, 88.8f, -88.8f, 104.0f, -104.0f}) {
      INFO("x=" << x);
      CHECK_FALSE(std::isnan(one(a, x, false)));
      CHECK_FALSE(std::isnan(one(a, x, true)));
    }
  }
}

TEST_CASE("registry: ids are unique, parameters default inside their range, lookups work", "[registry]") {
  REQUIRE(activations().size() >= 18);
  for (const Activation& a : activations()) {
    INFO(a.id);
    CHECK(find_activation(a.id) == &a);
    float p[kMaxParams];
    a.default_params(p);
    CHECK(a.check_params(p).empty());
    for (const Activation& b : activations()) CHECK((&a == &b || std::string(a.id) != b.id));
  }
  CHECK(find_activation("nope") == nullptr);
  const Activation& leaky = *find_activation("leaky_relu");
  float bad[kMaxParams] = {std::numeric_limits<float>::quiet_NaN(), 0};
  CHECK(leaky.check_params(bad).find("alpha") != std::string::npos);
  bad[0] = 5.0f;
  CHECK(leaky.check_params(bad).find("outside") != std::string::npos);
}

TEST_CASE("registry: max |f'| metadata matches the reference derivative", "[registry]") {
  for (const Activation& a : activations()) {
    double p[kMaxParams];
    float pf[kMaxParams];
    a.default_params(pf);
    for (int i = 0; i < kMaxParams; ++i) p[i] = pf[i];
    double m = 0;
    for (int i = -60000; i <= 60000; ++i) {
      double x = i / 1000.0;
      if (a.smooth || std::fabs(x) > 1e-9) m = std::max(m, std::fabs(a.ref_df(x, p)));
    }
    if (std::string(a.id) == "selu") m = std::max(m, double(a.max_slope));  // supremum approached at 0-
    INFO(a.id);
    CHECK(m == Approx(a.max_slope).epsilon(2e-3));
  }
}

TEST_CASE("curriculum figures come out of the engine", "[kernels][curriculum]") {
  const Activation& s = *find_activation("sigmoid");
  CHECK(one(s, -5, false) == Approx(0.0067).margin(5e-5));
  CHECK(one(s, 0, false) == 0.5f);
  CHECK(one(s, 5, false) == Approx(0.9933).margin(5e-5));
  CHECK(one(s, 0, true) == 0.25f);
  CHECK(one(*find_activation("tanh"), 0, true) == 1.0f);
  // tanh(z) = 2 sigma(2z) - 1
  for (float z : {-3.0f, -0.5f, 0.25f, 2.0f}) CHECK(one(*find_activation("tanh"), z, false) == Approx(2 * one(s, 2 * z, false) - 1).margin(1e-6));
  CHECK(one(*find_activation("gelu"), -0.7518f, false) == Approx(-0.17).margin(5e-4));
}

// Activation::bounded: the trainer's divergence check (probes/divergence.cpp) does not sum the
// outputs of a bounded layer, because a finite input must give a finite output there. So: exactly
// the activations whose range is a bounded interval carry the flag, and each gives a finite f(x)
// within [-6, 6] for the most extreme finite inputs, on both back ends, through f and through f+f'.
TEST_CASE("activations: bounded ones give a finite output for every finite input", "[activations]") {
  std::vector<std::string> flagged;
  for (const Activation& a : activations())
    if (a.bounded) flagged.push_back(a.id);
  CHECK(flagged == std::vector<std::string>{"step", "sigmoid", "tanh", "relu6", "softsign", "hard_sigmoid"});
  const float big = std::numeric_limits<float>::max(), tiny = std::numeric_limits<float>::denorm_min();
  const std::vector<float> xs = {big, -big, 1e30f, -1e30f, 88.8f, -88.8f, 104.f, -104.f, 1e-30f, -1e-30f, tiny, -tiny, 0.f, -0.f, 3.f, -3.f, 6.f, 1.f};
  for (const Activation& a : activations()) {
    if (!a.bounded) continue;
    for (Backend be : {Backend::Simd, Backend::Scalar}) {
      std::vector<float> y(xs.size()), y2(xs.size()), dy(xs.size());
      a.apply(xs.data(), y.data(), xs.size(), false, nullptr, be);
      a.apply_both(xs.data(), y2.data(), dy.data(), xs.size(), nullptr, be);
      for (std::size_t k = 0; k < xs.size(); ++k) {
        INFO(a.id << " x = " << xs[k] << (be == Backend::Simd ? " simd" : " scalar"));
        CHECK(std::isfinite(y[k]));
        CHECK(std::fabs(y[k]) <= 6.0f);
        CHECK(std::isfinite(y2[k]));
      }
    }
  }
}

// Tanh::fdf2 (two vectors, one range test; run_batch_fdf uses it where it unrolls, on wasm) gives
// each vector Tanh::fdf's bits, whichever vector has the far lanes (|x| > 15) and when a NaN in
// one vector's lane sits beside a far value in the other's (the test must not let it hide).
TEST_CASE("activations: tanh's two-vector fdf2 has fdf's bits for near, far and NaN lanes", "[activations]") {
  using B = simd::Native;
  constexpr int W = B::width;
  const act::Params<B> p{B::splat(0.0f), B::splat(0.0f)};
  // (The near form is exact down to |x| ~ 43, so the far values that tell the forms apart are
  // the huge ones: 100, 1e30, Inf.)
  const float pool[] = {0.5f, -0.25f, 3.f, -7.f, 14.9f, 15.1f, -20.f, 100.f, -1e30f, 1e-40f, 0.f, -0.f, NAN, INFINITY, -INFINITY, 15.f};
  const int np = static_cast<int>(sizeof pool / sizeof pool[0]);
  auto same = [](B::F a, B::F b) {
    alignas(16) float x[W], y[W];
    B::store(x, a);
    B::store(y, b);
    return std::memcmp(x, y, sizeof x) == 0;
  };
  // The pool's pairs, then each huge value alone in a vector of small ones, beside a NaN in the
  // other vector's same lane (either way round): exactly where min(a0, a1) would hide it.
  const int pairs = np * np, lone = 3 * 2 * W;
  for (int s = 0; s < pairs + lone; ++s) {
    alignas(16) float x0[W], x1[W];
    for (int l = 0; l < W; ++l) {
      x0[l] = pool[(s + 3 * l) % np];
      x1[l] = pool[(s / np + 5 * l) % np];
    }
    if (s >= pairs) {
      const int k = s - pairs, lane = k % W;
      const float huge[] = {100.f, -1e30f, INFINITY};
      for (int l = 0; l < W; ++l) x0[l] = x1[l] = 0.5f;
      (k / W % 2 ? x1 : x0)[lane] = huge[k / (2 * W)];
      (k / W % 2 ? x0 : x1)[lane] = NAN;
    }
    B::F v0 = B::load(x0), v1 = B::load(x1), y0, dy0, y1, dy1, e0, de0, e1, de1;
    act::Tanh::fdf2<B>(v0, v1, p, y0, dy0, y1, dy1);
    act::Tanh::fdf<B>(v0, p, e0, de0);
    act::Tanh::fdf<B>(v1, p, e1, de1);
    INFO("case " << s);
    CHECK(same(y0, e0));
    CHECK(same(dy0, de0));
    CHECK(same(y1, e1));
    CHECK(same(dy1, de1));
  }
}
