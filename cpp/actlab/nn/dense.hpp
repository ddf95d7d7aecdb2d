// dense.hpp — the dense-layer kernels of the trainer, written once on the SIMD vocabulary.
//
// Shapes (row-major, batch-major): X [batch][in], W [in][out], b [out], Z [batch][out],
// Wt [out][in] (W transposed, for the backward pass).
//   forward         Z[s][j]  = b[j] + Σ_i X[s][i]·W[i][j]
//   backward_params gW[i][j] += Σ_s X[s][i]·dZ[s][j];   gb[j] += Σ_s dZ[s][j]
//   backward_input  dX[s][i]  = Σ_j dZ[s][j]·Wt[j][i]
// Every kernel is an "axpy" over the contiguous output index: each result element is one
// sequential sum over i (or s, or j) in increasing order, one multiply and one add per term
// (-ffp-contract=off: no FMA). The reduction order therefore does not depend on the vector
// width: Scalar, SSE2 and wasm128 give bit-identical results (tested in nn_dense_test.cpp).
// Rows are handled 4 lanes at a time with a scalar tail, so small shapes (out = 1, 8) and
// medium ones (784→256) run on the same code. Samples are processed in blocks of 4 so that
// one load of a weight row serves four samples.
#pragma once

#include <cstddef>

