// u8buffer.hpp — a byte array owned by wasm memory (RGBA pixels for the art renderer).
// JS reads it through view() (a Uint8Array onto the heap, valid until the next allocation:
// take it again after every engine call, memory may grow). Mirrors f32buffer.hpp, including
// error(): a size outside [0, limits::kMaxBufferBytes] or out of memory leaves it empty.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "bindings/f32buffer.hpp"

namespace actlab::bindings {

class U8Buffer {
 public:
  explicit U8Buffer(double n) : a_(n, limits::kMaxBufferBytes, "U8Buffer") {}
  std::size_t size() const { return a_.size(); }
  std::uint8_t* data() { return a_.data(); }
  const std::uint8_t* data() const { return a_.data(); }
  std::string error() const { return a_.error(); }
  emscripten::val view() { return emscripten::val(emscripten::typed_memory_view(a_.size(), a_.data())); }

 private:
  HeapArray<std::uint8_t> a_;
};

}  // namespace actlab::bindings
