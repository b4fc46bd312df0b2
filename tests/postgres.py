"""A throwaway PostgreSQL server for the store tests: initdb into a temporary folder, started
on 127.0.0.1 at a free port, stopped at the end.

As root (CI, this machine) the server runs as the `postgres` user, since PostgreSQL refuses
to run as root. Without the server binaries the tests skip, except under CI=true, where a
missing server is a failure: CI installs it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields the URL of a fresh server's `postgres` database; skips or fails without one."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI must install them (apt-get install postgresql)")
        pytest.skip(message)
    # Not under pytest's tmp_path: its folders are private to root, and the server
    # runs as `postgres`.
    root = Path(tempfile.mkdtemp(prefix="bilan-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "cwd": root}
    subprocess.run(_as_server_user([
        str(bin_dir / "initdb"), "-D", str(data), "-U", "bilan", "--auth=trust", "-E", "UTF8",
        "--no-sync",
    ]), **run)
    options = f"-h 127.0.0.1 -p {port} -k {root} -F"
    subprocess.run(_as_server_user([
        str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
        "start",
    ]), **run)
    try:
        yield f"postgresql://bilan@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        ), check=False, capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)
