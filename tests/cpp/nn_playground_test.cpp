// nn_playground_test.cpp — the playground's engine calls of issue 9: own data (the "custom" set
// and its CSV reader with exact messages for malformed rows), the bound on one stepEpochs /
// stepBatches call, every neuron's grid in one call, dead units over the training set, the
// confusion matrix and the learning-rate schedules. Runs natively and as wasm under Node.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "actlab/data/csv.hpp"
#include "actlab/nn/points.hpp"
#include "actlab/nn/views.hpp"
#include "actlab/util/limits.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

data::CsvPoints csv(const std::string& text, int classes = 3, bool regression = false, double limit = 2.5) {
  return data::read_points_csv(text, {regression, classes, limit});
}

// Twelve own points, two classes (left orange, right blue), as a config.
std::string custom_config(const std::string& extra_training = "") {
  return R"({"dataset":{"name":"custom","classes":2,"train_ratio":0.5,"seed":3,"points":[
      -1,-1,0, -1.2,0.5,0, -0.8,1,0, -1.5,0,0, -0.9,-0.3,0, -1.1,1.3,0,
      1,1,1, 1.2,-0.5,1, 0.8,-1,1, 1.5,0,1, 0.9,0.3,1, 1.1,-1.3,1]},
    "network":{"hidden":[{"units":4,"activation":"tanh"}],"seed":2},
    "training":{"optimizer":"adam","learning_rate":0.05,"batch":2,"seed":5)" + extra_training + "}}";
}

}  // namespace

TEST_CASE("CSV points: header optional, CRLF, BOM, blank lines, quotes and spaces", "[data][csv]") {
  auto a = csv("x,y,label\n0.5,-1,1\n\n  -2.5 , 2.5 , \"2\" \r\n1e-1,+.5,0");
  REQUIRE(a.error == "");
  CHECK(a.header);
  CHECK(a.rows == 3);
  CHECK(a.max_label == 2);
  CHECK(a.points == std::vector<float>{0.5f, -1.f, 1.f, -2.5f, 2.5f, 2.f, 0.1f, 0.5f, 0.f});
  auto b = csv("\xEF\xBB\xBF" "1,2,0\r2,1,1\r\n");
  REQUIRE(b.error == "");
  CHECK_FALSE(b.header);
  CHECK(b.rows == 2);
  auto r = csv("x,y,t\n0,0,-3.25\n1,1,1e3\n", 3, true);
  REQUIRE(r.error == "");
  CHECK(r.points[2] == -3.25f);
  CHECK(r.points[5] == 1000.f);
}

TEST_CASE("CSV points: a malformed row is named by line and column and nothing is returned", "[data][csv]") {
  const std::string head = "x,y,label\n0,0,0\n1,1,1\n0.5,0.5,1\n0,1,0\n1,0,1\n";
  auto bad = csv(head + "0.2,abc,1\n1,1,1\n");
  CHECK(bad.error == "line 7, column 2: 'abc' is not a number");
  CHECK(bad.points.empty());
  CHECK(bad.rows == 0);
  CHECK(csv("1,2\n").error == "line 1: expected 3 values (x,y,label), got 2");
  CHECK(csv("1,2,0,4\n").error == "line 1: expected 3 values (x,y,label), got 4");
  CHECK(csv("0,0,0\n1,,1\n").error == "line 2, column 2: the value is missing");
  CHECK(csv("0,0,3\n").error == "line 1, column 3: '3' is not a class (a whole number from 0 to 2)");
  CHECK(csv("0,0,1.5\n").error == "line 1, column 3: '1.5' is not a class (a whole number from 0 to 2)");
  CHECK(csv("0,0,-1\n").error == "line 1, column 3: '-1' is not a class (a whole number from 0 to 2)");
  CHECK(csv("3.7,0,1\n").error == "line 1, column 1: '3.7' is outside [-2.5, 2.5] (the playground's plane)");
  CHECK(csv("0,1e400,1\n").error == "line 1, column 2: '1e400' is outside [-2.5, 2.5] (the playground's plane)");
  CHECK(csv("0,0,20000\n", 3, true).error == "line 1, column 3: '20000' is outside [-10000, 10000]");
  CHECK(csv("0x1,0,1\n").error == "line 1, column 1: '0x1' is not a number");
  CHECK(csv("inf,0,1\n").error == "line 1, column 1: 'inf' is not a number");
  CHECK(csv("nan,0,1\n").error == "line 1, column 1: 'nan' is not a number");
  CHECK(csv("1,2,x\n").error == "line 1, column 3: 'x' is not a number");  // a header needs all three fields to be words
  CHECK(csv("\x01\xff,0,1\n").error == "line 1, column 1: '?" "?' is not a number");
  CHECK(csv("").error == "the file has no points");
  CHECK(csv("x,y,label\n\n").error == "the file has a header but no points");
  CHECK(csv(std::string(300, '1') + ",0,0\n").error == "line 1 has 304 characters; at most 256 are read");
  std::string many;
  for (int i = 0; i <= limits::kMaxCustomPoints; ++i) many += "0,0,1\n";
  CHECK(csv(many).error == "line 10001: more than 10000 points (the most a playground set holds)");
  CHECK(csv(std::string(limits::kCsvMaxBytes + 1, '\n')).error == "the file has 1048577 bytes; at most 1048576 are read");
}

