// nn.cpp — Embind bindings for the trainer and the probes (mechanical, no maths).
//
// JS gets:
//   class Trainer
//     configure(configJson): string            "" or an error naming the field (nothing kept on error)
//     setDigits(bytes: Uint8Array)              the bytes of public/data/digits8x8.bin (before configure)
//     stepEpochs(n): boolean                    false once training diverged, or when stepCheck refuses n
//     stepBatches(n): number                    batches done (stops early on divergence); -1 when refused
//     stepCheck(epochs: boolean, n): string     "" or why n epochs/batches are too much for one call
//                                               (limits::kMaxStepBatches steps, kMaxStepWork samples × parameters)
//     learningRate(): number                    the rate the next step uses (training.schedule)
//     neuronCount(), neuronGrids(res, x0, x1, y0, y1, out: F32Buffer): string
//                                               every neuron's output grid, neuron after neuron (nn/views.hpp)
//     unitsJson(), confusionJson(test)          dead units on the training set, confusion matrix (nn/views.hpp)
//     pointsCsv(): string                       every sample (train, then test) as x,y,label CSV
//     stepMs(ms): number                        whole batches until ms have passed; returns batches done,
//                                               -1 for a budget outside [0, 60000] (NaN, Infinity, 1e300)
//     epoch(), steps(), lastEpochLoss()
//     loss(test: boolean), accuracy(test: boolean)   mean loss / accuracy (NaN for regression)
//     outputs(): number                         values per grid point
//     grid(res, x0, x1, y0, y1, out: F32Buffer): string   res·res·outputs head outputs, top row first
//     statusJson(), healthJson(), weightsJson() see cpp/actlab/nn/report.hpp
//     exportJson(): string                      the model file, or an error message (never starting with '{')
//                                               when the state cannot be written (e.g. after divergence)
//     importJson(text): string                  "" or an error naming the field
//     setWeight(layer, row, col, value), setBias(layer, unit, value): string
//                                               "" or an error naming the index or value (Trainer::set_weight)
//     pointCount(test), points(test, out: F32Buffer): number   x, y, label per sample (nn/points.hpp)
//   class Race                                  the activation race (cpp/actlab/nn/race.hpp)
//     configure(specJson): string               "" or an error naming the field (nothing kept on error)
//     setDigits(bytes: Uint8Array)
//     step(rounds): number                      rounds run (each trains every contestant one epoch)
//     stepMs(ms): number                        whole rounds until ms have passed; -1 for a budget outside [0, 60000]
//     epoch(), contestants(), outputs()
//     reportJson(from): string                  report with history from epoch `from`
//     pointCount(test), points(test, out)       the race's data, as Trainer's
//     grid(contestant, res, x0, x1, y0, y1, out: F32Buffer): string
//   runProbe(kind, specJson): string            see cpp/actlab/probes/probe_json.hpp
//   class PointsCsv(text, regression, classes, coordLimit)   own points read from CSV (data/csv.hpp):
//     error(): string ("" or the first bad row's line and column), rows(), header(), classes(),
//     points(): Float32Array view of x, y, label per point (valid until the next allocation: copy it)
// Errors are returned as strings, never thrown (the browser module has no C++ exceptions).
#include <emscripten/bind.h>

#include <cmath>
#include <string>
#include <vector>

#include "actlab/data/csv.hpp"
#include "actlab/nn/points.hpp"
#include "actlab/nn/race.hpp"
#include "actlab/nn/views.hpp"
#include "actlab/nn/report.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/limits.hpp"
#include "bindings/f32buffer.hpp"

