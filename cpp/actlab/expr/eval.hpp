// eval.hpp — evaluating an expression graph point by point: in float (the tape's arithmetic,
// node by node on the scalar back end) and in double with libm (the reference for tests and
// for finite differences in the checks).
#pragma once

#include <vector>

#include "actlab/expr/graph.hpp"

namespace actlab::expr {

// Value of `root` at x with parameter values `params`, in float: the same operation code the
// tape runs, so it gives the tape's bits (the property test compares the two).
float eval_float(const Graph& g, int root, float x, const std::vector<float>& params);

// Several roots at once (f and its derivatives share work).
void eval_float(const Graph& g, const std::vector<int>& roots, float x, const std::vector<float>& params,
                std::vector<float>& out);

// The double-precision reference: plain libm maths (std::exp, std::erf ...), comparisons with the
// same NaN rules as the tape.
double eval_double(const Graph& g, int root, double x, const std::vector<double>& params);

}  // namespace actlab::expr
