// nn_golden_test.cpp — cross-target identity of the trainer: seeded runs of N steps must give
// bit-identical losses and weights natively (SSE2) and in wasm (SIMD128).
//
// golden_text() runs a fixed list of short trainings (every head, optimiser, regulariser and
// several activations, including the transcendental ones) plus the RNG and the datasets, and
// prints their results as hex bit patterns. tests/golden/nn_train.txt holds the native output;
// both targets compare against it line by line. To regenerate it after an intended change
// (native build only):  ACTLAB_UPDATE_GOLDEN=1 build/native/actlab_tests "[golden]"
#include "actlab/simd/bits.hpp"
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actlab/data/datasets.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/nn/trainer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

const std::string kGoldenPath = std::string(ACTLAB_SOURCE_DIR) + "/tests/golden/nn_train.txt";

std::string hex32(float f) {
  char b[16];
  std::snprintf(b, sizeof b, "%08x", actlab::bit_cast<std::uint32_t>(f));
  return b;
}
std::string hex64(double d) {
  char b[24];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(actlab::bit_cast<std::uint64_t>(d)));
  return b;
}
// FNV-1a over the bit patterns of a float array.
std::string hash(const std::vector<float>& v) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (float f : v) {
    std::uint32_t u = actlab::bit_cast<std::uint32_t>(f);
    for (int k = 0; k < 4; ++k) { h ^= (u >> (8 * k)) & 0xFF; h *= 0x100000001b3ull; }
  }
  char b[24];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(h));
  return b;
}

std::vector<std::uint8_t> read_digits() {
  std::ifstream f(std::string(ACTLAB_SOURCE_DIR) + "/public/data/digits8x8.bin", std::ios::binary);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(f), {});
}

struct Run {
  const char* name;
  const char* config;
  int epochs;
};

const Run kRuns[] = {
    {"circle-tanh-adam",
     R"({"dataset":{"name":"circle","samples":200,"noise":0.05,"seed":3},
         "network":{"hidden":[{"units":8,"activation":"tanh"},{"units":8,"activation":"tanh"}],"head":"sigmoid_bce","init":"xavier","seed":5},
         "training":{"optimizer":"adam","learning_rate":0.03,"batch":10,"seed":7}})", 3},
    {"spiral3-relu-gelu-momentum-l2",
     R"({"dataset":{"name":"spiral","samples":150,"classes":3,"noise":0.02,"seed":4},
         "network":{"hidden":[{"units":12,"activation":"relu"},{"units":9,"activation":"gelu"}],"head":"softmax_ce","init":"he","seed":6},
         "training":{"optimizer":"momentum","learning_rate":0.05,"momentum":0.9,"regularization":"l2","lambda":0.001,"batch":8,"seed":8}})", 3},
    {"xor-prelu-unit-tanhmse-sgd-l1",
     R"({"dataset":{"name":"xor","samples":120,"seed":5,"features":["x","y","xy","sinx"]},
         "network":{"hidden":[{"units":6,"activation":"prelu"}],"head":"tanh_mse","init":"lecun","prelu_alpha":"unit","bias_init":0.1,"seed":7},
         "training":{"optimizer":"sgd","learning_rate":0.1,"regularization":"l1","lambda":0.0005,"batch":4,"seed":9}})", 3},
    {"bumps-swish-mish-elu-identity-adam",
     R"({"dataset":{"name":"bumps","samples":160,"noise":0.05,"seed":6,"features":["x","y","x2","y2","siny"]},
         "network":{"hidden":[{"units":7,"activation":"swish","params":[1.5]},{"units":5,"activation":"mish"},{"units":5,"activation":"elu"}],"head":"identity_mse","init":"uniform","init_scale":0.4,"seed":8},
         "training":{"optimizer":"adam","learning_rate":0.01,"batch":16,"seed":10}})", 3},
    {"moons-sigmoid-softplus-selu-adam",
     R"({"dataset":{"name":"moons","samples":100,"noise":0.1,"seed":7},
         "network":{"hidden":[{"units":5,"activation":"sigmoid"},{"units":5,"activation":"softplus"},{"units":4,"activation":"selu"},{"units":4,"activation":"gelu_tanh"}],"head":"softmax_ce","seed":9},
         "training":{"optimizer":"adam","learning_rate":0.02,"batch":7,"seed":11}})", 2},
    {"digits-selu-adam",
     R"({"dataset":{"name":"digits","samples":300,"train_ratio":0.8,"seed":8},
         "network":{"hidden":[{"units":16,"activation":"selu"}],"head":"softmax_ce","init":"lecun","seed":10},
         "training":{"optimizer":"adam","learning_rate":0.01,"batch":32,"seed":12}})", 2},
};

}  // namespace