TEST_CASE("CSV points: what write_points_csv writes reads back to the same floats", "[data][csv]") {
  const std::vector<float> p = {0.1f, -2.4999f, 1.f, 1.f / 3.f, 2.f / 7.f, 0.f, -0.f, 1e-7f, 2.f};
  std::string text = data::write_points_csv(p.data(), 3);
  CHECK(text.rfind("x,y,label\n0.100000001,-2.4999001,1\n", 0) == 0);
  auto back = csv(text);
  REQUIRE(back.error == "");
  CHECK(back.header);
  REQUIRE(back.points.size() == p.size());
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(back.points[i] == p[i]);
  CHECK(data::read_points_csv_json("1,1,4\n", {false, 10, 2.5}) == R"({"points":[1,1,4],"rows":1,"header":false,"classes":5})");
  CHECK(data::read_points_csv_json("1,1\n", {false, 10, 2.5}) == R"({"error":"line 1: expected 3 values (x,y,label), got 2"})");
}

TEST_CASE("CSV points: 10,000 rows (the most a set holds) read back exactly, and one bad row among them is named", "[data][csv]") {
  // Points on a fixed lattice written by the engine's writer: every value must come back as the
  // same float, in order, and the largest label sets the class count.
  std::vector<float> p;
  for (int i = 0; i < limits::kMaxCustomPoints; ++i) {
    p.push_back(static_cast<float>(i % 101) * 0.0493f - 2.49f);
    p.push_back(static_cast<float>(i / 101) * -0.0251f + 1.25f);
    p.push_back(static_cast<float>(i % 3));
  }
  const std::string text = data::write_points_csv(p.data(), p.size() / 3);
  auto r = csv(text);
  REQUIRE(r.error == "");
  CHECK(r.header);
  CHECK(r.rows == limits::kMaxCustomPoints);
  CHECK(r.classes == 3);
  CHECK(r.points == p);
  // Row 7,501 (line 7,502 after the header) broken in its second value: nothing is returned.
  std::string broken = text;
  std::size_t at = 0;
  for (int line = 1; line < 7502; ++line) at = broken.find('\n', at) + 1;
  const std::size_t comma = broken.find(',', at);
  REQUIRE(comma != std::string::npos);
  broken[comma + 1] = 'q';  // (not replace(): GCC 12's -Wrestrict misread it as a huge overlapping copy)
  auto bad = csv(broken);
  CHECK(bad.error.rfind("line 7502, column 2: 'q", 0) == 0);
  CHECK(bad.points.empty());
  CHECK(bad.rows == 0);
  CHECK(bad.classes == 0);
}

