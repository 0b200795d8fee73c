#!/usr/bin/env bash
# Numbering benchmark (issue 13): N signed outgoing documents, then C clients at once (default 16) take their numbers through the
# archive's own numbering (IssuingService.ReserveNumber: one durable catalog transaction each, with its audit entry), by
# bench/NumberingBench. Reference, same run, same disk: sqlite3 (Debian's), C processes at once each committing its share of N
# durable transactions (journal_mode=WAL, synchronous=FULL, BEGIN IMMEDIATE) that take the next value of one counter. Prints
# numbers per second and p50/p99 latency for the archive, transactions per second for sqlite3, and the ratio; both sides' values
# are checked to be 1..N exactly once. Exits 1 when they are not.
# Usage: bench/numbering.sh [N=1000] [CLIENTS=16]
set -euo pipefail
n="${1:-1000}" clients="${2:-16}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/archive-numbering-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if ! command -v sqlite3 >/dev/null; then
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends sqlite3 >&2
fi
dotnet publish "$here/bench/NumberingBench" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$here/.out/numbering-bench" -nologo -v quiet >&2

read -r archive_rate p50 p95 p99 max exact < <(dotnet "$here/.out/numbering-bench/NumberingBench.dll" "$work/archive" "$n" "$clients")

# sqlite3: the counter, then each client's share of transactions as one script, all clients started together.
db="$work/counter.db"
sqlite3 "$db" "PRAGMA journal_mode=WAL; CREATE TABLE counter(n INTEGER NOT NULL); INSERT INTO counter VALUES (0);" >/dev/null
for ((c = 0; c < clients; c++)); do
  share=$(( n / clients + (c < n % clients ? 1 : 0) ))
  {
    echo ".timeout 60000"
    echo "PRAGMA synchronous=FULL;"
    for ((i = 0; i < share; i++)); do
      echo "BEGIN IMMEDIATE; UPDATE counter SET n = n + 1 RETURNING n; COMMIT;"
    done
  } > "$work/client$c.sql"
done
start=$(date +%s.%N)
for ((c = 0; c < clients; c++)); do sqlite3 "$db" < "$work/client$c.sql" > "$work/client$c.out" & done
wait
sqlite_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
sqlite_exact=$(cat "$work"/client*.out | sort -n \
  | awk -v n="$n" '{ if ($1 != NR) bad = 1 } END { print (NR == n && !bad) ? "exact" : "WRONG" }')
sqlite_rate=$(echo "$n / $sqlite_seconds" | bc -l)

printf 'archive numbering, %d clients: %.1f numbers/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.0f ms, values %s\n' \
  "$clients" "$archive_rate" "$p50" "$p95" "$p99" "$max" "$exact"
printf 'sqlite3 counter (WAL, synchronous=FULL), %d clients: %.1f transactions/s, values %s\n' "$clients" "$sqlite_rate" "$sqlite_exact"
printf 'ratio archive / sqlite3: %.2f\n' "$(echo "$archive_rate / $sqlite_rate" | bc -l)"
[[ "$exact" == exact && "$sqlite_exact" == exact ]]
