// simd_vocabulary_test.cpp — every back end of the SIMD vocabulary has the same semantics:
// NaN and signed-zero behaviour of min/max, selects, integer lanes and lane-order reductions.
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "actlab/simd/bits.hpp"
#include "actlab/simd/simd.hpp"
#include "catch2/catch.hpp"

using actlab::bit_cast;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Applies a binary vocabulary op lane by lane on back end B and returns lane 0's bits.
template <class B, class Op> std::uint32_t lane0(Op op, float a, float b) {
  float in_a[4] = {a, a, a, a}, in_b[4] = {b, b, b, b}, out[4] = {};
  B::store(out, op(B::load(in_a), B::load(in_b)));
  for (int k = 1; k < B::width; ++k) REQUIRE(bit_cast<std::uint32_t>(out[k]) == bit_cast<std::uint32_t>(out[0]));
  return bit_cast<std::uint32_t>(out[0]);
}

template <class B> void check_min_max_semantics() {
  auto mn = [](auto a, auto b) { return B::min(a, b); };
  auto mx = [](auto a, auto b) { return B::max(a, b); };
  const std::uint32_t nan_bits = bit_cast<std::uint32_t>(kNaN);
  // min(a, b) = a < b ? a : b: a NaN anywhere returns the second operand.
  CHECK(lane0<B>(mn, kNaN, 1.0f) == bit_cast<std::uint32_t>(1.0f));
  CHECK(lane0<B>(mn, 1.0f, kNaN) == nan_bits);
  CHECK(lane0<B>(mx, kNaN, 1.0f) == bit_cast<std::uint32_t>(1.0f));
  CHECK(lane0<B>(mx, 1.0f, kNaN) == nan_bits);
  // Signed zeros: equal, so the second operand wins.
  CHECK(lane0<B>(mn, 0.0f, -0.0f) == bit_cast<std::uint32_t>(-0.0f));
  CHECK(lane0<B>(mn, -0.0f, 0.0f) == bit_cast<std::uint32_t>(0.0f));
  CHECK(lane0<B>(mx, 0.0f, -0.0f) == bit_cast<std::uint32_t>(-0.0f));
  CHECK(lane0<B>(mn, 2.0f, 3.0f) == bit_cast<std::uint32_t>(2.0f));
  CHECK(lane0<B>(mx, 2.0f, 3.0f) == bit_cast<std::uint32_t>(3.0f));
}

template <class B> void check_select_and_ints() {
  float a[4] = {1, 2, 3, 4}, b[4] = {-1, -2, -3, -4}, out[4];
  B::store(out, B::select(B::gt(B::load(a), B::splat(2.5f)), B::load(a), B::load(b)));
  for (int k = 0; k < B::width; ++k) CHECK(out[k] == (a[k] > 2.5f ? a[k] : b[k]));
  // select_or_zero(m, c) has the bits of select(m, c, +0) for every positive c, on every back end
  // (wasm computes it as pmin(c, mask)); a NaN input's mask is clear, so it gives +0.
  const float cs[] = {1.0f, 1.0f / 6.0f, 0x1p-149f, 0x1p-126f, 3.4028235e38f, std::numeric_limits<float>::infinity()};
  const float xs[4] = {kNaN, -0.0f, 0x1p-149f, 5.0f};
  for (float c : cs) {
    float want[4], got[4];
    B::store(want, B::select(B::gt(B::load(xs), B::splat(0.0f)), B::splat(c), B::splat(0.0f)));
    B::store(got, B::select_or_zero(B::gt(B::load(xs), B::splat(0.0f)), B::splat(c)));
    for (int k = 0; k < B::width; ++k) {
      INFO("c = " << c << ", lane " << k);
      CHECK(bit_cast<std::uint32_t>(got[k]) == bit_cast<std::uint32_t>(want[k]));
      CHECK(bit_cast<std::uint32_t>(got[k]) == (xs[k] > 0 ? bit_cast<std::uint32_t>(c) : 0u));
    }
  }
  // nan_or_zero(x): all bits set where x is NaN (a NaN, whatever x's payload and sign), +0 for
  // every other x, Inf and -0 included: step's f' (piecewise.hpp).
  const float ys[] = {kNaN, -kNaN, bit_cast<float>(0x7f800001u), -0.0f, 0.0f, 0x1p-149f, -3.5f,
                      std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(), 3.4028235e38f};
  for (float y : ys) {
    float in[4] = {y, 1.0f, y, -1.0f}, got[4];
    B::store(got, B::nan_or_zero(B::load(in)));
    INFO("x bits " << std::hex << bit_cast<std::uint32_t>(y));
    CHECK(bit_cast<std::uint32_t>(got[0]) == (std::isnan(y) ? 0xffffffffu : 0u));
    if (B::width == 4) {
      CHECK(bit_cast<std::uint32_t>(got[1]) == 0u);
      CHECK(bit_cast<std::uint32_t>(got[2]) == bit_cast<std::uint32_t>(got[0]));
      CHECK(bit_cast<std::uint32_t>(got[3]) == 0u);
    }
  }
  // neg_abs(x) = -|x| bit for bit (the sign bit set): -0 for ±0, -Inf for ±Inf, a NaN stays a NaN.
  for (float y : ys) {
    float in[4] = {y, -y, y, 2.0f}, got[4];
    B::store(got, B::neg_abs(B::load(in)));
    INFO("x bits " << std::hex << bit_cast<std::uint32_t>(y));
    CHECK(bit_cast<std::uint32_t>(got[0]) == (bit_cast<std::uint32_t>(y) | 0x80000000u));
    if (B::width == 4) {
      CHECK(bit_cast<std::uint32_t>(got[1]) == (bit_cast<std::uint32_t>(y) | 0x80000000u));
      CHECK(got[3] == -2.0f);
    }
  }
  // NaN compares false for every ordered comparison; is_nan finds it.
  float n[4] = {kNaN, kNaN, kNaN, kNaN};
  CHECK_FALSE(B::any(B::lt(B::load(n), B::splat(0.0f))));
  CHECK_FALSE(B::any(B::ge(B::load(n), B::splat(0.0f))));
  CHECK(B::any(B::is_nan(B::load(n))));
  // Integer lanes: 2^k built from the exponent field, arithmetic right shift of negatives.
  B::store(out, B::as_float(B::template shl<23>(B::add_int(B::splat_int(-3), B::splat_int(127)))));
  CHECK(out[0] == 0.125f);
  B::store(out, B::int_to_float(B::template shr_arith<1>(B::splat_int(-7))));
  CHECK(out[0] == -4.0f);
  B::store(out, B::abs(B::splat(-0.0f)));
  CHECK(bit_cast<std::uint32_t>(out[0]) == 0u);
}

}  // namespace

