// aligned_new.cpp — on wasm, operator new returns 16-byte aligned memory, as glibc's malloc does
// natively; elsewhere this file is empty.
//
// Emscripten's dlmalloc aligns to 8 bytes (alignof(max_align_t) on wasm32, dlmalloc.c asserts it),
// so every other std::vector<float> began 8 bytes into a 16-byte group: each f32x4 load or store
// of such an array straddles two 16-byte groups, and one in four a 64-byte cache line. Measured
// (actlab_bench, same run): the identity kernel at 4 Ki, a pure copy, 11.2 -> 16.0 G elements/s;
// the numbers themselves cannot change (no kernel looks at addresses). The engine's buffers for
// JS (bindings/f32buffer.hpp) use aligned_alloc for the same reason. Replacing the global
// operator new is the standard's replaceable-function mechanism ([replacement.functions]); the
// archive member is linked because the engine's own objects reference operator new.
#if defined(__EMSCRIPTEN__)
#include <cstddef>
#include <cstdlib>
#include <new>

namespace {
constexpr std::size_t kAlign = 16;
}

void* operator new(std::size_t n) {
  // aligned_alloc wants a size that is a multiple of the alignment; 0 asks for one group.
  const std::size_t rounded = n == 0 ? kAlign : (n + kAlign - 1) / kAlign * kAlign;
  if (rounded < n) throw std::bad_alloc();  // n within 15 of SIZE_MAX
  if (void* p = std::aligned_alloc(kAlign, rounded)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
// dlmalloc's free() takes aligned_alloc's pointers, so the library's operator delete stays.
#endif
