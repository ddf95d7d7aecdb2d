// accuracy.cpp — `actlab accuracy [--quick] [--markdown]`: the ULP table of every activation.
#include <cstdio>
#include <string_view>

#include "actlab/activations/accuracy.hpp"
#include "actlab/util/quote.hpp"
#include "commands.hpp"
#include "io.hpp"

namespace actlab::cli {

int cmd_accuracy(std::span<char* const> args) {
  bool quick = false, markdown = false;
  for (char* arg : args) {
    std::string_view a = arg;
    if (a == "--quick") quick = true;
    else if (a == "--markdown") markdown = true;
    else {
      print_error("accuracy", "unknown option " + util::quoted(arg) + " (accepted: --quick, --markdown)");
      return 2;
    }
  }
  std::vector<float> xs = accuracy_inputs(quick ? 200'001 : 2'000'001);
  if (markdown) {
    std::printf("| activation | f max ULP | f' max ULP | f' max ULP (floor 1/4) | special values |\n");
    std::printf("|---|---:|---:|---:|---|\n");
  } else {
    std::printf("%zu inputs: dense on [-20, 20], log-spaced to ±3e38, NaN, ±Inf, ±0, subnormals\n", xs.size());
    std::printf("%-13s %10s %12s %12s %12s %12s %s\n", "activation", "f ULP", "worst x", "f' ULP", "worst x", "f' ULP(fl)", "specials");
  }
  for (const Activation& a : activations()) {
    AccuracyRow r = measure_accuracy(a, xs);
    std::size_t bad = r.f.bad_special + r.df.bad_special;
    if (markdown)
      std::printf("| %s | %.2f | %.2f | %.2f | %s |\n", a.id, r.f.max_ulp, r.df.max_ulp, r.df_floored.max_ulp,
                  bad ? "WRONG" : "IEEE-expected");
    else
      std::printf("%-13s %10.2f %12.6g %12.2f %12.6g %12.2f %s\n", a.id, r.f.max_ulp, double(r.f.worst_x), r.df.max_ulp,
                  double(r.df.worst_x), r.df_floored.max_ulp, bad ? "WRONG" : "ok");
  }
  SoftmaxAccuracy s = measure_softmax_accuracy();
  if (markdown)
    std::printf("| softmax / log-softmax | %.2f / %.2f | | | IEEE-expected |\n", s.max_ulp_softmax, s.max_ulp_log_softmax);
  else
    std::printf("%-13s %10.2f (log-softmax %.2f, floor 2^-10)\n", "softmax", s.max_ulp_softmax, s.max_ulp_log_softmax);
  return 0;
}

}  // namespace actlab::cli
