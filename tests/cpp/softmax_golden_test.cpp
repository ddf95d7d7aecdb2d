// softmax_golden_test.cpp — softmax and log-softmax give the same numbers on both targets: every
// case of tests/golden/softmax_hashes.txt (written by the native build: `./build/native/actlab
// golden --softmax > tests/golden/softmax_hashes.txt`) is computed again on this target, on the
// SIMD and the scalar back end, by softmax_rows() and row by row by softmax(), and its hashes must
// match. Regenerate the file only after an intended change to softmax.cpp or vmath's exp/log.
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/activations/softmax_golden.hpp"
#include "actlab/util/fnv.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("softmax golden: softmax and log-softmax hashes equal the native build's on this target",
          "[softmax][golden]") {
  std::ifstream in(std::string(ACTLAB_SOURCE_DIR) + "/tests/golden/softmax_hashes.txt");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<SoftmaxGoldenLine> lines;
  const std::string err = parse_softmax_golden(ss.str(), lines);
  INFO(err);
  REQUIRE(err.empty());
  const std::vector<SoftmaxGoldenCase> cases = softmax_golden_cases();
  REQUIRE(lines.size() == cases.size());  // a stale file (cases added or removed) fails here
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const SoftmaxGoldenLine& g = lines[k];
    const SoftmaxGoldenCase& c = cases[k];
    INFO("case " << k << ": " << c.rows << " x " << c.cols << " T=" << c.temperature << " range " << c.range
                 << (c.specials ? " with specials" : "") << " seed " << c.seed);
    CHECK(g.c.rows == c.rows);
    CHECK(g.c.cols == c.cols);
    CHECK(g.c.temperature == c.temperature);
    CHECK(g.c.range == c.range);
    CHECK(g.c.specials == c.specials);
    CHECK(g.c.seed == c.seed);
    for (Backend b : {Backend::Simd, Backend::Scalar})
      for (bool by_rows : {true, false}) {
        INFO((b == Backend::Simd ? "SIMD" : "scalar") << (by_rows ? ", softmax_rows" : ", softmax per row"));
        std::uint64_t h = 0, lh = 0;
        REQUIRE(softmax_golden_hashes(c, b, by_rows, h, lh).empty());
        const int bi = b == Backend::Simd ? 0 : 1;
        CHECK(util::hex64(h) == util::hex64(g.hash[bi][0]));
        CHECK(util::hex64(lh) == util::hex64(g.hash[bi][1]));
      }
  }
}

TEST_CASE("softmax golden: the inputs hold every special value, and the hashes see one ULP", "[softmax][golden]") {
  // The cases with specials must really contain them, or the file pins less than it says.
  bool nan = false, pinf = false, ninf = false, nzero = false, huge = false, denormal = false;
  for (const SoftmaxGoldenCase& c : softmax_golden_cases()) {
    if (!c.specials) continue;
    for (float v : softmax_golden_inputs(c)) {
      nan = nan || std::isnan(v);
      pinf = pinf || v == INFINITY;
      ninf = ninf || v == -INFINITY;
      nzero = nzero || (v == 0.0f && std::signbit(v));
      huge = huge || std::fabs(v) == 3e38f;
      denormal = denormal || (v != 0.0f && std::fabs(v) < 1.17549435e-38f);
    }
  }
  CHECK(nan);
  CHECK(pinf);
  CHECK(ninf);
  CHECK(nzero);
  CHECK(huge);
  CHECK(denormal);
  // One flipped low bit in one output changes the hash.
  std::vector<float> y = {0.25f, 0.75f};
  const std::uint64_t h0 = util::fnv1a64_floats(y.data(), y.size());
  std::uint32_t u;
  std::memcpy(&u, &y[1], 4);
  u ^= 1u;
  std::memcpy(&y[1], &u, 4);
  CHECK(util::fnv1a64_floats(y.data(), y.size()) != h0);
}

TEST_CASE("softmax golden: a malformed line is reported with its line number", "[softmax][golden]") {
  std::vector<SoftmaxGoldenLine> lines;
  const std::string h = "0123456789abcdef ";
  const std::string ok = h + h + h + h + "2 3 1 6 0 7\n";
  CHECK(parse_softmax_golden("# c\n" + ok + "zz " + h + h + h + "2 3 1 6 0 7\n", lines).rfind("line 3", 0) == 0);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].hash[1][1] == 0x0123456789abcdefull);
  CHECK(lines[0].c.cols == 3);
  lines.clear();
  CHECK(parse_softmax_golden(ok + h + h + h + h + "2 3 1 6 2 7\n", lines).rfind("line 2", 0) == 0);  // specials 2
  lines.clear();
  CHECK(parse_softmax_golden(ok + h + h + h + h + "2 3 x 6 0 7\n", lines).rfind("line 2", 0) == 0);  // temperature x
  lines.clear();
  CHECK(parse_softmax_golden(ok + h + h + h + "2 3 1 6 0 7\n", lines).rfind("line 2", 0) == 0);  // 3 hashes
}
