#!/usr/bin/env bash
# Publishes the archive as it is meant to run: framework-dependent and compiled ahead of time (ReadyToRun), so a
# command does not first spend a second compiling its own code. Prints the path of archive.dll.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="$PWD/.out/archive"
dotnet publish Archive.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -v quiet >&2
echo "$out/archive.dll"
