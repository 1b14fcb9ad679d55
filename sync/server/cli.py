"""fieldapp-server: run and administer FieldApp's central server.

Every command works on the database named by --database-url, or else on the
SQLite file in the data folder (--data, default: the current folder, or
FIELDAPP_DATA_DIR). Passwords are read from a prompt, or from standard input
with --password-stdin; never from the command line, where other users of the
machine could read them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from casework.reports.language import LANGUAGES as REPORT_LANGUAGES
from sync.server import admin, attachments_cli, households, operations, parcel_cli
from sync.server.admin import AdminError
from sync.server.db import default_url, make_engine, migrate, schema_revision

CONFIG_NAME = "fieldapp-server.json"


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data or os.environ.get("FIELDAPP_DATA_DIR") or ".").resolve()


def _url(args: argparse.Namespace) -> str:
    if args.database_url:
        return str(args.database_url)
    if os.environ.get("FIELDAPP_DATABASE_URL"):
        return os.environ["FIELDAPP_DATABASE_URL"]
    data = _data_dir(args)
    config = data / CONFIG_NAME
    if config.exists():
        saved = json.loads(config.read_text(encoding="utf-8")).get("database_url")
        if saved:
            return str(saved)
    return default_url(data)


def _engine(args: argparse.Namespace, *, migrate_first: bool = False) -> Any:
    engine = make_engine(_url(args), pool_size=2)
    if migrate_first:
        migrate(engine)
    elif schema_revision(engine) is None:
        raise AdminError("This database is not set up yet: run `fieldapp-server init` first.")
    return engine


def _password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise AdminError("No password on standard input.")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AdminError("No terminal to ask the password on: pipe it in with --password-stdin.")
    first = getpass.getpass(prompt)
    second = getpass.getpass("Again: ")
    if first != second:
        raise AdminError("The two passwords differ.")
    return first


def cmd_init(args: argparse.Namespace) -> None:
    data = _data_dir(args)
    old = os.umask(0o077)
    try:
        data.mkdir(parents=True, exist_ok=True)
        config = data / CONFIG_NAME
        operations.check_database(_url(args))  # never save a URL that cannot be used
        if args.database_url:
            config.write_text(json.dumps({"database_url": args.database_url}, indent=2), encoding="utf-8")
        engine = _engine(args, migrate_first=True)
    finally:
        os.umask(old)
    loaded = admin.load_resources(engine, _resources())
    print(f"The server's database is ready ({engine.dialect.name}, schema {schema_revision(engine)}).")
    print(f"Published {len(loaded)} forms and reference lists.")
    print("Next: fieldapp-server team add NAME; fieldapp-server user add USERNAME --role ...")


def _resources() -> Path:
    from casework.resources import resource_dir

    return resource_dir()


def _trusted_proxies(args: argparse.Namespace) -> tuple[str, ...]:
    """The proxies whose X-Forwarded-For is believed: --trusted-proxy, and with
    --behind-proxy a proxy on this machine (loopback)."""
    from sync.server.security import parse_networks

    proxies = tuple(args.trusted_proxy or ())
    if args.behind_proxy:
        proxies += ("127.0.0.1", "::1")
    try:
        parse_networks(proxies)
    except ValueError as exc:
        raise AdminError(f"--trusted-proxy: {exc}") from None
    return proxies


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from sync.server import connections as guard
    from sync.server.logs import uvicorn_log_config
    from sync.server.security import parse_networks

    url = _url(args)
    proxies = _trusted_proxies(args)
    operations.check_database(url)
    engine = make_engine(url, pool_size=1)
    migrate(engine)  # once, before the workers start
    engine.dispose()
    # The workers build their app from the environment (create_app_from_env).
    os.environ["FIELDAPP_DATABASE_URL"] = url
    os.environ["FIELDAPP_TRUSTED_PROXIES"] = ",".join(proxies)
    os.environ["FIELDAPP_API_DOCS"] = "1" if args.api_docs else ""
    os.environ["FIELDAPP_REPORT_LANGUAGE"] = args.report_language
    if args.report_threshold < 2:
        raise AdminError("--report-threshold: at least 2 (a threshold of 1 hides nothing).")
    os.environ["FIELDAPP_REPORT_THRESHOLD"] = str(args.report_threshold)
    if args.retention_days > 0:
        os.environ["FIELDAPP_RETENTION_DAYS"] = str(args.retention_days)
    if args.workers > 1 and url.startswith("sqlite"):
        print("Note: several workers on SQLite take turns to write; use PostgreSQL for many users.",
              file=sys.stderr)
    limits = guard.fit_to_fd_limit(guard.ConnectionLimits(
        head_timeout_s=args.header_timeout, body_timeout_s=args.body_timeout,
        max_per_peer=args.max_connections_per_peer,
        max_total=args.max_connections, exempt=parse_networks(proxies)), guard.raise_fd_limit())
    # The app alone reads X-Forwarded-For, and only from the trusted proxies (sync.server.security).
    config = uvicorn.Config("sync.server.app:create_app_from_env", factory=True, host=args.host,
                            port=args.port, workers=args.workers, proxy_headers=False,
                            ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile,
                            http=guard.GuardedH11Protocol, timeout_keep_alive=5,
                            timeout_worker_healthcheck=guard.WORKER_HEALTHCHECK_S,
                            h11_max_incomplete_event_size=16 * 1024,
                            log_config=uvicorn_log_config(), access_log=False, log_level="warning")
    config.fieldapp_limits = limits  # type: ignore[attr-defined]  # read by GuardedH11Protocol
    operations.check_port(args.host, args.port)  # one sentence, not uvicorn's log line, when taken
    server = uvicorn.Server(config)
    line, warning = operations.startup_lines(args.host, args.port, url, tls=bool(args.ssl_certfile),
                                             workers=args.workers)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    print(line, flush=True)
    if config.workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        server.run()
    if not server.started and config.workers == 1:
        raise AdminError(f"The server could not start on {args.host}:{args.port}.")


def cmd_team_add(args: argparse.Namespace) -> None:
    team_id = admin.add_team(_engine(args), args.name)
    print(f"Team {args.name!r} added ({team_id}).")


def cmd_team_list(args: argparse.Namespace) -> None:
    print(admin.rows_as_table(admin.list_teams(_engine(args)), ["id", "name", "created_at"]))


def cmd_user_add(args: argparse.Namespace) -> None:
    engine = _engine(args)
    password = _password(args, f"Password for {args.username}: ")
    user_id = admin.add_user(engine, args.username, password, role=args.role, team=args.team,
                             display_name=args.name, protected_access=args.protected)
    print(f"User {args.username!r} added as {args.role} ({user_id}).")


def cmd_user_list(args: argparse.Namespace) -> None:
    print(admin.rows_as_table(admin.list_users(_engine(args)),
                              ["username", "display_name", "role", "team", "protected_access",
                               "disabled", "id"]))


def cmd_user_disable(args: argparse.Namespace) -> None:
    admin.set_disabled(_engine(args), args.username, not args.enable)
    print(f"User {args.username!r} {'enabled' if args.enable else 'disabled'}.")


def cmd_user_unlock(args: argparse.Namespace) -> None:
    count = operations.unlock_user(_engine(args), args.username)
    print(f"User {args.username!r} may sign in again ({count} failed sign-ins forgotten).")


def cmd_user_passwd(args: argparse.Namespace) -> None:
    engine = _engine(args)
    admin.set_password(engine, args.username, _password(args, f"New password for {args.username}: "))
    print(f"Password of {args.username!r} changed.")


def cmd_assign(args: argparse.Namespace) -> None:
    engine = _engine(args)
    if args.csv:
        count = admin.assign_csv(engine, Path(args.csv))
        print(f"{count} households assigned.")
        return
    from sync.server.assigning import assign_families

    refs, to = list(args.families), args.to
    if to is None and len(refs) >= 2 and not args.from_:
        refs, to = refs[:-1], refs[-1]  # the older form: assign HOUSEHOLD USER
    if not to:
        raise AdminError("Give the families and --to USER (or --from USER --to USER), or --csv FILE.")
    count = assign_families(engine, refs, to, from_username=args.from_)
    print(f"{count} families assigned to {to}.")


def cmd_device_list(args: argparse.Namespace) -> None:
    print(admin.rows_as_table(admin.list_devices(_engine(args)),
                              ["number", "device_id", "name", "username", "app_version", "enrolled_at",
                               "last_seen_at", "revoked_at", "wipe_confirmed_at"]))


def cmd_device_revoke(args: argparse.Namespace) -> None:
    device_id = admin.revoke_device(_engine(args), args.device)
    print(f"Device {device_id} revoked: it wipes itself at its next contact.")


def cmd_device_code(args: argparse.Namespace) -> None:
    code, expires = admin.make_enrolment_code(_engine(args), args.username, args.hours)
    print(f"Enrolment code for {args.username}: {code}")
    print(f"Valid once, until {expires[:16].replace('T', ' ')} UTC. The caseworker types it on the first start, "
          "with the server's address.")


def cmd_audit(args: argparse.Namespace) -> None:
    if args.query == "who-read":
        if not args.target:
            raise AdminError("Name the record: fieldapp-server audit who-read RECORD_ID")
        from sync.server.audit import who_read

        rows = who_read(_engine(args), args.target, limit=args.limit)
        columns = ["at", "username", "device_id", "action", "record_id"]
    else:
        rows = admin.query_audit(_engine(args), user=args.user, record=args.record,
                                 action=args.action, since=args.since, limit=args.limit)
        columns = ["id", "at", "username", "actor", "device_id", "action", "collection", "record_id",
                   "detail"]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    print(admin.rows_as_table(rows, columns))


def cmd_backup(args: argparse.Namespace) -> None:
    engine = _engine(args)
    from sync.server.backups import folder_is_private

    dest = admin.backup(engine, _url(args), Path(args.dest))
    print(f"Backup written to {dest} (readable by its owner only).")
    if not folder_is_private(dest.parent):
        print(f"Note: other users may list {dest.parent}; keep backups in a folder only you can "
              "open (chmod 700).", file=sys.stderr)


def cmd_form_put(args: argparse.Namespace) -> None:
    published = admin.publish_form(_engine(args), admin.load_json_file(Path(args.file)),
                                   replace=args.replace)
    print(f"Form {published.id} published (record version {published.version}).")


def cmd_reference_put(args: argparse.Namespace) -> None:
    published = admin.publish_reference(_engine(args), admin.load_json_file(Path(args.file)))
    print(f"Reference data {published.id} published (record version {published.version}).")


def cmd_resources_load(args: argparse.Namespace) -> None:
    loaded = admin.load_resources(_engine(args), Path(args.folder) if args.folder else _resources())
    print(f"Published {len(loaded)} forms and reference lists.")


def cmd_retire(args: argparse.Namespace) -> None:
    count = households.retire_closed(_engine(args), args.days)
    print(f"{count} closed households leave the caseworkers' laptops.")


def cmd_purge(args: argparse.Namespace) -> None:
    count = households.purge_tombstones(_engine(args), args.days)
    print(f"{count} deleted records forgotten; laptops that last synced before them pull afresh.")


def _day(value: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-10-31") from None


def cmd_report(args: argparse.Namespace) -> None:
    from sync.server import reporting

    if args.to < args.from_:
        raise AdminError("--to comes before --from.")
    if args.hromada:
        args.hromada = operations.hromada_code(args.hromada)
    # Suppressed together with every team's report, as GET /reports answers them (at one threshold).
    report, hidden = reporting.linked_report(_engine(args), args.from_, args.to, team_id=None, hromada=args.hromada,
                                             project=args.project, threshold=args.threshold,
                                             restricted=args.restricted)
    labelled = reporting.labelled(report, organisation=args.organisation or "", threshold=args.threshold,
                                  restricted=args.restricted, lang=args.lang, hidden=hidden,
                                  scope=reporting.scope_of(_engine(args), None, args.lang))
    if args.output:
        reporting.write(labelled, args.format, Path(args.output))
        print(f"Report written to {args.output}.")
    elif args.format == "xlsx":
        raise AdminError("An XLSX report needs --output FILE.")
    elif args.format == "json":
        from casework.reports.files import to_json

        print(to_json(labelled))
    else:
        from casework.reports.files import csv_rows

        csv_rows(labelled, sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="FOLDER",
                        help="the data folder (default: FIELDAPP_DATA_DIR or the current folder)")
    common.add_argument("--database-url", metavar="URL",
                        help="e.g. postgresql+psycopg://fieldapp@db/fieldapp (default: SQLite in the data folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Any, help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=help_text,
                                                       description=help_text)
        p.set_defaults(func=func)
        return p

    add("init", cmd_init, "Create the data folder and the database (or bring it up to date), "
                          "and publish the shipped forms and lists.")
    p = add("serve", cmd_serve, "Run the server (migrates the database first).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8400, help="port (default 8400)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--ssl-certfile", help="serve HTTPS with this certificate")
    p.add_argument("--ssl-keyfile", help="... and this key")
    p.add_argument("--report-language", choices=REPORT_LANGUAGES, default="en",
                   help="the language of GET /reports when the caller asks for none (default en)")
    p.add_argument("--report-threshold", type=int, default=5, metavar="N",
                   help="the organisation's small-count policy: GET /reports shows counts below N "
                        "as <N (default 5)")
    p.add_argument("--retention-days", type=int, default=90,
                   help="closed households leave caseworkers' laptops this many days after "
                        "closing, checked hourly (default 90; 0: never)")
    p.add_argument("--behind-proxy", action="store_true",
                   help="a reverse proxy on this machine: trust its X-Forwarded-For (loopback only)")
    p.add_argument("--trusted-proxy", action="append", metavar="ADDRESS[/BITS]",
                   help="a reverse proxy (address or network) whose X-Forwarded-For is believed "
                        "for the sign-in limit; repeat for several")
    p.add_argument("--api-docs", action="store_true",
                   help="serve /docs and /openapi.json (off by default: they map the API for anyone)")
    p.add_argument("--header-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="a client sends a request's head within this time or is cut off (default 10)")
    p.add_argument("--body-timeout", type=float, default=120.0, metavar="SECONDS",
                   help="... and its body within this time after the head (default 120)")
    p.add_argument("--max-connections", type=int, default=2000,
                   help="open connections per worker, at most (default 2000; lowered to fit the "
                        "open-files limit)")
    p.add_argument("--max-connections-per-peer", type=int, default=64,
                   help="open connections from one address, at most (default 64; trusted proxies: "
                        "no cap)")

    team = sub.add_parser("team", help="Teams").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_team_add, "Add a team.", team)
    p.add_argument("name")
    add("list", cmd_team_list, "List the teams.", team)

    user = sub.add_parser("user", help="Accounts").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_user_add, "Add an account; the password is asked for (or read with --password-stdin).", user)
    p.add_argument("username")
    p.add_argument("--role", choices=["caseworker", "supervisor", "admin"], default="caseworker")
    p.add_argument("--team", help="the team's name (caseworkers and supervisors)")
    p.add_argument("--name", help="the name people see (default: the username)")
    p.add_argument("--protected", action="store_true",
                   help="may see protected (trafficking, gender-based violence) records")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add("list", cmd_user_list, "List the accounts.", user)
    p = add("disable", cmd_user_disable, "Disable an account (its laptops stop syncing).", user)
    p.add_argument("username")
    p.add_argument("--enable", action="store_true", help="enable it again instead")
    p = add("unlock", cmd_user_unlock, "Lift the sign-in lock of an account after too many failed "
                                       "sign-ins (its password stays as it is).", user)
    p.add_argument("username")
    p = add("passwd", cmd_user_passwd, "Set an account's password.", user)
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    p = add("assign", cmd_assign, "Assign a household to a caseworker (and the caseworker's team).")
    p.add_argument("families", nargs="*", metavar="FAMILY",
                   help="case numbers (2026/1-0001) or household ids; the older form HOUSEHOLD USER works too")
    p.add_argument("--to", metavar="USER", help="the caseworker who takes the families")
    p.add_argument("--from", dest="from_", metavar="USER",
                   help="also every active family of this caseworker (when a worker leaves)")
    p.add_argument("--csv", metavar="FILE", help="assign in bulk: a CSV with columns household,user")

    device = sub.add_parser("device", help="Enrolled laptops").add_subparsers(dest="sub", required=True, metavar="ACTION")
    add("list", cmd_device_list, "List the enrolled laptops.", device)
    p = add("enrol-code", cmd_device_code, "Print a one-time code with which a caseworker enrols a laptop "
                                           "without a password.", device)
    p.add_argument("username")
    p.add_argument("--hours", type=int, default=72, help="how long the code is valid (default 72)")
    p = add("revoke", cmd_device_revoke, "Revoke a laptop (lost or stolen): it wipes itself at its next contact.", device)
    p.add_argument("device", help="the device's number or id (see device list)")

    p = add("audit", cmd_audit, "Show the audit log (newest last); 'audit who-read RECORD': every read of it.")
    p.add_argument("query", nargs="?", choices=["who-read"], help="who-read: who read RECORD, when")
    p.add_argument("target", nargs="?", help="the record (or household) id, with who-read")
    p.add_argument("--user", help="only this user's actions")
    p.add_argument("--record", help="only this record (or household)")
    p.add_argument("--action", help="only this action (read, read_protected, create, update, ...)")
    p.add_argument("--since", help="only from this time on (ISO 8601, UTC)")
    p.add_argument("--limit", type=int, default=100, help="at most this many (default 100)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")

    p = add("backup", cmd_backup, "Write a consistent copy of the database (SQLite file or pg_dump custom format).")
    p.add_argument("dest", help="the file to write")

    form = sub.add_parser("form", help="Form definitions").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("put", cmd_form_put, "Publish a form definition (JSON with id and version).", form)
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="replace an already published version")
    ref = sub.add_parser("reference", help="Reference data").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("put", cmd_reference_put, "Publish reference data (JSON with name and version).", ref)
    p.add_argument("file")
    res = sub.add_parser("resources", help="Shipped forms and lists").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("load", cmd_resources_load, "Publish the forms and lists shipped with this version.", res)
    p.add_argument("--folder", help="a resources folder other than the shipped one")

    p = add("report", cmd_report, "The donors' and hromadas' indicators over all teams: aggregates only, "
                                  "small counts hidden.")
    p.add_argument("--from", dest="from_", type=_day, required=True, help="first day, e.g. 2026-10-01")
    p.add_argument("--to", type=_day, required=True, help="last day, e.g. 2026-10-31")
    p.add_argument("--hromada", help="only this hromada (its KATOTTH code)")
    p.add_argument("--project", help="only households of this project")
    p.add_argument("--format", choices=("csv", "xlsx", "json"), default="csv")
    p.add_argument("--output", "-o", help="write to this file (default: standard output; xlsx needs a file)")
    p.add_argument("--organisation", help="the organisation's name on the report")
    p.add_argument("--threshold", type=int, default=5, help="show counts below this as <N (default 5)")
    p.add_argument("--restricted", action="store_true", help="include the counter-trafficking tables")
    p.add_argument("--lang", choices=REPORT_LANGUAGES, default="en",
                   help="the language of the whole report (default en)")

    parcel_cli.register(add, sub, _engine)
    attachments_cli.register(add, sub, _engine)
    p = add("retire-closed", cmd_retire, "Take closed households past retention off caseworkers' laptops.")
    p.add_argument("--days", type=int, default=90, help="retention after closing (default 90)")
    p = add("purge-tombstones", cmd_purge, "Forget deleted records older than --days.")
    p.add_argument("--days", type=int, default=365, help="default 365")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from sqlalchemy.exc import SQLAlchemyError

    from sync.server.audit import set_command_line_actor

    if args.func is not cmd_serve:  # the server's own rows name their signed-in user instead
        set_command_line_actor(operations.command_line_actor())
    try:
        args.func(args)
    except AdminError as exc:
        print(f"fieldapp-server: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"fieldapp-server: {operations.database_problem(_url(args), exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `report | head` closed the pipe: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        set_command_line_actor(None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
