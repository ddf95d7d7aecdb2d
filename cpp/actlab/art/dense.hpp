// dense.hpp — one dense layer over a batch of pixels, vectorised across pixels.
//
// Shapes (planar, "one row per unit"):
//   in   [n_in  × P]   in[i·P + p]  = input i of pixel p
//   W    [n_out × n_in] W[j·n_in + i]
//   b    [n_out]
//   out  [n_out × P]   out[j·P + p] = b[j] + W[j,0]·in[0,p] + W[j,1]·in[1,p] + ... + W[j,n_in-1]·in[n_in-1,p]
// The sum is accumulated left to right, one rounding per + and per ·, i ascending: every pixel is
// an independent lane, so there is no horizontal reduction and the order is the same on every back
// end (Scalar, SSE2, wasm128) — results are bit-identical. P must be a multiple of kPixelBlock<B>.
//
// Blocking: 4 units × 2 vectors of pixels per step (8 accumulators, fits 16 SSE/wasm registers);
// the input row is loaded once per step and each weight is splatted once per step. Blocking changes
// which lanes are computed together, never the order of operations inside a lane.
#pragma once

#include "actlab/simd/simd.hpp"

namespace actlab::art {

template <class B> inline constexpr int kPixelBlock = 2 * B::width;

template <class B>
void dense_forward(const float* W, const float* b, int n_out, int n_in, const float* in, float* out, int P) {
  using F = typename B::F;
  constexpr int V = B::width;
  int j = 0;
  for (; j + 4 <= n_out; j += 4) {
    const float* w0 = W + (j + 0) * n_in;
    const float* w1 = W + (j + 1) * n_in;
    const float* w2 = W + (j + 2) * n_in;
    const float* w3 = W + (j + 3) * n_in;
    for (int p = 0; p < P; p += 2 * V) {
      F a0 = B::splat(b[j + 0]), a1 = B::splat(b[j + 1]), a2 = B::splat(b[j + 2]), a3 = B::splat(b[j + 3]);
      F c0 = a0, c1 = a1, c2 = a2, c3 = a3;
      for (int i = 0; i < n_in; ++i) {
        const F x = B::load(in + i * P + p);
        const F y = B::load(in + i * P + p + V);
        const F k0 = B::splat(w0[i]), k1 = B::splat(w1[i]), k2 = B::splat(w2[i]), k3 = B::splat(w3[i]);
        a0 = B::add(a0, B::mul(k0, x)); c0 = B::add(c0, B::mul(k0, y));
        a1 = B::add(a1, B::mul(k1, x)); c1 = B::add(c1, B::mul(k1, y));
        a2 = B::add(a2, B::mul(k2, x)); c2 = B::add(c2, B::mul(k2, y));
        a3 = B::add(a3, B::mul(k3, x)); c3 = B::add(c3, B::mul(k3, y));
      }
      B::store(out + (j + 0) * P + p, a0); B::store(out + (j + 0) * P + p + V, c0);
      B::store(out + (j + 1) * P + p, a1); B::store(out + (j + 1) * P + p + V, c1);
      B::store(out + (j + 2) * P + p, a2); B::store(out + (j + 2) * P + p + V, c2);
      B::store(out + (j + 3) * P + p, a3); B::store(out + (j + 3) * P + p + V, c3);
    }
  }
  for (; j < n_out; ++j) {  // the last n_out mod 4 units, one at a time (same per-lane order)
    const float* w = W + j * n_in;
    for (int p = 0; p < P; p += 2 * V) {
      F a = B::splat(b[j]), c = a;
      for (int i = 0; i < n_in; ++i) {
        const F k = B::splat(w[i]);
        a = B::add(a, B::mul(k, B::load(in + i * P + p)));
        c = B::add(c, B::mul(k, B::load(in + i * P + p + V)));
      }
      B::store(out + j * P + p, a);
      B::store(out + j * P + p + V, c);
    }
  }
}

}  // namespace actlab::art
