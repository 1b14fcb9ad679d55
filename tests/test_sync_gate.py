"""The gate between a network worker and the close: it waits for a store step, never for the network."""

from __future__ import annotations

import threading
import time

import pytest

from fieldapp.ui.sync.gate import Cancelled, Gate


def test_close_waits_for_the_store_step_under_way():
    gate = Gate()
    in_step, finish_step, steps = threading.Event(), threading.Event(), []

    def worker():
        with gate.work():
            in_step.set()
            finish_step.wait(5)
            steps.append("committed")

    thread = threading.Thread(target=worker)
    thread.start()
    in_step.wait(5)
    threading.Timer(0.3, finish_step.set).start()
    began = time.monotonic()
    assert gate.close(timeout=5)
    assert steps == ["committed"] and time.monotonic() - began >= 0.25
    thread.join(5)


def test_close_never_waits_for_the_network_and_the_worker_stops_before_the_store():
    gate = Gate()
    waiting, answer, outcome = threading.Event(), threading.Event(), []

    def worker():
        try:
            with gate.work():
                with gate.network():
                    waiting.set()
                    answer.wait(5)  # the server takes its time
                outcome.append("touched the store")
        except Cancelled:
            outcome.append("cancelled")

    thread = threading.Thread(target=worker)
    thread.start()
    waiting.wait(5)
    began = time.monotonic()
    assert gate.close(timeout=5)
    assert time.monotonic() - began < 0.2
    answer.set()
    thread.join(5)
    assert outcome == ["cancelled"]


def test_no_work_starts_once_closed():
    gate = Gate()
    gate.close()
    with pytest.raises(Cancelled), gate.work():
        pass
