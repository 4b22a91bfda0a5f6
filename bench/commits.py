"""SQLite's single-row commit rate at synchronous=FULL in WAL, the pragmas AcubackStore sets, on a
file in a given folder (so on the bench database's disk). A booking is one such commit plus the
server's work, so this rate is the most a server that commits each booking alone could book; the
HTTP section of bench/run.py and the peer section of bench/peer.py both print it.
"""
import sqlite3
import time
from pathlib import Path

import load


def sqlite_full_commits(folder: Path, seconds: float = 10) -> load.Result:
    """Single-row transactions, one after another on one connection, as Acuback opens SQLite."""
    path = folder / "commit-probe.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    assert db.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    latencies = []
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        start = time.perf_counter()
        db.execute("BEGIN")
        db.execute("INSERT INTO rows (body) VALUES (?)", ("x" * 200,))
        db.execute("COMMIT")
        latencies.append((time.perf_counter() - start) * 1000)
    wall = time.perf_counter() - began
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return load.Result(len(latencies), wall, sorted(latencies), load.Counter(committed=len(latencies)))
