"""The sign-in rate limit holds under parallel attack, cannot be dodged with forged
forwarded headers, and cannot be used by one source to lock a user out everywhere.

The password hasher is injected (a counting subclass of argon2's), so the test counts
how many passwords the server really checked, not how many answers said 401."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from argon2 import PasswordHasher
from server_kit import PASSWORD, Client, LiveServer, make_world

from sync import protocol as p
from sync.server.security import Passwords, client_address, parse_networks


class CountingHasher(PasswordHasher):
    """Argon2id, counting each verification it is asked for."""

    def __init__(self) -> None:
        # Dearer than the suite's cheapest, like a real check, so that a race has room to show.
        super().__init__(time_cost=2, memory_cost=16384, parallelism=1)
        self.verified = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002 - argon2's name
        with self._lock:
            self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def counting() -> CountingHasher:
    return CountingHasher()


def _serve(database_url: str, hasher: CountingHasher, **settings: object) -> LiveServer:
    return LiveServer(database_url, passwords=Passwords(hasher), **settings).start()


@pytest.fixture
def limited(database_url: str, counting: CountingHasher) -> Iterator[LiveServer]:
    live = _serve(database_url, counting)
    make_world(live)
    yield live
    live.stop()


def _enrol(base: str, username: str, password: str, forwarded: str | None = None) -> int:
    headers = {p.HEADER: str(p.PROTOCOL_VERSION)}
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    r = requests.post(f"{base}/api/v1/devices", headers=headers, timeout=120, json={
        "username": username, "password": password, "device_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12,
        "device_name": "attacker"})
    return r.status_code


def test_a_hundred_parallel_wrong_passwords_check_at_most_the_limit(limited: LiveServer,
                                                                    counting: CountingHasher):
    before = counting.verified
    with ThreadPoolExecutor(max_workers=100) as pool:
        codes = list(pool.map(lambda i: _enrol(limited.base, "anna", f"wrong guess {i}"), range(120)))
    checked = counting.verified - before
    limit = limited.app.state.settings.enrol_max_failures_per_user
    assert checked <= limit, f"{checked} passwords checked, the limit is {limit}"
    assert codes.count(401) == checked
    assert codes.count(429) == len(codes) - checked
    assert set(codes) == {401, 429}


def test_forged_forwarded_for_from_an_untrusted_peer_does_not_dodge_the_limit(
        limited: LiveServer, counting: CountingHasher):
    # No proxy is trusted: every request comes from 127.0.0.1, whatever it claims.
    before = counting.verified
    codes = [_enrol(limited.base, "anna", "wrong guess", forwarded=f"10.0.{i}.1") for i in range(12)]
    assert counting.verified - before == limited.app.state.settings.enrol_max_failures_per_user
    assert codes[-1] == 429


def test_a_trusted_proxy_s_forwarded_address_is_used(database_url: str, counting: CountingHasher):
    live = _serve(database_url, counting, trusted_proxies=("127.0.0.0/8",))
    try:
        make_world(live)
        per_pair = live.app.state.settings.enrol_max_failures_per_user
        attacker = [_enrol(live.base, "anna", "wrong", forwarded="203.0.113.9") for _ in range(per_pair + 2)]
        assert attacker[-1] == 429
        # The attacker prepending a fake hop gains nothing: the proxy appended the real address.
        assert _enrol(live.base, "anna", "wrong", forwarded="198.51.100.1, 203.0.113.9") == 429
        # Anna, from her own address behind the same proxy, is not locked out by the attacker.
        c = Client(live.base)
        c.session.headers["X-Forwarded-For"] = "192.0.2.44"
        assert c.enrol("anna").status_code == 201
    finally:
        live.stop()


def test_one_source_cannot_lock_a_user_out_but_many_sources_meet_the_account_budget(
        database_url: str, counting: CountingHasher):
    live = _serve(database_url, counting, trusted_proxies=("127.0.0.1",),
                  enrol_max_failures_per_account=12)
    try:
        make_world(live)
        for _ in range(8):
            _enrol(live.base, "anna", "wrong", forwarded="203.0.113.9")
        assert _enrol(live.base, "anna", PASSWORD, forwarded="192.0.2.44") == 201
        # The account's own, slower budget: sources 1..n together get at most 12 checks.
        before = counting.verified
        codes = [_enrol(live.base, "boris", "wrong", forwarded=f"198.51.100.{i}")
                 for i in range(1, 31)]
        assert counting.verified - before == 12
        assert codes.count(429) == 30 - 12
    finally:
        live.stop()


@pytest.mark.parametrize(("peer", "header", "trusted", "expected"), [
    ("127.0.0.1", ["10.1.1.1"], "", "127.0.0.1"),  # nothing trusted: the peer
    ("203.0.113.5", ["10.1.1.1"], "127.0.0.1", "203.0.113.5"),  # peer is not the proxy
    ("127.0.0.1", ["10.1.1.1"], "127.0.0.1", "10.1.1.1"),
    ("127.0.0.1", ["6.6.6.6, 10.1.1.1"], "127.0.0.1", "10.1.1.1"),  # forged first hop ignored
    ("127.0.0.1", ["6.6.6.6, 10.1.1.1, 10.9.0.2"], "127.0.0.1,10.9.0.0/16", "10.1.1.1"),
    ("127.0.0.1", ["6.6.6.6", "10.1.1.1"], "127.0.0.1", "10.1.1.1"),  # two header lines
    ("127.0.0.1", [], "127.0.0.1", "127.0.0.1"),  # the proxy itself, no header
    ("::1", ["2001:db8::7"], "::1", "2001:db8::7"),
])
def test_client_address(peer: str, header: list[str], trusted: str, expected: str):
    networks = parse_networks([t for t in trusted.split(",") if t])
    assert client_address(peer, header, networks) == expected


def test_a_wrong_proxy_setting_is_refused_in_a_sentence():
    with pytest.raises(ValueError, match="not an IP address or network"):
        parse_networks(["proxy.local"])
