// detmath.hpp — deterministic scalar exp, log, sin, cos in double precision.
//
// Used where the engine needs an elementary function outside the activation kernels (the
// Box–Muller normal sampler, spiral and moon datasets, sin features, gaussian bumps) and the
// result must be bit-identical on every target. glibc and musl (Emscripten) libm may differ in
// the last bit, so these use only + − × ÷ and bit casts, in one fixed order, with
// -ffp-contract=off (no FMA). Accuracy: a few ulp of double (|error| < 1e-15 relative in the
// stated domains, checked against libm in tests/cpp/data_detmath_test.cpp) — far below the
// float precision of everything that consumes them.
//
// Methods (textbook; Cody & Waite, "Software Manual for the Elementary Functions", 1980):
//   exp(x) = 2^k · exp(r), x = k·ln2 + r, |r| ≤ ln2/2, exp(r) by Taylor series to r^17/17!.
//   log(x) = e·ln2 + 2·atanh(s), x = m·2^e with m in [√½, √2), s = (m−1)/(m+1), |s| ≤ 0.1716,
//            atanh series to s^29/29.
//   sin/cos: x = q·π/2 + r with π/2 split in three parts (exact products for |x| < 1e6),
//            Taylor series on |r| ≤ π/4 to r^21 / r^22.
#pragma once

#include "actlab/simd/bits.hpp"
#include <cstdint>
#include <limits>

namespace actlab::detmath {

namespace detail {
// ln 2 split so that k·kLn2Hi is exact for |k| < 2^11 (Cody–Waite): the high part has 32 bits.
inline constexpr double kLn2Hi = 0x1.62e42feep-1;
inline constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
inline constexpr double kLn2 = 0x1.62e42fefa39efp-1;
inline constexpr double kInvLn2 = 0x1.71547652b82fep0;
// π/2 in three parts of 33 bits each (the last one full), so q·part is exact for q < 2^20.
inline constexpr double kPio2_1 = 0x1.921fb544p0;
inline constexpr double kPio2_2 = 0x1.0b4611a6p-34;
inline constexpr double kPio2_3 = 0x1.3198a2e037073p-69;
inline constexpr double kInvPio2 = 0x1.45f306dc9c883p-1;

// 2^k for -1022 <= k <= 1023, built from the exponent bits.
inline double pow2i(int k) {
  return actlab::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}
// Round to nearest integer (ties away from zero) without libm; |x| < 2^31.
inline int round_int(double x) { return static_cast<int>(x < 0 ? x - 0.5 : x + 0.5); }

// sin(r), cos(r) for |r| <= pi/4: Taylor series, Horner form, fixed order.
inline double sin_poly(double r) {
  double r2 = r * r;
  double p = 1.0 / 51090942171709440000.0;        // 1/21!
  p = p * r2 - 1.0 / 121645100408832000.0;        // 1/19!
  p = p * r2 + 1.0 / 355687428096000.0;           // 1/17!
  p = p * r2 - 1.0 / 1307674368000.0;             // 1/15!
  p = p * r2 + 1.0 / 6227020800.0;                // 1/13!
  p = p * r2 - 1.0 / 39916800.0;                  // 1/11!
  p = p * r2 + 1.0 / 362880.0;                    // 1/9!
  p = p * r2 - 1.0 / 5040.0;                      // 1/7!
  p = p * r2 + 1.0 / 120.0;                       // 1/5!
  p = p * r2 - 1.0 / 6.0;                         // 1/3!
  return r + r * (r2 * p);
}
inline double cos_poly(double r) {
  double r2 = r * r;
  double p = 1.0 / 1124000727777607680000.0;      // 1/22!
  p = p * r2 - 1.0 / 2432902008176640000.0;       // 1/20!
  p = p * r2 + 1.0 / 6402373705728000.0;          // 1/18!
  p = p * r2 - 1.0 / 20922789888000.0;            // 1/16!
  p = p * r2 + 1.0 / 87178291200.0;               // 1/14!
  p = p * r2 - 1.0 / 479001600.0;                 // 1/12!
  p = p * r2 + 1.0 / 3628800.0;                   // 1/10!
  p = p * r2 - 1.0 / 40320.0;                     // 1/8!
  p = p * r2 + 1.0 / 720.0;                       // 1/6!
  p = p * r2 - 1.0 / 24.0;                        // 1/4!
  p = p * r2 + 0.5;                               // 1/2!
  return 1.0 - r2 * p;
}
// x = q·(π/2) + r; returns r and sets q mod 4. Valid for |x| < 1e6 (larger inputs give NaN).
inline double reduce_pio2(double x, int& quadrant) {
  if (!(x > -1e6 && x < 1e6)) { quadrant = 0; return std::numeric_limits<double>::quiet_NaN(); }
  int q = round_int(x * kInvPio2);
  double qd = q;
  double r = ((x - qd * kPio2_1) - qd * kPio2_2) - qd * kPio2_3;
  quadrant = q & 3;
  return r;
}
}  // namespace detail

// e^x. exp(-inf) = 0, exp(+inf) = +inf, NaN -> NaN; overflow to +inf above ~709.78,
// flushes to 0 below -708 (no subnormal results: consumers never need them).
inline double exp(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -708.0) return 0.0;
  int k = round_int(x * kInvLn2);
  double kd = k;
  double r = (x - kd * kLn2Hi) - kd * kLn2Lo;  // |r| <= ln2/2 (+ tiny)
  // Taylor to r^17/17!: the first omitted term is < 0.35^18/18! ~ 1e-24.
  double p = 1.0 / 355687428096000.0;       // 1/17!
  p = p * r + 1.0 / 20922789888000.0;       // 1/16!
  p = p * r + 1.0 / 1307674368000.0;        // 1/15!
  p = p * r + 1.0 / 87178291200.0;          // 1/14!
  p = p * r + 1.0 / 6227020800.0;           // 1/13!
  p = p * r + 1.0 / 479001600.0;            // 1/12!
  p = p * r + 1.0 / 39916800.0;             // 1/11!
  p = p * r + 1.0 / 3628800.0;              // 1/10!
  p = p * r + 1.0 / 362880.0;               // 1/9!
  p = p * r + 1.0 / 40320.0;                // 1/8!
  p = p * r + 1.0 / 5040.0;                 // 1/7!
  p = p * r + 1.0 / 720.0;                  // 1/6!
  p = p * r + 1.0 / 120.0;                  // 1/5!
  p = p * r + 1.0 / 24.0;                   // 1/4!
  p = p * r + 1.0 / 6.0;                    // 1/3!
  p = p * r + 0.5;                          // 1/2!
  double er = 1.0 + (r + r * (r * p));
  // Split the scaling so that k near ±1023 never builds an out-of-range exponent.
  if (k > 1000) return er * pow2i(k - 1000) * pow2i(1000);
  if (k < -1000) return er * pow2i(k + 1000) * pow2i(-1000);
  return er * pow2i(k);
}

