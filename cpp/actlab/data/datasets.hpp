// datasets.hpp — the seeded toy datasets of the playground and the 8×8 digits, with noise,
// train/test split and engineered input features.
//
// Every set is generated from one DatasetSpec by the engine's own Rng (rng.hpp) and
// detmath's sin/cos/exp/log, so the same spec gives the same bytes on every target.
// Layout: x is row-major [n][dims] float, y holds one float per sample:
//   Binary      label 0 or 1 (the trainer maps it to ±1 for a tanh head)
//   Multiclass  class index 0..K-1 as a float
//   Regression  the target value
// Two-dimensional sets keep the raw points ([n][2]) for plotting next to the features.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace actlab::data {

enum class Task { Binary, Multiclass, Regression };
const char* task_name(Task t);

struct DatasetSpec {
  std::string name = "circle";   // see dataset_names()
  int samples = 0;               // total before the split; 0 = the set's default: 500 for the
                                 // 2-D sets, all 1797 for digits (fewer keeps a seeded subset)
  double noise = 0.0;            // see each set in datasets.cpp; 0 = clean
  int classes = 2;               // spiral and blobs: K in [2, 10]; ignored by the others
  double train_ratio = 0.5;      // share of samples in the training set, in [0.05, 0.95]
  std::uint64_t seed = 1;
  std::vector<std::string> features = {"x", "y"};  // 2-D sets: any of feature_names()
  // "custom": the caller's own 2-D points as x, y, label triples (a learner's clicks or a CSV
  // file, data/csv.hpp). The label is a class index 0..classes-1 (classes in [2, 10]; 2 is a
  // binary set), or the target when `regression`. samples and noise are ignored; the split is
  // the same seeded permutation as for the generated sets. At least 2 and at most
  // limits::kMaxCustomPoints points, coordinates and targets finite within ±limits::kMaxCustomValue.
  std::vector<float> points;
  bool regression = false;
};

struct Dataset {
  std::string name;
  Task task = Task::Binary;
  int dims = 0;                  // inputs per sample (number of features)
  int classes = 2;               // K (2 for binary); 1 for regression
  std::vector<std::string> features;
  std::vector<float> x_train, y_train, x_test, y_test;
  std::vector<float> raw_train, raw_test;  // [n][2] points before features (2-D sets only)
  std::size_t n_train() const { return y_train.size(); }
  std::size_t n_test() const { return y_test.size(); }
};

// "circle, xor, blobs, spiral, moons, checkerboard, plane, bumps, digits" (the generated sets and the
// digits; make_dataset also accepts "custom", the caller's own points)
const std::vector<std::string>& dataset_names();
// "x, y, x2, y2, xy, sinx, siny"
const std::vector<std::string>& feature_names();

// Returns "" or a message naming the bad field ("dataset.noise must be in [0, 5], got 7").
// "digits" needs the bytes of public/data/digits8x8.bin: use make_digits().
std::string make_dataset(const DatasetSpec& spec, Dataset& out);
// Checks the points of a "custom" spec (count, finiteness, range, labels); "" or a message
// naming the first bad point ("dataset.points[4]: label 3 is not a class of 3 (0 to 2)").
std::string check_custom_points(const DatasetSpec& spec);

// Validates `features` (known names, no repeats, at least one).
std::string check_features(const std::vector<std::string>& features);
// A validated feature name resolved once, so per-point loops (datasets, decision grids) compare
// no strings: the grid of a 100x100 playground frame spent 1.3 ms of 2.1 ms on those compares.
enum class Feature : unsigned char { X, Y, X2, Y2, XY, SinX, SinY };
std::vector<Feature> resolve_features(const std::vector<std::string>& features);
// The engineered features of one 2-D point, in the order of `features`, into out.
void compute_features(const std::vector<Feature>& features, double x, double y, float* out);

}  // namespace actlab::data
