// hardening_test.cpp — findings of the hostile-input probe (issue 8) that are engine behaviour:
// divergence detection covers the optimiser state, an export never writes a file its import
// rejects, float→integer conversions check the range first, and probe messages say what they
// accept. (The resource bounds themselves are in limits_test.cpp.)
#include <cmath>
#include <string>

#include "actlab/nn/trainer.hpp"
#include "actlab/probes/collapse.hpp"
#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("divergence: Adam's second moment overflowing to Inf is found, and nothing unreadable is exported", "[hardening][nn]") {
  // The report's run: `actlab train --dataset bumps --head identity_mse --activation relu --init uniform
  // --init-scale 100 --bias-init 10 --hidden 256,256,256,256 --lr 0.001 --epochs 2` exited 0 with
  // v = +Inf in Adam's state, and its model file (with null) was refused by the import.
  const char* cfg = R"({"dataset":{"name":"bumps"},
    "network":{"hidden":[{"units":256},{"units":256},{"units":256},{"units":256}],"head":"identity_mse",
               "init":"uniform","init_scale":100,"bias_init":10},
    "training":{"learning_rate":0.001}})";
  nn::Trainer t;
  REQUIRE(t.configure_json(cfg) == "");
  for (int e = 0; e < 2; ++e)
    if (!t.run_epoch()) break;
  const std::string file = t.export_json();
  if (t.divergence().found) {
    CHECK(t.divergence().what == "optimizer state");
    CHECK(file.empty());
    CHECK(contains(t.export_error(), "non-finite"));
  } else {
    nn::Trainer back;
    CHECK(back.import_json(file) == "");
  }
  CHECK(t.divergence().found);
}

TEST_CASE("json::write: integers beyond 2^63 print without an undefined cast", "[hardening][json]") {
  // Built with -fsanitize=float-cast-overflow (the native-asan preset) the old cast aborted here.
  CHECK(json::write(json::Value::number(1e19)) == "1e+19");
  CHECK(json::write(json::Value::number(-9.3e18)) == "-9.3e+18");
  CHECK(json::write(json::Value::number(1e300)) == "1.0000000000000001e+300");
  CHECK(json::write(json::Value::number(123456789012345.0)) == "123456789012345");
}

TEST_CASE("model files: a huge version number is reported as written, not as a wrapped integer", "[hardening][nn]") {
  nn::Trainer t;
  std::string e = t.import_json(R"({"format":"actlab-model","version":1e300})");
  CHECK(contains(e, "model.version: 1e+300 is not supported"));
  e = t.import_json(R"({"format":"actlab-model","version":-2.5})");
  CHECK(contains(e, "model.version: -2.5 is not supported"));
}

TEST_CASE("probe collapse: the size count it accepts is the one it states", "[hardening][probes]") {
  probes::CollapseSpec s;
  s.samples = 1;
  s.sizes.assign(102, 1);  // 101 layers: one past "1 to 100 layers"
  probes::CollapseResult r;
  CHECK(contains(probes::linear_collapse(s, r), "2 to 101 sizes"));
  s.sizes.assign(101, 1);
  CHECK(probes::linear_collapse(s, r) == "");
}

TEST_CASE("probe JSON: the seed range is printed exactly", "[hardening][probes]") {
  std::string e = probes::run_probe_json("scan", R"({"points":1e300})");
  CHECK(contains(e, "points"));
  e = probes::run_probe_json("depth", R"({"seed":9007199254740992})");
  CHECK(contains(e, "[0, 9007199254740991]"));
}

TEST_CASE("json::write: any bytes in a string give JSON the reader accepts (found by the probe fuzzer)", "[hardening][json]") {
  // run_probe_json quoted an unknown kind's bytes into its error; 0xbd is not UTF-8, so the
  // answer was JSON its own reader refused.
  const std::string out = probes::run_probe_json(std::string("s,\")scan\0\"point\xbds\"\0", 19), "");
  json::Value v;
  std::string err;
  REQUIRE(json::parse(out, v, err));
  CHECK(v.find("error") != nullptr);
  CHECK(json::write(json::Value::string("a\xbd" "b\xe2\x82")) == "\"a\\ufffdb\\ufffd\\ufffd\"");
  CHECK(json::write(json::Value::string("\xc3\xa9\xf0\x9f\x98\x80")) == "\"\xc3\xa9\xf0\x9f\x98\x80\"");
}

TEST_CASE("model files: configs at their float bounds read back (1e-9 is 9.99999972e-10 as a float)", "[hardening][nn]") {
  // The export writes each float with 9 digits; the import compared them with the double bounds,
  // so a learning rate of 1e-9 (the documented minimum) made a file the import refused.
  const char* cfg = R"({"dataset":{"name":"circle","samples":40},
    "network":{"hidden":[{"units":3}],"init":"uniform","init_scale":1e-6},
    "training":{"learning_rate":1e-9,"epsilon":1e-30,"beta2":0.999999,"momentum":0.9999}})";
  nn::Trainer t;
  REQUIRE(t.configure_json(cfg) == "");
  REQUIRE(t.step());
  const std::string file = t.export_json();
  nn::Trainer back;
  CHECK(back.import_json(file) == "");
  CHECK(back.export_json() == file);
}
