// tape.cpp — compiling a graph into chunked instructions and running them (see tape.hpp).
#include "actlab/expr/tape.hpp"

#include <algorithm>
#include <climits>
#include <cstring>

#include "actlab/activations/kernel.hpp"
#include "actlab/expr/vec_ops.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::expr {
namespace {

template <class B, Op O>
void loop(const float* a, const float* b, const float* c, float* out, std::size_t m, float k) {
  constexpr std::size_t W = B::width;
  ACTLAB_NO_AUTOVECTORIZE
  for (std::size_t j = 0; j < m; j += W) {
    typename B::F va = B::load(a + j), vb = B::load(b + j), vc = B::load(c + j);
    B::store(out + j, vec::apply<B, O>(va, vb, vc, k));
  }
}

template <class B>
void dispatch(const Tape::Instr& in, const float* a, const float* b, const float* c, float* out, std::size_t m) {
  switch (in.op) {
#define ACTLAB_EXPR_CASE(name) \
  case Op::name: loop<B, Op::name>(a, b, c, out, m, in.k); break;
    ACTLAB_EXPR_COMPUTED_OPS(ACTLAB_EXPR_CASE)
#undef ACTLAB_EXPR_CASE
    default: std::fill(out, out + m, vec::kNaN);
  }
}

}  // namespace

Tape Tape::compile(const Graph& g, const std::vector<int>& roots, std::size_t nparams) {
  Tape t;
  t.nparams_ = nparams;
  std::vector<char> live = reachable(g, roots);
  const std::size_t n = g.size();
  std::vector<int> last_use(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    const Node& nd = g[int(i)];
    for (int k : {nd.a, nd.b, nd.c})
      if (k >= 0) last_use[std::size_t(k)] = std::max(last_use[std::size_t(k)], int(i));
  }
  for (int r : roots) last_use[std::size_t(r)] = INT_MAX;
  std::vector<int> slot(n, -1);
  std::vector<int> free_slots;
  int next_slot = 0;
  auto fresh = [&]() {
    if (!free_slots.empty()) {
      int s = free_slots.back();
      free_slots.pop_back();
      return s;
    }
    return next_slot++;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    const Node& nd = g[int(i)];
    if (nd.op == Op::Input) continue;  // slot -1
    if (nd.op == Op::Const) {
      slot[i] = next_slot++;
      t.consts_.push_back({slot[i], nd.value});
      continue;
    }
    if (nd.op == Op::Param) {
      slot[i] = next_slot++;
      t.params_.push_back({slot[i], nd.param});
      continue;
    }
    // Operands read for the last time here give their slots back first: an elementwise
    // instruction may write the slot it reads.
    int ops[3] = {nd.a, nd.b, nd.c};
    for (int j = 0; j < 3; ++j) {
      int k = ops[j];
      if (k < 0 || last_use[std::size_t(k)] != int(i)) continue;
      Op ko = g[k].op;
      if (ko == Op::Input || ko == Op::Const || ko == Op::Param) continue;
      if ((j > 0 && ops[0] == k) || (j > 1 && ops[1] == k)) continue;  // freed once
      free_slots.push_back(slot[std::size_t(k)]);
    }
    slot[i] = fresh();
    auto s = [&](int k) { return k >= 0 ? slot[std::size_t(k)] : (nd.a >= 0 ? slot[std::size_t(nd.a)] : -1); };
    t.code_.push_back({nd.op, nd.value, s(nd.a), s(nd.b), s(nd.c), slot[i]});
  }
  for (int r : roots) t.roots_.push_back(slot[std::size_t(r)]);
  t.slot_count_ = std::size_t(next_slot);
  return t;
}

template <class B>
void Tape::run_on(const float* x, std::size_t n, float* const* outs, const float* params) const {
  constexpr std::size_t W = B::width;
  scratch_.resize(std::max<std::size_t>(slot_count_, 1) * kChunk);
  float* base = scratch_.data();
  for (auto [s, v] : consts_) std::fill(base + std::size_t(s) * kChunk, base + std::size_t(s + 1) * kChunk, v);
  for (auto [s, p] : params_)
    std::fill(base + std::size_t(s) * kChunk, base + std::size_t(s + 1) * kChunk, params[std::size_t(p)]);
  alignas(16) float xbuf[kChunk];
  for (std::size_t i = 0; i < n; i += kChunk) {
    const std::size_t m = std::min(kChunk, n - i);
    const std::size_t mpad = (m + W - 1) / W * W;
    const float* xp = x + i;
    if (mpad != m) {  // the last, partial chunk: zero-padded to whole vectors
      std::memcpy(xbuf, x + i, m * sizeof(float));
      std::fill(xbuf + m, xbuf + mpad, 0.0f);
      xp = xbuf;
    }
    auto ptr = [&](int s) -> const float* { return s < 0 ? xp : base + std::size_t(s) * kChunk; };
    for (const Instr& in : code_)
      dispatch<B>(in, ptr(in.a), ptr(in.b), ptr(in.c), base + std::size_t(in.out) * kChunk, mpad);
    // Outputs that are the input itself first: a later output may overwrite x in place.
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t k = 0; k < roots_.size(); ++k)
        if ((roots_[k] < 0) == (pass == 0)) std::memmove(outs[k] + i, ptr(roots_[k]), m * sizeof(float));
  }
}

void Tape::run(const float* x, std::size_t n, float* const* outs, const float* params) const {
  run_on<simd::Native>(x, n, outs, params);
}

void Tape::run_scalar(const float* x, std::size_t n, float* const* outs, const float* params) const {
  run_on<simd::Scalar>(x, n, outs, params);
}

}  // namespace actlab::expr
