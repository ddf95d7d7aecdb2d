// collapse.hpp — the linear-collapse proof: a stack of linear layers equals one layer.
//
// With row vectors and W_l of shape [in_l][out_l]:
//   x·W1 + b1 → (x·W1 + b1)·W2 + b2 = x·(W1·W2) + (b1·W2 + b2), and so on for any depth:
//   M = W1·W2·…·WL,  c = (…((b1·W2 + b2)·W3 + b3)…)·WL + bL.
// The probe builds a seeded random stack (weights N(0, 1/in), biases N(0, 0.1²)), multiplies it
// into (M, c) in double, and evaluates both on random inputs: the stack with the trainer's float
// kernels layer by layer, the collapsed layer in double. The outputs agree to float rounding
// (max_abs_diff ~1e-6 relative). With a non-linear activation between the layers
// (`activation` ≠ identity) the same comparison fails by O(1): the bend does not collapse.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::probes {

struct CollapseSpec {
  std::vector<int> sizes = {2, 8, 8, 8, 1};  // inputs, hidden widths..., outputs
  int samples = 16;
  std::uint64_t seed = 1;
  std::string activation = "identity";       // applied after every layer but the last
};

struct CollapseResult {
  std::vector<double> M, c;          // collapsed [inputs][outputs] and [outputs]
  std::vector<double> stack_out;     // [samples][outputs], from the float stack
  std::vector<double> collapsed_out; // [samples][outputs], x·M + c in double
  double max_abs_diff = 0;           // max |stack − collapsed|
  double max_abs_out = 0;            // max |collapsed| (for a relative view)
};

std::string linear_collapse(const CollapseSpec& spec, CollapseResult& out);

}  // namespace actlab::probes
