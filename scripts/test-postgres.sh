# Sourced by test.sh: start a throwaway PostgreSQL cluster on 127.0.0.1 for the
# server's test suite, export FIELDAPP_TEST_PG_URL, and remove it on exit -- a normal one, or
# TERM/INT/HUP to test.sh or its process group, even during start-up (pg_ctl puts the server in a
# session of its own, so a signal to the group never reaches it). test.sh sets _fieldapp_child
# to the test run's pid.
# initdb refuses to run as root, so the cluster runs as the postgres user.
# Set FIELDAPP_TEST_PG=0 to skip (the PostgreSQL tests are then skipped, loudly).

_fieldapp_stop_pg() { :; }  # replaced below once a cluster's folder exists
# A signal: end the test run first (it uses the cluster), then the cluster, then exit as
# killed by that signal. A Ctrl-C reaches pytest from the terminal too: give it time to
# print its summary before interrupting it a second time.
_fieldapp_on_signal() {
    local sig="$1" code="$2" waited=0
    trap '' INT TERM HUP
    if [ -n "${_fieldapp_child:-}" ] && kill -0 "$_fieldapp_child" 2>/dev/null; then
        if [ "$sig" = INT ]; then
            while [ "$waited" -lt 50 ] && kill -0 "$_fieldapp_child" 2>/dev/null; do
                sleep 0.1
                waited=$((waited + 1))
            done
        fi
        kill -s "$sig" "$_fieldapp_child" 2>/dev/null || true
        wait "$_fieldapp_child" 2>/dev/null || true
    fi
    _fieldapp_stop_pg
    trap - EXIT
    exit "$code"
}
trap '_fieldapp_on_signal TERM 143' TERM
trap '_fieldapp_on_signal INT 130' INT
trap '_fieldapp_on_signal HUP 129' HUP

# `./test.sh --help` runs no test: no cluster for it (sourced, so "$@" is test.sh's arguments).
case " $* " in *" --help "* | *" -h "*) _fieldapp_no_pg=1 ;; *) _fieldapp_no_pg=0 ;; esac
if [ "$_fieldapp_no_pg" = 0 ] && [ "${FIELDAPP_TEST_PG:-1}" != 0 ] && [ -z "${FIELDAPP_TEST_PG_URL:-}" ]; then
    pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$pgbin" ]; then
        echo "PostgreSQL is not installed: the PostgreSQL tests will be skipped" >&2
    else
        pgdir="$(mktemp -d /tmp/fieldapp-pg.XXXXXX)"
        runas=()
        if [ "$(id -u)" = 0 ]; then
            chown postgres "$pgdir"
            runas=(runuser -u postgres --)
        fi
        # Set before initdb: a signal during start-up must not leave a half-started server.
        _fieldapp_stop_pg() {
            if [ -f "$pgdir/data/postmaster.pid" ]; then
                "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true
            fi
            rm -rf "$pgdir"
        }
        trap _fieldapp_stop_pg EXIT
        pgport="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
        "${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 \
            --locale=C.UTF-8 --no-sync >"$pgdir/initdb.log" 2>&1
        "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $pgport -c unix_socket_directories=$pgdir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
            start >/dev/null
        export FIELDAPP_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$pgport/postgres"
        echo "PostgreSQL for tests on 127.0.0.1:$pgport"
    fi
fi
