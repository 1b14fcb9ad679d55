"""`fieldapp parcel export|import|hand-in`: sync parcels from the command line (passphrase on stdin).

    fieldapp parcel export --profile DIR --out FILE|FOLDER   a parcel for the server
    fieldapp parcel import --profile DIR FILE                a return parcel from the server
    fieldapp parcel hand-in --profile DIR FILE [--out DIR]   a supervisor, online, hands in a
                                                             team laptop's parcel she carried
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add `parcel` and its actions to the `fieldapp` command line."""
    parcel = sub.add_parser("parcel", help="sync through a file on a USB stick (passphrase on stdin)")
    actions = parcel.add_subparsers(dest="parcel_action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write everything not yet acknowledged, for the server")
    export.add_argument("--profile", type=Path, required=True, dest="profile")
    export.add_argument("--out", type=Path, required=True, help="the file, or a folder (the name is chosen)")
    imp = actions.add_parser("import", help="apply a return parcel from the server")
    imp.add_argument("--profile", type=Path, required=True, dest="profile")
    imp.add_argument("file", type=Path)
    hand = actions.add_parser("hand-in", help="a supervisor hands in a team laptop's parcel over the network")
    hand.add_argument("--profile", type=Path, required=True, dest="profile")
    hand.add_argument("file", type=Path)
    hand.add_argument("--out", type=Path, help="the folder for the return parcel (default: the parcel's folder)")


def write_file(target: Path, data: bytes) -> None:
    from fieldapp.sync.parcels import save_parcel

    save_parcel(target, data)


def run(args: argparse.Namespace, read_secret: Callable[[str], str]) -> int:
    """Run `fieldapp parcel ...`; 0 done, 1 refused or failed, 3 the laptop was wiped."""
    from fieldapp.store.database import Store
    from fieldapp.store.errors import StoreError

    name = f"fieldapp parcel {args.parcel_action}"
    passphrase = read_secret("Passphrase: ")
    try:
        store = Store.open(args.profile, passphrase)
    except StoreError as exc:
        print(f"{name}: {exc.message}", file=sys.stderr)
        return 1
    try:
        return _ACTIONS[args.parcel_action](store, args, name)
    finally:
        store.close()


def _export(store: Any, args: argparse.Namespace, name: str) -> int:
    from fieldapp.sync.parcels import export_parcel, parcel_message
    from sync.parcel import ParcelError

    try:
        out = export_parcel(store)
    except ParcelError as exc:
        print(f"{name}: {parcel_message(exc)}", file=sys.stderr)
        return 1
    target = args.out / out.file_name if args.out.is_dir() else args.out
    try:
        write_file(target, out.data)
    except OSError as exc:
        print(f"{name}: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Parcel {out.seq} with {out.changes} changes: {target}")
    return 0


def _import(store: Any, args: argparse.Namespace, name: str) -> int:
    from fieldapp.sync.device import wipe_profile
    from fieldapp.sync.parcels import import_parcel, parcel_message
    from sync.client import failure_message
    from sync.errors import DeviceRevoked, SyncFailure
    from sync.parcel import ParcelError

    try:
        report = import_parcel(store, args.file.read_bytes())
    except OSError as exc:
        print(f"{name}: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    except ParcelError as exc:
        print(f"{name}: {parcel_message(exc)} ({exc.code})", file=sys.stderr)
        return 1
    except DeviceRevoked as exc:
        wipe_profile(store, confirmed=False)  # by parcel: the server hears of it at the next contact
        print(f"{name}: {failure_message(exc)}", file=sys.stderr)
        return 3
    except SyncFailure as exc:
        print(f"{name}: {failure_message(exc)} ({exc.code})", file=sys.stderr)
        return 1
    note = " (the laptop had newer records from the network already)" if report.pull_skipped else ""
    print(f"Return parcel {report.seq}: {report.round.summary()}{note}")
    return 0


def _hand_in(store: Any, args: argparse.Namespace, name: str) -> int:
    from fieldapp.sync.parcels import hand_in, parcel_message
    from sync.client import failure_message
    from sync.errors import SyncFailure
    from sync.parcel import ParcelError

    try:
        data, file_name = hand_in(store, args.file.read_bytes())
        target = (args.out or args.file.parent) / file_name
        write_file(target, data)
    except OSError as exc:
        print(f"{name}: {exc.strerror}", file=sys.stderr)
        return 1
    except ParcelError as exc:
        print(f"{name}: {parcel_message(exc)} ({exc.code})", file=sys.stderr)
        return 1
    except SyncFailure as exc:
        detail = f": {exc.detail}" if getattr(exc, "detail", "") else ""
        print(f"{name}: {failure_message(exc)} ({exc.code}){detail}", file=sys.stderr)
        return 1
    print(f"Handed in; the return parcel for that laptop: {target}")
    return 0


_ACTIONS: dict[str, Callable[[Any, argparse.Namespace, str], int]] = {
    "export": _export, "import": _import, "hand-in": _hand_in}
