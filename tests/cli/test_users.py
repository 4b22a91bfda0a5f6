"""`acuback user` and `acuback audit` from a terminal."""
import json
import os
import sqlite3
import stat
import subprocess


def run(binary, *args, stdin=None, cwd=None, env=None):
    return subprocess.run([str(binary), *args], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=120, env=env)


def test_the_first_admin_makes_the_clinic_and_can_sign_in(acuback, sqlite_url, tmp_path):
    made = run(acuback, "user", "create-admin", "--email", "Boss@Clinic.example", "--clinic-name", "North Clinic",
               "--time-zone", "Europe/Dublin", "--database-url", sqlite_url, stdin="a strong password\n")
    assert made.returncode == 0, made.stderr
    assert "boss@clinic.example" in made.stdout and "North Clinic" in made.stdout
    listing = json.loads(run(acuback, "user", "list", "--format", "json", "--database-url", sqlite_url).stdout)
    assert listing["total"] == 1
    assert listing["users"][0] == {**listing["users"][0], "email": "boss@clinic.example", "role": "admin", "disabled": False}
    path = sqlite_url.removeprefix("sqlite://")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name, time_zone FROM clinics").fetchall() == [("North Clinic", "Europe/Dublin")]
        password_hash = db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert password_hash.startswith("$2") and "a strong password" not in password_hash


def test_a_second_clinic_name_makes_a_new_clinic_and_joining_one_is_said(acuback, sqlite_url):
    """`--clinic-name Other` on a database that holds a clinic makes Other; it never silently grants
    the existing clinic's records to the new admin."""
    first = run(acuback, "user", "create-admin", "--email", "one@north.example", "--clinic-name", "North Clinic",
                "--database-url", sqlite_url, stdin="a strong password\n")
    assert first.returncode == 0 and "new clinic North Clinic" in first.stdout, first.stdout + first.stderr
    other = run(acuback, "user", "create-admin", "--email", "two@south.example", "--clinic-name", "South Clinic",
                "--database-url", sqlite_url, stdin="a strong password\n")
    assert other.returncode == 0 and "new clinic South Clinic" in other.stdout, other.stdout + other.stderr
    path = sqlite_url.removeprefix("sqlite://")
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT u.email, c.name FROM users u JOIN clinics c ON c.id = u.clinic_id ORDER BY u.email").fetchall()
    assert rows == [("one@north.example", "North Clinic"), ("two@south.example", "South Clinic")]
    joined = run(acuback, "user", "create-admin", "--email", "three@north.example", "--clinic-name", "North Clinic",
                 "--database-url", sqlite_url, stdin="a strong password\n")
    assert joined.returncode == 0 and "existing clinic North Clinic" in joined.stdout, joined.stdout
    unnamed = run(acuback, "user", "create-admin", "--email", "four@x.example", "--database-url", sqlite_url, stdin="a strong password\n")
    assert unnamed.returncode != 0 and "clinic-name" in unnamed.stderr and "North Clinic" in unnamed.stderr
    assert json.loads(run(acuback, "user", "list", "--format", "json", "--database-url", sqlite_url).stdout)["total"] == 3


def test_bad_input_to_create_admin_names_the_field_and_stores_nothing(acuback, sqlite_url):
    weak = run(acuback, "user", "create-admin", "--email", "a@b.example", "--database-url", sqlite_url, stdin="short\n")
    assert weak.returncode != 0 and "password: must be at least 10 characters" in weak.stderr
    bad = run(acuback, "user", "create-admin", "--email", "not-an-email", "--database-url", sqlite_url, stdin="long enough password\n")
    assert bad.returncode != 0 and "email:" in bad.stderr
    none = run(acuback, "user", "create-admin", "--email", "a@b.example", "--database-url", sqlite_url, stdin="")
    assert none.returncode != 0 and "password" in none.stderr
    assert json.loads(run(acuback, "user", "list", "--format", "json", "--database-url", sqlite_url).stdout)["total"] == 0


def test_a_disabled_user_is_listed_as_such(acuback, sqlite_url):
    run(acuback, "user", "create-admin", "--email", "one@clinic.example", "--database-url", sqlite_url, stdin="a strong password\n")
    disabled = run(acuback, "user", "disable", "--email", "one@clinic.example", "--database-url", sqlite_url)
    assert disabled.returncode == 0, disabled.stderr
    listing = json.loads(run(acuback, "user", "list", "--format", "json", "--database-url", sqlite_url).stdout)
    assert listing["users"][0]["disabled"] is True
    unknown = run(acuback, "user", "disable", "--email", "ghost@clinic.example", "--database-url", sqlite_url)
    assert unknown.returncode != 0 and "no user has the address" in unknown.stderr


