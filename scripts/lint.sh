#!/usr/bin/env bash
# The static checks CI runs after the tests (.ci/run): each runs even when one before it
# failed, so one run lists every problem; the script exits 1 when any check failed.
#
#   scripts/lint.sh            ruff, the layer contracts, mypy --strict, the layout checks
#
# 1. ruff check                      the lint rules of pyproject's [tool.ruff]
# 2. lint-imports                    the layers of pyproject's [tool.importlinter]
# 3. mypy                            --strict on casework, fieldapp/store, fieldapp/sync and sync
#                                    (pyproject's [tool.mypy])
# 4. scripts/layout_checks.py        no module over 500 lines; no SQL text under fieldapp/ui/
#
# Uses the project's virtual environment, making it first if needed (as test.sh does).
set -euo pipefail
. "$(dirname "$0")/ensure-env.sh" test
cd "$FIELDAPP_ROOT"
PY="$VENV/bin/python"

failed=()
check() {
    local name="$1"
    shift
    echo "== $name"
    local started=$SECONDS
    if "$@"; then
        echo "== $name: ok ($((SECONDS - started)) s)"
    else
        echo "== $name: FAILED ($((SECONDS - started)) s)"
        failed+=("$name")
    fi
    echo
}

# Through the venv's python, not its console scripts: a copied venv's scripts name another python.
check "ruff" "$PY" -m ruff check --no-cache .
check "import contracts" "$PY" -c 'import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())' --no-cache --no-logo
check "mypy --strict" "$PY" -m mypy
check "module sizes and SQL in the UI" "$PY" scripts/layout_checks.py

if [ "${#failed[@]}" -gt 0 ]; then
    echo "lint: ${#failed[@]} of 4 checks failed: ${failed[*]}" >&2
    exit 1
fi
echo "lint: all 4 checks passed"
