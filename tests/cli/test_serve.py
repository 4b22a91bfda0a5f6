"""`acuback serve`: start-up, the demo clinic, bad configuration and shutdown."""
import os
import signal
import socket
import sqlite3
import subprocess
import time

import pytest
import requests

from conftest import DEMO, signed_in, start_server


def read_response(conn) -> bytes:
    """Reads one whole HTTP response (headers and a Content-Length body) from a socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(4096)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    while len(body) < length:
        body += conn.recv(4096)
    return head + b"\r\n\r\n" + body


def one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {result.stderr!r}"
    return lines[0]


def serve(binary, *args, cwd=None, env=None, timeout=60):
    return subprocess.run(
        [str(binary), "serve", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_demo_serves_the_patient_page_and_is_ready(demo_server):
    assert "Demo logins" in demo_server.output
    assert "admin@demo.acuback.example" in demo_server.output
    ready = requests.get(demo_server.url + "/readyz", timeout=10)
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert requests.get(demo_server.url + "/healthz", timeout=10).json()["status"] == "ok"
    page = requests.get(demo_server.url + "/learn/back-pain", timeout=10)
    assert page.status_code == 200 and "More than 15 needles" in page.text


def test_sigterm_closes_idle_connections_and_exits_zero(acuback, sqlite_url, tmp_path):
    server = start_server(acuback, sqlite_url, cwd=tmp_path)
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        assert read_response(conn).startswith(b"HTTP/1.1 200")
        # The keep-alive connection stays open while the server shuts down.
        status = server.stop(signal.SIGTERM)
        assert conn.recv(4096) == b"", "the server closes the idle connection"
    assert status == 0, server.output
    assert "Acuback stopped" in server.output


def test_sigterm_lets_an_in_flight_request_finish(acuback, demo_sqlite_url, tmp_path):
    server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
    port = int(server.url.rsplit(":", 1)[1])
    cookie = "; ".join(f"{k}={v}" for k, v in signed_in(server.url, DEMO["practitioner"]).cookies.items())
    body = b'{"regions": ["lower"], "side": "both", "onset": "chronic"}'
    with socket.create_connection(("127.0.0.1", port), timeout=15) as conn:
        conn.sendall(
            f"POST /api/v1/plans/preview HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Cookie: {cookie}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body[:10]
        )
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None, "the server waits for the request in flight"
        conn.sendall(body[10:])
        response = b""
        while chunk := conn.recv(65536):
            response += chunk
    assert response.startswith(b"HTTP/1.1 200"), response[:200]
    assert b'"needleCount"' in response
    assert server.process.wait(timeout=30) == 0, server.output


def test_sigint_exits_zero(acuback, sqlite_url, tmp_path):
    server = start_server(acuback, sqlite_url, cwd=tmp_path)
    assert server.stop(signal.SIGINT) == 0, server.output


def test_serve_logs_the_url_and_the_database(acuback, sqlite_url, tmp_path):
    server = start_server(acuback, sqlite_url, cwd=tmp_path)
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert sqlite_url in server.output
    finally:
        assert server.stop() == 0


def test_the_sqlite_file_is_created_in_wal_mode(acuback, tmp_path):
    path = tmp_path / "clinic.sqlite"
    server = start_server(acuback, f"sqlite://{path}", cwd=tmp_path)
    try:
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        assert server.stop() == 0


def test_demo_twice_serves_the_same_demo(acuback, sqlite_url, tmp_path):
    first = start_server(acuback, sqlite_url, "--demo", cwd=tmp_path)
    assert first.stop() == 0
    second = start_server(acuback, sqlite_url, "--demo", cwd=tmp_path)
    try:
        assert "already loaded" in second.output
        path = sqlite_url.removeprefix("sqlite://")
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT count(*) FROM patients").fetchone()[0] == 8
    finally:
        assert second.stop() == 0


def test_demo_refuses_a_database_with_other_data(acuback, tmp_path):
    path = tmp_path / "real.sqlite"
    migrate = subprocess.run([str(acuback), "migrate", "--database-url", f"sqlite://{path}"], capture_output=True, text=True)
    assert migrate.returncode == 0, migrate.stderr
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO clinics (id, name, slug, time_zone) VALUES ('6f1c1c52-2f7e-4a39-a1b8-0d0c9b0a1e11', 'Real', 'real', 'UTC')"
        )
    result = serve(acuback, "--port", "0", "--demo", "--database-url", f"sqlite://{path}")
    assert result.returncode != 0
    line = one_line_error(result)
    assert "already holds clinic data" in line
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM clinics").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM patients").fetchone()[0] == 0


def test_an_unknown_scheme_is_one_clear_line(acuback, tmp_path):
    result = serve(acuback, "--database-url", "mysql://u:p@localhost/acuback", cwd=tmp_path)
    assert result.returncode != 0
    line = one_line_error(result)
    assert "unknown scheme 'mysql'" in line and "ACUBACK_DATABASE_URL" in line
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_clear_line_and_nothing_is_created(acuback, tmp_path):
    target = tmp_path / "no" / "such" / "acuback.sqlite"
    result = serve(acuback, "--database-url", f"sqlite://{target}", cwd=tmp_path)
    assert result.returncode != 0
    assert "does not exist" in one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_location_is_one_clear_line(acuback, tmp_path):
    # /proc refuses new files even for root.
    result = serve(acuback, "--database-url", "sqlite:///proc/acuback.sqlite", cwd=tmp_path)
    assert result.returncode != 0
    assert "cannot use the SQLite file /proc/acuback.sqlite" in one_line_error(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to any folder")
def test_a_read_only_folder_is_one_clear_line(acuback, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = serve(acuback, "--database-url", f"sqlite://{locked / 'a.sqlite'}", cwd=tmp_path)
    assert result.returncode != 0
    assert "is not writable" in one_line_error(result)


def test_a_port_in_use_is_one_clear_line_and_the_database_is_untouched(acuback, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        path = tmp_path / "a.sqlite"
        result = serve(acuback, "--port", str(port), "--database-url", f"sqlite://{path}", cwd=tmp_path)
    assert result.returncode != 0
    assert one_line_error(result).endswith(f"cannot listen on 127.0.0.1:{port}: the address is already in use (is another acuback running?)")
    assert not path.exists()


def test_an_unreachable_postgres_is_one_clear_line_without_the_password(acuback, tmp_path):
    result = serve(acuback, "--database-url", "postgres://clinic:hunter2@127.0.0.1:1/acuback", cwd=tmp_path)
    assert result.returncode != 0
    line = one_line_error(result)
    assert "cannot reach the database" in line and "connection refused" in line
    assert "hunter2" not in result.stdout + result.stderr


def test_a_bad_port_is_named(acuback, tmp_path):
    result = serve(acuback, "--port", "http", cwd=tmp_path)
    assert result.returncode != 0
    assert "ACUBACK_PORT (--port) 'http' is not valid" in one_line_error(result)