TEST_CASE("the custom set trains on the caller's points and exports them in the model file", "[nn][custom]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(custom_config()) == "");
  CHECK(t.dataset().n_train() == 6);
  CHECK(t.dataset().n_test() == 6);
  CHECK(t.dataset().task == data::Task::Binary);
  // Every own point lands in one split, with its label.
  std::vector<float> pts(3 * 6);
  REQUIRE(nn::copy_points(t, false, pts.data(), pts.size()) == 6);
  for (std::size_t i = 0; i < 6; ++i) CHECK(pts[3 * i + 2] == (pts[3 * i] > 0 ? 1.f : 0.f));
  for (int e = 0; e < 60; ++e) REQUIRE(t.run_epoch());
  CHECK(t.evaluate(true).accuracy == 1.0);
  // Export → import → continue equals continuing.
  std::string file = t.export_json();
  CHECK(file.find(R"("name":"custom")") != std::string::npos);
  CHECK(file.find(R"("task":"classification")") != std::string::npos);
  nn::Trainer u;
  REQUIRE(u.import_json(file) == "");
  for (int k = 0; k < 5; ++k) { t.step(); u.step(); }
  CHECK(u.export_json() == t.export_json());

  // Regression and K classes.
  REQUIRE(t.configure_json(R"({"dataset":{"name":"custom","task":"regression","points":[0,0,0.5, 1,1,-2, 2,0,3, 0,2,1]}})") == "");
  CHECK(t.dataset().task == data::Task::Regression);
  REQUIRE(t.configure_json(R"({"dataset":{"name":"custom","classes":3,"points":[0,0,0, 1,1,1, 2,0,2, 0,2,1]}})") == "");
  CHECK(t.dataset().task == data::Task::Multiclass);
  CHECK(t.network().outputs() == 3);
}

TEST_CASE("custom points that do not fit are refused naming the point, and the old run stays", "[nn][custom]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(custom_config()) == "");
  auto refuse = [&](const std::string& dataset) { return t.configure_json(R"({"dataset":)" + dataset + "}"); };
  CHECK(refuse(R"({"name":"custom","points":[0,0,0]})") == "dataset.points: the custom set needs at least 2 points (got 1)");
  CHECK(refuse(R"({"name":"custom","points":[0,0,0,1,1]})") == "dataset.points must hold x, y, label triples (got 5 numbers)");
  CHECK(refuse(R"({"name":"custom","points":[0,0,0,1,1,2]})") == "dataset.points[1]: label 2 is not a class of 2 (a whole number from 0 to 1)");
  CHECK(refuse(R"({"name":"custom","points":[0,0,0,1,1,0.5]})") == "dataset.points[1]: label 0.5 is not a class of 2 (a whole number from 0 to 1)");
  CHECK(refuse(R"({"name":"custom","points":[0,0,0,1e5,1,1]})") == "dataset.points[1]: x must be a finite number in [-10000, 10000]");
  CHECK(refuse(R"({"name":"custom","task":"regression","points":[0,0,0,1,1,1e9]})") == "dataset.points[1]: the target must be a finite number in [-10000, 10000]");
  CHECK(refuse(R"({"name":"custom","points":[0,0,"a"]})") == "config.dataset.points[0] must hold numbers only");
  CHECK(refuse(R"({"name":"custom","task":"sorting","points":[0,0,0,1,1,1]})") ==
        "config.dataset.task \"sorting\" is not accepted (accepted: classification, regression)");
  CHECK(refuse(R"({"name":"circle","points":[0,0,0,1,1,1]})") == "dataset.points and dataset.task are for the custom set only (dataset.name is \"circle\")");
  CHECK(t.dataset().name == "custom");
  CHECK(t.dataset().n_train() == 6);
}