namespace {

using actlab::bindings::F32Buffer;

class TrainerBinding {
 public:
  std::string configure(const std::string& config) { return t_.configure_json(config); }
  void set_digits(const std::string& bytes) { t_.set_digits_bytes(std::vector<std::uint8_t>(bytes.begin(), bytes.end())); }
  bool step_epochs(int n) {
    if (!t_.step_budget_error(true, n).empty()) return false;
    for (int k = 0; k < n; ++k)
      if (!t_.run_epoch()) return false;
    return t_.ready();
  }
  std::string step_check(bool epochs, double n) const { return t_.step_budget_error(epochs, n); }
  double learning_rate() const { return t_.ready() ? t_.learning_rate_now() : NAN; }
  int neuron_count() const { return static_cast<int>(actlab::nn::neuron_count(t_)); }
  std::string neuron_grids(int res, double x0, double x1, double y0, double y1, F32Buffer& out) {
    if (!out.error().empty()) return "neuronGrids: " + out.error();
    return actlab::nn::neuron_grids(t_, res, x0, x1, y0, y1, out.data(), out.size());
  }
  // The playground's frame in one forward pass: the decision grid (as grid()) and every
  // neuron's grid (as neuronGrids()), same bits as the two calls.
  std::string frame_grids(int res, double x0, double x1, double y0, double y1, F32Buffer& grid, F32Buffer& neurons) {
    if (!grid.error().empty()) return "frameGrids: " + grid.error();
    if (!neurons.error().empty()) return "frameGrids: " + neurons.error();
    return actlab::nn::frame_grids(t_, res, x0, x1, y0, y1, grid.data(), grid.size(), neurons.data(), neurons.size());
  }
  std::string units_json() { return actlab::nn::unit_activity_json(t_); }
  std::string confusion_json(bool test) { return actlab::nn::confusion_json(t_, test); }
  std::string points_csv() const {
    std::vector<float> all;
    for (bool test : {false, true}) {
      std::vector<float> p(3 * actlab::nn::point_count(t_, test));
      actlab::nn::copy_points(t_, test, p.data(), p.size());
      all.insert(all.end(), p.begin(), p.end());
    }
    return actlab::data::write_points_csv(all.data(), all.size() / 3);
  }
  int step_batches(int n) {
    if (!t_.step_budget_error(false, n).empty()) return -1;
    int done = 0;
    while (done < n && t_.step()) ++done;
    return done;
  }
  int step_ms(double ms) {
    if (!(ms >= 0 && ms <= actlab::limits::kMaxStepMs)) return -1;  // refused: NaN, ±Inf, 1e300, negative
    return t_.run_for_ms(ms);
  }
  int epoch() const { return t_.epoch(); }
  double steps() const { return static_cast<double>(t_.steps()); }
  double last_epoch_loss() const { return t_.last_epoch_loss(); }
  double loss(bool test) { return t_.evaluate(test).loss; }
  double accuracy(bool test) { return t_.evaluate(test).accuracy; }
  int outputs() const { return t_.ready() ? t_.network().outputs() : 0; }
  std::string grid(int res, double x0, double x1, double y0, double y1, F32Buffer& out) {
    if (!out.error().empty()) return "grid: " + out.error();
    if (res < 1 || res > actlab::limits::kMaxGridRes) return "grid: resolution must be in [1, 2048]";
    if (out.size() < static_cast<std::size_t>(res) * res * static_cast<std::size_t>(outputs()))
      return "grid: the output buffer needs res*res*outputs() floats";
    return t_.decision_grid(res, x0, x1, y0, y1, out.data());
  }
  std::string status_json() { return actlab::nn::status_json(t_); }
  std::string health_json() { return actlab::nn::health_json(t_); }
  std::string weights_json() const { return actlab::nn::weights_json(t_); }
  std::string export_json() const {
    std::string e = t_.export_error();
    return e.empty() ? t_.export_json(false) : e;
  }
  std::string import_json(const std::string& text) { return t_.import_json(text); }
  std::string set_weight(int layer, int row, int col, double v) { return t_.set_weight(layer, row, col, v); }
  std::string set_bias(int layer, int unit, double v) { return t_.set_bias(layer, unit, v); }
  int point_count(bool test) const { return static_cast<int>(actlab::nn::point_count(t_, test)); }
  int points(bool test, F32Buffer& out) const { return static_cast<int>(actlab::nn::copy_points(t_, test, out.data(), out.size())); }

 private:
  actlab::nn::Trainer t_;
};

class RaceBinding {
 public:
  std::string configure(const std::string& spec) { return r_.configure_json(spec); }
  void set_digits(const std::string& bytes) { r_.set_digits_bytes(std::vector<std::uint8_t>(bytes.begin(), bytes.end())); }
  int step(int n) { return n < 0 ? 0 : r_.step(n); }
  int step_ms(double ms) { return r_.step_ms(ms); }
  int epoch() const { return r_.epoch(); }
  int contestants() const { return r_.ready() ? r_.contestants() : 0; }
  int outputs() { return r_.ready() ? r_.trainer(0, 0).network().outputs() : 0; }
  std::string report_json(int from) const { return r_.report_json(from); }
  // The race's data (the same for every contestant): x, y, label per sample (nn/points.hpp).
  int point_count(bool test) { return r_.ready() ? static_cast<int>(actlab::nn::point_count(r_.trainer(0, 0), test)) : 0; }
  int points(bool test, F32Buffer& out) {
    return r_.ready() ? static_cast<int>(actlab::nn::copy_points(r_.trainer(0, 0), test, out.data(), out.size())) : 0;
  }
  std::string grid(int contestant, int res, double x0, double x1, double y0, double y1, F32Buffer& out) {
    if (!out.error().empty()) return "grid: " + out.error();
    if (res < 1 || res > actlab::limits::kMaxGridRes) return "grid: resolution must be in [1, 2048]";
    if (out.size() < static_cast<std::size_t>(res) * res * static_cast<std::size_t>(outputs()))
      return "grid: the output buffer needs res*res*outputs() floats";
    return r_.grid(contestant, res, x0, x1, y0, y1, out.data());
  }

