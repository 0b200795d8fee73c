#!/usr/bin/env bash
# Search benchmark: indexes synthetic Vietnamese documents and runs a fixed query mix; beside it, in the same run, an SQLite
# FTS5 table (Python's sqlite3, `unicode61 remove_diacritics 2`) is fed the same documents, and the indexing rates are
# compared. Both take the documents from memory: the archive makes them first, FTS5 reads them from a file first, both untimed.
# The two index in turn, --rounds times (default 3): this machine's speed drifts by a fifth within minutes, so each round's
# ratio compares runs minutes apart, and the median of the rounds is the figure. Queries run in the last round.
# Usage: bench/search.sh [--docs N] [--rounds N] [--queries N] [--dir PATH] [--keep] [--reuse]   (default 1,000,000 documents)
# Not part of the test suite. On a shared machine, run it under the build lock:
#   flock /tmp/archive-build.lock bench/search.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build bench/SearchBench -c Release -nologo -v quiet
bench=(dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll)
option() { printf '%s\n' "${@:2}" | awk -v name="$1" 'prev == name {print; exit} {prev = $0}'; }
docs=$(option --docs "$@"); docs=${docs:-1000000}
rounds=$(option --rounds "$@"); rounds=${rounds:-3}
# What SearchBench takes: everything but --rounds and its value.
args=(); skip=0
for a in "$@"; do
  if ((skip)); then skip=0; elif [[ $a == --rounds ]]; then skip=1; else args+=("$a"); fi
done

work="$(mktemp -d /tmp/archive-search-bench-fts5-XXXXXX)"
trap 'rm -rf "$work"' EXIT
"${bench[@]}" export --docs "$docs" --out "$work/documents.tsv"
ratios=()
for ((round = 1; round <= rounds; round++)); do
  rm -f "$work/fts5.db"
  fts5=$(/usr/bin/python3 bench/fts5-index.py "$work/documents.tsv" "$work/fts5.db" | grep '^RESULT')
  if ((round < rounds)); then
    "${bench[@]}" --queries 0 "${args[@]}" | grep -E '^Indexing' | tee "$work/archive.out"
  else
    "${bench[@]}" "${args[@]}" | tee "$work/archive.out"
  fi
  fts5_rate=$(sed -n 's/.* rate=\([0-9]*\).*/\1/p' <<<"$fts5")
  archive_rate=$(sed -n 's/^Indexing: .* = \([0-9,]*\) docs\/s.*/\1/p' "$work/archive.out" | tr -d ,)
  echo "SQLite FTS5 (same documents, round $round): $(sed -n 's/.*fts5_documents=\([0-9]*\).*/\1/p' <<<"$fts5") documents in" \
    "$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$fts5") s = $fts5_rate docs/s"
  [[ -n "$archive_rate" ]] || continue
  ratio=$(awk -v a="$archive_rate" -v b="$fts5_rate" 'BEGIN{printf "%.2f", a/b}')
  ratios+=("$ratio")
  echo "Round $round: archive $archive_rate docs/s, FTS5 $fts5_rate docs/s, archive / FTS5 = ${ratio}x"
done
if ((${#ratios[@]} > 0)); then
  echo "Bulk indexing, archive / FTS5: $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR] = $1} END {print r[int((NR + 1) / 2)]}')x" \
    "(median of ${#ratios[@]} rounds: ${ratios[*]})"
fi