TEST_CASE("one stepEpochs or stepBatches call is bounded: 2^31 - 1 is refused with a message", "[nn][limits]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":500},"network":{"hidden":[{"units":8},{"units":8}]},
      "training":{"batch":10}})") == "");
  CHECK(t.step_budget_error(true, 10) == "");
  CHECK(t.step_budget_error(false, 1000) == "");
  CHECK(t.step_budget_error(true, 2147483647.0) ==
        "2147483647 epochs are 53687091175 optimiser steps; one call may run at most 1000000 (ask again, or in smaller slices)");
  CHECK(t.step_budget_error(false, 2147483647.0) ==
        "2147483647 batches are 2147483647 optimiser steps; one call may run at most 1000000 (ask again, or in smaller slices)");
  CHECK(t.step_budget_error(true, 20000) == "");   // 500,000 steps, 5e6 samples × 105 parameters
  CHECK(t.step_budget_error(true, 40001) ==
        "40001 epochs are 1000025 optimiser steps; one call may run at most 1000000 (ask again, or in smaller slices)");
  // One batch an epoch: the work bound (samples × parameters) is the one that bites.
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":500},"network":{"hidden":[{"units":8},{"units":8}]},
      "training":{"batch":250}})") == "");
  CHECK(t.step_budget_error(true, 40000) == "");
  CHECK(t.step_budget_error(true, 41000) ==
        "41000 epochs are 1.08e+09 samples x parameters of work; one call may run at most 1073741824 (ask again, or in smaller slices)");
  CHECK(t.step_budget_error(true, -1) == "epochs must be a whole number from 0 to 2147483647");
  CHECK(t.step_budget_error(false, 1.5) == "batches must be a whole number from 0 to 2147483647");
  CHECK(t.step_budget_error(false, NAN) == "batches must be a whole number from 0 to 2147483647");
}

TEST_CASE("neuron_grids gives every neuron's output over the plane in one call", "[nn][views]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"spiral","classes":3,"samples":150},
      "network":{"hidden":[{"units":5,"activation":"relu"},{"units":3,"activation":"tanh"}]},"training":{"batch":8}})") == "");
  t.run_epoch();
  CHECK(nn::neuron_count(t) == 11u);
  const int res = 12;
  std::vector<float> all(static_cast<std::size_t>(res) * res * 11, NAN), grid(static_cast<std::size_t>(res) * res * 3);
  REQUIRE(nn::neuron_grids(t, res, -2.5, 2.5, -2, 3, all.data(), all.size()) == "");
  REQUIRE(t.decision_grid(res, -2.5, 2.5, -2, 3, grid.data()) == "");
  // The last 3 neurons are the head: the decision grid, re-laid out neuron by neuron.
  for (int r = 0; r < res; ++r)
    for (int c = 0; c < res; ++c)
      for (int k = 0; k < 3; ++k) CHECK(all[((8 + k) * res + r) * res + c] == grid[(r * res + c) * 3 + k]);
  for (int u = 0; u < 5; ++u)  // ReLU outputs are ≥ 0; tanh in [-1, 1]
    for (int i = 0; i < res * res; ++i) CHECK(all[u * res * res + i] >= 0.f);
  for (int u = 5; u < 8; ++u)
    for (int i = 0; i < res * res; ++i) CHECK(std::fabs(all[u * res * res + i]) <= 1.f);
  CHECK(nn::neuron_grids(t, 101, -1, 1, -1, 1, all.data(), all.size()) == "neuronGrids: resolution must be in [1, 100], got 101");
  CHECK(nn::neuron_grids(t, res, 1, -1, -1, 1, all.data(), all.size()) == "neuronGrids: the domain must be finite with x1 > x0 and y1 > y0");
  CHECK(nn::neuron_grids(t, res, -1, 1, -1, 1, all.data(), all.size() - 1) == "neuronGrids: the output buffer needs res*res*neurons floats");
  nn::Trainer big;
  REQUIRE(big.configure_json(R"({"network":{"hidden":[{"units":64},{"units":64},{"units":64},{"units":64},{"units":64},{"units":64},
      {"units":64},{"units":64}]}})") == "");
  CHECK(nn::neuron_grids(big, 100, -1, 1, -1, 1, nullptr, 0) ==
        "neuronGrids: 100² points × 513 neurons is more than 4194304 values; ask for a lower resolution");
}

