// art_golden_test.cpp — same pictures on both targets: every case of tests/golden/art_hashes.txt
// (written by the native build: `./build/native/actlab art --golden > tests/golden/art_hashes.txt`)
// is rendered again on this target, on the SIMD and the scalar back end, and its FNV-1a 64 hash
// must match. Regenerate the file only after an intended change to the renderer, its RNG or an
// activation kernel, and say why in the commit.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/art/golden.hpp"
#include "actlab/art/renderer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("art golden: image hashes equal the native build's on this target", "[art][golden]") {
  std::ifstream in(std::string(ACTLAB_SOURCE_DIR) + "/tests/golden/art_hashes.txt");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<art::GoldenLine> lines;
  const std::string err = art::parse_golden(ss.str(), lines);
  INFO(err);
  REQUIRE(err.empty());
  const std::vector<art::GoldenCase> cases = art::golden_cases();
  REQUIRE(lines.size() == cases.size());  // a stale file (cases added or removed) fails here
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const art::GoldenLine& g = lines[k];
    INFO("case " << k << ": " << g.c.config << " " << g.c.image_w << "x" << g.c.image_h << " z=" << g.c.z);
    CHECK(g.c.config == cases[k].config);
    art::Renderer r;
    REQUIRE(r.configure(g.c.config).empty());
    for (Backend b : {Backend::Simd, Backend::Scalar}) {
      std::uint64_t h = 0;
      REQUIRE(r.hash(g.c.image_w, g.c.image_h, g.c.z, h, b).empty());
      CHECK(art::hex64(h) == art::hex64(g.hash));
    }
  }
}

TEST_CASE("art golden: a malformed line is reported with its line number", "[art][golden]") {
  std::vector<art::GoldenLine> lines;
  CHECK(art::parse_golden("# c\n0123456789abcdef 4 4 0 {}\nzz 4 4 0 {}\n", lines).rfind("line 3", 0) == 0);
  CHECK(lines.size() == 1);
}
