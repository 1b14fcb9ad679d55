"""The push's wire form made from the stored JSON (issue 19, item 2: encode once): each change is
the protocol's Change.to_json of its outbox entry, for a creation, an edit with its base values,
a deletion and text in Cyrillic with quotes; read in order after a given seq."""

from __future__ import annotations

import json

from factories import household, seeded, visit

from fieldapp.store import outbox
from fieldapp.store.database import Store
from fieldapp.sync.engine import change_of


def test_the_wire_form_is_the_protocol_form_of_each_entry_in_order(store: Store) -> None:
    seeded(41)
    hid = store.write(lambda tx: tx.create("households", household(family_name='Коваль "Старший"'))["id"])
    vid = store.write(lambda tx: tx.create("visits", visit(hid, notes="нотатка з \\ і \"лапками\"\nрядок"))["id"])
    store.write(lambda tx: tx.update("visits", vid, {"duration_min": 45, "notes": "інша"}))
    store.write(lambda tx: tx.delete("visits", vid))
    entries = store.outbox()
    assert len(entries) == 4
    sent = outbox.outgoing(store.read(), 10)
    assert [o.seq for o in sent] == [e.seq for e in entries]
    for wire, entry in zip(sent, entries, strict=True):
        assert json.loads(wire.wire) == change_of(entry)
        assert (wire.change_id, wire.collection, wire.record_id) == (entry.change_id, entry.collection, entry.record_id)
    later = outbox.outgoing(store.read(), 2, after=entries[1].seq)
    assert [o.seq for o in later] == [entries[2].seq, entries[3].seq]
    assert store.outbox(after=entries[2].seq) == [entries[3]]
