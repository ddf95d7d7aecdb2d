// commands.hpp — the subcommands of the native `actlab` tool, one function each.
// main.cpp dispatches on argv[1]; each command gets the arguments after its name and returns
// the process exit code (0 ok, 2 bad input). Commands print errors to stderr, results to stdout.
#pragma once

#include <span>

namespace actlab::cli {

int cmd_list(std::span<char* const> args);      // list.cpp
int cmd_eval(std::span<char* const> args);      // eval.cpp
int cmd_accuracy(std::span<char* const> args);  // accuracy.cpp
int cmd_golden(std::span<char* const> args);    // golden.cpp
int cmd_art(std::span<char* const> args);       // art.cpp
int cmd_train(std::span<char* const> args);     // train.cpp
int cmd_probe(std::span<char* const> args);     // probe.cpp
int cmd_expr(std::span<char* const> args);      // expr.cpp

}  // namespace actlab::cli
