// trainer.cpp — configuration, the mini-batch loop, evaluation, grids and health of trainer.hpp.
#include "actlab/nn/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "actlab/data/digits.hpp"

namespace actlab::nn {

float Trainer::head_label(Head h, data::Task task, float y) {
  if (h == Head::TanhMse && task == data::Task::Binary) return y > 0.5f ? 1.f : -1.f;
  return y;
}

std::string Trainer::resolve_head(Head requested, const data::Dataset& d, Head& out) {
  using data::Task;
  Head h = requested;
  if (h == Head::Auto)
    h = d.task == Task::Binary ? Head::SigmoidBce : d.task == Task::Multiclass ? Head::SoftmaxCe : Head::IdentityMse;
  bool ok = d.task == Task::Binary ? true
            : d.task == Task::Multiclass ? h == Head::SoftmaxCe
                                         : (h == Head::IdentityMse || h == Head::TanhMse);
  if (!ok)
    return std::string("network.head ") + head_name(h) + " does not fit a " + data::task_name(d.task) + " dataset (use " +
           (d.task == Task::Multiclass ? "softmax_ce" : "identity_mse or tanh_mse") + ")";
  out = h;
  return "";
}

std::string Trainer::configure(const Config& c) {
  data::Dataset d;
  std::string e = c.dataset.name == "digits" ? (digits_.empty() ? "dataset.name: \"digits\" needs the bytes of public/data/digits8x8.bin"
                                                                 : data::make_digits(digits_, c.dataset, d))
                                             : data::make_dataset(c.dataset, d);
  if (!e.empty()) return e;
  Head h;
  if (e = resolve_head(c.network.head, d, h); !e.empty()) return e;
  int outputs = h == Head::SoftmaxCe ? d.classes : 1;
  Network net;
  if (e = net.build(c.network, d.dims, outputs, h); !e.empty()) return e;

  // Everything succeeded: commit.
  cfg_ = c;
  data_ = std::move(d);
  net_ = std::move(net);
  ytr_.resize(data_.y_train.size());
  yte_.resize(data_.y_test.size());
  for (std::size_t i = 0; i < ytr_.size(); ++i) ytr_[i] = head_label(h, data_.task, data_.y_train[i]);
  for (std::size_t i = 0; i < yte_.size(); ++i) yte_[i] = head_label(h, data_.task, data_.y_test[i]);
  opt_.reset(cfg_.training, net_);
  shuffle_rng_.reseed(cfg_.training.seed);
  order_.resize(data_.n_train());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
  pos_ = 0;
  epoch_ = 0;
  net_steps_ = 0;
  epoch_loss_sum_ = 0;
  pending_terms_.clear();
  pending_batches_.clear();
  last_epoch_loss_ = NAN;
  div_ = probes::Divergence{};
  ready_ = true;
  return "";
}

std::string Trainer::configure_json(std::string_view text) {
  json::Value v;
  std::string err;
  if (!json::parse(text, v, err)) return "config: " + err;
  Config c;
  if (err = config_from_json(v, c); !err.empty()) return err;
  return configure(c);
}

void Trainer::gather(std::size_t first, int count) {
  const int dims = data_.dims;
  bx_.resize(static_cast<std::size_t>(count) * dims);
  by_.resize(static_cast<std::size_t>(count));
  const float* x = data_.x_train.data();
  float* bx = bx_.data();
  for (int s = 0; s < count; ++s) {
    std::uint32_t i = order_[first + static_cast<std::size_t>(s)];
    const float* from = x + static_cast<std::size_t>(i) * dims;
    float* to = bx + static_cast<std::size_t>(s) * dims;
    if (dims == 2) {  // the 2-D sets without extra features: two floats, not a memmove call
      to[0] = from[0];
      to[1] = from[1];
    } else {
      std::copy_n(from, dims, to);
    }
    by_[static_cast<std::size_t>(s)] = ytr_[i];
  }
}

bool Trainer::step() {
  if (!ready_ || div_.found) return false;
  const std::size_t n = order_.size();
  if (pos_ == 0 && cfg_.training.shuffle) shuffle_rng_.shuffle(order_);
  int count = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(cfg_.training.batch), n - pos_));
  gather(pos_, count);
  net_.forward(bx_.data(), count);
  // The loss: deferred to settle_loss() when it is a sum of softplus terms (then it is finite by
  // construction, so the divergence check below has nothing to learn from it), else taken now,
  // after the pending batches so that the epoch's sum keeps batch order.
  const std::size_t mark = pending_terms_.size();
  const bool deferred = net_.bce_binary_terms(by_.data(), count, pending_terms_);
  double L = 0.0;
  if (!deferred) {
    settle_loss();
    L = net_.loss(by_.data(), count, nullptr);
  }
  net_.backward(bx_.data(), by_.data(), count, cfg_.training.regularization, cfg_.training.lambda);
  ++net_steps_;
  div_.step = net_steps_;
  div_.epoch = epoch_;
  const float lr = cfg_.training.schedule == Schedule::Constant ? cfg_.training.learning_rate : learning_rate_now();
  // A step that diverges adds no loss to the epoch (as before): its terms are dropped.
  auto diverged = [&] {
    if (deferred) pending_terms_.resize(mark);
    return false;
  };
  if (probes::check_pass(net_, bx_.data(), count, L, lr, div_)) return diverged();
  opt_.set_learning_rate(lr);
  opt_.step(net_);
  // The weights: already known finite when SGD summed them as it wrote them; SGD has no slots.
  if (!opt_.updated_finite() && probes::check_weights(net_, lr, div_)) return diverged();
  if (opt_.slot_count() > 0 && probes::check_optimizer(opt_.slots(), lr, div_)) return diverged();
  if (deferred) pending_batches_.push_back(count);
  else epoch_loss_sum_ += L * count;
  pos_ += static_cast<std::size_t>(count);
  if (pos_ >= n) {
    settle_loss();
    last_epoch_loss_ = epoch_loss_sum_ / static_cast<double>(n);
    epoch_loss_sum_ = 0;
    pos_ = 0;
    ++epoch_;
  }
  return true;
}

