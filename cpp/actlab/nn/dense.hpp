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
// one load of a weight row serves four samples. The forward pass sums 4 × 8 tiles of Z in
// registers over chunks of 32 inputs (32×784×128 on the benchmark machine: 27 → 36 GFLOP/s
// native, 18 → 40 in wasm; docs/benchmarks.md has the share of the 128-bit peak).
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

// The forward pass in tiles: 4 samples × (2·width) columns of Z summed in registers over a
// chunk of kChunk inputs (forward_tile), chunk by chunk, so the chunk's kChunk rows of W stay in
// the L1 cache while every block of 4 samples uses them. Per element the sequence is axpy's
// (z = b; z = z + x_i·w_ij for i = 0, 1, ...; Z carries z exactly from one chunk to the next),
// so every blocking and back end agree bit for bit.
inline constexpr int kChunk = 32;

// Z rows z[0..3], columns [j, j + 2·width) (or [j, j + width) when !kTwo), inputs [i0, i0 + n):
// starts from b (first chunk) or from Z, adds x·W over the chunk in registers, stores to Z.
template <class B, bool kTwo>
inline void forward_tile(const float* const* x, int i0, int n, int out, const float* W, const float* b, int j,
                         float* const* z) {
  using F = typename B::F;
  constexpr int V = B::width;
  const bool first = i0 == 0;
  F a00 = B::load(first ? b + j : z[0] + j), a10 = B::load(first ? b + j : z[1] + j);
  F a20 = B::load(first ? b + j : z[2] + j), a30 = B::load(first ? b + j : z[3] + j);
  F a01 = a00, a11 = a10, a21 = a20, a31 = a30;
  if constexpr (kTwo) {
    a01 = B::load(first ? b + j + V : z[0] + j + V);
    a11 = B::load(first ? b + j + V : z[1] + j + V);
    a21 = B::load(first ? b + j + V : z[2] + j + V);
    a31 = B::load(first ? b + j + V : z[3] + j + V);
  }
  const float *x0 = x[0] + i0, *x1 = x[1] + i0, *x2 = x[2] + i0, *x3 = x[3] + i0;
  const float* w = W + static_cast<std::size_t>(i0) * out + j;
  for (int i = 0; i < n; ++i, w += out) {
    const F w0 = B::load(w);
    const F w1 = kTwo ? B::load(w + V) : w0;
    F s = B::splat(x0[i]);
    a00 = B::add(a00, B::mul(s, w0));
    if constexpr (kTwo) a01 = B::add(a01, B::mul(s, w1));
    s = B::splat(x1[i]);
    a10 = B::add(a10, B::mul(s, w0));
    if constexpr (kTwo) a11 = B::add(a11, B::mul(s, w1));
    s = B::splat(x2[i]);
    a20 = B::add(a20, B::mul(s, w0));
    if constexpr (kTwo) a21 = B::add(a21, B::mul(s, w1));
    s = B::splat(x3[i]);
    a30 = B::add(a30, B::mul(s, w0));
    if constexpr (kTwo) a31 = B::add(a31, B::mul(s, w1));
  }
  B::store(z[0] + j, a00);
  B::store(z[1] + j, a10);
  B::store(z[2] + j, a20);
  B::store(z[3] + j, a30);
  if constexpr (kTwo) {
    B::store(z[0] + j + V, a01);
    B::store(z[1] + j + V, a11);
    B::store(z[2] + j + V, a21);
    B::store(z[3] + j + V, a31);
  }
}

