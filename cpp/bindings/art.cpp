// art.cpp — Embind bindings for the art renderer (mechanical, no maths; contract in
// docs/ARCHITECTURE.md "The art renderer").
//
// JS gets: class ArtRenderer { configure(json): string; render(imageW, imageH, tileX, tileY,
// tileW, tileH, z, out: U8Buffer): string; hash(imageW, imageH, z): string } and class U8Buffer
// { size(); view(); error() } (error(): "" or why the size could not be had, see u8buffer.hpp). configure/render return "" or an error message naming the field or argument;
// hash returns 16 hex digits, or an error message (which is never 16 hex digits).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "actlab/art/renderer.hpp"
#include "bindings/u8buffer.hpp"

namespace {

using actlab::bindings::U8Buffer;

class ArtRenderer {
 public:
  std::string configure(const std::string& json) { return r_.configure(json); }
  std::string render(int image_w, int image_h, int tile_x, int tile_y, int tile_w, int tile_h, double z, U8Buffer& out) {
    if (!out.error().empty()) return "out: " + out.error();
    return r_.render(image_w, image_h, tile_x, tile_y, tile_w, tile_h, z, out.data(), out.size());
  }
  std::string hash(int image_w, int image_h, double z) {
    std::uint64_t h = 0;
    std::string err = r_.hash(image_w, image_h, z, h);
    return err.empty() ? actlab::art::hex64(h) : err;
  }

 private:
  actlab::art::Renderer r_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_art) {
  using namespace emscripten;
  class_<U8Buffer>("U8Buffer")
      .constructor<double>()
      .function("size", &U8Buffer::size)
      .function("error", &U8Buffer::error)
      .function("view", &U8Buffer::view);
  class_<ArtRenderer>("ArtRenderer")
      .constructor<>()
      .function("configure", &ArtRenderer::configure)
      .function("render", &ArtRenderer::render)
      .function("hash", &ArtRenderer::hash);
}