std::string golden_text() {
  std::ostringstream o;
  o << "# Activation Lab trainer golden file: bit patterns written natively, compared by wasm.\n";
  o << "# Regenerate: ACTLAB_UPDATE_GOLDEN=1 build/native/actlab_tests \"[golden]\"\n";
  {
    data::Rng r(12345);
    o << "rng.u32";
    for (int k = 0; k < 6; ++k) o << ' ' << r.next_u32();
    o << "\nrng.normal";
    for (int k = 0; k < 6; ++k) o << ' ' << hex64(r.normal());
    o << "\n";
  }
  for (const std::string& name : data::dataset_names()) {
    if (name == "digits") continue;
    data::DatasetSpec s;
    s.name = name;
    s.samples = 60;
    s.noise = 0.1;
    s.classes = 3;
    s.features = {"x", "y", "xy", "sinx", "siny"};
    data::Dataset d;
    std::string e = data::make_dataset(s, d);
    o << "data." << name << ' ' << (e.empty() ? "" : e) << hash(d.x_train) << ' ' << hash(d.y_train) << ' ' << hash(d.x_test)
      << ' ' << hash(d.y_test) << "\n";
  }
  std::vector<std::uint8_t> digits = read_digits();
  for (const Run& run : kRuns) {
    nn::Trainer t;
    t.set_digits_bytes(digits);
    std::string e = t.configure_json(run.config);
    if (!e.empty()) { o << run.name << " error " << e << "\n"; continue; }
    o << run.name << ".init";
    for (const auto& l : t.network().layers()) o << ' ' << hash(l.W);
    o << "\n" << run.name << ".loss";
    for (int k = 0; k < run.epochs; ++k) {
      t.run_epoch();
      o << ' ' << hex64(t.last_epoch_loss());
    }
    nn::Metrics m = t.evaluate(true);
    o << "\n" << run.name << ".test " << hex64(m.loss) << ' ' << hex64(m.accuracy) << "\n";
    for (std::size_t k = 0; k < t.network().layers().size(); ++k) {
      const auto& l = t.network().layers()[k];
      o << run.name << ".layer" << k << ' ' << hash(l.W) << ' ' << hash(l.b) << ' ' << hash(l.alpha);
      for (std::size_t i = 0; i < 3 && i < l.W.size(); ++i) o << ' ' << hex32(l.W[i]);
      o << "\n";
    }
    std::vector<float> opt;
    for (const auto& tensor : t.optimizer().slots())
      for (const auto& slot : tensor) opt.insert(opt.end(), slot.begin(), slot.end());
    o << run.name << ".optimizer " << hash(opt) << "\n";
  }
  return o.str();
}

TEST_CASE("seeded training is bit-identical to the native golden file", "[nn][golden]") {
  const std::string now = golden_text();
#ifndef __EMSCRIPTEN__
  if (const char* up = std::getenv("ACTLAB_UPDATE_GOLDEN"); up && std::string(up) == "1") {
    std::ofstream(kGoldenPath, std::ios::binary) << now;
    WARN("wrote " << kGoldenPath);
  }
#endif
  std::ifstream f(kGoldenPath, std::ios::binary);
  if (!f.good()) FAIL("missing " << kGoldenPath << ": run ACTLAB_UPDATE_GOLDEN=1 build/native/actlab_tests \"[golden]\" natively");
  std::string want((std::istreambuf_iterator<char>(f)), {});
  std::istringstream a(now), b(want);
  std::string la, lb;
  int line = 0;
  while (true) {
    bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    ++line;
    if (!ga && !gb) break;
    INFO("line " << line << " of " << kGoldenPath << " (regenerate natively if the kernels changed on purpose)");
    REQUIRE(la == lb);
  }
  CHECK(now.find("error") == std::string::npos);
}
