#!/usr/bin/env bash
# Benchmark (issue 14): N certified copies made and signed by the archive vs poppler's `pdfsig -add-signature` signing the same
# PDF/A files with the same organisation key, same run; prints the throughput ratio (target: archive >= 2x pdfsig's copies/s).
# Usage: bench/copies.sh [N]   (default 200). Needs gs, openssl, pdfsig, certutil, pk12util, dotnet.
# The archive makes each copy whole: the source's pages into a new PDF/A-2b, the stamp in embedded Liberation Serif, a vector QR
# code, then the PAdES signature as an incremental update. pdfsig only signs. Both run one copy after another on one core's
# worth of work: pdfsig once per file (it takes one PDF), the archive in one process, as a records officer's batch runs.
# The output of both is checked: every file pdfsig says is signed validly.
set -euo pipefail
n="${1:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/archive-copies-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Published as scripts/publish.sh publishes the archive: ReadyToRun, so neither side spends its time compiling itself.
dotnet publish "$here/bench/CopyBench" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$here/.out/copy-bench" -nologo -v quiet >&2
bench=(dotnet "$here/.out/copy-bench/CopyBench.dll")

"$here/fixtures/pki/make-pki.sh" "$work/pki" >/dev/null 2>&1
mkdir -p "$work/sources" "$work/nss" "$work/archive" "$work/pdfsig"
certutil -N -d "sql:$work/nss" --empty-password
certutil -A -d "sql:$work/nss" -n root -t "CT,C,C" -i "$work/pki/root.cer"
pk12util -i "$work/pki/organisation.p12" -d "sql:$work/nss" -W test >/dev/null

# The preservation copies: four-page PDF/A-2b made by Ghostscript from the sample decision, as ingest keeps them.
sample="$here/fixtures/samples/quyet-dinh-quy-che.pdf"
gs -q -dPDFA=2 -dBATCH -dNOPAUSE -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sDEVICE=pdfwrite \
  -o "$work/source.pdf" -c "<</PageOffset [0 -40]>> setpagedevice" -f "$sample" "$sample" "$sample" "$sample"
for ((i = 0; i < n; i++)); do cp "$work/source.pdf" "$(printf '%s/sources/doc%05d.pdf' "$work" "$i")"; done

now() { date +%s.%N; }

start=$(now)
"${bench[@]}" "$work/sources" "$work/archive" "$work/pki/organisation.p12" test >&2
archive_seconds=$(echo "$(now) - $start" | bc -l)

start=$(now)
for f in "$work/sources"/*.pdf; do
  pdfsig -nssdir "sql:$work/nss" -add-signature -nick organisation "$f" "$work/pdfsig/$(basename "$f")" >/dev/null 2>&1
done
pdfsig_seconds=$(echo "$(now) - $start" | bc -l)

valid() { local count=0; for f in "$1"/*.pdf; do
  if pdfsig -nssdir "sql:$work/nss" "$f" 2>/dev/null | grep -q "Signature is Valid"; then count=$((count + 1)); fi
done; echo "$count"; }

archive_rate=$(echo "$n / $archive_seconds" | bc -l)
pdfsig_rate=$(echo "$n / $pdfsig_seconds" | bc -l)
printf 'copies: %d (4-page PDF/A-2b, %d KiB)\n' "$n" "$(( $(stat -c %s "$work/source.pdf") / 1024 ))"
printf 'archive copy make:      %6.2f s  %7.1f copies/s  (%d valid per pdfsig)\n' "$archive_seconds" "$archive_rate" "$(valid "$work/archive")"
printf 'pdfsig -add-signature:  %6.2f s  %7.1f copies/s  (%d valid per pdfsig)\n' "$pdfsig_seconds" "$pdfsig_rate" "$(valid "$work/pdfsig")"
printf 'ratio (archive / pdfsig copies/s): %.2fx\n' "$(echo "$archive_rate / $pdfsig_rate" | bc -l)"
