// renderer.cpp — argument checks, the batch loop of the art renderer, and the image hash
// (contract in renderer.hpp). The loop is one template instantiated for the scalar and the
// vector back end; tests compare the two bit for bit.
#include "actlab/art/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "actlab/art/colour.hpp"
#include "actlab/art/dense.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::art {
namespace {

static_assert(kBatch % kPixelBlock<simd::Native> == 0 && kBatch % kPixelBlock<simd::Scalar> == 0);

std::string check_side(const char* name, int v) {
  if (v >= 1 && v <= kMaxImageSide) return "";
  return std::string(name) + ": must be an integer in [1, " + std::to_string(kMaxImageSide) + "], got " + std::to_string(v);
}

template <class B>
void render_tile(const Config& cfg, const Network& net, int image_w, int image_h, int tile_x, int tile_y, int tile_w,
                 int tile_h, float z, std::uint8_t* out) {
  constexpr Backend kBackend = B::width == 1 ? Backend::Scalar : Backend::Simd;
  constexpr int P = kBatch;
  static const Activation* const sigmoid = find_activation("sigmoid");

  // Scratch, planar [units × P]: inputs, two hidden buffers (ping-pong), outputs, channel bytes.
  std::vector<float> in(static_cast<std::size_t>(4 * P), 0.0f);
  std::vector<float> ha(static_cast<std::size_t>(cfg.width * P)), hb(ha.size());
  std::vector<float> o(static_cast<std::size_t>(kOutputs * P)), rgb(static_cast<std::size_t>(3 * P));

  // x of every tile column, computed once: zoom·((2·px + 1)/W - 1).
  std::vector<float> xcol(static_cast<std::size_t>(tile_w));
  for (int c = 0; c < tile_w; ++c)
    xcol[static_cast<std::size_t>(c)] =
        cfg.zoom * (static_cast<float>(2 * (tile_x + c) + 1) / static_cast<float>(image_w) - 1.0f);
  auto y_of_row = [&](int row) {
    return cfg.zoom * (1.0f - static_cast<float>(2 * (tile_y + row) + 1) / static_cast<float>(image_h));
  };

  const std::size_t total = static_cast<std::size_t>(tile_w) * static_cast<std::size_t>(tile_h);
  int row = 0, col = 0;  // of the next pixel of the tile, row-major
  float y = y_of_row(0);
  for (std::size_t start = 0; start < total; start += P) {
    const int n = static_cast<int>(std::min<std::size_t>(P, total - start));
    // Inputs x, y, [r], [z]; lanes n..P-1 are padding (zeros in, ignored out).
    float* ix = in.data();
    float* iy = ix + P;
    float* ir = cfg.use_r ? iy + P : nullptr;
    float* iz = cfg.use_z ? (cfg.use_r ? ir + P : iy + P) : nullptr;
    for (int k = 0; k < P; ++k) {
      float x = 0.0f, yy = 0.0f, r = 0.0f, zz = 0.0f;
      if (k < n) {
        x = xcol[static_cast<std::size_t>(col)];
        yy = y;
        r = std::sqrt(x * x + yy * yy);  // IEEE sqrt: correctly rounded on both targets
        zz = z;
        if (++col == tile_w) {
          col = 0;
          y = y_of_row(++row);
        }
      }
      ix[k] = x;
      iy[k] = yy;
      if (ir) ir[k] = r;
      if (iz) iz[k] = zz;
    }
    // Hidden layers: dense, then the activation in place over the whole [width × P] block.
    const float* src = in.data();
    float* dst = ha.data();
    const std::size_t n_layers = net.layers.size();
    for (std::size_t l = 0; l + 1 < n_layers; ++l) {
      const Layer& L = net.layers[l];
      dense_forward<B>(L.w.data(), L.b.data(), L.n_out, L.n_in, src, dst, P);
      L.act->apply(dst, dst, static_cast<std::size_t>(L.n_out) * P, false, nullptr, kBackend);
      src = dst;
      dst = dst == ha.data() ? hb.data() : ha.data();
    }
    const Layer& L = net.layers.back();
    dense_forward<B>(L.w.data(), L.b.data(), L.n_out, L.n_in, src, o.data(), P);
    sigmoid->apply(o.data(), o.data(), o.size(), false, nullptr, kBackend);
    to_channels<B>(o.data(), P, cfg.color_mode, rgb.data());
    std::uint8_t* px = out + start * 4;
    for (int k = 0; k < n; ++k) {
      px[4 * k + 0] = static_cast<std::uint8_t>(static_cast<int>(rgb[static_cast<std::size_t>(k)]));
      px[4 * k + 1] = static_cast<std::uint8_t>(static_cast<int>(rgb[static_cast<std::size_t>(P + k)]));
      px[4 * k + 2] = static_cast<std::uint8_t>(static_cast<int>(rgb[static_cast<std::size_t>(2 * P + k)]));
      px[4 * k + 3] = 255;
    }
  }
}

}  // namespace