TEST_CASE("SIMD vocabulary: min/max NaN and signed-zero semantics are the same on every back end", "[simd]") {
  check_min_max_semantics<actlab::simd::Scalar>();
  check_min_max_semantics<actlab::simd::Native>();
}

TEST_CASE("SIMD vocabulary: select, compares, integer lanes", "[simd]") {
  check_select_and_ints<actlab::simd::Scalar>();
  check_select_and_ints<actlab::simd::Native>();
}

TEST_CASE("SIMD vocabulary: transpose4 turns four rows into four columns (the short-row softmax copy)", "[simd]") {
  using B = actlab::simd::Native;
  if constexpr (B::width == 4) {
    float m[4][4], t[4][4];
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 4; ++c) m[r][c] = static_cast<float>(10 * r + c);
    B::F a = B::load(m[0]), b = B::load(m[1]), c = B::load(m[2]), d = B::load(m[3]);
    B::transpose4(a, b, c, d);
    B::store(t[0], a);
    B::store(t[1], b);
    B::store(t[2], c);
    B::store(t[3], d);
    for (int r = 0; r < 4; ++r)
      for (int k = 0; k < 4; ++k) CHECK(t[r][k] == m[k][r]);
  }
}

TEST_CASE("SIMD vocabulary: load2 reads two floats and zeroes the rest, store2 writes two and no more", "[simd]") {
  using B = actlab::simd::Native;
  if constexpr (B::width == 4) {
    const float src[3] = {1.5f, -2.25f, 99.0f};  // src[2] must not be read into a lane
    float lanes[4];
    B::store(lanes, B::load2(src));
    CHECK(lanes[0] == 1.5f);
    CHECK(lanes[1] == -2.25f);
    CHECK(lanes[2] == 0.0f);
    CHECK(lanes[3] == 0.0f);
    float dst[4] = {7.0f, 7.0f, 7.0f, 7.0f};
    const float v[4] = {3.0f, 4.0f, 5.0f, 6.0f};
    B::store2(dst + 1, B::load(v));
    CHECK(dst[0] == 7.0f);
    CHECK(dst[1] == 3.0f);
    CHECK(dst[2] == 4.0f);
    CHECK(dst[3] == 7.0f);
  }
}

TEST_CASE("SIMD vocabulary: horizontal sum uses the fixed order ((l0+l1)+(l2+l3))", "[simd]") {
  using B = actlab::simd::Native;
  // Chosen so that left-to-right summation gives a different result: 1e8 + 1 - 1e8 + 1.
  float v[4] = {1e8f, 1.0f, -1e8f, 1.0f};
  float expected = (v[0] + v[1]) + (v[2] + v[3]);
  CHECK(B::hsum(B::load(v)) == expected);
  CHECK(B::width == 4);
}

// util/aligned_new.cpp: on wasm, Emscripten's malloc aligns to 8 bytes, so without the aligned
// operator new every other float array began 8 bytes into a 16-byte group (the vector loads and
// stores of the kernels then straddle two). Natively glibc gives 16 already. Same check on both.
TEST_CASE("memory: every float array the engine allocates starts on a 16-byte boundary", "[simd][alignment]") {
  std::vector<std::vector<float>> keep;  // kept alive, so each allocation is a fresh block
  for (std::size_t n = 1; n <= 200; ++n) {
    keep.emplace_back(n, 0.0f);
    INFO("std::vector<float>(" << n << ")");
    CHECK(reinterpret_cast<std::uintptr_t>(keep.back().data()) % 16 == 0);
  }
  std::unique_ptr<float[]> arr(new float[3]);
  CHECK(reinterpret_cast<std::uintptr_t>(arr.get()) % 16 == 0);
  std::string s(100, 'x');  // a byte array through the same operator new
  CHECK(reinterpret_cast<std::uintptr_t>(s.data()) % 16 == 0);
}
