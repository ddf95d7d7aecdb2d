// exercise_checks_test.cpp — the exercises' engine checks (cpp/actlab/probes/exercise.hpp):
// numeric answers within a stated tolerance, the learner's gradient-health rule against the
// engine's, the depth sweep's "which layer reaches zero", and the seeded training race.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "actlab/probes/exercise.hpp"
#include "actlab/util/json.hpp"

using namespace actlab::probes;

namespace {
actlab::json::Value run(const char* kind, const std::string& spec) {
  actlab::json::Value v;
  std::string err;
  REQUIRE(actlab::json::parse(exercise_json(kind, spec), v, err));
  return v;
}
bool ok(const actlab::json::Value& v) { return v.find("ok") && v.find("ok")->b; }
std::string message(const actlab::json::Value& v) { return v.find("error")->find("message")->str; }
}  // namespace

TEST_CASE("exercise check: a numeric answer against a reference within the stated tolerance", "[exercise]") {
  NumberCheck c;
  REQUIRE_FALSE(check_number("0.5", "sigmoid(0)", 0.005, 0, c));
  CHECK(c.pass);
  CHECK(c.reference == 0.5);
  REQUIRE_FALSE(check_number("0.731", "sigmoid(1)", 0.005, 0, c));
  CHECK(c.pass);
  CHECK(c.abs_error < 0.001);
  REQUIRE_FALSE(check_number("0.269", "sigmoid(1)", 0.005, 0, c));  // σ(−1) for σ(1): a typical swap
  CHECK_FALSE(c.pass);
  CHECK(c.abs_error == Approx(0.4621).margin(1e-3));
  REQUIRE_FALSE(check_number("1/(1+e^-1)", "sigmoid(1)", 1e-6, 1e-5, c));  // a calculation is a number too
  CHECK(c.pass);
  REQUIRE_FALSE(check_number("0.2^3", "0.008", 1e-6, 1e-3, c));
  CHECK(c.pass);
  REQUIRE_FALSE(check_number("0.6", "0.2^3", 1e-6, 1e-3, c));
  CHECK_FALSE(c.pass);
  REQUIRE_FALSE(check_number("0.0066", "sigmoid(5) * (1 - sigmoid(5))", 1e-4, 0, c));
  CHECK(c.pass);
  // Not a number: depends on x, a typo with its column, a NaN answer.
  actlab::expr::Error e = check_number("x / 2", "0.5", 0.01, 0, c);
  CHECK(e.message.find("changes with x") != std::string::npos);
  e = check_number("0.5)", "0.5", 0.01, 0, c);
  CHECK(e.column == 4);
  CHECK(e.message == "unexpected \")\" at column 4");
  REQUIRE_FALSE(check_number("log(-1)", "0.5", 0.01, 0, c));
  CHECK_FALSE(c.pass);
  CHECK(check_number("1", "1", -1, 0, c).message == "tolerances must be finite and not negative");
}

TEST_CASE("exercise check: the learner's health rule must flag the layers the engine flags", "[exercise]") {
  HealthRuleCheck c;
  REQUIRE_FALSE(health_rule("(g < 0.001) + (g > 100)", c));
  REQUIRE(c.runs.size() == 2);
  CHECK(c.pass);
  CHECK(c.missed == 0);
  CHECK(c.false_alarms == 0);
  // Both runs flag some layers and leave others alone, so the rule is really tested both ways.
  for (const HealthRun& r : c.runs) {
    int flagged = 0;
    for (char f : r.engine) flagged += f;
    INFO(r.name << ": " << flagged << " of " << r.layers);
    CHECK(flagged > 0);
    CHECK(flagged < r.layers);
  }
  // The same rule written another way passes too.
  REQUIRE_FALSE(health_rule("max(g < 1e-3, g > 1e2)", c));
  CHECK(c.pass);
  // Only vanishing: misses the exploding run's layers.
  REQUIRE_FALSE(health_rule("g < 0.001", c));
  CHECK_FALSE(c.pass);
  CHECK(c.runs[0].missed == 0);
  CHECK(c.runs[1].missed > 0);
  CHECK(c.first_run == 1);
  // Thresholds too wide: false alarms.
  REQUIRE_FALSE(health_rule("(g < 0.1) + (g > 100)", c));
  CHECK(c.false_alarms > 0);
  // Errors: x is not a layer's number; typos name their column.
  actlab::expr::Error e = health_rule("x < 0.001", c);
  CHECK(e.message.find("write the rule with g") != std::string::npos);
  e = health_rule("g < 0.001 || g > 100", c);
  CHECK(e.column > 0);
}

