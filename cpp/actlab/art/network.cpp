// network.cpp — draws the art network from the seed and normalises it on the reference view
// (formulas in network.hpp).
#include "actlab/art/network.hpp"

#include <cmath>
#include <cstdint>

#include "actlab/art/dense.hpp"
#include "actlab/art/rng.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::art {
namespace {

// The stream of one layer: key = seed in the high 32 bits, layer tag in the low 32 bits.
constexpr std::uint32_t kOutputTag = 0xFFFFu;
constexpr int kGridSide = 32;                       // reference view: 32 × 32 pixel centres
constexpr int kGrid = kGridSide * kGridSide;        // 1024 points = 8 batches of kGridBatch
constexpr int kGridBatch = 128;
static_assert(kGrid % kGridBatch == 0);

Rng layer_rng(std::uint32_t seed, std::uint32_t tag) { return Rng((static_cast<std::uint64_t>(seed) << 32) | tag); }

// Per-unit mean and standard deviation of a [n × kGrid] block (row j = unit j), accumulated in
// double in index order: the same sums on every target (no reassociation without -ffast-math).
struct Stats {
  std::vector<double> mean, sd;
};
Stats unit_stats(const std::vector<float>& h, int n) {
  Stats s;
  for (int j = 0; j < n; ++j) {
    const float* row = h.data() + static_cast<std::size_t>(j) * kGrid;
    double sum = 0.0;
    for (int p = 0; p < kGrid; ++p) sum += row[p];
    const double m = sum / kGrid;
    double ss = 0.0;
    for (int p = 0; p < kGrid; ++p) ss += (row[p] - m) * (row[p] - m);
    s.mean.push_back(m);
    s.sd.push_back(std::sqrt(ss / kGrid));
  }
  return s;
}

// Replaces the layer's inputs h_i by (h_i - mean_i)/sd_i, folded into its weights and biases:
//   W'[j,i] = W[j,i]/sd_i,   b'[j] = b[j] - sum_i W[j,i]·mean_i/sd_i   (sum in i order, double).
// An input that is (numerically) constant over the reference view, or not finite, is dropped
// (W'[j,i] = 0): rescaling float rounding noise would paint noise.
void fold_normalisation(Layer& L, const Stats& st) {
  for (int j = 0; j < L.n_out; ++j) {
    double b = L.b[static_cast<std::size_t>(j)];
    for (int i = 0; i < L.n_in; ++i) {
      float& w = L.w[static_cast<std::size_t>(j) * static_cast<std::size_t>(L.n_in) + static_cast<std::size_t>(i)];
      const double m = st.mean[static_cast<std::size_t>(i)], sd = st.sd[static_cast<std::size_t>(i)];
      if (!std::isfinite(m) || !std::isfinite(sd) || !(sd > kMinRelativeSd * std::fmax(1.0, std::fabs(m)))) {
        w = 0.0f;
        continue;
      }
      const double ws = static_cast<double>(w) / sd;
      b -= ws * m;
      w = static_cast<float>(ws);
    }
    L.b[static_cast<std::size_t>(j)] = static_cast<float>(b);
  }
}

// Runs one layer (dense + activation when it has one) over the whole reference grid.
void forward_grid(const Layer& L, const std::vector<float>& in, std::vector<float>& out) {
  using B = simd::Native;
  out.assign(static_cast<std::size_t>(L.n_out) * kGrid, 0.0f);
  std::vector<float> bin(static_cast<std::size_t>(L.n_in) * kGridBatch), bout(static_cast<std::size_t>(L.n_out) * kGridBatch);
  for (int p0 = 0; p0 < kGrid; p0 += kGridBatch) {
    for (int i = 0; i < L.n_in; ++i)
      for (int k = 0; k < kGridBatch; ++k)
        bin[static_cast<std::size_t>(i * kGridBatch + k)] = in[static_cast<std::size_t>(i * kGrid + p0 + k)];
    dense_forward<B>(L.w.data(), L.b.data(), L.n_out, L.n_in, bin.data(), bout.data(), kGridBatch);
    if (L.act) L.act->apply(bout.data(), bout.data(), bout.size(), false, nullptr, Backend::Simd);
    for (int j = 0; j < L.n_out; ++j)
      for (int k = 0; k < kGridBatch; ++k)
        out[static_cast<std::size_t>(j * kGrid + p0 + k)] = bout[static_cast<std::size_t>(j * kGridBatch + k)];
  }
}

}  // namespace

