"""The database key, derived from the caseworker's passphrase with Argon2id.

The salt and the Argon2id parameters live in ``key.json`` beside the database
(they are not secret); the key itself exists only in memory. SQLCipher gets
the derived 256-bit key raw, so its own PBKDF2 is not run on top.

Changing the passphrase (rekey.py) writes the new parameters to ``key.json.new``
first, writes a re-keyed copy of the database and proves it, renames it over the
database, then renames ``key.json.new`` over ``key.json``: at any crash point
exactly one of the two files opens the database, and `candidates()` tries both.
A replaced key file is overwritten, not only unlinked (overwrite.py), so the old
salt does not stay on the disk for the old passphrase.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from _argon2_cffi_bindings import lib  # type: ignore[import-untyped]  # argon2-cffi's C bindings: flags, codes
from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, core, error_to_str, ffi

from fieldapp.store import overwrite

KEY_FILE = "key.json"
KEY_FILE_NEW = "key.json.new"
KEY_BYTES = 32


class KeyFileError(ValueError):
    """key.json is missing, unreadable or not ours."""


@dataclass(frozen=True)
class KdfCost:
    """How hard Argon2id works for a new key. The default takes ~0.3 s and 64 MiB on a tired laptop.

    The store takes the cost as a parameter (tests pass a cheap one); it is
    written into key.json with the salt, and opening uses what key.json says.
    """

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


DEFAULT_COST = KdfCost()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters (RFC 9106) of one key, as key.json keeps them."""

    salt: str  # base64
    time_cost: int = DEFAULT_COST.time_cost
    memory_kib: int = DEFAULT_COST.memory_kib
    parallelism: int = DEFAULT_COST.parallelism
    kdf: str = "argon2id"
    format: int = 1

    @classmethod
    def fresh(cls, cost: KdfCost = DEFAULT_COST) -> KdfParams:
        """New parameters at `cost`, with a new random salt."""
        salt = base64.b64encode(secrets.token_bytes(16)).decode()
        return cls(salt=salt, time_cost=cost.time_cost, memory_kib=cost.memory_kib,
                   parallelism=cost.parallelism)


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The raw database key for `passphrase` under `params`.

    The passphrase's UTF-8 bytes live in a buffer that is zeroed once Argon2id has
    read it (a Python str cannot be wiped; callers drop theirs as soon as this returns).
    """
    if params.kdf != "argon2id":
        raise KeyFileError(f"unknown key derivation {params.kdf!r}")
    secret = bytearray(passphrase.encode("utf-8"))
    salt = base64.b64decode(params.salt)
    out = bytearray(KEY_BYTES)
    try:
        # argon2-cffi's core() (its documented binding of argon2_ctx) reads the buffers in place;
        # hash_secret_raw would copy the passphrase into memory nobody wipes.
        context = ffi.new("argon2_context *", {
            "version": ARGON2_VERSION, "out": ffi.from_buffer("uint8_t[]", out), "outlen": KEY_BYTES,
            "pwd": ffi.from_buffer("uint8_t[]", secret) if secret else ffi.NULL, "pwdlen": len(secret),
            "salt": ffi.new("uint8_t[]", salt), "saltlen": len(salt),
            "secret": ffi.NULL, "secretlen": 0, "ad": ffi.NULL, "adlen": 0,
            "t_cost": params.time_cost, "m_cost": params.memory_kib,
            "lanes": params.parallelism, "threads": params.parallelism,
            "allocate_cbk": ffi.NULL, "free_cbk": ffi.NULL, "flags": lib.ARGON2_DEFAULT_FLAGS,
        })
        result = core(context, Type.ID.value)
        if result != lib.ARGON2_OK:
            raise HashingError(error_to_str(result))
        return bytes(out)
    finally:
        secret[:] = bytes(len(secret))
        out[:] = bytes(KEY_BYTES)


def read_params(path: Path) -> KdfParams:
    """The parameters in a key file; KeyFileError when it is unreadable or not ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        params = KdfParams(**data)
        base64.b64decode(params.salt, validate=True)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(f"{path.name} cannot be read: {exc}") from exc
    return params


def write_params(path: Path, params: KdfParams) -> None:
    """Write `params` durably: a temporary file, fsync, rename; the file it replaces is overwritten.

    A failure (a full disk) removes the temporary file and leaves `path` as it was.
    """
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(asdict(params), fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    overwrite.replace(tmp, path)


def candidates(folder: Path) -> list[Path]:
    """The key files to try, newest first (key.json.new exists only mid re-key)."""
    return [p for p in (folder / KEY_FILE_NEW, folder / KEY_FILE) if p.exists()]


fsync_dir = overwrite.fsync_dir
