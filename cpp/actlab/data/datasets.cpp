// datasets.cpp — generators of the 2-D toy sets (classification and regression), the noise
// model, the engineered features and the seeded train/test split. The 8×8 digits live in
// digits.cpp. Domains follow TensorFlow Playground's spirit at a smaller scale; the circle is
// the curriculum's ("points in [−2,2]², label 1 inside x²+y² < 1.5").
//
// Noise: classification sets add N(0, (noise·h)²) to each coordinate after labelling, h the
// set's half-width (labels stay those of the clean point: noise makes classes overlap);
// regression sets add N(0, noise²) to the target.
#include "actlab/data/datasets.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "actlab/data/rng.hpp"
#include "actlab/util/detmath.hpp"
#include "actlab/util/limits.hpp"

namespace actlab::data {

const char* task_name(Task t) {
  switch (t) {
    case Task::Binary: return "binary";
    case Task::Multiclass: return "multiclass";
    case Task::Regression: return "regression";
  }
  return "?";
}

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> k = {"circle", "xor", "blobs", "spiral", "moons",
                                             "checkerboard", "plane", "bumps", "digits"};
  return k;
}
const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> k = {"x", "y", "x2", "y2", "xy", "sinx", "siny"};
  return k;
}

std::string check_features(const std::vector<std::string>& features) {
  if (features.empty()) return "dataset.features must name at least one feature";
  for (std::size_t i = 0; i < features.size(); ++i) {
    bool known = false;
    for (const auto& n : feature_names()) known = known || n == features[i];
    if (!known) return "dataset.features: unknown feature \"" + features[i] + "\" (accepted: x, y, x2, y2, xy, sinx, siny)";
    for (std::size_t j = 0; j < i; ++j)
      if (features[j] == features[i]) return "dataset.features: \"" + features[i] + "\" appears twice";
  }
  return "";
}

std::vector<Feature> resolve_features(const std::vector<std::string>& features) {
  std::vector<Feature> out;
  out.reserve(features.size());
  for (const std::string& f : features)
    out.push_back(f == "x" ? Feature::X : f == "y" ? Feature::Y : f == "x2" ? Feature::X2 : f == "y2" ? Feature::Y2
                  : f == "xy" ? Feature::XY : f == "sinx" ? Feature::SinX : Feature::SinY);
  return out;
}

void compute_features(const std::vector<Feature>& features, double x, double y, float* out) {
  for (std::size_t k = 0; k < features.size(); ++k) {
    double v = 0;
    switch (features[k]) {
      case Feature::X: v = x; break;
      case Feature::Y: v = y; break;
      case Feature::X2: v = x * x; break;
      case Feature::Y2: v = y * y; break;
      case Feature::XY: v = x * y; break;
      case Feature::SinX: v = detmath::sin(x); break;
      case Feature::SinY: v = detmath::sin(y); break;
    }
    out[k] = static_cast<float>(v);
  }
}

