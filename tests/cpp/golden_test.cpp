// golden_test.cpp — same numbers on both targets: f and f' of every activation over the golden
// inputs must equal, bit for bit, tests/golden/activations.golden written by the native build.
// Regenerate with `npm run golden` only when a kernel changes on purpose.
#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/golden.hpp"
#include "actlab/activations/registry.hpp"
#include "actlab/simd/bits.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("golden: f and f' bit patterns equal the native build's on this target", "[golden]") {
  std::ifstream in(std::string(ACTLAB_SOURCE_DIR) + "/tests/golden/activations.golden");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<GoldenLine> lines = parse_golden(ss.str());
  REQUIRE(lines.size() == activations().size() * golden_inputs().size());
  std::size_t mismatches = 0;
  for (const GoldenLine& g : lines) {
    const Activation* a = find_activation(g.id);
    REQUIRE(a != nullptr);
    float x = bit_cast<float>(g.x), y, dy;
    a->apply(&x, &y, 1, false);
    a->apply(&x, &dy, 1, true);
    // NaN sign and payload are unspecified (IEEE 754, wasm): any NaN matches a NaN.
    auto same = [](float v, std::uint32_t bits) {
      return bit_cast<std::uint32_t>(v) == bits || (std::isnan(v) && std::isnan(bit_cast<float>(bits)));
    };
    if (!same(y, g.f) || !same(dy, g.df)) {
      ++mismatches;
      UNSCOPED_INFO(g.id << " x=" << x << " f bits " << std::hex << bit_cast<std::uint32_t>(y) << " golden " << g.f
                         << ", f' bits " << bit_cast<std::uint32_t>(dy) << " golden " << g.df);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("golden: a malformed line is reported with its line number", "[golden]") {
  CHECK_THROWS_WITH(parse_golden("# c\nsigmoid 3f800000 zz\n"), Catch::Contains("line 2"));
}