Network build_network(const Config& c) {
  constexpr float gi = kInputGain, gh = kHiddenGain, go = kOutputSpread, bi = kInputBias, bh = kHiddenBias, bo = kOutputOffset;
  Network net;
  const float s = c.weight_scale;
  const int width = c.width;
  const float inv_sqrt_width = 1.0f / std::sqrt(static_cast<float>(width));  // sqrt and / are exact-rounded
  net.n_inputs = 2 + (c.use_r ? 1 : 0) + (c.use_z ? 1 : 0);

  // The reference view's inputs, planar [n_inputs × kGrid]: a 32 × 32 image at zoom 1, z = 0.
  std::vector<float> h(static_cast<std::size_t>(net.n_inputs) * kGrid);
  for (int p = 0; p < kGrid; ++p) {
    const float x = static_cast<float>(2 * (p % kGridSide) + 1) / kGridSide - 1.0f;
    const float y = 1.0f - static_cast<float>(2 * (p / kGridSide) + 1) / kGridSide;
    int row = 0;
    h[static_cast<std::size_t>(row++ * kGrid + p)] = x;
    h[static_cast<std::size_t>(row++ * kGrid + p)] = y;
    if (c.use_r) h[static_cast<std::size_t>(row++ * kGrid + p)] = std::sqrt(x * x + y * y);
    if (c.use_z) h[static_cast<std::size_t>(row++ * kGrid + p)] = 0.0f;
  }
  std::vector<float> next;

  // Input layer: all four candidate input weights drawn per unit in the order x, y, r, z, then the bias.
  {
    Layer L;
    L.n_in = net.n_inputs;
    L.n_out = width;
    L.act = c.activation[0];
    Rng rng = layer_rng(c.seed, 0);
    const float sw = gi * s, sb = bi * s;
    for (int j = 0; j < width; ++j) {
      const float wx = rng.normal(), wy = rng.normal(), wr = rng.normal(), wz = rng.normal();
      L.w.push_back(sw * wx);
      L.w.push_back(sw * wy);
      if (c.use_r) L.w.push_back(sw * wr);
      if (c.use_z) L.w.push_back(sw * wz);
      L.b.push_back(sb * rng.normal());
    }
    forward_grid(L, h, next);
    h.swap(next);
    net.layers.push_back(std::move(L));
  }
  // Hidden layers and the output layer: raw draws, then the previous layer's normalisation folded in.
  auto dense = [&](std::uint32_t tag, int n_out, float sw, float sb, const Activation* act) {
    Layer L;
    L.n_in = width;
    L.n_out = n_out;
    L.act = act;
    Rng rng = layer_rng(c.seed, tag);
    L.w.resize(static_cast<std::size_t>(n_out) * static_cast<std::size_t>(width));
    for (float& w : L.w) w = sw * rng.normal();
    for (int j = 0; j < n_out; ++j) L.b.push_back(sb * rng.normal());
    fold_normalisation(L, unit_stats(h, width));
    forward_grid(L, h, next);
    h.swap(next);
    net.layers.push_back(std::move(L));
  };
  for (int l = 1; l < c.depth; ++l)
    dense(static_cast<std::uint32_t>(l), width, gh * s * inv_sqrt_width, bh * s, c.activation[static_cast<std::size_t>(l)]);
  dense(kOutputTag, kOutputs, inv_sqrt_width, 0.0f, nullptr);

  // Output: rescale each channel's pre-sigmoid value to mean = its drawn offset, sd = kOutputSpread
  // over the reference view, so every seed and activation uses the colour range.
  Layer& O = net.layers.back();
  const Stats st = unit_stats(h, kOutputs);
  Rng rng = layer_rng(c.seed, kOutputTag + 1);
  for (int ch = 0; ch < kOutputs; ++ch) {
    const double offset = bo * rng.normal();
    const double m = st.mean[static_cast<std::size_t>(ch)], sd = st.sd[static_cast<std::size_t>(ch)];
    const bool flat = !std::isfinite(m) || !std::isfinite(sd) || !(sd > kMinRelativeSd * std::fmax(1.0, std::fabs(m)));
    const double k = flat ? 0.0 : go / sd;
    for (int i = 0; i < width; ++i) {
      float& w = O.w[static_cast<std::size_t>(ch * width + i)];
      w = static_cast<float>(w * k);
    }
    O.b[static_cast<std::size_t>(ch)] = static_cast<float>(flat ? offset : (O.b[static_cast<std::size_t>(ch)] - m) * k + offset);
  }
  return net;
}

}  // namespace actlab::art
