// calibration.hpp — "a confident 99 % is not a calibrated 99 %" (CURRICULUM §6), measured: a
// small softmax classifier is trained (seeded) on overlapping 2-D classes until it is sure of
// itself, then every test point's confidence (its largest probability) is set against whether it
// was right.
//
// Run: the trainer (nn/trainer.hpp) on `dataset` (blobs or spiral, `classes` classes, `samples`
// points with `noise`, 50/50 split), `layers` × `units` hidden units of `activation`, He-normal
// weights, a softmax + cross-entropy head, Adam at `learning_rate`, batches of 16, `epochs`
// epochs; every seed is `seed`. Training long on few points drives the logits large: the model
// ends up far more confident than it is accurate.
// Evaluation on the test split, at temperature T: p = softmax(z / T) of the trained logits z
// (the engine's stable kernel), confidence = max_k p_k, predicted = its class (first on ties).
//   reliability: `bins` equal-width confidence bins on [0, 1] (a confidence c falls in bin
//                ⌊c·bins⌋, 1 in the last); per bin the count, mean confidence and accuracy;
//   ECE:         Σ_b (n_b / N) · |accuracy_b − confidence_b| (expected calibration error,
//                Naeini et al. 2015; the reliability diagram of Guo et al. 2017, "On Calibration
//                of Modern Neural Networks", who also show temperature scaling as the fix);
//   NLL:         mean −log p_y (log-softmax kernel);
//   confident:   the test points with confidence ≥ 0.99, and how many of them are wrong;
//   example:     the wrong test point with the highest confidence (first index on ties);
//   sweep:       the ECE at each T of kSweepT (the same network), and the T with the lowest.
// The sweep picks T on the test points themselves (Guo et al. use a held-out validation split):
// it shows what temperature does, not a fitted calibration. Sums run in double in index order,
// so native and wasm give the same bits.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace actlab::probes {

inline constexpr int kCalMaxSamples = 2000;
inline constexpr int kCalMaxEpochs = 1000;
inline constexpr int kCalMaxUnits = 64;
inline constexpr int kCalMaxLayers = 3;
inline constexpr int kCalMaxBins = 20;
inline constexpr double kCalConfident = 0.99;
// The temperatures of the sweep: plain decimals, the same on every target.
inline constexpr std::array<double, 14> kSweepT = {0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};

struct CalibrationSpec {
  std::string dataset = "blobs";   // blobs | spiral
  int classes = 3;                 // 2..10
  int samples = 200;               // before the 50/50 split, 20..2000
  double noise = 0.35;             // 0..1 (datasets.cpp: N(0, (noise·2)²) added to each coordinate)
  std::string activation = "relu";
  int units = 16, layers = 2;      // 1..64, 1..3
  int epochs = 200;                // 1..1000
  double learning_rate = 0.01;     // Adam
  std::uint64_t seed = 1;
  double temperature = 1;          // 0.05..20, applied to the trained logits
  int bins = 10;                   // 2..20
};

struct CalibrationBin {
  double lo = 0, hi = 0;
  int count = 0;
  double confidence = 0, accuracy = 0;  // means over the bin (0 when empty)
};

struct CalibrationExample {
  int index = -1;                  // test point, -1 when every test point is right
  double x = 0, y = 0;             // its 2-D coordinates
  int label = 0, predicted = 0;
  double confidence = 0;
  double others = 0;               // Σ of the other classes' probabilities (in double: 1 − confidence
                                   // would round a confidence of 0.9999999 to 1 − 1 = 0)
  std::vector<float> logits, probs;  // z and softmax(z / T), [classes]
};

struct CalibrationResult {
  int n_train = 0, n_test = 0, classes = 0;
  double train_accuracy = 0, final_loss = 0;  // after training
  double accuracy = 0, confidence = 0;        // test: share right, mean confidence (at T)
  double ece = 0, nll = 0;
  int confident = 0, confident_wrong = 0;     // confidence ≥ 0.99
  std::vector<CalibrationBin> bins;
  CalibrationExample example;
  std::vector<double> sweep_ece;              // [kSweepT.size()]
  double best_t = 1, best_ece = 0;            // lowest ECE of the sweep (first on ties)
};

// Returns "" or a message naming the field ("calibration: epochs must be in [1, 1000]").
std::string calibration_run(const CalibrationSpec& spec, CalibrationResult& out);

}  // namespace actlab::probes
