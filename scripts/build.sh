#!/usr/bin/env bash
# Build FieldApp's two one-folder bundles (the laptop's, the server's without Qt), smoke-test the
# frozen programs, and pack a dated tar.gz of each:
#
#   scripts/build.sh  ->  dist/fieldapp/, dist/fieldapp-server/ and
#                         dist/fieldapp{,-server}-<version>-linux-<arch>-<YYYYMMDD>.tar.gz (+ .sha256)
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
echo "Built in $((built - started)) s:"
for folder in fieldapp fieldapp-server; do
    echo "  dist/$folder: $(( $(du -sb --apparent-size "dist/$folder" | cut -f1) / 1000000 )) MB unpacked"
done

QT_QPA_PLATFORM=offscreen "$PY" scripts/smoke_frozen.py --dist dist/fieldapp --server-dist dist/fieldapp-server

case "$(uname -s)" in
    Linux)
        # The installer (packaging/linux/) in each; the menu entry and icon for the laptop, the unit for the server.
        for folder in fieldapp fieldapp-server; do
            rm -rf "dist/$folder/linux"
            mkdir "dist/$folder/linux"
            cp packaging/linux/install.sh "dist/$folder/linux/"
        done
        cp packaging/linux/fieldapp.desktop dist/fieldapp/linux/
        cp resources/icons/app.svg dist/fieldapp/linux/fieldapp.svg
        cp packaging/linux/fieldapp-server.service packaging/linux/fieldapp-server-gc.service \
           packaging/linux/fieldapp-server-gc.timer dist/fieldapp-server/linux/
        for folder in fieldapp fieldapp-server; do
            archive="dist/$folder-$version-linux-$(uname -m)-$(date -u +%Y%m%d).tar.gz"
            tar -C dist -czf "$archive" "$folder"
            (cd dist && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
            echo "Wrote $archive ($(( $(stat -c %s "$archive") / 1000000 )) MB) and its .sha256"
        done
        echo "Done in $(( $(date +%s) - started )) s"
        ;;
    *)
        echo "Not Linux: no tar.gz (on Windows the installer is made by packaging/fieldapp.iss)"
        ;;
esac