TEST_CASE("exercise check: the depth sweep answers, 0 meaning never", "[exercise]") {
  auto v = run("depthAnswers", R"({"activations": ["sigmoid", "relu"], "answers": [0, 0]})");
  REQUIRE(ok(v));
  const auto& rows = v.find("rows")->arr;
  REQUIRE(rows.size() == 2);
  // Feed the engine's own answers back: they pass.
  std::string again = "{\"activations\": [\"sigmoid\", \"relu\"], \"answers\": [" + actlab::json::write(*rows[0].find("engine")) +
                      ", " + actlab::json::write(*rows[1].find("engine")) + "]}";
  auto w = run("depthAnswers", again);
  CHECK(w.find("pass")->b);
  CHECK(message(run("depthAnswers", R"({"activations": ["sigmoid"], "answers": []})")) ==
        "answers: expected one layer number per activation (0 = never)");
  CHECK(message(run("depthAnswers", R"({"activations": ["nope"], "answers": [1]})")) == "activations[0]: unknown activation");
}

TEST_CASE("exercise check: the seeded race reports epochs to the target and the fastest", "[exercise]") {
  const std::string spec = R"({"dataset": "xor", "activations": ["sigmoid", "tanh"], "epochs": 40, "target": 0.3})";
  auto a = run("race", spec);
  REQUIRE(ok(a));
  auto b = run("race", spec);
  CHECK(actlab::json::write(a) == actlab::json::write(b));  // seeded: the same run twice
  const auto& runs = a.find("runs")->arr;
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].find("loss")->arr.size() == 40);
  // A typed PReLU learns its alpha: the final value differs from the 0.25 it started at.
  auto p = run("race", R"({"dataset": "circle", "activations": ["expr:x > 0 ? x : alpha * x", "leaky_relu"], "hidden": [8], "epochs": 20})");
  REQUIRE(ok(p));
  const auto& pr = p.find("runs")->arr;
  REQUIRE(pr[0].find("params")->arr.size() == 1);
  CHECK(pr[0].find("params")->arr[0].arr[0].num != Approx(0.25));
  CHECK(pr[1].find("params")->arr.empty());
  CHECK(message(run("race", R"({"activations": ["expr:x +"]})")).rfind("activations[0]: ", 0) == 0);
  CHECK(message(run("race", R"({"activations": ["relu"], "epochs": 1000})")) == "epochs: expected a number in [1, 300]");
  CHECK(message(run("nope", "{}")) == "unknown exercise check \"nope\" (accepted: number, healthRule, depthAnswers, race)");
  CHECK(message(run("number", "[1]")) == "spec: expected an object");
}

// Found by the exercise_fuzz target (tests/fuzz/exercise_fuzz.cpp): a seed above 2^31 − 1 — the
// documented range is 0 to 4294967295 — was cast to int (undefined behaviour; in practice every
// such seed became the same one, so two different seeds gave the same run).
TEST_CASE("exercise check: seeds up to 4294967295 are used as given, not wrapped into an int", "[exercise]") {
  auto race = [](const char* key, const char* value) {
    auto v = run("race", std::string(R"({"dataset": "circle", "activations": ["tanh"], "samples": 40, "epochs": 3, "hidden": [4], ")") +
                             key + "\": " + value + "}");
    REQUIRE(ok(v));
    return actlab::json::write(*v.find("runs"));
  };
  CHECK(race("seed", "4000000000") != race("seed", "4000000001"));
  CHECK(race("dataSeed", "4000000000") != race("dataSeed", "4000000001"));
  CHECK(race("seed", "4294967295") != race("seed", "2147483647"));
  auto d = run("depthAnswers", R"({"activations": ["elu"], "answers": [3], "layers": 10, "width": 4, "init": "he", "seed": 4000000000})");
  CHECK(ok(d));
  CHECK(message(run("depthAnswers", R"({"activations": ["elu"], "answers": [3], "seed": 4294967296})")) ==
        "seed: expected a number in [0, 4294967295]");
}
