"""`acuback backup` while the server runs, and `acuback restore`, as a round trip."""
import subprocess

from conftest import DEMO, ON_POSTGRES, POSTGRES_URL, signed_in, start_server

pytestmark = ON_POSTGRES  # one test backs up the shared test PostgreSQL


def run(acuback, *args, timeout=120):
    return subprocess.run([str(acuback), *args], capture_output=True, text=True, timeout=timeout)


def new_patient(session, url, name):
    answer = session.post(url + "/api/v1/patients", json={"givenName": name, "familyName": "Backup", "birthDate": "1970-01-01"}, timeout=10)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def test_a_backup_taken_while_serving_restores_to_the_moment_it_was_taken(acuback, tmp_path):
    live = tmp_path / "live.sqlite"
    backup = tmp_path / "backup.sqlite"
    server = start_server(acuback, f"sqlite://{live}", "--demo", cwd=tmp_path)
    try:
        reception = signed_in(server.url, DEMO["reception"])
        before = new_patient(reception, server.url, "Before")
        taken = run(acuback, "backup", "--to", str(backup), "--database-url", f"sqlite://{live}")
        assert taken.returncode == 0, taken.stderr
        assert "Backed up to" in taken.stdout
        after = new_patient(reception, server.url, "After")
        again = run(acuback, "backup", "--to", str(backup), "--database-url", f"sqlite://{live}")
        assert again.returncode != 0 and "already exists" in again.stderr
    finally:
        assert server.stop() == 0

    restored = tmp_path / "restored.sqlite"
    result = run(acuback, "restore", "--from", str(backup), "--database-url", f"sqlite://{restored}")
    assert result.returncode == 0, result.stderr
    verify = run(acuback, "audit", "verify", "--database-url", f"sqlite://{restored}")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    server = start_server(acuback, f"sqlite://{restored}", cwd=tmp_path)
    try:
        admin = signed_in(server.url, DEMO["admin"])
        assert admin.get(f"{server.url}/api/v1/patients/{before}", timeout=10).status_code == 200
        assert admin.get(f"{server.url}/api/v1/patients/{after}", timeout=10).status_code == 404, "written after the backup"
    finally:
        assert server.stop() == 0

    # Restoring over the live file keeps the old one beside it.
    over = run(acuback, "restore", "--from", str(backup), "--database-url", f"sqlite://{live}")
    assert over.returncode == 0, over.stderr
    assert (tmp_path / "live.sqlite.before-restore").exists()


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(acuback, tmp_path):
    target = tmp_path / "target.sqlite"
    target.write_bytes(b"")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database")
    refused = run(acuback, "restore", "--from", str(junk), "--database-url", f"sqlite://{target}")
    assert refused.returncode != 0
    assert target.read_bytes() == b"" and not (tmp_path / "target.sqlite.restoring").exists()
    missing = run(acuback, "restore", "--from", str(tmp_path / "none.sqlite"), "--database-url", f"sqlite://{target}")
    assert missing.returncode != 0 and "does not exist" in missing.stderr
    if POSTGRES_URL:
        pg = run(acuback, "backup", "--to", str(tmp_path / "pg.sqlite"), "--database-url", POSTGRES_URL)
        assert pg.returncode != 0 and "pg_dump" in pg.stderr
