// tape.hpp — an expression graph compiled into a linear program over chunks of floats.
//
// compile() orders the nodes reachable from the roots (f, f', parameter gradients ...), keeps
// each constant and parameter in a slot filled once, and gives every other node a slot that is
// reused once its last reader has run (a linear-scan register allocation), so the scratch
// memory is slots × kChunk floats whatever the batch size. run() walks the program over chunks
// of kChunk inputs: each instruction is one tight loop of the SIMD vocabulary (vec_ops.hpp)
// over the chunk, so the interpretive dispatch is paid once per 256 elements, not per element.
// The bits equal eval_float()'s (the same operation code), on every back end and target.
// A Tape is not safe to run from two threads at once (it owns its scratch).
#pragma once

#include <cstddef>
#include <vector>

#include "actlab/expr/graph.hpp"

namespace actlab::expr {

inline constexpr std::size_t kChunk = 256;

class Tape {
 public:
  Tape() = default;
  // roots: the outputs, in order; nparams: how many parameter values run() receives.
  static Tape compile(const Graph& g, const std::vector<int>& roots, std::size_t nparams);

  // outs[k][0..n) = root k at x[0..n). Outputs may alias x. params: nparams floats.
  void run(const float* x, std::size_t n, float* const* outs, const float* params) const;
  // The same on the scalar back end (the tests' bit-for-bit reference, the benchmark's column).
  void run_scalar(const float* x, std::size_t n, float* const* outs, const float* params) const;

  std::size_t instructions() const { return code_.size(); }
  std::size_t slots() const { return slot_count_; }
  std::size_t outputs() const { return roots_.size(); }

  struct Instr {
    Op op;
    float k;       // PowInt's exponent
    int a, b, c;   // operand slots; -1 is the input chunk
    int out;
  };

 private:
  template <class B> void run_on(const float* x, std::size_t n, float* const* outs, const float* params) const;
  std::vector<Instr> code_;
  std::vector<int> roots_;                 // slot of each output (-1: the input itself)
  std::vector<std::pair<int, float>> consts_;
  std::vector<std::pair<int, int>> params_;  // (slot, parameter index)
  std::size_t slot_count_ = 0;
  std::size_t nparams_ = 0;
  mutable std::vector<float> scratch_;
};

}  // namespace actlab::expr
