// probe_fuzz.cpp — libFuzzer target: the probes' JSON entry point (probes/probe_json.cpp).
// The input is "<kind>\n<spec JSON>". Properties: never crashes; the answer is always one JSON
// object (results, or {"error": ...}). Specs with a size field above 64, and training probes without
// "epochs" ≤ 4, are skipped, so an input runs in microseconds (the cost bounds are tested at the bound in tests/cpp/limits_test.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "actlab/probes/probe_json.hpp"
#include "actlab/util/json.hpp"

using namespace actlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return 0;
  std::string_view kind = in.substr(0, nl), spec = in.substr(nl + 1);
  json::Value v;
  std::string err;
  if (json::parse(spec, v, err) && v.is_object()) {
    for (const char* key : {"layers", "width", "samples", "inputs", "units", "points"})
      if (const json::Value* x = v.find(key); x && x->is_number() && x->num > 64) return 0;
    // The probes that train (dying, calibration) run only when the input asks for a few epochs.
    if (kind == "dying" || kind == "calibration") {
      const json::Value* e = v.find("epochs");
      if (!e || !e->is_number() || e->num > 4) return 0;
    }
    if (const json::Value* s = v.find("sizes"); s && s->is_array())
      for (const auto& e : s->arr)
        if (e.is_number() && e.num > 64) return 0;
  }
  const std::string out = probes::run_probe_json(kind, spec);
  json::Value o;
  if (!json::parse(out, o, err) || !o.is_object()) std::abort();
  return 0;
}
