// digits.cpp — parses digits8x8.bin (layout in digits.hpp) into a Dataset: validates the
// header and every pixel and label, scales pixels to [0, 1] (÷16, exact in float), and splits
// train/test with a seeded shuffle.
#include "actlab/data/digits.hpp"

#include <cstring>
#include <vector>

#include "actlab/data/rng.hpp"

namespace actlab::data {

std::string make_digits(std::span<const std::uint8_t> bytes, const DatasetSpec& spec, Dataset& out) {
  constexpr std::size_t kHeader = 12;
  if (bytes.size() < kHeader) return "digits: file too short for its 12-byte header";
  if (std::memcmp(bytes.data(), "ACTLDIG1", 8) != 0) return "digits: bad magic (expected \"ACTLDIG1\")";
  std::size_t count = bytes[8] | (static_cast<std::size_t>(bytes[9]) << 8);
  int rows = bytes[10], cols = bytes[11];
  if (rows != 8 || cols != 8) return "digits: image size must be 8x8";
  if (count < 10) return "digits: count too small";
  const std::size_t rec = 65;
  if (bytes.size() != kHeader + count * rec)
    return "digits: size " + std::to_string(bytes.size()) + " does not match count " + std::to_string(count) +
           " (expected " + std::to_string(kHeader + count * rec) + " bytes)";
  if (!(spec.train_ratio >= 0.05 && spec.train_ratio <= 0.95)) return "dataset.train_ratio must be in [0.05, 0.95]";
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* r = bytes.data() + kHeader + i * rec;
    for (int k = 0; k < 64; ++k)
      if (r[k] > 16) return "digits: pixel out of range in image " + std::to_string(i);
    if (r[64] > 9) return "digits: label out of range in image " + std::to_string(i);
  }
  Rng rng(spec.seed);
  std::vector<std::uint32_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<std::uint32_t>(i);
  rng.shuffle(order);
  std::size_t n = count;
  if (spec.samples != 0 && spec.samples < 20) return "dataset.samples must be 0 (all) or at least 20 for digits";
  if (spec.samples != 0 && static_cast<std::size_t>(spec.samples) < count) n = static_cast<std::size_t>(spec.samples);
  std::size_t n_train = static_cast<std::size_t>(static_cast<double>(n) * spec.train_ratio + 0.5);
  if (n_train < 1) n_train = 1;
  if (n_train >= n) n_train = n - 1;

  Dataset d;
  d.name = "digits";
  d.task = Task::Multiclass;
  d.classes = 10;
  d.dims = 64;
  for (int k = 0; k < 64; ++k) d.features.push_back("p" + std::to_string(k / 8) + std::to_string(k % 8));
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint8_t* r = bytes.data() + kHeader + order[k] * rec;
    auto& X = k < n_train ? d.x_train : d.x_test;
    for (int p = 0; p < 64; ++p) X.push_back(static_cast<float>(r[p]) * 0.0625f);
    (k < n_train ? d.y_train : d.y_test).push_back(static_cast<float>(r[64]));
  }
  out = std::move(d);
  return "";
}

}  // namespace actlab::data
