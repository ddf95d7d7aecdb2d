// softmax_golden.cpp — the softmax golden cases, and writing/parsing
// tests/golden/softmax_hashes.txt (softmax_golden.hpp).
#include "actlab/activations/softmax_golden.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <ostream>
#include <sstream>

#include "actlab/activations/softmax.hpp"
#include "actlab/util/data_lines.hpp"
#include "actlab/util/fnv.hpp"
#include "actlab/util/xoshiro128.hpp"

namespace actlab {
namespace {

// The output's bytes, with every NaN spelt 0x7fc00000.
std::uint64_t hash_outputs(std::vector<float>& y) {
  constexpr std::uint32_t kCanonicalNan = 0x7fc00000u;
  for (float& v : y)
    if (std::isnan(v)) std::memcpy(&v, &kCanonicalNan, sizeof v);
  return util::fnv1a64_floats(y.data(), y.size());
}

std::string format_float(float f) {
  char b[32];
  std::snprintf(b, sizeof b, "%.9g", static_cast<double>(f));
  return b;
}

}  // namespace

std::vector<SoftmaxGoldenCase> softmax_golden_cases() {
  std::vector<SoftmaxGoldenCase> cases;
  std::uint32_t seed = 1;
  // Short rows: every column count the 4-rows-at-a-time kernel handles, with 1, 4k+1..4k+3 rows.
  for (int cols : {1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 15, 16, 17}) {
    for (int rows : {1, 6, 11}) cases.push_back({rows, cols, 1.0f, 6.0f, false, seed++});
    cases.push_back({9, cols, 0.37f, 20.0f, true, seed++});
  }
  cases.push_back({257, 10, 1.0f, 6.0f, false, seed++});  // a classifier's batch of outputs
  cases.push_back({100, 10, 2.5f, 90.0f, true, seed++});
  cases.push_back({31, 10, 1e-3f, 1.0f, false, seed++});  // a sharp temperature: near one-hot
  // Long rows: the one-row-at-a-time kernel with its vector tails.
  for (int cols : {40, 1024, 1031}) {
    cases.push_back({3, cols, 1.0f, 6.0f, false, seed++});
    cases.push_back({2, cols, 0.37f, 90.0f, true, seed++});
  }
  cases.push_back({1, 4096, 2.5f, 20.0f, false, seed++});
  // T = 1 with special values: long rows whose maximum is within ±200 and beyond (two paths).
  cases.push_back({4, 40, 1.0f, 90.0f, true, seed++});
  cases.push_back({4, 1031, 1.0f, 150.0f, false, seed++});
  cases.push_back({3, 1031, 1.0f, 400.0f, false, seed++});
  cases.push_back({5, 1024, 1.0f, 20.0f, true, seed++});
  return cases;
}

std::vector<float> softmax_golden_inputs(const SoftmaxGoldenCase& c) {
  const float inf = std::numeric_limits<float>::infinity();
  const float specials[] = {0.0f, -0.0f, inf, -inf, std::numeric_limits<float>::quiet_NaN(), 3e38f, -3e38f,
                            std::numeric_limits<float>::denorm_min(), -1e-40f};
  Xoshiro128 rng(c.seed);
  const std::size_t n = static_cast<std::size_t>(c.rows) * static_cast<std::size_t>(c.cols);
  std::vector<float> z(n);
  for (float& v : z) {
    // 24 random bits to [0, 1): exact in float, the same on every target.
    const float u = static_cast<float>(rng.next_u32() >> 8) * 0x1p-24f;
    v = (2.0f * u - 1.0f) * c.range;
  }
  if (c.specials) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t r = rng.next_u32();
      if ((r & 7u) != 0) continue;
      const std::uint32_t pick = (r >> 3) % 10u;
      if (pick < 9) {
        z[i] = specials[pick];
      } else {  // a tie with the row's largest finite logit so far
        const std::size_t row0 = i - i % static_cast<std::size_t>(c.cols);
        float m = -inf;
        for (std::size_t k = row0; k < i; ++k)
          if (std::isfinite(z[k]) && z[k] > m) m = z[k];
        if (std::isfinite(m)) z[i] = m;
      }
    }
  }
  return z;
}

