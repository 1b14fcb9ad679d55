#!/usr/bin/env bash
# The newcomer's path on a bare Debian: debootstrap a minimal system (Debian 13 "trixie" or 12
# "bookworm"), copy this clone into it, and there, as root, run ./test.sh and then check that
# ./run.sh opens a real X11 window under Xvfb (scripts/window_check.sh). Prints the time of each.
#
#   scripts/fresh_machine.sh trixie|bookworm [FOLDER]   (as root; FOLDER default /tmp/fieldapp-chroot-SUITE)
#
# The clone goes to /srv/fieldapp, not /root: the hardening tests read it as another user.
# Only git is added to the bare system (a newcomer has cloned the repository); everything else
# is what ./test.sh and ./run.sh install themselves. The host's CA bundle is passed to pip in
# case the network inspects TLS. Extra variables pass through (FIELDAPP_TEST_PG=0, ...).
set -euo pipefail
suite="${1:?trixie or bookworm}"
root="${2:-/tmp/fieldapp-chroot-$suite}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "fresh machine: run as root (debootstrap and chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
t0=$(date +%s)
if [ ! -x "$root/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase --include=ca-certificates,git "$suite" "$root" http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1
fi
t1=$(date +%s)
echo "fresh machine $suite: debootstrap $((t1 - t0)) s"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/host-ca.crt"
mounts=()
for m in proc sys dev; do
    mountpoint -q "$root/$m" || { mount --rbind "/$m" "$root/$m"; mount --make-rslave "$root/$m"; mounts+=("$root/$m"); }
done
cleanup() { for m in "${mounts[@]}"; do umount -R "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
chroot "$root" sh -c 'command -v git >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends git >/dev/null)'
rm -rf "$root/srv/fieldapp"
git clone --quiet --no-hardlinks "$ROOT" "$root/srv/fieldapp"
in_chroot() {
    chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 PIP_CERT=/etc/host-ca.crt REQUESTS_CA_BUNDLE=/etc/host-ca.crt \
        ${FIELDAPP_TEST_PG:+FIELDAPP_TEST_PG=$FIELDAPP_TEST_PG} bash -c "cd /srv/fieldapp && $1"
}
t2=$(date +%s)
status=0
in_chroot "./test.sh ${FIELDAPP_FRESH_PYTEST_ARGS:-}" >"$root.test.log" 2>&1 || status=$?
t3=$(date +%s)
echo "fresh machine $suite: ./test.sh exit $status in $((t3 - t2)) s: $(grep -E '[0-9]+ (passed|failed)' "$root.test.log" | tail -n 1)"
win=0
in_chroot "scripts/window_check.sh /root/window.png" >"$root.window.log" 2>&1 || win=$?
t4=$(date +%s)
echo "fresh machine $suite: window check exit $win in $((t4 - t3)) s: $(tail -n 1 "$root.window.log")"
# The chroot shares the host's processes, so ask for clusters and for servers running from its files.
services="$(chroot "$root" sh -c 'ls /etc/postgresql /var/lib/postgresql/*/ 2>/dev/null' || true)"
for pid in $(pgrep postgres || true); do
    [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$(readlink -f "$root")" ] && services="$services postgres:$pid"
done
echo "fresh machine $suite: left behind by ./test.sh: ${services:-nothing (no cluster, no PostgreSQL running)}"
cp "$root/root/window.png" "$root.window.png" 2>/dev/null || true
[ "$status" = 0 ] && [ "$win" = 0 ]
