"""Fixtures of the server's suite: every test runs against SQLite and PostgreSQL.

The PostgreSQL variant needs FIELDAPP_TEST_PG_URL (./test.sh starts a
throwaway cluster and sets it); without it those tests are skipped, saying so.
Each test gets a fresh database: a copy of a migrated template (a file copy on
SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))

from server_kit import LiveServer, World, make_world  # noqa: E402

from sync.server.db import make_engine, migrate  # noqa: E402
from sync.server.settings import Hooks  # noqa: E402

PG_URL = os.environ.get("FIELDAPP_TEST_PG_URL")
_counter = itertools.count()


def _pg_admin() -> sa.Engine:
    assert PG_URL
    return sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite+pysqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection to close folds the WAL into the file
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL variant: FIELDAPP_TEST_PG_URL is not set (./test.sh sets it)")
    name = f"fa_template_{os.getpid()}"
    admin_engine = _pg_admin()
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine = make_engine(_pg_url(name), pool_size=1)
    migrate(engine)
    engine.dispose()
    yield name
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
    admin_engine.dispose()


def _pg_url(database: str) -> str:
    assert PG_URL
    return sa.make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database on each backend."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "server.sqlite3"
        shutil.copy(template, path)
        yield f"sqlite+pysqlite:///{path}"
        return
    template_name: str = request.getfixturevalue("pg_template")
    name = f"fa_t_{os.getpid()}_{next(_counter)}"
    admin_engine = _pg_admin()
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template_name}")
    yield _pg_url(name)
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin_engine.dispose()


@pytest.fixture
def server_settings() -> dict[str, object]:
    """Override in a test module to start the server with other settings."""
    return {}


@pytest.fixture
def server_hooks() -> Hooks | None:
    """Override in a test module to act at the server's hook points (sync.server.settings.Hooks)."""
    return None


@pytest.fixture
def server(database_url: str, server_settings: dict[str, object],
           server_hooks: Hooks | None) -> Iterator[LiveServer]:
    live = LiveServer(database_url, hooks=server_hooks, **server_settings).start()
    yield live
    live.stop()


@pytest.fixture
def world(server: LiveServer) -> World:
    return make_world(server)
