// expression.hpp — a parsed activation: its graph, root, input name and declared parameters.
//
// Parameters are declared by the caller (an exercise, the CLI, the trainer), each with a default
// value and a learnable flag; `default_params()` declares the lessons' alpha (0.25, PReLU's
// initial slope in He et al. 2015) and beta (1, Swish's), both learnable.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actlab/expr/graph.hpp"

namespace actlab::expr {

struct ParamDecl {
  std::string name;   // "alpha"
  float value = 0;    // default
  bool learnable = false;
  std::string tex;    // "\\alpha"; empty: \mathrm{name}
};

std::vector<ParamDecl> default_params();

struct Expression {
  std::string text;              // what was typed
  std::shared_ptr<Graph> graph;  // shared with derivatives and tapes built from it
  int root = -1;
  char input_name = 'x';         // 'x' or 'z', as typed (TeX uses it)
  std::vector<ParamDecl> params;
  std::vector<char> param_used;  // per declared parameter: does f use it
};

}  // namespace actlab::expr
