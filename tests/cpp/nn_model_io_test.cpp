// nn_model_io_test.cpp — model files: an export/import round trip resumes training bit for bit,
// and malformed, truncated, mismatched or hostile files are rejected with a message naming the
// field while the trainer keeps its previous state.
#include <string>

#include "actlab/data/rng.hpp"
#include "actlab/nn/trainer.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {

const char* kConfig = R"({"dataset":{"name":"circle","samples":120,"seed":2},
  "network":{"hidden":[{"units":6,"activation":"prelu"},{"units":4,"activation":"tanh"}],"prelu_alpha":"unit","seed":3},
  "training":{"optimizer":"adam","learning_rate":0.02,"batch":8,"seed":4}})";

nn::Trainer trained() {
  nn::Trainer t;
  REQUIRE(t.configure_json(kConfig) == "");
  t.run_epoch();
  for (int k = 0; k < 3; ++k) t.step();  // stop mid-epoch
  return t;
}

// Replaces the first occurrence of `from` in `s` by `to` (the test fails if absent).
std::string edit(std::string s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("model export/import round trip resumes training bit for bit", "[nn][model]") {
  nn::Trainer a = trained();
  std::string text = a.export_json();
  nn::Trainer b;
  REQUIRE(b.import_json(text) == "");
  CHECK(b.export_json() == text);
  for (int k = 0; k < 25; ++k) { a.step(); b.step(); }  // crosses an epoch boundary (reshuffle)
  CHECK(a.export_json() == b.export_json());
  CHECK(a.evaluate(true).loss == b.evaluate(true).loss);
  // Pretty-printed files parse to the same model.
  nn::Trainer c;
  REQUIRE(c.import_json(a.export_json(true)) == "");
  CHECK(c.export_json() == a.export_json());
}

TEST_CASE("malformed model files are rejected with the field named and nothing half-loaded", "[nn][model]") {
  nn::Trainer good = trained();
  const std::string text = good.export_json();
  nn::Trainer t = trained();
  t.step();
  const std::string before = t.export_json();

  struct Bad { std::string text; std::string expect; };
  const Bad cases[] = {
      {"", "model: line 1, column 1"},
      {text.substr(0, text.size() / 2), "model: line"},                                   // truncated
      {text + "x", "unexpected text after the value"},
      {"[]", "model: expected a JSON object"},
      {edit(text, "\"actlab-model\"", "\"other\""), "model.format"},
      {edit(text, "\"version\":1", "\"version\":2"), "model.version"},
      {edit(text, "\"version\":1", "\"version\":1,\"extra\":0"), "model.extra: unknown field"},
      {edit(text, "\"W\":[", "\"W\":[1,"), "model.layers[0].W: expected 12 numbers, got 13"},
      {edit(text, "\"b\":[", "\"b\":[\"x\","), "model.layers[0].b"},
      {edit(text, "\"W\":[", "\"W\":[1e39,"), "model.layers[0].W"},                         // float overflow
      {edit(text, "\"activation\":\"prelu\",\"W\"", "\"activation\":\"relu\",\"W\""), "model.layers[0].activation"},
      {edit(text, "\"alpha\":[", "\"alpha\":[0.5,"), "model.layers[0].alpha: expected 6 numbers, got 7"},
      {edit(text, "\"units\":6", "\"units\":7"), "model.layers[0].out"},                     // config/weights mismatch
      {edit(text, "\"units\":6", "\"units\":99999"), "config.network.hidden[0].units"},
      {edit(text, "\"units\":6", "\"units\":-1"), "config.network.hidden[0].units"},
      {edit(text, "\"activation\":\"tanh\"", "\"activation\":\"nope\""), "network.hidden[1].activation: unknown activation"},
      {edit(text, "\"name\":\"adam\"", "\"name\":\"sgd\""), "model.optimizer.name"},
      {edit(text, "\"beta1_power\":", "\"beta1_power\":2,\"x\":"), "model.optimizer"},
      {edit(text, "\"slots\":[[[", "\"slots\":[[[9,"), "model.optimizer.slots[0][0]: expected 12 numbers, got 13"},
      {edit(text, "\"order\":[", "\"order\":[0,"), "model.progress.order: expected"},
      {edit(text, "\"rng\":[", "\"rng\":[-1,"), "model.progress.rng"},
      {edit(text, "\"learning_rate\":", "\"learning_rate\":-"), "config.training.learning_rate"},
      {edit(text, "\"name\":\"circle\"", "\"name\":\"circle\",\"name\":\"xor\""), "duplicate key"},
      {std::string(100, '[') + std::string(100, ']'), "nesting deeper than 64"},
      {edit(text, "\"learning_rate\":", "\"learning_rate\":NaN,\"z\":"), "model: line"},
  };
  for (const Bad& b : cases) {
    std::string e = t.import_json(b.text);
    INFO("expected: " << b.expect << "\ngot: " << e);
    CHECK(e.find(b.expect) != std::string::npos);
    CHECK(t.export_json() == before);  // the previous state is untouched
  }
  // A permutation with a repeat.
  {
    nn::Trainer u = trained();
    std::string s = u.export_json();
    auto p = s.find("\"order\":[");
    REQUIRE(p != std::string::npos);
    auto q = s.find(',', p);
    auto first = s.substr(p + 9, q - (p + 9));  // the first index
    auto r = s.find(',', q + 1);
    std::string repeated = s.substr(0, q + 1) + first + s.substr(r);
    std::string e = t.import_json(repeated);
    CHECK(e.find("not a permutation") != std::string::npos);
  }
  // Digits needs its bytes.
  nn::Trainer d;
  CHECK(d.configure_json(R"({"dataset":{"name":"digits"}})").find("digits8x8.bin") != std::string::npos);
  CHECK_FALSE(d.ready());
}

TEST_CASE("config errors name the field and the accepted values", "[nn][model]") {
  nn::Trainer t;
  CHECK(t.configure_json(R"({"training":{"optimizer":"rmsprop"}})").find("config.training.optimizer \"rmsprop\" is not accepted (accepted: sgd, momentum, adam)") != std::string::npos);
  CHECK(t.configure_json(R"({"network":{"head":"softmax"}})").find("config.network.head") != std::string::npos);
  CHECK(t.configure_json(R"({"dataset":{"name":"circles"}})").find("accepted: circle, xor") != std::string::npos);
  CHECK(t.configure_json(R"({"dataset":{"samples":10.5}})").find("config.dataset.samples must be an integer") != std::string::npos);
  CHECK(t.configure_json(R"({"dataset":{"features":["x","x"]}})").find("appears twice") != std::string::npos);
  CHECK(t.configure_json(R"({"network":{"head":"tanh_mse"},"dataset":{"name":"spiral","classes":3}})").find("does not fit a multiclass") != std::string::npos);
  CHECK(t.configure_json(R"({"network":{"hidden":[{"units":4,"activation":"leaky_relu","params":[7]}]}})").find("alpha") != std::string::npos);
  CHECK(t.configure_json(R"({"network":{"hidden":[{"units":4,"activation":"relu","params":[1]}]}})").find("takes 0 parameter") != std::string::npos);
  CHECK(t.configure_json(R"({"network":{"hidden":[{"units":4096},{"units":4096},{"units":4096}]}})").find("more than 262,144") != std::string::npos);
  CHECK_FALSE(t.ready());
}

TEST_CASE("random corruptions of a model file never crash and never half-load", "[nn][model]") {
  nn::Trainer good = trained();
  const std::string text = good.export_json();
  nn::Trainer t = trained();
  const std::string before = t.export_json();
  data::Rng r(99);
  int rejected = 0;
  for (int k = 0; k < 400; ++k) {
    std::string s = text;
    std::size_t p = r.below(static_cast<std::uint32_t>(s.size()));
    switch (r.below(5)) {
      case 0: s.erase(p, 1 + r.below(20)); break;                                  // delete a run
      case 1: s.insert(p, s.substr(r.below(static_cast<std::uint32_t>(s.size())), 15)); break;  // duplicate a piece
      case 2: s[p] = static_cast<char>(r.below(256)); break;                        // any byte
      case 3: s[p] = "0123456789-.eE,:[]{}\""[r.below(21)]; break;                  // a JSON-ish byte
      default: s = s.substr(0, p); break;                                            // truncate
    }
    std::string e = t.import_json(s);
    if (!e.empty()) {
      ++rejected;
      CHECK(t.export_json() == before);
    } else {
      t = trained();  // a harmless change (e.g. a digit of a weight) was accepted: reset
    }
  }
  CHECK(rejected > 200);
}
