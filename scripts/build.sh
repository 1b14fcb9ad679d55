#!/usr/bin/env bash
# Build FieldApp's one-folder bundle, smoke-test the frozen programs, and pack a dated tar.gz:
#
#   scripts/build.sh      ->  dist/fieldapp/  and  dist/fieldapp-<version>-linux-<arch>-<YYYYMMDD>.tar.gz (+ .sha256)
#
# Sets up the virtual environment if needed (as run.sh does, with PyInstaller from the lock file),
# builds with build_spec.spec, runs scripts/smoke_frozen.py on the result (the build
# fails if the frozen program does), and only then writes the archive. Build on the oldest
# Linux you deploy to: the bundle needs that glibc or newer.
set -euo pipefail
# The build's environment: the desktop's system libraries, the X11 libraries Qt's xcb plugin
# needs (PyInstaller copies them into the bundle, so a laptop without them still shows a window),
# and PyInstaller pinned in the dev lock file.
. "$(dirname "$0")/ensure-env.sh" build
cd "$FIELDAPP_ROOT"
PY="$VENV/bin/python"

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
        # The menu entry, its icon, the server's systemd unit and the installer (packaging/linux/).
        rm -rf dist/fieldapp/linux
        cp -r packaging/linux dist/fieldapp/linux
        cp resources/icons/app.svg dist/fieldapp/linux/fieldapp.svg
        archive="dist/fieldapp-$version-linux-$(uname -m)-$(date -u +%Y%m%d).tar.gz"
        tar -C dist -czf "$archive" fieldapp
        (cd dist && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
        echo "Wrote $archive ($(( $(stat -c %s "$archive") / 1000000 )) MB) and its .sha256 in $(( $(date +%s) - started )) s"
        ;;
    *)
        echo "Not Linux: no tar.gz (on Windows the installer is made by packaging/fieldapp.iss)"
        ;;
esac
