#!/usr/bin/env bash
# Does ./run.sh open a real window? Starts it exactly as a user would, on Qt's real X11 platform
# (xcb, not offscreen) on a virtual screen (Xvfb), waits for its "FieldApp" window, saves a
# screenshot, and closes it. .ci/run and the fresh-machine checks run it; it needs xvfb and
# xdotool (ensure-env.sh test installs both).
#
#   scripts/window_check.sh [SCREENSHOT.png]     exit 0: a window was mapped within 120 s
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
shot="${1:-}"
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "window check: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 1; }
done
work="$(mktemp -d /tmp/fieldapp-window.XXXXXX)"
display=":$(( 90 + RANDOM % 400 ))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
# A clean environment for Qt: a real display and no platform forced (./test.sh sets offscreen).
env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY DISPLAY="$display" FIELDAPP_PROFILE="$work/profile" \
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$ROOT/run.sh" >"$work/app.log" 2>&1 &
app=$!
started=$(date +%s)
window=""
while [ $(( $(date +%s) - started )) -lt 120 ]; do
    window="$(DISPLAY="$display" xdotool search --onlyvisible --name '^FieldApp$' 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && break
    if ! kill -0 "$app" 2>/dev/null; then
        echo "window check: ./run.sh ended without a window:" >&2
        cat "$work/app.log" >&2
        exit 1
    fi
    sleep 0.5
done
if [ -z "$window" ]; then
    echo "window check: no FieldApp window after 120 s:" >&2
    cat "$work/app.log" >&2
    exit 1
fi
geometry="$(DISPLAY="$display" xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')"
platform="xcb"
if grep -qi "offscreen\|could not load the qt platform" "$work/app.log"; then
    echo "window check: Qt did not use xcb:" >&2
    cat "$work/app.log" >&2
    exit 1
fi
if [ -n "$shot" ]; then
    sleep 1  # let it paint
    "$ROOT/.venv/bin/python" - "$display" "$shot" <<'PY' || echo "window check: no screenshot" >&2
import os, sys
os.environ["DISPLAY"] = sys.argv[1]
os.environ["QT_QPA_PLATFORM"] = "xcb"
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
app.primaryScreen().grabWindow(0).save(sys.argv[2])
PY
fi
echo "window check: ./run.sh opened a real window on $platform in $(( $(date +%s) - started )) s ($geometry)"
