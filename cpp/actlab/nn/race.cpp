// race.cpp — the activation race of race.hpp: building the contestants, interleaved rounds,
// the per-epoch record, and the report (improvement %, epochs to target, spread, ranking).
#include "actlab/nn/race.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "actlab/util/fnv.hpp"
#include "actlab/util/json.hpp"

namespace actlab::nn {

using json::Value;

namespace {

std::string path_of(const char* field) { return std::string("race.") + field; }

// A whole number in [lo, hi] at `key` (absent: keeps `out`).
std::string read_int(const Value& v, const char* key, int lo, int hi, int& out) {
  const Value* x = v.find(key);
  if (!x) return "";
  if (!x->is_number() || x->num != std::trunc(x->num) || x->num < lo || x->num > hi)
    return path_of(key) + " must be a whole number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  out = static_cast<int>(x->num);
  return "";
}

Value num(double d) { return std::isfinite(d) ? Value::number(d) : Value(); }

Value series(const std::vector<double>& s, std::size_t from) {
  Value a = Value::array();
  for (std::size_t i = from; i < s.size(); ++i) a.push(num(s[i]));
  return a;
}

}  // namespace

std::string race_from_json(std::string_view text, RaceSpec& out) {
  Value v;
  std::string err;
  if (!json::parse(text, v, err)) return "race: " + err;
  if (!v.is_object()) return "race: must be an object";
  for (const auto& [key, _] : v.obj)
    if (key != "config" && key != "contestants" && key != "seeds" && key != "target" && key != "epochs")
      return "race." + key + ": unknown field (accepted: config, contestants, seeds, target, epochs)";
  RaceSpec r;
  if (const Value* c = v.find("config")) {
    if (!c->is_object()) return "race.config must be an object";
    if (err = config_from_json(*c, r.config); !err.empty()) return err;
  }
  const Value* cs = v.find("contestants");
  if (!cs || !cs->is_array()) return "race.contestants must be an array of 2 to 8 contestants";
  if (cs->arr.size() < 2 || cs->arr.size() > static_cast<std::size_t>(limits::kMaxRaceContestants))
    return "race.contestants must hold 2 to 8 contestants, got " + std::to_string(cs->arr.size());
  for (std::size_t i = 0; i < cs->arr.size(); ++i) {
    const Value& e = cs->arr[i];
    std::string where = "race.contestants[" + std::to_string(i) + "]";
    if (!e.is_object()) return where + " must be an object { activation, params }";
    Contestant k;
    for (const auto& [key, _] : e.obj)
      if (key != "activation" && key != "params") return where + "." + key + ": unknown field (accepted: activation, params)";
    const Value* a = e.find("activation");
    if (!a || !a->is_string()) return where + ".activation must be a string (a registry id)";
    k.activation = a->str;
    if (const Value* p = e.find("params")) {
      if (!p->is_array() || p->arr.size() > 2) return where + ".params must be an array of at most 2 numbers or nulls";
      for (std::size_t q = 0; q < p->arr.size(); ++q) {
        if (p->arr[q].is_null()) continue;
        if (!p->arr[q].is_number() || !std::isfinite(p->arr[q].num)) return where + ".params[" + std::to_string(q) + "] must be a number or null";
        k.params[q] = static_cast<float>(p->arr[q].num);
      }
    }
    r.contestants.push_back(std::move(k));
  }
  if (err = read_int(v, "seeds", 1, limits::kMaxRaceSeeds, r.seeds); !err.empty()) return err;
  if (err = read_int(v, "epochs", 1, limits::kMaxRaceEpochs, r.epochs); !err.empty()) return err;
  if (const Value* t = v.find("target")) {
    if (!t->is_number() || !(t->num >= 0 && t->num <= 1)) return "race.target must be a test accuracy in [0, 1]";
    r.target = t->num;
  }
  out = std::move(r);
  return "";
}

std::uint64_t weights_hash(const Network& net) {
  std::uint64_t h = util::kFnvOffset;
  auto eat = [&h](const std::vector<float>& v) { h = util::fnv1a64_floats(v.data(), v.size(), h); };
  for (const Layer& l : net.layers()) {
    eat(l.W);
    eat(l.b);
  }
  return h;
}

std::string Race::configure(const RaceSpec& spec) {
  if (spec.contestants.size() < 2 || spec.contestants.size() > static_cast<std::size_t>(limits::kMaxRaceContestants))
    return "race.contestants must hold 2 to 8 contestants";
  if (spec.seeds < 1 || spec.seeds > limits::kMaxRaceSeeds) return "race.seeds must be in [1, 10]";
  if (spec.config.network.hidden.empty()) return "race.config.network.hidden: a race needs at least one hidden layer (the activation is what differs)";
  std::vector<Run> runs;
  const int C = static_cast<int>(spec.contestants.size());
  double floats = 0;
  for (int s = 0; s < spec.seeds; ++s) {
    for (int c = 0; c < C; ++c) {
      Config cfg = spec.config;
      for (HiddenSpec& h : cfg.network.hidden) {
        h.activation = spec.contestants[static_cast<std::size_t>(c)].activation;
        h.params[0] = spec.contestants[static_cast<std::size_t>(c)].params[0];
        h.params[1] = spec.contestants[static_cast<std::size_t>(c)].params[1];
      }
      cfg.network.seed += static_cast<std::uint64_t>(s);
      cfg.training.seed += static_cast<std::uint64_t>(s);
      Run r;
      r.t = std::make_unique<Trainer>();
      if (!digits_.empty() && cfg.dataset.name == "digits") r.t->set_digits_bytes(digits_);
      if (std::string e = r.t->configure(cfg); !e.empty())
        return (C > 1 ? "race.contestants[" + std::to_string(c) + "] (" + spec.contestants[static_cast<std::size_t>(c)].activation + "): " : "") + e;
      // Every trainer holds the same data and about as many parameters: the first one tells the total.
      const data::Dataset& d = r.t->dataset();
      if (runs.empty())
        floats = (static_cast<double>(d.x_train.size() + d.x_test.size()) + static_cast<double>(r.t->network().param_count()) * 4) *
                 C * spec.seeds;
      if (floats > static_cast<double>(limits::kRaceMaxFloats))
        return "race: contestants x seeds x (samples x inputs + 4 x parameters) exceeds 16,777,216 floats; use fewer seeds, contestants or samples";
      r.init_hash = weights_hash(r.t->network());
      runs.push_back(std::move(r));
    }
    // The guarantee: within a seed, every contestant starts from the same W and b.
    const Network& first = runs[static_cast<std::size_t>(s * C)].t->network();
    for (int c = 1; c < C; ++c) {
      const Network& other = runs[static_cast<std::size_t>(s * C + c)].t->network();
      for (std::size_t l = 0; l < first.layers().size(); ++l)
        if (first.layers()[l].W != other.layers()[l].W || first.layers()[l].b != other.layers()[l].b)
          return "race: contestant " + std::to_string(c) + " does not start from the same initial weights (layer " + std::to_string(l) + ")";
    }
  }
  spec_ = spec;
  runs_ = std::move(runs);
  epoch_ = 0;
  for (std::size_t i = 0; i < runs_.size(); ++i) record(runs_[i], true);
  return "";
}

std::string Race::configure_json(std::string_view text) {
  RaceSpec s;
  if (std::string e = race_from_json(text, s); !e.empty()) return e;
  return configure(s);
}

void Race::record(Run& r, bool keep_history) {
  Metrics tr = r.t->evaluate(false), te = r.t->evaluate(true);
  if (!keep_history) r.h = RaceHistory{};
  r.h.train_loss.push_back(tr.loss);
  r.h.test_loss.push_back(te.loss);
  r.h.train_acc.push_back(tr.accuracy);
  r.h.test_acc.push_back(te.accuracy);
  if (r.reached < 0 && te.accuracy >= spec_.target) r.reached = epoch_;
}

int Race::step(int n) {
  int done = 0;
  const std::size_t C = spec_.contestants.size();
  while (done < n && ready() && epoch_ < spec_.epochs) {
    for (Run& r : runs_)
      if (!r.diverged && !r.t->run_epoch()) r.diverged = true;
    ++epoch_;
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (!runs_[i].diverged) record(runs_[i], i < C);
    ++done;
  }
  return done;
}

int Race::step_ms(double ms) {
  if (!(ms >= 0 && ms <= limits::kMaxStepMs)) return -1;
  auto t0 = std::chrono::steady_clock::now();
  int done = 0;
  while (step(1) == 1) {
    ++done;
    if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() >= ms) break;
  }
  return done;
}

