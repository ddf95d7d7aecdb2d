// bits.hpp — actlab::bit_cast: actlab::bit_cast is missing from Emscripten 3.1.6's libc++,
// so both targets use the compiler builtin behind one name.
#pragma once

#include <type_traits>

namespace actlab {

template <class To, class From>
constexpr To bit_cast(const From& from) noexcept {
  static_assert(sizeof(To) == sizeof(From) && std::is_trivially_copyable_v<From> && std::is_trivially_copyable_v<To>);
  return __builtin_bit_cast(To, from);
}

}  // namespace actlab
