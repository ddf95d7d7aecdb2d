// f32buffer.hpp — a float array owned by wasm memory, shared by every binding file.
// JS fills it through view() (a Float32Array onto the heap, valid until the next allocation).
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <vector>

namespace actlab::bindings {

class F32Buffer {
 public:
  explicit F32Buffer(std::size_t n) : data_(n) {}
  std::size_t size() const { return data_.size(); }
  float* data() { return data_.data(); }
  const float* data() const { return data_.data(); }
  emscripten::val view() { return emscripten::val(emscripten::typed_memory_view(data_.size(), data_.data())); }

 private:
  std::vector<float> data_;
};

}  // namespace actlab::bindings
