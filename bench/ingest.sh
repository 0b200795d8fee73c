#!/usr/bin/env bash
# Ingest throughput (issue 4): N distinct PDFs through `archive ingest` (checks, inbox, filing, PDF/A via Ghostscript,
# index) vs Ghostscript alone converting the same files to PDF/A one after another, in the same run.
# Usage: bench/ingest.sh [N=40]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-40}"
dotnet build Archive.Web -c Release -nologo -v quiet >/dev/null
archive=(dotnet "$PWD/Archive.Web/bin/Release/net10.0/archive.dll")
work="$(mktemp -d /tmp/archive-ingest-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/gs"
# Distinct multi-page documents: the sample Vietnamese page, repeated, with a different mark on each file.
for i in $(seq 1 "$n"); do
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$work/in/doc-$i.pdf" \
    -c "[/Title (bench $i) /DOCINFO pdfmark" -f fixtures/samples/quyet-dinh-quy-che.pdf fixtures/samples/quyet-dinh-quy-che.pdf \
       fixtures/samples/quyet-dinh-quy-che.pdf 2>/dev/null
done
echo '{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Văn bản đo hiệu năng"}' > "$work/m.json"
"${archive[@]}" demo --data "$work/data" >/dev/null
dossier="000.00.00.H42.$(( $(date +%Y) - 1 )).01.TH"

start=$(date +%s.%N)
for f in "$work"/in/*.pdf; do
  gs -q -dNOPAUSE -dBATCH -dSAFER -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sDEVICE=pdfwrite \
    -o "$work/gs/$(basename "$f")" "$f" 2>/dev/null
done
gs_s=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a-b}')

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "${archive[@]}" ingest "$work"/in/*.pdf --dossier "$dossier" --metadata "$work/m.json" --json \
  --data "$work/data" > "$work/out.jsonl"
ingest_s=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a-b}')
accepted=$(grep -c '"status":"accepted","id"' "$work/out.jsonl" || true)
preserved=$(grep -c '"reasons":\[\]' "$work/out.jsonl" || true)

echo "files: $n (3 pages each), cores: $(nproc)"
printf 'ghostscript alone, sequential: %6.2f s  %6.2f files/s\n' "$gs_s" "$(awk -v n="$n" -v t="$gs_s" 'BEGIN{print n/t}')"
printf 'archive ingest (whole pipeline): %6.2f s  %6.2f files/s  (%s accepted, %s with PDF/A; peak RSS %s KB)\n' \
  "$ingest_s" "$(awk -v n="$n" -v t="$ingest_s" 'BEGIN{print n/t}')" "$accepted" "$preserved" "$(cat "$work/rss")"
printf 'throughput ratio (archive / ghostscript): %.2fx  (target >= 1.5x)\n' "$(awk -v a="$gs_s" -v b="$ingest_s" 'BEGIN{print a/b}')"
