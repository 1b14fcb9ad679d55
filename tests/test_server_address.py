"""Plain http:// only to this computer (issue 11, item 13): IT's file, enrolment and the transport
itself refuse it for any other host, with a sentence; a redirect cannot lead there either."""

from __future__ import annotations

import http.server
import threading

import pytest

from fieldapp.provisioning import Locations, load_provisioning
from fieldapp.sync.device import enrol
from sync import address
from sync.client import HttpTransport, failure_message
from sync.errors import SyncFailure

LOOPBACK = ["http://127.0.0.1:8000", "http://127.8.9.10", "http://localhost:5000", "http://LOCALHOST",
            "http://[::1]:8443", "https://fieldapp.example.org", "https://10.0.0.5"]
ELSEWHERE = ["http://fieldapp.example.org", "http://10.0.0.5:8000", "http://192.168.1.20",
             "http://[::ffff:127.0.0.1]", "http://127.0.0.1.example.org", "http://localhost.evil.org",
             "http://[2001:db8::1]"]


@pytest.mark.parametrize("url", LOOPBACK)
def test_loopback_http_and_any_https_are_allowed(url):
    assert address.refusal(url) is None
    HttpTransport(url).close()


@pytest.mark.parametrize("url", ELSEWHERE)
def test_plain_http_elsewhere_is_refused_by_the_transport_with_a_sentence(url):
    assert address.refusal(url) == "insecure_address"
    with pytest.raises(SyncFailure) as info:
        HttpTransport(url)
    assert info.value.code == "insecure_address"
    assert "plain http://" in failure_message(info.value).render()


@pytest.mark.parametrize("url", ["ftp://example.org", "fieldapp.example.org", "https://", "http://host:99999"])
def test_not_an_address(url):
    assert address.refusal(url) == "bad_address"


def test_enrolment_refuses_plain_http_before_any_transport(store):
    used = []

    def transport(url, token):  # an injected transport would otherwise be handed the address
        used.append(url)
        raise AssertionError("no transport may be made")

    with pytest.raises(SyncFailure) as info:
        enrol(store, "http://10.1.2.3:8000", "anna", "secret", transport=transport)
    assert info.value.code == "insecure_address" and used == []
    assert store.meta("server_url") is None


@pytest.mark.parametrize("url", ELSEWHERE[:3])
def test_it_file_with_plain_http_elsewhere_is_refused(tmp_path, url):
    (tmp_path / "fieldapp.toml").write_text(f'server_url = "{url}"\n', encoding="utf-8")
    prov = load_provisioning(Locations(system=tmp_path, beside_executable=None))
    assert prov.get("server_url", "") == ""
    assert [(p.key, "https://" in p.message) for p in prov.problems] == [("server_url", True)]


def test_it_file_with_loopback_http_is_taken(tmp_path):
    (tmp_path / "fieldapp.toml").write_text('server_url = "http://127.0.0.2:8000/"\n', encoding="utf-8")
    prov = load_provisioning(Locations(system=tmp_path, beside_executable=None))
    assert prov.get("server_url") == "http://127.0.0.2:8000" and not prov.problems


def test_a_redirect_to_plain_http_elsewhere_is_not_followed(tmp_path):
    """A server on this computer answers 307 to http://10.255.255.1: the transport stops there."""
    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(307)
            self.send_header("Location", "http://10.255.255.1/api/v1/me")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        link = HttpTransport(f"http://127.0.0.1:{server.server_port}", "token", retries=0)
        with pytest.raises(SyncFailure) as info:
            link.me()
        assert info.value.code == "insecure_address"
        link.close()
    finally:
        server.shutdown()
        server.server_close()
