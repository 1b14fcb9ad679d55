#!/usr/bin/env bash
# Build FieldApp's one-folder bundle, smoke-test the frozen programs, and pack a dated tar.gz:
#
#   scripts/build.sh      ->  dist/fieldapp/  and  dist/fieldapp-<version>-linux-<arch>-<YYYYMMDD>.tar.gz (+ .sha256)
#
# Sets up the virtual environment if needed (as run.sh does), installs PyInstaller into it if
# missing, builds with build_spec.spec, runs scripts/smoke_frozen.py on the result (the build
# fails if the frozen program does), and only then writes the archive. Build on the oldest
# Linux you deploy to: the bundle needs that glibc or newer.
set -euo pipefail
. "$(dirname "$0")/ensure-env.sh" runtime
cd "$FIELDAPP_ROOT"
PY="$VENV/bin/python"

# The X11 libraries Qt's xcb plugin needs that Qt's offscreen runs do not: installed here so
# that PyInstaller copies them into the bundle and a laptop without them still shows a window.
xcb_debs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $xcb_debs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing system packages for the bundle:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; }
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get install -y -qq $missing >/dev/null
    else
        echo "Please install these system packages first (the bundle carries them):$missing" >&2
        exit 1
    fi
fi

if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
    echo "Installing PyInstaller into $VENV"
    "$PY" -m pip install -q "pyinstaller>=6.10,<7"
fi

version="$("$PY" -c 'import fieldapp; print(fieldapp.__version__)')"
started=$(date +%s)
echo "Building FieldApp $version with PyInstaller $("$PY" -m PyInstaller --version)"
"$PY" -m PyInstaller --noconfirm --log-level WARN build_spec.spec
built=$(date +%s)
bytes=$(du -sb --apparent-size dist/fieldapp | cut -f1)
echo "Built dist/fieldapp in $((built - started)) s: $((bytes / 1000000)) MB unpacked"

QT_QPA_PLATFORM=offscreen "$PY" scripts/smoke_frozen.py --dist dist/fieldapp

case "$(uname -s)" in
    Linux)
        archive="dist/fieldapp-$version-linux-$(uname -m)-$(date -u +%Y%m%d).tar.gz"
        tar -C dist -czf "$archive" fieldapp
        (cd dist && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
        echo "Wrote $archive ($(( $(stat -c %s "$archive") / 1000000 )) MB) and its .sha256 in $(( $(date +%s) - started )) s"
        ;;
    *)
        echo "Not Linux: no tar.gz (on Windows the installer is made by packaging/fieldapp.iss)"
        ;;
esac