def test_audit_verify_finds_a_tampered_row(acuback, sqlite_url):
    for email in ("a@clinic.example", "b@clinic.example", "c@clinic.example"):
        assert run(acuback, "user", "create-admin", "--email", email, "--database-url", sqlite_url, stdin="a strong password\n").returncode == 0
    intact = run(acuback, "audit", "verify", "--database-url", sqlite_url)
    assert intact.returncode == 0, intact.stderr
    assert "3 entries, chain intact" in intact.stdout

    path = sqlite_url.removeprefix("sqlite://")
    with sqlite3.connect(path) as db:
        try:
            db.execute("UPDATE audit_events SET client_address = 'elsewhere' WHERE sequence = 2")
            raise AssertionError("the trigger should refuse the update")
        except sqlite3.DatabaseError as error:
            assert "append-only" in str(error)
        # Someone with the file in hand can drop the triggers; the chain still tells.
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET client_address = 'elsewhere' WHERE sequence = 2")
    broken = run(acuback, "audit", "verify", "--database-url", sqlite_url, "--format", "json")
    assert broken.returncode == 2
    report = json.loads(broken.stdout)[0]
    assert report["intact"] is False and report["brokenAt"] == 2
    text = run(acuback, "audit", "verify", "--database-url", sqlite_url)
    assert "CHAIN BROKEN at entry 2" in text.stdout


def test_audit_verify_finds_a_deleted_row(acuback, sqlite_url):
    for email in ("a@clinic.example", "b@clinic.example"):
        run(acuback, "user", "create-admin", "--email", email, "--database-url", sqlite_url, stdin="a strong password\n")
    with sqlite3.connect(sqlite_url.removeprefix("sqlite://")) as db:
        db.execute("DROP TRIGGER audit_events_no_delete")
        db.execute("DELETE FROM audit_events WHERE sequence = 2")
    assert run(acuback, "audit", "verify", "--database-url", sqlite_url).returncode == 2


def test_audit_head_anchors_the_chain_and_keys_rotate_without_losing_old_entries(acuback, sqlite_url):
    """The chain is signed with a key kept beside the SQLite file (owner-only); `audit head` prints
    where it ends, and `verify --head` checks later that the chain still passes through there."""
    env = {k: v for k, v in os.environ.items() if k != "ACUBACK_AUDIT_KEY_FILE"}
    path = sqlite_url.removeprefix("sqlite://")

    def admin(email):
        made = run(acuback, "user", "create-admin", "--email", email, "--database-url", sqlite_url, stdin="a strong password\n", env=env)
        assert made.returncode == 0, made.stderr

    admin("a@clinic.example")
    admin("b@clinic.example")
    key_file = path + ".audit-key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    with sqlite3.connect(path) as db:
        key_ids = {row[0] for row in db.execute("SELECT key_id FROM audit_events")}
    assert len(key_ids) == 1 and None not in key_ids

    head = run(acuback, "audit", "head", "--database-url", sqlite_url, env=env)
    assert head.returncode == 0, head.stderr
    anchored, sequence, _ = head.stdout.strip().split(" ", 2)
    assert sequence == "2" and len(anchored) == 64

    rotated = run(acuback, "audit", "rotate-key", "--database-url", sqlite_url, env=env)
    assert rotated.returncode == 0 and "New audit key" in rotated.stdout, rotated.stderr
    admin("c@clinic.example")
    with sqlite3.connect(path) as db:
        assert len({row[0] for row in db.execute("SELECT key_id FROM audit_events")}) == 2
    checked = run(acuback, "audit", "verify", "--head", anchored, "--database-url", sqlite_url, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "3 entries, chain intact" in checked.stdout and f"still passes through {anchored}" in checked.stdout

    lost = run(acuback, "audit", "verify", "--head", "f" * 64, "--database-url", sqlite_url, env=env)
    assert lost.returncode == 2 and "HEAD NOT FOUND" in lost.stdout

    # Without its key file the trail is not checked (nor a new key made), and verify says so.
    os.rename(key_file, path + ".moved-key")
    missing = run(acuback, "audit", "verify", "--database-url", sqlite_url, env=env)
    assert missing.returncode != 0 and "does not exist" in missing.stderr, missing.stdout + missing.stderr
    assert not os.path.exists(key_file)
    named = run(acuback, "audit", "verify", "--audit-key-file", path + ".moved-key", "--database-url", sqlite_url, env=env)
    assert named.returncode == 0, named.stdout