namespace {

constexpr int kDefaultSamples = 500;

struct Raw {
  std::vector<double> pts;  // [n][2]
  std::vector<float> y;
  Task task = Task::Binary;
  int classes = 2;
};

// Points uniform in [-h, h]^2.
void uniform_point(Rng& r, double h, double& x, double& y) {
  x = r.uniform_range(-h, h);
  y = r.uniform_range(-h, h);
}

// Samples per class k when n are spread over K classes (the first n % K get one more).
int per_class(int n, int K, int k) { return n / K + (k < n % K ? 1 : 0); }

void generate(const DatasetSpec& s, Rng& r, Raw& raw) {
  const std::string& name = s.name;
  const int n = s.samples ? s.samples : kDefaultSamples;
  auto add = [&](double x, double y, float label) {
    raw.pts.push_back(x);
    raw.pts.push_back(y);
    raw.y.push_back(label);
  };
  double h = 2.0;  // half-width of the domain, scales the input noise
  if (name == "circle") {
    // [-2,2]^2, label 1 inside x^2 + y^2 < 1.5 (about 37% of the square).
    for (int i = 0; i < n; ++i) {
      double x, y;
      uniform_point(r, 2.0, x, y);
      add(x, y, x * x + y * y < 1.5 ? 1.f : 0.f);
    }
  } else if (name == "xor") {
    // [-1,1]^2, label 1 where x and y share a sign (quadrants I and III).
    h = 1.0;
    for (int i = 0; i < n; ++i) {
      double x, y;
      uniform_point(r, 1.0, x, y);
      add(x, y, x * y > 0 ? 1.f : 0.f);
    }
  } else if (name == "checkerboard") {
    // [-2,2]^2 in 4×4 unit cells, alternating labels.
    for (int i = 0; i < n; ++i) {
      double x, y;
      uniform_point(r, 2.0, x, y);
      int cx = static_cast<int>(x + 2.0), cy = static_cast<int>(y + 2.0);
      add(x, y, static_cast<float>((cx + cy) & 1));
    }
  } else if (name == "blobs") {
    // K gaussian blobs, centres on a circle of radius 1.25, sd 0.35.
    raw.classes = s.classes;
    for (int k = 0; k < s.classes; ++k) {
      double a = 2.0 * detmath::kPi * k / s.classes;
      double cx = 1.25 * detmath::cos(a), cy = 1.25 * detmath::sin(a);
      for (int i = 0; i < per_class(n, s.classes, k); ++i) {
        double x = cx + 0.35 * r.normal();
        double y = cy + 0.35 * r.normal();
        add(x, y, static_cast<float>(k));
      }
    }
  } else if (name == "spiral") {
    // K interleaved arms: radius t·2, angle 1.75 turns·t + 2πk/K, t evenly spaced in (0, 1].
    raw.classes = s.classes;
    for (int k = 0; k < s.classes; ++k) {
      int m = per_class(n, s.classes, k);
      for (int i = 0; i < m; ++i) {
        double t = (i + 1.0) / m;
        double a = 1.75 * 2.0 * detmath::kPi * t + 2.0 * detmath::kPi * k / s.classes;
        add(2.0 * t * detmath::cos(a), 2.0 * t * detmath::sin(a), static_cast<float>(k));
      }
    }
  } else if (name == "moons") {
    // Two interleaving half circles (as scikit-learn's make_moons), centred on the origin.
    h = 1.5;
    for (int k = 0; k < 2; ++k) {
      for (int i = 0; i < per_class(n, 2, k); ++i) {
        double th = detmath::kPi * r.uniform_d();
        double x = k == 0 ? detmath::cos(th) : 1.0 - detmath::cos(th);
        double y = k == 0 ? detmath::sin(th) : 0.5 - detmath::sin(th);
        add(x - 0.5, y - 0.25, static_cast<float>(k));
      }
    }
  } else if (name == "plane") {
    // Regression: target (x + y) / 2 on [-1,1]^2.
    raw.task = Task::Regression;
    raw.classes = 1;
    for (int i = 0; i < n; ++i) {
      double x, y;
      uniform_point(r, 1.0, x, y);
      add(x, y, static_cast<float>(0.5 * (x + y) + s.noise * r.normal()));
    }
  } else if (name == "custom") {
    // The caller's points as given (checked by check_custom_points); no noise is added.
    raw.task = s.regression ? Task::Regression : Task::Binary;
    raw.classes = s.regression ? 1 : s.classes;
    for (std::size_t i = 0; i + 2 < s.points.size(); i += 3) add(s.points[i], s.points[i + 1], s.points[i + 2]);
    if (raw.classes > 2) raw.task = Task::Multiclass;
    return;
  } else {  // "bumps"
    // Regression: two positive and two negative gaussian bumps (sd 0.5) at (±1, ±1).
    raw.task = Task::Regression;
    raw.classes = 1;
    static const double c[4][3] = {{-1, -1, 1}, {1, 1, 1}, {-1, 1, -1}, {1, -1, -1}};
    for (int i = 0; i < n; ++i) {
      double x, y;
      uniform_point(r, 2.0, x, y);
      double t = 0;
      for (const auto& b : c) {
        double dx = x - b[0], dy = y - b[1];
        t += b[2] * detmath::exp(-(dx * dx + dy * dy) / (2 * 0.25));
      }
      add(x, y, static_cast<float>(t + s.noise * r.normal()));
    }
  }
  if (raw.classes > 2) raw.task = Task::Multiclass;
  if (raw.task != Task::Regression && s.noise > 0) {
    for (double& p : raw.pts) p += s.noise * h * r.normal();
  }
}

}  // namespace

