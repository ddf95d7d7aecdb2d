// colour.hpp — the network's three squashed outputs to 8-bit colour channels, on the SIMD vocabulary.
//
// Shapes: o [3 × P] (o[c·P + p], each in [0, 1] after the sigmoid, or NaN), rgb [3 × P] out,
// holding the channel bytes as exact float integers 0..255 (the caller packs them into RGBA).
//   rgb:  R, G, B = o0, o1, o2
//   gray: R = G = B = o0 (o1 and o2 are computed but unused, so switching the mode keeps the picture)
//   hsv:  H = o0 (a full turn), S = o1, V = o2; each channel is
//           f(n) = V - V·S·max(0, min(k, 4 - k, 1)),  k = (n + 6H) mod 6,  R = f(5), G = f(3), B = f(1)
//         (the branch-free form of the standard hexcone conversion; 6H ∈ [0, 6] so "mod 6" is one
//         conditional subtraction).
// Byte = round-half-even(255·clamp(v, 0, 1)) by the 1.5·2^23 trick; NaN (an Inf - Inf inside a
// huge network) becomes 0. Only IEEE-exact operations: identical bytes on every back end.
#pragma once

#include "actlab/art/config.hpp"
#include "actlab/simd/simd.hpp"
#include "actlab/vmath.hpp"

namespace actlab::art {

template <class B> inline typename B::F to_byte_value(typename B::F v) {
  using F = typename B::F;
  const F zero = B::splat(0.0f);
  v = B::select(B::is_nan(v), zero, v);
  v = B::max(B::min(v, B::splat(1.0f)), zero);
  const F magic = B::splat(vmath::kRoundMagic);
  return B::sub(B::add(B::mul(v, B::splat(255.0f)), magic), magic);
}

// One HSV channel f(n) as above.
template <class B> inline typename B::F hsv_channel(typename B::F h6, typename B::F s, typename B::F v, float n) {
  using F = typename B::F;
  const F six = B::splat(6.0f);
  F k = B::add(B::splat(n), h6);
  k = B::select(B::ge(k, six), B::sub(k, six), k);
  const F ramp = B::max(B::min(B::min(k, B::sub(B::splat(4.0f), k)), B::splat(1.0f)), B::splat(0.0f));
  return B::sub(v, B::mul(B::mul(v, s), ramp));
}

template <class B> void to_channels(const float* o, int P, ColorMode mode, float* rgb) {
  using F = typename B::F;
  for (int p = 0; p < P; p += B::width) {
    F r, g, b;
    const F o0 = B::load(o + p);
    if (mode == ColorMode::Gray) {
      r = g = b = o0;
    } else if (mode == ColorMode::Rgb) {
      r = o0;
      g = B::load(o + P + p);
      b = B::load(o + 2 * P + p);
    } else {
      const F h6 = B::mul(B::select(B::is_nan(o0), B::splat(0.0f), o0), B::splat(6.0f));
      const F s = B::load(o + P + p), v = B::load(o + 2 * P + p);
      r = hsv_channel<B>(h6, s, v, 5.0f);
      g = hsv_channel<B>(h6, s, v, 3.0f);
      b = hsv_channel<B>(h6, s, v, 1.0f);
    }
    B::store(rgb + p, to_byte_value<B>(r));
    B::store(rgb + P + p, to_byte_value<B>(g));
    B::store(rgb + 2 * P + p, to_byte_value<B>(b));
  }
}

}  // namespace actlab::art
