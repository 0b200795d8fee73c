#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds, runs NUnit, and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/ensure-debian-packages.sh || exit 1
results="$(mktemp -d)"
dotnet test Archive.Tests -c Release -nologo --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
status=$?
trx="$results/tests.trx"
if [[ ! -f "$trx" ]]; then
  echo "0 passed, 1 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
passed=$(get passed); failed=$(get failed); total=$(get total); executed=$(get executed)
skipped=$((total - executed))
failed=$((failed + $(get error) + $(get timeout) + $(get aborted)))
line="$passed passed, $failed failed"
((skipped > 0)) && line="$line, $skipped skipped"
echo "$line"
((status == 0 && failed == 0)) || exit 1
