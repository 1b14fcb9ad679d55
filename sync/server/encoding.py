"""How a pull page travels: zstd when the client accepts it and the server has `zstandard`,
else gzip (Starlette's middleware, `app.GZIP_LEVEL`), chosen by measurement (docs/server.md,
"Performance"): on a page of 1,000 records (860 KB of JSON) zstd at level 1 takes 1.7 ms and
105 KB, gzip at level 6 17.5 ms and 133 KB, and the laptop inflates zstd four times faster.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

zstandard: Any
try:  # the server extra installs it; without it every client gets gzip
    import zstandard  # type: ignore[import-not-found,import-untyped,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - depends on the installation
    zstandard = None

ZSTD_LEVEL = 1


def accepts(header: str, coding: str) -> bool:
    """Whether an Accept-Encoding header accepts `coding` (not named with q=0)."""
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() != coding:
            continue
        q = params.strip().lower()
        if q.startswith("q="):
            try:
                return float(q[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def json_response(body: bytes, accept_encoding: str, **kwargs: Any) -> Response:
    """`body` (JSON) as a response: zstd-compressed when accepted, else left to the gzip
    middleware (which skips a response that already names its Content-Encoding)."""
    if zstandard is not None and len(body) >= 1000 and accepts(accept_encoding, "zstd"):
        packed = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(body)
        return Response(packed, media_type="application/json", **kwargs,
                        headers={"Content-Encoding": "zstd", "Vary": "Accept-Encoding"})
    return Response(body, media_type="application/json", **kwargs)
