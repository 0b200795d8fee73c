#!/usr/bin/env bash
# Search benchmark: indexes synthetic Vietnamese documents and runs a fixed query mix; beside it, in the same run, an SQLite
# FTS5 table (Python's sqlite3, `unicode61 remove_diacritics 2`) is fed the same documents, and the indexing rates are
# compared. Both take the documents from memory: the archive makes them first, FTS5 reads them from a file first, both untimed.
# Usage: bench/search.sh [--docs N] [--queries N] [--dir PATH] [--keep] [--reuse]   (default 1,000,000 documents)
# Not part of the test suite. On a shared machine, run it under the build lock:
#   flock /tmp/archive-build.lock bench/search.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build bench/SearchBench -c Release -nologo -v quiet
bench=(dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll)
docs=$(printf '%s\n' "$@" | awk 'prev == "--docs" {print; exit} {prev = $0}')
docs=${docs:-1000000}

work="$(mktemp -d /tmp/archive-search-bench-fts5-XXXXXX)"
trap 'rm -rf "$work"' EXIT
"${bench[@]}" export --docs "$docs" --out "$work/documents.tsv"
fts5=$(/usr/bin/python3 bench/fts5-index.py "$work/documents.tsv" "$work/fts5.db" | grep '^RESULT')
rm -f "$work/documents.tsv"

"${bench[@]}" "$@" | tee "$work/archive.out"
fts5_rate=$(sed -n 's/.* rate=\([0-9]*\).*/\1/p' <<<"$fts5")
archive_rate=$(sed -n 's/^Indexing: .* = \([0-9,]*\) docs\/s.*/\1/p' "$work/archive.out" | tr -d ,)
echo "SQLite FTS5 (same documents, same run): $(sed -n 's/.*fts5_documents=\([0-9]*\).*/\1/p' <<<"$fts5") documents in" \
  "$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$fts5") s = $fts5_rate docs/s"
if [[ -n "$archive_rate" ]]; then
  echo "Bulk indexing, archive / FTS5: $(awk -v a="$archive_rate" -v b="$fts5_rate" 'BEGIN{printf "%.2f", a/b}')x"
fi
