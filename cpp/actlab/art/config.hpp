// config.hpp — the art renderer's settings and their strict JSON reader.
//
// The config is one flat JSON object; every field is optional (defaults below, the contract in
// docs/ARCHITECTURE.md "The art renderer"):
//   {"seed": 1, "depth": 4, "width": 16, "activation": "tanh" | ["tanh", "relu", ...],
//    "weightScale": 1.0, "colorMode": "rgb" | "hsv" | "gray", "useR": true, "useZ": true, "zoom": 1.0}
// A list of activations gives hidden layer l the entry l mod (list length); entries past the
// depth are checked but unused, so a UI may shorten the depth without editing the list.
//
// parse_config() (util/json underneath) never throws and never allocates in proportion to a
// hostile value: the text is capped at kMaxConfigBytes, nesting at 8 containers around a value
// (a config needs two: the object and the activation list), the list at kMaxDepth entries.
// Every problem comes back as one line that starts with the field's name:
//   "depth: must be an integer in [1, 16], got 1e9"
//   "activation[2]: unknown activation 'relux' (valid: identity, step, ...)"
//   "zoom: must be a finite number, got NaN"
//   "colour: unknown field (valid: seed, depth, ...)"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actlab/activations/registry.hpp"

namespace actlab::art {

inline constexpr int kMaxDepth = 16;        // hidden layers
inline constexpr int kMaxWidth = 64;        // units per hidden layer
inline constexpr float kMinWeightScale = 0.01f, kMaxWeightScale = 20.0f;
inline constexpr float kMinZoom = 0.01f, kMaxZoom = 100.0f;
inline constexpr std::size_t kMaxConfigBytes = 16384;

enum class ColorMode { Rgb, Hsv, Gray };

struct Config {
  std::uint32_t seed = 1;
  int depth = 4;
  int width = 16;
  // One entry per hidden layer after parsing (the list form is expanded cyclically).
  std::vector<const Activation*> activation;
  float weight_scale = 1.0f;
  ColorMode color_mode = ColorMode::Rgb;
  bool use_r = true;
  bool use_z = true;
  float zoom = 1.0f;
};

// The defaults, with `activation` filled (tanh on every layer).
Config default_config();

// Parses `json` into `out`. Returns "" on success; on failure a message naming the field, and
// `out` is left untouched.
std::string parse_config(std::string_view json, Config& out);

// The config as canonical compact JSON (every field, activation always as a list of depth names).
std::string to_json(const Config& c);

const char* color_mode_name(ColorMode m);

}  // namespace actlab::art