double Trainer::settled_loss_sum() const {
  double sum = epoch_loss_sum_;
  if (pending_batches_.empty()) return sum;
  pending_sp_.resize(pending_terms_.size());
  net_.bce_softplus(pending_terms_.data(), pending_sp_.data(), pending_terms_.size());
  const float* sp = pending_sp_.data();
  for (int count : pending_batches_) {
    const double L = Network::bce_batch_mean(sp, count, nullptr);
    sum += L * count;
    sp += count;
  }
  return sum;
}

void Trainer::settle_loss() {
  epoch_loss_sum_ = settled_loss_sum();
  pending_terms_.clear();
  pending_batches_.clear();
}

bool Trainer::run_epoch() {
  if (!ready_) return false;
  int start = epoch_;
  while (epoch_ == start)
    if (!step()) return false;
  return true;
}

int Trainer::run_for_ms(double ms) {
  if (!(ms >= 0 && ms <= limits::kMaxStepMs)) return 0;  // NaN fails both comparisons
  auto t0 = std::chrono::steady_clock::now();
  int done = 0;
  while (step()) {
    ++done;
    double el = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (el >= ms) break;
  }
  return done;
}

std::string Trainer::step_budget_error(bool epochs, double n) const {
  const char* what = epochs ? "epochs" : "batches";
  if (!(n >= 0 && n <= 2147483647.0 && n == std::floor(n)))
    return std::string(what) + " must be a whole number from 0 to 2147483647";
  if (!ready_) return "";
  const double n_train = static_cast<double>(order_.size());
  const double batch = static_cast<double>(cfg_.training.batch);
  const double per_epoch = std::ceil(n_train / batch);
  const double steps = epochs ? n * per_epoch : n;
  const double samples = epochs ? n * n_train : n * std::min(batch, n_train);
  const double work = samples * static_cast<double>(net_.param_count());
  char buf[320];
  if (steps > static_cast<double>(limits::kMaxStepBatches)) {
    std::snprintf(buf, sizeof buf, "%.0f %s are %.0f optimiser steps; one call may run at most %lld (ask again, or in smaller slices)", n, what,
                  steps, static_cast<long long>(limits::kMaxStepBatches));
    return buf;
  }
  if (work > limits::kMaxStepWork) {
    std::snprintf(buf, sizeof buf, "%.0f %s are %.3g samples x parameters of work; one call may run at most %.0f (ask again, or in smaller slices)",
                  n, what, work, limits::kMaxStepWork);
    return buf;
  }
  return "";
}

