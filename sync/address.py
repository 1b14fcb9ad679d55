"""Which server addresses the laptop may talk to: https:// anywhere, plain http:// only to itself.

Over plain http a password, a device token and every record would cross the network
readable by anyone on the way, so http is allowed only when the server is this
computer: 127.0.0.0/8, ::1 or the name localhost. One rule, used wherever an address
is accepted (IT's fieldapp.toml, enrolment) and by the transport on every request.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from sync.errors import SyncFailure


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an IP literal, without brackets) is this computer."""
    host = host.strip().rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    # An IPv4-mapped address (::ffff:127.0.0.1) is not taken as loopback: Python 3.13 calls it
    # loopback, 3.11 does not, and the rule must not change with the Python of the laptop.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return False
    return ip.is_loopback


def refusal(url: str) -> str | None:
    """Why `url` may not be used: "bad_address" (not http(s) with a host), "insecure_address"
    (plain http to another computer); None when it may."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        _ = parts.port  # a malformed port raises here
    except ValueError:
        return "bad_address"
    if parts.scheme not in ("https", "http") or not host:
        return "bad_address"
    if parts.scheme == "http" and not is_loopback(host):
        return "insecure_address"
    return None


def require(url: str) -> str:
    """`url` itself when it may be used; SyncFailure("bad_address" or "insecure_address") when not."""
    code = refusal(url)
    if code is not None:
        raise SyncFailure(code, "plain http is only for this computer" if code == "insecure_address"
                          else "not an http(s) address with a host")
    return url
