"""The HTTP face of the server (FastAPI): `create_app` assembles the routes
(`sync.server.routes`), their dependencies (`sync.server.deps`), the error
answers (`sync.server.problems`) and the OpenAPI schema (`sync.server.openapi`).

Bodies are read and parsed by hand, not by FastAPI's models, so that every
bad input gets a problem+json answer with a stable code and a sentence (and
a size limit that holds before the body is in memory). The work itself is in
`push`, `pull`, `enrolment` and `households`, which know nothing of HTTP.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time

import sqlalchemy as sa
from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from sync import protocol as p
from sync.server import openapi, problems, security
from sync.server.db import make_engine, meta
from sync.server.deps import protocol_version
from sync.server.households import retire_closed
from sync.server.logs import setup_logging
from sync.server.routes import attachments, enrol, health, me, parcels, reports, sync, team
from sync.server.settings import Hooks, Settings

__all__ = ["Hooks", "Settings", "create_app", "create_app_from_env"]

log = logging.getLogger("fieldapp.server")

GZIP_LEVEL = 6


def create_app(settings: Settings, *, passwords: security.Passwords = security.ARGON2,
               hooks: Hooks | None = None) -> FastAPI:
    """The server's app over `settings.database_url` (migrated already).

    `passwords` checks enrolment passwords (a test suite passes a cheap one);
    `hooks` are moments a test acts at (none in production).
    """
    setup_logging()
    engine = make_engine(settings.database_url)
    # The schema and its pages are off unless IT asks (`serve --api-docs`): they list every
    # endpoint and parameter for whoever finds the server.
    docs = settings.api_docs
    app = FastAPI(title="FieldApp server", version=str(p.PROTOCOL_VERSION),
                  description="Sync protocol version 1: see docs/server.md.",
                  openapi_url="/openapi.json" if docs else None,
                  docs_url="/docs" if docs else None, redoc_url=None)
    app.state.engine = engine
    app.state.settings = settings
    app.state.passwords = passwords
    app.state.trusted_proxies = security.parse_networks(settings.trusted_proxies)
    app.state.hooks = hooks or Hooks()
    with engine.connect() as conn:
        app.state.server_id = conn.execute(sa.select(meta.c.value)
                                           .where(meta.c.key == "server_id")).scalar_one()
    # Level 6, not Starlette's 9: a third of the time for 0.5 % more bytes (docs/server.md).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=GZIP_LEVEL)
    problems.install(app)
    app.include_router(health.router)
    api = [Depends(protocol_version)]
    for module in (enrol, me, sync, team, reports, parcels, attachments):
        app.include_router(module.router, dependencies=api)
    openapi.install(app)
    if settings.retention_days is not None:
        _start_retention(engine, settings.retention_days)
    return app


def _start_retention(engine: sa.Engine, days: int, every_s: float = 3600.0) -> None:
    """Retire closed households in the background (idempotent: several workers may all do it)."""
    def loop() -> None:
        while True:
            try:
                retire_closed(engine, days)
            except Exception as exc:  # noqa: BLE001 - logged, tried again next hour
                log.error("retention failed", extra={"fields": {"error": type(exc).__name__}})
            time.sleep(every_s)

    threading.Thread(target=loop, name="fieldapp-retention", daemon=True).start()


def create_app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` and for worker processes: settings from the environment."""
    from casework import codifier
    from sync.server.db import url_from_env

    # Loaded before the worker answers: else the first push it takes waits ~0.1 s for it.
    codifier.load()
    days = os.environ.get("FIELDAPP_RETENTION_DAYS")
    threshold = os.environ.get("FIELDAPP_REPORT_THRESHOLD")  # `serve --report-threshold`
    proxies = tuple(p for p in os.environ.get("FIELDAPP_TRUSTED_PROXIES", "").split(",") if p)
    app = create_app(Settings(database_url=url_from_env(),
                              retention_days=int(days) if days else None,
                              trusted_proxies=proxies,
                              api_docs=bool(os.environ.get("FIELDAPP_API_DOCS")),
                              report_language=os.environ.get("FIELDAPP_REPORT_LANGUAGE") or "en",
                              report_threshold=int(threshold) if threshold else Settings.report_threshold))
    # What the worker has made so far (the codifier's places, the app, the tables) lives as long
    # as it does: frozen, the collector's full passes skip it. They were ~9 % of a push's CPU
    # (0.15 s of GC per 10,000 changes; 0.04 s frozen: docs/server.md, "Performance").
    gc.freeze()
    return app
