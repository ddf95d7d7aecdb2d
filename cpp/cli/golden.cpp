// golden.cpp — `actlab golden`: writes tests/golden/activations.golden's content to stdout;
// `actlab golden --softmax` writes tests/golden/softmax_hashes.txt's.
#include <cstdio>
#include <iostream>
#include <string>

#include "actlab/activations/golden.hpp"
#include "actlab/activations/softmax_golden.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {

int cmd_golden(std::span<char* const> args) {
  if (args.size() == 1 && std::string(args[0]) == "--softmax") {
    if (std::string e = write_softmax_golden(std::cout); !e.empty()) return print_error("golden", e);
    return 0;
  }
  if (!args.empty()) {
    return print_error("golden", "takes no arguments or --softmax (got " + util::quoted(args[0]) + ")");
  }
  write_golden(std::cout);
  return 0;
}

}  // namespace actlab::cli
