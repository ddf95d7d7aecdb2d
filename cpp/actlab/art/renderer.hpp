// renderer.hpp — the art studio's renderer: config in, RGBA tiles and image hashes out.
//
// Pixel (px, py) of an image_w × image_h picture is the point
//   x = zoom·((2·px + 1)/image_w - 1),   y = zoom·(1 - (2·py + 1)/image_h),   r = sqrt(x² + y²)
// (pixel centres; x and y each span [-zoom, zoom] across the WHOLE image, y pointing up), so a tile
// is computed from the full image's size and tiles join seamlessly: a 2048 × 2048 export is
// rendered tile by tile and equals one 2048 × 2048 render byte for byte.
// Inputs (x, y, [r], [z]) go through the network (network.hpp) in batches of kBatch pixels, layer
// by layer: dense product on the SIMD vocabulary (dense.hpp), then the registry's batch kernel of
// the layer's activation, then sigmoid and the colour mapping (colour.hpp). Output bytes are RGBA,
// row-major, alpha 255. Same config + same arguments = same bytes on every target and back end.
//
// Nothing here throws; every bad argument returns a message naming it, and memory is bounded by
// the config limits (config.hpp), never by the arguments: a render allocates ~70 KB of scratch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "actlab/activations/registry.hpp"
#include "actlab/art/config.hpp"
#include "actlab/art/network.hpp"
#include "actlab/util/fnv.hpp"

namespace actlab::art {

inline constexpr int kMaxImageSide = 16384;   // pixels per side, full image
inline constexpr int kBatch = 128;            // pixels per layer-by-layer pass (scratch fits L1/L2)

class Renderer {
 public:
  Renderer();  // the default config (config.hpp)

  // Replaces the config; "" on success, else a message naming the field (the old config stays).
  std::string configure(std::string_view json);
  const Config& config() const { return config_; }
  const Network& network() const { return net_; }

  // Renders the tile [tile_x, tile_x + tile_w) × [tile_y, tile_y + tile_h) of the full image into
  // out (tile_w·tile_h·4 bytes, row-major RGBA; out_size is checked). z is the animation input
  // (ignored when useZ is false). Returns "" or a message naming the bad argument.
  std::string render(int image_w, int image_h, int tile_x, int tile_y, int tile_w, int tile_h, double z,
                     std::uint8_t* out, std::size_t out_size, Backend backend = Backend::Simd) const;

  // FNV-1a 64 of the full image's RGBA bytes in row-major order (rendered in bands internally).
  // Returns "" and sets `hash`, or a message naming the bad argument.
  std::string hash(int image_w, int image_h, double z, std::uint64_t& hash, Backend backend = Backend::Simd) const;

 private:
  Config config_;
  Network net_;
};

// The image hash (util/fnv.hpp), spelt in this namespace for the renderer's callers.
using util::fnv1a64;
using util::hex64;
using util::kFnvOffset;

}  // namespace actlab::art
