// tools/hard_swish_exhaustive.cpp — run by hand, not built by CMake (outside the cpp/bench/*.cpp
// glob): compares the engine's hard-swish f and f' with their previous form (prev_kernels.hpp) on
// all 2^32 float bit patterns, SIMD and scalar back ends, and prints how many outputs differ
// (issue 14, second session: f 0 everywhere; f' only signalling-NaN inputs on SSE2 and scalar,
// which now give a quiet NaN).
//   g++ -std=c++20 -O2 -ffp-contract=off -Icpp cpp/bench/tools/hard_swish_exhaustive.cpp -o /tmp/hsx && /tmp/hsx
//   NODE_PATH=/usr/share/nodejs em++ -std=c++20 -O2 -msimd128 -ffp-contract=off -Icpp
//     cpp/bench/tools/hard_swish_exhaustive.cpp -o /tmp/hsx.js -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0
//   node /tmp/hsx.js
// About 1.5 minutes natively on the 2-core build machine, a few minutes in wasm.
#include <cstdint>
#include <cstdio>

#include "actlab/activations/piecewise.hpp"
#include "../prev_kernels.hpp"

namespace {

template <class B, bool kDerivative> void compare() {
  using namespace actlab;
  const act::Params<B> p{B::splat(0.0f), B::splat(0.0f)};
  constexpr int W = B::width;
  unsigned long differ = 0, nan_in = 0;
  alignas(16) std::uint32_t in[4], now[4], old[4];
  for (std::uint64_t k = 0; k < (std::uint64_t{1} << 32); k += W) {
    for (int l = 0; l < W; ++l) in[l] = static_cast<std::uint32_t>(k + l);
    typename B::F x = B::load(reinterpret_cast<float*>(in));
    B::store(reinterpret_cast<float*>(now), kDerivative ? act::HardSwish::df<B>(x, p) : act::HardSwish::f<B>(x, p));
    B::store(reinterpret_cast<float*>(old), kDerivative ? bench::prev::HardSwish::df<B>(x, p) : bench::prev::HardSwish::f<B>(x, p));
    for (int l = 0; l < W; ++l) {
      if (now[l] == old[l]) continue;
      const bool is_nan = (in[l] & 0x7f800000u) == 0x7f800000u && (in[l] & 0x007fffffu) != 0;
      if (is_nan) ++nan_in;
      else if (differ++ < 5) std::printf("  x bits %08x: old %08x, now %08x\n", in[l], old[l], now[l]);
    }
  }
  std::printf("%s hard_swish%s: %lu number inputs differ, %lu NaN inputs differ (of 2^32)\n", B::name,
              kDerivative ? "'" : "", differ, nan_in);
}

}  // namespace

int main() {
  compare<actlab::simd::Native, false>();
  compare<actlab::simd::Native, true>();
  compare<actlab::simd::Scalar, false>();
  compare<actlab::simd::Scalar, true>();
  return 0;
}
