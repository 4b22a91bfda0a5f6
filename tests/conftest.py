"""Shared fixtures: the built `acuback` binary and servers started from it on free ports."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / ".build" / "test-artifacts"
SERVING = re.compile(r"Acuback is serving at (http://\S+?)/? ")


def acuback_binary() -> Path:
    path = os.environ.get("ACUBACK_BIN")
    if path:
        return Path(path)
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip()) / "acuback"


@pytest.fixture(scope="session")
def acuback() -> Path:
    binary = acuback_binary()
    assert binary.exists(), f"{binary} is missing: run `swift build` first (make test does)"
    return binary


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class RunningServer:
    process: subprocess.Popen
    url: str
    database_url: str
    lines: list[str] = field(default_factory=list)
    backend: str = "sqlite"

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def start_server(binary: Path, database_url: str, *args: str, cwd: Path | None = None, timeout: float = 90) -> RunningServer:
    """Starts `acuback serve` on a free port and waits until it logs the URL it serves."""
    process = subprocess.Popen(
        [str(binary), "serve", "--port", "0", "--database-url", database_url, *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd,
    )
    server = RunningServer(process=process, url="", database_url=database_url)
    found = threading.Event()

    def pump() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            server.lines.append(line)
            match = SERVING.search(line)
            if match and not found.is_set():
                server.url = match.group(1).rstrip("/")
                found.set()
        found.set()

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not found.wait(0.1):
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"acuback did not start within {timeout}s:\n{server.output}")
    if not server.url:
        raise AssertionError(f"acuback exited with {process.wait()} before serving:\n{server.output}")
    return server


DEMO_PASSWORD = "acuback-demo"
DEMO = {
    "admin": "admin@demo.acuback.example",
    "reception": "reception@demo.acuback.example",
    "practitioner": "mei.chen@demo.acuback.example",
    "patient": "margaret.hughes@demo.acuback.example",
}
CSRF_FIELD = re.compile(r'name="_csrf" value="([^"]+)"')


def csrf_token(session, url: str) -> str:
    """Loads a page and returns the CSRF token its forms carry."""
    page = session.get(url, timeout=10)
    match = CSRF_FIELD.search(page.text)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def signed_in(base_url: str, email: str, password: str = DEMO_PASSWORD):
    """A requests session signed in through the login form, as a browser would be."""
    import requests

    session = requests.Session()
    token = csrf_token(session, base_url + "/login")
    response = session.post(base_url + "/login", data={"_csrf": token, "email": email, "password": password},
                            allow_redirects=False, timeout=10)
    assert response.status_code == 303, response.text[:500]
    return session


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite://{tmp_path / 'acuback.sqlite'}"


@pytest.fixture(scope="session")
def demo_template(acuback: Path, tmp_path_factory) -> Path:
    """The demo clinic loaded once per run (`acuback demo`, through the product's use cases, takes
    some seconds); each demo server starts from a copy of it."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    result = subprocess.run([str(acuback), "demo", "--database-url", f"sqlite://{path}"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def demo_sqlite_url(demo_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo database, for one test."""
    import shutil

    target = tmp_path / "acuback.sqlite"
    for suffix in ("", "-wal", "-shm", ".audit-key"):
        source = demo_template.with_name(demo_template.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return f"sqlite://{target}"


@pytest.fixture
def demo_server(acuback: Path, demo_sqlite_url: str, tmp_path: Path):
    server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
    yield server
    assert server.stop() == 0, server.output


POSTGRES_URL = os.environ.get("ACUBACK_TEST_POSTGRES_URL")
if POSTGRES_URL and not os.environ.get("ACUBACK_AUDIT_KEY_FILE"):
    # PostgreSQL has no file to keep the audit key beside: every process of the run shares one,
    # as the instances of a clinic's deployment would.
    import tempfile

    os.environ["ACUBACK_AUDIT_KEY_FILE"] = os.path.join(tempfile.mkdtemp(prefix="acuback-audit-"), "audit.key")
# The test PostgreSQL is one database that the tests using it empty and fill again (and one test
# restarts it): they carry the `postgres` mark and run one after another in their own pytest
# process, beside the one running everything else (tests/run-suites).
ON_POSTGRES = pytest.mark.postgres
BACKENDS = ["sqlite"] + ([pytest.param("postgres", marks=ON_POSTGRES)] if POSTGRES_URL else [])


def reset_postgres(binary: Path) -> None:
    """Empties the test PostgreSQL database by reverting every migration."""
    result = subprocess.run([str(binary), "migrate", "--revert", "--all", "--database-url", POSTGRES_URL],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.fixture(params=BACKENDS)
def demo_server_on_each_database(request, acuback: Path, demo_sqlite_url: str, tmp_path: Path):
    """The demo clinic served from SQLite, and from PostgreSQL when the run has one."""
    if request.param == "postgres":
        reset_postgres(acuback)
        server = start_server(acuback, POSTGRES_URL, "--demo", cwd=tmp_path)
    else:
        server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
    server.backend = request.param
    yield server
    assert server.stop() == 0, server.output
    if request.param == "postgres":
        reset_postgres(acuback)

