// data_datasets_test.cpp — the seeded datasets: sizes, split, labels, determinism, features,
// noise; the 8×8 digits file (checked field by field, and its malformed variants); and the
// engine's deterministic elementary functions and RNG against libm / statistics.
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "actlab/data/datasets.hpp"
#include "actlab/data/digits.hpp"
#include "actlab/data/rng.hpp"
#include "actlab/util/detmath.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("detmath exp/log/sin/cos agree with libm to a few ulp of double", "[data][detmath]") {
  data::Rng r(3);
  double worst[4] = {0, 0, 0, 0};
  for (int i = 0; i < 20000; ++i) {
    double x = (r.uniform_d() * 2 - 1) * 50;
    double y = std::exp((r.uniform_d() * 2 - 1) * 600);
    worst[0] = std::fmax(worst[0], std::fabs(detmath::exp(x) - std::exp(x)) / std::exp(x));
    worst[1] = std::fmax(worst[1], std::fabs(detmath::log(y) - std::log(y)) / std::fmax(1.0, std::fabs(std::log(y))));
    worst[2] = std::fmax(worst[2], std::fabs(detmath::sin(x) - std::sin(x)));
    worst[3] = std::fmax(worst[3], std::fabs(detmath::cos(x) - std::cos(x)));
  }
  CHECK(worst[0] < 1e-15);
  CHECK(worst[1] < 1e-15);
  CHECK(worst[2] < 1e-15);
  CHECK(worst[3] < 1e-15);
  CHECK(detmath::exp(0.0) == 1.0);
  CHECK(detmath::log(1.0) == 0.0);
  CHECK(detmath::exp(-1000.0) == 0.0);
  CHECK(std::isinf(detmath::exp(1000.0)));
  CHECK(std::isinf(detmath::log(0.0)));
  CHECK(std::isnan(detmath::log(-1.0)));
  CHECK(std::fabs(detmath::log(5e-324) - std::log(5e-324)) < 1e-12);
  CHECK(std::isnan(detmath::sin(1e7)));
}

TEST_CASE("the RNG is seeded, uniform and normal", "[data][rng]") {
  data::Rng a(42), b(42), c(43);
  for (int i = 0; i < 10; ++i) {
    std::uint32_t x = a.next_u32();
    CHECK(x == b.next_u32());
    CHECK(x != c.next_u32());
  }
  data::Rng r(1);
  double s = 0, s2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) { double v = r.normal(); s += v; s2 += v * v; }
  CHECK(std::fabs(s / n) < 0.01);
  CHECK(std::fabs(s2 / n - 1) < 0.01);
  int counts[7] = {};
  for (int i = 0; i < 70000; ++i) counts[r.below(7)]++;
  for (int k : counts) CHECK(std::abs(k - 10000) < 400);
  for (int i = 0; i < 1000; ++i) {
    float u = r.uniform();
    CHECK((u >= 0.f && u < 1.f));
  }
}

TEST_CASE("every 2-D dataset is seeded, split and labelled as documented", "[data]") {
  for (const std::string& name : data::dataset_names()) {
    if (name == "digits") continue;
    data::DatasetSpec s;
    s.name = name;
    s.samples = 301;
    s.classes = 3;
    s.train_ratio = 0.7;
    s.noise = 0.1;
    data::Dataset d, e;
    INFO(name);
    REQUIRE(data::make_dataset(s, d) == "");
    REQUIRE(data::make_dataset(s, e) == "");
    CHECK(d.x_train == e.x_train);
    CHECK(d.y_test == e.y_test);
    CHECK(d.n_train() + d.n_test() == 301);
    CHECK(d.n_train() == 211);
    CHECK(d.dims == 2);
    CHECK(d.x_train.size() == d.n_train() * 2);
    CHECK(d.raw_test.size() == d.n_test() * 2);
    std::vector<int> per_class(static_cast<std::size_t>(d.classes), 0);
    for (float y : d.y_train) {
      REQUIRE(std::isfinite(y));
      if (d.task != data::Task::Regression) {
        REQUIRE(y == std::floor(y));
        REQUIRE((y >= 0 && y < d.classes));
        per_class[static_cast<std::size_t>(y)]++;
      }
    }
    if (d.task != data::Task::Regression)
      for (int c : per_class) CHECK(c > 20);  // every class is present in the training set
    s.seed = 2;
    REQUIRE(data::make_dataset(s, e) == "");
    CHECK(d.x_train != e.x_train);
  }
}

