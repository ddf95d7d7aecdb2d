// views.cpp — see views.hpp.
#include "actlab/nn/views.hpp"

#include <algorithm>
#include <cmath>

#include "actlab/util/json.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::nn {

std::size_t neuron_count(const Trainer& t) {
  if (!t.ready()) return 0;
  std::size_t n = 0;
  for (const Layer& l : t.network().layers()) n += static_cast<std::size_t>(l.out);
  return n;
}

namespace {

// The one forward pass behind neuron_grids and frame_grids: every neuron's grid into `out`
// [unit][row][col] and, when `grid` is not null, the output layer's values into `grid`
// [row][col][output] exactly as Trainer::decision_grid lays them out (same inputs, same
// forward, so the same bits). `name` prefixes the messages.
std::string grids_pass(const char* name, Trainer& t, int res, double x0, double x1, double y0, double y1, float* out,
                       std::size_t capacity, float* grid, std::size_t grid_capacity) {
  const std::string n = name;
  if (!t.ready()) return n + ": the trainer is not configured";
  const data::Dataset& d = t.dataset();
  if (d.name == "digits") return n + ": the digits dataset has no 2-D input space";
  if (res < 1 || res > limits::kMaxNeuronGridRes)
    return n + ": resolution must be in [1, " + std::to_string(limits::kMaxNeuronGridRes) + "], got " + std::to_string(res);
  if (!(std::isfinite(x0) && std::isfinite(x1) && std::isfinite(y0) && std::isfinite(y1) && x1 > x0 && y1 > y0))
    return n + ": the domain must be finite with x1 > x0 and y1 > y0";
  const std::size_t units = neuron_count(t), cells = static_cast<std::size_t>(res) * static_cast<std::size_t>(res);
  if (cells * units > limits::kMaxNeuronGridFloats)
    return n + ": " + std::to_string(res) + "² points × " + std::to_string(units) + " neurons is more than " +
           std::to_string(limits::kMaxNeuronGridFloats) + " values; ask for a lower resolution";
  if (capacity < cells * units) return n + ": the output buffer needs res*res*neurons floats";
  Network& net = t.network();
  const std::size_t K = static_cast<std::size_t>(net.outputs());
  if (grid != nullptr && grid_capacity < cells * K) return n + ": the grid buffer needs res*res*outputs floats";
  const int dims = d.dims;
  std::vector<float> X(static_cast<std::size_t>(res) * static_cast<std::size_t>(dims));
  const std::vector<data::Feature> feats = data::resolve_features(d.features);
  for (int r = 0; r < res; ++r) {
    const double y = y1 - (r + 0.5) * (y1 - y0) / res;
    for (int c = 0; c < res; ++c) {
      const double x = x0 + (c + 0.5) * (x1 - x0) / res;
      data::compute_features(feats, x, y, X.data() + static_cast<std::size_t>(c) * dims);
    }
    net.forward(X.data(), res, false);  // inference: no f′ needed
    std::size_t u0 = 0;
    for (const Layer& l : net.layers()) {
      for (int j = 0; j < l.out; ++j)
        for (int c = 0; c < res; ++c)
          out[((u0 + static_cast<std::size_t>(j)) * res + static_cast<std::size_t>(r)) * res + static_cast<std::size_t>(c)] =
              l.A[static_cast<std::size_t>(c) * l.out + static_cast<std::size_t>(j)];
      u0 += static_cast<std::size_t>(l.out);
    }
    if (grid != nullptr) std::copy_n(net.output(), static_cast<std::size_t>(res) * K, grid + static_cast<std::size_t>(r) * res * K);
  }
  return "";
}

}  // namespace

std::string neuron_grids(Trainer& t, int res, double x0, double x1, double y0, double y1, float* out, std::size_t capacity) {
  return grids_pass("neuronGrids", t, res, x0, x1, y0, y1, out, capacity, nullptr, 0);
}

std::string frame_grids(Trainer& t, int res, double x0, double x1, double y0, double y1, float* grid, std::size_t grid_capacity,
                        float* neurons, std::size_t capacity) {
  if (grid == nullptr) return "frameGrids: the grid buffer needs res*res*outputs floats";
  return grids_pass("frameGrids", t, res, x0, x1, y0, y1, neurons, capacity, grid, grid_capacity);
}

