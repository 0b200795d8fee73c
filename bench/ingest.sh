#!/usr/bin/env bash
# Ingest throughput (issue 4): N distinct signed PDFs (personal then organisation signature, from a test PKI made
# here) through `archive ingest` (format, safety, metadata and signature checks, inbox, arrival numbers, filing,
# PDF/A via Ghostscript, text, index) vs Ghostscript alone converting the same files to PDF/A one after another,
# in the same run. Peak RSS of the whole ingest is printed too.
# Usage: bench/ingest.sh [N=100]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-100}"
archive=(dotnet "$(scripts/publish.sh)")
work="$(mktemp -d /tmp/archive-ingest-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/gs"
# Distinct multi-page documents: the sample Vietnamese page, repeated, with a different mark on each file.
for i in $(seq 1 "$n"); do
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$work/in/doc-$i.pdf" \
    -c "[/Title (bench $i) /DOCINFO pdfmark" -f fixtures/samples/quyet-dinh-quy-che.pdf fixtures/samples/quyet-dinh-quy-che.pdf \
       fixtures/samples/quyet-dinh-quy-che.pdf 2>/dev/null
done
# Each file its own số: every file shows the sample's header "Số: 05/QĐ-UBND", which ingest reads when no number is given,
# and the same number from the same agency is a duplicate (refused). One object per file, keyed by its name.
{ echo '{'; for i in $(seq 1 "$n"); do
    printf '"doc-%s.pdf":{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Văn bản đo hiệu năng",' "$i"
    printf '"CodeNumber":"%02d","CodeNotation":"SNV-DHN"}%s\n' "$i" "$([[ $i -lt $n ]] && echo ,)"; done
  echo '}'; } >"$work/m.json"
"${archive[@]}" demo --data "$work/data" >/dev/null
# Signed as Điều 12 wants (the person, then the organisation), trusted through the test root and its CRLs.
fixtures/pki/make-pki.sh "$work/pki" >/dev/null 2>&1
"${archive[@]}" trust add-anchor "$work/pki/anchors/root.cer" --data "$work/data" >/dev/null
for crl in "$work"/pki/crls/*.crl; do "${archive[@]}" trust add-crl "$crl" --data "$work/data" >/dev/null; done
mkdir -p "$work/plain"
mv "$work"/in/*.pdf "$work/plain/"
sign() { # plain-pdf
  local name; name="$(basename "$1")"
  ARCHIVE_KEY_PASSWORD=test "${archive[@]}" sign "$1" "$1.personal.pdf" --key "$work/pki/personal.p12" >/dev/null &&
    ARCHIVE_KEY_PASSWORD=test "${archive[@]}" sign "$1.personal.pdf" "$work/in/$name" --key "$work/pki/organisation.p12" >/dev/null
}
export -f sign; export work; export archive_dll="${archive[1]}"
ls "$work"/plain/*.pdf | xargs -P "$(nproc)" -I{} bash -c 'archive=(dotnet "$archive_dll"); sign "$@"' _ {}
signed=$(ls "$work"/in/*.pdf | wc -l)
[[ "$signed" -eq "$n" ]] || { echo "only $signed of $n files were signed" >&2; exit 1; }
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

indications=$(grep -o '"indication":"[A-Z_]*"' "$work/out.jsonl" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
echo "files: $n (3 pages each, 2 signatures each: $indications), cores: $(nproc)"
printf 'ghostscript alone, sequential: %6.2f s  %6.2f files/s\n' "$gs_s" "$(awk -v n="$n" -v t="$gs_s" 'BEGIN{print n/t}')"
printf 'archive ingest (whole pipeline): %6.2f s  %6.2f files/s  (%s accepted, %s with PDF/A; peak RSS %s KB)\n' \
  "$ingest_s" "$(awk -v n="$n" -v t="$ingest_s" 'BEGIN{print n/t}')" "$accepted" "$preserved" "$(cat "$work/rss")"
printf 'throughput ratio (archive / ghostscript): %.2fx  (target >= 1.5x)\n' "$(awk -v a="$gs_s" -v b="$ingest_s" 'BEGIN{print a/b}')"