// Z = X·W + b for `batch` samples (see forward_tile); columns beyond the last whole vector and
// samples beyond the last block of 4 take the axpy path.
template <class B>
void forward(const float* X, int batch, int in, int out, const float* W, const float* b, float* Z) {
  int blocked = 0;  // samples done in tiles
  if constexpr (B::width > 1) {
    constexpr int V = B::width;
    if (out >= V) {
      blocked = batch / 4 * 4;
      for (int i0 = 0; i0 < in || i0 == 0; i0 += kChunk) {
        const int n = in - i0 < kChunk ? in - i0 : kChunk;
        for (int s = 0; s < blocked; s += 4) {
          const float* x[4];
          float* z[4];
          for (int r = 0; r < 4; ++r) {
            x[r] = X + static_cast<std::size_t>(s + r) * in;
            z[r] = Z + static_cast<std::size_t>(s + r) * out;
          }
          int j = 0;
          for (; j + 2 * V <= out; j += 2 * V) forward_tile<B, true>(x, i0, n, out, W, b, j, z);
          for (; j + V <= out; j += V) forward_tile<B, false>(x, i0, n, out, W, b, j, z);
        }
        if (in == 0) break;
      }
      for (int s = 0; s < blocked; ++s)  // the last out % width columns, one element at a time
        for (int j = out / V * V; j < out; ++j) {
          const float* x = X + static_cast<std::size_t>(s) * in;
          float acc = b[j];
          for (int i = 0; i < in; ++i) acc = acc + x[i] * W[static_cast<std::size_t>(i) * out + j];
          Z[static_cast<std::size_t>(s) * out + j] = acc;
        }
    }
  }
  for (int s = blocked; s < batch; ++s) {
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

// --- Issue 9: the small-network paths (Network's default; the kernels above are the reference) ---
// The same sums in the same order as forward / backward_params / backward_input above, kept in
// registers instead of being read and written back to memory after every term: the axpy chains
// above wait on a store and a reload per term, which dominates at 8 units.

// R rows (1..4) of Z, columns [j, j + V) (and [j + V, j + 2V) when kTwo), inputs [i0, i0 + n):
// forward_tile for any number of rows.
template <class B, bool kTwo, int R>
inline void forward_rows(const float* const* x, int i0, int n, int out, const float* W, const float* b, int j, float* const* z) {
  using F = typename B::F;
  constexpr int V = B::width;
  const bool first = i0 == 0;
  F a0[R], a1[R];
#pragma GCC unroll 5
  for (int r = 0; r < R; ++r) {
    a0[r] = B::load(first ? b + j : z[r] + j);
    a1[r] = kTwo ? B::load(first ? b + j + V : z[r] + j + V) : a0[r];
  }
  const float* w = W + static_cast<std::size_t>(i0) * out + j;
  for (int i = i0; i < i0 + n; ++i, w += out) {
    const F w0 = B::load(w);
    const F w1 = kTwo ? B::load(w + V) : w0;
#pragma GCC unroll 5
    for (int r = 0; r < R; ++r) {
      const F s = B::splat(x[r][i]);
      a0[r] = B::add(a0[r], B::mul(s, w0));
      if constexpr (kTwo) a1[r] = B::add(a1[r], B::mul(s, w1));
    }
  }
#pragma GCC unroll 5
  for (int r = 0; r < R; ++r) {
    B::store(z[r] + j, a0[r]);
    if constexpr (kTwo) B::store(z[r] + j + V, a1[r]);
  }
}

template <class B, int R>
inline void forward_block(const float* X, int s, int in, int out, const float* W, const float* b, float* Z) {
  constexpr int V = B::width;
  const float* x[R];
  float* z[R];
  for (int r = 0; r < R; ++r) {
    x[r] = X + static_cast<std::size_t>(s + r) * in;
    z[r] = Z + static_cast<std::size_t>(s + r) * out;
  }
  for (int i0 = 0; i0 < in || i0 == 0; i0 += kChunk) {
    const int n = in - i0 < kChunk ? in - i0 : kChunk;
    int j = 0;
    if constexpr (V > 1) {
      for (; j + 2 * V <= out; j += 2 * V) forward_rows<B, true, R>(x, i0, n, out, W, b, j, z);
      for (; j + V <= out; j += V) forward_rows<B, false, R>(x, i0, n, out, W, b, j, z);
    }
    if (in == 0) break;
  }
  // The last out % V columns (all of them when out < V, or on the scalar back end, V = 1, where
  // no tile runs), one sequential sum per element.
  const int j0 = V > 1 ? out / V * V : 0;
  for (int r = 0; r < R; ++r)
    for (int j = j0; j < out; ++j) {
      float acc = b[j];
      for (int i = 0; i < in; ++i) acc = acc + x[r][i] * W[static_cast<std::size_t>(i) * out + j];
      z[r][j] = acc;
    }
}

// One output unit (the binary heads' last layer): Z[s] = b + Σ_i X[s][i]·W[i] with the samples in
// the lanes, 4 at a time: each 4 × 4 block of X is transposed (transpose4) so that one vector holds
// input i of 4 samples. Per element the sum of forward(): b, then + x_i·w_i in increasing i.
template <class B>
void forward_column(const float* X, int batch, int in, const float* W, const float* b, float* Z) {
  using F = typename B::F;
  int s = 0;
  if constexpr (B::width == 4) {
    const std::size_t n = static_cast<std::size_t>(in);
    for (; s + 4 <= batch; s += 4) {
      const float* x0 = X + static_cast<std::size_t>(s) * n;
      const float *x1 = x0 + n, *x2 = x1 + n, *x3 = x2 + n;
      F acc = B::splat(b[0]);
      int i = 0;
      for (; i + 4 <= in; i += 4) {
        F c0 = B::load(x0 + i), c1 = B::load(x1 + i), c2 = B::load(x2 + i), c3 = B::load(x3 + i);
        B::transpose4(c0, c1, c2, c3);
        acc = B::add(acc, B::mul(c0, B::splat(W[i])));
        acc = B::add(acc, B::mul(c1, B::splat(W[i + 1])));
        acc = B::add(acc, B::mul(c2, B::splat(W[i + 2])));
        acc = B::add(acc, B::mul(c3, B::splat(W[i + 3])));
      }
      for (; i < in; ++i) {
        alignas(16) float c[4] = {x0[i], x1[i], x2[i], x3[i]};
        acc = B::add(acc, B::mul(B::load(c), B::splat(W[i])));
      }
      B::store(Z + s, acc);
    }
  }
  for (; s < batch; ++s) {
    const float* x = X + static_cast<std::size_t>(s) * static_cast<std::size_t>(in);
    float acc = b[0];
    for (int i = 0; i < in; ++i) acc = acc + x[i] * W[i];
    Z[s] = acc;
  }
}

// One or two inputs (a first layer on x, y; dA = dZ·Wᵀ below a one-unit head): one sample at a
// time, each column vector b + x_0·w_0 (+ x_1·w_1) in registers; the tiles' setup would cost more
// than the sums. Columns past the last whole vector as forward_block's.
template <class B, int kIn>
void forward_rowwise(const float* X, int batch, int out, const float* W, const float* b, float* Z) {
  constexpr int V = B::width, in = kIn;
  const std::size_t o = static_cast<std::size_t>(out);
  for (int s = 0; s < batch; ++s) {
    const float* x = X + static_cast<std::size_t>(s) * static_cast<std::size_t>(in);
    float* z = Z + static_cast<std::size_t>(s) * o;
    int j = 0;
    if constexpr (V > 1)
      for (; j + V <= out; j += V) {
        typename B::F acc = B::load(b + j);
#pragma GCC unroll 2
        for (int i = 0; i < in; ++i) acc = B::add(acc, B::mul(B::splat(x[i]), B::load(W + static_cast<std::size_t>(i) * o + j)));
        B::store(z + j, acc);
      }
    for (; j < out; ++j) {
      float acc = b[j];
      for (int i = 0; i < in; ++i) acc = acc + x[i] * W[static_cast<std::size_t>(i) * o + j];
      z[j] = acc;
    }
  }
}

// Z = X·W + b: the same bits as forward(), every sample in register tiles (blocks of 3–5 rows),
// chunk by chunk over the inputs within each block of rows; one output unit and one or two inputs
// take the two kernels above.
template <class B>
void forward_small(const float* X, int batch, int in, int out, const float* W, const float* b, float* Z) {
  if (out == 1) return forward_column<B>(X, batch, in, W, b, Z);
  if (in == 1) return forward_rowwise<B, 1>(X, batch, out, W, b, Z);
  if (in == 2) return forward_rowwise<B, 2>(X, batch, out, W, b, Z);
  // Blocks of 3 to 5 rows as even as the batch allows (ceil(batch/5) blocks), not blocks of 4 and
  // a ragged last one: a batch of 10 is 5 + 5, not 4 + 4 + 2, 16 stays 4 × 4, 32 is 5,5,5,5,4,4,4.
  // (Two vectors of columns × 5 rows is 10 accumulators: with the two weight vectors and the
  // broadcast input, 13 of the 16 registers.) The blocking never changes a sum's order.
  const int blocks = (batch + 4) / 5;
  int s = 0;
  for (int k = 0; k < blocks; ++k) {
    const int rows = batch / blocks + (k < batch % blocks ? 1 : 0);
    switch (rows) {
      case 5: forward_block<B, 5>(X, s, in, out, W, b, Z); break;
      case 4: forward_block<B, 4>(X, s, in, out, W, b, Z); break;
      case 3: forward_block<B, 3>(X, s, in, out, W, b, Z); break;
      case 2: forward_block<B, 2>(X, s, in, out, W, b, Z); break;
      default: forward_block<B, 1>(X, s, in, out, W, b, Z); break;
    }
    s += rows;
  }
}

// One row of backward_params_fresh: g[j] = 0 + Σ_s term(s, j) in sample order, term = x[s·xs]·dZ[s][j]
// (kX) or dZ[s][j] itself (the bias), over register blocks of 2V and V columns, then single ones.
template <class B, bool kX>
inline void grad_row(const float* x, std::size_t xs, const float* dZ, int batch, int out, float* g) {
  using F = typename B::F;
  constexpr int V = B::width;
  const std::size_t o = static_cast<std::size_t>(out);
  int j = 0;
  if constexpr (V > 1) {
    for (; j + 2 * V <= out; j += 2 * V) {
      F a0 = B::splat(0.0f), a1 = a0;
      const float* d = dZ + j;
      for (int s = 0; s < batch; ++s, d += o) {
        if constexpr (kX) {
          const F v = B::splat(x[static_cast<std::size_t>(s) * xs]);
          a0 = B::add(a0, B::mul(v, B::load(d)));
          a1 = B::add(a1, B::mul(v, B::load(d + V)));
        } else {
          a0 = B::add(a0, B::load(d));
          a1 = B::add(a1, B::load(d + V));
        }
      }
      B::store(g + j, a0);
      B::store(g + j + V, a1);
    }
    for (; j + V <= out; j += V) {
      F a0 = B::splat(0.0f);
      const float* d = dZ + j;
      for (int s = 0; s < batch; ++s, d += o)
        a0 = B::add(a0, kX ? B::mul(B::splat(x[static_cast<std::size_t>(s) * xs]), B::load(d)) : B::load(d));
      B::store(g + j, a0);
    }
  }
  for (; j < out; ++j) {
    float a = 0.0f;
    for (int s = 0; s < batch; ++s) {
      const float dv = dZ[static_cast<std::size_t>(s) * o + static_cast<std::size_t>(j)];
      a = a + (kX ? x[static_cast<std::size_t>(s) * xs] * dv : dv);
    }
    g[j] = a;
  }
}

// Rows i .. i+R−1 of backward_params_fresh's gW at once, for out >= V: each loaded vector of dZ
// serves R rows (grad_row loads it once per row). Per element the same sum as grad_row: 0, then
// + x[s][i]·dZ[s][j] for s = 0, 1, ... in order; columns past the last whole vector as grad_row.
template <class B, int R>
inline void grad_rows(const float* X, int in, int i, const float* dZ, int batch, int out, float* gW) {
  using F = typename B::F;
  constexpr int V = B::width;
  const std::size_t o = static_cast<std::size_t>(out), xs = static_cast<std::size_t>(in);
  int j = 0;
  for (; j + 2 * V <= out; j += 2 * V) {
    F a0[R], a1[R];
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) a0[r] = a1[r] = B::splat(0.0f);
    const float* d = dZ + j;
    const float* x = X + i;
    for (int s = 0; s < batch; ++s, d += o, x += xs) {
      const F d0 = B::load(d), d1 = B::load(d + V);
#pragma GCC unroll 4
      for (int r = 0; r < R; ++r) {
        const F v = B::splat(x[r]);
        a0[r] = B::add(a0[r], B::mul(v, d0));
        a1[r] = B::add(a1[r], B::mul(v, d1));
      }
    }
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) {
      B::store(gW + static_cast<std::size_t>(i + r) * o + j, a0[r]);
      B::store(gW + static_cast<std::size_t>(i + r) * o + j + V, a1[r]);
    }
  }
  for (; j + V <= out; j += V) {
    F a0[R];
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) a0[r] = B::splat(0.0f);
    const float* d = dZ + j;
    const float* x = X + i;
    for (int s = 0; s < batch; ++s, d += o, x += xs) {
      const F d0 = B::load(d);
#pragma GCC unroll 4
      for (int r = 0; r < R; ++r) a0[r] = B::add(a0[r], B::mul(B::splat(x[r]), d0));
    }
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) B::store(gW + static_cast<std::size_t>(i + r) * o + j, a0[r]);
  }
  for (; j < out; ++j)
    for (int r = 0; r < R; ++r) {
      float a = 0.0f;
      for (int s = 0; s < batch; ++s)
        a = a + X[static_cast<std::size_t>(s) * xs + static_cast<std::size_t>(i + r)] * dZ[static_cast<std::size_t>(s) * o + static_cast<std::size_t>(j)];
      gW[static_cast<std::size_t>(i + r) * o + static_cast<std::size_t>(j)] = a;
    }
}

