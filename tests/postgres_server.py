"""A throwaway PostgreSQL server for the tests, or the one in TRYGGHETSBOT_TEST_DATABASE_URL.

Without the variable, :func:`start_server` runs ``initdb`` into a temporary
folder and ``pg_ctl start`` on a free port on 127.0.0.1 (as the unprivileged
``postgres`` user when the tests run as root: initdb refuses root), and
:meth:`PostgresServer.stop` stops it and removes the folder. Each test gets a
fresh database copied from a migrated template (:meth:`PostgresServer.create_database`).
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from store.postgres.db import connect
from store.postgres.migrations import upgrade

URL_VARIABLE = "TRYGGHETSBOT_TEST_DATABASE_URL"
NO_SYNC = ("--no-locale", "--no-sync")


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started or reached; the message says why."""


def find_bin_dir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(on_path)
    if not candidates:
        raise ServerUnavailable("no initdb found (install the postgresql server package)")
    return Path(candidates[0]).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def url_with_db(url: str, dbname: str) -> str:
    info = conninfo_to_dict(url)
    info["dbname"] = dbname
    return make_conninfo(**{k: str(v) for k, v in info.items() if v is not None})


def to_url(conninfo: str) -> str:
    """A ``postgresql://`` URL (the store and settings take URLs) for a key=value conninfo."""
    info = conninfo_to_dict(conninfo)
    user = info.get("user", "postgres")
    password = f":{info['password']}" if info.get("password") else ""
    return f"postgresql://{user}{password}@{info.get('host', '127.0.0.1')}:{info.get('port', 5432)}/{info['dbname']}"


@dataclass
class PostgresServer:
    admin_url: str
    data_dir: Path | None = None
    bin_dir: Path | None = None
    run_as: str | None = None
    template: str | None = None
    created: list[str] = field(default_factory=list)
    # The server's own options (port, socket folder, fsync), to start it again after halt().
    options: str = ""

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.admin_url, autocommit=True)

    def prepare_template(self) -> None:
        name = f"trygghetsbot_template_{uuid.uuid4().hex[:10]}"
        with self.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.template = name

        async def migrate() -> None:
            conn = await connect(to_url(url_with_db(self.admin_url, name)))
            try:
                await upgrade(conn)
            finally:
                await conn.close()

        # In a thread of its own: the fixture may be set up while a test's event loop runs.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, migrate()).result()

    def create_database(self, *, migrated: bool = True) -> str:
        """A fresh database (migrated, or empty), as a postgresql:// URL."""
        name = f"trygghetsbot_test_{uuid.uuid4().hex[:12]}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if migrated:
            assert self.template is not None
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(self.template))
        with self.admin() as conn:
            conn.execute(statement)
        self.created.append(name)
        return to_url(url_with_db(self.admin_url, name))

    def drop_database(self, url: str) -> None:
        name = conninfo_to_dict(url)["dbname"]
        with self.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(str(name))))
        if name in self.created:
            self.created.remove(str(name))

    def halt(self) -> None:
        """Stop the server as a restart or a fail-over does (its clients lose their connections);
        :meth:`resume` starts it again on the same port and data. Only a server this module started."""
        assert self.data_dir is not None and self.bin_dir is not None, "not a server these tests started"
        pg_ctl = str(self.bin_dir / "pg_ctl")
        stopped = _run(self.run_as, [pg_ctl, "-D", str(self.data_dir / "data"), "-m", "fast", "-w", "stop"])
        assert stopped.returncode == 0, stopped.stderr

    def resume(self) -> None:
        assert self.data_dir is not None and self.bin_dir is not None, "not a server these tests started"
        started = _pg_start(self.run_as, self.bin_dir, self.data_dir, self.options)
        assert started.returncode == 0, started.stderr

    def stop(self) -> None:
        for name in list(self.created) + ([self.template] if self.template else []):
            try:
                with self.admin() as conn:
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            except psycopg.Error:
                pass
        self.created.clear()
        if self.data_dir is None or self.bin_dir is None:
            return
        pg_ctl = str(self.bin_dir / "pg_ctl")
        _run(self.run_as, [pg_ctl, "-D", str(self.data_dir / "data"), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _run(user: str | None, command: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def _pg_start(run_as: str | None, bin_dir: Path, base: Path, options: str) -> subprocess.CompletedProcess[str]:
    command = [str(bin_dir / "pg_ctl"), "-D", str(base / "data"), "-l", str(base / "server.log"), "-w", "-t", "60"]
    return _run(run_as, [*command, "-o", options, "start"])


def start_server(*, durable: bool = False, own: bool = False) -> PostgresServer:
    """The server to test against; raises :class:`ServerUnavailable` with the reason.

    ``durable``: keep fsync on (benchmarks compare it with TinyDB, which fsyncs every write);
    tests run faster without it. ``own``: always a throwaway server of its own (a test that
    stops and starts it), never the one in the variable.
    """
    given = "" if own else os.environ.get(URL_VARIABLE, "").strip()
    if given:
        server = PostgresServer(admin_url=given)
        try:
            server.admin().close()
        except psycopg.Error as error:
            raise ServerUnavailable(f"{URL_VARIABLE}: cannot connect: {error}") from None
        server.prepare_template()
        return server

    bin_dir = find_bin_dir()
    run_as: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise ServerUnavailable("running as root and there is no 'postgres' user for initdb") from None
        run_as = "postgres"
    base = Path(tempfile.mkdtemp(prefix="trygghetsbot-pg-"))
    if run_as is not None:
        shutil.chown(base, user=run_as)
    port = free_port()
    init = _run(
        run_as,
        [str(bin_dir / "initdb"), "-D", str(base / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", *NO_SYNC],
    )
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=300"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    started = _pg_start(run_as, bin_dir, base, options)
    if started.returncode != 0:
        log = (base / "server.log").read_text("utf-8", "replace")[-2000:] if (base / "server.log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise ServerUnavailable(f"pg_ctl start failed: {started.stderr.strip()} {log}")
    server = PostgresServer(
        admin_url=f"host=127.0.0.1 port={port} user=postgres dbname=postgres",
        data_dir=base,
        bin_dir=bin_dir,
        run_as=run_as,
        options=options,
    )
    try:
        server.prepare_template()
    except BaseException:
        server.stop()
        raise
    return server
