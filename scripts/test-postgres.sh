# Sourced by test.sh: start a throwaway PostgreSQL cluster on 127.0.0.1 for the
# server's test suite, export FIELDAPP_TEST_PG_URL, and remove it on exit.
# initdb refuses to run as root, so the cluster runs as the postgres user.
# Set FIELDAPP_TEST_PG=0 to skip (the PostgreSQL tests are then skipped, loudly).

# `./test.sh --help` runs no test: no cluster for it (sourced, so "$@" is test.sh's arguments).
case " $* " in *" --help "* | *" -h "*) _fieldapp_no_pg=1 ;; *) _fieldapp_no_pg=0 ;; esac
if [ "$_fieldapp_no_pg" = 0 ] && [ "${FIELDAPP_TEST_PG:-1}" != 0 ] && [ -z "${FIELDAPP_TEST_PG_URL:-}" ]; then
    pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$pgbin" ]; then
        echo "PostgreSQL is not installed: the PostgreSQL tests will be skipped" >&2
    else
        pgdir="$(mktemp -d /tmp/fieldapp-pg.XXXXXX)"
        pgport="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
        runas=()
        if [ "$(id -u)" = 0 ]; then
            chown postgres "$pgdir"
            runas=(runuser -u postgres --)
        fi
        "${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 \
            --locale=C.UTF-8 --no-sync >"$pgdir/initdb.log" 2>&1
        "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $pgport -c unix_socket_directories=$pgdir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
            start >/dev/null
        export FIELDAPP_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$pgport/postgres"
        _fieldapp_stop_pg() {
            "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
            rm -rf "$pgdir"
        }
        trap _fieldapp_stop_pg EXIT
        echo "PostgreSQL for tests on 127.0.0.1:$pgport"
    fi
fi
