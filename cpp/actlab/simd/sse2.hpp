// sse2.hpp — the x86-64 SSE2 back end of the SIMD vocabulary (4 float lanes).
//
// Same operations and the same IEEE semantics as scalar.hpp (read its header for the rules).
// minps/maxps already return the second operand when either is NaN, which is the vocabulary's
// definition. Horizontal reductions combine lanes in one fixed order, ((l0+l1)+(l2+l3)), shared
// with every back end so sums agree bit for bit across targets.
#pragma once

#if !defined(__SSE2__)
#error "sse2.hpp needs an SSE2 target"
#endif

#include <emmintrin.h>

#include <cstdint>
#include <cstring>

namespace actlab::simd {

struct Sse2 {
  static constexpr int width = 4;
  static constexpr const char* name = "sse2";
  using F = __m128;
  using I = __m128i;
  using M = __m128;

  static F load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, F v) { _mm_storeu_ps(p, v); }
  // Two floats: lanes 0 and 1 from p (lanes 2 and 3 zero); store2 writes lanes 0 and 1 only.
  // Through memcpy, not a double* cast: p is only float-aligned (UBSan flags the cast's load).
  static F load2(const float* p) {
    double d;
    std::memcpy(&d, p, sizeof d);
    return _mm_castpd_ps(_mm_set_sd(d));
  }
  static void store2(float* p, F v) {
    const double d = _mm_cvtsd_f64(_mm_castps_pd(v));
    std::memcpy(p, &d, sizeof d);
  }
  static F splat(float v) { return _mm_set1_ps(v); }

  static F add(F a, F b) { return _mm_add_ps(a, b); }
  static F sub(F a, F b) { return _mm_sub_ps(a, b); }
  static F mul(F a, F b) { return _mm_mul_ps(a, b); }
  static F div(F a, F b) { return _mm_div_ps(a, b); }
  static F min(F a, F b) { return _mm_min_ps(a, b); }
  static F max(F a, F b) { return _mm_max_ps(a, b); }

  static M lt(F a, F b) { return _mm_cmplt_ps(a, b); }
  static M le(F a, F b) { return _mm_cmple_ps(a, b); }
  static M gt(F a, F b) { return _mm_cmpgt_ps(a, b); }
  static M ge(F a, F b) { return _mm_cmpge_ps(a, b); }
  static M eq(F a, F b) { return _mm_cmpeq_ps(a, b); }
  static M is_nan(F a) { return _mm_cmpunord_ps(a, a); }
  // A NaN (all bits set) where a is NaN, +0 elsewhere: the mask itself, read as floats.
  static F nan_or_zero(F a) { return _mm_cmpunord_ps(a, a); }
  static M mask_and(M a, M b) { return _mm_and_ps(a, b); }
  static M mask_or(M a, M b) { return _mm_or_ps(a, b); }
  static M mask_not(M a) { return _mm_xor_ps(a, _mm_castsi128_ps(_mm_set1_epi32(-1))); }
  static bool any(M m) { return _mm_movemask_ps(m) != 0; }
  static F select(M m, F a, F b) { return _mm_or_ps(_mm_and_ps(m, a), _mm_andnot_ps(m, b)); }
  // c where the mask is set, +0 elsewhere (c > 0 in every lane): one and.
  static F select_or_zero(M m, F c) { return _mm_and_ps(m, c); }
  // +0 where x <= t, v elsewhere (and where x is NaN); v < 0 wherever x <= t. One andnot.
  static F zero_at_or_below(F x, F t, F v) { return _mm_andnot_ps(_mm_cmple_ps(x, t), v); }
  // 4x4 transpose in registers: on return a holds lane 0 of a, b, c, d (in that order), b lane 1, ...
  static void transpose4(F& a, F& b, F& c, F& d) {
    F t0 = _mm_unpacklo_ps(a, b), t1 = _mm_unpacklo_ps(c, d), t2 = _mm_unpackhi_ps(a, b), t3 = _mm_unpackhi_ps(c, d);
    a = _mm_movelh_ps(t0, t1);
    b = _mm_movehl_ps(t1, t0);
    c = _mm_movelh_ps(t2, t3);
    d = _mm_movehl_ps(t3, t2);
  }

  static F bit_and(F a, std::uint32_t bits) {
    return _mm_and_ps(a, _mm_castsi128_ps(_mm_set1_epi32(static_cast<int>(bits))));
  }
  static F bit_xor(F a, F b) { return _mm_xor_ps(a, b); }
  static F abs(F a) { return bit_and(a, 0x7FFFFFFFu); }
  // -|a| in one orps with the sign bit (0 - |a| took an andps and a subps); -0 for ±0.
  static F neg_abs(F a) { return _mm_or_ps(a, _mm_castsi128_ps(_mm_set1_epi32(static_cast<int>(0x80000000u)))); }
  static F sign_bit(F a) { return bit_and(a, 0x80000000u); }

  static I as_int(F a) { return _mm_castps_si128(a); }
  static F as_float(I a) { return _mm_castsi128_ps(a); }
  static I splat_int(std::int32_t v) { return _mm_set1_epi32(v); }
  static I add_int(I a, I b) { return _mm_add_epi32(a, b); }
  static I sub_int(I a, I b) { return _mm_sub_epi32(a, b); }
  template <int k> static I shl(I a) { return _mm_slli_epi32(a, k); }
  template <int k> static I shr_arith(I a) { return _mm_srai_epi32(a, k); }
  static I and_int(I a, std::int32_t bits) { return _mm_and_si128(a, _mm_set1_epi32(bits)); }
  static F int_to_float(I a) { return _mm_cvtepi32_ps(a); }

  static float hsum(F a) {
    alignas(16) float l[4];
    _mm_store_ps(l, a);
    return (l[0] + l[1]) + (l[2] + l[3]);
  }
  static float hmax(F a) {
    alignas(16) float l[4];
    _mm_store_ps(l, a);
    float m01 = l[0] > l[1] ? l[0] : l[1];
    float m23 = l[2] > l[3] ? l[2] : l[3];
    return m01 > m23 ? m01 : m23;
  }
};

}  // namespace actlab::simd