TEST_CASE("frame_grids: the decision grid and every neuron's grid from one pass, same bits as the two calls", "[nn][views]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"spiral","classes":3,"samples":150},
      "network":{"hidden":[{"units":5,"activation":"tanh"},{"units":3,"activation":"relu"}]},"training":{"batch":8}})") == "");
  t.run_epoch();
  const int res = 17;
  const std::size_t cells = static_cast<std::size_t>(res) * res;
  std::vector<float> grid(cells * 3, NAN), neurons(cells * 11, NAN), grid2(cells * 3), neurons2(cells * 11);
  REQUIRE(nn::frame_grids(t, res, -2.5, 2.5, -2, 3, grid.data(), grid.size(), neurons.data(), neurons.size()) == "");
  REQUIRE(t.decision_grid(res, -2.5, 2.5, -2, 3, grid2.data()) == "");
  REQUIRE(nn::neuron_grids(t, res, -2.5, 2.5, -2, 3, neurons2.data(), neurons2.size()) == "");
  CHECK(std::memcmp(grid.data(), grid2.data(), grid.size() * sizeof(float)) == 0);
  CHECK(std::memcmp(neurons.data(), neurons2.data(), neurons.size() * sizeof(float)) == 0);
  CHECK(nn::frame_grids(t, res, -1, 1, -1, 1, grid.data(), grid.size() - 1, neurons.data(), neurons.size()) ==
        "frameGrids: the grid buffer needs res*res*outputs floats");
  CHECK(nn::frame_grids(t, res, -1, 1, -1, 1, nullptr, 0, neurons.data(), neurons.size()) ==
        "frameGrids: the grid buffer needs res*res*outputs floats");
  CHECK(nn::frame_grids(t, res, -1, 1, -1, 1, grid.data(), grid.size(), neurons.data(), neurons.size() - 1) ==
        "frameGrids: the output buffer needs res*res*neurons floats");
  CHECK(nn::frame_grids(t, 101, -1, 1, -1, 1, grid.data(), grid.size(), neurons.data(), neurons.size()) ==
        "frameGrids: resolution must be in [1, 100], got 101");
  nn::Trainer none;
  CHECK(nn::frame_grids(none, res, -1, 1, -1, 1, grid.data(), grid.size(), neurons.data(), neurons.size()) ==
        "frameGrids: the trainer is not configured");
}

TEST_CASE("dead units: never active on the whole training set, counted by the engine", "[nn][views]") {
  nn::Trainer t;
  // bias −10 with Xavier weights on inputs in [−2.5, 2.5]: every ReLU unit of layer 1 has z < 0 everywhere.
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":600},"network":{"hidden":[{"units":6,"activation":"relu"},
      {"units":4,"activation":"tanh"}],"bias_init":-10}})") == "");
  nn::UnitActivity a = nn::unit_activity(t);
  CHECK(a.samples == 300u);
  REQUIRE(a.active.size() == 2u);
  CHECK(a.active[0] == std::vector<int>(6, 0));
  CHECK(a.active[1] == std::vector<int>(4, 300));  // tanh′ > 0 everywhere
  CHECK(nn::unit_activity_json(t) ==
        R"({"samples":300,"layers":[{"units":6,"active":[0,0,0,0,0,0],"dead":[0,1,2,3,4,5]},{"units":4,"active":[300,300,300,300],"dead":[]}]})");
  REQUIRE(t.configure_json(R"({"dataset":{"name":"circle","samples":600},"network":{"hidden":[{"units":6,"activation":"relu"}]}})") == "");
  a = nn::unit_activity(t);
  int alive = 0;
  for (int c : a.active[0]) alive += c > 0;
  CHECK(alive > 0);
}

