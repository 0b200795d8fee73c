#!/usr/bin/env bash
# Benchmark (issue 15): `archive transfer export` of N documents (originals and PDF/A copies, ~2 x N x SIZE bytes) vs `tar` then
# `sha256sum` of the same blob files, same run, page cache warmed equally; prints both throughputs, the ratio (target >= 1x the
# combined throughput of tar + sha256sum) and the export's peak RSS (bounded memory: it must not grow with the package).
# Usage: bench/transfer.sh [DOCUMENTS] [SIZE]   (default 5000 documents of ~200 kB: ~2 GB). Needs dotnet, tar, sha256sum, time.
set -euo pipefail
documents="${1:-5000}"
size="${2:-200000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/archive-transfer-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$here/scripts/publish.sh" >&2
dotnet publish "$here/bench/TransferBench" -c Release -o "$here/.out/transfer-bench" -nologo -v quiet >&2
archive=(dotnet "$here/.out/archive/archive.dll")

echo "Generating $documents documents of ~$size bytes, each with its PDF/A copy…" >&2
codes=$(dotnet "$here/.out/transfer-bench/TransferBench.dll" "$work/data" --documents "$documents" --size "$size")
find "$work/data/blobs" -type f > "$work/files.txt"
bytes=$(xargs -a "$work/files.txt" stat -c %s | awk '{s += $1} END {printf "%d", s}')
count=$(wc -l < "$work/files.txt")

now() { date +%s.%N; }
warm() { xargs -a "$work/files.txt" cat > /dev/null; }

warm
start=$(now)
# shellcheck disable=SC2086
/usr/bin/time -f '%M' -o "$work/rss.txt" "${archive[@]}" transfer export $codes --to "$work/bag" --data "$work/data" \
  >/dev/null 2>"$work/export.log" || { cat "$work/export.log" >&2; exit 1; }
archive_seconds=$(echo "$(now) - $start" | bc -l)
"${archive[@]}" transfer verify "$work/bag" >&2
rss_kib=$(tail -1 "$work/rss.txt")
rm -rf "$work/bag"
sync

warm
start=$(now)
tar -cf "$work/blobs.tar" -T "$work/files.txt" 2>/dev/null
tar_seconds=$(echo "$(now) - $start" | bc -l)
start=$(now)
xargs -a "$work/files.txt" sha256sum > /dev/null
sha_seconds=$(echo "$(now) - $start" | bc -l)
reference_seconds=$(echo "$tar_seconds + $sha_seconds" | bc -l)

mib=$(echo "$bytes / 1048576" | bc -l)
printf 'content: %d blob files, %.0f MiB (%d documents: original + PDF/A); cores: %d\n' "$count" "$mib" "$documents" "$(nproc)"
printf 'archive transfer export: %7.2f s  %7.1f MiB/s  peak RSS %d MiB\n' "$archive_seconds" "$(echo "$mib / $archive_seconds" | bc -l)" \
  "$((rss_kib / 1024))"
printf 'tar + sha256sum:         %7.2f s  %7.1f MiB/s  (tar %.2f s, sha256sum %.2f s)\n' "$reference_seconds" \
  "$(echo "$mib / $reference_seconds" | bc -l)" "$tar_seconds" "$sha_seconds"
printf 'ratio (archive / tar+sha256sum throughput): %.2fx  (target >= 1x)\n' "$(echo "$reference_seconds / $archive_seconds" | bc -l)"
