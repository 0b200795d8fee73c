#!/usr/bin/env bash
# Benchmark: verify N signed PDFs with `archive verify` and with poppler's `pdfsig`, same files, same run,
# and print the throughput ratio (target: archive >= 3x pdfsig's files/s).
# Usage: bench/verify-vs-pdfsig.sh [N]   (default 200). Needs openssl, pdfsig, certutil, dotnet.
# Both tools check the same things they can: integrity and the chain to the same trusted root.
# pdfsig is run once per file (it takes one PDF); archive takes all files in one invocation, as it is used.
set -euo pipefail
n="${1:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/archive-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

archive=(dotnet "$("$here/scripts/publish.sh")")

"$here/fixtures/pki/make-pki.sh" "$work/pki" >/dev/null 2>&1
"$here/fixtures/signed/make-openssl-signed.sh" "$work/pki" "$work/signed" >/dev/null 2>&1
mkdir -p "$work/files" "$work/nss" "$work/data"
certutil -N -d "sql:$work/nss" --empty-password
certutil -A -d "sql:$work/nss" -n root -t "CT,C,C" -i "$work/pki/root.cer"
samples=(issued.pdf personal.pdf issued-ec.pdf personal-ec.pdf)
for ((i = 0; i < n; i++)); do cp "$work/signed/${samples[i % ${#samples[@]}]}" "$work/files/doc$i.pdf"; done

now() { date +%s.%N; }

start=$(now)
set +e
"${archive[@]}" verify --data "$work/data" --json --trust "$work/pki/anchors" --crl "$work/pki/crls" "$work/files"/*.pdf > "$work/archive.out"
archive_exit=$?
set -e
archive_seconds=$(echo "$(now) - $start" | bc -l)
passed=$(grep -c '"indication":"TOTAL_PASSED","signatures"' "$work/archive.out" || true)

start=$(now)
valid=0
for f in "$work/files"/*.pdf; do
  if pdfsig -nssdir "sql:$work/nss" "$f" 2>/dev/null | grep -q "Signature is Valid"; then valid=$((valid + 1)); fi
done
pdfsig_seconds=$(echo "$(now) - $start" | bc -l)

archive_rate=$(echo "$n / $archive_seconds" | bc -l)
pdfsig_rate=$(echo "$n / $pdfsig_seconds" | bc -l)
printf 'files: %d\n' "$n"
printf 'archive verify: %6.2f s  %8.1f files/s  (exit %d, %d TOTAL_PASSED)\n' "$archive_seconds" "$archive_rate" "$archive_exit" "$passed"
printf 'pdfsig:         %6.2f s  %8.1f files/s  (%d with a valid signature)\n' "$pdfsig_seconds" "$pdfsig_rate" "$valid"
printf 'ratio (archive / pdfsig files/s): %.2fx\n' "$(echo "$archive_rate / $pdfsig_rate" | bc -l)"
