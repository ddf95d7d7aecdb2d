// tools/tanh_fdf_exhaustive.cpp — run by hand, not built by CMake (outside the cpp/bench/*.cpp
// glob): compares tanh's f and f′ from vmath::exp_expm1_near (the fdf path for -2|x| >= -30,
// issue 9) with the same formulas on vmath::exp_expm1 (the form before), on every float whose
// -2|x| is in [-30, 0] or NaN, and the whole fdf kernel with the old form on all 2^32 bit
// patterns (4 consecutive patterns per vector), SIMD and scalar back ends; prints how many differ.
//   g++ -std=c++20 -O2 -ffp-contract=off -Icpp cpp/bench/tools/tanh_fdf_exhaustive.cpp -o /tmp/tfx && /tmp/tfx
//   NODE_PATH=/usr/share/nodejs em++ -std=c++20 -O2 -msimd128 -ffp-contract=off -Icpp
//     cpp/bench/tools/tanh_fdf_exhaustive.cpp -o /tmp/tfx.js -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0
//   node /tmp/tfx.js
#include <cstdint>
#include <cstdio>

#include "actlab/activations/squashing.hpp"

namespace {

using namespace actlab;

// tanh's fdf as it was: exp_expm1 for every vector.
template <class B> void old_fdf(typename B::F x, typename B::F& y, typename B::F& dy) {
  vmath::ExpExpm1<B> ee = vmath::exp_expm1<B>(B::mul(B::splat(-2.0f), B::abs(x)));
  typename B::F t = B::div(B::sub(B::splat(0.0f), ee.expm1), B::add(B::splat(2.0f), ee.expm1));
  y = B::bit_xor(t, B::sign_bit(x));
  dy = act::Tanh::slope<B>(ee.exp);
}

// The near path forced on every vector (its results only count where -2|x| >= -30 or x is NaN).
template <class B> void near_fdf(typename B::F x, typename B::F& y, typename B::F& dy) {
  vmath::ExpExpm1<B> ee = vmath::exp_expm1_near<B>(B::mul(B::splat(-2.0f), B::abs(x)));
  typename B::F t = B::div(B::sub(B::splat(0.0f), ee.expm1), B::add(B::splat(2.0f), ee.expm1));
  y = B::bit_xor(t, B::sign_bit(x));
  dy = act::Tanh::slope<B>(ee.exp);
}

bool is_nan(std::uint32_t b) { return (b & 0x7f800000u) == 0x7f800000u && (b & 0x007fffffu) != 0; }

template <class B> void compare() {
  const act::Params<B> p{B::splat(0.0f), B::splat(0.0f)};
  constexpr int W = B::width;
  unsigned long near_differ = 0, near_nan = 0, kernel_differ = 0, kernel_nan = 0;
  alignas(16) std::uint32_t in[4], y0[4], d0[4], y1[4], d1[4], y2[4], d2[4];
  for (std::uint64_t k = 0; k < (std::uint64_t{1} << 32); k += W) {
    for (int l = 0; l < W; ++l) in[l] = static_cast<std::uint32_t>(k + l);
    typename B::F x = B::load(reinterpret_cast<float*>(in)), a, b;
    old_fdf<B>(x, a, b);
    B::store(reinterpret_cast<float*>(y0), a);
    B::store(reinterpret_cast<float*>(d0), b);
    near_fdf<B>(x, a, b);
    B::store(reinterpret_cast<float*>(y1), a);
    B::store(reinterpret_cast<float*>(d1), b);
    act::Tanh::fdf<B>(x, p, a, b);
    B::store(reinterpret_cast<float*>(y2), a);
    B::store(reinterpret_cast<float*>(d2), b);
    for (int l = 0; l < W; ++l) {
      float xv;
      __builtin_memcpy(&xv, &in[l], 4);
      const bool in_range = is_nan(in[l]) || -2.0f * (xv < 0 ? -xv : xv) >= -30.0f;
      if (in_range && (y0[l] != y1[l] || d0[l] != d1[l])) {
        if (is_nan(in[l])) ++near_nan;
        else if (near_differ++ < 5) std::printf("  near: x bits %08x: f %08x / %08x, f' %08x / %08x\n", in[l], y0[l], y1[l], d0[l], d1[l]);
      }
      if (y0[l] != y2[l] || d0[l] != d2[l]) {
        if (is_nan(in[l])) ++kernel_nan;
        else if (kernel_differ++ < 5) std::printf("  fdf: x bits %08x: f %08x / %08x, f' %08x / %08x\n", in[l], y0[l], y2[l], d0[l], d2[l]);
      }
    }
  }
  std::printf("%s tanh fdf: near path %lu number inputs differ, %lu NaN inputs differ; kernel %lu / %lu (of 2^32)\n", B::name,
              near_differ, near_nan, kernel_differ, kernel_nan);
}

}  // namespace

int main() {
  compare<simd::Native>();
  compare<simd::Scalar>();
  return 0;
}
