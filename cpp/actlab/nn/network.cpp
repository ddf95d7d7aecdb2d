// network.cpp — building, initialising, forward and backward passes of the MLP (network.hpp),
// and the output heads with their losses (formulas in config.hpp).
#include "actlab/nn/network.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "actlab/activations/softmax.hpp"
#include "actlab/nn/dense.hpp"
#include "actlab/simd/simd.hpp"

namespace actlab::nn {

using B = simd::Native;

// Issue 9's register-tiled kernels (dense.hpp, forward_small and backward_params_fresh) take the
// layers whose weights fit in 16 KB (L1 with room for the batch): they walk W once per block of 4
// samples, where kernels::forward reuses a 32-row chunk of W across every block, which is what
// large layers (784 → 128) need. Both give the same bits.
constexpr std::size_t kSmallWeights = 4096;

// The batch workspaces hold whole vectors: n rounded up to a multiple of 4 floats, so the small
// path runs an elementwise kernel over the padding too instead of its copy-in/copy-out tail
// (each value has the same bits wherever it sits; the padding is never read).
constexpr std::size_t padded(std::size_t n) { return (n + 3) / 4 * 4; }

std::string Network::build(const NetSpec& spec, int inputs, int outputs, Head head) {
  static std::atomic<std::uint64_t> layouts{0};
  layout_ = ++layouts;  // before any return: a failed build may have changed the arrays too
  if (head == Head::Auto) return "network.head must be resolved before building";
  if (inputs < 1 || inputs > kMaxUnits) return "network: input count must be in [1, 4096]";
  if (outputs < 1 || outputs > kMaxUnits) return "network: output count must be in [1, 4096]";
  if (spec.hidden.size() > static_cast<std::size_t>(kMaxLayers)) return "network.hidden has more than 128 layers";
  if ((head == Head::SigmoidBce || head == Head::TanhMse) && outputs != 1)
    return std::string("network.head ") + head_name(head) + " needs one output unit";
  sigmoid_ = find_activation("sigmoid");
  tanh_ = find_activation("tanh");
  softplus_ = find_activation("softplus");
  if (!sigmoid_ || !tanh_ || !softplus_) return "network: the registry lacks sigmoid, tanh or softplus";

  std::vector<Layer> layers;
  long total = 0;
  int prev = inputs;
  for (std::size_t k = 0; k <= spec.hidden.size(); ++k) {
    Layer l;
    l.in = prev;
    bool hidden = k < spec.hidden.size();
    l.out = hidden ? spec.hidden[k].units : outputs;
    std::string where = "network.hidden[" + std::to_string(k) + "]";
    if (hidden) {
      const HiddenSpec& h = spec.hidden[k];
      if (h.units < 1 || h.units > kMaxUnits) return where + ".units must be in [1, 4096]";
      if (h.activation.rfind("expr:", 0) == 0) {
        if (std::string e = build_expr(l, h, where, spec.prelu_alpha); !e.empty()) return e;
      } else {
      l.act = find_activation(h.activation);
      if (!l.act) return where + ".activation: unknown activation \"" + h.activation + "\" (accepted: " + activation_ids() + ")";
      l.act->default_params(l.params);
      for (int q = 0; q < actlab::kMaxParams; ++q)
        if (!std::isnan(h.params[q])) {
          if (q >= l.act->param_count) return where + ".params: " + h.activation + " takes " + std::to_string(l.act->param_count) + " parameter(s)";
          l.params[q] = h.params[q];
        }
      if (std::string e = l.act->check_params(l.params); !e.empty()) return where + ".params: " + e;
      l.prelu = std::string_view(l.act->id) == "prelu";
      if (l.prelu) l.alpha.assign(spec.prelu_alpha == AlphaMode::Unit ? l.out : 1, l.params[0]);
      }
    }
    total += static_cast<long>(l.in) * l.out + l.out + static_cast<long>(l.alpha.size() + l.evalues.size());
    if (total > kMaxWeights)
      return "network: more than 262,144 parameters (the largest network whose model file this engine reads back)";
    l.W.resize(static_cast<std::size_t>(l.in) * l.out);
    l.b.assign(l.out, spec.bias_init);
    l.gW.assign(l.W.size(), 0.f);
    l.gb.assign(l.out, 0.f);
    l.galpha.assign(l.alpha.size(), 0.f);
    l.gevalues.assign(l.evalues.size(), 0.f);
    layers.push_back(std::move(l));
    prev = layers.back().out;
  }

  // Initialise W from one seeded stream, layer by layer, row-major (i, then j).
  data::Rng rng(spec.seed);
  for (Layer& l : layers) {
    double fan_in = l.in, fan_out = l.out;
    for (float& w : l.W) {
      double v = 0.0;
      switch (spec.init) {
        case Init::Zero: v = 0.0; break;
        case Init::Uniform: v = rng.uniform_range(-spec.init_scale, spec.init_scale); break;
        case Init::Xavier: { double a = std::sqrt(6.0 / (fan_in + fan_out)); v = rng.uniform_range(-a, a); break; }
        case Init::He: v = std::sqrt(2.0 / fan_in) * rng.normal(); break;
        case Init::Lecun: v = std::sqrt(1.0 / fan_in) * rng.normal(); break;
      }
      w = static_cast<float>(v);
    }
  }
  inputs_ = inputs;
  head_ = head;
  layers_ = std::move(layers);
  capacity_ = 0;
  return "";
}

// A typed activation: compiled once per layer (each layer has its own parameter values).
// Parameters: alpha and beta (default_params()), with p0/p1 of the spec overriding their start
// values; both learnable when the expression uses them, one value per layer or (prelu_alpha =
// "unit", as for PReLU) per unit.
std::string Network::build_expr(Layer& l, const HiddenSpec& h, const std::string& where, AlphaMode mode) {
  std::string text = h.activation.substr(5);
  std::vector<expr::ParamDecl> decl = expr::default_params();
  for (int q = 0; q < 2 && q < int(decl.size()); ++q)
    if (!std::isnan(h.params[q])) {
      if (!std::isfinite(h.params[q])) return where + ".params: must be finite";
      decl[std::size_t(q)].value = h.params[q];
    }
  auto c = std::make_shared<expr::Compiled>();
  if (expr::Error e = expr::compile(text, decl, *c)) return where + ".activation: " + e.message;
  l.act = find_activation("identity");
  if (!l.act) return "network: the registry lacks identity";
  l.expr_id = h.activation;
  l.expr_per_unit = mode == AlphaMode::Unit;
  for (int p : c->learnable()) l.evalues.insert(l.evalues.end(), l.expr_per_unit ? l.out : 1, c->values[std::size_t(p)]);
  l.expr = std::move(c);
  return "";
}

bool Network::small(const Layer& l) const {
  return !reference_ && static_cast<std::size_t>(l.in) * static_cast<std::size_t>(l.out) <= kSmallWeights;
}

std::vector<ParamRef> Network::params() {
  std::vector<ParamRef> out;
  params_into(out);
  return out;
}

void Network::params_into(std::vector<ParamRef>& out) {
  out.clear();
  for (std::size_t k = 0; k < layers_.size(); ++k) {
    Layer& l = layers_[k];
    int li = static_cast<int>(k);
    out.push_back({l.W.data(), l.gW.data(), l.W.size(), li, "W", true});
    out.push_back({l.b.data(), l.gb.data(), l.b.size(), li, "b", false});
    if (!l.alpha.empty()) out.push_back({l.alpha.data(), l.galpha.data(), l.alpha.size(), li, "alpha", false});
    if (!l.evalues.empty()) out.push_back({l.evalues.data(), l.gevalues.data(), l.evalues.size(), li, "expr", false});
  }
}

std::size_t Network::param_count() const {
  std::size_t n = 0;
  for (const Layer& l : layers_) n += l.W.size() + l.b.size() + l.alpha.size() + l.evalues.size();
  return n;
}

void Network::reserve(int batch) {
  if (batch <= capacity_) return;
  std::size_t maxw = 0;
  for (Layer& l : layers_) {
    std::size_t n = padded(static_cast<std::size_t>(batch) * l.out);
    l.Z.resize(n);
    l.A.resize(n);
    l.Fp.resize(n);
    l.dZ.resize(n);
    l.Gp.resize(n * l.evalues.size());
    maxw = std::max(maxw, static_cast<std::size_t>(l.in) * l.out);
    maxw = std::max(maxw, static_cast<std::size_t>(batch) * l.in);
  }
  wt_.resize(maxw);
  dA_.resize(maxw);
  capacity_ = batch;
}

// A = f(Z) and Fp = f′(Z) for a hidden layer.
void Network::activate(Layer& l, int batch, bool derivatives) {
  std::size_t n = static_cast<std::size_t>(batch) * l.out;
  if (l.prelu) {
    // PReLU with per-layer or per-unit α: the registry's formula (x > 0 ? x : αx; f′ 1 or α)
    // applied with each unit's own α. Exact operations, so identical to the registry kernel.
    bool per_unit = l.alpha.size() > 1;
    for (int s = 0; s < batch; ++s)
      for (int j = 0; j < l.out; ++j) {
        std::size_t k = static_cast<std::size_t>(s) * l.out + j;
        float a = l.alpha[per_unit ? j : 0], z = l.Z[k];
        l.A[k] = z > 0.f ? z : a * z;
        l.Fp[k] = z != z ? z : (z > 0.f ? 1.f : a);
      }
    return;
  }
  if (l.expr) {
    // f, f′ and ∂f/∂p in one tape run, with this layer's current parameter values.
    std::vector<float> values = l.expr->values;
    std::vector<int> learn = l.expr->learnable();
    std::vector<float*> outs = {l.A.data(), l.Fp.data()};
    for (std::size_t k = 0; k < learn.size(); ++k) {
      values[std::size_t(learn[k])] = l.evalues[k];
      outs.push_back(l.Gp.data() + k * n);
    }
    if (!l.expr_per_unit || learn.empty()) {
      l.expr->tape_grads.run(l.Z.data(), n, outs.data(), values.data());
      return;
    }
    // One value per unit: each unit's column of the batch runs with its own parameters.
    const std::size_t B = static_cast<std::size_t>(batch), U = static_cast<std::size_t>(l.out), P = learn.size();
    l.column.resize((3 + P) * B);
    float* zc = l.column.data();
    std::vector<float*> cols;
    for (std::size_t k = 0; k < 2 + P; ++k) cols.push_back(zc + (1 + k) * B);
    for (std::size_t j = 0; j < U; ++j) {
      for (std::size_t k = 0; k < P; ++k) values[std::size_t(learn[k])] = l.evalues[k * U + j];
      for (std::size_t s = 0; s < B; ++s) zc[s] = l.Z[s * U + j];
      l.expr->tape_grads.run(zc, B, cols.data(), values.data());
      for (std::size_t s = 0; s < B; ++s) {
        l.A[s * U + j] = cols[0][s];
        l.Fp[s * U + j] = cols[1][s];
        for (std::size_t k = 0; k < P; ++k) l.Gp[k * n + s * U + j] = cols[2 + k][s];
      }
    }
    return;
  }
  if (!reference_) n = padded(n);
  if (!derivatives && !reference_) l.act->apply(l.Z.data(), l.A.data(), n, false, l.params, Backend::Simd);
  else l.act->apply_both(l.Z.data(), l.A.data(), l.Fp.data(), n, l.params, Backend::Simd);
}

void Network::forward(const float* X, int batch, bool derivatives) {
  reserve(batch);
  const float* in = X;
  for (std::size_t k = 0; k < layers_.size(); ++k) {
    Layer& l = layers_[k];
    if (!small(l)) kernels::forward<B>(in, batch, l.in, l.out, l.W.data(), l.b.data(), l.Z.data());
    else kernels::forward_small<B>(in, batch, l.in, l.out, l.W.data(), l.b.data(), l.Z.data());
    std::size_t n = static_cast<std::size_t>(batch) * l.out;
    const std::size_t nk = reference_ ? n : padded(n);  // the elementwise heads' kernel length
    if (l.act) {
      activate(l, batch, derivatives);
    } else {
      switch (head_) {
        case Head::SigmoidBce: sigmoid_->apply(l.Z.data(), l.A.data(), nk, false, nullptr, Backend::Simd); break;
        case Head::TanhMse: tanh_->apply(l.Z.data(), l.A.data(), nk, false, nullptr, Backend::Simd); break;
        case Head::SoftmaxCe:
          for (int s = 0; s < batch; ++s)
            softmax(l.Z.data() + static_cast<std::size_t>(s) * l.out, l.A.data() + static_cast<std::size_t>(s) * l.out,
                    static_cast<std::size_t>(l.out), 1.0f, Backend::Simd);
          break;
        default: std::copy(l.Z.begin(), l.Z.begin() + static_cast<std::ptrdiff_t>(n), l.A.begin()); break;
      }
    }
    in = l.A.data();
  }
}

// For y = 1 the loss is 1·sp(−z) + 0·sp(z) and for y = 0 it is 0·sp(−z) + 1·sp(z); with z finite
// both softplus values are finite and >= 0, so that is the one needed value + 0 (the + 0.0f in
// bce_batch_mean turns a −0 into +0, as the sum with the zero product did): the same bits as the
// pair. One pass without a branch on the labels. z − z is 0 exactly when z is finite.
bool Network::bce_binary_terms(const float* y, int batch, std::vector<float>& terms) const {
  if (reference_ || head_ != Head::SigmoidBce) return false;
  const Layer& l = layers_.back();  // K = 1
  const std::size_t first = terms.size();
  terms.resize(first + static_cast<std::size_t>(batch));
  float* t = terms.data() + first;
  bool binary = true;
  for (int s = 0; s < batch; ++s) {
    const float z = l.Z[static_cast<std::size_t>(s)], ys = y[s];
    binary &= ((ys == 0.f) | (ys == 1.f)) & (z - z == 0.f);
    t[s] = ys == 1.f ? -z : z;
  }
  if (!binary) terms.resize(first);
  return binary;
}

void Network::bce_softplus(const float* terms, float* sp, std::size_t n) const {
  softplus_->apply(terms, sp, n, false, nullptr, Backend::Simd);
}

double Network::bce_batch_mean(const float* sp, int batch, float* per_sample) {
  double sum = 0.0;
  for (int s = 0; s < batch; ++s) {
    const float L = sp[s] + 0.0f;
    if (per_sample) per_sample[s] = L;
    sum += L;
  }
  return sum / batch;
}

double Network::loss(const float* y, int batch, float* per_sample) const {
  const Layer& l = layers_.back();
  const int K = l.out;
  if (!reference_ && head_ == Head::SigmoidBce) {
    // Issue 9: softplus(−z) and softplus(z) of the whole batch in one kernel call instead of one
    // call per sample. The kernel is elementwise (whole vectors, then a zero-padded tail), so each
    // value has the same bits wherever it sits in the array; the sum below is the same sequence.
    // Labels exactly 0 or 1 and finite logits: one softplus a sample (bce_binary_terms).
    loss_terms_.clear();
    if (bce_binary_terms(y, batch, loss_terms_)) {
      if (loss_tmp_.size() < loss_terms_.size()) loss_tmp_.resize(loss_terms_.size());
      bce_softplus(loss_terms_.data(), loss_tmp_.data(), loss_terms_.size());
      return bce_batch_mean(loss_tmp_.data(), batch, per_sample);
    }
    // Otherwise (a non-finite z, where the pair gives NaN, or soft labels) the pair.
    const std::size_t n2 = padded(static_cast<std::size_t>(batch) * 2);
    if (loss_tmp_.size() < 2 * n2) loss_tmp_.resize(2 * n2);
    float* t = loss_tmp_.data();
    float* sp = t + n2;
    for (int s = 0; s < batch; ++s) {
      const float z = l.Z[static_cast<std::size_t>(s)];  // K = 1
      t[2 * s] = -z;
      t[2 * s + 1] = z;
    }
    softplus_->apply(t, sp, n2, false, nullptr, Backend::Simd);
    double sum = 0.0;
    for (int s = 0; s < batch; ++s) {
      const float L = y[s] * sp[2 * s] + (1.f - y[s]) * sp[2 * s + 1];
      if (per_sample) per_sample[s] = L;
      sum += L;
    }
    return sum / batch;
  }
  double sum = 0.0;
  std::vector<float> tmp(static_cast<std::size_t>(K) * 2);
  for (int s = 0; s < batch; ++s) {
    const float* z = l.Z.data() + static_cast<std::size_t>(s) * K;
    const float* a = l.A.data() + static_cast<std::size_t>(s) * K;
    float L = 0.f;
    switch (head_) {
      case Head::SigmoidBce: {
        // −[y log σ(z) + (1−y) log(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z): no log(0).
        float t[2] = {-z[0], z[0]}, sp[2];
        softplus_->apply(t, sp, 2, false, nullptr, Backend::Simd);
        L = y[s] * sp[0] + (1.f - y[s]) * sp[1];
        break;
      }
      case Head::SoftmaxCe: {
        // −log p_y = −log_softmax(z)_y (max-subtracted: finite for any finite logits).
        log_softmax(z, tmp.data(), static_cast<std::size_t>(K), 1.0f, Backend::Simd);
        int c = static_cast<int>(y[s]);
        L = -tmp[static_cast<std::size_t>(c < 0 ? 0 : c >= K ? K - 1 : c)];
        break;
      }
      case Head::IdentityMse:
      case Head::TanhMse:
      default: {
        for (int j = 0; j < K; ++j) {
          float d = a[j] - y[s];  // regression: one target per sample (K = 1)
          L = L + 0.5f * d * d;
        }
        break;
      }
    }
    if (per_sample) per_sample[s] = L;
    sum += L;
  }
  return sum / batch;
}

double Network::reg_loss(Regularization reg, float lambda) const {
  if (reg == Regularization::None || lambda == 0.f) return 0.0;
  double s = 0.0;
  for (const Layer& l : layers_)
    for (float w : l.W) s += reg == Regularization::L1 ? std::fabs(static_cast<double>(w)) : 0.5 * w * static_cast<double>(w);
  return lambda * s;
}

void Network::backward(const float* X, const float* y, int batch, Regularization reg, float lambda) {
  const float inv = 1.0f / static_cast<float>(batch);
  // ∂L/∂Z of the output layer.
  {
    Layer& l = layers_.back();
    const int K = l.out;
    int s0 = 0;
    if (!reference_ && K == 1 && (head_ == Head::SigmoidBce || head_ == Head::IdentityMse)) {
      // One output unit: p − y over the samples in vectors (elementwise, the same bits as below).
      const B::F vinv = B::splat(inv);
      for (; s0 + B::width <= batch; s0 += B::width)
        B::store(l.dZ.data() + s0, B::mul(B::sub(B::load(l.A.data() + s0), B::load(y + s0)), vinv));
    }
    for (int s = s0; s < batch; ++s) {
      const float* a = l.A.data() + static_cast<std::size_t>(s) * K;
      float* d = l.dZ.data() + static_cast<std::size_t>(s) * K;
      switch (head_) {
        case Head::SoftmaxCe: {
          int c = static_cast<int>(y[s]);
          for (int j = 0; j < K; ++j) d[j] = (a[j] - (j == c ? 1.f : 0.f)) * inv;
          break;
        }
        case Head::TanhMse:
          for (int j = 0; j < K; ++j) d[j] = ((a[j] - y[s]) * (1.f - a[j] * a[j])) * inv;
          break;
        default:  // sigmoid + BCE and identity + MSE share p − y
          for (int j = 0; j < K; ++j) d[j] = (a[j] - y[s]) * inv;
          break;
      }
    }
  }
  for (std::size_t k = layers_.size(); k-- > 0;) {
    Layer& l = layers_[k];
    const float* in = k == 0 ? X : layers_[k - 1].A.data();
    if (!small(l)) {
      std::fill(l.gW.begin(), l.gW.end(), 0.f);
      std::fill(l.gb.begin(), l.gb.end(), 0.f);
      kernels::backward_params<B>(in, l.dZ.data(), batch, l.in, l.out, l.gW.data(), l.gb.data());
    } else {
      kernels::backward_params_fresh<B>(in, l.dZ.data(), batch, l.in, l.out, l.gW.data(), l.gb.data());
    }
    if (reg == Regularization::L2 && lambda != 0.f)
      for (std::size_t q = 0; q < l.W.size(); ++q) l.gW[q] = l.gW[q] + lambda * l.W[q];
    if (reg == Regularization::L1 && lambda != 0.f)
      for (std::size_t q = 0; q < l.W.size(); ++q)
        l.gW[q] = l.gW[q] + (l.W[q] > 0.f ? lambda : l.W[q] < 0.f ? -lambda : 0.f);
    if (k == 0) break;
    // dA of the layer below, then its dZ = dA ⊙ f′(Z) (and PReLU's ∂L/∂α = Σ dA·min(z, 0)).
    Layer& below = layers_[k - 1];
    // Wᵀ; a single row or column is its own transpose (the binary heads' 8 → 1), so the small
    // path reads W itself there.
    const bool vector_w = small(l) && (l.in == 1 || l.out == 1);
    if (!vector_w) {
      if (small(l)) kernels::transpose_small<B>(l.W.data(), l.in, l.out, wt_.data());
      else kernels::transpose(l.W.data(), l.in, l.out, wt_.data());
    }
    const float* wt = vector_w ? l.W.data() : wt_.data();
    std::size_t n = static_cast<std::size_t>(batch) * below.out;
    if (!small(l)) {
      kernels::backward_input<B>(l.dZ.data(), wt_.data(), batch, l.in, l.out, dA_.data());
      for (std::size_t q = 0; q < n; ++q) below.dZ[q] = dA_[q] * below.Fp[q];
    } else {
      // dA = dZ·Wᵀ is a forward pass through Wᵀ with a zero bias: each dA element is
      // 0 + Σ_j dZ[s][j]·Wt[j][i] in increasing j, exactly backward_input's sum.
      if (zeros_.size() < static_cast<std::size_t>(l.in)) zeros_.assign(static_cast<std::size_t>(l.in), 0.f);
      kernels::forward_small<B>(l.dZ.data(), batch, l.out, l.in, wt, zeros_.data(), dA_.data());
      kernels::multiply<B>(dA_.data(), below.Fp.data(), n, below.dZ.data());
    }
    if (below.prelu) {
      std::fill(below.galpha.begin(), below.galpha.end(), 0.f);
      bool per_unit = below.alpha.size() > 1;
      for (int s = 0; s < batch; ++s)
        for (int j = 0; j < below.out; ++j) {
          std::size_t q = static_cast<std::size_t>(s) * below.out + j;
          float z = below.Z[q];
          if (!(z > 0.f)) below.galpha[per_unit ? j : 0] += dA_[q] * z;
        }
    }
    // A typed activation's learnable parameters: ∂L/∂p = Σ dA·∂f/∂p, summed in sample order.
    // Per unit: the sum runs over the unit's column, in sample order (as PReLU's per-unit α).
    const std::size_t U = static_cast<std::size_t>(below.out);
    const std::size_t per = below.expr_per_unit ? U : 1;
    for (std::size_t k = 0; k < below.evalues.size(); ++k) {
      float g = 0.f;
      const std::size_t p = k / per, j = k % per;
      const float* gp = below.Gp.data() + p * n;
      if (below.expr_per_unit)
        for (std::size_t q = j; q < n; q += U) g += dA_[q] * gp[q];
      else
        for (std::size_t q = 0; q < n; ++q) g += dA_[q] * gp[q];
      below.gevalues[k] = g;
    }
  }
}

int predicted_class(Head head, const float* out, int outputs) {
  switch (head) {
    case Head::SigmoidBce: return out[0] >= 0.5f ? 1 : 0;
    case Head::TanhMse: return out[0] >= 0.f ? 1 : 0;
    case Head::SoftmaxCe: {
      int best = 0;
      for (int j = 1; j < outputs; ++j)
        if (out[j] > out[best]) best = j;
      return best;
    }
    default: return 0;
  }
}

}  // namespace actlab::nn
