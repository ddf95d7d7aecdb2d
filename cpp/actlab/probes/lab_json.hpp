// lab_json.hpp — the labs' teaching calls (lab_probes.hpp) behind run_probe_json's one entry point:
//   kind "softmax": { "logits":[…] (1–1024), "temperature" (default 1), "target" (default 0) }
//                   -> { "naive":[…], "stable":[…], "log":[…], "sigmoid":[…], "grad":[…],
//                        "naiveSum", "stableSum", "sigmoidSum", "crossEntropy", "naiveFinite" }
//                   (non-finite values are written as null: the page shows them as Inf/NaN from
//                    "naiveFinite" and the raw "naiveText" strings)
//   kind "chain":   { "factor" (default 0.25), "layers" (default 10), "series":[[…], …] (optional) }
//                   -> { "product":[factor^1 … factor^N], "factors":[per-layer factor of each series] }
//   kind "calibration": { "dataset" (blobs|spiral), "classes", "samples", "noise", "activation", "units",
//                   "layers", "epochs", "learningRate", "temperature", "bins", "seed" } (calibration.hpp)
//                   -> { "nTrain", "nTest", "classes", "trainAccuracy", "finalLoss", "accuracy", "confidence",
//                        "ece", "nll", "confident", "confidentWrong", "bins":[{"lo","hi","count","confidence",
//                        "accuracy"}], "example": null | {"index","x","y","label","predicted","confidence",
//                        "others","logits","probs"}, "sweepT":[…], "sweepEce":[…], "bestT", "bestEce" }
#pragma once

#include <string>
#include <string_view>

#include "actlab/util/json.hpp"

namespace actlab::probes {

// True when `kind` is a lab call; `out` is then its result JSON (or { "error": … }).
bool run_lab_probe_json(std::string_view kind, const json::Value& spec, std::string& out);

}  // namespace actlab::probes
