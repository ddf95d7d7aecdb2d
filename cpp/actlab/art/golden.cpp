// golden.cpp — the art golden cases, and writing/parsing tests/golden/art_hashes.txt (golden.hpp).
#include "actlab/art/golden.hpp"

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <sstream>

#include "actlab/art/renderer.hpp"
#include "actlab/util/data_lines.hpp"

namespace actlab::art {

std::vector<GoldenCase> golden_cases() {
  return {
      {"{}", 64, 64, 0.0f},
      {"{\"seed\":7,\"colorMode\":\"hsv\"}", 64, 64, 0.25f},
      {"{\"seed\":7,\"colorMode\":\"gray\"}", 64, 64, 0.25f},
      {"{\"seed\":42,\"depth\":6,\"width\":24,\"activation\":[\"relu\",\"gelu\",\"sigmoid\",\"swish\",\"elu\",\"mish\"]}", 96, 40, -1.5f},
      {"{\"seed\":3,\"activation\":\"step\",\"weightScale\":3}", 64, 64, 0.0f},
      {"{\"seed\":9,\"depth\":8,\"width\":8,\"activation\":[\"softsign\",\"softplus\",\"leaky_relu\",\"selu\",\"gelu_tanh\",\"hard_swish\",\"relu6\",\"identity\"]}", 50, 70, 2.0f},
      {"{\"seed\":123456789,\"width\":5,\"useR\":false,\"useZ\":false,\"zoom\":4.5}", 33, 17, 0.0f},
      {"{\"seed\":4294967295,\"depth\":16,\"width\":64,\"activation\":\"relu\",\"weightScale\":20}", 24, 24, 1.0f},
  };
}

std::string write_golden(std::ostream& out) {
  out << "# Activation Lab art golden file: FNV-1a 64 of the RGBA bytes per case, written by the native\n"
         "# build (`./build/native/actlab art --golden > tests/golden/art_hashes.txt`), recomputed by the\n"
         "# wasm build (tests/cpp/art_golden_test.cpp).\n"
         "# <hash> <imageW> <imageH> <z> <config JSON>\n";
  for (const GoldenCase& c : golden_cases()) {
    Renderer r;
    if (std::string e = r.configure(c.config); !e.empty()) return "golden case " + c.config + ": " + e;
    std::uint64_t h = 0;
    if (std::string e = r.hash(c.image_w, c.image_h, c.z, h); !e.empty()) return "golden case " + c.config + ": " + e;
    char z[32];
    std::snprintf(z, sizeof z, "%.9g", static_cast<double>(c.z));
    out << hex64(h) << ' ' << c.image_w << ' ' << c.image_h << ' ' << z << ' ' << c.config << '\n';
  }
  return "";
}

std::string parse_golden(const std::string& text, std::vector<GoldenLine>& out) {
  return util::for_each_data_line(text, [&out](const std::string& line, int number) -> std::string {
    std::istringstream ls(line);
    std::string hash, z, config;
    GoldenLine g{};
    if (!(ls >> hash >> g.c.image_w >> g.c.image_h >> z >> config) || hash.size() != 16)
      return "line " + std::to_string(number) + ": expected '<16 hex digits> <imageW> <imageH> <z> <config>'";
    char* end = nullptr;
    g.hash = std::strtoull(hash.c_str(), &end, 16);
    if (*end != '\0') return "line " + std::to_string(number) + ": bad hash '" + hash + "'";
    g.c.z = std::strtof(z.c_str(), &end);
    if (*end != '\0') return "line " + std::to_string(number) + ": bad z '" + z + "'";
    g.c.config = config;
    out.push_back(g);
    return "";
  });
}

}  // namespace actlab::art
