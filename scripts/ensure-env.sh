# Sourced by run.sh and test.sh: make sure the system libraries Qt needs and the
# project's virtual environment are present. Safe to run again: it only does
# what is missing. Usage: . scripts/ensure-env.sh [runtime|test|server]
#
#   runtime  the desktop program: Qt's libraries for a real X11 window (xcb) and offscreen
#   test     runtime + the test tools (+ PostgreSQL unless FIELDAPP_TEST_PG=0) + Xvfb for the xcb check
#   build    runtime + PyInstaller and the other tools of the dev lock file (scripts/build.sh)
#   server   the server only: no Qt, no desktop libraries
#
# Python packages come from the hashed lock files in requirements/ (scripts/lock.sh writes
# them); the project itself is installed without its dependencies on top of them.
set -euo pipefail

FIELDAPP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${FIELDAPP_VENV:-$FIELDAPP_ROOT/.venv}"
purpose="${1:-runtime}"

# Debian packages. Qt's runtime libraries (even offscreen) and fonts; then what Qt's xcb platform
# plugin links (a real window: ldd of libQt6XcbQpa.so.6), which an offscreen run never loads.
qt_debs="libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 fonts-dejavu-core"
xcb_debs="libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"
case "$purpose" in
    server) debs="python3 python3-venv" ;;
    test) debs="$qt_debs $xcb_debs python3 python3-venv xvfb xdotool" ;;
    build) debs="$qt_debs $xcb_debs python3 python3-venv binutils" ;;  # binutils: PyInstaller's strip, objdump
    *) debs="$qt_debs $xcb_debs python3 python3-venv" ;;
esac
want_pg=0
if [ "$purpose" = test ] && [ "${FIELDAPP_TEST_PG:-1}" != 0 ] && [ -z "${FIELDAPP_TEST_PG_URL:-}" ]; then
    debs="$debs postgresql"
    want_pg=1
fi

# A name counts as installed when dpkg has that package, or an installed package Provides it:
# Debian 13 and Ubuntu 24.04 renamed libglib2.0-0 to libglib2.0-0t64, which provides the old name.
_fieldapp_provided=""
_fieldapp_installed() {
    dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii' && return 0
    if [ -z "$_fieldapp_provided" ]; then
        _fieldapp_provided=" $(dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null \
            | sed -n 's/^ii *|//p' | tr ',' '\n' | sed 's/(.*)//; s/:any//' | tr -s ' \n' ' ') "
    fi
    case "$_fieldapp_provided" in *" $1 "*) return 0 ;; esac
    return 1
}

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $debs; do
        _fieldapp_installed "$p" || missing="$missing $p"
    done
fi
if [ -n "$missing" ]; then
    # No Recommends: PostgreSQL's would bring a mail server, cron and sysstat.
    if [ "$(id -u)" = 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "Please install these system packages first:$missing" >&2
        echo "  (as root: apt-get install --no-install-recommends$missing)" >&2
        exit 1
    fi
    echo "Installing system packages${sudo:+ (sudo)}:$missing"
    if [ "$want_pg" = 1 ] && ! _fieldapp_installed postgresql-common; then
        # The tests start their own throwaway cluster (scripts/test-postgres.sh): Debian's
        # permanent 'main' cluster and its service are not wanted (postgresql-common reads this).
        "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" | "${sudo[@]}" tee \
            /etc/postgresql-common/createcluster.d/fieldapp-tests.conf >/dev/null
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
fi

# The lock file of this purpose (hashed pins), then the project itself without dependencies.
# Reinstall only when the lock file or pyproject.toml changed since the last install.
case "$purpose" in
    test | build) lock="$FIELDAPP_ROOT/requirements/dev.txt" ;;
    server) lock="$FIELDAPP_ROOT/requirements/server.txt" ;;
    *) lock="$FIELDAPP_ROOT/requirements/client.txt" ;;
esac
lockname="$(basename "$lock" .txt)"
stamp="$VENV/.fieldapp-$lockname-$(cat "$lock" "$FIELDAPP_ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
    echo "Installing FieldApp and its Python packages into $VENV (from ${lock#"$FIELDAPP_ROOT"/})"
    # --require-hashes: every wheel must match the lock file's digest, so a later install cannot
    # bring other code than the one tested.
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
        --require-hashes --only-binary=:all: -r "$lock"
    # The project itself, editable, from its own folder: no build isolation (setuptools is pinned in
    # the lock file), so nothing is downloaded; setuptools' banner about editable installs (meant for
    # library authors) is silenced, its other warnings are not.
    PYTHONWARNINGS="ignore:Editable installation" "$VENV/bin/python" -m pip install -q \
        --disable-pip-version-check --no-deps --no-build-isolation -e "$FIELDAPP_ROOT"
    rm -f "$VENV"/.fieldapp-"$lockname"-*
    touch "$stamp"
fi

if [ "$purpose" != server ]; then
    # Compiled translations are build products: make them when the sources are newer.
    "$VENV/bin/python" "$FIELDAPP_ROOT/scripts/translations.py" compile --quiet
fi
