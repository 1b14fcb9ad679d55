# Sourced by run.sh and test.sh: make sure the system libraries Qt needs and the
# project's virtual environment are present. Safe to run again: it only does
# what is missing. Usage: . scripts/ensure-env.sh [runtime|test]
set -euo pipefail

FIELDAPP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${FIELDAPP_VENV:-$FIELDAPP_ROOT/.venv}"
purpose="${1:-runtime}"

# Debian packages: Qt's runtime libraries (even offscreen), fonts, venv support;
# the tests also need PostgreSQL for the server suite.
debs="libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 fonts-dejavu-core python3 python3-venv"
if [ "$purpose" = test ]; then
    debs="$debs postgresql"
fi

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $debs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq $missing >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        echo "Installing system packages (sudo):$missing"
        sudo apt-get update -qq
        sudo apt-get install -y -qq $missing >/dev/null
    else
        echo "Please install these system packages first:$missing" >&2
        exit 1
    fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi

# Reinstall only when pyproject.toml changed since the last install.
stamp="$VENV/.fieldapp-$purpose-$(sha256sum "$FIELDAPP_ROOT/pyproject.toml" | cut -c1-16)"
if [ ! -e "$stamp" ]; then
    echo "Installing FieldApp and its Python packages into $VENV"
    if [ "$purpose" = test ]; then
        "$VENV/bin/python" -m pip install -q -e "$FIELDAPP_ROOT[dev]"
    else
        "$VENV/bin/python" -m pip install -q -e "$FIELDAPP_ROOT"
    fi
    rm -f "$VENV"/.fieldapp-"$purpose"-*
    touch "$stamp"
fi

# Compiled translations are build products: make them when the sources are newer.
"$VENV/bin/python" "$FIELDAPP_ROOT/scripts/translations.py" compile --quiet
