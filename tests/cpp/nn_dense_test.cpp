// nn_dense_test.cpp — the dense kernels (nn/dense.hpp): Scalar and the native SIMD back end
// give bit-identical results (the reduction order does not depend on the vector width), at
// the shapes where SIMD breaks (widths 1, 3, 4, 5, 7, 8, 33; batches 1..9), and agree with a
// double reference.
#include <cmath>
#include <cstring>
#include <vector>

#include "actlab/data/rng.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/simd/simd.hpp"
#include "catch2/catch.hpp"

using namespace actlab;
namespace k = actlab::nn::kernels;

namespace {

// Normal random X [batch][in], W [in][out], b [out] and dZ [batch][out].
struct Layer {
  std::vector<float> X, W, b, dZ;
};
Layer random_layer(data::Rng& r, int in, int out, int batch) {
  Layer l{std::vector<float>(static_cast<std::size_t>(batch) * in), std::vector<float>(static_cast<std::size_t>(in) * out),
          std::vector<float>(static_cast<std::size_t>(out)), std::vector<float>(static_cast<std::size_t>(batch) * out)};
  for (std::vector<float>* v : {&l.X, &l.W, &l.b, &l.dZ})
    for (float& x : *v) x = static_cast<float>(r.normal());
  return l;
}

}  // namespace

TEST_CASE("dense kernels: scalar and SIMD back ends are bit-identical", "[nn][dense]") {
  data::Rng r(11);
  const int widths[] = {1, 3, 4, 5, 7, 8, 33};
  for (int in : widths)
    for (int out : widths)
      for (int batch = 1; batch <= 9; batch += 4) {
        auto [X, W, b, dZ] = random_layer(r, in, out, batch);
        std::vector<float> Z1(dZ.size()), Z2(dZ.size());
        k::forward<simd::Scalar>(X.data(), batch, in, out, W.data(), b.data(), Z1.data());
        k::forward<simd::Native>(X.data(), batch, in, out, W.data(), b.data(), Z2.data());
        CHECK(std::memcmp(Z1.data(), Z2.data(), Z1.size() * 4) == 0);
        for (int s = 0; s < batch; ++s)
          for (int j = 0; j < out; ++j) {
            double ref = b[j];
            for (int i = 0; i < in; ++i) ref += double(X[s * in + i]) * W[i * out + j];
            CHECK(std::fabs(Z2[s * out + j] - ref) < 1e-5 * (1 + in));
          }
        std::vector<float> g1(W.size(), 0.f), g2(W.size(), 0.f), gb1(out, 0.f), gb2(out, 0.f);
        k::backward_params<simd::Scalar>(X.data(), dZ.data(), batch, in, out, g1.data(), gb1.data());
        k::backward_params<simd::Native>(X.data(), dZ.data(), batch, in, out, g2.data(), gb2.data());
        CHECK(std::memcmp(g1.data(), g2.data(), g1.size() * 4) == 0);
        CHECK(std::memcmp(gb1.data(), gb2.data(), gb1.size() * 4) == 0);
        std::vector<float> Wt(W.size()), d1(X.size()), d2(X.size());
        k::transpose(W.data(), in, out, Wt.data());
        k::backward_input<simd::Scalar>(dZ.data(), Wt.data(), batch, in, out, d1.data());
        k::backward_input<simd::Native>(dZ.data(), Wt.data(), batch, in, out, d2.data());
        CHECK(std::memcmp(d1.data(), d2.data(), d1.size() * 4) == 0);
        for (int s = 0; s < batch; ++s)
          for (int i = 0; i < in; ++i) {
            double ref = 0;
            for (int j = 0; j < out; ++j) ref += double(dZ[s * out + j]) * W[i * out + j];
            CHECK(std::fabs(d2[s * in + i] - ref) < 1e-5 * (1 + out));
          }
      }
}

// Issue 9's small-network kernels against the reference ones: forward_small = forward and
// backward_params_fresh = zero-filled backward_params, bit for bit, on both back ends, at widths
// on either side of the vector width and of the 4-row and 2-row tiles, every batch 1..10.
TEST_CASE("dense kernels: the small-network kernels give the reference kernels' bits", "[nn][dense][fastpath]") {
  data::Rng r(12);
  const int widths[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 33};
  for (int in : widths)
    for (int out : widths)
      for (int batch = 1; batch <= 10; ++batch) {
        INFO("in " << in << ", out " << out << ", batch " << batch);
        auto [X, W, b, dZ] = random_layer(r, in, out, batch);
        std::vector<float> Zr(dZ.size()), Zs(dZ.size()), Zn(dZ.size());
        k::forward<simd::Native>(X.data(), batch, in, out, W.data(), b.data(), Zr.data());
        k::forward_small<simd::Scalar>(X.data(), batch, in, out, W.data(), b.data(), Zs.data());
        k::forward_small<simd::Native>(X.data(), batch, in, out, W.data(), b.data(), Zn.data());
        CHECK(std::memcmp(Zr.data(), Zs.data(), Zr.size() * 4) == 0);
        CHECK(std::memcmp(Zr.data(), Zn.data(), Zr.size() * 4) == 0);
        std::vector<float> gr(W.size(), 0.f), gbr(out, 0.f), gs(W.size(), 7.f), gbs(out, 7.f), gn(W.size(), 7.f), gbn(out, 7.f);
        k::backward_params<simd::Native>(X.data(), dZ.data(), batch, in, out, gr.data(), gbr.data());
        k::backward_params_fresh<simd::Scalar>(X.data(), dZ.data(), batch, in, out, gs.data(), gbs.data());
        k::backward_params_fresh<simd::Native>(X.data(), dZ.data(), batch, in, out, gn.data(), gbn.data());
        CHECK(std::memcmp(gr.data(), gs.data(), gr.size() * 4) == 0);
        CHECK(std::memcmp(gr.data(), gn.data(), gr.size() * 4) == 0);
        CHECK(std::memcmp(gbr.data(), gbs.data(), gbr.size() * 4) == 0);
        CHECK(std::memcmp(gbr.data(), gbn.data(), gbr.size() * 4) == 0);
      }
}

TEST_CASE("dense kernels: transpose_small is the transpose at every shape", "[nn][dense][fastpath]") {
  for (int in = 1; in <= 13; ++in)
    for (int out = 1; out <= 13; ++out) {
      std::vector<float> W(static_cast<std::size_t>(in) * out), a(W.size(), -1.f), b(W.size(), -2.f), c(W.size(), -3.f);
      for (std::size_t q = 0; q < W.size(); ++q) W[q] = static_cast<float>(q) + 0.5f;
      k::transpose(W.data(), in, out, a.data());
      k::transpose_small<simd::Native>(W.data(), in, out, b.data());
      k::transpose_small<simd::Scalar>(W.data(), in, out, c.data());
      INFO("in " << in << ", out " << out);
      CHECK(a == b);
      CHECK(a == c);
    }
}