Renderer::Renderer() : config_(default_config()), net_(build_network(config_)) {}

std::string Renderer::configure(std::string_view json) {
  Config c;
  if (std::string err = parse_config(json, c); !err.empty()) return err;
  config_ = std::move(c);
  net_ = build_network(config_);
  return "";
}

std::string Renderer::render(int image_w, int image_h, int tile_x, int tile_y, int tile_w, int tile_h, double z,
                             std::uint8_t* out, std::size_t out_size, Backend backend) const {
  if (std::string e = check_side("imageW", image_w); !e.empty()) return e;
  if (std::string e = check_side("imageH", image_h); !e.empty()) return e;
  if (tile_x < 0 || tile_x >= image_w)
    return "tileX: must be in [0, imageW - 1] = [0, " + std::to_string(image_w - 1) + "], got " + std::to_string(tile_x);
  if (tile_y < 0 || tile_y >= image_h)
    return "tileY: must be in [0, imageH - 1] = [0, " + std::to_string(image_h - 1) + "], got " + std::to_string(tile_y);
  if (tile_w < 1 || tile_w > image_w - tile_x)
    return "tileW: must be in [1, imageW - tileX] = [1, " + std::to_string(image_w - tile_x) + "], got " + std::to_string(tile_w);
  if (tile_h < 1 || tile_h > image_h - tile_y)
    return "tileH: must be in [1, imageH - tileY] = [1, " + std::to_string(image_h - tile_y) + "], got " + std::to_string(tile_h);
  const float zf = static_cast<float>(z);
  if (!std::isfinite(zf)) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%g", z);
    return std::string("z: must be a finite number (within float range), got ") + buf;
  }
  const std::size_t need = static_cast<std::size_t>(tile_w) * static_cast<std::size_t>(tile_h) * 4;
  if (out == nullptr || out_size < need)
    return "out: the buffer holds " + std::to_string(out == nullptr ? 0 : out_size) + " bytes, the tile needs " +
           std::to_string(need) + " (tileW·tileH·4)";
  if (backend == Backend::Scalar)
    render_tile<simd::Scalar>(config_, net_, image_w, image_h, tile_x, tile_y, tile_w, tile_h, zf, out);
  else
    render_tile<simd::Native>(config_, net_, image_w, image_h, tile_x, tile_y, tile_w, tile_h, zf, out);
  return "";
}

std::string Renderer::hash(int image_w, int image_h, double z, std::uint64_t& h, Backend backend) const {
  if (std::string e = check_side("imageW", image_w); !e.empty()) return e;
  if (std::string e = check_side("imageH", image_h); !e.empty()) return e;
  // Bands of whole rows keep the bytes in row-major order with a buffer of at most ~256 KB.
  const int band = std::max(1, 65536 / image_w);
  std::vector<std::uint8_t> buf(static_cast<std::size_t>(image_w) * static_cast<std::size_t>(std::min(band, image_h)) * 4);
  std::uint64_t acc = kFnvOffset;
  for (int y0 = 0; y0 < image_h; y0 += band) {
    const int rows = std::min(band, image_h - y0);
    if (std::string e = render(image_w, image_h, 0, y0, image_w, rows, z, buf.data(), buf.size(), backend); !e.empty())
      return e;
    acc = fnv1a64(buf.data(), static_cast<std::size_t>(image_w) * static_cast<std::size_t>(rows) * 4, acc);
  }
  h = acc;
  return "";
}

}  // namespace actlab::art
