// report.hpp — the trainer's state as JSON text for the web worker (cpp/bindings/nn.cpp) and
// other callers that want one string instead of C++ structs. Shapes (keys are camelCase, the
// web's convention):
//   status_json:  { "ready", "epoch", "steps", "lastEpochLoss", "train": {"loss","accuracy"},
//                   "test": {...}, "diverged", "divergence": {"step","epoch","layer","what","cause",
//                   "message"} | null, "dataset": {"name","task","classes","inputs","nTrain","nTest"},
//                   "outputs", "params" }     (accuracy null for regression, NaN/Inf as null)
//   health_json:  [ { "layer","units","activation","meanAbsGrad","meanAbsFprime","deadShare",
//                     "saturatedShare","histogram":[…],"histRange":[−5,5],"below","above",
//                     "nonfinite","warning" } ]
//   weights_json: [ { "in","out","activation","W":[in·out],"b":[out],"alpha":[…] } ]
#pragma once

#include <string>

#include "actlab/nn/trainer.hpp"

namespace actlab::nn {

std::string status_json(Trainer& t);   // evaluates train and test sets (one forward pass each)
std::string health_json(Trainer& t);   // runs Trainer::health()
std::string weights_json(const Trainer& t);

}  // namespace actlab::nn