TEST_CASE("dataset labels follow their definitions on clean data", "[data]") {
  data::DatasetSpec s;
  s.samples = 400;
  data::Dataset d;
  s.name = "circle";
  REQUIRE(data::make_dataset(s, d) == "");
  for (std::size_t i = 0; i < d.n_train(); ++i) {
    float x = d.x_train[2 * i], y = d.x_train[2 * i + 1];
    CHECK((x >= -2 && x <= 2 && y >= -2 && y <= 2));
    CHECK(d.y_train[i] == (double(x) * x + double(y) * y < 1.5 ? 1.f : 0.f));
  }
  s.name = "xor";
  REQUIRE(data::make_dataset(s, d) == "");
  for (std::size_t i = 0; i < d.n_train(); ++i) CHECK(d.y_train[i] == (d.x_train[2 * i] * d.x_train[2 * i + 1] > 0 ? 1.f : 0.f));
  s.name = "plane";
  REQUIRE(data::make_dataset(s, d) == "");
  CHECK(d.task == data::Task::Regression);
  for (std::size_t i = 0; i < d.n_train(); ++i)
    CHECK(std::fabs(d.y_train[i] - 0.5 * (double(d.x_train[2 * i]) + d.x_train[2 * i + 1])) < 1e-6);
  s.name = "spiral";
  s.classes = 5;
  REQUIRE(data::make_dataset(s, d) == "");
  CHECK(d.task == data::Task::Multiclass);
  CHECK(d.classes == 5);
}

TEST_CASE("engineered features are computed in the requested order", "[data]") {
  data::DatasetSpec s;
  s.name = "moons";
  s.samples = 50;
  s.features = {"siny", "xy", "x2", "y", "x", "y2", "sinx"};
  data::Dataset d;
  REQUIRE(data::make_dataset(s, d) == "");
  CHECK(d.dims == 7);
  for (std::size_t i = 0; i < d.n_train(); ++i) {
    double x = d.raw_train[2 * i], y = d.raw_train[2 * i + 1];
    const float* f = &d.x_train[i * 7];
    CHECK(std::fabs(f[0] - std::sin(y)) < 1e-6);
    CHECK(std::fabs(f[1] - x * y) < 1e-5);
    CHECK(std::fabs(f[2] - x * x) < 1e-5);
    CHECK(f[3] == static_cast<float>(y));
    CHECK(f[4] == static_cast<float>(x));
    CHECK(std::fabs(f[5] - y * y) < 1e-5);
    CHECK(std::fabs(f[6] - std::sin(x)) < 1e-6);
  }
  CHECK(data::check_features({"x", "z"}).find("unknown feature \"z\"") != std::string::npos);
  CHECK(data::check_features({}).find("at least one") != std::string::npos);
}

TEST_CASE("bad dataset specs are rejected with the field named", "[data]") {
  data::Dataset d;
  data::DatasetSpec s;
  s.name = "spirals";
  CHECK(data::make_dataset(s, d).find("dataset.name") == 0);
  s.name = "circle";
  s.samples = 3;
  CHECK(data::make_dataset(s, d).find("dataset.samples") == 0);
  s.samples = 100;
  s.noise = -1;
  CHECK(data::make_dataset(s, d).find("dataset.noise") == 0);
  s.noise = 0;
  s.train_ratio = 1;
  CHECK(data::make_dataset(s, d).find("dataset.train_ratio") == 0);
  s.train_ratio = 0.5;
  s.name = "blobs";
  s.classes = 11;
  CHECK(data::make_dataset(s, d).find("dataset.classes") == 0);
}

TEST_CASE("the 8x8 digits load from bytes, and broken files are rejected", "[data][digits]") {
  std::ifstream f(std::string(ACTLAB_SOURCE_DIR) + "/public/data/digits8x8.bin", std::ios::binary);
  REQUIRE(f.good());
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)), {});
  REQUIRE(bytes.size() == 12 + 1797 * 65);
  data::DatasetSpec s;
  s.train_ratio = 0.8;
  data::Dataset d;
  REQUIRE(data::make_digits(bytes, s, d) == "");
  CHECK(d.n_train() + d.n_test() == 1797);
  CHECK(d.n_train() == 1438);
  CHECK(d.dims == 64);
  CHECK(d.classes == 10);
  int counts[10] = {};
  double pixel_sum = 0;
  for (float y : d.y_train) counts[static_cast<int>(y)]++;
  for (float y : d.y_test) counts[static_cast<int>(y)]++;
  for (float p : d.x_train) pixel_sum += p * 16;
  for (float p : d.x_test) pixel_sum += p * 16;
  const int expect[10] = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};  // the UCI class counts
  for (int k = 0; k < 10; ++k) CHECK(counts[k] == expect[k]);
  CHECK(pixel_sum == 561718);  // sum of every pixel of digits.csv.gz
  s.samples = 500;
  REQUIRE(data::make_digits(bytes, s, d) == "");
  CHECK(d.n_train() + d.n_test() == 500);

  auto broken = bytes;
  broken[0] = 'X';
  CHECK(data::make_digits(broken, s, d).find("bad magic") != std::string::npos);
  broken = bytes;
  broken.pop_back();
  CHECK(data::make_digits(broken, s, d).find("does not match count") != std::string::npos);
  broken = bytes;
  broken[12 + 65 * 3 + 5] = 17;
  CHECK(data::make_digits(broken, s, d).find("pixel out of range in image 3") != std::string::npos);
  broken = bytes;
  broken[12 + 65 * 7 + 64] = 10;
  CHECK(data::make_digits(broken, s, d).find("label out of range in image 7") != std::string::npos);
  broken = bytes;
  broken[10] = 9;
  CHECK(data::make_digits(broken, s, d).find("8x8") != std::string::npos);
  CHECK(data::make_digits(std::span<const std::uint8_t>(bytes.data(), 5), s, d).find("too short") != std::string::npos);
}