 private:
  actlab::nn::Race r_;
};

std::string run_probe(const std::string& kind, const std::string& spec) { return actlab::probes::run_probe_json(kind, spec); }
// The CSV reader's answer kept in wasm memory: the points go to JS as one typed-array copy
// instead of a JSON text (10,000 rows: see docs/benchmarks.md).
class PointsCsvBinding {
 public:
  PointsCsvBinding(const std::string& text, bool regression, int classes, double coord_limit)
      : r_(actlab::data::read_points_csv(text, {regression, classes, coord_limit})) {}
  std::string error() const { return r_.error; }
  int rows() const { return r_.rows; }
  bool header() const { return r_.header; }
  int classes() const { return r_.classes; }
  emscripten::val points() { return emscripten::val(emscripten::typed_memory_view(r_.points.size(), r_.points.data())); }

 private:
  actlab::data::CsvPoints r_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_nn) {
  using namespace emscripten;
  class_<TrainerBinding>("Trainer")
      .constructor<>()
      .function("configure", &TrainerBinding::configure)
      .function("setDigits", &TrainerBinding::set_digits)
      .function("stepEpochs", &TrainerBinding::step_epochs)
      .function("stepBatches", &TrainerBinding::step_batches)
      .function("stepMs", &TrainerBinding::step_ms)
      .function("epoch", &TrainerBinding::epoch)
      .function("steps", &TrainerBinding::steps)
      .function("lastEpochLoss", &TrainerBinding::last_epoch_loss)
      .function("loss", &TrainerBinding::loss)
      .function("accuracy", &TrainerBinding::accuracy)
      .function("outputs", &TrainerBinding::outputs)
      .function("grid", &TrainerBinding::grid)
      .function("statusJson", &TrainerBinding::status_json)
      .function("healthJson", &TrainerBinding::health_json)
      .function("weightsJson", &TrainerBinding::weights_json)
      .function("exportJson", &TrainerBinding::export_json)
      .function("importJson", &TrainerBinding::import_json)
      .function("setWeight", &TrainerBinding::set_weight)
      .function("setBias", &TrainerBinding::set_bias)
      .function("pointCount", &TrainerBinding::point_count)
      .function("points", &TrainerBinding::points)
      .function("stepCheck", &TrainerBinding::step_check)
      .function("learningRate", &TrainerBinding::learning_rate)
      .function("neuronCount", &TrainerBinding::neuron_count)
      .function("neuronGrids", &TrainerBinding::neuron_grids)
      .function("frameGrids", &TrainerBinding::frame_grids)
      .function("unitsJson", &TrainerBinding::units_json)
      .function("confusionJson", &TrainerBinding::confusion_json)
      .function("pointsCsv", &TrainerBinding::points_csv);
  class_<RaceBinding>("Race")
      .constructor<>()
      .function("configure", &RaceBinding::configure)
      .function("setDigits", &RaceBinding::set_digits)
      .function("step", &RaceBinding::step)
      .function("stepMs", &RaceBinding::step_ms)
      .function("epoch", &RaceBinding::epoch)
      .function("contestants", &RaceBinding::contestants)
      .function("outputs", &RaceBinding::outputs)
      .function("reportJson", &RaceBinding::report_json)
      .function("pointCount", &RaceBinding::point_count)
      .function("points", &RaceBinding::points)
      .function("grid", &RaceBinding::grid);
  function("runProbe", &run_probe);
  class_<PointsCsvBinding>("PointsCsv")
      .constructor<const std::string&, bool, int, double>()
      .function("error", &PointsCsvBinding::error)
      .function("rows", &PointsCsvBinding::rows)
      .function("header", &PointsCsvBinding::header)
      .function("classes", &PointsCsvBinding::classes)
      .function("points", &PointsCsvBinding::points);
}
