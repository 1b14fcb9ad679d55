"""IT's `attachment_prefetch_mb` (fieldapp.toml) is the budget of the real sync round: content of the
caseload is fetched ahead up to it, smallest first, and the rest comes on first open."""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest
from factories import household, person
from kit import FAST_KDF, PASSPHRASE, quick_transport

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.provisioning import Locations, load_provisioning  # noqa: E402
from fieldapp.store import attachments as content  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.sync.attachments import fetch_now, prefetch_budget  # noqa: E402
from fieldapp.sync.device import enrol, sync_once  # noqa: E402

SIZES = (700_000, 300_000, 1_500_000, 500_000)  # attached in this order, not by size


def it_file(folder: Path, text: str) -> Path:
    (folder / "FieldApp").mkdir(parents=True, exist_ok=True)
    (folder / "FieldApp" / "fieldapp.toml").write_text(text, encoding="utf-8")
    return folder


def laptop(tmp_path: Path, name: str, base: str) -> Store:
    store = Store.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, base, "anna", PASSWORD)
    return store


def files_on_the_server(live_server, tmp_path) -> list[tuple[str, bytes]]:
    anna = laptop(tmp_path, "anna", live_server.base)
    h = anna.write(lambda tx: tx.create("households", household()))
    p = anna.write(lambda tx: tx.create("persons", person(h["id"])))
    made = []
    for i, size in enumerate(SIZES):
        data = b"\xff\xd8\xff" + random.Random(i).randbytes(size - 3)
        anna.write(lambda tx, d=data: content.attach(tx, household_id=h["id"], record_collection="persons",
                                                     record_id=p["id"], data=d, media_type="image/jpeg",
                                                     doc_type="other"))
        made.append((hashlib.sha256(data).hexdigest(), data))
    sync_once(anna, transport=quick_transport, attachment_budget=0)
    assert content.to_upload(anna.read()) == []  # all four on the server
    anna.close()
    return made


def test_the_toml_budget_reaches_the_round_smallest_first_and_the_rest_on_first_open(live_server, tmp_path,
                                                                                     monkeypatch):
    made = files_on_the_server(live_server, tmp_path)
    # IT's file in the system folder, where the program looks for it (XDG_CONFIG_DIRS on Linux).
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(it_file(tmp_path / "etc", "attachment_prefetch_mb = 1\n")))
    assert prefetch_budget() == 1024 * 1024
    second = laptop(tmp_path, "anna-2", live_server.base)
    report = sync_once(second, transport=quick_transport)  # no budget given: the round reads IT's
    by_size = sorted(made, key=lambda m: len(m[1]))
    held = [content.has_content(second.read(), sha) for sha, _data in by_size]
    # 300 kB + 500 kB fit in 1 MiB; with the 700 kB file they would not: it and the 1.5 MB one wait.
    assert held == [True, True, False, False]
    assert report.content.downloaded == 2 and report.content.chunks_received == 2
    for sha, data in by_size[:2]:
        assert content.read_content(second.read(), sha) == data
    assert content.content_bytes(second.read()) == 800_000
    # Opening the largest one fetches it then (the viewer's download), whole and checked.
    sha, data = by_size[3]
    assert fetch_now(second, sha, len(data), "image/jpeg")
    assert content.read_content(second.read(), sha) == data
    assert not content.has_content(second.read(), by_size[2][0])
    second.close()


def test_a_budget_of_nothing_fetches_nothing_ahead(live_server, tmp_path, monkeypatch):
    made = files_on_the_server(live_server, tmp_path)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(it_file(tmp_path / "etc", "attachment_prefetch_mb = 0\n")))
    second = laptop(tmp_path, "anna-2", live_server.base)
    report = sync_once(second, transport=quick_transport)
    assert report.content.downloaded == 0 and content.content_bytes(second.read()) == 0
    assert len(list(second.records("attachments"))) == len(made)  # the records came; their content waits
    second.close()


@pytest.mark.parametrize(("toml", "budget"), [("", 500), ("attachment_prefetch_mb = 40\n", 40),
                                              ("attachment_prefetch_mb = -3\n", 500)])
def test_the_budget_is_its_files_value_or_the_default(tmp_path, toml, budget):
    prov = load_provisioning(Locations(system=it_file(tmp_path, toml) / "FieldApp", beside_executable=None))
    assert prefetch_budget(prov) == budget * 1024 * 1024
