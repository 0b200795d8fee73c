#!/usr/bin/env bash
# Catalog benchmark (issue 17): N document records (1,000,000) filed into the catalog through its own transactions, LiteDB
# (embedded, catalog.db) against PostgreSQL (Debian's, a throwaway cluster started here on a socket and 127.0.0.1), with 1, 2
# and 4 writers, each on a fresh catalog; then, while the writers go on filing, the p50/p99 latency of a dossier's document
# listing, a lookup by id and the duplicate check of reception (bench/CatalogBench). Prints the table.
# Usage: bench/catalog.sh [--records N=1000000] [--dossiers D=10000] [--writers "1 2 4"] [--seconds S=10] [--engines "litedb postgres"]
# Not part of the test suite. On a shared machine, run it under the build lock: flock /tmp/archive-build.lock bench/catalog.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
records=1000000 dossiers=10000 writers="1 2 4" seconds=10 engines="litedb postgres"
while (($#)); do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --dossiers) dossiers="$2"; shift 2 ;;
    --writers) writers="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
scripts/ensure-debian-packages.sh
dotnet publish bench/CatalogBench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o .out/catalog-bench -nologo -v quiet >&2
work="$(mktemp -d /tmp/archive-catalog-bench-XXXXXX)"
pg="/usr/lib/postgresql/15/bin"
cleanup() {
  [[ -f "$work/pg/data/postmaster.pid" ]] && runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL as a deployment runs it (fsync on, the defaults of Debian's package), on a free port of 127.0.0.1.
if [[ " $engines " == *" postgres "* ]]; then
  chmod 755 "$work" && mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$pg/initdb" -D "$work/pg/data" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  port=$((20000 + RANDOM % 30000))
  runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=1GB" start >/dev/null
fi

printf '%-9s %7s %9s %9s %11s   %-17s %-17s %-17s\n' engine writers records seconds "records/s" \
  "listing p50/p99" "lookup p50/p99" "duplicate p50/p99"
for engine in $engines; do
  for w in $writers; do
    if [[ "$engine" == postgres ]]; then
      db="bench_$w"
      psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE $db" >/dev/null
      where="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
    else
      where="$work/litedb-$w"; mkdir -p "$where"
    fi
    read -r e wr n s rate lp50 lp99 kp50 kp99 dp50 dp99 < <(dotnet .out/catalog-bench/CatalogBench.dll "$engine" "$where" \
      "$records" "$dossiers" "$w" "$seconds")
    printf '%-9s %7s %9s %9s %11s   %-17s %-17s %-17s\n' "$e" "$wr" "$n" "$s" "$rate" "$lp50/$lp99 ms" "$kp50/$kp99 ms" \
      "$dp50/$dp99 ms"
    rm -rf "$work/litedb-$w"
  done
done
