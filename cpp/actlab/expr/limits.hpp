// limits.hpp — the resource bounds of the expression engine, in one place.
//
// Whatever a learner types, parsing, differentiating, simplifying and compiling stay within these
// bounds (docs/expr.md, "Limits"): every bound that is reached gives an error that says which one,
// never a crash, a hang or unbounded memory.
#pragma once

#include <cstddef>

namespace actlab::expr {

inline constexpr std::size_t kMaxLength = 1000;     // characters of expression text
inline constexpr int kMaxDepth = 64;                // nesting of parentheses, calls and operators
inline constexpr std::size_t kMaxParseNodes = 512;  // operators, functions, numbers and names typed
inline constexpr std::size_t kMaxGraphNodes = 8192; // distinct nodes of f and all its derivatives
inline constexpr std::size_t kMaxParams = 8;        // parameters one expression may declare
inline constexpr std::size_t kMaxTexLength = 20000; // characters of TeX for one formula
inline constexpr int kMaxIntPower = 64;             // x^n with integer |n| <= this is repeated products

}  // namespace actlab::expr
