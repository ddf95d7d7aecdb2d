// art_fuzz.cpp — libFuzzer target: the art config (art/config.cpp) and a tiny render.
// Properties: parse_config never crashes and a refusal names why; an accepted config's canonical
// JSON parses to the same canonical JSON; the renderer configured with it paints an 8×8 tile.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "actlab/art/config.hpp"
#include "actlab/art/renderer.hpp"

using namespace actlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  art::Config c = art::default_config();
  std::string err = art::parse_config(text, c);
  if (!err.empty()) return 0;
  const std::string canon = art::to_json(c);
  art::Config again = art::default_config();
  if (!art::parse_config(canon, again).empty()) std::abort();
  if (art::to_json(again) != canon) std::abort();
  art::Renderer r;
  if (!r.configure(text).empty()) std::abort();  // the renderer accepts what parse_config accepts
  std::vector<std::uint8_t> px(8 * 8 * 4);
  if (!r.render(8, 8, 0, 0, 8, 8, 0.25, px.data(), px.size()).empty()) std::abort();
  return 0;
}
