"""The sync protocol's wire types, shared by the desktop client and the server.

The contract is ../shared/design/sync-protocol.md (version 1); this module is
its executable half: header names, limits, error codes, and the parsers
that turn a decoded JSON body into typed values or raise `ProtocolError` with a sentence a person can act on. It
imports nothing from HTTP, so the same checks serve a future "sync parcel"
carried on a USB stick.

Decisions where the design page is silent (the client relies on them):

* **Records are flat JSON objects**: the envelope fields (`ENVELOPE`) and the
  record's own fields side by side; a form's answers are own fields with a
  dotted name (``"housing.heating"``). The merge is per top-level key; lists
  and text are whole values (no text merge).
* **`base_version`**: ``null`` is a create. ``0`` is an update that follows
  the same device's create which the device has not had acknowledged yet
  (both may travel in one batch): the server merges it field by field against
  `base` like any other stale update. A value equal to the record's current
  version is a fast-forward: every field is applied. A value above the
  record's version is refused (`invalid_payload`). A create (``null``) for an
  id that already exists is merged against an empty `base` (a lost answer to
  an earlier create, retried under a new change id).
* **A household is its own scope key**: its `household_id` is its `id`.
  Its `caseworker_id` and `team_id` are set by the server on create; a
  supervisor may change `caseworker_id` to a caseworker of the team (a
  reassignment), an administrator does it with ``fieldapp-server assign``.
* **Conflicts**: one `conflicts` record per change (the push result names one
  `conflict_id`), with ``record_collection``, ``record_id``, ``fields`` (a list
  of ``{"field", "base", "mine", "theirs"}``), ``by`` (user id), ``device``
  (device id), ``at``, ``change_id``, ``reason`` (`CONFLICT_REASONS`) and
  ``resolved`` (false). For a change to a household outside the author's
  scope (reason ``out_of_scope``) ``theirs`` is null, the push result's
  ``version`` is null, and the conflict goes to the household's current
  caseworker and the team's supervisors as well as to the author: nothing
  typed is lost and nothing of the household leaks. A device resolves a
  conflict by pushing ``{"resolved": true}`` (and optionally ``resolution``)
  to it; nothing else of a conflict is writable.
* **Protected content needs the permission wherever it travels**: records of
  `PROTECTED_COLLECTIONS` and every record derived from one (its schema has
  ``record_collection``: conflicts, reviews) reach only users with protected
  access, on pull, push and resolve; such reads are audited
  ``read_protected`` (docs/sync-protocol.md, "Scope").
* **Idempotence covers every result**, rejections included: a device that
  wants a rejected change reconsidered (after a fix, or after a supervisor
  reopens a locked record) pushes it under a new `change_id`.
* **Authorship** (`casework.records.may_change`): a visit, an assessment or a plan changes
  (or is deleted) only by its author (`created_by`, sent in the envelope) or a supervisor;
  anyone else's change is rejected `not_author`, both ends.
* **Review states** follow `casework.records.review_transition_allowed`;
  the author is the user who created the record or the household's current
  caseworker. Nobody approves a record they created or last changed.
  ``reviews`` records are written only by a supervisor of the family's team,
  about a record already in the review's status; the server sets
  ``reviewer_id`` and ``reviewed_at`` (docs/sync-protocol.md, "Reviews").
* **Enrolment** never rebinds an enrolled device id to another user; its own
  user re-enrols it only with proof (``Authorization: Bearer`` with its
  current token, or IT's one-time code), or before the server ever heard
  from it (docs/sync-protocol.md, "Enrolment"). A revoked laptop confirms its
  wipe once with ``POST /api/v1/devices/wipe-confirmed`` (its token is good
  for that call only, then spent).
* **Reports** (``GET /api/v1/reports``) cover a supervisor's own team, the
  organisation for an administrator, under the organisation's small-count
  threshold (server setting); a ``threshold`` parameter is ignored. Small
  counts and every count that would give one away are hidden (primary and
  secondary suppression, casework.reports.suppression). The answer carries
  machine keys (``about``, ``headline``: key -> number or null when hidden,
  ``tables``: key -> rows of codes and ``count``) beside the labelled
  ``sections``.
* **A cursor the server cannot honour** (older than the tombstones kept, or
  newer than anything the server has, e.g. after a restore from backup)
  answers 410 `cursor_expired`: pull from 0 again.
* **Evictions** are sent to cursors above 0 only; a pull from 0 is the whole
  current scope.
* **Attachments** (issue 16): an `attachments` record carries the metadata (what it belongs to:
  `record_collection`/`record_id`, the content's `sha256`, `size`, `media_type`, `doc_type`,
  `caption`) and syncs like any record, so scope, protected access (it is a derived record),
  eviction and review locks are the record's own. Rules of its own: an attachment of a record
  that review locks (approved) is not created, changed or removed (`record_locked`, both ends).
  The content travels apart, addressed by its SHA-256 (lowercase hex), in chunks of
  `ATTACHMENT_CHUNK_BYTES` (the last one shorter), each with its own SHA-256 in the header
  `CHUNK_HASH_HEADER`:
  ``POST /attachments/{sha256}`` with ``{"size": N, "media_type": "..."}`` starts or resumes an
  upload and answers ``{"sha256", "size", "chunk_size", "chunks", "have": [indexes stored],
  "complete"}``; the laptop then sends with ``PUT`` only the missing ``/attachments/{sha256}/chunks/{i}``
  (raw bytes, not gzip). A chunk stored already is not stored again (same bytes: `have` says
  so; other bytes: `hash_mismatch`); the last chunk makes the server hash the whole content,
  streaming, and a mismatch drops every chunk of it (`hash_mismatch`): nothing half-stored.
  **Dedup**: content complete on the server answers `complete: true` at once; the same photo
  attached twice is stored once on each side. **Limits**: a file above the server's per-file
  limit answers `payload_too_large`; above the device's quota (bytes it first uploaded) or the
  server's room, `storage_full` (507), before any byte is sent. The content lives in the
  server's database (table `attachment_chunks`), so the database's backups hold it; PostgreSQL
  in production. ``GET /attachments/{sha256}`` (status and chunk hashes) and
  ``GET .../chunks/{i}`` answer only to a caller who may read a live attachment record with that
  content, by the same rule as the record itself (`may_read`); others get `not_found`, so a
  probe learns nothing. Content not uploaded yet answers `attachment_missing` (the laptop tries
  again next round). Laptops pull the metadata with the records and fetch content ahead of
  time for their own caseload within a budget (IT's `attachment_prefetch_mb`), or when it is opened.
  **Garbage collection** (`fieldapp-server attachments gc`): content no live attachment record
  points at goes once nothing touched it for a grace period (30 days): not its upload, not a
  chunk, not a laptop's announcing it (`POST` on content held), not a change of a record that
  pointed at it; never an upload under way. So a laptop announces its content again before it
  pushes an attachment record the server has not acknowledged: content collected meanwhile is
  sent again before the record that points at it.
* **Pacing**: the laptop chooses its push batch (1 to `MAX_PUSH_CHANGES`) and pull page
  (`limit`, 1 to `MAX_PULL_LIMIT`) per request; the server takes any size within the limits.
  FieldApp starts at 100 changes and `DEFAULT_PULL_LIMIT` records, doubles the size after a
  round trip under 0.5 s, halves it after one over 4 s, and after a request that failed
  (the line dropped: once in a row; `payload_too_large`: while it can) sends the same
  changes or cursor again with a quarter of the size; bounded by 10 changes and 50 records
  below (`fieldapp.sync.pacing`). A repeated push is answered from the server's memory of
  change ids, a repeated page applies harmlessly, so a smaller retry loses and doubles nothing.
* **Compression**: a push body may be gzip (`Content-Encoding: gzip`). A pull page comes in
  zstd when the request's `Accept-Encoding` names ``zstd`` and the server has it, else in
  gzip when accepted, else plain (`sync.server.encoding`).
* Error codes beyond the design's list: `not_found` (404, no such endpoint)
  and `internal_error` (500, always a bug). A change that fails inside the
  server answers `rejected` with `internal_error`; that answer alone is not
  remembered, so the device simply pushes the change again next round.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from casework import records
from casework.ids import is_uuid, normalise_enrolment_code
from casework.validators import is_canonical_uuid
from sync.parcel import check_public_keys

PROTOCOL_VERSION = 1
# The versions this build speaks; a server answers 426 below MIN.
SUPPORTED_VERSIONS: tuple[int, ...] = (1,)
HEADER = "FieldApp-Protocol"
API_PREFIX = "/api/v1"
PROBLEM_CONTENT_TYPE = "application/problem+json"

# Limits (a larger push batch answers 413 payload_too_large).
MAX_PUSH_CHANGES = 500
MAX_BODY_BYTES = 1_000_000  # as sent on the wire (compressed when gzip)
MAX_INFLATED_BYTES = 16_000_000  # after gunzip: a zip bomb stops here
MAX_ENROL_BODY_BYTES = 16_000
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 1000
MAX_ID_LENGTH = 64
MAX_USERNAME_LENGTH = 100
MAX_PASSWORD_LENGTH = 1000
MAX_DEVICE_NAME_LENGTH = 200
MAX_ENROLMENT_CODE_LENGTH = 40
MAX_FIELD_NAME_LENGTH = 200
MAX_FIELDS_PER_CHANGE = 2000
MAX_JSON_DEPTH = 32
MAX_CURSOR = 2**63 - 1
# Attachments: the chunk every upload and download is cut into, the hash header of a chunk,
# and the protocol's ceiling of one file (a server's own limit is at most this).
ATTACHMENT_CHUNK_BYTES = 1024 * 1024
CHUNK_HASH_HEADER = "FieldApp-Chunk-SHA256"
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024

# The collections and the review rule are the shared domain's (casework.records): one list for both ends.
CASE_COLLECTIONS = records.CASE_COLLECTIONS
READ_ONLY_COLLECTIONS = records.READ_ONLY_COLLECTIONS
COLLECTIONS = records.COLLECTIONS
REVIEWED_COLLECTIONS = records.REVIEWED_COLLECTIONS
LOCKED_STATES = records.LOCKED_STATES
# Collections only users with protected access receive (trafficking, gender-based violence).
# Records derived from one of them (a conflict, a review: `record_collection` names it) are
# protected too, on every path: pull, push, resolve, the audit (sync.server.scope).
PROTECTED_COLLECTIONS: tuple[str, ...] = ("protected", "dv_risk_assessments", "violence_incidents")

# Envelope fields: set by the server (`household_id` and `schema` come from the device on create).
ENVELOPE = records.ENVELOPE
SERVER_FIELDS: frozenset[str] = ENVELOPE - {"household_id", "schema"}

ROLES: tuple[str, ...] = ("caseworker", "supervisor", "admin")
CONFLICT_REASONS: tuple[str, ...] = ("clash", "deleted", "out_of_scope")

# The HTTP status each code answers with when it is the whole answer.
ERROR_STATUS: dict[str, int] = {
    "invalid_payload": 400,
    "unauthorized": 401,
    "device_revoked": 401,
    # Said only to whoever proved the password or holds the code: a stranger learns nothing.
    "account_disabled": 403,
    "code_used": 401,
    "code_expired": 401,
    "forbidden": 403,
    "not_found": 404,
    "record_locked": 409,
    "not_author": 403,
    "cursor_expired": 410,
    "payload_too_large": 413,
    "protocol_too_old": 426,
    "rate_limited": 429,
    "hash_mismatch": 409,
    "attachment_missing": 404,
    "internal_error": 500,
    "storage_full": 507,
}
ERROR_TITLES: dict[str, str] = {
    "invalid_payload": "The request is not valid",
    "unauthorized": "Not signed in",
    "device_revoked": "This device was revoked",
    "account_disabled": "This account is disabled",
    "code_used": "This enrolment code was used already",
    "code_expired": "This enrolment code has expired",
    "forbidden": "Not allowed",
    "not_found": "Not found",
    "record_locked": "The record is locked",
    "not_author": "Only the author or a supervisor changes this record",
    "cursor_expired": "Pull again from the start",
    "payload_too_large": "The request is too large",
    "protocol_too_old": "This version of FieldApp is too old",
    "rate_limited": "Too many attempts",
    "hash_mismatch": "The content does not match its hash",
    "attachment_missing": "The attachment's content is not on the server yet",
    "internal_error": "Server error",
    "storage_full": "The server has no room for this attachment",
}


class ProtocolError(ValueError):
    """A request or a change that breaks the protocol: a stable code and a sentence."""

    def __init__(self, code: str, detail: str, status: int | None = None):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.status = status if status is not None else ERROR_STATUS.get(code, 400)


@dataclass(frozen=True)
class Enrolment:
    username: str
    password: str
    device_id: str
    device_name: str
    code: str | None = None  # a one-time enrolment code (canonical), instead of username and password
    parcel_keys: dict[str, str] | None = None  # the laptop's public parcel keys (sync/parcel.py)


@dataclass(frozen=True)
class Change:
    """One entry of a push batch, as the device's outbox keeps it."""

    change_id: str
    collection: str
    id: str
    base_version: int | None
    fields: dict[str, Any] = field(default_factory=dict)
    base: dict[str, Any] = field(default_factory=dict)
    delete: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"change_id": self.change_id, "collection": self.collection, "id": self.id,
                "base_version": self.base_version, "fields": self.fields, "base": self.base,
                "delete": self.delete}