// gW = Xᵀ·dZ and gb = Σ_s dZ[s], written (not added): the same bits as zeroing both and calling
// backward_params (each element 0 + term_0 + term_1 + ... in sample order; a term is x·d there
// too), with each row of gW summed over the whole batch in registers.
template <class B>
void backward_params_fresh(const float* X, const float* dZ, int batch, int in, int out, float* gW, float* gb) {
  int i = 0;
  if constexpr (B::width > 1) {
    // One output unit (the binary heads): gW is a column, contiguous over i, so the vectors run
    // across inputs instead: gW[i..i+V) = Σ_s X[s][i..i+V)·dZ[s], each element still summed
    // over s in order.
    if (out == 1)
      for (; i + B::width <= in; i += B::width) {
        typename B::F a = B::splat(0.0f);
        for (int s = 0; s < batch; ++s)
          a = B::add(a, B::mul(B::load(X + static_cast<std::size_t>(s) * in + i), B::splat(dZ[s])));
        B::store(gW + i, a);
      }
  }
  if constexpr (B::width > 1) {
    if (out >= B::width) {
      for (; i + 4 <= in; i += 4) grad_rows<B, 4>(X, in, i, dZ, batch, out, gW);
      if (in - i >= 2) { grad_rows<B, 2>(X, in, i, dZ, batch, out, gW); i += 2; }
    }
  }
  for (; i < in; ++i)
    grad_row<B, true>(X + i, static_cast<std::size_t>(in), dZ, batch, out, gW + static_cast<std::size_t>(i) * out);
  grad_row<B, false>(nullptr, 0, dZ, batch, out, gb);
}

