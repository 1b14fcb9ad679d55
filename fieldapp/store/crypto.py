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

Opening trusts nothing in key.json: every field is checked against bounds
(an absurd Argon2 cost would otherwise hang or kill the program), `sum` is a
digest of the other fields (an edit or a flipped bit is told apart from a wrong
passphrase), and `check` is a short MAC made with the key, so a right
passphrase is known as right even when the database cannot be decrypted
(it then says "damaged", not "wrong passphrase"). `check` gives an attacker
nothing the database's own first page does not: each guess still costs Argon2id.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from _argon2_cffi_bindings import lib  # type: ignore[import-untyped]  # argon2-cffi's C bindings: flags, codes
from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, core, error_to_str, ffi

from fieldapp.store import overwrite
from fieldapp.store.errors import KeySettingsDamaged, KeySettingsMissing, KeySettingsUnknown

KEY_FILE = "key.json"
KEY_FILE_NEW = "key.json.new"
KEY_BYTES = 32


# key.json is missing, unreadable or not ours: the store's error, with its sentence.
KeyFileError = KeySettingsDamaged

FORMAT = 2  # 1: before `sum` and `check`; still opened
KDF = "argon2id"
# What key.json may ask for. Argon2id's own limits are far wider (RFC 9106), but a laptop
# cannot give 4 GiB or a minute to one unlock: beyond these the file is damaged, not ours.
TIME_COST = (1, 32)
MEMORY_KIB = (8 * 1024, 2 * 1024 * 1024)
PARALLELISM = (1, 16)
SALT_BYTES = (16, 64)
MAX_WORK_KIB = 8 * 1024 * 1024  # time_cost x memory_kib: 40 times today's default, about a minute
CHECK_BYTES = 16


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
    """Argon2id parameters (RFC 9106) of one key, as key.json keeps them.

    `sum` is always the digest of the other fields (computed, never taken
    from a file); `check` is empty until `with_check` adds the key's MAC.
    """

    salt: str  # base64
    time_cost: int = DEFAULT_COST.time_cost
    memory_kib: int = DEFAULT_COST.memory_kib
    parallelism: int = DEFAULT_COST.parallelism
    kdf: str = KDF
    format: int = FORMAT
    check: str = ""  # base64 MAC of a constant under the key; "" in older files
    sum: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sum", self.digest())

    def digest(self) -> str:
        """SHA-256 of every other field, in a fixed form: what `sum` must be."""
        body = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "sum"}
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()

    @classmethod
    def fresh(cls, cost: KdfCost = DEFAULT_COST) -> KdfParams:
        """New parameters at `cost`, with a new random salt."""
        salt = base64.b64encode(secrets.token_bytes(16)).decode()
        return cls(salt=salt, time_cost=cost.time_cost, memory_kib=cost.memory_kib,
                   parallelism=cost.parallelism)

    def with_check(self, key: bytes) -> KdfParams:
        """These parameters with the MAC that proves `key` (derive it first)."""
        return replace(self, check=_check_value(key))

    def proves(self, key: bytes) -> bool | None:
        """Whether `key` is the one these parameters were made for; None when the file has no check."""
        if not self.check:
            return None
        return hmac.compare_digest(self.check, _check_value(key))


def _check_value(key: bytes) -> str:
    mac = hmac.new(key, b"FieldApp key check 1", hashlib.sha256).digest()[:CHECK_BYTES]
    return base64.b64encode(mac).decode()


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The raw database key for `passphrase` under `params` (checked: see `validate`).

    The passphrase's UTF-8 bytes live in a buffer that is zeroed once Argon2id has
    read it (a Python str cannot be wiped; callers drop theirs as soon as this returns).
    """
    validate(params)
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


def _within(name: str, value: object, bounds: tuple[int, int]) -> None:
    if type(value) is not int or not bounds[0] <= value <= bounds[1]:  # bool is an int: not here
        raise KeySettingsDamaged(f"{name} out of bounds")


def _decoded(name: str, value: object, sizes: tuple[int, int]) -> None:
    if not isinstance(value, str):
        raise KeySettingsDamaged(f"{name} is not text")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeySettingsDamaged(f"{name} is not base64") from exc
    if not sizes[0] <= len(raw) <= sizes[1]:
        raise KeySettingsDamaged(f"{name} has a wrong length")


def validate(params: KdfParams) -> None:
    """Refuse parameters no FieldApp wrote: unknown method or format, costs out of bounds, bad salt."""
    if params.kdf != KDF:
        raise KeySettingsUnknown("unknown key derivation")
    if type(params.format) is not int or params.format > FORMAT:
        raise KeySettingsUnknown("newer key file format")
    if params.format < 1:
        raise KeySettingsDamaged("format out of bounds")
    _within("time_cost", params.time_cost, TIME_COST)
    _within("memory_kib", params.memory_kib, MEMORY_KIB)
    _within("parallelism", params.parallelism, PARALLELISM)
    if params.memory_kib < 8 * params.parallelism:  # RFC 9106: at least 8 KiB per lane
        raise KeySettingsDamaged("memory_kib below 8 per lane")
    if params.time_cost * params.memory_kib > MAX_WORK_KIB:  # each in bounds, together an hour
        raise KeySettingsDamaged("time_cost x memory_kib out of bounds")
    _decoded("salt", params.salt, SALT_BYTES)
    if params.check:
        _decoded("check", params.check, (CHECK_BYTES, CHECK_BYTES))


def read_params(path: Path) -> KdfParams:
    """The parameters in a key file, validated; a KeySettings* error (a StoreError) otherwise.

    Missing file: KeySettingsMissing; unknown method or newer format:
    KeySettingsUnknown; anything else wrong (not JSON, a field missing, extra
    or out of bounds, `sum` not matching the fields): KeySettingsDamaged.
    The details name the field, never its value.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeySettingsMissing(f"{path.name} missing") from exc
    except OSError as exc:
        raise KeySettingsDamaged(f"{path.name} unreadable: {type(exc).__name__}") from exc
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise KeySettingsDamaged(f"{path.name} is not JSON") from exc
    if not isinstance(data, dict):
        raise KeySettingsDamaged(f"{path.name} is not an object")
    if data.get("kdf", KDF) != KDF:  # before the fields: a newer method may have others
        raise KeySettingsUnknown("unknown key derivation")
    if type(data.get("format", 1)) is int and data.get("format", 1) > FORMAT:
        raise KeySettingsUnknown("newer key file format")
    known = {f.name for f in fields(KdfParams)}
    if set(data) - known:
        raise KeySettingsDamaged(f"{path.name} has unknown fields")
    stored_sum = data.pop("sum", None)
    data.setdefault("format", 1)  # format 1 files did not always write it
    try:
        params = KdfParams(**data)
    except TypeError as exc:  # a field missing
        raise KeySettingsDamaged(f"{path.name} lacks a field") from exc
    validate(params)
    if params.format >= 2 and stored_sum is None:
        raise KeySettingsDamaged(f"{path.name} has no sum")
    if stored_sum is not None and stored_sum != params.sum:
        raise KeySettingsDamaged(f"{path.name} does not match its sum")
    return params


def add_check(path: Path, key: bytes) -> None:
    """Give a key file without `check` (format 1) its check and sum, once `key` opened the database."""
    params = read_params(path)
    if not params.check and params.proves(key) is None:
        try:
            write_params(path, replace(params, format=FORMAT).with_check(key))
        except OSError:  # a read-only folder or a full disk: the old file still opens; next time
            path.with_suffix(path.suffix + ".tmp").unlink(missing_ok=True)


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
