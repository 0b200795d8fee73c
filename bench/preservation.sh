#!/usr/bin/env bash
# Fixity vs sha256sum (MB/s, ratio) and incremental vs full backup time, on a generated store (default ~2.1 GB, 10,000 files).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build Archive.Web -c Release -nologo -v quiet
dotnet run -c Release --project bench/PreservationBench -- "$@"