namespace actlab::nn::kernels {

// y[0..n) += s · x[0..n)
template <class B>
inline void axpy(float* y, const float* x, float s, int n) {
  int j = 0;
  if constexpr (B::width > 1) {
    typename B::F vs = B::splat(s);
    for (; j + B::width <= n; j += B::width)
      B::store(y + j, B::add(B::load(y + j), B::mul(vs, B::load(x + j))));
  }
  for (; j < n; ++j) y[j] = y[j] + s * x[j];
}

// y[0..n) += x[0..n)
template <class B>
inline void add_into(float* y, const float* x, int n) {
  int j = 0;
  if constexpr (B::width > 1) {
    for (; j + B::width <= n; j += B::width) B::store(y + j, B::add(B::load(y + j), B::load(x + j)));
  }
  for (; j < n; ++j) y[j] = y[j] + x[j];
}

// Four rows at once: y_r[0..n) += s_r · x[0..n) for r = 0..3 (same per-element arithmetic as
// four axpy calls, so the result is identical; x is loaded once).
template <class B>
inline void axpy4(float* y0, float* y1, float* y2, float* y3, const float* x, const float* s, int n) {
  int j = 0;
  if constexpr (B::width > 1) {
    typename B::F s0 = B::splat(s[0]), s1 = B::splat(s[1]), s2 = B::splat(s[2]), s3 = B::splat(s[3]);
    for (; j + B::width <= n; j += B::width) {
      typename B::F xv = B::load(x + j);
      B::store(y0 + j, B::add(B::load(y0 + j), B::mul(s0, xv)));
      B::store(y1 + j, B::add(B::load(y1 + j), B::mul(s1, xv)));
      B::store(y2 + j, B::add(B::load(y2 + j), B::mul(s2, xv)));
      B::store(y3 + j, B::add(B::load(y3 + j), B::mul(s3, xv)));
    }
  }
  for (; j < n; ++j) {
    y0[j] = y0[j] + s[0] * x[j];
    y1[j] = y1[j] + s[1] * x[j];
    y2[j] = y2[j] + s[2] * x[j];
    y3[j] = y3[j] + s[3] * x[j];
  }
}

// Four sequential updates of one row: y += s0·x0; y += s1·x1; y += s2·x2; y += s3·x3 (in this
// order, each rounded, exactly as four axpy calls), with y kept in registers in between.
template <class B>
inline void axpy_seq4(float* y, const float* x0, const float* x1, const float* x2, const float* x3, const float* s, int n) {
  int j = 0;
  if constexpr (B::width > 1) {
    typename B::F s0 = B::splat(s[0]), s1 = B::splat(s[1]), s2 = B::splat(s[2]), s3 = B::splat(s[3]);
    for (; j + B::width <= n; j += B::width) {
      typename B::F acc = B::load(y + j);
      acc = B::add(acc, B::mul(s0, B::load(x0 + j)));
      acc = B::add(acc, B::mul(s1, B::load(x1 + j)));
      acc = B::add(acc, B::mul(s2, B::load(x2 + j)));
      acc = B::add(acc, B::mul(s3, B::load(x3 + j)));
      B::store(y + j, acc);
    }
  }
  for (; j < n; ++j) {
    float acc = y[j];
    acc = acc + s[0] * x0[j];
    acc = acc + s[1] * x1[j];
    acc = acc + s[2] * x2[j];
    acc = acc + s[3] * x3[j];
    y[j] = acc;
  }
}

// Z = X·W + b for `batch` samples.
template <class B>
void forward(const float* X, int batch, int in, int out, const float* W, const float* b, float* Z) {
  int s = 0;
  for (; s + 4 <= batch; s += 4) {
    float* z[4];
    for (int r = 0; r < 4; ++r) {
      z[r] = Z + static_cast<std::size_t>(s + r) * out;
      for (int j = 0; j < out; ++j) z[r][j] = b[j];
    }
    for (int i = 0; i < in; ++i) {
      float xs[4];
      for (int r = 0; r < 4; ++r) xs[r] = X[static_cast<std::size_t>(s + r) * in + i];
      axpy4<B>(z[0], z[1], z[2], z[3], W + static_cast<std::size_t>(i) * out, xs, out);
    }
  }
  for (; s < batch; ++s) {
    float* z = Z + static_cast<std::size_t>(s) * out;
    for (int j = 0; j < out; ++j) z[j] = b[j];
    const float* x = X + static_cast<std::size_t>(s) * in;
    for (int i = 0; i < in; ++i) axpy<B>(z, W + static_cast<std::size_t>(i) * out, x[i], out);
  }
}

// gW += Xᵀ·dZ, gb += Σ_s dZ[s] (sample order 0, 1, 2, ...).
template <class B>
void backward_params(const float* X, const float* dZ, int batch, int in, int out, float* gW, float* gb) {
  int s = 0;
  // Blocks of 4 samples: each gW row takes its 4 updates in sample order while in registers.
  for (; s + 4 <= batch; s += 4) {
    const float* d0 = dZ + static_cast<std::size_t>(s) * out;
    const float* d1 = d0 + out;
    const float* d2 = d1 + out;
    const float* d3 = d2 + out;
    for (int i = 0; i < in; ++i) {
      float xs[4];
      for (int r = 0; r < 4; ++r) xs[r] = X[static_cast<std::size_t>(s + r) * in + i];
      axpy_seq4<B>(gW + static_cast<std::size_t>(i) * out, d0, d1, d2, d3, xs, out);
    }
    for (int r = 0; r < 4; ++r) add_into<B>(gb, dZ + static_cast<std::size_t>(s + r) * out, out);
  }
  for (; s < batch; ++s) {
    const float* d = dZ + static_cast<std::size_t>(s) * out;
    const float* x = X + static_cast<std::size_t>(s) * in;
    for (int i = 0; i < in; ++i) axpy<B>(gW + static_cast<std::size_t>(i) * out, d, x[i], out);
    add_into<B>(gb, d, out);
  }
}

// dX = dZ·Wᵀ, computed from Wt [out][in] so the inner loop runs over contiguous i.
template <class B>
void backward_input(const float* dZ, const float* Wt, int batch, int in, int out, float* dX) {
  for (int s = 0; s < batch; ++s) {
    float* dx = dX + static_cast<std::size_t>(s) * in;
    for (int i = 0; i < in; ++i) dx[i] = 0.0f;
    const float* d = dZ + static_cast<std::size_t>(s) * out;
    for (int j = 0; j < out; ++j) axpy<B>(dx, Wt + static_cast<std::size_t>(j) * in, d[j], in);
  }
}

// Wt = Wᵀ
inline void transpose(const float* W, int in, int out, float* Wt) {
  for (int i = 0; i < in; ++i)
    for (int j = 0; j < out; ++j) Wt[static_cast<std::size_t>(j) * in + i] = W[static_cast<std::size_t>(i) * out + j];
}

}  // namespace actlab::nn::kernels
