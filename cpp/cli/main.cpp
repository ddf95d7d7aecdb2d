// main.cpp — the native `actlab` command: dispatches to one function per subcommand.
#include <cstdio>
#include <cstring>
#include <span>
#include <string_view>

#include "actlab/util/quote.hpp"
#include "commands.hpp"

namespace {

void usage(std::FILE* out) {
  std::fputs(
      "usage: actlab <command> [options]\n"
      "  list                          the activation registry with metadata\n"
      "  eval NAME [--param k=v]... [--grad] [--scalar] [numbers...]\n"
      "                                print 'x f(x)' (or 'x f(x) f'(x)') per input; numbers from\n"
      "                                the arguments or whitespace-separated on stdin\n"
      "  accuracy [--quick]            max ULP error of f and f' for every activation\n"
      "  golden [--softmax]            write the cross-target golden file (f, f') or the softmax one\n"
      "  art [--config JSON|--config-file F] [--size WxH] [--z Z] [--out file.ppm] [--hash] [--bench]\n"
      "                                render the art studio's picture (PPM), print its hash or time it\n"
      "  train [options]               train a small MLP (actlab train --help)\n"
      "  probe <scan|depth|census|collapse|dying|fit1d> [options]   run an experiment (actlab probe --help)\n"
      "  expr TEXT [--grad] [--tex] [--param k=v]... [--fixed NAME]... [numbers...]\n"
      "                                a typed activation, e.g. 'x * sigmoid(1.702 * x)' (docs/expr.md)\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace actlab::cli;
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string_view cmd = argv[1];
  std::span<char* const> rest(argv + 2, std::size_t(argc - 2));
  if (cmd == "list") return cmd_list(rest);
  if (cmd == "eval") return cmd_eval(rest);
  if (cmd == "accuracy") return cmd_accuracy(rest);
  if (cmd == "golden") return cmd_golden(rest);
  if (cmd == "art") return cmd_art(rest);
  if (cmd == "train") return cmd_train(rest);
  if (cmd == "probe") return cmd_probe(rest);
  if (cmd == "expr") return cmd_expr(rest);
  std::string m = actlab::util::escape_control("unknown command " + actlab::util::quoted(argv[1]) +
                                               " (accepted: list, eval, accuracy, golden, art, train, probe, expr)");
  std::fprintf(stderr, "actlab: %s\n", m.c_str());
  return 2;
}
