// exercise.hpp — the engine's judgements for the exercises page (curriculum "Exercises"): what
// the page cannot decide itself because it would be maths. The page sends the learner's answer
// and shows what comes back.
//
//   check_number   a numeric answer, typed as a number or a constant expression ("1/(1+e)"),
//                  against a reference expression, within |a − r| ≤ atol + rtol·|r|
//   health_rule    a learner's gradient-health rule, an expression in g (a layer's mean
//                  |gradient|, e.g. "(g < 0.001) + (g > 100)"), evaluated on every layer of two
//                  depth sweeps (a deep sigmoid stack, an exploding ReLU stack) against the
//                  engine's own health-monitor rule (g < 1e-3 or g > 1e2, health.hpp)
//   depth_answers  the layer at which each activation's forward signal reaches "effectively
//                  zero" in a depth sweep, against the learner's numbers (0 = never), ± tolerance
//   train_race     the same seeded training run under several activations (registry ids or
//                  "expr:<text>"): training loss per epoch, the epoch it first reaches a target,
//                  final test loss and accuracy, the learnable parameters' final values; and the
//                  fastest (fewest epochs to the target; ties: the first listed)
//
// exercise_json(kind, spec) is the JSON entry point for the web worker (kinds "number",
// "healthRule", "depthAnswers", "race"); a bad field gives {"ok": false, "error": {message,
// column, display}} (column 0 unless it is about a place in typed text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actlab/expr/error.hpp"

namespace actlab::probes {

struct NumberCheck {
  bool pass = false;
  double answer = 0, reference = 0, abs_error = 0, rel_error = 0;
};
// Returns a parse error of the answer (with its column) or of the reference (prefixed "reference: "),
// or "your answer changes with x" when the answer is not a constant.
expr::Error check_number(std::string_view answer, std::string_view reference, double atol, double rtol, NumberCheck& out);

struct HealthRun {
  std::string name, activation, init;
  int layers = 0, width = 0;
  std::vector<double> grad;          // per layer 1..N: mean |∂L/∂z_l| of the depth sweep
  std::vector<char> engine, learner; // per layer: flagged by the engine's rule / by the learner's
  int missed = 0, false_alarms = 0;  // engine flags the learner did not raise, and the reverse
};
struct HealthRuleCheck {
  bool pass = false;
  std::vector<HealthRun> runs;
  int missed = 0, false_alarms = 0;
  int first_run = -1, first_layer = 0;  // the first disagreement (run index, 1-based layer), or -1
};
// The learner's rule uses the name g; it may not use x or z. A layer is flagged when the rule's
// value is non-zero (NaN counts as flagged, as a non-finite g always is for the engine).
expr::Error health_rule(std::string_view rule, HealthRuleCheck& out);

std::string exercise_json(std::string_view kind, std::string_view spec_json);

}  // namespace actlab::probes
