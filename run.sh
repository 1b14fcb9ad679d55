#!/usr/bin/env bash
# Runs FieldApp, setting up its virtual environment on first use.
# Arguments pass through: ./run.sh --help, ./run.sh demo --profile DIR ...
set -euo pipefail
. "$(dirname "$0")/scripts/ensure-env.sh" runtime
exec "$VENV/bin/python" -m fieldapp "$@"
