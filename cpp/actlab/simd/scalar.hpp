// scalar.hpp — the one-lane back end of the SIMD vocabulary.
//
// Every back end (scalar, SSE2, wasm128) defines exactly the same set of static operations
// with exactly the same IEEE semantics, so a kernel written once against the vocabulary
// computes bit-identical results on every back end. This one processes one float at a time:
// it is the reference the tests compare the vector back ends with, and the "scalar" column
// of the benchmark.
//
// Semantics shared by all back ends (tested in tests/cpp/simd_vocabulary_test.cpp):
//   min(a, b) = a < b ? a : b     (so a NaN in either operand returns b; min(+0,-0) = -0)
//   max(a, b) = a > b ? a : b     (same rule: NaN in either operand returns b)
//   To propagate a NaN in x through a clamp, pass x as the second operand: max(lo, min(hi, x)).
//   Comparisons are ordered (false when either operand is NaN); masks are all-ones / all-zeros.
//   shl/shr_arith shift 32-bit integer lanes; reinterpret casts are bit casts.
#pragma once

#include "actlab/simd/bits.hpp"
#include <cstdint>
#include <cstring>

namespace actlab::simd {

struct Scalar {
  static constexpr int width = 1;
  static constexpr const char* name = "scalar";
  using F = float;          // a "vector" of floats
  using I = std::int32_t;   // a "vector" of 32-bit integers
  using M = std::uint32_t;  // a lane mask: 0xFFFFFFFF (true) or 0 (false)

  static F load(const float* p) { return *p; }
  static void store(float* p, F v) { *p = v; }
  static F splat(float v) { return v; }

  static F add(F a, F b) { return a + b; }
  static F sub(F a, F b) { return a - b; }
  static F mul(F a, F b) { return a * b; }
  static F div(F a, F b) { return a / b; }
  // Written as a bitwise select on a compare mask rather than `a < b ? a : b`: clang for wasm
  // turned the ternary into f32.max-like code that returned +0 for max(0, -0) (seen in the
  // scalar-vs-SIMD test), breaking the shared semantics.
  static F min(F a, F b) { return select(lt(a, b), a, b); }
  static F max(F a, F b) { return select(gt(a, b), a, b); }

  static M lt(F a, F b) { return a < b ? ~0u : 0u; }
  static M le(F a, F b) { return a <= b ? ~0u : 0u; }
  static M gt(F a, F b) { return a > b ? ~0u : 0u; }
  static M ge(F a, F b) { return a >= b ? ~0u : 0u; }
  static M eq(F a, F b) { return a == b ? ~0u : 0u; }
  static M is_nan(F a) { return a != a ? ~0u : 0u; }
  // A NaN (all bits set, as the SIMD back ends' masks) where a is NaN, +0 elsewhere.
  static F nan_or_zero(F a) { return actlab::bit_cast<F>(is_nan(a)); }
  static M mask_and(M a, M b) { return a & b; }
  static M mask_or(M a, M b) { return a | b; }
  static M mask_not(M a) { return ~a; }
  static bool any(M m) { return m != 0; }
  // select(m, a, b): a where the mask is set, b elsewhere.
  static F select(M m, F a, F b) {
    return actlab::bit_cast<F>((actlab::bit_cast<std::uint32_t>(a) & m) | (actlab::bit_cast<std::uint32_t>(b) & ~m));
  }
  // select_or_zero(m, c): c where the mask is set, +0 elsewhere; every lane of c must be a
  // positive float (not NaN). The same bits as select(m, c, 0); see wasm128.hpp for why it exists.
  static F select_or_zero(M m, F c) { return select(m, c, 0.0f); }
  // zero_at_or_below(x, t, v): +0 where x <= t, v elsewhere (and where x is NaN); every lane of v
  // must be negative where x <= t. The same bits as select(le(x, t), 0, v); see wasm128.hpp.
  static F zero_at_or_below(F x, F t, F v) { return select(le(x, t), 0.0f, v); }

  // Bitwise operations on the float's bits.
  static F bit_and(F a, std::uint32_t bits) { return actlab::bit_cast<F>(actlab::bit_cast<std::uint32_t>(a) & bits); }
  static F bit_xor(F a, F b) {
    return actlab::bit_cast<F>(actlab::bit_cast<std::uint32_t>(a) ^ actlab::bit_cast<std::uint32_t>(b));
  }
  static F abs(F a) { return bit_and(a, 0x7FFFFFFFu); }
  // -|a|: the sign bit set; -0 for ±0.
  static F neg_abs(F a) { return actlab::bit_cast<F>(actlab::bit_cast<std::uint32_t>(a) | 0x80000000u); }
  static F sign_bit(F a) { return bit_and(a, 0x80000000u); }  // +0 or -0 carrying a's sign

  // 32-bit integer lanes and bit casts.
  static I as_int(F a) { return actlab::bit_cast<I>(a); }
  static F as_float(I a) { return actlab::bit_cast<F>(a); }
  static I splat_int(std::int32_t v) { return v; }
  static I add_int(I a, I b) { return static_cast<I>(static_cast<std::uint32_t>(a) + static_cast<std::uint32_t>(b)); }
  static I sub_int(I a, I b) { return static_cast<I>(static_cast<std::uint32_t>(a) - static_cast<std::uint32_t>(b)); }
  template <int k> static I shl(I a) { return static_cast<I>(static_cast<std::uint32_t>(a) << k); }
  template <int k> static I shr_arith(I a) { return a >> k; }  // C++20: arithmetic for negatives
  static I and_int(I a, std::int32_t bits) { return a & bits; }
  // Converts an integer lane that holds a small exact value (|v| < 2^24) to float.
  static F int_to_float(I a) { return static_cast<F>(a); }

  // Lane-order reduction: with one lane there is nothing to combine.
  static float hsum(F a) { return a; }
  static float hmax(F a) { return a; }
};

}  // namespace actlab::simd
