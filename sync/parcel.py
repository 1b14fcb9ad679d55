"""Sync parcels: a push batch and its answer carried on a USB stick (docs/sync-protocol.md, "Parcels").

A parcel is one file, encrypted to its recipient and signed by its sender, so
whoever carries or finds the stick reads nothing and can change nothing
unnoticed. Keys are exchanged at enrolment (libsodium through PyNaCl): each
side has a Curve25519 key to receive parcels and an Ed25519 key to sign them.

Layout (all integers big-endian)::

    MAGIC             16 bytes  b"FIELDAPP-PARCEL\\n"
    format             1 byte   FORMAT (1)
    header length      4 bytes
    body length        8 bytes
    header             JSON, UTF-8, in the clear (see below)
    body               SealedBox(recipient's Curve25519 key, zlib(JSON payload))
    signature         64 bytes  Ed25519 by the sender over every byte before it

The header names only what routing needs, never a person: ``kind``
(``to_server`` or ``to_device``), ``sender`` and ``recipient`` (a device id
or the server id), ``seq`` (the sender's counter of parcels to this recipient,
strictly increasing, for duplicates and reordering), ``parcel_id`` and
``created_at``. The payload repeats the header, so a body cannot be moved under
another header. Checks, in order: the size adds up (else ``truncated`` or
``damaged``), the signature verifies with the sender's pinned key (else
``tampered``), the body opens with the recipient's key (else ``not_for_you``),
the payload's header matches (else ``tampered``).

Payloads (JSON):
- ``to_server``: ``{"header", "changes": [push changes], "cursor": the laptop's pull
  cursor, "attachments": []}`` — everything not yet acknowledged (the outbox stays
  until the return parcel is imported, so a later parcel holds every earlier one's
  changes still pending; the server may therefore refuse a parcel older than one it
  imported). ``attachments`` is the hook for attachment content (issue 16): empty today.
- ``to_device``: ``{"header", "answers": seq of the parcel answered, "results": [push
  results, one per change], "pages": [pull pages from the laptop's cursor], "full":
  whether the pages start from cursor 0 (the old cursor expired)}``; a revoked
  laptop's return parcel carries one page with ``{"op": "wipe"}``.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from casework.ids import new_id

MAGIC = b"FIELDAPP-PARCEL\n"
FORMAT = 1
SIGNATURE_BYTES = 64
_FIXED = struct.Struct(">BIQ")
_PREFIX = len(MAGIC) + _FIXED.size
MAX_HEADER_BYTES = 4096
MAX_PARCEL_BYTES = 512 * 1024 * 1024  # a parcel larger than this is refused before reading it
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024  # inflated; refuses a compression bomb
TO_SERVER = "to_server"
TO_DEVICE = "to_device"
KINDS = (TO_SERVER, TO_DEVICE)
SUFFIX = ".parcel"


class ParcelError(ValueError):
    """A file that is not a parcel this side can accept; `code` is stable (messages are the caller's)."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class KeyPair:
    """One side's parcel keys: Curve25519 to receive, Ed25519 to sign (32-byte seeds)."""

    box_secret: bytes
    sign_secret: bytes

    @classmethod
    def generate(cls) -> KeyPair:
        """New random keys (at enrolment)."""
        return cls(bytes(PrivateKey.generate()), bytes(SigningKey.generate()))

    @classmethod
    def from_hex(cls, box_secret: str, sign_secret: str) -> KeyPair:
        return cls(bytes.fromhex(box_secret), bytes.fromhex(sign_secret))

    def public(self) -> dict[str, str]:
        """The public halves as they travel at enrolment: ``{"box": hex, "sign": hex}``."""
        return {"box": bytes(PrivateKey(self.box_secret).public_key).hex(),
                "sign": bytes(SigningKey(self.sign_secret).verify_key).hex()}

    def secret_hex(self) -> tuple[str, str]:
        return self.box_secret.hex(), self.sign_secret.hex()


def check_public_keys(keys: Any) -> dict[str, str] | None:
    """``{"box", "sign"}`` as 64 hex digits each, lower-case; None when `keys` is not that."""
    if not isinstance(keys, dict):
        return None
    out: dict[str, str] = {}
    for name in ("box", "sign"):
        value = keys.get(name)
        if not isinstance(value, str) or len(value) != 64:
            return None
        try:
            bytes.fromhex(value)
        except ValueError:
            return None
        out[name] = value.lower()
    return out


@dataclass(frozen=True)
class Header:
    """The clear part of a parcel: routing and ordering only, never personal data."""

    kind: str
    sender: str
    recipient: str
    seq: int
    parcel_id: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "sender": self.sender, "recipient": self.recipient,
                "seq": self.seq, "parcel_id": self.parcel_id, "created_at": self.created_at}

    @classmethod
    def new(cls, kind: str, sender: str, recipient: str, seq: int) -> Header:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return cls(kind, sender, recipient, seq, new_id(), now)


