// digits.hpp — loads the 8×8 handwritten digits (UCI "Optical Recognition of Handwritten
// Digits", CC BY 4.0; see public/data/digits8x8.txt) from the bytes of digits8x8.bin, so the
// browser can fetch the file and hand the bytes to the engine and the CLI can read it from disk.
//
// File layout (little-endian): "ACTLDIG1", uint16 count, uint8 rows (8), uint8 cols (8), then
// count records of rows·cols pixels (0..16) and one label (0..9). Every field is checked.
// The dataset: 64 inputs (pixel / 16, in [0, 1]), 10 classes, split by the spec's seed and
// train_ratio (spec.samples, when below the file's count, keeps a seeded subset).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "actlab/data/datasets.hpp"

namespace actlab::data {

inline constexpr int kDigitsCount = 1797;

// Returns "" or a message naming what is wrong with the bytes ("digits: truncated at image 12").
std::string make_digits(std::span<const std::uint8_t> bytes, const DatasetSpec& spec, Dataset& out);

}  // namespace actlab::data
