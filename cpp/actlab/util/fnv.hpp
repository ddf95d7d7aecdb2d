// fnv.hpp — the engine's one content hash, FNV-1a 64, and its 16-hex-digit spelling: the art
// studio's image hashes, the race's initial-weights check and the softmax golden file use it.
//
// FNV-1a 64 (Fowler, Noll, Vo): h = (h ^ byte)·0x100000001b3 per byte, from 0xcbf29ce484222325.
// Floats are hashed as their little-endian bytes (x86-64 and wasm are both little-endian).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace actlab::util {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;

inline std::uint64_t fnv1a64(const std::uint8_t* p, std::size_t n, std::uint64_t h = kFnvOffset) {
  for (std::size_t k = 0; k < n; ++k) h = (h ^ p[k]) * 0x100000001b3ull;
  return h;
}

inline std::uint64_t fnv1a64_floats(const float* v, std::size_t n, std::uint64_t h = kFnvOffset) {
  return fnv1a64(reinterpret_cast<const std::uint8_t*>(v), n * sizeof(float), h);
}

// 16 lower-case hex digits.
inline std::string hex64(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace actlab::util
