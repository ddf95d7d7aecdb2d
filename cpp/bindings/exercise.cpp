// exercise.cpp — Embind binding of the exercises' engine checks (cpp/actlab/probes/exercise.hpp);
// mechanical, no maths. One JSON entry point, like runProbe:
//   exerciseCheck(kind, specJson) -> JSON {ok: true, ...} | {ok: false, error: {message, column, display}}
#include <emscripten/bind.h>

#include <string>

#include "actlab/probes/exercise.hpp"

namespace {
std::string exercise_check(const std::string& kind, const std::string& spec) { return actlab::probes::exercise_json(kind, spec); }
}  // namespace

EMSCRIPTEN_BINDINGS(actlab_exercise) { emscripten::function("exerciseCheck", &exercise_check); }
