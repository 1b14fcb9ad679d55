"""The KATOTTH codifier: loading it, and type-ahead search as a person types."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time

from benchmarks.runner import Bench, scenario
from casework import codifier

# Six-letter prefixes of real names, typed one letter at a time: common starts
# (many matches on the first keystrokes) and rarer ones.
# "Mикола" opens with a Latin M, as a mixed keyboard layout types it.
WORDS = (
    "Козяти",
    "Вільне",
    "Новоол",
    "Олекса",
    "Збур’ї",
    "Mикола",
    "Старий",
    "Іванів",
    "Чернів",
    "Петрів",
    "Шостки",
    "Київсь",
)
# A hromada, a raion and an oblast to search within (a settlement picker's case).
WITHIN = ("UA59040110000026694", "UA59040000000045652", "UA59000000000057109")
ROUNDS = 5


@scenario(
    "codifier.load", "Codifier: cold load of resources/codifier (fresh process, and in-process)"
)
def load(bench: Bench) -> None:
    path = codifier.data_path()
    bench.record("file size", path.stat().st_size / 1024, "KiB")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        bench.record("units", json.loads(handle.readline()[1:])["units"], "units")
    script = (
        "import time; t = time.perf_counter();"
        "from casework import codifier; codifier.load();"
        "print((time.perf_counter() - t) * 1000)"
    )
    for _ in range(5):
        # A fresh interpreter: the import and the load as the program meets them.
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        bench.add("import + load, new process", float(out.stdout), "ms")
    for _ in range(10):
        codifier._codifier.cache_clear()
        codifier._descendants.cache_clear()
        with bench.measure("load, in process"):
            codifier.load()


@scenario("codifier.keystroke", "Codifier: search time per keystroke, typing 6-letter prefixes")
def keystroke(bench: Bench) -> None:
    codifier.load()
    for within in WITHIN:  # the first search within a unit builds its set once
        codifier.search("а", within=within)
    for _ in range(ROUNDS):
        for word in WORDS:
            for n in range(1, len(word) + 1):
                typed = word[:n]
                start = time.perf_counter()
                codifier.search(typed)
                bench.add("whole country", (time.perf_counter() - start) * 1000, "ms")
                start = time.perf_counter()
                codifier.search(typed, level=4, categories="KMTXC")
                bench.add("settlements, whole country", (time.perf_counter() - start) * 1000, "ms")
                for within, label in zip(WITHIN, ("hromada", "raion", "oblast"), strict=True):
                    start = time.perf_counter()
                    codifier.search(typed, within=within, level=4)
                    bench.add(f"within a {label}", (time.perf_counter() - start) * 1000, "ms")
