"""The desktop's HTTP client of the sync protocol (requests).

One `requests.Session` per server (connection reuse), gzip both ways (and zstd
for answers when `zstandard` is installed: the server's pulls are cheaper so), the
protocol header on every request, timeouts, and retries with backoff on
network errors and 5xx. Every failure becomes a `SyncFailure` with a stable
code; `failure_message` turns it into a sentence a caseworker can act on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import time
from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from casework.i18n import QT_TRANSLATE_NOOP, Message
from sync import address, protocol
from sync.errors import BadAnswer, CursorExpired, DeviceRevoked, SyncFailure

zstandard: Any
try:  # the client extra installs it; without it the server answers in gzip
    import zstandard  # type: ignore[import-not-found,import-untyped,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - depends on the installation
    zstandard = None

# What the laptop takes: zstd first when it can inflate it (urllib3 inflates gzip itself).
ACCEPT_ENCODING = "zstd, gzip" if zstandard is not None else "gzip"
MAX_INFLATED = 256 * 1024 * 1024  # an answer larger than this once inflated is refused
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
RETRIES = 4
BACKOFF_BASE = 0.5
BACKOFF_MAX = 8.0


def answer_body(response: requests.Response) -> bytes:
    """The answer's bytes, inflated from zstd when the server sent it so (urllib3 leaves it)."""
    if response.headers.get("Content-Encoding", "").strip().lower() != "zstd":
        return response.content
    if zstandard is None:
        raise BadAnswer("zstd answer, but this laptop cannot inflate zstd")
    reader = zstandard.ZstdDecompressor().stream_reader(response.content)
    parts, size = [], 0
    try:
        while chunk := reader.read(1 << 20):
            size += len(chunk)
            if size > MAX_INFLATED:
                raise BadAnswer("the answer is too large once inflated")
            parts.append(chunk)
    except zstandard.ZstdError as exc:
        raise BadAnswer("the answer's zstd is damaged") from exc
    return b"".join(parts)


def _endpoint(server_url: str, path: str) -> str:
    return server_url.rstrip("/") + protocol.API_PREFIX + path


