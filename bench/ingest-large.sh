#!/usr/bin/env bash
# One large input (issue 4, "a 1 GB file"): a 1 GiB PDF (a one-page document plus one unreferenced stream of
# random bytes) through `archive ingest` (format identification, qpdf safety check, signature check, inbox
# storage of the original, filing, PDF/A, index), with its elapsed time and peak RSS, beside reference tools
# on the same file in the same run: sha256sum (one pass over the bytes) and a durable copy (cp, then sync),
# the least the inbox must do to keep the original.
# Usage: bench/ingest-large.sh [SIZE_MIB=1024]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mib="${1:-1024}"
archive=(dotnet "$(scripts/publish.sh)")
work="$(mktemp -d /tmp/archive-ingest-large-XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The PDF, with a classic xref table whose offsets are measured as it is written.
pdf="$work/ho-so-lon.pdf"
size() { stat -c %s "$pdf"; }
content="BT /F1 24 Tf 72 720 Td (Van ban rat lon) Tj ET"
declare -a off
printf '%%PDF-1.7\n' > "$pdf"
off[1]=$(size); printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' >> "$pdf"
off[2]=$(size); printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' >> "$pdf"
off[3]=$(size); printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n' >> "$pdf"
off[4]=$(size); printf '4 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n' "${#content}" "$content" >> "$pdf"
off[5]=$(size); printf '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n' >> "$pdf"
off[6]=$(size); printf '6 0 obj\n<< /Length %d >>\nstream\n' "$((mib * 1024 * 1024))" >> "$pdf"
head -c "$((mib * 1024 * 1024))" /dev/urandom >> "$pdf"
printf '\nendstream\nendobj\n' >> "$pdf"
xref=$(size)
{ printf 'xref\n0 7\n0000000000 65535 f \n'
  for i in 1 2 3 4 5 6; do printf '%010d 00000 n \n' "${off[$i]}"; done
  printf 'trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$xref"; } >> "$pdf"
echo '{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Hồ sơ rất lớn"}' > "$work/m.json"
"${archive[@]}" demo --data "$work/data" >/dev/null
dossier="000.00.00.H42.$(( $(date +%Y) - 1 )).01.TH"

# "seconds peak-KiB" of one command, its output discarded.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true; cat "$work/time" | tail -1; }

read -r sha_s sha_kb < <(measure sha256sum "$pdf")
read -r copy_s copy_kb < <(measure sh -c 'cp "$1" "$2" && sync "$2"' copy "$pdf" "$work/copy.pdf")
rm -f "$work/copy.pdf"
/usr/bin/time -f "%e %M" -o "$work/time" "${archive[@]}" ingest "$pdf" --dossier "$dossier" --metadata "$work/m.json" --json \
  --data "$work/data" > "$work/out.jsonl" 2>"$work/err" || true
read -r ingest_s ingest_kb < <(tail -1 "$work/time")
status=$(grep -o '"status":"[a-z]*"' "$work/out.jsonl" | head -1 | cut -d'"' -f4)

echo "input: $(size) bytes ($mib MiB of stream data), cores: $(nproc)"
printf 'sha256sum:          %7.2f s  peak RSS %7d KiB\n' "$sha_s" "$sha_kb"
printf 'cp + sync:          %7.2f s  peak RSS %7d KiB\n' "$copy_s" "$copy_kb"
printf 'archive ingest:     %7.2f s  peak RSS %7d KiB  (status: %s)\n' "$ingest_s" "$ingest_kb" "${status:-none, see below}"
printf 'time ratio (archive ingest / sha256sum): %.1fx;  (archive ingest / cp + sync): %.1fx\n' \
  "$(awk -v a="$ingest_s" -v b="$sha_s" 'BEGIN{print (b > 0 ? a/b : 0)}')" "$(awk -v a="$ingest_s" -v b="$copy_s" 'BEGIN{print (b > 0 ? a/b : 0)}')"
[[ -n "$status" ]] || cat "$work/err" >&2
