// points.cpp — see points.hpp. Copies only; the labels are the dataset's own (not the head's ±1).
#include "actlab/nn/points.hpp"

namespace actlab::nn {

std::size_t point_count(const Trainer& t, bool test) {
  if (!t.ready()) return 0;
  const data::Dataset& d = t.dataset();
  const auto& raw = test ? d.raw_test : d.raw_train;
  const std::size_t n = test ? d.n_test() : d.n_train();
  return raw.size() == 2 * n ? n : 0;
}

std::size_t copy_points(const Trainer& t, bool test, float* out, std::size_t capacity) {
  const std::size_t n = point_count(t, test);
  if (n == 0 || capacity < 3 * n) return 0;
  const data::Dataset& d = t.dataset();
  const auto& raw = test ? d.raw_test : d.raw_train;
  const auto& y = test ? d.y_test : d.y_train;
  for (std::size_t i = 0; i < n; ++i) {
    out[3 * i] = raw[2 * i];
    out[3 * i + 1] = raw[2 * i + 1];
    out[3 * i + 2] = y[i];
  }
  return n;
}

}  // namespace actlab::nn