Metrics Trainer::evaluate(bool test) {
  Metrics m{NAN, NAN};
  if (!ready_) return m;
  const auto& X = test ? data_.x_test : data_.x_train;
  const auto& Y = test ? yte_ : ytr_;
  const std::size_t n = Y.size();
  if (n == 0) return m;
  const int dims = data_.dims, K = net_.outputs();
  double loss = 0;
  std::size_t correct = 0;
  constexpr int kChunk = 256;
  for (std::size_t first = 0; first < n; first += kChunk) {
    int count = static_cast<int>(std::min<std::size_t>(kChunk, n - first));
    net_.forward(X.data() + first * dims, count, false);  // inference: no f′ needed
    loss += net_.loss(Y.data() + first, count, nullptr) * count;
    const float* out = net_.output();
    for (int s = 0; s < count; ++s) {
      int pred = predicted_class(net_.head(), out + static_cast<std::size_t>(s) * K, K);
      float y = (test ? data_.y_test : data_.y_train)[first + s];  // the class, 0/1 for binary
      if (net_.head() == Head::IdentityMse) pred = out[static_cast<std::size_t>(s) * K] >= 0.5f ? 1 : 0;
      correct += pred == static_cast<int>(y);
    }
  }
  m.loss = loss / static_cast<double>(n);
  m.accuracy = data_.task == data::Task::Regression ? NAN : static_cast<double>(correct) / static_cast<double>(n);
  return m;
}

std::string Trainer::decision_grid(int res, double x0, double x1, double y0, double y1, float* out) {
  if (!ready_) return "decision_grid: the trainer is not configured";
  if (data_.name == "digits") return "decision_grid: the digits dataset has no 2-D input space";
  if (res < 1 || res > 2048) return "decision_grid: resolution must be in [1, 2048]";
  if (!(std::isfinite(x0) && std::isfinite(x1) && std::isfinite(y0) && std::isfinite(y1) && x1 > x0 && y1 > y0))
    return "decision_grid: the domain must be finite with x1 > x0 and y1 > y0";
  const int dims = data_.dims, K = net_.outputs();
  std::vector<float> X(static_cast<std::size_t>(res) * dims);
  const std::vector<data::Feature> feats = data::resolve_features(data_.features);
  for (int r = 0; r < res; ++r) {
    double y = y1 - (r + 0.5) * (y1 - y0) / res;
    for (int c = 0; c < res; ++c) {
      double x = x0 + (c + 0.5) * (x1 - x0) / res;
      data::compute_features(feats, x, y, X.data() + static_cast<std::size_t>(c) * dims);
    }
    net_.forward(X.data(), res, false);  // inference: no f′ needed
    std::copy_n(net_.output(), static_cast<std::size_t>(res) * K, out + static_cast<std::size_t>(r) * res * K);
  }
  return "";
}

std::vector<probes::LayerHealth> Trainer::health() {
  if (!ready_) return {};
  int count = static_cast<int>(std::min<std::size_t>(256, data_.n_train()));
  net_.forward(data_.x_train.data(), count);
  net_.backward(data_.x_train.data(), ytr_.data(), count, cfg_.training.regularization, cfg_.training.lambda);
  return probes::layer_health(net_, count);
}

// ---- weight editing (declared with the rest of the public interface in trainer.hpp) ----

namespace {

// "" or why `i` is not an index in [0, n).
std::string index_error(const char* what, int i, int n) {
  if (i >= 0 && i < n) return "";
  return std::string(what) + " " + std::to_string(i) + " is out of range (0 to " + std::to_string(n - 1) + ")";
}

// "" or why `v` cannot be a float32 weight (NaN, ±Inf, or beyond the float32 range).
std::string value_error(double v) {
  if (std::isfinite(v) && std::isfinite(static_cast<float>(v))) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return std::string("value ") + buf + " is not a finite float32 number";
}

}  // namespace

std::string Trainer::set_weight(int layer, int row, int col, double value) {
  if (!ready_) return "set_weight: the trainer is not configured";
  const int layers = static_cast<int>(net_.layers().size());
  std::string e = index_error("layer", layer, layers);
  if (e.empty()) {
    const Layer& l = net_.layers()[static_cast<std::size_t>(layer)];
    e = index_error("row (input unit)", row, l.in);
    if (e.empty()) e = index_error("column (output unit)", col, l.out);
  }
  if (e.empty()) e = value_error(value);
  if (!e.empty()) return "set_weight: " + e;
  Layer& l = net_.layers()[static_cast<std::size_t>(layer)];
  l.W[static_cast<std::size_t>(row) * l.out + col] = static_cast<float>(value);
  return "";
}

std::string Trainer::set_bias(int layer, int unit, double value) {
  if (!ready_) return "set_bias: the trainer is not configured";
  const int layers = static_cast<int>(net_.layers().size());
  std::string e = index_error("layer", layer, layers);
  if (e.empty()) e = index_error("unit", unit, net_.layers()[static_cast<std::size_t>(layer)].out);
  if (e.empty()) e = value_error(value);
  if (!e.empty()) return "set_bias: " + e;
  net_.layers()[static_cast<std::size_t>(layer)].b[static_cast<std::size_t>(unit)] = static_cast<float>(value);
  return "";
}

}  // namespace actlab::nn
