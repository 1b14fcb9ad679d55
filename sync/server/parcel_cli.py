"""`fieldapp-server parcel import FILE [--out FOLDER]`: a laptop's parcel brought on a USB stick is
applied (sync/server/parcels.py) and its return parcel is written for the stick's way back."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync import parcel as pc
from sync.server.admin import AdminError
from sync.server.db import meta
from sync.server.parcels import import_parcel


def register(add: Callable[..., argparse.ArgumentParser], sub: Any,
             engine_of: Callable[[argparse.Namespace], Any]) -> None:
    """Add `parcel import` to the server's command line (`add` is cli.build_parser's helper,
    `engine_of` its engine of the migrated database)."""
    parcel = sub.add_parser("parcel", help="Sync parcels carried on a USB stick").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    p = add("import", cmd_import, "Apply a laptop's parcel and write its return parcel.", parcel)
    p.add_argument("file", type=Path, help="the parcel from the laptop (fieldapp-to-server-....parcel)")
    p.add_argument("--out", type=Path, help="the folder for the return parcel (default: the parcel's folder)")
    p.set_defaults(func=lambda args: cmd_import(args, engine_of))


def cmd_import(args: argparse.Namespace, engine_of: Callable[[argparse.Namespace], Any]) -> None:
    """Apply the parcel `args.file`; write the return parcel beside it (or in `args.out`)."""
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise AdminError(f"Cannot read {args.file}: {exc.strerror}.") from None
    engine = engine_of(args)
    try:
        with engine.connect() as conn:
            server_id = conn.execute(sa.select(meta.c.value).where(meta.c.key == "server_id")).scalar_one()
        try:
            done = import_parcel(engine, data, server_id=server_id)
        except pc.ParcelError as exc:
            raise AdminError(f"Parcel refused ({exc.code}): {exc.detail}") from None
    finally:
        engine.dispose()
    folder = args.out or args.file.parent
    target = folder / done.file_name
    temporary = target.with_suffix(".partial")
    try:
        with open(temporary, "wb") as f:
            f.write(done.reply)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise AdminError(f"The changes were applied, but the return parcel could not be written "
                         f"to {folder} ({exc.strerror}). Nothing is lost: the laptop keeps its changes until a "
                         "return parcel arrives; export a new parcel there and import that.") from None
    counts = ", ".join(f"{n} {status}" for status, n in sorted(done.results.items())) or "no changes"
    what = "the laptop is revoked: its return parcel tells it to wipe itself" if done.wipe else \
        f"{counts}; {done.pulled} records for the laptop"
    print(f"Laptop {done.device_number}: {what}. Return parcel: {target}")
