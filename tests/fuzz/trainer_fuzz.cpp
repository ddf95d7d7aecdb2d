// trainer_fuzz.cpp — libFuzzer target: trainer configure / import / export round trip.
// The first byte picks the path: even — the rest is a config (config_from_json, configure, a few
// batches, export, import into a fresh trainer, export again: the two files must be identical,
// and an export is never a file the import refuses); odd — the rest is a model file for
// import_json (a refusal keeps the previous state; an accepted file re-exports and re-imports).
// Configs that would take long per input (many samples or parameters) are skipped so the fuzzer
// explores parsing and checking rather than training; the bounds themselves are unit-tested.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "actlab/nn/trainer.hpp"

using namespace actlab;

namespace {

void round_trip(const nn::Trainer& t) {
  const std::string file = t.export_json();
  if (file.empty()) {
    if (t.export_error().empty()) std::abort();  // no file and no reason
    return;
  }
  nn::Trainer back;
  if (!back.import_json(file).empty()) std::abort();  // the engine refused its own file
  if (back.export_json() != file) std::abort();        // and it must read back exactly
}

long parameters(const nn::Config& c) {
  long total = 0, prev = 7;  // at most 7 input features
  for (const auto& h : c.network.hidden) { total += (prev + 1) * h.units; prev = h.units; }
  return total + (prev + 1) * 10;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    json::Value v;
    std::string err;
    if (!json::parse(text, v, err)) return 0;
    nn::Config c;
    if (!nn::config_from_json(v, c).empty()) return 0;
    if (c.dataset.samples > 256 || parameters(c) > 4096 || c.dataset.name == "digits") return 0;
    nn::Trainer t;
    if (!t.configure(c).empty()) return 0;
    for (int k = 0; k < 3 && t.step(); ++k) {}
    round_trip(t);
  } else {
    nn::Trainer t;
    if (!t.configure_json(R"({"dataset":{"name":"xor","samples":40},"network":{"hidden":[{"units":3}]}})").empty()) std::abort();
    const std::string before = t.export_json();
    if (t.import_json(text).empty()) {
      round_trip(t);
    } else if (t.export_json() != before) {
      std::abort();  // a refused file must leave the previous run untouched
    }
  }
  return 0;
}
