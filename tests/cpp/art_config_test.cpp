// art_config_test.cpp — the art config reader and the renderer's argument checks: good configs
// parse to the documented values; every bad one is rejected with a message that starts with the
// field's (or argument's) name, and leaves the previous config in place.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "actlab/art/renderer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("art config: defaults and a full config", "[art][config]") {
  art::Config c;
  REQUIRE(art::parse_config("{}", c).empty());
  CHECK(c.seed == 1);
  CHECK(c.depth == 4);
  CHECK(c.width == 16);
  REQUIRE(c.activation.size() == 4);
  for (const Activation* a : c.activation) CHECK(std::string(a->id) == "tanh");
  CHECK(c.weight_scale == 1.0f);
  CHECK(c.color_mode == art::ColorMode::Rgb);
  CHECK((c.use_r && c.use_z));
  CHECK(c.zoom == 1.0f);

  const std::string full = R"( { "seed": 4294967295, "depth": 2, "width": 64, "activation": ["gelu", "leaky_relu"],
    "weightScale": 0.5, "colorMode": "hsv", "useR": false, "useZ": false, "zoom": 2.5e0 } )";
  REQUIRE(art::parse_config(full, c).empty());
  CHECK(c.seed == 4294967295u);
  CHECK(c.depth == 2);
  CHECK(c.width == 64);
  CHECK(std::string(c.activation[1]->id) == "leaky_relu");
  CHECK(c.weight_scale == 0.5f);
  CHECK(c.color_mode == art::ColorMode::Hsv);
  CHECK((!c.use_r && !c.use_z));
  CHECK(c.zoom == 2.5f);
  CHECK(art::to_json(c) ==
        R"({"seed":4294967295,"depth":2,"width":64,"activation":["gelu","leaky_relu"],"weightScale":0.5,"colorMode":"hsv","useR":false,"useZ":false,"zoom":2.5})");
  art::Config back;
  REQUIRE(art::parse_config(art::to_json(c), back).empty());
  CHECK(art::to_json(back) == art::to_json(c));
}

TEST_CASE("art config: every bad value is rejected with the field named", "[art][config]") {
  struct Bad {
    std::string json, starts, contains;
  };
  std::string big_list = "[\"tanh\"";  // 17 names: one more than the deepest network
  for (int k = 0; k < 16; ++k) big_list += ",\"tanh\"";
  big_list += "]";
  const std::vector<Bad> bad = {
      {R"({"depth": 1e9})", "depth:", "[1, 16]"},
      {R"({"depth": 0})", "depth:", "got 0"},
      {R"({"depth": 2.5})", "depth:", "integer"},
      {R"({"depth": "4"})", "depth:", "string"},
      {R"({"depth": NaN})", "depth:", "finite"},
      {R"({"width": 65})", "width:", "[1, 64]"},
      {R"({"width": -1})", "width:", "got -1"},
      {R"({"seed": -1})", "seed:", "4294967295"},
      {R"({"seed": 4294967296})", "seed:", "4294967296"},
      {R"({"seed": 1.5})", "seed:", "integer"},
      {R"({"activation": "relux"})", "activation:", "valid: identity, step"},
      {R"({"activation": ["tanh", 3]})", "activation[1]:", "got 3"},
      {R"({"activation": ["tanh", "nope"]})", "activation[1]:", "'nope'"},
      {R"({"activation": []})", "activation:", "1 to 16"},
      {R"({"activation": )" + big_list + "}", "activation:", "got 17"},
      {R"({"activation": 7})", "activation:", "got 7"},
      {R"({"weightScale": NaN})", "weightScale:", "finite"},
      {R"({"weightScale": Infinity})", "weightScale:", "finite"},
      {R"({"weightScale": 21})", "weightScale:", "[0.01, 20]"},
      {R"({"weightScale": 0})", "weightScale:", "got 0"},
      {R"({"zoom": -Infinity})", "zoom:", "finite"},
      {R"({"zoom": 1e999})", "zoom:", "finite"},
      {R"({"zoom": null})", "zoom:", "null"},
      {R"({"zoom": 1000})", "zoom:", "[0.01, 100]"},
      {R"({"colorMode": "cmyk"})", "colorMode:", "'cmyk'"},
      {R"({"colorMode": 1})", "colorMode:", "rgb"},
      {R"({"useR": 1})", "useR:", "true or false"},
      {R"({"useZ": "yes"})", "useZ:", "true or false"},
      {R"({"colour": "rgb"})", "'colour': unknown field", "valid: seed, depth"},
      {R"({"depth": 4, "depth": 5})", "config:", "duplicate key \"depth\""},
      {R"([1, 2])", "config:", "JSON object"},
      {R"("tanh")", "config:", "JSON object"},
      {R"({"zoom": 1,})", "config:", "expected a string key"},
      {R"({"zoom": 01})", "zoom:", "leading zeros"},
      {R"({"zoom": )", "zoom:", "end of input"},
      {R"({"activation": [[[[[[[[[["tanh"]]]]]]]]]]})", "activation:", "nesting deeper than"},
      {R"({"seed": 1} x)", "config:", "unexpected text"},
      {"", "config:", "expected a value"},
      {"{\"colorMode\": \"rg\x01\"}", "colorMode:", "control character"},
      {"{\"seed\": 1" + std::string(art::kMaxConfigBytes, ' ') + "}", "config:", "longer than"},
  };
  for (const Bad& b : bad) {
    art::Config c;
    const std::string err = art::parse_config(b.json, c);
    INFO(b.json.substr(0, 80) << " -> " << err);
    CHECK(err.rfind(b.starts, 0) == 0);
    CHECK(err.find(b.contains) != std::string::npos);
  }
}

