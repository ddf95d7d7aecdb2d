// points.hpp — a trainer's samples as the playground draws them: per sample its raw 2-D point
// (before features) and its label (class index, or the regression target), train or test split.
#pragma once

#include <cstddef>

#include "actlab/nn/trainer.hpp"

namespace actlab::nn {

// Number of samples in the split (0 before configure or for sets without 2-D points, e.g. digits).
std::size_t point_count(const Trainer& t, bool test);

// Writes point_count(t, test) triples x, y, label into `out` (3 floats per sample, in the
// dataset's order) and returns the number of samples written; writes nothing and returns 0
// when `capacity` (floats) is too small.
std::size_t copy_points(const Trainer& t, bool test, float* out, std::size_t capacity);

}  // namespace actlab::nn
