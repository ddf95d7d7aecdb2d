// f32buffer.hpp — a float array owned by wasm memory, shared by every binding file.
// JS fills it through view() (a Float32Array onto the heap, valid until the next allocation).
//
// A page may ask for any size (a JS number: negative, fractional, 2**29): the constructor never
// aborts the module. A size outside [0, limits::kMaxBufferFloats], or memory the heap cannot
// give (malloc returns null under ALLOW_MEMORY_GROWTH), leaves the buffer empty with error()
// saying why; callers check error() before use (the engine's TS wrappers do).
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include "actlab/util/limits.hpp"

namespace actlab::bindings {

// Raw storage of n elements of T, zeroed, or an error; shared by F32Buffer and U8Buffer.
template <class T> class HeapArray {
 public:
  HeapArray(double n, std::size_t max, const char* what) {
    if (!(n >= 0 && n <= static_cast<double>(max) && n == std::floor(n))) {
      error_ = std::string(what) + ": the size must be a whole number from 0 to " + std::to_string(max);
      return;
    }
    const std::size_t count = static_cast<std::size_t>(n);
    if (count == 0) return;
    // 16-byte aligned (Emscripten's malloc aligns to 8), so the kernels' f32x4 loads and stores
    // of a page's array never straddle two 16-byte groups (util/aligned_new.cpp has the numbers).
    const std::size_t bytes = (count * sizeof(T) + 15) / 16 * 16;  // count <= max: no overflow
    p_ = static_cast<T*>(std::aligned_alloc(16, bytes));
    if (p_) std::memset(p_, 0, bytes);
    if (!p_) {
      error_ = std::string(what) + ": out of memory for " + std::to_string(count) + " elements (the page's engine memory is capped at 2 GiB)";
      return;
    }
    n_ = count;
  }
  ~HeapArray() { std::free(p_); }
  HeapArray(const HeapArray&) = delete;
  HeapArray& operator=(const HeapArray&) = delete;
  std::size_t size() const { return n_; }
  T* data() { return p_; }
  const T* data() const { return p_; }
  const std::string& error() const { return error_; }

 private:
  T* p_ = nullptr;
  std::size_t n_ = 0;
  std::string error_;
};

class F32Buffer {
 public:
  explicit F32Buffer(double n) : a_(n, limits::kMaxBufferFloats, "F32Buffer") {}
  std::size_t size() const { return a_.size(); }
  float* data() { return a_.data(); }
  const float* data() const { return a_.data(); }
  std::string error() const { return a_.error(); }  // "" when the buffer was allocated
  emscripten::val view() { return emscripten::val(emscripten::typed_memory_view(a_.size(), a_.data())); }

 private:
  HeapArray<float> a_;
};

}  // namespace actlab::bindings