# ---- parsers: decoded JSON -> typed values, or ProtocolError ----

def _invalid(detail: str) -> ProtocolError:
    return ProtocolError("invalid_payload", detail)


def is_uuid_text(value: object) -> bool:
    """Whether `value` is a UUID in its canonical 36-character text form."""
    return is_canonical_uuid(value) or is_uuid(value)  # the quick test first: every change has two


def check_json_value(value: Any, where: str, depth: int = 0) -> None:
    """Refuse what JSON allows but storage and people cannot use.

    NUL characters and lone surrogates in text, non-finite numbers, and
    nesting deeper than MAX_JSON_DEPTH.
    """
    if depth > MAX_JSON_DEPTH:
        raise _invalid(f"{where} is nested too deeply (at most {MAX_JSON_DEPTH} levels).")
    if isinstance(value, str):
        _check_text(value, where)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid(f"{where} must be a finite number.")
    elif isinstance(value, list):
        for item in value:
            check_json_value(item, where, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, where)
            check_json_value(item, where, depth + 1)
    elif value is not None and not isinstance(value, bool | int):
        raise _invalid(f"{where} is not a JSON value.")


def _clean_text(text: str) -> bool:
    """Whether `_check_text` lets `text` pass (the quick test: no sentence is made)."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(text: str, where: str) -> None:
    if "\x00" in text:
        raise _invalid(f"{where} contains a NUL character; remove it.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _invalid(f"{where} contains an invalid character (a lone surrogate).") from None


def _string(obj: Mapping[str, Any], key: str, where: str, max_len: int, *,
            allow_empty: bool = False) -> str:
    if key not in obj:
        raise _invalid(f"{where} lacks '{key}'.")
    value = obj[key]
    if not isinstance(value, str):
        raise _invalid(f"'{key}' in {where} must be text.")
    if not allow_empty and not value.strip():
        raise _invalid(f"'{key}' in {where} must not be empty.")
    if len(value) > max_len:
        raise _invalid(f"'{key}' in {where} is too long (at most {max_len} characters).")
    if not _clean_text(value):
        _check_text(value, f"'{key}' in {where}")
    return value


def parse_enrolment(body: Any) -> Enrolment:
    """The body of POST /api/v1/devices."""
    if not isinstance(body, dict):
        raise _invalid("The body must be a JSON object with username, password, device_id and device_name.")
    where = "the enrolment"
    device_id = _string(body, "device_id", where, 36)
    if not is_uuid_text(device_id):
        raise _invalid("'device_id' must be a UUID the app made once for this laptop.")
    device_name = _string(body, "device_name", where, MAX_DEVICE_NAME_LENGTH)
    if "enrolment_code" in body:
        code = normalise_enrolment_code(_string(body, "enrolment_code", where, MAX_ENROLMENT_CODE_LENGTH))
        if code is None:
            raise _invalid("This enrolment code has a typo: check it character by character.")
        return Enrolment("", "", device_id.lower(), device_name.strip(), code, _parcel_keys(body))
    username = _string(body, "username", where, MAX_USERNAME_LENGTH)
    password = _string(body, "password", where, MAX_PASSWORD_LENGTH)
    return Enrolment(username.strip(), password, device_id.lower(), device_name.strip(),
                     parcel_keys=_parcel_keys(body))


def _parcel_keys(body: Mapping[str, Any]) -> dict[str, str] | None:
    """The optional `parcel_keys` of an enrolment: {"box", "sign"}, 64 hex digits each."""
    if body.get("parcel_keys") is None:
        return None
    keys = check_public_keys(body["parcel_keys"])
    if keys is None:
        raise _invalid("'parcel_keys' must be an object with 'box' and 'sign', 64 hex digits each.")
    return keys


def _field_map(raw: Any, key: str, where: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _invalid(f"'{key}' of {where} must be an object of field names to values.")
    if len(raw) > MAX_FIELDS_PER_CHANGE:
        raise _invalid(f"'{key}' of {where} has too many fields (at most {MAX_FIELDS_PER_CHANGE}).")
    for name, value in raw.items():
        if not name or len(name) > MAX_FIELD_NAME_LENGTH:
            raise _invalid(f"A field name in '{key}' of {where} is empty or too long "
                           f"(at most {MAX_FIELD_NAME_LENGTH} characters).")
        if not name.isascii() and not _clean_text(name) or "\x00" in name:
            _check_text(name, f"a field name in '{key}' of {where}")
        # The common values are checked here without making the sentence they would need.
        kind = type(value)
        if kind is str:
            if "\x00" not in value and (value.isascii() or _clean_text(value)):
                continue
        elif value is None or kind is bool or kind is int:
            continue
        check_json_value(value, f"field '{name[:60]}' of {where}")
    return raw


def parse_change(raw: Any, index: int) -> Change:
    """One change of a push batch; `index` (0-based) names it in error sentences."""
    where = f"change {index + 1}"
    if not isinstance(raw, dict):
        raise _invalid(f"{where.capitalize()} must be a JSON object.")
    change_id = _string(raw, "change_id", where, 36)
    if not is_uuid_text(change_id):
        raise _invalid(f"'change_id' of {where} must be a UUID.")
    collection = _string(raw, "collection", where, 40)
    if collection not in COLLECTIONS:
        raise _invalid(f"Unknown collection '{collection[:40]}' in {where}; "
                       f"known: {', '.join(COLLECTIONS)}.")
    record_id = _string(raw, "id", where, MAX_ID_LENGTH)
    base_version = raw.get("base_version")
    if base_version is not None and (
        not isinstance(base_version, int) or isinstance(base_version, bool)
        or base_version < 0 or base_version > MAX_CURSOR
    ):
        raise _invalid(f"'base_version' of {where} must be null (a create) or a whole number from 0.")
    delete = raw.get("delete", False)
    if not isinstance(delete, bool):
        raise _invalid(f"'delete' of {where} must be true or false.")
    fields = _field_map(raw.get("fields"), "fields", where)
    base = _field_map(raw.get("base"), "base", where)
    return Change(change_id.lower(), collection, record_id, base_version, fields, base, delete)


def parse_push(body: Any) -> list[Any]:
    """The raw change list of POST /api/v1/sync/push (each parsed on its own by `parse_change`).

    The batch itself must be well formed; one malformed change becomes that
    change's `rejected` result, so the rest of the queue goes on.
    """
    if not isinstance(body, dict) or "changes" not in body:
        raise _invalid('The body must be a JSON object: {"changes": [...]}.')
    changes = body["changes"]
    if not isinstance(changes, list):
        raise _invalid("'changes' must be a list.")
    if len(changes) > MAX_PUSH_CHANGES:
        raise ProtocolError("payload_too_large",
                            f"A push carries at most {MAX_PUSH_CHANGES} changes; "
                            f"this one has {len(changes)}. Send smaller batches.")
    return changes


def is_sha256(value: object) -> bool:
    """Whether `value` is a SHA-256 as the protocol writes it: 64 lowercase hex digits."""
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


@dataclass(frozen=True)
class UploadStart:
    """The body of POST /attachments/{sha256}: the content's size and kind."""

    size: int
    media_type: str


