// budget.hpp — one check for every probe's cost: sizes that are each in range still multiply,
// so a probe states its multiply-adds and floats and is refused past limits.hpp's bounds, with
// a message that gives the product, the formula and the bound.
#pragma once

#include <cstdio>
#include <string>

#include "actlab/util/limits.hpp"

namespace actlab::probes {

// "" or "depth: layers·width²·samples = 4294967296000 multiply-adds, more than 268435456 (...)".
inline std::string over_budget(const char* probe, const char* macs_formula, double macs, const char* floats_formula,
                               double floats) {
  char buf[320];
  if (macs > limits::kProbeMaxMacs) {
    std::snprintf(buf, sizeof buf, "%s: %s = %.0f multiply-adds, more than %.0f (a probe answers within about a second: lower them)",
                  probe, macs_formula, macs, limits::kProbeMaxMacs);
    return buf;
  }
  if (floats > static_cast<double>(limits::kProbeMaxFloats)) {
    std::snprintf(buf, sizeof buf, "%s: %s = %.0f floats, more than %zu (%zu MiB: lower them)", probe, floats_formula, floats,
                  limits::kProbeMaxFloats, limits::kProbeMaxFloats * 4 >> 20);
    return buf;
  }
  return "";
}

}  // namespace actlab::probes
