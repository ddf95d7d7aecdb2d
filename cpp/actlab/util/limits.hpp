// limits.hpp — the engine's resource budget: every size a caller can ask for, in one place.
//
// Each bound is chosen so that one request at the bound fits in bounded memory and returns
// within about a second on the project's machines (2 cores, wasm under Node or Chromium). The
// table in docs/limits.md gives, for each, the memory and time measured at the bound; the
// tests (tests/cpp/limits_test.cpp) run each at the bound and one past it on both targets.
// Readers and probes check these before allocating, so the browser module (built without C++
// exceptions, where a failed allocation aborts the whole module) never asks for more.
#pragma once

#include <cstddef>
#include <cstdint>

namespace actlab::limits {

// --- JSON text (util/json.cpp): what one parse may build -------------------------------------
// A parsed value costs ~100 bytes (sizeof(json::Value) is 96 on both targets), so the byte limit
// alone let 64 MiB of "0," grow to 3 GB; the value count is the memory bound.
inline constexpr std::size_t kJsonMaxBytes = 64u << 20;    // input text
inline constexpr std::size_t kJsonMaxValues = 1u << 20;    // 1,048,576 values of any kind (~100 MB tree)
inline constexpr int kJsonMaxDepth = 64;                   // containers around a value
inline constexpr std::size_t kJsonMaxKeys = 4096;          // members of one object

// --- the MLP trainer (nn/) -------------------------------------------------------------------
inline constexpr int kMaxLayers = 128;                     // hidden layers
inline constexpr int kMaxUnits = 4096;                     // units per layer (and inputs, outputs)
// Parameters of one network. A model file holds each parameter up to three times (weight, Adam
// m and v) plus the training-set permutation, so 3·2^18 + 100,000 values stay inside
// kJsonMaxValues and ~16 bytes per value inside kJsonMaxBytes: what the engine writes, it reads.
// (2^19 fitted too, but its 19 MB file took 1.5 s per export or import in wasm.)
inline constexpr long kMaxWeights = 1L << 18;              // 262,144
inline constexpr int kMaxSamples = 100000;                 // dataset samples (train + test)
inline constexpr int kMaxBatch = 4096;                     // samples per mini-batch
inline constexpr int kMaxGridRes = 2048;                   // decision-grid points per side
inline constexpr double kMaxStepMs = 60000;                // one Trainer::run_for_ms budget
// The activation race (nn/race.hpp): contestants x seeds trainers, each bounded as above, and
// their data and parameters together (samples x inputs + 4 x parameters per trainer) bounded.
inline constexpr int kMaxRaceContestants = 8;
inline constexpr int kMaxRaceSeeds = 10;
inline constexpr int kMaxRaceEpochs = 5000;
inline constexpr std::size_t kRaceMaxFloats = 1u << 24;    // 16,777,216 floats (64 MiB)
// One stepEpochs(n) / stepBatches(n) call: at most this many optimiser steps and this many
// sample·parameter products (samples seen × parameters, about 6 flops each), so that one call
// returns within about a second in wasm (2-8-8-1 trains ~4 M samples/s: 2^30 / 105 ≈ 10 M samples
// ≈ 2.5 s before issue 9's speed-up) and the worker never hangs on n = 2^31 − 1.
inline constexpr std::int64_t kMaxStepBatches = 1000000;
inline constexpr double kMaxStepWork = 1073741824.0;       // 2^30
// Own data ("custom" set, a learner's clicks or a CSV file): points, and |x|, |y|, |target|.
inline constexpr int kMaxCustomPoints = 10000;
inline constexpr double kMaxCustomValue = 10000;
// CSV text of own points (data/csv.hpp): bytes, characters per line.
inline constexpr std::size_t kCsvMaxBytes = 1u << 20;      // 1 MiB (10,000 rows of 100 characters)
inline constexpr std::size_t kCsvMaxLine = 256;
// Every neuron's grid in one call (Trainer::neuron_grids): points per side, and res²·units floats.
inline constexpr int kMaxNeuronGridRes = 100;
inline constexpr std::size_t kMaxNeuronGridFloats = 1u << 22;  // 4,194,304 (16 MiB)

// --- probes (probes/) -------------------------------------------------------------------------
// Each probe bounds its own sizes and, because the sizes multiply, the floats it allocates and
// the multiply-adds it runs. The message of a refused request states the bound and the product.
inline constexpr std::size_t kProbeMaxFloats = 1u << 24;   // 16,777,216 floats (64 MiB)
inline constexpr double kProbeMaxMacs = 268435456.0;       // 2^28 multiply-adds (~0.2 s native)
inline constexpr int kScanMaxPoints = 100000;

// --- buffers the browser allocates through the bindings (F32Buffer, U8Buffer) ----------------
inline constexpr std::size_t kMaxBufferFloats = 1u << 26;  // 256 MiB: a 2048² grid of 10 outputs fits
inline constexpr std::size_t kMaxBufferBytes = 1u << 26;   // 64 MiB: a 4096² RGBA tile fits
// The wasm heap is capped at 2 GiB (-sMAXIMUM_MEMORY in CMakeLists.txt); a buffer that cannot
// be had is refused with a message (malloc returns null) instead of aborting.

// --- the expression engine ---------------------------------------------------------------------
// Its bounds (1,000 characters, nesting 64, 512 typed items, 8,192 graph nodes, 8 parameters) live
// beside its parser in actlab/expr/limits.hpp and are listed in docs/expr.md.

}  // namespace actlab::limits