TEST_CASE("art config: a rejected config leaves the renderer's config and picture unchanged", "[art][config]") {
  art::Renderer r;
  REQUIRE(r.configure(R"({"seed": 77, "colorMode": "gray"})").empty());
  std::uint64_t before = 0, after = 0;
  REQUIRE(r.hash(32, 32, 0.0, before).empty());
  CHECK(r.configure(R"({"seed": 78, "depth": 99})").rfind("depth:", 0) == 0);
  CHECK(r.config().seed == 77);
  REQUIRE(r.hash(32, 32, 0.0, after).empty());
  CHECK(before == after);
}

TEST_CASE("art render: bad arguments are named and nothing is written", "[art][config]") {
  const art::Renderer r;
  std::vector<std::uint8_t> buf(64 * 4, 7);
  struct Bad {
    int iw, ih, tx, ty, tw, th;
    double z;
    std::size_t size;
    std::string starts;
  };
  const std::vector<Bad> bad = {
      {0, 8, 0, 0, 8, 8, 0, 256, "imageW:"},
      {8, 20000, 0, 0, 8, 8, 0, 256, "imageH:"},
      {8, 8, -1, 0, 8, 8, 0, 256, "tileX:"},
      {8, 8, 8, 0, 1, 1, 0, 256, "tileX:"},
      {8, 8, 0, 9, 1, 1, 0, 256, "tileY:"},
      {8, 8, 4, 0, 5, 1, 0, 256, "tileW:"},
      {8, 8, 0, 0, 8, 0, 0, 256, "tileH:"},
      {8, 8, 0, 0, 8, 8, NAN, 256, "z:"},
      {8, 8, 0, 0, 8, 8, 1e300, 256, "z:"},
      {8, 8, 0, 0, 8, 8, 0, 255, "out:"},
  };
  for (const Bad& b : bad) {
    const std::string err = r.render(b.iw, b.ih, b.tx, b.ty, b.tw, b.th, b.z, buf.data(), b.size);
    INFO(err);
    CHECK(err.rfind(b.starts, 0) == 0);
  }
  CHECK(std::all_of(buf.begin(), buf.end(), [](std::uint8_t v) { return v == 7; }));
  std::uint64_t h = 0;
  CHECK(r.hash(0, 4, 0.0, h).rfind("imageW:", 0) == 0);
  CHECK(r.hash(4, 4, INFINITY, h).rfind("z:", 0) == 0);
  CHECK(r.render(8, 8, 0, 0, 8, 8, 0.0, nullptr, 0).rfind("out:", 0) == 0);
}
