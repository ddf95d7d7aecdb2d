// exercise_fuzz.cpp — libFuzzer target: the exercise checker's JSON entry point
// (probes/exercise.cpp, exercise_json(kind, spec)), which the exercises page's worker calls with
// the learner's typed answers. The input is "<kind>\n<spec JSON>" (kinds number, healthRule,
// depthAnswers, race). Properties beyond "no crash, no sanitizer report": the answer is always one
// JSON object with a boolean "ok"; a refusal carries {"error": {message (not empty), column ≥ 0,
// display}}; an accepted check has a boolean "pass" (race: a "runs" array).
// Inputs that would train or sweep for long are skipped (race: more than 64 samples, 4 epochs or
// 2 activations; depth: more than 64 layers or width 64), so an input runs in milliseconds; the
// cost bounds themselves are tested at the bound in tests/cpp/exercise_checks_test.cpp.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "actlab/probes/exercise.hpp"
#include "actlab/util/json.hpp"

using namespace actlab;

namespace {

[[noreturn]] void broken(const char* what, const std::string& out) {
  std::fprintf(stderr, "exercise_fuzz: %s: %s\n", what, out.substr(0, 400).c_str());
  std::abort();
}

bool too_costly(std::string_view kind, const json::Value& v) {
  auto above = [&](const char* key, double bound, bool absent_is_costly) {
    const json::Value* x = v.find(key);
    if (!x) return absent_is_costly;
    return x->is_number() && x->num > bound;
  };
  if (kind == "race") {
    // Defaults are 200 samples and 100 epochs: a race must name small ones to be fuzzed.
    if (above("samples", 64, true) || above("epochs", 4, true)) return true;
    const json::Value* a = v.find("activations");
    if (a && a->is_array() && a->arr.size() > 2) return true;
  }
  if (kind == "depthAnswers" && (above("layers", 64, false) || above("width", 64, false))) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return 0;
  std::string_view kind = in.substr(0, nl), spec = in.substr(nl + 1);
  json::Value v;
  std::string err;
  if (json::parse(spec, v, err) && v.is_object() && too_costly(kind, v)) return 0;
  const std::string out = probes::exercise_json(kind, spec);
  json::Value o;
  if (!json::parse(out, o, err) || !o.is_object()) broken("not one JSON object", out);
  const json::Value* ok = o.find("ok");
  if (!ok || !ok->is_bool()) broken("no boolean \"ok\"", out);
  if (!ok->b) {
    const json::Value* e = o.find("error");
    const json::Value* m = e && e->is_object() ? e->find("message") : nullptr;
    const json::Value* c = e && e->is_object() ? e->find("column") : nullptr;
    const json::Value* d = e && e->is_object() ? e->find("display") : nullptr;
    if (!m || !m->is_string() || m->str.empty()) broken("a refusal without a message", out);
    if (!c || !c->is_number() || c->num < 0) broken("a refusal without a column", out);
    if (!d || !d->is_string()) broken("a refusal without a display", out);
  } else if (kind == "race") {
    const json::Value* r = o.find("runs");
    if (!r || !r->is_array()) broken("a race without runs", out);
  } else {
    const json::Value* p = o.find("pass");
    if (!p || !p->is_bool()) broken("a check without a boolean \"pass\"", out);
  }
  return 0;
}
