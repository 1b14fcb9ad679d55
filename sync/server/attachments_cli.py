"""`fieldapp-server attachments gc [--days N] [--dry-run]`: remove content no live record points at
(the rule: sync.server.attachments.collect_garbage)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from sync.server import attachments


def register(add: Callable[..., argparse.ArgumentParser], sub: Any, engine: Callable[[argparse.Namespace], Any]) -> None:
    """Add the `attachments` commands to the server's command line."""
    group = sub.add_parser("attachments", help="Attachments' content").add_subparsers(
        dest="sub", required=True, metavar="ACTION")

    def gc(args: argparse.Namespace) -> None:
        found = attachments.collect_garbage(engine(args), days=args.days, dry_run=args.dry_run)
        verb = "would be removed" if args.dry_run else "removed"
        print(f"{found.removed} attachment contents no record points at {verb} "
              f"({found.removed_bytes / 1e6:.1f} MB); {found.kept_recent} kept for now, touched in the last "
              f"{args.days} days ({found.kept_uploading} of them uploads under way).")

    p = add("gc", gc, "Remove attachments' content that no live record points at and that nothing "
                      "touched for --days (deleted attachments, purged records, abandoned uploads).", group)
    p.add_argument("--days", type=_days, default=attachments.GC_DAYS,
                   help=f"the grace period (default {attachments.GC_DAYS}); at least 1")
    p.add_argument("--dry-run", action="store_true", help="count what would go, remove nothing")


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days") from None
    if days < 1:
        raise argparse.ArgumentTypeError("at least 1 day: content just uploaded has no record yet")
    return days
