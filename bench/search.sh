#!/usr/bin/env bash
# Search benchmark: indexes synthetic Vietnamese documents and runs a fixed query mix.
# Usage: bench/search.sh [--docs N] [--queries N] [--dir PATH] [--keep]   (default 1,000,000 documents)
# Not part of the test suite. On a shared machine, run it under the build lock:
#   flock /tmp/archive-build.lock bench/search.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build bench/SearchBench -c Release -nologo -v quiet
exec dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll "$@"
