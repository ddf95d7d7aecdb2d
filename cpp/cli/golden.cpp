// golden.cpp — `actlab golden`: writes tests/golden/activations.golden's content to stdout.
#include <cstdio>
#include <iostream>

#include "actlab/activations/golden.hpp"
#include "commands.hpp"

namespace actlab::cli {

int cmd_golden(std::span<char* const> args) {
  if (!args.empty()) {
    std::fprintf(stderr, "actlab golden: takes no arguments (got '%s')\n", args[0]);
    return 2;
  }
  write_golden(std::cout);
  return 0;
}

}  // namespace actlab::cli
