// art_render_test.cpp — the art renderer's pictures: deterministic, seeded, tileable, identical on
// the scalar and SIMD back ends, every colour mode, per-layer activations, step vs tanh edges.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <tuple>
#include <string>
#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/art/colour.hpp"
#include "actlab/art/renderer.hpp"
#include "actlab/simd/simd.hpp"
#include "catch2/catch.hpp"

using namespace actlab;
using art::Renderer;

namespace {

Renderer configured(const std::string& json) {
  Renderer r;
  const std::string err = r.configure(json);
  INFO(json << " -> " << err);
  REQUIRE(err.empty());
  return r;
}

std::vector<std::uint8_t> image(const Renderer& r, int w, int h, double z = 0.0, Backend b = Backend::Simd) {
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  const std::string err = r.render(w, h, 0, 0, w, h, z, px.data(), px.size(), b);
  INFO(err);
  REQUIRE(err.empty());
  return px;
}

std::uint64_t hash_of(const Renderer& r, int w, int h, double z = 0.0) {
  std::uint64_t v = 0;
  const std::string err = r.hash(w, h, z, v);
  INFO(err);
  REQUIRE(err.empty());
  return v;
}

std::uint32_t pixel(const std::vector<std::uint8_t>& px, std::size_t k) {
  return std::uint32_t(px[4 * k]) | std::uint32_t(px[4 * k + 1]) << 8 | std::uint32_t(px[4 * k + 2]) << 16;
}

std::size_t distinct_colours(const std::vector<std::uint8_t>& px, std::size_t from, std::size_t count) {
  std::set<std::uint32_t> s;
  for (std::size_t k = from; k < from + count; ++k) s.insert(pixel(px, k));
  return s.size();
}

}  // namespace

TEST_CASE("art: the same config gives the same bytes and hash and the hash is FNV-1a of the bytes", "[art]") {
  const std::string cfg = R"({"seed": 5, "depth": 3, "width": 12})";
  const Renderer a = configured(cfg), b = configured(cfg);
  const auto pa = image(a, 64, 48), pb = image(b, 64, 48);
  CHECK(pa == pb);
  CHECK(image(a, 64, 48) == pa);  // rendering again changes nothing
  CHECK(hash_of(a, 64, 48) == hash_of(b, 64, 48));
  CHECK(hash_of(a, 64, 48) == art::fnv1a64(pa.data(), pa.size()));
  CHECK(art::hex64(hash_of(a, 64, 48)).size() == 16);
  // FNV-1a 64 reference values (Fowler/Noll/Vo test vectors).
  CHECK(art::fnv1a64(nullptr, 0) == 0xcbf29ce484222325ull);
  const std::uint8_t a_byte[] = {'a'};
  CHECK(art::fnv1a64(a_byte, 1) == 0xaf63dc4c8601ec8cull);
}

TEST_CASE("art: different seeds give different pictures and the picture is not flat", "[art]") {
  std::set<std::uint64_t> hashes;
  for (int seed = 1; seed <= 8; ++seed) hashes.insert(hash_of(configured("{\"seed\": " + std::to_string(seed) + "}"), 48, 48));
  CHECK(hashes.size() == 8);
  const auto px = image(Renderer(), 64, 64);
  CHECK(distinct_colours(px, 0, 64 * 64) > 1000);
  for (std::size_t k = 0; k < 64 * 64; ++k) REQUIRE(px[4 * k + 3] == 255);
}

TEST_CASE("art: tiles assembled equal the whole image for any tiling", "[art]") {
  const Renderer r = configured(R"({"seed": 11, "activation": ["tanh", "relu", "step"], "depth": 3, "zoom": 1.7})");
  for (auto [w, h] : {std::pair{100, 70}, std::pair{300, 131}}) {
    const auto whole = image(r, w, h, 0.3);
    for (auto [tw, th] : {std::pair{37, 29}, std::pair{1, h}, std::pair{w, 1}, std::pair{128, 128}, std::pair{7, 3}}) {
      std::vector<std::uint8_t> assembled(whole.size(), 0);
      for (int ty = 0; ty < h; ty += th)
        for (int tx = 0; tx < w; tx += tw) {
          const int cw = std::min(tw, w - tx), ch = std::min(th, h - ty);
          std::vector<std::uint8_t> tile(static_cast<std::size_t>(cw * ch * 4));
          REQUIRE(r.render(w, h, tx, ty, cw, ch, 0.3, tile.data(), tile.size()).empty());
          for (int y = 0; y < ch; ++y)
            std::copy(tile.begin() + y * cw * 4, tile.begin() + (y + 1) * cw * 4,
                      assembled.begin() + ((ty + y) * w + tx) * 4);
        }
      INFO(w << "x" << h << " in tiles of " << tw << "x" << th);
      CHECK(assembled == whole);
    }
  }
}

