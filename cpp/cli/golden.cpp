// golden.cpp — `actlab golden`: writes tests/golden/activations.golden's content to stdout.
#include <cstdio>
#include <iostream>

#include "actlab/activations/golden.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {

int cmd_golden(std::span<char* const> args) {
  if (!args.empty()) {
    return print_error("golden", "takes no arguments (got " + util::quoted(args[0]) + ")");
  }
  write_golden(std::cout);
  return 0;
}

}  // namespace actlab::cli
