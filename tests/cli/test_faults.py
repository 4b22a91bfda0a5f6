"""Faults and load from outside: kill -9 during a stream of writes, a PostgreSQL restart under
the server, and a minute of many clients. Each test prints what it sent and what it found."""
import datetime
import os
import random
import sqlite3
import subprocess
import threading
import time

import pytest
import requests

from conftest import DEMO, ON_POSTGRES, POSTGRES_URL, reset_postgres, signed_in, start_server


def iso(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def free_slots(url, days_ahead: int, limit: int = 300):
    now = datetime.datetime.now(datetime.timezone.utc)
    return requests.get(url + "/api/v1/availability", timeout=30, params={
        "kind": "treatment", "limit": limit, "from": iso(now + datetime.timedelta(days=days_ahead)),
        "to": iso(now + datetime.timedelta(days=days_ahead + 20))}).json()["slots"]


def started_session(url, reception, practitioner):
    """A session of the demo practitioner with Margaret, started through the API."""
    margaret = reception.get(url + "/api/v1/patients", params={"q": "Hughes"}, timeout=10).json()["items"][0]["id"]
    me = practitioner.get(url + "/api/v1/me", timeout=10).json()
    slot = next(s for s in free_slots(url, 40) if s["practitionerId"] == me["practitionerId"])
    appointment = reception.post(url + "/api/v1/appointments", timeout=30, json={
        "patientId": margaret, "practitionerId": me["practitionerId"], "kind": "treatment", "start": slot["start"]}).json()["id"]
    assert practitioner.post(f"{url}/api/v1/patients/{margaret}/plans", json={}, timeout=10).status_code == 201
    session = practitioner.post(url + "/api/v1/sessions", timeout=10, json={
        "appointmentId": appointment, "painBefore": 5, "offDayReason": "Fault test started ahead of the day"}).json()
    return margaret, session


def needle_body(needle):
    body = {"point": needle["point"], "side": needle["side"], "depthMm": min(10, needle["maxDepthMm"]),
            "needleType": "0.25 × 40 mm, stainless steel", "stimulation": "manual", "deQi": True}
    if needle.get("site"):
        body["site"] = needle["site"]
    return body


def test_kill_9_during_writes_loses_nothing_acknowledged(acuback, tmp_path):
    database = tmp_path / "crash.sqlite"
    server = start_server(acuback, f"sqlite://{database}", "--demo", cwd=tmp_path)
    url = server.url
    reception, practitioner = signed_in(url, DEMO["reception"]), signed_in(url, DEMO["practitioner"])
    margaret, session = started_session(url, reception, practitioner)
    slots = free_slots(url, 60)
    acknowledged = {"patients": [], "appointments": [], "needles": []}
    stop = threading.Event()

    def patients():
        for number in range(100_000):
            if stop.is_set():
                return
            try:
                answer = reception.post(url + "/api/v1/patients", timeout=5,
                                        json={"givenName": f"Crash{number}", "familyName": "Test", "birthDate": "1980-01-01"})
            except requests.RequestException:
                return
            if answer.status_code == 201:
                acknowledged["patients"].append(answer.json()["id"])

    def bookings():
        for slot in slots:
            if stop.is_set():
                return
            try:
                answer = reception.post(url + "/api/v1/appointments", timeout=5, json={
                    "patientId": margaret, "practitionerId": slot["practitionerId"], "kind": "treatment", "start": slot["start"]})
            except requests.RequestException:
                return
            if answer.status_code == 201:
                acknowledged["appointments"].append(answer.json()["id"])

    def needles():
        for needle in session["needles"]:
            if stop.is_set():
                return
            try:
                answer = practitioner.post(f"{url}/api/v1/sessions/{session['id']}/needles", json=needle_body(needle), timeout=5)
            except requests.RequestException:
                return
            if answer.status_code == 201:
                acknowledged["needles"].append((needle["point"], needle["side"], needle.get("site")))
            time.sleep(0.05)

    workers = [threading.Thread(target=target) for target in (patients, bookings, needles)]
    for worker in workers:
        worker.start()
    time.sleep(1.5)
    server.process.kill()  # SIGKILL: no chance to flush or close anything
    server.process.wait(timeout=10)
    stop.set()
    for worker in workers:
        worker.join(timeout=30)

    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restarted = start_server(acuback, f"sqlite://{database}", cwd=tmp_path)
    try:
        admin = signed_in(restarted.url, DEMO["admin"])
        found_patients = sum(admin.get(f"{restarted.url}/api/v1/patients/{pid}", timeout=10).status_code == 200 for pid in acknowledged["patients"])
        with sqlite3.connect(database) as db:
            stored = {row[0].upper() for row in db.execute("SELECT id FROM appointments")}
        found_appointments = sum(aid.upper() in stored for aid in acknowledged["appointments"])
        ledger = signed_in(restarted.url, DEMO["practitioner"]).get(f"{restarted.url}/api/v1/sessions/{session['id']}", timeout=10).json()
        inside = {(n["point"], n["side"], n.get("site")) for n in ledger["needles"] if n["state"] == "in"}
        found_needles = sum(key in inside for key in acknowledged["needles"])
    finally:
        assert restarted.stop() == 0
    written = sum(len(v) for v in acknowledged.values())
    print(f"\nkill -9: {written} writes acknowledged ({len(acknowledged['patients'])} patients, {len(acknowledged['appointments'])} "
          f"bookings, {len(acknowledged['needles'])} needles); found after restart: {found_patients} + {found_appointments} + {found_needles}")
    assert written > 10, "the stream was running when the server was killed"
    assert found_patients == len(acknowledged["patients"])
    assert found_appointments == len(acknowledged["appointments"])
    assert found_needles == len(acknowledged["needles"])
    verify = subprocess.run([str(acuback), "audit", "verify", "--database-url", f"sqlite://{database}"], capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stdout


def postgres_control():
    versions = sorted(os.listdir("/usr/lib/postgresql")) if os.path.isdir("/usr/lib/postgresql") else []
    if not (POSTGRES_URL and versions and os.environ.get("ACUBACK_TEST_POSTGRES_RESTART") == "1"):
        return None
    return lambda action, check=True: subprocess.run(["pg_ctlcluster", versions[-1], "main", action], check=check, capture_output=True, timeout=120)


@ON_POSTGRES
def test_the_server_recovers_by_itself_when_postgres_restarts(acuback, tmp_path):
    control = postgres_control()
    if control is None:
        pytest.skip("needs the test PostgreSQL and ACUBACK_TEST_POSTGRES_RESTART=1 (set by .ci/run)")
    reset_postgres(acuback)
    server = start_server(acuback, POSTGRES_URL, "--demo", cwd=tmp_path)
    try:
        url = server.url
        reception = signed_in(url, DEMO["reception"])
        assert requests.get(url + "/readyz", timeout=10).status_code == 200
        control("stop")
        down = None
        for _ in range(60):
            answer = requests.get(url + "/readyz", timeout=15)
            if answer.status_code == 503:
                down = answer.json()
                break
            time.sleep(0.5)
        assert down is not None, "readyz kept saying ready with the database stopped"
        failed = reception.post(url + "/api/v1/patients", json={"givenName": "Down", "familyName": "Time", "birthDate": "1980-01-01"}, timeout=40)
        assert failed.status_code >= 500 or failed.status_code == 503
        control("start")
        ready_after = None
        started = time.monotonic()
        while time.monotonic() - started < 60:
            if requests.get(url + "/readyz", timeout=15).status_code == 200:
                ready_after = time.monotonic() - started
                break
            time.sleep(0.5)
        assert ready_after is not None, "the server did not recover after PostgreSQL came back"
        writes = [reception.post(url + "/api/v1/patients", timeout=30,
                                 json={"givenName": f"Back{n}", "familyName": "Again", "birthDate": "1980-01-01"}).status_code for n in range(5)]
        print(f"\nPostgreSQL restart: /readyz said {down} while down; ready again {ready_after:.1f} s after the restart; writes after: {writes}")
        assert writes == [201] * 5
    finally:
        control("start", check=False)  # already running unless an assertion stopped the test midway
        assert server.stop() == 0
        reset_postgres(acuback)


def test_a_minute_of_many_clients(acuback, tmp_path):
    database = tmp_path / "load.sqlite"
    server = start_server(acuback, f"sqlite://{database}", "--demo", cwd=tmp_path)
    url = server.url
    try:
        reception, practitioner = signed_in(url, DEMO["reception"]), signed_in(url, DEMO["practitioner"])
        patients = reception.get(url + "/api/v1/patients", params={"limit": 100}, timeout=10).json()["items"]
        courses = []
        for patient in patients:
            page = practitioner.get(f"{url}/patients/{patient['id']}", timeout=10).text
            courses += [c for c in set(__import__("re").findall(r"/courses/([0-9A-F-]{36})", page))]
        slots = free_slots(url, 30, limit=400)
        random.Random(7).shuffle(slots)
        lock = threading.Lock()
        sent = {"bookings": 0, "measures": 0, "reads": 0, "bad": 0}
        booked, measured, failures = [], [], []
        deadline = time.monotonic() + 60

        def client(number: int):
            rng = random.Random(number)
            session = signed_in(url, DEMO["practitioner"] if number % 2 else DEMO["reception"])
            while time.monotonic() < deadline:
                kind = rng.choice(["book", "book", "read", "read", "measure", "bad"])
                try:
                    if kind == "book":
                        with lock:
                            slot = slots.pop() if slots else None
                        if slot is None:
                            continue
                        answer = session.post(url + "/api/v1/appointments", timeout=30, json={
                            "patientId": rng.choice(patients)["id"], "practitionerId": slot["practitionerId"], "kind": "treatment",
                            "start": slot["start"]})
                        with lock:
                            sent["bookings"] += 1
                            if answer.status_code == 201:
                                booked.append(answer.json()["id"])
                    elif kind == "measure" and number % 2 and courses:
                        answer = session.post(f"{url}/api/v1/courses/{rng.choice(courses)}/measures", timeout=30,
                                              json={"timepoint": "follow-up", "painNow": rng.randint(0, 10)})
                        with lock:
                            sent["measures"] += 1
                            if answer.status_code == 201:
                                measured.append(answer.json()["id"])
                    elif kind == "bad":
                        answer = session.post(url + "/api/v1/patients", data=b'{"givenName": ', timeout=30, headers={"Content-Type": "application/json"})
                        with lock:
                            sent["bad"] += 1
                    else:
                        patient = rng.choice(patients)["id"]
                        answer = session.get(f"{url}/patients/{patient}", timeout=30)
                        with lock:
                            sent["reads"] += 1
                    if answer.status_code >= 500:
                        with lock:
                            failures.append((kind, answer.status_code, answer.text[:200]))
                except requests.RequestException as error:
                    with lock:
                        failures.append((kind, "connection", str(error)[:200]))

        workers = [threading.Thread(target=client, args=(n,)) for n in range(12)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
    finally:
        assert server.stop() == 0

    with sqlite3.connect(database) as db:
        appointment_ids = {row[0].upper() for row in db.execute("SELECT id FROM appointments")}
        measure_ids = {row[0].upper() for row in db.execute("SELECT id FROM outcome_measures")}
        rows = db.execute("SELECT practitioner_id, starts_at, minutes FROM appointments WHERE status = 'booked'").fetchall()
    overlaps = 0
    by_practitioner = {}
    for practitioner_id, starts_at, minutes in rows:
        start = datetime.datetime.fromisoformat(str(starts_at).replace("Z", "+00:00")) if isinstance(starts_at, str) else datetime.datetime.fromtimestamp(starts_at)
        by_practitioner.setdefault(practitioner_id, []).append((start, start + datetime.timedelta(minutes=minutes)))
    for spans in by_practitioner.values():
        spans.sort()
        overlaps += sum(1 for a, b in zip(spans, spans[1:]) if b[0] < a[1])
    found_bookings = sum(b.upper() in appointment_ids for b in booked)
    found_measures = sum(m.upper() in measure_ids for m in measured)
    print(f"\nload: sent {sent}; acknowledged {len(booked)} bookings and {len(measured)} measures; found {found_bookings} and "
          f"{found_measures}; overlapping bookings {overlaps}; server errors {len(failures)}")
    assert failures == []
    assert found_bookings == len(booked) and found_measures == len(measured)
    assert overlaps == 0
    assert sent["bookings"] > 50 and sent["reads"] > 50
