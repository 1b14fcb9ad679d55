#!/bin/sh
# Install the unpacked bundle on a Linux laptop or server (as root), from the bundle's folder:
#
#   tar -xzf fieldapp-<version>-linux-x86_64-<date>.tar.gz && sudo fieldapp/linux/install.sh [--server]
#
# The bundle goes to /opt/fieldapp, the menu entry and its icon to /usr/share; with --server,
# also the systemd unit and a `fieldapp` system user owning /var/lib/fieldapp (not started:
# `systemctl enable --now fieldapp-server` once /etc/fieldapp/server.env is as wanted).
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
if [ "$here" != /opt/fieldapp ]; then
    rm -rf /opt/fieldapp.new
    cp -a "$here" /opt/fieldapp.new
    rm -rf /opt/fieldapp.old
    [ -e /opt/fieldapp ] && mv /opt/fieldapp /opt/fieldapp.old
    mv /opt/fieldapp.new /opt/fieldapp
    rm -rf /opt/fieldapp.old
fi
install -Dm644 /opt/fieldapp/linux/fieldapp.desktop /usr/share/applications/fieldapp.desktop
install -Dm644 /opt/fieldapp/linux/fieldapp.svg /usr/share/icons/hicolor/scalable/apps/fieldapp.svg
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
if [ "${1:-}" = --server ]; then
    id fieldapp >/dev/null 2>&1 || useradd --system --home-dir /var/lib/fieldapp --shell /usr/sbin/nologin fieldapp
    install -Dm644 /opt/fieldapp/linux/fieldapp-server.service /etc/systemd/system/fieldapp-server.service
    mkdir -p /etc/fieldapp && chmod 750 /etc/fieldapp
    systemctl daemon-reload 2>/dev/null || true
    echo "Installed the server unit: edit /etc/fieldapp/server.env, then systemctl enable --now fieldapp-server"
fi
echo "FieldApp installed in /opt/fieldapp (menu: Office → FieldApp)"
