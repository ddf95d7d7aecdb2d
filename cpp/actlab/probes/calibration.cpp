// calibration.cpp — calibration_run() of calibration.hpp: train, then read confidence against
// accuracy on the test points at a temperature, and the ECE over a sweep of temperatures.
#include "actlab/probes/calibration.hpp"

#include <cmath>

#include "actlab/activations/registry.hpp"
#include "actlab/activations/softmax.hpp"
#include "actlab/nn/trainer.hpp"
#include "actlab/probes/budget.hpp"

namespace actlab::probes {
namespace {

// What one temperature makes of the test logits z [n][K] with labels y.
struct Reading {
  double accuracy = 0, confidence = 0, ece = 0, nll = 0;
  int confident = 0, confident_wrong = 0;
  std::vector<CalibrationBin> bins;
  CalibrationExample example;
};

std::string read_at(const std::vector<float>& z, const std::vector<float>& y, const std::vector<float>& raw, int n, int K,
                    double T, int nbins, Reading& r) {
  std::vector<float> p(z.size()), lp(z.size());
  const float t = static_cast<float>(T);
  if (std::string e = softmax_rows(z.data(), p.data(), n, K, t); !e.empty()) return e;
  if (std::string e = log_softmax_rows(z.data(), lp.data(), n, K, t); !e.empty()) return e;
  r.bins.assign(static_cast<std::size_t>(nbins), CalibrationBin{});
  for (int b = 0; b < nbins; ++b) {
    r.bins[b].lo = static_cast<double>(b) / nbins;
    r.bins[b].hi = static_cast<double>(b + 1) / nbins;
  }
  int right = 0;
  double conf_sum = 0, nll_sum = 0;
  for (int s = 0; s < n; ++s) {
    const float* ps = p.data() + static_cast<std::size_t>(s) * K;
    int k = 0;
    for (int j = 1; j < K; ++j)
      if (ps[j] > ps[k]) k = j;
    const double c = ps[k];
    const int label = static_cast<int>(y[s]);
    const bool ok = k == label;
    right += ok;
    conf_sum += c;
    nll_sum -= lp[static_cast<std::size_t>(s) * K + label];
    int b = static_cast<int>(c * nbins);
    if (b >= nbins) b = nbins - 1;
    if (b < 0) b = 0;
    r.bins[b].count += 1;
    r.bins[b].confidence += c;
    r.bins[b].accuracy += ok;
    if (c >= kCalConfident) {
      r.confident += 1;
      r.confident_wrong += !ok;
    }
    if (!ok && (r.example.index < 0 || c > r.example.confidence)) {
      CalibrationExample& e = r.example;
      e.index = s;
      e.x = raw[2 * static_cast<std::size_t>(s)];
      e.y = raw[2 * static_cast<std::size_t>(s) + 1];
      e.label = label;
      e.predicted = k;
      e.confidence = c;
      e.others = 0;
      for (int j = 0; j < K; ++j)
        if (j != k) e.others += ps[j];
      e.logits.assign(z.begin() + static_cast<std::ptrdiff_t>(s) * K, z.begin() + static_cast<std::ptrdiff_t>(s + 1) * K);
      e.probs.assign(ps, ps + K);
    }
  }
  r.ece = 0;
  for (CalibrationBin& b : r.bins) {
    if (b.count == 0) continue;
    const double conf = b.confidence / b.count, acc = b.accuracy / b.count;
    r.ece += static_cast<double>(b.count) / n * std::fabs(acc - conf);
    b.confidence = conf;
    b.accuracy = acc;
  }
  r.accuracy = static_cast<double>(right) / n;
  r.confidence = conf_sum / n;
  r.nll = nll_sum / n;
  return "";
}

}  // namespace

std::string calibration_run(const CalibrationSpec& s, CalibrationResult& out) {
  if (s.dataset != "blobs" && s.dataset != "spiral") return "calibration: dataset must be blobs or spiral";
  if (s.classes < 2 || s.classes > 10) return "calibration: classes must be in [2, 10]";
  if (s.samples < 20 || s.samples > kCalMaxSamples) return "calibration: samples must be in [20, 2000]";
  if (!(s.noise >= 0 && s.noise <= 1)) return "calibration: noise must be in [0, 1]";
  if (s.units < 1 || s.units > kCalMaxUnits) return "calibration: units must be in [1, 64]";
  if (s.layers < 1 || s.layers > kCalMaxLayers) return "calibration: layers must be in [1, 3]";
  if (s.epochs < 1 || s.epochs > kCalMaxEpochs) return "calibration: epochs must be in [1, 1000]";
  if (!(s.learning_rate >= 1e-5 && s.learning_rate <= 1)) return "calibration: learning rate must be in [0.00001, 1]";
  if (!(s.temperature >= 0.05 && s.temperature <= 20)) return "calibration: temperature must be in [0.05, 20]";
  if (s.bins < 2 || s.bins > kCalMaxBins) return "calibration: bins must be in [2, 20]";
  const Activation* act = find_activation(s.activation);
  if (!act || s.activation == "softmax")
    return "calibration: activation: unknown \"" + s.activation.substr(0, 40) + "\" (accepted: the elementwise activations " + activation_ids() +
           " except softmax)";
  {
    // Forward + backward + Adam over n/2 samples per epoch: about 3 multiply-adds per weight and sample.
    const double U = s.units, L = s.layers, n = s.samples * 0.5;
    const double weights = 2 * U + (L - 1) * U * U + U * s.classes;
    if (std::string e = over_budget("calibration", "epochs·samples/2·weights·3", s.epochs * n * weights * 3, "samples·units·layers·4",
                                    s.samples * U * L * 4);
        !e.empty())
      return e;
  }
  nn::Config c;
  c.dataset.name = s.dataset;
  c.dataset.samples = s.samples;
  c.dataset.noise = s.noise;
  c.dataset.classes = s.classes;
  c.dataset.seed = s.seed;
  c.network.hidden.clear();
  for (int l = 0; l < s.layers; ++l) {
    nn::HiddenSpec h;
    h.units = s.units;
    h.activation = act->id;
    c.network.hidden.push_back(h);
  }
  c.network.head = nn::Head::SoftmaxCe;
  c.network.init = nn::Init::He;
  c.network.seed = s.seed;
  c.training.optimizer = nn::Optimizer::Adam;
  c.training.learning_rate = static_cast<float>(s.learning_rate);
  c.training.batch = 16;
  c.training.seed = s.seed;
  nn::Trainer t;
  if (std::string e = t.configure(c); !e.empty()) return "calibration: " + e;
  for (int ep = 1; ep <= s.epochs; ++ep)
    if (!t.run_epoch()) return "calibration: training diverged in epoch " + std::to_string(ep) + ": " + t.divergence().message();
  CalibrationResult r;
  const data::Dataset& d = t.dataset();
  r.n_train = static_cast<int>(d.n_train());
  r.n_test = static_cast<int>(d.n_test());
  r.classes = d.classes;
  r.final_loss = t.last_epoch_loss();
  r.train_accuracy = t.evaluate(false).accuracy;
  if (r.n_test < 1) return "calibration: the test split is empty";
  nn::Network& net = t.network();
  net.forward(d.x_test.data(), r.n_test);
  const std::vector<float> z = net.layers().back().Z;  // the logits, [n_test][classes]
  const int K = r.classes;
  Reading at;
  if (std::string e = read_at(z, d.y_test, d.raw_test, r.n_test, K, s.temperature, s.bins, at); !e.empty()) return "calibration: " + e;
  r.accuracy = at.accuracy;
  r.confidence = at.confidence;
  r.ece = at.ece;
  r.nll = at.nll;
  r.confident = at.confident;
  r.confident_wrong = at.confident_wrong;
  r.bins = std::move(at.bins);
  r.example = std::move(at.example);
  for (std::size_t i = 0; i < kSweepT.size(); ++i) {
    Reading one;
    if (std::string e = read_at(z, d.y_test, d.raw_test, r.n_test, K, kSweepT[i], s.bins, one); !e.empty()) return "calibration: " + e;
    r.sweep_ece.push_back(one.ece);
    if (i == 0 || one.ece < r.best_ece) {
      r.best_ece = one.ece;
      r.best_t = kSweepT[i];
    }
  }
  out = std::move(r);
  return "";
}

}  // namespace actlab::probes