class _CheckedAdapter(HTTPAdapter):
    """Refuses to send anything over plain http to another computer: every request, redirects included."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        address.require(request.url or "")
        return super().send(request, *args, **kwargs)


class HttpTransport:
    """push/pull/enrol/me against one server; `token` is the device token (None before enrolment).

    The address must be https://, or http:// to this computer (sync/address.py): checked here and
    again for every request the session sends, so a redirect cannot lead to plain http elsewhere.
    """

    def __init__(self, server_url: str, token: str | None = None, *, session: requests.Session | None = None,
                 retries: int = RETRIES, sleep: Callable[[float], None] = time.sleep,
                 verify: bool | str = True, app_version: str | None = None):
        address.require(server_url)
        self.server_url = server_url
        self.token = token
        self.session = session or requests.Session()
        self.session.verify = verify
        if app_version:  # the server shows IT which version each laptop runs (server/versions.py)
            self.session.headers["User-Agent"] = f"FieldApp/{app_version}"
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, _CheckedAdapter())
        self.retries = retries
        self._sleep = sleep
        # On the wire (gzip) and as JSON (raw), for the benchmarks' bytes-per-record figures.
        self.bytes_sent = 0
        self.bytes_received = 0
        self.raw_sent = 0
        self.raw_received = 0

    def close(self) -> None:
        self.session.close()

    # -- the protocol ---------------------------------------------------------

    def enrol(self, username: str, password: str, device_id: str, device_name: str, *,
              code: str | None = None, parcel_keys: dict[str, str] | None = None) -> dict[str, Any]:
        """Enrol with a user name and password, or with a one-time enrolment code from IT; with the
        laptop's public parcel keys when given (the answer's `parcel_keys` are the server's)."""
        body: dict[str, Any] = {"device_id": device_id, "device_name": device_name}
        if parcel_keys is not None:
            body["parcel_keys"] = parcel_keys
        if code is not None:
            body["enrolment_code"] = code
        else:
            body.update(username=username, password=password)
        answer = self._request("POST", "/devices", body, retry=False)
        if not isinstance(answer, dict) or not isinstance(answer.get("device_token"), str):
            raise BadAnswer("enrolment answer without a device token")
        return answer

    def hand_in_parcel(self, data: bytes) -> tuple[bytes, str]:
        """A courier's upload (POST /parcels): another laptop's parcel in, its return parcel and
        that file's name back. Sent once: the server refuses a parcel it imported already."""
        headers = {protocol.HEADER: str(protocol.PROTOCOL_VERSION), "Content-Type": "application/octet-stream",
                   "Authorization": f"Bearer {self.token or ''}"}
        try:
            response = self.session.post(_endpoint(self.server_url, "/parcels"), data=data, headers=headers,
                                         timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
        except requests.exceptions.SSLError as exc:
            raise SyncFailure("tls", type(exc).__name__) from exc
        except requests.RequestException as exc:
            raise SyncFailure("offline", type(exc).__name__) from exc
        if not response.ok:
            self._answer(response)  # raises the failure the problem names
        name = response.headers.get("FieldApp-Parcel-Name", "")
        if not name.endswith(".parcel") or "/" in name or "\\" in name:
            raise BadAnswer("return parcel without a proper file name")
        return response.content, name

    def confirm_wipe(self) -> dict[str, Any]:
        """Tell the server this revoked laptop wiped itself (POST /devices/wipe-confirmed, once)."""
        answer = self._request("POST", "/devices/wipe-confirmed", {}, retry=False)
        if not isinstance(answer, dict):
            raise BadAnswer("wipe confirmation answer is not an object")
        return answer

    def me(self) -> dict[str, Any]:
        answer = self._request("GET", "/me")
        if not isinstance(answer, dict):
            raise BadAnswer("/me did not answer an object")
        return answer

    def team(self) -> list[dict[str, Any]]:
        """A supervisor's team members with their laptops' last contact (GET /team)."""
        answer = self._request("GET", "/team")
        if not isinstance(answer, dict) or not isinstance(answer.get("members"), list):
            raise BadAnswer("/team did not answer a list of members")
        members: list[dict[str, Any]] = answer["members"]
        return members

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answer = self._request("POST", "/sync/push", {"changes": changes})
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise BadAnswer("push answer without results")
        results: list[dict[str, Any]] = answer["results"]
        return results

    def push_encoded(self, changes: list[str]) -> list[dict[str, Any]]:
        """`push` of changes already in their wire JSON (one object's text each): the body is
        joined from them, not encoded again."""
        answer = self._request("POST", "/sync/push", json_text='{"changes":[' + ",".join(changes) + "]}")
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise BadAnswer("push answer without results")
        results: list[dict[str, Any]] = answer["results"]
        return results

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        answer = self._request("GET", f"/sync/pull?cursor={int(cursor)}&limit={int(limit)}")
        if not isinstance(answer, dict):
            raise BadAnswer("pull did not answer an object")
        return answer

    # -- attachments' content (sync.protocol, "Attachments") ---------------------

    def start_upload(self, sha256: str, size: int, media_type: str) -> dict[str, Any]:
        """Start or resume an upload; the server's status of that content (`have`, `complete`)."""
        answer = self._request("POST", f"/attachments/{sha256}", {"size": size, "media_type": media_type})
        if not isinstance(answer, dict) or not isinstance(answer.get("have"), list):
            raise BadAnswer("upload answer without the chunks the server has")
        return answer

    def put_chunk(self, sha256: str, n: int, data: bytes) -> dict[str, Any]:
        """Send chunk `n` (raw bytes, its SHA-256 in the header)."""
        headers = {protocol.CHUNK_HASH_HEADER: hashlib.sha256(data).hexdigest(),
                   "Content-Type": "application/octet-stream"}
        answer = self._request("PUT", f"/attachments/{sha256}/chunks/{int(n)}", raw_body=data, extra=headers)
        if not isinstance(answer, dict):
            raise BadAnswer("chunk answer is not an object")
        return answer

    def content_status(self, sha256: str) -> dict[str, Any]:
        """Size, chunks and chunk hashes of content this user may read."""
        answer = self._request("GET", f"/attachments/{sha256}")
        if not isinstance(answer, dict) or not isinstance(answer.get("chunk_hashes"), list):
            raise BadAnswer("attachment status without chunk hashes")
        return answer

    def get_chunk(self, sha256: str, n: int) -> bytes:
        """Chunk `n` of content this user may read (not gzip: photos do not shrink)."""
        data: bytes = self._request("GET", f"/attachments/{sha256}/chunks/{int(n)}", binary=True)
        return data

    # -- HTTP -------------------------------------------------------------------

    def _request(self, method: str, path: str, body: Any = None, *, retry: bool = True,
                 raw_body: bytes | None = None, extra: dict[str, str] | None = None,
                 binary: bool = False, json_text: str | None = None) -> Any:
        headers = {protocol.HEADER: str(protocol.PROTOCOL_VERSION), "Accept": "application/json",
                   "Accept-Encoding": "identity" if binary else ACCEPT_ENCODING, **(extra or {})}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        raw = b""
        if raw_body is not None:
            data = raw = raw_body
        elif body is not None or json_text is not None:
            raw = (json_text if json_text is not None
                   else json.dumps(body, ensure_ascii=False, separators=(",", ":"))).encode()
            data = gzip.compress(raw, 6)
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        attempts = self.retries + 1 if retry else 1
        for attempt in range(attempts):
            try:
                response = self.session.request(method, _endpoint(self.server_url, path), data=data,
                                                headers=headers, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
            except requests.exceptions.SSLError as exc:
                raise SyncFailure("tls", type(exc).__name__) from exc
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:
                # The connection died on the way there or back: the server may or may not have
                # applied a push; repeating it is safe (change ids make it idempotent).
                if attempt + 1 < attempts:
                    self._backoff(attempt)
                    continue
                raise SyncFailure("offline", type(exc).__name__) from exc
            except requests.RequestException as exc:
                raise SyncFailure("offline", type(exc).__name__) from exc
            self.bytes_sent += len(data or b"")
            self.raw_sent += len(raw)
            answer = answer_body(response) if not binary else response.content
            self.raw_received += len(answer)
            self.bytes_received += int(response.headers.get("Content-Length") or len(response.content))
            if response.status_code >= 500 and response.status_code != 507 and attempt + 1 < attempts:
                self._backoff(attempt)
                continue
            if binary and response.ok:
                return response.content
            return self._answer(response, answer)
        raise SyncFailure("offline")  # not reached

    def _backoff(self, attempt: int) -> None:
        delay = min(BACKOFF_MAX, BACKOFF_BASE * (2**attempt))
        self._sleep(delay * random.uniform(0.5, 1.0))

    @staticmethod
    def _answer(response: requests.Response, body: bytes | None = None) -> Any:
        try:
            decoded = json.loads(answer_body(response) if body is None else body)
        except ValueError:
            decoded = None
        if response.ok:
            if decoded is None:
                raise BadAnswer(f"HTTP {response.status_code} without JSON")
            return decoded
        code = decoded.get("code") if isinstance(decoded, dict) else None
        if code == "device_revoked":
            raise DeviceRevoked()
        if code == "cursor_expired" or response.status_code == 410:
            raise CursorExpired()
        if code == "storage_full":
            raise SyncFailure(code, str(decoded.get("detail", ""))[:300])
        if response.status_code >= 500:
            raise SyncFailure("server_error", f"HTTP {response.status_code}")
        if code in ("unauthorized", "forbidden", "account_disabled", "code_used", "code_expired",
                    "protocol_too_old", "rate_limited", "payload_too_large",
                    "invalid_payload", "hash_mismatch", "attachment_missing", "not_found"):
            raise SyncFailure(code, str(decoded.get("detail", ""))[:300])
        if response.status_code in (401, 403):
            raise SyncFailure("unauthorized", f"HTTP {response.status_code}")
        raise BadAnswer(f"HTTP {response.status_code} {code or ''}".strip())


_MESSAGES = {
    "offline": QT_TRANSLATE_NOOP("SyncFailure", "The server cannot be reached. Everything is saved on this laptop and will be sent when the connection returns."),
    "server_error": QT_TRANSLATE_NOOP("SyncFailure", "The server had a problem and could not take the changes. They are kept on this laptop; FieldApp will try again."),
    "bad_answer": QT_TRANSLATE_NOOP("SyncFailure", "The server answered something FieldApp does not understand. Check the server address, or tell IT. Nothing was lost."),
    "bad_address": QT_TRANSLATE_NOOP("SyncFailure", "The server address must start with https:// (or http:// on this computer only)."),
    "insecure_address": QT_TRANSLATE_NOOP("SyncFailure", "This server address uses plain http://, so passwords and records would cross the network unencrypted. Use the server's address that starts with https://. Plain http:// is only for a server on this computer."),
    "tls": QT_TRANSLATE_NOOP("SyncFailure", "The server's certificate cannot be trusted. Tell IT: the connection was stopped to keep the records safe."),
    "unauthorized": QT_TRANSLATE_NOOP("SyncFailure", "The server did not accept this laptop's sign-in. Ask IT to enrol the laptop again; nothing was lost."),
    "forbidden": QT_TRANSLATE_NOOP("SyncFailure", "The server refused: your account may not do this."),
    "account_disabled": QT_TRANSLATE_NOOP("SyncFailure", "This account is disabled: ask IT. Everything recorded stays on this laptop."),
    "code_used": QT_TRANSLATE_NOOP("SyncFailure", "This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one."),
    "code_expired": QT_TRANSLATE_NOOP("SyncFailure", "This enrolment code has expired. Ask IT for a new one."),
    "protocol_too_old": QT_TRANSLATE_NOOP("SyncFailure", "This version of FieldApp is too old for the server. Ask IT to update FieldApp; your records are safe on this laptop."),
    "rate_limited": QT_TRANSLATE_NOOP("SyncFailure", "Too many attempts. Wait a few minutes, then try again."),
    "invalid_payload": QT_TRANSLATE_NOOP("SyncFailure", "The server refused the request as malformed. Tell IT; nothing was lost."),
    "payload_too_large": QT_TRANSLATE_NOOP("SyncFailure", "The server refused a batch as too large. Tell IT; nothing was lost."),
    "device_revoked": QT_TRANSLATE_NOOP("SyncFailure", "This laptop was revoked by the organisation, so its records were removed from it."),
    "cursor_expired": QT_TRANSLATE_NOOP("SyncFailure", "FieldApp must fetch your caseload again; this happens by itself."),
    "not_enrolled": QT_TRANSLATE_NOOP("SyncFailure", "This laptop is not connected to the organisation's server yet."),
    "demo_profile": QT_TRANSLATE_NOOP("SyncFailure", "A demo profile never syncs. Create a new profile to connect to the server."),
    "storage_full": QT_TRANSLATE_NOOP("SyncFailure", "The server has no room for an attachment. It stays on this laptop and is sent when IT makes room."),
    "hash_mismatch": QT_TRANSLATE_NOOP("SyncFailure", "Part of an attachment was damaged on the way and was not kept. FieldApp sends it again."),
    "attachment_missing": QT_TRANSLATE_NOOP("SyncFailure", "This attachment has not reached the server yet from the laptop that made it. Try again later."),
    "not_found": QT_TRANSLATE_NOOP("SyncFailure", "This attachment is not on the server, or it is not yours to open."),
    "code_typo": QT_TRANSLATE_NOOP("SyncFailure", "This enrolment code has a typo: check it character by character."),
}


def failure_message(failure: SyncFailure) -> Message:
    """The sentence to show for a failed round."""
    return Message.of(_MESSAGES.get(failure.code, _MESSAGES["bad_answer"]))
