// network.hpp — the art studio's random network: a CPPN drawn from a seed.
//
// The idea is Kenneth Stanley's Compositional Pattern Producing Network (CPPN, 2007) as popularised
// for generative art by David Ha ("hardmaru"): "Neural Network Generative Art in Javascript" (2015)
// and "Generating Abstract Patterns with TensorFlow" (2016, blog.otoro.net) — an MLP with random
// weights that maps a pixel's coordinates (x, y, r = sqrt(x² + y²), a latent z) to a colour through
// squashing layers and a sigmoid output. This implementation is our own; see docs/art.md.
//
// Shapes (n_in = 2 + useR + useZ inputs in the order x, y, [r], [z]):
//   layer 0          W [width × n_in],  b [width],  h1 = act_1(W·a + b)
//   layers 1..d-1    W [width × width], b [width],  h_l = act_l(W·h_{l-1} + b)
//   output           W [3 × width],     b [3],      o = sigmoid(W·h_d + b)
// Initialisation (s = weightScale, N = normal, n = width):
//   input layer     W ~ N(0, (kInputGain·s)²), b ~ N(0, (kInputBias·s)²). Not divided by fan-in:
//                   the inputs are coordinates on [-zoom, zoom], not unit-variance signals.
//   hidden layers   W ~ N(0, (kHiddenGain·s)²/n), b ~ N(0, (kHiddenBias·s)²) applied to the previous
//                   layer's activations NORMALISED over the reference view (below): LeCun-style
//                   fan-in scaling, so each pre-activation has sd ≈ kHiddenGain·s and s alone sets how
//                   far into the non-linearity every layer reaches (s = 0.3 soft, 1 medium, 3 sharp).
//   output layer    W ~ N(0, 1/n) on normalised activations, then each channel rescaled so that its
//                   pre-sigmoid value has sd kOutputSpread and mean ~ N(0, kOutputOffset²) (a tint).
// Reference-view normalisation: while drawing, the network is run over a fixed 32 × 32 grid of the
// default view (x, y on [-1, 1], z = 0); each unit's mean and sd there are folded into the next
// layer's weights and bias (W' = W/sd, b' = b - W·mean/sd). This is data-dependent initialisation
// (Mishkin & Matas, "All you need is a good init" (LSUV), 2016; Krähenbühl et al. 2016) with the
// picture itself as the data: without it, activations that are not zero-centred or are unbounded
// (ReLU, sigmoid, step, GELU) push the sigmoid output into saturation and paint flat colour. The
// grid does not move with zoom or z, so zooming and animating show the same function, and it does
// not depend on the image size or tiling. Units that are constant on the grid (dead ReLUs, a step
// that never switches, relative sd < kMinRelativeSd) are dropped rather than amplified.
// Every layer draws from its own stream, keyed by (seed, layer): changing the depth adds or removes
// layers without redrawing the others, and the input layer always draws all four input weights
// (x, y, r, z) per unit, so toggling useR or useZ keeps the rest of the draw.
// Bits: the grid pass uses the same SIMD code as the renderer and the statistics are summed in
// double in a fixed order, so the folded weights are identical on every target.
#pragma once

#include <vector>

#include "actlab/activations/registry.hpp"
#include "actlab/art/config.hpp"

namespace actlab::art {

// Chosen by eye over seeds 1-4 × {tanh, relu, step, sigmoid, gelu} × weightScale {0.3, 1, 3}
// (docs/art.md): at s = 1, about a dozen soft features across the default view.
inline constexpr float kInputGain = 4.0f;     // sd of an input weight / s
inline constexpr float kHiddenGain = 3.0f;    // sd of a hidden pre-activation / s
inline constexpr float kOutputSpread = 1.5f;  // sd of each pre-sigmoid channel (sigmoid(±1.5) = 0.18 / 0.82)
inline constexpr float kInputBias = 2.0f;     // sd of an input-layer bias / s: features off-centre
inline constexpr float kHiddenBias = 1.0f;    // sd of a hidden bias / s
inline constexpr float kOutputOffset = 0.5f;  // sd of each channel's mean (the picture's tint)
inline constexpr double kMinRelativeSd = 1e-5;  // sd/max(1, |mean|) below this: a constant unit
inline constexpr int kOutputs = 3;

struct Layer {
  int n_in = 0, n_out = 0;
  std::vector<float> w;                // [n_out × n_in], w[j·n_in + i]
  std::vector<float> b;                // [n_out]
  const Activation* act = nullptr;     // nullptr on the output layer (the renderer applies sigmoid)
};

struct Network {
  int n_inputs = 0;                    // 2..4
  std::vector<Layer> layers;           // depth hidden layers, then the output layer
};

Network build_network(const Config& c);

}  // namespace actlab::art
