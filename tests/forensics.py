"""A forensic search of a disk image, as an attacker with the caseworker's passphrase would run it.

1. Plain text: every name, in UTF-8 and UTF-16.
2. Key settings: every JSON object with a "salt" anywhere in the raw bytes (live
   files, deleted files, slack), each turned into a key with every passphrase known.
3. With each key: every 4 KiB block tried as the first page of a SQLCipher database;
   from each block that decrypts, the following bytes are read as that database and
   every text value of every table collected.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.store import crypto
from fieldapp.store.driver import DatabaseError, connect, dbapi

_KEY_JSON = re.compile(rb'\{[^{}]{0,600}"salt"\s*:\s*"[A-Za-z0-9+/=]{8,100}"[^{}]{0,600}\}')
BLOCK = 4096


@dataclass
class Findings:
    plaintext: set[str] = field(default_factory=set)
    key_settings: set[str] = field(default_factory=set)  # salts of key settings found
    databases: int = 0  # first pages that decrypted
    decrypted: set[str] = field(default_factory=set)  # names read from decrypted databases


def key_settings(raw: bytes) -> list[crypto.KdfParams]:
    found: dict[str, crypto.KdfParams] = {}
    for match in _KEY_JSON.finditer(raw):
        try:
            params = crypto.KdfParams(**json.loads(match.group().decode("utf-8")))
        except (ValueError, TypeError, UnicodeDecodeError):
            continue
        found[params.salt] = params
    return list(found.values())


def search(raw: bytes, names: list[str], passphrases: list[str], *, span: int = 16 << 20) -> Findings:
    out = Findings()
    for name in names:
        if name.encode("utf-8") in raw or name.encode("utf-16-le") in raw:
            out.plaintext.add(name)
    keys = []
    for params in key_settings(raw):
        out.key_settings.add(params.salt)
        keys += [crypto.derive_key(p, params) for p in passphrases]
    if not keys:
        return out
    with tempfile.TemporaryDirectory() as tmp:
        probe_file = Path(tmp) / "page.db"
        for offset in range(0, len(raw) - BLOCK + 1, BLOCK):
            block = raw[offset:offset + BLOCK]
            if block.count(0) > BLOCK // 2:  # an encrypted page is random bytes, never mostly zeros
                continue
            for key in keys:
                probe_file.write_bytes(block)
                if not _first_page_decrypts(probe_file, key):
                    continue
                out.databases += 1
                carved = Path(tmp) / f"carved-{offset}.db"
                carved.write_bytes(raw[offset:offset + span])
                text = _all_text(carved, key)
                out.decrypted |= {n for n in names if n in text}
    return out


def _first_page_decrypts(path: Path, key: bytes) -> bool:
    """A wrong key reads as "not a database"; the right one decrypts page 1, then finds the rest
    missing ("malformed") in a one-page file."""
    conn = connect(str(path), key)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return True
    except DatabaseError as exc:
        return getattr(exc, "sqlite_errorcode", None) != dbapi.SQLITE_NOTADB
    finally:
        conn.close()


def _all_text(path: Path, key: bytes) -> str:
    conn = connect(str(path), key)
    parts: list[str] = []
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            try:
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    parts += [v for v in row if isinstance(v, str)]
            except DatabaseError:  # a page beyond what was carved, or a fragment: take what was read
                continue
    except DatabaseError:
        pass
    finally:
        conn.close()
    return "\n".join(parts)
