"""The store suite runs twice: on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import itertools

import psycopg
import pytest

from tests.postgres import postgres_server

_databases = itertools.count()


@pytest.fixture(scope="session")
def postgres_url():
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database of its own for each test."""
    if request.param == "sqlite":
        return str(tmp_path / "bilan.db")
    server = request.getfixturevalue("postgres_url")
    name = f"test_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name
