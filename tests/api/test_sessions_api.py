"""A treatment session through the JSON API over HTTP, on SQLite and PostgreSQL, answered as the
API document says."""
import datetime

import requests
import yaml
from openapi_schema_validator import OAS31Validator

from conftest import DEMO, signed_in


def conforms(document: dict, schema: str, value) -> None:
    """Checks `value` against a schema of the served API document with a real validator."""
    OAS31Validator({"$ref": f"#/components/schemas/{schema}", "components": document["components"]}).validate(value)


def test_a_session_through_the_api(demo_server_on_each_database):
    server = demo_server_on_each_database
    url = server.url
    reception = signed_in(url, DEMO["reception"])
    practitioner = signed_in(url, DEMO["practitioner"])
    patient = signed_in(url, DEMO["patient"])
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    margaret = reception.get(url + "/api/v1/patients", params={"q": "Hughes"}, timeout=10).json()["items"][0]["id"]
    me = practitioner.get(url + "/api/v1/me", timeout=10).json()
    now = datetime.datetime.now(datetime.timezone.utc)
    slot = requests.get(url + "/api/v1/availability", timeout=10, params={
        "practitionerId": me["practitionerId"], "kind": "treatment", "limit": 1,
        "from": (now + datetime.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (now + datetime.timedelta(days=15)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }).json()["slots"][0]["start"]
    appointment = reception.post(url + "/api/v1/appointments", timeout=30, json={
        "patientId": margaret, "practitionerId": me["practitionerId"], "kind": "treatment", "start": slot}).json()["id"]

    saved = practitioner.post(f"{url}/api/v1/patients/{margaret}/plans", json={}, timeout=10)
    assert saved.status_code == 201, saved.text
    current = patient.get(f"{url}/api/v1/patients/{margaret}/plans/current", timeout=10).json()
    conforms(document, "SavedPlan", current)
    assert current["id"] == saved.json()["id"]

    # A week ahead: starting today needs a reason, which the session keeps.
    refused = practitioner.post(url + "/api/v1/sessions", json={"appointmentId": appointment, "painBefore": 7}, timeout=10)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "offDayReason", refused.text
    started = practitioner.post(url + "/api/v1/sessions", timeout=10,
                                json={"appointmentId": appointment, "painBefore": 7, "offDayReason": "Test started early"})
    assert started.status_code == 201, started.text
    assert started.json()["offDayReason"] == "Test started early"
    session = started.json()
    sid = session["id"]
    conforms(document, "Session", session)
    assert practitioner.post(url + "/api/v1/sessions", json={"appointmentId": appointment, "painBefore": 7}, timeout=10).status_code == 409

    for needle in session["needles"]:
        body = {"point": needle["point"], "side": needle["side"], "depthMm": min(15, needle["maxDepthMm"]),
                "needleType": "0.25 × 40 mm, stainless steel", "stimulation": "manual", "deQi": True}
        if needle.get("site"):
            body["site"] = needle["site"]
        answer = practitioner.post(f"{url}/api/v1/sessions/{sid}/needles", json=body, timeout=10)
        assert answer.status_code == 201, answer.text
        session = answer.json()
    assert session["counts"]["in"] == len(session["needles"]) >= 16
    conforms(document, "Session", session)
    assert session["timer"]["running"] and 0 < session["timer"]["remainingSeconds"] <= 20 * 60

    # Reception cannot act at the chair; a colleague's request is refused the same way.
    assert reception.post(f"{url}/api/v1/sessions/{sid}/timer", timeout=10).status_code == 403
    refused = practitioner.post(f"{url}/api/v1/sessions/{sid}/close", json={"painAfter": 2}, timeout=10)
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "needles"
    over = practitioner.post(f"{url}/api/v1/sessions/{sid}/removals", json={"all": True, "count": 99}, timeout=10)
    assert over.status_code == 422 and over.headers["Content-Type"].startswith("application/problem+json")

    out = practitioner.post(f"{url}/api/v1/sessions/{sid}/removals", json={"all": True, "count": session["counts"]["in"]}, timeout=10)
    assert out.json()["canClose"] is True
    early = practitioner.post(f"{url}/api/v1/sessions/{sid}/close", json={"painAfter": 2}, timeout=10)
    assert early.status_code == 400 and early.json()["errors"][0]["field"] == "removalReason"
    closed = practitioner.post(f"{url}/api/v1/sessions/{sid}/close", timeout=10,
                               json={"painAfter": 2, "adviceGiven": True, "removalReason": "Test of the API: out at once."})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    conforms(document, "Session", closed.json())

    stricta = practitioner.get(f"{url}/api/v1/sessions/{sid}/stricta", timeout=10).json()
    assert stricta["insertions"] == len(session["needles"])
    conforms(document, "StrictaNeedling", stricta)
    assert stricta["needleTypes"] == ["0.25 × 40 mm, stainless steel"]

    check_in = reception.post(f"{url}/api/v1/sessions/{sid}/check-ins", json={"soreness": 2, "tiredness": True}, timeout=10)
    assert check_in.status_code == 201 and check_in.json()["enteredByRole"] == "reception"
    conforms(document, "CheckIn", check_in.json())
    listed = patient.get(f"{url}/api/v1/sessions", timeout=10).json()["items"]
    assert sid in [item["id"] for item in listed]
    conforms(document, "SessionList", {"items": listed})
    conforms(document, "Problem", over.json())
