// art.cpp — `actlab art`: renders the art studio's picture to a binary PPM, prints its hash,
// times the renderer, or writes the cross-target golden file.
//
//   actlab art [--config JSON | --config-file F] [--size WxH] [--z Z] [--out file.ppm] [--hash]
//              [--scalar] [--bench] [--golden]
//     --size    image size, default 256x256 (each side 1..16384)
//     --z       the animation input z, default 0
//     --out     write a binary PPM (P6, RGB; alpha is always 255 and dropped)
//     --hash    print the FNV-1a 64 hash of the RGBA bytes (what the tests and the web compare)
//     --scalar  use the one-lane back end (same bytes, slower)
//     --bench   ms per frame and Mpixel/s, SIMD and scalar back ends (best and median of the runs)
//     --golden  write tests/golden/art_hashes.txt's content to stdout (other flags not allowed)
// With neither --out, --hash nor --bench, --hash is implied. Bad input: a message, exit code 2.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/art/golden.hpp"
#include "actlab/art/renderer.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {
namespace {

int fail(const std::string& msg) {
  print_error("art", msg);
  return 2;
}

bool parse_size(const std::string& s, int& w, int& h) {
  const auto x = s.find('x');
  if (x == std::string::npos) return false;
  char* end = nullptr;
  const long a = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + x) return false;
  const long b = std::strtol(s.c_str() + x + 1, &end, 10);
  if (*end != '\0' || x + 1 == s.size()) return false;
  if (a < 1 || a > art::kMaxImageSide || b < 1 || b > art::kMaxImageSide) return false;
  w = static_cast<int>(a);
  h = static_cast<int>(b);
  return true;
}

// Writes the image as P6, rendering bands of rows so memory stays small at 16384².
std::string write_ppm(const art::Renderer& r, const std::string& path, int w, int h, double z, Backend b) {
  std::ofstream f(path, std::ios::binary);
  if (!f) return "cannot open '" + path + "' for writing";
  f << "P6\n" << w << ' ' << h << "\n255\n";
  const int band = std::max(1, 65536 / w);
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(band) * 4);
  std::vector<char> rgb;
  for (int y0 = 0; y0 < h; y0 += band) {
    const int rows = std::min(band, h - y0);
    if (std::string e = r.render(w, h, 0, y0, w, rows, z, rgba.data(), rgba.size(), b); !e.empty()) return e;
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(rows);
    rgb.resize(n * 3);
    for (std::size_t k = 0; k < n; ++k)
      for (int c = 0; c < 3; ++c) rgb[3 * k + static_cast<std::size_t>(c)] = static_cast<char>(rgba[4 * k + static_cast<std::size_t>(c)]);
    f.write(rgb.data(), static_cast<std::streamsize>(rgb.size()));
  }
  if (!f) return "write to '" + path + "' failed";
  return "";
}

// Renders the whole image `runs` times (after one warm-up) and prints best and median ms per frame.
void bench(const art::Renderer& r, int w, int h, double z, Backend b, const char* label) {
  std::vector<std::uint8_t> buf(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  using ms = std::chrono::duration<double, std::milli>;
  std::vector<double> times;
  (void)r.render(w, h, 0, 0, w, h, z, buf.data(), buf.size(), b);
  const auto t_end = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (times.size() < 5 || (times.size() < 200 && std::chrono::steady_clock::now() < t_end)) {
    const auto t0 = std::chrono::steady_clock::now();
    (void)r.render(w, h, 0, 0, w, h, z, buf.data(), buf.size(), b);
    times.push_back(ms(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  const double best = times.front(), median = times[times.size() / 2];
  const double mpix = static_cast<double>(w) * h / (best * 1e3);
  std::printf("%-7s %dx%d: best %.2f ms/frame, median %.2f ms (%zu frames), %.1f Mpixel/s\n", label, w, h, best,
              median, times.size(), mpix);
}

}  // namespace

int cmd_art(std::span<char* const> args) {
  std::string config = "{}";
  bool have_config = false, want_hash = false, want_bench = false, want_golden = false;
  std::string out_path;
  int w = 256, h = 256;
  double z = 0.0;
  Backend backend = Backend::Simd;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--config" || a == "--config-file") {
      if (have_config) return fail("give --config or --config-file once");
      if (!value(v)) return fail(a + " needs a value");
      have_config = true;
      if (a == "--config") {
        config = v;
      } else {
        if (std::string e = read_bounded(v, art::kMaxConfigBytes, config); !e.empty()) return fail("--config-file: " + e);
      }
    } else if (a == "--size") {
      if (!value(v) || !parse_size(v, w, h))
        return fail("--size needs WxH with each side an integer in [1, " + std::to_string(art::kMaxImageSide) + "], e.g. 256x256");
    } else if (a == "--z") {
      char* end = nullptr;
      if (!value(v)) return fail("--z needs a number");
      z = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !std::isfinite(z)) return fail("--z: must be a finite number, got '" + v + "'");
    } else if (a == "--out") {
      if (!value(out_path)) return fail("--out needs a file name");
    } else if (a == "--hash") {
      want_hash = true;
    } else if (a == "--bench") {
      want_bench = true;
    } else if (a == "--scalar") {
      backend = Backend::Scalar;
    } else if (a == "--golden") {
      want_golden = true;
    } else {
      return fail("unknown argument '" + a +
                  "' (accepted: --config, --config-file, --size, --z, --out, --hash, --scalar, --bench, --golden)");
    }
  }
  if (want_golden) {
    if (args.size() != 1) return fail("--golden takes no other arguments");
    if (std::string e = art::write_golden(std::cout); !e.empty()) return fail(e);
    return 0;
  }

  art::Renderer r;
  if (std::string e = r.configure(config); !e.empty()) return fail(e);
  if (!out_path.empty())
    if (std::string e = write_ppm(r, out_path, w, h, z, backend); !e.empty()) return fail(e);
  if (want_hash || (out_path.empty() && !want_bench)) {
    std::uint64_t hv = 0;
    if (std::string e = r.hash(w, h, z, hv, backend); !e.empty()) return fail(e);
    std::printf("%s\n", art::hex64(hv).c_str());
  }
  if (want_bench) {
    std::printf("actlab art --bench: %s, depth %d x width %d\n", art::to_json(r.config()).c_str(), r.config().depth,
                r.config().width);
    bench(r, w, h, z, Backend::Simd, "simd");
    bench(r, w, h, z, Backend::Scalar, "scalar");
  }
  return 0;
}

}  // namespace actlab::cli