def parse_upload_start(body: Any) -> UploadStart:
    """The body of POST /attachments/{sha256}, or ProtocolError."""
    if not isinstance(body, dict):
        raise _invalid('The body must be a JSON object: {"size": N, "media_type": "..."}.')
    size = body.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise _invalid("'size' must be the content's size in bytes, a whole number from 1.")
    if size > MAX_ATTACHMENT_BYTES:
        raise ProtocolError("payload_too_large", f"An attachment is at most {MAX_ATTACHMENT_BYTES:,} bytes.")
    media_type = body.get("media_type")
    if media_type not in records.ATTACHMENT_TYPES:
        raise _invalid("'media_type' must be one of " + ", ".join(records.ATTACHMENT_TYPES) + ".")
    return UploadStart(size, str(media_type))


def chunk_count(size: int) -> int:
    """How many chunks content of `size` bytes is cut into."""
    return max(1, -(-size // ATTACHMENT_CHUNK_BYTES))


def parse_protocol_header(value: str | None) -> int:
    """The version a request speaks, or ProtocolError (426 when too old)."""
    if value is None:
        raise _invalid(f"Send the header '{HEADER}: {PROTOCOL_VERSION}' with every request.")
    try:
        version = int(value.strip())
    except ValueError:
        raise _invalid(f"The header '{HEADER}' must be a whole number such as {PROTOCOL_VERSION}.") from None
    if version < min(SUPPORTED_VERSIONS):
        raise ProtocolError("protocol_too_old",
                            f"This server speaks protocol versions {min(SUPPORTED_VERSIONS)} to "
                            f"{max(SUPPORTED_VERSIONS)}; please update FieldApp on this laptop.")
    if version not in SUPPORTED_VERSIONS:
        raise _invalid(f"This server speaks protocol versions {min(SUPPORTED_VERSIONS)} to "
                       f"{max(SUPPORTED_VERSIONS)}, older than this FieldApp; ask IT to update the server.")
    return version


def problem(code: str, detail: str, status: int | None = None, **extra: Any) -> dict[str, Any]:
    """An RFC 9457 problem document with FieldApp's stable `code`."""
    return {"type": f"urn:fieldapp:problem:{code}", "title": ERROR_TITLES.get(code, code),
            "status": status if status is not None else ERROR_STATUS.get(code, 400),
            "detail": detail, "code": code, **extra}
