#!/usr/bin/env bash
# Web workplace benchmark (issue 12). An archive of N synthetic documents (filed, with their preservation copy and text, and
# indexed through the archive's own services by bench/WebBench) served by `archive serve`; wrk, 32 connections, 30 s each:
#   1. GET /api/v1/search, a mix of queries (words with and without diacritics, phrases, số/ký hiệu, fielded filters, OR/NOT)
#      with every query made new, which is the figure held to the target: rankings of recent searches are cached, and the
#      same mix repeated (printed beside it) is mostly answered from that cache;
#   2. GET /van-ban/ID, the document page, for ids spread over the whole archive;
# with a records officer's personal API token, after a 5 s warm-up (not counted), in R rounds (--rounds); the round with the
# median p99 stands for each endpoint. The server's peak RSS (VmHWM) over its whole life is read at the end. Then M signed PDFs
# (as bench/ingest.sh makes them) are received twice in the same run: by `archive ingest` into one fresh data folder, and
# uploaded to POST /api/v1/inbox (one file per request, from several clients at once, as several officers on the Tiếp nhận
# page) into another, served by `archive serve`; R rounds, medians compared.
# Prints the figures; exits 1 when a target is missed.
# Usage: bench/web.sh [--docs N=100000] [--uploads M=40] [--clients 32] [--seconds 30] [--upload-clients 4] [--rounds 3] [--keep]
#                     [--archive DIR]   (seed into DIR and keep it; a later run with the same DIR serves it again unseeded)
# Not part of the test suite. On a shared machine, run it under the build lock:
#   flock /tmp/archive-build.lock bench/web.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
docs=100000 uploads=40 clients=32 seconds=30 upload_clients=4 rounds=3 keep=0 kept=""
while (($#)); do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --uploads) uploads="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --upload-clients) upload_clients="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --archive) kept="$(realpath -m "$2")"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
bench_start=$(date +%s.%N)
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN{printf "%.1f", a-b}'; }

# wrk from Debian, installed here rather than for the test suite, which does not need it.
if ! dpkg-query -W -f='${Status}' wrk 2>/dev/null | grep -q "install ok installed"; then
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends wrk >&2
fi
archive=(dotnet "$(scripts/publish.sh)")
dotnet build bench/WebBench -c Release -nologo -v quiet >&2
webbench=(dotnet bench/WebBench/bin/Release/net10.0/WebBench.dll)

work="$(mktemp -d /tmp/archive-web-bench-XXXXXX)"
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  if ((keep)); then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# A records officer (văn thư) of the agency every dossier belongs to, and a token to read and write (doc, ghi).
officer_token() { # data-folder
  printf 'Luu-tru-2019-HT\n' | "${archive[@]}" user create vanthu --full-name "Văn thư đo tải" --agency 000.00.00.H42 \
    --role van-thu --password-stdin --data "$1" >/dev/null
  "${archive[@]}" user token create "bench web" --scope doc --scope ghi --json --as vanthu --data "$1" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

serve() { # data-folder log; sets $server and $base
  local port; port=$(free_port)
  base="http://127.0.0.1:$port"
  "${archive[@]}" serve --urls "$base" --data "$1" >"$2" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$base/health" 2>/dev/null && return
    kill -0 "$server" 2>/dev/null || { echo "archive serve exited; its log:" >&2; tail -20 "$2" >&2; exit 1; }
    sleep 0.2
  done
  echo "archive serve did not answer /health in 120 s" >&2; exit 1
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

load() { # search|page FILE SECONDS -> the RESULT line of bench/web.lua
  wrk -t2 -c"$clients" -d"$3s" --timeout 10s -s bench/web.lua "$base" -- "$1" "$2" "$token" | grep '^RESULT'
}

field() { # RESULT-line name
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# --- 1. The archive of N documents, served, under load -------------------------------------------------------------------
archive_dir="${kept:-$work/archive-$docs}"
seed_start=$(now)
if [[ -f "$archive_dir/load/token" ]]; then
  echo "Serving the archive seeded before in $archive_dir" >&2
  docs=$(cat "$archive_dir/load/documents")
  seeded="seeded by an earlier run"
else
  echo "Seeding $docs documents …" >&2
  "${archive[@]}" demo --data "$archive_dir/data" >/dev/null
  "${webbench[@]}" seed --data "$archive_dir/data" --docs "$docs" --out "$archive_dir/load" >&2
  officer_token "$archive_dir/data" >"$archive_dir/load/token"
  echo "$docs" >"$archive_dir/load/documents"
  seeded="seeded in $(since "$seed_start") s"
fi
token=$(cat "$archive_dir/load/token")

serve "$archive_dir/data" "$work/serve.log"
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$base/van-ban/$(head -1 "$archive_dir/load/ids.txt")" ||
  { echo "the document page did not answer 200" >&2; exit 1; }
echo "Warming up, then $rounds rounds of ${seconds} s of search, of new searches and of document pages, $clients connections …" >&2
# Each kind of request warmed up: the repeated mix is mostly answered from cached rankings, so the searching itself is warmed
# up (compiled, then recompiled as profiled) only by new queries.
load search "$archive_dir/load/queries.txt" 5 >/dev/null
load cold "$archive_dir/load/queries.txt" 5 >/dev/null
load page "$archive_dir/load/ids.txt" 5 >/dev/null
# Rounds, as for the uploads below: one 30-second figure on a shared 2-core machine moves by a tenth or more between runs.
searches=() colds=() pages=()
for round in $(seq 1 "$rounds"); do
  searches+=("$(load search "$archive_dir/load/queries.txt" "$seconds")")
  # The same mix with every query new (a word no document has excluded): what a search costs when no ranking is cached.
  colds+=("$(load cold "$archive_dir/load/queries.txt" "$seconds")")
  pages+=("$(load page "$archive_dir/load/ids.txt" "$seconds")")
  echo "round $round: search p99 $(field "${searches[-1]}" p99_ms) ms, new searches $(field "${colds[-1]}" p99_ms) ms," \
    "document page $(field "${pages[-1]}" p99_ms) ms" >&2
done
peak_kb=$(awk '/^VmHWM/{print $2}' "/proc/$server/status")
rss_kb=$(awk '/^VmRSS/{print $2}' "/proc/$server/status")
# Mapped index files count in RSS as file pages (page cache the kernel may reclaim); the rest is the process's own memory.
anon_kb=$(awk '/^RssAnon/{print $2}' "/proc/$server/status")
file_kb=$(awk '/^RssFile/{print $2}' "/proc/$server/status")
stop_server
printf 'search:        %s\n' "${searches[@]}" >&2
printf 'search (new):  %s\n' "${colds[@]}" >&2
printf 'document page: %s\n' "${pages[@]}" >&2
# What the server logged when it answered otherwise than 200: the commonest exceptions.
server_errors() { grep -ho 'Exception: [^.]*' "$@" 2>/dev/null | sort | uniq -c | sort -rn | head -3 | sed 's/^ */    /'; }
server_errors "$work/serve.log" >"$work/load-errors.txt" || true

# --- 2. The same signed files through `archive ingest` and through POST /api/v1/inbox ------------------------------------
# A few more files warm the server up first (not counted), as the search and page figures are taken after a warm-up: the
# first requests of a fresh process are mostly JIT compilation, which a server pays once and `archive ingest` every run.
warmup=8 total=$((uploads + 8))
echo "Making $total signed PDFs …" >&2
mkdir -p "$work/plain" "$work/in" "$work/warm"
for i in $(seq 1 "$total"); do
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$work/plain/doc-$i.pdf" \
    -c "[/Title (web bench $i) /DOCINFO pdfmark" -f fixtures/samples/quyet-dinh-quy-che.pdf fixtures/samples/quyet-dinh-quy-che.pdf \
       fixtures/samples/quyet-dinh-quy-che.pdf 2>/dev/null
done
fixtures/pki/make-pki.sh "$work/pki" >/dev/null 2>&1
sign() { # plain-pdf: the person, then the organisation (Điều 12)
  local name; name="$(basename "$1")"
  ARCHIVE_KEY_PASSWORD=test dotnet "$archive_dll" sign "$1" "$1.personal.pdf" --key "$work/pki/personal.p12" >/dev/null &&
    ARCHIVE_KEY_PASSWORD=test dotnet "$archive_dll" sign "$1.personal.pdf" "$work/in/$name" --key "$work/pki/organisation.p12" >/dev/null
}
export -f sign; export work; export archive_dll="${archive[1]}"
ls "$work"/plain/doc-*.pdf | xargs -P "$(nproc)" -I{} bash -c 'sign "$@"' _ {}
[[ $(ls "$work"/in/*.pdf | wc -l) -eq "$total" ]] || { echo "not every file was signed" >&2; exit 1; }
for i in $(seq $((uploads + 1)) "$total"); do mv "$work/in/doc-$i.pdf" "$work/warm/"; done
# Each file its own số: every file shows the sample's header "Số: 05/QĐ-UBND", which ingest reads when no number is given,
# and the same number from the same agency is a duplicate. One object per file for the upload, all keyed by name for ingest.
mkdir -p "$work/meta"
for i in $(seq 1 "$total"); do
  printf '{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Văn bản đo hiệu năng","CodeNumber":"%02d",%s}\n' \
    "$i" '"CodeNotation":"SNV-DHN"' >"$work/meta/doc-$i.pdf.json"
done
{ echo '{'; for i in $(seq 1 "$uploads"); do
    printf '"doc-%s.pdf":%s%s\n' "$i" "$(cat "$work/meta/doc-$i.pdf.json")" "$([[ $i -lt $uploads ]] && echo ,)"; done
  echo '}'; } >"$work/m.json"
dossier="000.00.00.H42.$(($(date +%Y) - 1)).01.TH"
receiving_folder() { # data-folder: the demo catalog, trusting the test PKI
  "${archive[@]}" demo --data "$1" >/dev/null
  "${archive[@]}" trust add-anchor "$work/pki/anchors/root.cer" --data "$1" >/dev/null
  for crl in "$work"/pki/crls/*.crl; do "${archive[@]}" trust add-crl "$crl" --data "$1" >/dev/null; done
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
upload() { # file
  curl -sS -o "$work/uploaded/$(basename "$1").json" -w '%{http_code}\n' -H "Authorization: Bearer $token" \
    -F "files=@$1;type=application/pdf" -F "dossier=$dossier" -F "metadata=<$work/meta/$(basename "$1").json" "$base/api/v1/inbox"
}
export -f upload
# Each round receives the files into fresh data folders, `archive ingest` then the uploads; the medians are compared (one
# round of a few seconds on a shared 2-core machine moves by a fifth between runs).
ingest_times=() upload_times=() ingest_ok=0 upload_ok=0 upload_not200=0
: >"$work/upload-errors.txt"
for round in $(seq 1 "$rounds"); do
  receiving_folder "$work/cli-$round"
  receiving_folder "$work/web-$round"
  token=$(officer_token "$work/web-$round")

  echo "Round $round of $rounds: archive ingest of $uploads files …" >&2
  start=$(now)
  "${archive[@]}" ingest "$work"/in/*.pdf --dossier "$dossier" --metadata "$work/m.json" --json --data "$work/cli-$round" \
    >"$work/ingest-$round.jsonl"
  ingest_times+=("$(since "$start")")
  ingest_ok=$((ingest_ok + $(grep -c '"status":"accepted"' "$work/ingest-$round.jsonl" || true)))

  echo "Round $round of $rounds: uploading the same files, $upload_clients at a time (after $warmup others to warm the server up) …" >&2
  serve "$work/web-$round" "$work/serve-upload-$round.log"
  rm -rf "$work/uploaded"; mkdir -p "$work/uploaded"
  export base token dossier
  ls "$work"/warm/*.pdf | xargs -P "$upload_clients" -I{} bash -c 'upload "$@"' _ {} >/dev/null
  rm -f "$work"/uploaded/*
  start=$(now)
  ls "$work"/in/*.pdf | xargs -P "$upload_clients" -I{} bash -c 'upload "$@"' _ {} >"$work/upload-status.txt"
  upload_times+=("$(since "$start")")
  stop_server
  upload_ok=$((upload_ok + $(cat "$work"/uploaded/*.json | grep -o '"status":"accepted"' | wc -l)))
  upload_not200=$((upload_not200 + $(grep -vc '^200$' "$work/upload-status.txt" || true)))
  # A refused upload's answer says why; the documents filed in the end are counted apart (another request may have filed it).
  grep -ho '"detail":"[^"]*"' "$work"/uploaded/*.json 2>/dev/null | sed 's/[0-9a-f]\{32\}/ID/g' >>"$work/upload-errors.txt" || true
done
sort "$work/upload-errors.txt" | uniq -c | sed 's/^ */    /' >"$work/upload-errors-counted.txt"
mv "$work/upload-errors-counted.txt" "$work/upload-errors.txt"
ingest_s=$(median "${ingest_times[@]}")
upload_s=$(median "${upload_times[@]}")
received=$((uploads * rounds))

# --- Figures --------------------------------------------------------------------------------------------------------------
errors=$((received - upload_ok + received - ingest_ok))
for result in "${searches[@]}" "${colds[@]}" "${pages[@]}"; do
  errors=$((errors + $(field "$result" not200) + $(field "$result" socket_errors) + $(field "$result" timeouts)))
done
# The round whose p99 is the median of the rounds' p99 stands for the endpoint; every round's p99 is printed beside it.
median_round() { # RESULT-lines
  local p99s=() r; for r in "$@"; do p99s+=("$(field "$r" p99_ms)"); done
  local m; m=$(median "${p99s[@]}")
  for r in "$@"; do [[ "$(field "$r" p99_ms)" == "$m" ]] && { echo "$r"; return; }; done
}
p99s() { local r out=(); for r in "$@"; do out+=("$(field "$r" p99_ms)"); done; echo "${out[*]}"; }
search=$(median_round "${searches[@]}") cold=$(median_round "${colds[@]}") page=$(median_round "${pages[@]}")
ratio=$(awk -v a="$ingest_s" -v b="$upload_s" 'BEGIN{printf "%.2f", a/b}')
peak_mb=$((peak_kb / 1024))
cold_p99=$(field "$cold" p99_ms)
page_p99=$(field "$page" p99_ms)
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN{ok = op == "<=" ? v <= t : v >= t; print ok ? "ok" : "MISSED"}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.2f", n/s}'; }
per_s() { awk -v r="$(field "$1" requests)" -v s="$(field "$1" seconds)" 'BEGIN{printf "%.0f", r/s}'; }
latency() { # RESULT-line: a latency is worth little when the answers were errors, so their number is said beside it
  local failed=$(($(field "$1" not200) + $(field "$1" socket_errors) + $(field "$1" timeouts))) note=""
  ((failed)) && note=", $failed of them failed"
  echo "   [p50 $(field "$1" p50_ms) ms, $(per_s "$1") req/s, $(field "$1" requests) requests$note]"
}
why_errors="   [answers not 200, socket errors, timeouts; files not accepted: $upload_not200 uploads refused,"
why_errors+=" $((received - upload_ok)) not accepted, $((received - ingest_ok)) by archive ingest]"
memory="   [VmHWM; at the end VmRSS $((rss_kb / 1024)) MB = anonymous $((anon_kb / 1024)) MB"
memory+=" + mapped files $((file_kb / 1024)) MB]"
speeds="   [medians of $rounds rounds: archive ingest ${ingest_s} s = $(rate "$uploads" "$ingest_s") files/s"
speeds+=" (${ingest_times[*]}); uploads ($upload_clients clients, after $warmup warm-up files) ${upload_s} s ="
speeds+=" $(rate "$uploads" "$upload_s") files/s (${upload_times[*]}); $uploads signed 3-page PDFs]"
lines=(
  "documents: $docs ($seeded), cores: $(nproc), $clients connections, ${seconds} s per endpoint"
  "search p99 = ${cold_p99} ms (target <= 100): $(verdict "$cold_p99" "<=" 100)$(latency "$cold")"
  "  (every query new, so no ranking cached; median of $rounds rounds' p99: $(p99s "${colds[@]}") ms)"
  "  (the same mix repeated, rankings cached: p99 = $(field "$search" p99_ms) ms$(latency "$search" | sed 's/^ *\[/; /; s/\]$//');"
  "   rounds: $(p99s "${searches[@]}") ms)"
  "document page p99 = ${page_p99} ms (target <= 150): $(verdict "$page_p99" "<=" 150)$(latency "$page")"
  "  (median of $rounds rounds' p99: $(p99s "${pages[@]}") ms)"
  "errors = $errors (target 0): $(verdict "$errors" "<=" 0)$why_errors"
  "server peak RSS = ${peak_mb} MB (target <= 600): $(verdict "$peak_mb" "<=" 600)$memory"
  "upload/ingest = ${ratio}x (target >= 0.9): $(verdict "$ratio" ">=" 0.9)$speeds"
  "whole bench: $(since "$bench_start") s"
)
printf '%s\n' "${lines[@]}"
if [[ -s "$work/load-errors.txt" ]]; then echo "  server exceptions under load:"; cat "$work/load-errors.txt"; fi
if [[ -s "$work/upload-errors.txt" ]]; then echo "  refused uploads:"; cat "$work/upload-errors.txt"; fi
! printf '%s\n' "${lines[@]}" | grep -q MISSED