std::string Race::grid(int contestant, int res, double x0, double x1, double y0, double y1, float* out) {
  if (!ready()) return "race: not configured";
  if (contestant < 0 || contestant >= contestants()) return "race: no contestant " + std::to_string(contestant);
  return trainer(contestant, 0).decision_grid(res, x0, x1, y0, y1, out);
}

std::string Race::report_json(int from) const {
  Value o = Value::object();
  o.set("ready", Value::boolean(ready()));
  if (!ready()) return json::write(o);
  const int C = contestants(), S = seeds();
  o.set("epoch", Value::number(epoch_));
  o.set("epochs", Value::number(spec_.epochs));
  o.set("finished", Value::boolean(finished()));
  o.set("seeds", Value::number(S));
  o.set("target", Value::number(spec_.target));
  std::size_t f = static_cast<std::size_t>(std::max(0, from));
  o.set("from", Value::number(static_cast<double>(f)));
  const data::Dataset& ds = runs_[0].t->dataset();
  Value dv = Value::object();
  dv.set("name", Value::string(ds.name));
  dv.set("classes", Value::number(ds.classes));
  dv.set("nTrain", Value::number(static_cast<double>(ds.n_train())));
  dv.set("nTest", Value::number(static_cast<double>(ds.n_test())));
  o.set("dataset", std::move(dv));
  bool same = true;
  for (int c = 1; c < C; ++c) same = same && runs_[static_cast<std::size_t>(c)].init_hash == runs_[0].init_hash;
  o.set("sameInitialWeights", Value::boolean(same));

  struct Key { int c; bool div; double reach; double acc; double loss; };
  std::vector<Key> keys;
  Value arr = Value::array();
  for (int c = 0; c < C; ++c) {
    const Run& r0 = runs_[static_cast<std::size_t>(c)];
    const RaceHistory& h = r0.h;
    Value e = Value::object();
    const Contestant& k = spec_.contestants[static_cast<std::size_t>(c)];
    e.set("activation", Value::string(k.activation));
    const Layer& l0 = r0.t->network().layers()[0];
    Value ps = Value::array();
    int pc = l0.act ? l0.act->param_count : 0;
    for (int q = 0; q < pc; ++q) ps.push(num(l0.params[q]));
    e.set("params", std::move(ps));
    e.set("initialHash", Value::string(util::hex64(r0.init_hash)));
    e.set("epoch", Value::number(static_cast<double>(h.train_loss.size() - 1)));
    e.set("diverged", Value::boolean(r0.diverged));
    e.set("divergence", r0.diverged ? Value::string(r0.t->divergence().message()) : Value());
    double L0 = h.train_loss.front(), Le = h.train_loss.back();
    e.set("initialLoss", num(L0));
    e.set("trainLoss", num(Le));
    e.set("testLoss", num(h.test_loss.back()));
    e.set("trainAccuracy", num(h.train_acc.back()));
    e.set("testAccuracy", num(h.test_acc.back()));
    e.set("improvement", num(L0 > 0 ? 100.0 * (L0 - Le) / L0 : NAN));
    e.set("epochsToTarget", r0.reached >= 0 ? Value::number(r0.reached) : Value());
    // Spread over the seeds: the current test accuracy, and epochs to target.
    double lo = INFINITY, hi = -INFINITY, sum = 0, rsum = 0;
    int n = 0, reached = 0, div = 0;
    for (int s = 0; s < S; ++s) {
      const Run& r = runs_[static_cast<std::size_t>(s * C + c)];
      if (r.diverged) ++div;
      double a = r.h.test_acc.back();
      if (std::isfinite(a)) { lo = std::min(lo, a); hi = std::max(hi, a); sum += a; ++n; }
      if (r.reached >= 0) { ++reached; rsum += r.reached; }
    }
    Value sp = Value::object();
    sp.set("min", n ? num(lo) : Value());
    sp.set("mean", n ? num(sum / n) : Value());
    sp.set("max", n ? num(hi) : Value());
    sp.set("reached", Value::number(reached));
    sp.set("meanEpochsToTarget", reached ? num(rsum / reached) : Value());
    sp.set("diverged", Value::number(div));
    e.set("spread", std::move(sp));
    Value hv = Value::object();
    hv.set("trainLoss", series(h.train_loss, f));
    hv.set("testLoss", series(h.test_loss, f));
    hv.set("trainAccuracy", series(h.train_acc, f));
    hv.set("testAccuracy", series(h.test_acc, f));
    e.set("history", std::move(hv));
    arr.push(std::move(e));
    // With several seeds, rank by the means over seeds (a seed that never reached counts as not reached).
    double reach = S == 1 ? (r0.reached >= 0 ? r0.reached : INFINITY) : (reached == S ? rsum / reached : INFINITY);
    double acc = S == 1 ? h.test_acc.back() : (n ? sum / n : NAN);
    keys.push_back({c, S == 1 ? r0.diverged : div == S, reach, std::isfinite(acc) ? acc : -1.0,
                    std::isfinite(h.test_loss.back()) ? h.test_loss.back() : INFINITY});
  }
  o.set("contestants", std::move(arr));
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.div != b.div) return !a.div;
    if (a.reach != b.reach) return a.reach < b.reach;
    if (a.acc != b.acc) return a.acc > b.acc;
    return a.loss < b.loss;
  });
  Value rank = Value::array();
  for (const Key& k : keys) rank.push(Value::number(k.c));
  o.set("ranking", std::move(rank));
  return json::write(o);
}

}  // namespace actlab::nn