// y[k] = a[k]·f[k] (elementwise; the same bits as the scalar loop)
template <class B>
inline void multiply(const float* a, const float* f, std::size_t n, float* y) {
  std::size_t k = 0;
  if constexpr (B::width > 1)
    for (; k + B::width <= n; k += B::width) B::store(y + k, B::mul(B::load(a + k), B::load(f + k)));
  for (; k < n; ++k) y[k] = a[k] * f[k];
}

// Wt = Wᵀ, 4 × 4 blocks through registers (transpose4), the ragged edges one element at a time:
// the small-network path's transpose (copies, so the same values as transpose()).
template <class B>
void transpose_small(const float* W, int in, int out, float* Wt) {
  const std::size_t I = static_cast<std::size_t>(in), O = static_cast<std::size_t>(out);
  std::size_t i4 = 0, j4 = 0;
  if constexpr (B::width == 4) {
    i4 = I / 4 * 4;
    j4 = O / 4 * 4;
    for (std::size_t i = 0; i < i4; i += 4)
      for (std::size_t j = 0; j < j4; j += 4) {
        typename B::F a = B::load(W + i * O + j), b = B::load(W + (i + 1) * O + j), c = B::load(W + (i + 2) * O + j),
                      d = B::load(W + (i + 3) * O + j);
        B::transpose4(a, b, c, d);
        B::store(Wt + j * I + i, a);
        B::store(Wt + (j + 1) * I + i, b);
        B::store(Wt + (j + 2) * I + i, c);
        B::store(Wt + (j + 3) * I + i, d);
      }
  }
  for (std::size_t i = 0; i < I; ++i)
    for (std::size_t j = i < i4 ? j4 : 0; j < O; ++j) Wt[j * I + i] = W[i * O + j];
}

// Wt = Wᵀ
inline void transpose(const float* W, int in, int out, float* Wt) {
  for (int i = 0; i < in; ++i)
    for (int j = 0; j < out; ++j) Wt[static_cast<std::size_t>(j) * in + i] = W[static_cast<std::size_t>(i) * out + j];
}

}  // namespace actlab::nn::kernels