TEST_CASE("art: the scalar and the SIMD back ends give the same bytes for every activation", "[art]") {
  for (const Activation& a : activations()) {
    const Renderer r = configured(std::string(R"({"depth": 2, "width": 9, "seed": 3, "activation": ")") + a.id + "\"}");
    INFO(a.id);
    CHECK(image(r, 41, 23, 0.5, Backend::Scalar) == image(r, 41, 23, 0.5, Backend::Simd));
  }
}

TEST_CASE("art: colour modes - gray is the rgb red channel and hsv differs and all are opaque", "[art]") {
  const auto rgb = image(configured(R"({"seed": 4, "colorMode": "rgb"})"), 48, 48);
  const auto gray = image(configured(R"({"seed": 4, "colorMode": "gray"})"), 48, 48);
  const auto hsv = image(configured(R"({"seed": 4, "colorMode": "hsv"})"), 48, 48);
  bool rgb_has_colour = false, hsv_has_colour = false;
  for (std::size_t k = 0; k < 48 * 48; ++k) {
    REQUIRE(gray[4 * k] == gray[4 * k + 1]);
    REQUIRE(gray[4 * k] == gray[4 * k + 2]);
    REQUIRE(gray[4 * k] == rgb[4 * k]);  // same network, same first output
    REQUIRE((gray[4 * k + 3] == 255 && rgb[4 * k + 3] == 255 && hsv[4 * k + 3] == 255));
    rgb_has_colour = rgb_has_colour || rgb[4 * k] != rgb[4 * k + 1];
    hsv_has_colour = hsv_has_colour || hsv[4 * k] != hsv[4 * k + 2];
  }
  CHECK(rgb_has_colour);
  CHECK(hsv_has_colour);
  CHECK(hsv != rgb);
}

TEST_CASE("art: HSV conversion and byte rounding on known values", "[art]") {
  // o = (h, s, v) per lane, planar; 8 lanes (a multiple of every back end's width).
  const float h[8] = {0.0f, 1.0f / 3, 2.0f / 3, 0.5f, 0.25f, 1.0f, 0.9f, 0.0f};
  const float s[8] = {1, 1, 1, 0, 1, 1, 0.5f, 1};
  const float v[8] = {1, 1, 1, 0.5f, 1, 1, 1, 0};
  float o[24], rgb[24];
  for (int k = 0; k < 8; ++k) { o[k] = h[k]; o[8 + k] = s[k]; o[16 + k] = v[k]; }
  art::to_channels<simd::Native>(o, 8, art::ColorMode::Hsv, rgb);
  auto at = [&](int k) { return std::vector<float>{rgb[k], rgb[8 + k], rgb[16 + k]}; };
  CHECK(at(0) == std::vector<float>{255, 0, 0});    // red
  CHECK(at(1) == std::vector<float>{0, 255, 0});    // green (h = 1/3 rounds within a byte)
  CHECK(at(2) == std::vector<float>{0, 0, 255});    // blue
  CHECK(at(3) == std::vector<float>{128, 128, 128});  // s = 0: gray v; 127.5 rounds half to even = 128
  CHECK(at(4) == std::vector<float>{128, 255, 0});  // h = 90°: chartreuse
  CHECK(at(5) == std::vector<float>{255, 0, 0});    // h = 1 wraps to red
  CHECK(at(7) == std::vector<float>{0, 0, 0});      // v = 0: black
  // Byte mapping: clamp, round half to even, NaN -> 0.
  const float in[8] = {0.0f, 1.0f, 0.5f, -3.0f, 7.0f, NAN, 1.0f / 255, 0.25f};
  float t[24] = {};
  for (int k = 0; k < 8; ++k) t[k] = in[k];
  art::to_channels<simd::Scalar>(t, 8, art::ColorMode::Gray, rgb);
  CHECK(std::vector<float>(rgb, rgb + 8) == std::vector<float>{0, 255, 128, 0, 255, 0, 1, 64});
}

