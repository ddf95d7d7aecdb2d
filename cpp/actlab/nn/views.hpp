// views.hpp — what the playground draws besides the decision map, each computed by the engine
// in one call: every neuron's output over the input plane (the thumbnails), each hidden unit's
// activity on the whole training set (dead units), and the confusion matrix of a split.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "actlab/nn/trainer.hpp"

namespace actlab::nn {

// Units whose grids neuron_grids() writes: every hidden layer's units, then the output layer's.
std::size_t neuron_count(const Trainer& t);

// Every neuron's output A (the activation's value; the head's for the output layer) on the
// res×res grid of trainer.hpp's decision_grid (top row first), neuron after neuron in layer
// order: out[(u·res + r)·res + c]. One forward pass per grid row computes all of them.
// res in [1, limits::kMaxNeuronGridRes], res²·neuron_count() ≤ limits::kMaxNeuronGridFloats;
// `capacity` floats must hold them. "" or a message.
std::string neuron_grids(Trainer& t, int res, double x0, double x1, double y0, double y1, float* out, std::size_t capacity);

// One frame of the playground from ONE forward pass per grid row: the decision grid into
// `grid` (res·res·outputs floats, laid out as Trainer::decision_grid: [row][col][output]) and
// every neuron's grid into `neurons` (as neuron_grids). Same bits as calling decision_grid and
// neuron_grids separately; the limits are neuron_grids'. "" or a message ("frameGrids: …").
std::string frame_grids(Trainer& t, int res, double x0, double x1, double y0, double y1, float* grid, std::size_t grid_capacity,
                        float* neurons, std::size_t capacity);

// Per hidden layer, per unit: on how many training samples the unit is active, i.e. f′(z) ≠ 0
// (the health probe's definition: a unit with f′ = 0 on every sample passes no gradient). A unit
// active on none is dead: it never fires on the training set. Over the WHOLE training set, in
// chunks of 256 samples (forward only).
struct UnitActivity {
  std::size_t samples = 0;                 // training samples looked at
  std::vector<std::vector<int>> active;    // [hidden layer][unit]
};
UnitActivity unit_activity(Trainer& t);

// K×K counts, row = true class, column = predicted class (argmax), over a split; empty for
// regression. K = the dataset's classes (2 for binary).
std::vector<int> confusion_matrix(Trainer& t, bool test, int& classes);

// JSON for the bindings: {"samples", "layers": [{"units", "active": [...], "dead": [unit indices]}]}
// and {"classes", "counts": [K·K], "test"}.
std::string unit_activity_json(Trainer& t);
std::string confusion_json(Trainer& t, bool test);

}  // namespace actlab::nn
