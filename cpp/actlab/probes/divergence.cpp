// divergence.cpp — the checks and cause heuristics of divergence.hpp.
#include "actlab/probes/divergence.hpp"

#include <cmath>
#include <cstdio>

#include "actlab/simd/simd.hpp"

namespace actlab::probes {
namespace {

// A sum of floats is finite when every term is finite, except when finite terms overflow it; a
// NaN or ±Inf term makes it NaN or ±Inf. So one pass of additions answers "all finite?" with at
// most a false alarm (terms near 1e38), and the checks below ask Finite about everything a phase
// wrote first and look array by array (exactly, for the message) only when the sum is not finite
// — where a false alarm finds nothing and training goes on. This check runs after every training
// step: the element-by-element loop was ~9 % of a 2-8-8-1 step; two sums side by side, one load
// and one add a vector, instead of an x·0 per element: +1.3 % on that step (issue 9).
class Finite {
 public:
  void add(const float* p, std::size_t n) {
    constexpr std::size_t W = B::width;
    std::size_t i = 0;
    B::F a0 = acc_, a1 = B::splat(0.0f);
    for (; i + 2 * W <= n; i += 2 * W) {
      a0 = B::add(a0, B::load(p + i));
      a1 = B::add(a1, B::load(p + i + W));
    }
    if (i + W <= n) {
      a0 = B::add(a0, B::load(p + i));
      i += W;
    }
    // A ragged end of an array of at least W floats: its last W, read again (a read, so elements
    // counted twice change only the size of the sum, not its finiteness); shorter arrays element
    // by element.
    if (i < n && n >= W) a1 = B::add(a1, B::load(p + n - W));
    else
      for (; i < n; ++i) tail_ += p[i];
    acc_ = B::add(a0, a1);
  }
  template <class V> void add(const V& v) { add(v.data(), v.size()); }
  bool ok() const { return !B::any(B::is_nan(B::mul(acc_, B::splat(0.0f)))) && tail_ - tail_ == 0.0f; }

 private:
  using B = simd::Native;
  B::F acc_ = B::splat(0.0f);
  float tail_ = 0.0f;
};
// Exact, for the walk that names the array: x·0 is 0 for every finite x and NaN for ±Inf and NaN.
bool all_finite(const float* p, std::size_t n) {
  using B = simd::Native;
  constexpr std::size_t W = B::width;
  const B::F zero = B::splat(0.0f);
  B::F acc = zero;
  std::size_t i = 0;
  for (; i + W <= n; i += W) acc = B::add(acc, B::mul(B::load(p + i), zero));
  float tail = 0.0f;
  for (; i < n; ++i) tail += p[i] * 0.0f;
  return !B::any(B::is_nan(acc)) && tail == 0.0f;
}
bool set(Divergence& d, int layer, const char* what, std::string cause) {
  d.found = true;
  d.layer = layer;
  d.what = what;
  d.cause = std::move(cause);
  return true;
}
std::string lr_text(float lr) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(lr));
  return buf;
}

// Whether the layer's outputs A are finite whenever its inputs Z are: a registry activation whose
// range is bounded (not PReLU, whose α is learned, nor a typed expression), or a sigmoid, tanh or
// softmax head.
bool bounded_output(const nn::Network& net, const nn::Layer& l) {
  if (l.act) return l.act->bounded && !l.prelu && !l.expr;
  const nn::Head h = net.head();
  return h == nn::Head::SigmoidBce || h == nn::Head::TanhMse || h == nn::Head::SoftmaxCe;
}

}  // namespace

std::string Divergence::message() const {
  if (!found) return "";
  std::string where = layer > 0 ? " in layer " + std::to_string(layer) : "";
  return "first non-finite value: " + what + where + " at step " + std::to_string(step) + " (epoch " +
         std::to_string(epoch + 1) + "): " + cause;
}

