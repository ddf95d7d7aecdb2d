// u8buffer.hpp — a byte array owned by wasm memory (RGBA pixels for the art renderer).
// JS reads it through view() (a Uint8Array onto the heap, valid until the next allocation:
// take it again after every engine call, memory may grow). Mirrors f32buffer.hpp.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace actlab::bindings {

class U8Buffer {
 public:
  explicit U8Buffer(std::size_t n) : data_(n) {}
  std::size_t size() const { return data_.size(); }
  std::uint8_t* data() { return data_.data(); }
  const std::uint8_t* data() const { return data_.data(); }
  emscripten::val view() { return emscripten::val(emscripten::typed_memory_view(data_.size(), data_.data())); }

 private:
  std::vector<std::uint8_t> data_;
};

}  // namespace actlab::bindings
