#!/bin/sh
# Install an unpacked bundle on a Linux laptop or server (as root), from the bundle's folder:
#
#   tar -xzf fieldapp-<version>-linux-x86_64-<date>.tar.gz && sudo fieldapp/linux/install.sh
#   tar -xzf fieldapp-server-<version>-linux-x86_64-<date>.tar.gz && sudo fieldapp-server/linux/install.sh
#
# The laptop's bundle goes to /opt/fieldapp, its menu entry and icon to /usr/share. The server's
# bundle (no Qt in it) goes to /opt/fieldapp-server, with the systemd unit and a `fieldapp` system
# user owning /var/lib/fieldapp (not started: `systemctl enable --now fieldapp-server` once
# /etc/fieldapp/server.env is as wanted).
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
if [ -x "$here/fieldapp-server" ]; then target=/opt/fieldapp-server; else target=/opt/fieldapp; fi
if [ "$here" != "$target" ]; then
    rm -rf "$target.new"
    cp -a "$here" "$target.new"
    rm -rf "$target.old"
    [ -e "$target" ] && mv "$target" "$target.old"
    mv "$target.new" "$target"
    rm -rf "$target.old"
fi
if [ "$target" = /opt/fieldapp-server ]; then
    id fieldapp >/dev/null 2>&1 || useradd --system --home-dir /var/lib/fieldapp --shell /usr/sbin/nologin fieldapp
    for unit in fieldapp-server.service fieldapp-server-gc.service fieldapp-server-gc.timer; do
        install -Dm644 "$target/linux/$unit" "/etc/systemd/system/$unit"
    done
    mkdir -p /etc/fieldapp && chmod 750 /etc/fieldapp
    systemctl daemon-reload 2>/dev/null || true
    echo "FieldApp's server installed in $target: edit /etc/fieldapp/server.env, then systemctl enable --now fieldapp-server fieldapp-server-gc.timer"
else
    install -Dm644 "$target/linux/fieldapp.desktop" /usr/share/applications/fieldapp.desktop
    install -Dm644 "$target/linux/fieldapp.svg" /usr/share/icons/hicolor/scalable/apps/fieldapp.svg
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    echo "FieldApp installed in $target (menu: Office → FieldApp)"
fi
