// json_fuzz.cpp — libFuzzer target: the strict JSON reader (util/json.cpp) on any bytes.
// Properties: never crashes or trips a sanitizer; accepted text writes back to JSON that reads
// again to the same text (write is a fixed point after one round); the relaxed options used by
// the art config (number text, non-finite numbers, lower depth) hold the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "actlab/util/json.hpp"

using namespace actlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  json::Value v;
  std::string err;
  if (json::parse(text, v, err)) {
    const std::string once = json::write(v);
    json::Value again;
    if (!json::parse(once, again, err)) std::abort();  // the writer produced text the reader refuses
    if (json::write(again) != once) std::abort();      // not a fixed point
    if (json::write(v, 1).empty()) std::abort();
  } else if (err.empty()) {
    std::abort();  // a refusal always says why
  }
  json::ParseOptions relaxed;
  relaxed.number_text = true;
  relaxed.nonfinite_numbers = true;
  relaxed.max_depth = 8;
  json::ParseError pe;
  json::Value r;
  if (!json::parse(text, r, pe, relaxed) && pe.message.empty()) std::abort();
  return 0;
}