std::string check_custom_points(const DatasetSpec& s) {
  const std::size_t n = s.points.size() / 3;
  if (s.points.size() % 3 != 0) return "dataset.points must hold x, y, label triples (got " + std::to_string(s.points.size()) + " numbers)";
  if (n < 2) return "dataset.points: the custom set needs at least 2 points (got " + std::to_string(n) + ")";
  if (n > static_cast<std::size_t>(limits::kMaxCustomPoints))
    return "dataset.points: at most " + std::to_string(limits::kMaxCustomPoints) + " points (got " + std::to_string(n) + ")";
  if (!s.regression && !(s.classes >= 2 && s.classes <= 10)) return "dataset.classes must be in [2, 10] for custom";
  const float lim = static_cast<float>(limits::kMaxCustomValue);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string at = "dataset.points[" + std::to_string(i) + "]";
    for (int k = 0; k < 3; ++k) {
      const float v = s.points[3 * i + static_cast<std::size_t>(k)];
      if (k == 2 && !s.regression) continue;
      if (!(v >= -lim && v <= lim))
        return at + ": " + (k == 0 ? "x" : k == 1 ? "y" : "the target") + " must be a finite number in [-" +
               std::to_string(static_cast<int>(lim)) + ", " + std::to_string(static_cast<int>(lim)) + "]";
    }
    if (!s.regression) {
      const float c = s.points[3 * i + 2];
      if (!(c >= 0 && c <= static_cast<float>(s.classes - 1) && c == std::floor(c))) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(c));
        return at + ": label " + buf + " is not a class of " + std::to_string(s.classes) + " (a whole number from 0 to " +
               std::to_string(s.classes - 1) + ")";
      }
    }
  }
  return "";
}

std::string make_dataset(const DatasetSpec& s, Dataset& out) {
  bool known = s.name == "custom";  // the caller's points; not a generated set, so not in dataset_names()
  for (const auto& n : dataset_names()) known = known || n == s.name;
  if (!known) return "dataset.name: unknown dataset \"" + s.name + "\" (accepted: circle, xor, blobs, spiral, moons, checkerboard, plane, bumps, digits, custom)";
  const bool custom = s.name == "custom";
  if (custom) {
    if (std::string e = check_custom_points(s); !e.empty()) return e;
  } else if (!s.points.empty() || s.regression) {
    return "dataset.points and dataset.task are for the custom set only (dataset.name is \"" + s.name + "\")";
  }
  if (s.name == "digits") return "dataset.name: \"digits\" needs the bytes of public/data/digits8x8.bin (make_digits)";
  if (!custom && !(s.samples == 0 || (s.samples >= 4 && s.samples <= 100000)))
    return "dataset.samples must be 0 (default) or in [4, 100000], got " + std::to_string(s.samples);
  if (!(s.noise >= 0 && s.noise <= 5)) return "dataset.noise must be in [0, 5]";
  if (!(s.train_ratio >= 0.05 && s.train_ratio <= 0.95)) return "dataset.train_ratio must be in [0.05, 0.95]";
  bool multi = s.name == "spiral" || s.name == "blobs";
  if (multi && !(s.classes >= 2 && s.classes <= 10)) return "dataset.classes must be in [2, 10] for " + s.name;
  if (std::string e = check_features(s.features); !e.empty()) return e;

  Rng rng(s.seed);
  Raw raw;
  generate(s, rng, raw);
  const std::size_t n = raw.y.size();

  // Split: a seeded permutation; the first round(n·ratio) samples train, the rest test.
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  rng.shuffle(order);
  std::size_t n_train = static_cast<std::size_t>(static_cast<double>(n) * s.train_ratio + 0.5);
  if (n_train < 1) n_train = 1;
  if (n_train >= n) n_train = n - 1;

  Dataset d;
  d.name = s.name;
  d.task = raw.task;
  d.classes = raw.classes;
  d.features = s.features;
  d.dims = static_cast<int>(s.features.size());
  std::vector<float> f(s.features.size());
  const std::vector<Feature> feats = resolve_features(s.features);
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t i = order[k];
    bool train = k < n_train;
    double x = raw.pts[2 * i], y = raw.pts[2 * i + 1];
    compute_features(feats, x, y, f.data());
    auto& X = train ? d.x_train : d.x_test;
    X.insert(X.end(), f.begin(), f.end());
    (train ? d.y_train : d.y_test).push_back(raw.y[i]);
    auto& R = train ? d.raw_train : d.raw_test;
    R.push_back(static_cast<float>(x));
    R.push_back(static_cast<float>(y));
  }
  out = std::move(d);
  return "";
}

}  // namespace actlab::data