// Natural logarithm. log(0) = -inf, log(x < 0) = NaN, log(+inf) = +inf.
// Subnormal inputs are scaled up by 2^54 first.
inline double log(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x < 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity()) return x;
  int e = 0;
  if (x < 0x1p-1022) { x *= 0x1p54; e = -54; }
  std::uint64_t bits = actlab::bit_cast<std::uint64_t>(x);
  e += static_cast<int>((bits >> 52) & 0x7FF) - 1023;
  // m in [1, 2)
  double m = actlab::bit_cast<double>((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
  if (m > 0x1.6a09e667f3bcdp0) { m *= 0.5; e += 1; }  // now m in [sqrt(1/2), sqrt(2))
  double s = (m - 1.0) / (m + 1.0);
  double s2 = s * s;
  // 2·atanh(s) = 2(s + s^3/3 + ... + s^29/29); s^2 <= 0.0295, first omitted term ~ 1e-24.
  double p = 1.0 / 29.0;
  p = p * s2 + 1.0 / 27.0;
  p = p * s2 + 1.0 / 25.0;
  p = p * s2 + 1.0 / 23.0;
  p = p * s2 + 1.0 / 21.0;
  p = p * s2 + 1.0 / 19.0;
  p = p * s2 + 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  double logm = 2.0 * s + 2.0 * s * (s2 * p);
  double ed = e;
  return (ed * kLn2Hi + logm) + ed * kLn2Lo;
}

// sin and cos for |x| < 1e6 (NaN outside, and for NaN/inf input).
inline double sin(double x) {
  int q;
  double r = detail::reduce_pio2(x, q);
  switch (q) {
    case 0: return detail::sin_poly(r);
    case 1: return detail::cos_poly(r);
    case 2: return -detail::sin_poly(r);
    default: return -detail::cos_poly(r);
  }
}
inline double cos(double x) {
  int q;
  double r = detail::reduce_pio2(x, q);
  switch (q) {
    case 0: return detail::cos_poly(r);
    case 1: return -detail::sin_poly(r);
    case 2: return -detail::cos_poly(r);
    default: return detail::sin_poly(r);
  }
}

inline constexpr double kPi = 0x1.921fb54442d18p1;

}  // namespace actlab::detmath
