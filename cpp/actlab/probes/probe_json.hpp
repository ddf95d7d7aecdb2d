// probe_json.hpp — runs one experiment from a JSON spec and returns its result as JSON, for
// the web worker (one entry point instead of a binding per probe).
//   kind "scan":     { "activation", "params":[p0,p1], "points", "lo", "hi", "threshold" }
//                    -> { "x":[…], "f":[…], "df":[…], "deadShare", "minAbsDf", "maxAbsDf" }
//   kind "depth":    { "activation", "params", "layers", "width", "samples", "init", "seed", "threshold" }
//                    -> { "signal":[…], "meanAbs":[…], "grad":[…], "vanishForward", "vanishBackward" }
//   kind "census":   { "activation", "params", "inputs", "units", "samples", "biasMean", "seed" }
//                    -> { "units":[{"active","firing","saturated","state","saturation"}], "dead",
//                         "weak", "healthy", "saturated", "oftenSaturated" }
//   kind "collapse": { "sizes":[…], "samples", "seed", "activation" }
//                    -> { "M":[…], "c":[…], "stack":[…], "collapsed":[…], "maxAbsDiff", "maxAbsOut" }
//   kind "dying":    { "activation", "params", "dataset", "samples", "units", "layers", "epochs", "batch",
//                      "learningRate", "biasInit", "seed" } (dying.hpp: SGD, per-epoch census)
//                    -> { "hiddenUnits", "dead":[per epoch, from 0], "deadShare":[…], "deadPerLayer":[[…]…],
//                         "loss":[…], "accuracy":[…], "peakDead", "peakEpoch", "divergedAt", "divergence" }
//   kind "softmax", "chain", "fit1d", "calibration": the labs' teaching calls, see lab_json.hpp
//   (depth's "init" also takes "normal": N(0, 1) weights, unscaled — the course's experiment)
// Missing fields take the probe's defaults; a bad field gives { "error": "<field>: <why>" }.
#pragma once

#include <string>
#include <string_view>

namespace actlab::probes {

std::string run_probe_json(std::string_view kind, std::string_view spec_json);

}  // namespace actlab::probes
