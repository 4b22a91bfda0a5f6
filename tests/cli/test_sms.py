"""Text messages through an SMS gateway: the real server, configured with a fake gateway on this
machine, sends one confirmation and one reminder per booking by text, none after a cancel, and a
reminder the gateway first fails with a 500 is retried with the same idempotency key and sent once."""
import datetime
import sqlite3
import time
from zoneinfo import ZoneInfo

import requests

from conftest import DEMO, csrf_token, signed_in, start_server
from fake_sms_gateway import FakeSMSGateway

LONDON = ZoneInfo("Europe/London")
TOKEN = "fake-gateway-token-0123456789"


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


def free_starts(server, practitioner, count):
    """`count` free treatment times with the practitioner, a weekday at least 9 days ahead."""
    day = datetime.datetime.now(LONDON).date() + datetime.timedelta(days=9)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(day, datetime.time(0, 0), LONDON).astimezone(datetime.timezone.utc)
    slots = requests.get(server.url + "/api/v1/availability", timeout=10, params={
        "practitionerId": practitioner, "kind": "treatment", "limit": 40,
        "from": midnight.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (midnight + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }).json()["slots"]
    # Two hours apart, so the patient is never in two places.
    chosen = []
    for slot in slots:
        start = datetime.datetime.fromisoformat(slot["start"].replace("Z", "+00:00"))
        if all(abs((start - c).total_seconds()) >= 7200 for c in chosen):
            chosen.append(start)
    assert len(chosen) >= count, slots
    return [c.strftime("%Y-%m-%dT%H:%M:%SZ") for c in chosen[:count]]


def make_reminders_due(database_url):
    """Time passes: every pending reminder becomes due now (as on the day before the visit)."""
    with sqlite3.connect(database_url.removeprefix("sqlite://"), timeout=30) as db:
        db.execute("UPDATE outbox_messages SET available_at = created_at WHERE kind = 'reminder' AND status = 'pending'")


def test_one_text_reminder_per_booking_none_after_a_cancel_and_a_500_never_sends_twice(acuback, demo_sqlite_url, tmp_path, monkeypatch):
    with FakeSMSGateway(fail_first=()) as gateway:
        monkeypatch.setenv("ACUBACK_SMS_URL", gateway.url)
        monkeypatch.setenv("ACUBACK_SMS_TOKEN", TOKEN)
        server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
        try:
            reception = signed_in(server.url, DEMO["reception"])
            created = reception.post(server.url + "/api/v1/patients", timeout=10, json={
                "givenName": "Tegan", "familyName": "Texts", "birthDate": "1984-04-04", "phone": "+447700900321"})
            assert created.status_code == 201, created.text
            patient = created.json()["id"]
            # The desk records that the patient wants texts, on the patient's record page.
            token = csrf_token(reception, f"{server.url}/patients/{patient}")
            opted = reception.post(f"{server.url}/patients/{patient}/texts", data={"_csrf": token, "textReminders": "on"}, timeout=10)
            assert opted.status_code == 200 and 'id="texts-saved"' in opted.text, opted.text[:2000]

            practitioners = reception.get(server.url + "/api/v1/practitioners", timeout=10).json()["items"]
            mei = next(p for p in practitioners if p["name"] == "Mei Lin Chen")["id"]
            booked = []
            for start in free_starts(server, mei, 3):
                answer = reception.post(server.url + "/api/v1/appointments", timeout=30, json={
                    "patientId": patient, "practitionerId": mei, "kind": "treatment", "start": start})
                assert answer.status_code == 201, answer.text
                booked.append(answer.json()["id"])
            # A confirmation at once for each booking, linking to the portal's checklist.
            assert wait_for(lambda: len(gateway.messages("Booked")) == 3), gateway.requests
            cancelled = reception.post(f"{server.url}/api/v1/appointments/{booked[2]}/cancel", timeout=10)
            assert cancelled.status_code == 200, cancelled.text
            assert all("/me#before-first-visit" in m["body"] for m in gateway.messages("Booked"))
            assert all(m["authorization"] == f"Bearer {TOKEN}" and m["to"] == "+447700900321" for m in gateway.requests)
            assert gateway.messages("Reminder") == [], "no reminder before its time"

            # The gateway fails the next message once; then the reminders fall due.
            with gateway.lock:
                gateway.failures.append(500)
            make_reminders_due(server.database_url)
            assert wait_for(lambda: len(gateway.messages("Reminder")) == 1), (gateway.requests, server.output[-3000:])
            # The failed one is retried after the dispatcher's back-off; time passes again.
            make_reminders_due(server.database_url)
            assert wait_for(lambda: len(gateway.messages("Reminder")) == 2), (gateway.requests, server.output[-3000:])
            time.sleep(3)
            reminders = gateway.messages("Reminder")
            assert len(reminders) == 2, "exactly one reminder per booking still standing, none for the cancelled one"
            assert len({m["key"] for m in reminders}) == 2
            tries = [r for r in gateway.requests if r["body"].startswith("Reminder")]
            assert len(tries) == 3, "the 500 was retried once, with the same key"
            assert len({r["key"] for r in tries}) == 2
        finally:
            assert server.stop() == 0, server.output
        assert TOKEN not in server.output, "the gateway's token appears in the log"