TEST_CASE("confusion matrix: rows true class, columns predicted, its diagonal is the accuracy", "[nn][views]") {
  nn::Trainer t;
  REQUIRE(t.configure_json(R"({"dataset":{"name":"blobs","classes":4,"samples":400},"network":{"hidden":[{"units":8,"activation":"tanh"}]},
      "training":{"optimizer":"adam","learning_rate":0.03,"batch":16}})") == "");
  for (int e = 0; e < 5; ++e) t.run_epoch();
  for (bool test : {false, true}) {
    int K = 0;
    std::vector<int> m = nn::confusion_matrix(t, test, K);
    REQUIRE(K == 4);
    REQUIRE(m.size() == 16u);
    int total = 0, diag = 0;
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) { total += m[i * 4 + j]; diag += i == j ? m[i * 4 + j] : 0; }
    CHECK(total == 200);
    CHECK(static_cast<double>(diag) / total == t.evaluate(test).accuracy);
  }
  REQUIRE(t.configure_json(R"({"dataset":{"name":"plane"}})") == "");
  CHECK(nn::confusion_json(t, true) == R"({"classes":0,"test":true,"counts":[]})");
}

TEST_CASE("learning-rate schedules: constant, step decay and cosine, per finished epoch", "[nn][schedule]") {
  nn::TrainSpec s;
  s.learning_rate = 0.1f;
  CHECK(nn::scheduled_learning_rate(s, 1000) == 0.1f);
  s.schedule = nn::Schedule::Step;
  s.decay_every = 10;
  s.decay_rate = 0.5f;
  CHECK(nn::scheduled_learning_rate(s, 9) == 0.1f);
  CHECK(nn::scheduled_learning_rate(s, 10) == 0.05f);
  CHECK(nn::scheduled_learning_rate(s, 25) == 0.025f);
  CHECK(nn::scheduled_learning_rate(s, 2000000000) == 0.f);  // 0.5^200,000,000 underflows
  s.schedule = nn::Schedule::Cosine;
  s.schedule_epochs = 100;
  s.min_learning_rate = 0.01f;
  CHECK(nn::scheduled_learning_rate(s, 0) == 0.1f);
  CHECK(nn::scheduled_learning_rate(s, 50) == Approx(0.055).epsilon(1e-6));
  CHECK(nn::scheduled_learning_rate(s, 100) == Approx(0.01).epsilon(1e-6));
  CHECK(nn::scheduled_learning_rate(s, 5000) == nn::scheduled_learning_rate(s, 100));

  // In a run: the optimiser uses the epoch's rate; the config round-trips through the model file.
  nn::Trainer t, u;
  REQUIRE(t.configure_json(custom_config(R"(,"schedule":"step","decay_every":2,"decay_rate":0.1)")) == "");
  REQUIRE(u.configure_json(custom_config()) == "");
  CHECK(t.learning_rate_now() == 0.05f);
  for (int e = 0; e < 2; ++e) { t.run_epoch(); u.run_epoch(); }
  CHECK(t.export_json() != "");
  CHECK(t.learning_rate_now() == static_cast<float>(static_cast<double>(0.05f) * static_cast<double>(0.1f)));
  t.step();
  u.step();
  CHECK(t.network().layers()[0].W != u.network().layers()[0].W);
  const std::string file = t.export_json();
  CHECK(file.find(R"("schedule":"step","decay_every":2,"decay_rate":0.100000001)") != std::string::npos);
  nn::Trainer v;
  REQUIRE(v.import_json(file) == "");
  for (int k = 0; k < 9; ++k) { t.step(); v.step(); }
  CHECK(v.export_json() == t.export_json());
  CHECK(t.configure_json(custom_config(R"(,"schedule":"cosine","min_learning_rate":0.5)")) ==
        "config.training.min_learning_rate must not exceed learning_rate");
  CHECK(t.configure_json(custom_config(R"(,"schedule":"linear")")) ==
        "config.training.schedule \"linear\" is not accepted (accepted: constant, step, cosine)");
}