bool check_pass(const nn::Network& net, const float* X, int batch, double loss, float lr, Divergence& d) {
  {
    Finite all;
    all.add(X, static_cast<std::size_t>(batch) * net.inputs());
    for (const nn::Layer& l : net.layers()) {
      const std::size_t n = static_cast<std::size_t>(batch) * l.out;
      all.add(l.Z.data(), n);
      // A bounded activation (or head) of a finite Z is finite (Activation::bounded): the sum
      // of Z answers for A as well. The walk below still looks at A when something is not finite.
      if (!bounded_output(net, l)) all.add(l.A.data(), n);
      all.add(l.gW);
      all.add(l.gb);
      all.add(l.galpha);
    }
    if (all.ok() && std::isfinite(loss)) return false;
  }
  if (!all_finite(X, static_cast<std::size_t>(batch) * net.inputs()))
    return set(d, 0, "input", "the input data contains NaN or Inf");
  const auto& layers = net.layers();
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const nn::Layer& l = layers[k];
    const std::size_t n = static_cast<std::size_t>(batch) * l.out;
    int li = static_cast<int>(k) + 1;
    if (!all_finite(l.Z.data(), n)) {
      bool weights_ok = all_finite(l.W.data(), l.W.size()) && all_finite(l.b.data(), l.b.size());
      return set(d, li, "pre-activation",
                 weights_ok ? "the weighted sum overflowed: the signal grew too large through the layers "
                              "(weights too large; lower the learning rate " + lr_text(lr) + " or use a smaller initialisation)"
                            : "the weights of this layer are already non-finite");
    }
    if (!all_finite(l.A.data(), n))
      return set(d, li, "activation",
                 std::string("the ") + (l.act ? l.activation_id() : nn::head_name(net.head())) +
                     " output is non-finite for finite inputs (an unbounded activation overflowed)");
  }
  if (!std::isfinite(loss))
    return set(d, 0, "loss",
               net.head() == nn::Head::IdentityMse
                   ? "the loss overflowed although the outputs are finite (outputs so large that their squared error is beyond the float range)"
                   : "the loss overflowed although the outputs are finite (extreme logits)");
  for (std::size_t k = layers.size(); k-- > 0;) {
    const nn::Layer& l = layers[k];
    if (!all_finite(l.gW.data(), l.gW.size()) || !all_finite(l.gb.data(), l.gb.size()) ||
        !all_finite(l.galpha.data(), l.galpha.size()))
      return set(d, static_cast<int>(k) + 1, "gradient",
                 "the gradient overflowed during backpropagation (exploding gradients: lower the learning rate " +
                     lr_text(lr) + ", use fewer layers or a gentler initialisation)");
  }
  return false;
}

bool check_weights(const nn::Network& net, float lr, Divergence& d) {
  const auto& layers = net.layers();
  {
    Finite all;
    for (const nn::Layer& l : layers) {
      all.add(l.W);
      all.add(l.b);
      all.add(l.alpha);
    }
    if (all.ok()) return false;
  }
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const nn::Layer& l = layers[k];
    if (!all_finite(l.W.data(), l.W.size()) || !all_finite(l.b.data(), l.b.size()) ||
        !all_finite(l.alpha.data(), l.alpha.size()))
      return set(d, static_cast<int>(k) + 1, "weights",
                 "the update overflowed the weights: the learning rate " + lr_text(lr) + " is too high");
  }
  return false;
}

bool check_optimizer(const std::vector<std::vector<std::vector<float>>>& slots, float lr, Divergence& d) {
  for (const auto& tensor : slots)
    for (const auto& slot : tensor)
      if (!all_finite(slot.data(), slot.size()))
        return set(d, 0, "optimizer state",
                   "the optimizer's running averages overflowed (gradients near 1e19 square to Inf): lower the learning rate " +
                       lr_text(lr) + " or use a gentler initialisation");
  return false;
}

}  // namespace actlab::probes
