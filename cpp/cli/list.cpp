// list.cpp — `actlab list`: the registry with its metadata, one block per activation.
#include <cstdio>

#include "actlab/activations/registry.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {

int cmd_list(std::span<char* const> args) {
  if (!args.empty()) {
    return print_error("list", "takes no arguments (got " + util::quoted(args[0]) + ")");
  }
  std::printf("%-13s %-26s %-5s %-5s %-5s %-9s %-6s %s\n", "id", "name", "zero", "mono", "smooth", "max|f'|", "year",
              "parameters");
  for (const Activation& a : activations()) {
    char year[8] = "-";  // 0: no single year (the identity)
    if (a.year != 0) std::snprintf(year, sizeof year, "%d", a.year);
    std::printf("%-13s %-26s %-5s %-5s %-6s %-9.4g %-6s", a.id, a.name, a.zero_centred ? "yes" : "no",
                a.monotonic ? "yes" : "no", a.smooth ? "yes" : "no", double(a.max_slope), year);
    for (int i = 0; i < a.param_count; ++i)
      std::printf("%s%s=%g [%g, %g]", i ? ", " : "", a.params[i].name, double(a.params[i].default_value),
                  double(a.params[i].min), double(a.params[i].max));
    std::printf("\n    saturates: %s; used in: %s\n", a.saturates, a.used_in);
  }
  std::printf("%zu activations, plus softmax and log-softmax over vectors\n", activations().size());
  return 0;
}

}  // namespace actlab::cli