def seal(header: Header, payload: dict[str, Any], recipient_box_public: str,
         sender: KeyPair) -> bytes:
    """The parcel's bytes: `payload` encrypted to the recipient, everything signed by `sender`."""
    head = json.dumps(header.to_json(), separators=(",", ":")).encode()
    inner = json.dumps({**payload, "header": header.to_json()}, ensure_ascii=False,
                       separators=(",", ":")).encode()
    body = SealedBox(PublicKey(bytes.fromhex(recipient_box_public))).encrypt(zlib.compress(inner, 6))
    unsigned = MAGIC + _FIXED.pack(FORMAT, len(head), len(body)) + head + bytes(body)
    return unsigned + SigningKey(sender.sign_secret).sign(unsigned).signature


def read_header(data: bytes) -> Header:
    """The header of a parcel, unverified (to find the sender's key); ParcelError when malformed."""
    head, _body_len = _layout(data)
    return head


def _layout(data: bytes) -> tuple[Header, int]:
    if len(data) < len(MAGIC) or not data.startswith(MAGIC):
        raise ParcelError("not_a_parcel", "This file is not a FieldApp parcel.")
    if len(data) < _PREFIX:
        raise ParcelError("truncated", "This parcel is cut short (copied only in part).")
    version, head_len, body_len = _FIXED.unpack_from(data, len(MAGIC))
    if version != FORMAT:
        raise ParcelError("unknown_format", "This parcel was written by another version of FieldApp.")
    if head_len > MAX_HEADER_BYTES:
        raise ParcelError("damaged", "This parcel is damaged.")
    total = _PREFIX + head_len + body_len + SIGNATURE_BYTES
    if len(data) < total:
        raise ParcelError("truncated", "This parcel is cut short (copied only in part).")
    if len(data) > total:
        raise ParcelError("damaged", "This parcel is damaged: it has bytes after its end.")
    try:
        raw = json.loads(data[_PREFIX:_PREFIX + head_len])
        header = Header(str(raw["kind"]), str(raw["sender"]), str(raw["recipient"]), int(raw["seq"]),
                        str(raw["parcel_id"]), str(raw["created_at"]))
    except (ValueError, KeyError, TypeError):
        raise ParcelError("damaged", "This parcel's header is damaged.") from None
    if header.kind not in KINDS or header.seq < 1:
        raise ParcelError("damaged", "This parcel's header is damaged.")
    return header, body_len


def open_parcel(data: bytes, sender_sign_public: str, recipient: KeyPair) -> tuple[Header, dict[str, Any]]:
    """Verify and decrypt a parcel: (header, payload), or ParcelError (nothing is trusted before)."""
    header, body_len = _layout(data)
    unsigned, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    try:
        VerifyKey(bytes.fromhex(sender_sign_public)).verify(unsigned, signature)
    except (BadSignatureError, ValueError):
        raise ParcelError("tampered", "This parcel was altered after it was written, or it was "
                                      "not written by the laptop or server it names.") from None
    body = unsigned[len(unsigned) - body_len:]
    try:
        packed = SealedBox(PrivateKey(recipient.box_secret)).decrypt(body)
    except CryptoError:
        raise ParcelError("not_for_you", "This parcel was not written for this recipient.") from None
    try:
        inflater = zlib.decompressobj()
        inner = inflater.decompress(packed, MAX_PAYLOAD_BYTES)
        if inflater.unconsumed_tail:
            raise ParcelError("too_large", "This parcel is too large to open.")
        payload = json.loads(inner)
    except (zlib.error, ValueError):
        raise ParcelError("damaged", "This parcel's content is damaged.") from None
    if not isinstance(payload, dict) or payload.get("header") != header.to_json():
        raise ParcelError("tampered", "This parcel's content does not belong to its header.")
    return header, payload


def file_name(kind: str, device_code: str, seq: int) -> str:
    """A parcel's file name: its direction, the laptop's code and the number; no personal data."""
    direction = "to-server" if kind == TO_SERVER else "to-laptop"
    safe = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in device_code) or "laptop"
    return f"fieldapp-{direction}-{safe}-{seq:04d}{SUFFIX}"