std::string softmax_golden_hashes(const SoftmaxGoldenCase& c, Backend backend, bool by_rows,
                                  std::uint64_t& softmax_hash, std::uint64_t& log_softmax_hash) {
  const std::vector<float> z = softmax_golden_inputs(c);
  const std::size_t rows = static_cast<std::size_t>(c.rows), cols = static_cast<std::size_t>(c.cols);
  std::vector<float> p(z.size()), lp(z.size());
  if (by_rows) {
    if (std::string e = softmax_rows(z.data(), p.data(), rows, cols, c.temperature, backend); !e.empty()) return e;
    if (std::string e = log_softmax_rows(z.data(), lp.data(), rows, cols, c.temperature, backend); !e.empty())
      return e;
  } else {
    for (std::size_t r = 0; r < rows; ++r) {
      if (std::string e = softmax(z.data() + r * cols, p.data() + r * cols, cols, c.temperature, backend); !e.empty())
        return e;
      if (std::string e = log_softmax(z.data() + r * cols, lp.data() + r * cols, cols, c.temperature, backend);
          !e.empty())
        return e;
    }
  }
  softmax_hash = hash_outputs(p);
  log_softmax_hash = hash_outputs(lp);
  return "";
}

std::string write_softmax_golden(std::ostream& out) {
  out << "# Activation Lab softmax golden file: FNV-1a 64 of softmax_rows and log_softmax_rows outputs\n"
         "# per case (NaN hashed as 0x7fc00000), written by the native build (`./build/native/actlab\n"
         "# golden --softmax > tests/golden/softmax_hashes.txt`), recomputed by the wasm build\n"
         "# (tests/cpp/softmax_golden_test.cpp). Logits: Xoshiro128(seed), uniform on [-range, range).\n"
         "# <SIMD softmax> <SIMD log-softmax> <scalar softmax> <scalar log-softmax> <rows> <cols>\n"
         "# <temperature> <range> <specials> <seed>\n";
  for (const SoftmaxGoldenCase& c : softmax_golden_cases()) {
    for (Backend b : {Backend::Simd, Backend::Scalar}) {
      std::uint64_t h = 0, lh = 0;
      if (std::string e = softmax_golden_hashes(c, b, true, h, lh); !e.empty()) return e;
      out << util::hex64(h) << ' ' << util::hex64(lh) << ' ';
    }
    out << c.rows << ' ' << c.cols << ' '
        << format_float(c.temperature) << ' ' << format_float(c.range) << ' ' << (c.specials ? 1 : 0) << ' '
        << c.seed << '\n';
  }
  return "";
}

std::string parse_softmax_golden(const std::string& text, std::vector<SoftmaxGoldenLine>& out) {
  return util::for_each_data_line(text, [&out](const std::string& line, int number) -> std::string {
    const std::string where = "line " + std::to_string(number) + ": ";
    std::istringstream ls(line);
    std::string h[4], t, range;
    int specials = 0;
    SoftmaxGoldenLine g{};
    if (!(ls >> h[0] >> h[1] >> h[2] >> h[3] >> g.c.rows >> g.c.cols >> t >> range >> specials >> g.c.seed) ||
        (specials != 0 && specials != 1))
      return where + "expected '<4 hashes> <rows> <cols> <temperature> <range> <0|1> <seed>'";
    char* end = nullptr;
    for (int k = 0; k < 4; ++k) {
      g.hash[k / 2][k % 2] = std::strtoull(h[k].c_str(), &end, 16);
      if (h[k].size() != 16 || *end != '\0') return where + "hash " + std::to_string(k + 1) + " '" + h[k] + "' is not 16 hex digits";
    }
    g.c.temperature = std::strtof(t.c_str(), &end);
    if (*end != '\0') return where + "bad temperature '" + t + "'";
    g.c.range = std::strtof(range.c_str(), &end);
    if (*end != '\0') return where + "bad range '" + range + "'";
    g.c.specials = specials == 1;
    out.push_back(g);
    return "";
  });
}

}  // namespace actlab
