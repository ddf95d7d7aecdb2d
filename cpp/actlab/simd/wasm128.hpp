// wasm128.hpp — the WebAssembly SIMD128 back end of the SIMD vocabulary (4 float lanes).
//
// Same operations and the same IEEE semantics as scalar.hpp. Note the min/max mapping:
// wasm's f32x4.min/max propagate NaN (unlike SSE), and pmin(a, b) is defined as b < a ? b : a.
// The vocabulary's min(a, b) = a < b ? a : b is therefore pmin(b, a), and max(a, b) is pmax(b, a).
// This keeps NaN and signed-zero behaviour identical to SSE2 and to the scalar back end.
#pragma once

#if !defined(__wasm_simd128__)
#error "wasm128.hpp needs -msimd128"
#endif

#include <wasm_simd128.h>

#include <cstdint>

namespace actlab::simd {

struct Wasm128 {
  static constexpr int width = 4;
  static constexpr const char* name = "wasm128";
  using F = v128_t;
  using I = v128_t;
  using M = v128_t;

  static F load(const float* p) { return wasm_v128_load(p); }
  static void store(float* p, F v) { wasm_v128_store(p, v); }
  // Two floats: lanes 0 and 1 from p (lanes 2 and 3 zero); store2 writes lanes 0 and 1 only.
  static F load2(const float* p) { return wasm_v128_load64_zero(p); }
  static void store2(float* p, F v) { wasm_v128_store64_lane(p, v, 0); }
  static F splat(float v) { return wasm_f32x4_splat(v); }

  static F add(F a, F b) { return wasm_f32x4_add(a, b); }
  static F sub(F a, F b) { return wasm_f32x4_sub(a, b); }
  static F mul(F a, F b) { return wasm_f32x4_mul(a, b); }
  static F div(F a, F b) { return wasm_f32x4_div(a, b); }
  static F min(F a, F b) { return wasm_f32x4_pmin(b, a); }
  static F max(F a, F b) { return wasm_f32x4_pmax(b, a); }

  static M lt(F a, F b) { return wasm_f32x4_lt(a, b); }
  static M le(F a, F b) { return wasm_f32x4_le(a, b); }
  static M gt(F a, F b) { return wasm_f32x4_gt(a, b); }
  static M ge(F a, F b) { return wasm_f32x4_ge(a, b); }
  static M eq(F a, F b) { return wasm_f32x4_eq(a, b); }
  static M is_nan(F a) { return wasm_f32x4_ne(a, a); }
  // A NaN (all bits set) where a is NaN, +0 elsewhere: the mask itself, read as floats. One
  // compare, where select(is_nan(a), a, 0) was a compare and a three-instruction bitselect.
  static F nan_or_zero(F a) { return wasm_f32x4_ne(a, a); }
  static M mask_and(M a, M b) { return wasm_v128_and(a, b); }
  static M mask_or(M a, M b) { return wasm_v128_or(a, b); }
  static M mask_not(M a) { return wasm_v128_not(a); }
  static bool any(M m) { return wasm_v128_any_true(m); }
  static F select(M m, F a, F b) { return wasm_v128_bitselect(a, b, m); }
  // c where the mask is set, +0 elsewhere, for c > 0 in every lane (not NaN): pmin(c, m) is
  // m < c ? m : c, and a set mask's bits are a NaN (the compare fails: c) while a clear one is +0
  // (+0 < c: +0). Written as v128.and or select(m, c, 0), clang emits v128.bitselect, which V8
  // lowers to three instructions (and, andnot, or) even against the zero; pmin is one minps.
  static F select_or_zero(M m, F c) { return wasm_f32x4_pmin(c, m); }
  // +0 where x <= t, v elsewhere (and where x is NaN), for v < 0 wherever x <= t: the same trick
  // with pmax. pmax(v, m) is v < m ? m : v; where x > t the mask's bits are a NaN (the compare
  // fails: v), and where x <= t or x is NaN it is +0 (v < 0 there, or v is NaN: +0 or v). One
  // compare and one maxps in V8's code instead of a three-instruction bitselect.
  static F zero_at_or_below(F x, F t, F v) { return wasm_f32x4_pmax(v, wasm_f32x4_gt(x, t)); }
  // 4x4 transpose in registers (the same shuffles as SSE2's unpack/movelh/movehl, which V8 emits).
  static void transpose4(F& a, F& b, F& c, F& d) {
    F t0 = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(c, d, 0, 4, 1, 5);
    F t2 = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(c, d, 2, 6, 3, 7);
    a = wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5);
    b = wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7);
    c = wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5);
    d = wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7);
  }

  static F bit_and(F a, std::uint32_t bits) { return wasm_v128_and(a, wasm_i32x4_splat(static_cast<int>(bits))); }
  static F bit_xor(F a, F b) { return wasm_v128_xor(a, b); }
  static F abs(F a) { return bit_and(a, 0x7FFFFFFFu); }
  // -|a| in one v128.or with the sign bit (0 - |a| took an and and a sub); -0 for ±0.
  static F neg_abs(F a) { return wasm_v128_or(a, wasm_i32x4_splat(static_cast<int>(0x80000000u))); }
  static F sign_bit(F a) { return bit_and(a, 0x80000000u); }

  static I as_int(F a) { return a; }
  static F as_float(I a) { return a; }
  static I splat_int(std::int32_t v) { return wasm_i32x4_splat(v); }
  static I add_int(I a, I b) { return wasm_i32x4_add(a, b); }
  static I sub_int(I a, I b) { return wasm_i32x4_sub(a, b); }
  template <int k> static I shl(I a) { return wasm_i32x4_shl(a, k); }
  template <int k> static I shr_arith(I a) { return wasm_i32x4_shr(a, k); }
  static I and_int(I a, std::int32_t bits) { return wasm_v128_and(a, wasm_i32x4_splat(bits)); }
  static F int_to_float(I a) { return wasm_f32x4_convert_i32x4(a); }

  static float hsum(F a) {
    float l0 = wasm_f32x4_extract_lane(a, 0), l1 = wasm_f32x4_extract_lane(a, 1);
    float l2 = wasm_f32x4_extract_lane(a, 2), l3 = wasm_f32x4_extract_lane(a, 3);
    return (l0 + l1) + (l2 + l3);
  }
  static float hmax(F a) {
    float l0 = wasm_f32x4_extract_lane(a, 0), l1 = wasm_f32x4_extract_lane(a, 1);
    float l2 = wasm_f32x4_extract_lane(a, 2), l3 = wasm_f32x4_extract_lane(a, 3);
    float m01 = l0 > l1 ? l0 : l1;
    float m23 = l2 > l3 ? l2 : l3;
    return m01 > m23 ? m01 : m23;
  }
};

}  // namespace actlab::simd
