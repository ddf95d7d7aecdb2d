// selfcheck.hpp — runs every stage of the expression engine on one input and checks the
// invariants that must hold for any text at all; shared by the libFuzzer target
// (tests/fuzz/expr_fuzz.cpp) and the seeded random-input test (tests/cpp/expr_fuzz_test.cpp).
//
// Invariants: parse() returns either a graph or an error whose column lies in [0, length + 1];
// an error's caret display starts with its message; compiled tapes (f, f', f and f', all
// gradients) give the bits of point evaluation at a fixed set of inputs (specials included);
// the cheat-sheet row and TeX are produced without failure for every compiled expression.
#pragma once

#include <string>
#include <string_view>

namespace actlab::expr {

// "" when every invariant holds, else a description of the first violation.
std::string selfcheck(std::string_view text);

}  // namespace actlab::expr
