#!/usr/bin/env bash
# Runs the archive with embedded defaults: installs what it needs, builds, creates a demo data folder
# on first run and serves on http://127.0.0.1:5080 (GET /health). Data folder: $ARCHIVE_DATA or ./archive-data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/ensure-debian-packages.sh
archive=(dotnet "$(scripts/publish.sh)")
data="${ARCHIVE_DATA:-$PWD/archive-data}"
# First run: a demo agency, fonds and dossiers, and the sample documents of fixtures/samples ingested.
[[ -f "$data/catalog.db" ]] || "${archive[@]}" demo --samples fixtures/samples --data "$data"
exec "${archive[@]}" serve --data "$data" "$@"
