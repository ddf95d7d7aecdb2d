// tools/epoch_driver.cpp — one timing of issue 9's epoch (2-8-8-1 tanh, circle 500 / 250
// training samples, batch 10, SGD 0.03, sigmoid + BCE head) through nothing but
// `Trainer::configure_json` and `Trainer::run_epoch`, the API the engine has had since before
// issue 9. Not built by CMake (outside the cpp/bench/*.cpp glob): scripts/bench-vs-commit.sh
// compiles it natively against this tree's engine and against an older commit's and runs the two
// in alternation, so "N× faster than the code before" is measured against that code itself
// rather than a reference path inside today's build (which shares kernels that have since become
// faster). (The wasm side of that script uses each tree's Embind module instead: see there.)
// Prints one JSON line: samples/s (the best of `rounds` rounds) and the loss after the first 10
// epochs of a fresh trainer, which the two builds must print alike (to 1e-6: the same computation).
//   usage: epoch_driver [rounds]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>

#include "actlab/nn/trainer.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  std::string cfg = R"({"dataset":{"name":"circle","samples":500,"train_ratio":0.5},"network":{"hidden":[)"
                    R"({"units":8,"activation":"tanh"},{"units":8,"activation":"tanh"}]},)"
                    R"("training":{"optimizer":"sgd","learning_rate":0.03,"batch":10}})";
  actlab::nn::Trainer tr, first;
  for (actlab::nn::Trainer* t : {&tr, &first})
    if (std::string e = t->configure_json(cfg); !e.empty()) {
      std::fprintf(stderr, "epoch_driver: %s\n", e.c_str());
      return 1;
    }
  for (int e = 0; e < 10; ++e)
    if (!first.run_epoch()) return 1;
  double checksum = 0.0;
  const actlab::bench::Timing t{150.0, 40.0, 2.0, rounds < 1 ? 1 : rounds};
  const double s = actlab::bench::seconds_per_call(t, [&] {
    if (!tr.run_epoch()) std::exit(1);
    checksum += tr.last_epoch_loss();
  });
  const double n = static_cast<double>(tr.dataset().n_train());
  std::printf("{\"samples_per_s\":%.1f,\"samples\":%g,\"loss_after_10\":%.17g}\n", n / s, n, first.last_epoch_loss());
  return std::isfinite(checksum) ? 0 : 1;
}
