// golden.cpp — writes and parses the cross-target golden file (see golden.hpp).
#include "actlab/activations/golden.hpp"

#include "actlab/simd/bits.hpp"
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <limits>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "actlab/activations/registry.hpp"
#include "actlab/util/data_lines.hpp"

namespace actlab {

std::vector<float> golden_inputs() {
  std::vector<float> xs;
  const float inf = std::numeric_limits<float>::infinity();
  for (float s : {0.0f, inf, std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::max(),
                  std::numeric_limits<float>::min(), 1000.0f, 88.7f, 1e-7f})
    for (float sign : {1.0f, -1.0f}) xs.push_back(sign * s);
  xs.push_back(std::numeric_limits<float>::quiet_NaN());
  for (int i = -96; i <= 96; ++i) xs.push_back(float(i) / 8.0f);  // [-12, 12] by 1/8
  for (int i = -40; i <= 38; i += 2) {
    xs.push_back(std::ldexp(1.3f, i));
    xs.push_back(-std::ldexp(1.7f, i));
  }
  std::uint32_t s = 0x9E3779B9u;  // xorshift32, seeded: random floats on [-20, 20]
  for (int i = 0; i < 200; ++i) {
    s ^= s << 13; s ^= s >> 17; s ^= s << 5;
    xs.push_back(float(double(s) / 4294967296.0 * 40.0 - 20.0));
  }
  return xs;
}

void write_golden(std::ostream& out) {
  out << "# Activation Lab golden file: f and f' bit patterns written by the native build\n"
         "# (`actlab golden`), compared bit for bit by the wasm build and by Vitest.\n"
         "# <id> <x bits> <f bits> <f' bits>, default parameters\n";
  std::vector<float> xs = golden_inputs();
  std::vector<float> y(xs.size()), dy(xs.size());
  for (const Activation& a : activations()) {
    a.apply(xs.data(), y.data(), xs.size(), false);
    a.apply(xs.data(), dy.data(), xs.size(), true);
    for (std::size_t i = 0; i < xs.size(); ++i) {
      char line[96];
      std::snprintf(line, sizeof line, "%s %08" PRIx32 " %08" PRIx32 " %08" PRIx32 "\n", a.id,
                    actlab::bit_cast<std::uint32_t>(xs[i]), actlab::bit_cast<std::uint32_t>(y[i]),
                    actlab::bit_cast<std::uint32_t>(dy[i]));
      out << line;
    }
  }
}

std::vector<GoldenLine> parse_golden(const std::string& text) {
  std::vector<GoldenLine> lines;
  util::for_each_data_line(text, [&lines](const std::string& line, int number) -> std::string {
    GoldenLine g;
    std::istringstream ls(line);
    std::string x, f, df;
    if (!(ls >> g.id >> x >> f >> df) || x.size() != 8 || f.size() != 8 || df.size() != 8)
      throw std::runtime_error("golden file line " + std::to_string(number) + ": expected '<id> <x> <f> <df>'");
    g.x = std::uint32_t(std::stoul(x, nullptr, 16));
    g.f = std::uint32_t(std::stoul(f, nullptr, 16));
    g.df = std::uint32_t(std::stoul(df, nullptr, 16));
    lines.push_back(g);
    return "";
  });
  return lines;
}

}  // namespace actlab
