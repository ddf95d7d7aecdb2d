// main.cpp — the Catch2 v2 entry point of the one test suite (built natively and to wasm).
#define CATCH_CONFIG_MAIN
#include "catch2/catch.hpp"
