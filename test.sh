#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs on first use.
# A throwaway PostgreSQL is started for the server tests and removed afterwards.
# Extra arguments go to pytest: ./test.sh -k store -x   (-n 0: one process, e.g. for --pdb)
# Two worker processes (pytest-xdist) on two cores; pyproject asks pytest for the 30 slowest tests
# at the end of each run, to keep the suite under ten minutes.
set -euo pipefail
. "$(dirname "$0")/scripts/ensure-env.sh" test
cd "$FIELDAPP_ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
. scripts/test-postgres.sh
# In the background, waited for: bash runs a trap only once its foreground command has ended, so
# a TERM to this script alone would wait for the whole suite before stopping the PostgreSQL.
# (The subshell gives pytest back Ctrl-C, which bash takes from background commands; <&0 keeps
# the terminal for --pdb.)
( trap - INT QUIT; exec "$VENV/bin/python" -m pytest -n 2 "$@" ) <&0 &
_fieldapp_child=$!
wait "$_fieldapp_child"
