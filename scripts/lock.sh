#!/usr/bin/env bash
# Write the hashed lock files that run.sh, test.sh and the build install from:
#
#   scripts/lock.sh            re-resolve from pyproject.toml, keeping every pin that still fits
#   scripts/lock.sh --upgrade  take the newest versions pyproject.toml allows
#
#   requirements/client.txt   the desktop program: [client,demo]        (./run.sh, scripts/build.sh)
#   requirements/server.txt   the server alone: [server], no Qt          (ensure-env.sh server)
#   requirements/dev.txt      everything + the test and lint tools [dev] (./test.sh, .ci/run)
#
# Run it after adding or changing a dependency in pyproject.toml, and commit the three files.
# One resolution for every supported Python (3.11 on) and platform (Linux, Windows), with the
# digest of every wheel, so a fresh machine installs exactly what was tested.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
UV_VERSION="0.13.9"
tools="${FIELDAPP_LOCK_TOOLS:-$ROOT/.venv-lock}"
if ! "$tools/bin/uv" --version 2>/dev/null | grep -q "$UV_VERSION"; then
    python3 -m venv "$tools"
    "$tools/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
uv=("$tools/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes
    --custom-compile-command scripts/lock.sh)
if [ "${1:-}" = "--upgrade" ]; then
    uv+=(--upgrade)
fi
for spec in "client:client,demo" "server:server" "dev:dev"; do
    name="${spec%%:*}"
    extras=()
    IFS=, read -ra parts <<< "${spec#*:}"
    for e in "${parts[@]}"; do extras+=(--extra "$e"); done
    out="requirements/$name.txt"
    # Written over the old file: uv keeps the pins it finds there unless --upgrade.
    "${uv[@]}" "${extras[@]}" pyproject.toml requirements/build.in -o "$out"
    echo "$out: $(grep -c '^[A-Za-z0-9]' "$out") packages"
done