UnitActivity unit_activity(Trainer& t) {
  UnitActivity a;
  if (!t.ready()) return a;
  Network& net = t.network();
  const auto& layers = net.layers();
  const std::size_t hidden = layers.empty() ? 0 : layers.size() - 1;
  for (std::size_t k = 0; k < hidden; ++k) a.active.emplace_back(static_cast<std::size_t>(layers[k].out), 0);
  const data::Dataset& d = t.dataset();
  const std::size_t n = d.n_train();
  constexpr int kChunk = 256;
  for (std::size_t first = 0; first < n; first += kChunk) {
    const int count = static_cast<int>(std::min<std::size_t>(kChunk, n - first));
    net.forward(d.x_train.data() + first * static_cast<std::size_t>(d.dims), count);
    for (std::size_t k = 0; k < hidden; ++k) {
      const Layer& l = layers[k];
      for (int s = 0; s < count; ++s)
        for (int j = 0; j < l.out; ++j) a.active[k][static_cast<std::size_t>(j)] += l.Fp[static_cast<std::size_t>(s) * l.out + j] != 0.f;
    }
  }
  a.samples = n;
  return a;
}

std::vector<int> confusion_matrix(Trainer& t, bool test, int& classes) {
  classes = 0;
  if (!t.ready()) return {};
  const data::Dataset& d = t.dataset();
  if (d.task == data::Task::Regression) return {};
  Network& net = t.network();
  const int K = d.classes < 2 ? 2 : d.classes, outs = net.outputs();
  classes = K;
  std::vector<int> m(static_cast<std::size_t>(K) * static_cast<std::size_t>(K), 0);
  const auto& X = test ? d.x_test : d.x_train;
  const auto& Y = test ? d.y_test : d.y_train;
  const std::size_t n = Y.size();
  constexpr int kChunk = 256;
  for (std::size_t first = 0; first < n; first += kChunk) {
    const int count = static_cast<int>(std::min<std::size_t>(kChunk, n - first));
    net.forward(X.data() + first * static_cast<std::size_t>(d.dims), count, false);  // inference: no f′ needed
    const float* o = net.output();
    for (int s = 0; s < count; ++s) {
      int pred = predicted_class(net.head(), o + static_cast<std::size_t>(s) * outs, outs);
      if (net.head() == Head::IdentityMse) pred = o[static_cast<std::size_t>(s) * outs] >= 0.5f ? 1 : 0;  // as Trainer::evaluate
      int y = static_cast<int>(Y[first + static_cast<std::size_t>(s)]);
      if (pred >= 0 && pred < K && y >= 0 && y < K) ++m[static_cast<std::size_t>(y) * K + static_cast<std::size_t>(pred)];
    }
  }
  return m;
}

std::string unit_activity_json(Trainer& t) {
  using json::Value;
  UnitActivity a = unit_activity(t);
  Value root = Value::object();
  root.set("samples", Value::number(static_cast<double>(a.samples)));
  Value layers = Value::array();
  for (const auto& l : a.active) {
    Value o = Value::object(), act = Value::array(), dead = Value::array();
    for (std::size_t j = 0; j < l.size(); ++j) {
      act.push(Value::number(l[j]));
      if (l[j] == 0 && a.samples > 0) dead.push(Value::number(static_cast<double>(j)));
    }
    o.set("units", Value::number(static_cast<double>(l.size())));
    o.set("active", std::move(act));
    o.set("dead", std::move(dead));
    layers.push(std::move(o));
  }
  root.set("layers", std::move(layers));
  return json::write(root);
}

std::string confusion_json(Trainer& t, bool test) {
  using json::Value;
  int K = 0;
  std::vector<int> m = confusion_matrix(t, test, K);
  Value root = Value::object(), counts = Value::array();
  for (int c : m) counts.push(Value::number(c));
  root.set("classes", Value::number(K));
  root.set("test", Value::boolean(test));
  root.set("counts", std::move(counts));
  return json::write(root);
}

}  // namespace actlab::nn