TEST_CASE("art: one activation per hidden layer and a short list repeats", "[art]") {
  const auto cycled = hash_of(configured(R"({"depth": 4, "activation": ["tanh", "relu"]})"), 40, 40);
  const auto spelled = hash_of(configured(R"({"depth": 4, "activation": ["tanh", "relu", "tanh", "relu"]})"), 40, 40);
  const auto all_tanh = hash_of(configured(R"({"depth": 4, "activation": "tanh"})"), 40, 40);
  const auto last_differs = hash_of(configured(R"({"depth": 4, "activation": ["tanh", "relu", "tanh", "gelu"]})"), 40, 40);
  CHECK(cycled == spelled);
  CHECK(cycled != all_tanh);
  CHECK(last_differs != spelled);
  const Renderer r = configured(R"({"depth": 3, "activation": ["elu", "step", "mish"]})");
  REQUIRE(r.network().layers.size() == 4);  // 3 hidden + output
  CHECK(std::string(r.network().layers[0].act->id) == "elu");
  CHECK(std::string(r.network().layers[1].act->id) == "step");
  CHECK(std::string(r.network().layers[2].act->id) == "mish");
  CHECK(r.network().layers[3].act == nullptr);
}

TEST_CASE("art: step gives hard edges (few colours along a line) and tanh a smooth ramp", "[art]") {
  // The middle row of a 256-wide picture, same seed and weights, only the activation differs.
  const int w = 256, h = 256;
  const auto step = image(configured(R"({"seed": 2, "activation": "step"})"), w, h);
  const auto tanh = image(configured(R"({"seed": 2, "activation": "tanh"})"), w, h);
  const std::size_t row = static_cast<std::size_t>(h / 2) * w;
  // Per adjacent pair: the largest channel difference. Returns (max, median, number of non-zero).
  auto jumps = [&](const std::vector<std::uint8_t>& px) {
    std::vector<int> j;
    for (std::size_t k = row + 1; k < row + w; ++k) {
      int d = 0;
      for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(px[4 * k + c]) - int(px[4 * (k - 1) + c])));
      j.push_back(d);
    }
    const int changes = static_cast<int>(std::count_if(j.begin(), j.end(), [](int d) { return d != 0; }));
    std::sort(j.begin(), j.end());
    return std::tuple{j.back(), j[j.size() / 2], changes};
  };
  const auto [step_max, step_median, step_changes] = jumps(step);
  const auto [tanh_max, tanh_median, tanh_changes] = jumps(tanh);
  INFO("step: " << distinct_colours(step, row, w) << " colours, " << step_changes << " changes, jumps max "
                << step_max << " median " << step_median);
  INFO("tanh: " << distinct_colours(tanh, row, w) << " colours, " << tanh_changes << " changes, jumps max "
                << tanh_max << " median " << tanh_median);
  // Step: piecewise constant — a few regions crossed, each crossing a jump.
  CHECK(distinct_colours(step, row, w) <= 24);
  CHECK(step_changes <= 24);
  CHECK(step_median == 0);
  CHECK(step_max >= 32);
  // Tanh: a continuous ramp — nearly every pixel differs from its neighbour, by a little.
  CHECK(distinct_colours(tanh, row, w) >= 100);
  CHECK(tanh_changes >= 200);
  CHECK(tanh_median <= 6);
}

TEST_CASE("art: z animates the picture only when useZ and zoom and useR change it", "[art]") {
  const Renderer with_z = configured(R"({"seed": 8})"), without_z = configured(R"({"seed": 8, "useZ": false})");
  CHECK(hash_of(with_z, 32, 32, 0.0) != hash_of(with_z, 32, 32, 0.5));
  CHECK(hash_of(without_z, 32, 32, 0.0) == hash_of(without_z, 32, 32, 0.5));
  CHECK(hash_of(configured(R"({"seed": 8, "zoom": 2})"), 32, 32) != hash_of(with_z, 32, 32));
  CHECK(hash_of(configured(R"({"seed": 8, "useR": false})"), 32, 32) != hash_of(with_z, 32, 32));
}

TEST_CASE("art: extreme but valid configs render without NaN trouble or huge memory", "[art]") {
  for (const char* cfg : {R"({"depth": 16, "width": 64, "activation": "relu", "weightScale": 20, "zoom": 100})",
                          R"({"depth": 16, "width": 64, "activation": "identity", "weightScale": 20, "zoom": 100})",
                          R"({"depth": 1, "width": 1, "weightScale": 0.01, "zoom": 0.01, "useR": false, "useZ": false})",
                          R"({"depth": 5, "activation": "step", "weightScale": 0.01})"}) {
    INFO(cfg);
    const Renderer r = configured(cfg);
    const auto px = image(r, 33, 17, 1e6);
    CHECK(image(r, 33, 17, 1e6, Backend::Scalar) == px);
    for (std::size_t k = 0; k < px.size(); k += 4) REQUIRE(px[k + 3] == 255);
  }
}
