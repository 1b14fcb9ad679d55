"""The server's garbage collection meets real laptops: content uploaded by a laptop that then went
offline before pushing its record is collected after the grace period, and the laptop, back, sends it
again before the record, so the second laptop gets it whole; a removed attachment's content goes."""

from __future__ import annotations

import hashlib
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from factories import household, person
from kit import FAST_KDF, PASSPHRASE, quick_transport

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store import attachments as content  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.sync import attachments as transfer  # noqa: E402
from fieldapp.sync.device import enrol, sync_once  # noqa: E402
from sync.server.attachments import GC_DAYS, collect_garbage  # noqa: E402

LATER = datetime.now(UTC) + timedelta(days=GC_DAYS + 1)


def laptop(tmp_path: Path, name: str, base: str) -> Store:
    store = Store.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, base, "anna", PASSWORD)
    return store


def test_content_collected_before_its_record_arrived_is_sent_again(live_server, tmp_path):
    anna = laptop(tmp_path, "anna", live_server.base)
    h = anna.write(lambda tx: tx.create("households", household()))
    p = anna.write(lambda tx: tx.create("persons", person(h["id"])))
    data = b"\xff\xd8\xff" + random.Random(1).randbytes(1_500_000)
    sha = hashlib.sha256(data).hexdigest()
    anna.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="persons", record_id=p["id"],
                                         data=data, media_type="image/jpeg", doc_type="other"))
    # The content goes up, then the connection is lost before the push (the records wait).
    link = quick_transport(live_server.base, anna.meta("device_token"))
    transfer.upload_all(anna, link, transfer.ContentReport())
    assert content.blob(anna.read(), sha).state == content.STORED
    assert collect_garbage(live_server.engine, now=LATER).removed == 1  # no record pointed at it for a month
    report = sync_once(anna, transport=quick_transport)
    assert report.content.uploaded == 1 and report.content.chunks_sent == 2 and report.pushed >= 3
    second = laptop(tmp_path, "anna-2", live_server.base)
    sync_once(second, transport=quick_transport)
    assert content.read_content(second.read(), sha) == data
    # Once the record is on the server, the laptop no longer asks about its content.
    assert content.to_upload(anna.read()) == []
    # Removed on a laptop, the attachment's content leaves the server after the grace period.
    [a] = anna.records("attachments")
    anna.write(lambda tx: tx.delete("attachments", a["id"]))
    sync_once(anna, transport=quick_transport)
    assert collect_garbage(live_server.engine).removed == 0  # not yet
    gone = collect_garbage(live_server.engine, now=LATER)
    assert (gone.removed, gone.removed_bytes) == (1, len(data))
    sync_once(second, transport=quick_transport)
    assert content.content_bytes(second.read()) == 0 and content.content_bytes(anna.read()) == 0
    anna.close()
    second.close()
