"""The request and answer envelopes as Pydantic models, for the OpenAPI schema.

They describe the shapes; the rules (sizes, depth, ids) are checked by
`sync.protocol`'s parsers, which read every body (`sync.server.bodies`), so a
bad request gets the protocol's own problem+json answer. The bounds below
are the protocol's constants, not copies of them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync import protocol as p

_STRICT = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """An RFC 9457 problem document with FieldApp's stable `code` (application/problem+json)."""

    type: str = Field(examples=["urn:fieldapp:problem:invalid_payload"])
    title: str
    status: int
    detail: str = Field(description="A sentence that says what to do.")
    code: str = Field(json_schema_extra={"enum": list(p.ERROR_STATUS)})


class ParcelKeys(BaseModel):
    """Public keys for sync parcels: Curve25519 (`box`) and Ed25519 (`sign`), 64 hex digits each."""

    model_config = _STRICT
    box: str = Field(min_length=64, max_length=64)
    sign: str = Field(min_length=64, max_length=64)


class EnrolRequest(BaseModel):
    """Either `username` and `password`, or `enrolment_code` (a one-time code from IT)."""

    model_config = _STRICT
    username: str | None = Field(None, max_length=p.MAX_USERNAME_LENGTH)
    password: str | None = Field(None, max_length=p.MAX_PASSWORD_LENGTH)
    enrolment_code: str | None = Field(None, max_length=p.MAX_ENROLMENT_CODE_LENGTH)
    device_id: str = Field(json_schema_extra={"format": "uuid"},
                           description="A UUID the app made once for this laptop.")
    device_name: str = Field(max_length=p.MAX_DEVICE_NAME_LENGTH)
    parcel_keys: ParcelKeys | None = Field(None, description="The laptop's public keys for sync "
                                           "parcels (sync/parcel.py); a re-enrolment rotates them.")


class UserInfo(BaseModel):
    id: str
    username: str
    display_name: str
    role: Literal["caseworker", "supervisor", "admin"]
    team_id: str | None
    protected_access: bool


class EnrolAnswer(BaseModel):
    device_token: str = Field(description="Send as 'Authorization: Bearer <token>'; shown once.")
    user: UserInfo
    server_id: str
    device_number: int
    device_code: str
    parcel_keys: ParcelKeys | None = Field(None, description="The server's public parcel keys, "
                                           "when the laptop sent its own: the laptop pins them.")


class WipeConfirmed(BaseModel):
    device_number: int
    confirmed_at: str = Field(description="When the server took the confirmation (UTC).")


class MeAnswer(BaseModel):
    user: UserInfo
    device_id: str
    device_number: int
    device_code: str
    server_id: str
    server_time: str
    protocol_versions: list[int]


class Change(BaseModel):
    """One entry of a push batch, as the device's outbox keeps it."""

    change_id: str = Field(json_schema_extra={"format": "uuid"})
    collection: str = Field(json_schema_extra={"enum": list(p.COLLECTIONS)})
    id: str = Field(max_length=p.MAX_ID_LENGTH)
    base_version: int | None = Field(None, ge=0, le=p.MAX_CURSOR,
                                     description="null for a create")
    fields: dict[str, Any] = Field(default_factory=dict, max_length=p.MAX_FIELDS_PER_CHANGE)
    base: dict[str, Any] = Field(default_factory=dict, max_length=p.MAX_FIELDS_PER_CHANGE,
                                 description="the values the device last saw, for the merge")
    delete: bool = False


class PushRequest(BaseModel):
    """A batch from the outbox; at most `MAX_BODY_BYTES` on the wire (gzip allowed)."""

    changes: list[Change] = Field(max_length=p.MAX_PUSH_CHANGES)


class ErrorBody(BaseModel):
    code: str
    detail: str


class ChangeResult(BaseModel):
    """The answer to one change; `record_locked`, `forbidden` and others arrive as `error`."""

    change_id: str | None
    status: Literal["applied", "merged", "conflict", "rejected"]
    version: int | None = None
    conflict_id: str | None = Field(None, description="with status conflict")
    fields: list[str] | None = Field(None, description="with status conflict: the clashing fields")
    error: ErrorBody | None = Field(None, description="with status rejected")


class PushAnswer(BaseModel):
    results: list[ChangeResult]


class PullChange(BaseModel):
    op: Literal["upsert", "evict", "wipe"]
    collection: str | None = None
    id: str | None = None
    version: int | None = None
    record: dict[str, Any] | None = Field(None, description="with op upsert: envelope and fields")


class PullAnswer(BaseModel):
    changes: list[PullChange]
    cursor: int
    more: bool


class TeamDevice(BaseModel):
    number: int
    code: str
    name: str
    last_seen_at: str | None
    revoked: bool


class TeamMember(UserInfo):
    devices: list[TeamDevice]


class TeamAnswer(BaseModel):
    members: list[TeamMember]


class ReportSection(BaseModel):
    title: str
    header: list[str]
    rows: list[list[str]]


class ReportAnswer(BaseModel):
    """Aggregates only: counts and codes, small counts hidden, never a name or an id."""

    about: dict[str, Any] = {}  # period, scope, threshold, language (machine keys)
    headline: dict[str, float | int | None] = {}  # indicator key -> number; null when hidden
    tables: dict[str, dict[str, Any]] = {}  # table key -> {"rows": [{dimension: code, "count": n | null}]}
    title: str
    facts: dict[str, str]
    summary: str
    sections: list[ReportSection]


class Health(BaseModel):
    status: Literal["ok", "error"]
    database: Literal["ok", "unreachable"]
    protocol_versions: list[int] | None = None


REQUEST_MODELS: tuple[type[BaseModel], ...] = (EnrolRequest, PushRequest, Problem)
