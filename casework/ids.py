"""Identifiers: UUIDv7 record ids and readable case numbers assigned offline.

Record ids are UUIDv7 (RFC 9562): made on the laptop, time-ordered so that
indexes stay compact, and unique without asking the server.

Case numbers are what people write on paper and say on the phone, so they
are short: ``2026/7K-0042`` is the 42nd case opened in 2026 on the device
whose code is ``7K``. The server gives every enrolled device a number once,
at enrolment; its code is that number in Crockford's base 32 (no I, L, O or U
to misread). Two laptops therefore never make the same case number, even
when both work offline for weeks. A profile that was never enrolled (the demo
or a trial) uses the code ``T`` plus a digest of its device id: such a profile
never syncs, so its numbers cannot meet the organisation's.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import threading
import time
import uuid

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CASE_NUMBER = re.compile(r"^(?P<year>\d{4})/(?P<device>[0-9A-HJKMNP-TV-Z]{1,8})-(?P<seq>\d{4,})$")

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """A new UUIDv7: 48 bits of Unix milliseconds, then a counter and random bits.

    Ids made in the same millisecond by this process still sort in the order
    they were made (RFC 9562, method 1: a 12-bit counter in rand_a).
    """
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # leave room to count up
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= _counter << 64
        value |= 0b10 << 62
        value |= rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new record id as the canonical string."""
    return str(uuid7())


def uuid7_millis(value: str | uuid.UUID) -> int:
    """The Unix milliseconds a UUIDv7 was made at."""
    u = value if isinstance(value, uuid.UUID) else uuid.UUID(value)
    return u.int >> 80


def is_uuid(value: object) -> bool:
    """Whether `value` is a UUID in its canonical 36-character text form (how ids travel)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def device_code(number: int) -> str:
    """The short code of the device the server numbered `number` (1, 2, ...)."""
    if number < 1:
        raise ValueError("device numbers start at 1")
    digits = []
    while number:
        number, rest = divmod(number, 32)
        digits.append(_CROCKFORD[rest])
    return "".join(reversed(digits))


def trial_device_code(device_id: str) -> str:
    """The code of a never-enrolled (demo or trial) profile: T and three characters of its id."""
    digest = int.from_bytes(hashlib.sha256(device_id.encode()).digest()[:4], "big")
    return "T" + "".join(_CROCKFORD[(digest >> (5 * i)) & 31] for i in range(3))


def case_number(year: int, device: str, seq: int) -> str:
    """The readable case number of the `seq`-th case opened in `year` on `device`."""
    if seq < 1:
        raise ValueError("case sequence numbers start at 1")
    return f"{year:04d}/{device}-{seq:04d}"


def parse_case_number(text: str) -> tuple[int, str, int] | None:
    """(year, device code, sequence) of a case number, or None when it is not one."""
    m = _CASE_NUMBER.match(text.strip().upper())
    if not m:
        return None
    return int(m["year"]), m["device"], int(m["seq"])


def uuid7_from(millis: int, rng: random.Random) -> str:
    """A UUIDv7 at `millis` with its random bits from `rng`: for reproducible generated data."""
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    return str(uuid.UUID(int=value))


# Enrolment codes: what IT reads out or writes down for a caseworker, once.
# Ten Crockford base-32 characters (50 bits) and a check symbol (mod 37), shown
# as XXXX-XXXX-XXC. The check catches a mistyped character before any network.
_CHECK = _CROCKFORD + "*~$=U"
_LOOKALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(data: str) -> str:
    return _CHECK[int("".join(str(_CROCKFORD.index(c)).zfill(2) for c in data)) % 37]


def make_enrolment_code(rng_bytes: bytes | None = None) -> str:
    """A new one-time enrolment code, e.g. ``K7QM-2FXD-9TA``."""
    raw = int.from_bytes(rng_bytes or os.urandom(7), "big") & ((1 << 50) - 1)
    data = "".join(_CROCKFORD[(raw >> (5 * i)) & 31] for i in range(10))
    code = data + _check_symbol(data)
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def normalise_enrolment_code(text: str) -> str | None:
    """The code as typed, made canonical (case, dashes, spaces, O/I/L look-alikes); None on a typo."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t").translate(_LOOKALIKE)
    if len(cleaned) != 11 or any(c not in _CROCKFORD for c in cleaned[:10]) or cleaned[10] not in _CHECK:
        return None
    return cleaned if _check_symbol(cleaned[:10]) == cleaned[10] else None
