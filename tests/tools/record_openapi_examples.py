"""Records a real response of every API operation from a demo server and writes it into
openapi.yaml as the 2xx response's example (long lists cut to their first items).

    swift run acuback serve --demo --port 8090 &   # on a fresh database
    .venv/bin/python tests/tools/record_openapi_examples.py http://127.0.0.1:8090

`tests/api/test_openapi_document.py` checks that every example still matches its schema."""
import datetime
import json
import re
import sys
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conftest import DEMO, csrf_token, signed_in  # noqa: E402

DOCUMENT = Path(__file__).resolve().parents[2] / "Sources" / "AcubackAPI" / "openapi.yaml"


def cut(value, keep=2):
    if isinstance(value, list):
        return [cut(item, keep) for item in value[:keep]]
    if isinstance(value, dict):
        return {key: cut(item, keep) for key, item in value.items()}
    return value


def token(url, email):
    session = signed_in(url, email)
    answer = session.post(url + "/account/tokens", data={"_csrf": csrf_token(session, url + "/account"), "name": "examples"})
    client = requests.Session()
    client.headers["Authorization"] = "Bearer " + re.search(r'id="new-token">([^<]+)<', answer.text).group(1)
    return client


def record(url):
    admin, practitioner, patient_client = token(url, DEMO["admin"]), token(url, DEMO["practitioner"]), token(url, DEMO["patient"])
    examples = {}

    def call(operation, client, method, path, **kwargs):
        response = client.request(method, url + path, timeout=60, **kwargs)
        assert response.status_code < 300, f"{operation}: {response.status_code} {response.text[:300]}"
        if response.headers.get("content-type", "").startswith(("application/json", "application/fhir+json")):
            examples[operation] = cut(response.json(), 3 if operation == "exportPatientFHIR" else 2)
        return response.json() if "json" in response.headers.get("content-type", "") else None

    call("getHealth", admin, "GET", "/healthz")
    call("getReadiness", admin, "GET", "/readyz")
    call("listPoints", admin, "GET", "/api/v1/points", params={"limit": 2})
    call("getPoint", admin, "GET", "/api/v1/points/BL23")
    call("previewPlan", practitioner, "POST", "/api/v1/plans/preview",
         json={"regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "onset": "chronic"})
    me = call("getMe", practitioner, "GET", "/api/v1/me")
    patients = call("listPatients", admin, "GET", "/api/v1/patients", params={"q": "Hughes"})
    margaret = patients["items"][0]["id"]
    call("createPatient", admin, "POST", "/api/v1/patients", json={"givenName": "Ada", "familyName": "Example", "birthDate": "1980-02-29"})
    call("getPatient", admin, "GET", f"/api/v1/patients/{margaret}")
    call("getPatientClinical", practitioner, "GET", f"/api/v1/patients/{margaret}/clinical")
    call("updateIntake", practitioner, "PUT", f"/api/v1/patients/{margaret}/intake",
         json={"anticoagulants": False, "bmi": 24.5, "bleedingDisorder": "none", "brokenSkinRegions": []})
    call("recordConsent", admin, "POST", f"/api/v1/patients/{margaret}/consents", json={"method": "desk", "signedName": "Margaret Hughes"})
    call("getConsentText", admin, "GET", "/api/v1/consent-text")
    call("recordAssessment", practitioner, "POST", f"/api/v1/patients/{margaret}/assessments", json={
        "complaint": "Aching low back for two years, worse after gardening.", "regions": ["lower"], "side": "both", "levels": ["L4", "L5"],
        "onset": "chronic", "durationWeeks": 104, "redFlags": ["nightPain"],
        "examination": {"rangeOfMovement": "Flexion limited to mid-shin", "tenderPoints": "Beside L4-L5 both sides", "neurologicalSigns": "None"}})
    call("listAssessments", practitioner, "GET", f"/api/v1/patients/{margaret}/assessments")
    call("recordRedFlagDecision", practitioner, "POST", f"/api/v1/patients/{margaret}/red-flag-decisions",
         json={"outcome": "cleared", "reason": "Night pain eases with a change of position; no other sign."})
    call("getRedFlags", practitioner, "GET", f"/api/v1/patients/{margaret}/red-flags")
    call("listPractitioners", admin, "GET", "/api/v1/practitioners")
    call("addCertificate", admin, "POST", f"/api/v1/practitioners/{me['practitionerId']}/certificates",
         json={"issuingBody": "British Acupuncture Council", "number": "BAcC-EX-1", "validFrom": "2026-01-01", "validTo": "2028-12-31"})
    now = datetime.datetime.now(datetime.timezone.utc)
    window = {"from": (now + datetime.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "to": (now + datetime.timedelta(days=15)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    slots = call("getAvailability", admin, "GET", "/api/v1/availability",
                 params={**window, "practitionerId": me["practitionerId"], "kind": "treatment", "limit": 3})["slots"]
    every = requests.get(url + "/api/v1/availability", timeout=30,
                         params={**window, "practitionerId": me["practitionerId"], "kind": "treatment", "limit": 200}).json()["slots"]
    # Three times well apart, so that none of the bookings below stands in another's way.
    slots = [every[0]]
    for slot in every:
        if slot["start"][:13] > slots[-1]["start"][:13] and int(slot["start"][11:13]) >= int(slots[-1]["start"][11:13]) + 2 \
                or slot["start"][:10] > slots[-1]["start"][:10]:
            slots.append(slot)
        if len(slots) == 3:
            break
    call("listAppointments", admin, "GET", "/api/v1/appointments", params=window)
    booked = call("bookAppointment", admin, "POST", "/api/v1/appointments",
                  json={"patientId": margaret, "practitionerId": me["practitionerId"], "kind": "treatment", "start": slots[0]["start"]})
    spare = requests.post(url + "/api/v1/appointments", headers=admin.headers, timeout=30,
                          json={"patientId": margaret, "practitionerId": me["practitionerId"], "kind": "treatment", "start": slots[1]["start"]}).json()
    assert "id" in spare, spare
    call("rescheduleAppointment", admin, "POST", f"/api/v1/appointments/{spare['id']}/reschedule", json={"start": slots[2]["start"]})
    call("cancelAppointment", admin, "POST", f"/api/v1/appointments/{spare['id']}/cancel")
    call("searchCourse", admin, "POST", "/api/v1/courses/search", json={"patientId": margaret, "regimen": "cherkin2009"})
    course = call("bookCourse", admin, "POST", "/api/v1/courses", json={"patientId": margaret, "regimen": "gerac"})
    call("getCourse", admin, "GET", f"/api/v1/courses/{course['id']}")
    call("recordMeasure", practitioner, "POST", f"/api/v1/courses/{course['id']}/measures",
         json={"timepoint": "baseline", "painNow": 7, "painAverageWeek": 6, "painWorst": 8,
               "function": [{"activity": "putting on socks", "score": 3}], "fingertipToFloorCm": 24, "schoberCm": 3.5})
    requests.post(f"{url}/api/v1/courses/{course['id']}/measures", headers=practitioner.headers, timeout=30,
                  json={"timepoint": "review", "painNow": 4, "painAverageWeek": 4})
    call("listMeasures", practitioner, "GET", f"/api/v1/courses/{course['id']}/measures")
    call("reviewCourse", practitioner, "POST", f"/api/v1/courses/{course['id']}/reviews", json={"afterSession": 5, "note": "Sleeping better."})
    call("listCourseReviews", practitioner, "GET", f"/api/v1/courses/{course['id']}/reviews")
    call("getAnalytics", admin, "GET", "/api/v1/analytics")
    call("getOutcomeSettings", admin, "GET", "/api/v1/outcome-settings")
    call("saveOutcomeSettings", admin, "PUT", "/api/v1/outcome-settings", json={"importantPercent": 30, "importantPoints": 2, "instruments": []})
    call("savePlan", practitioner, "POST", f"/api/v1/patients/{margaret}/plans", json={})
    call("getCurrentPlan", practitioner, "GET", f"/api/v1/patients/{margaret}/plans/current")
    session = call("startSession", practitioner, "POST", "/api/v1/sessions", json={"appointmentId": booked["id"], "painBefore": 6, "offDayReason": "Recorded for the API examples"})
    sid = session["id"]
    for needle in session["needles"]:
        body = {"point": needle["point"], "side": needle["side"], "depthMm": min(15, needle["maxDepthMm"]),
                "needleType": "0.25 × 40 mm, stainless steel", "stimulation": "manual", "deQi": True}
        if needle.get("site"):
            body["site"] = needle["site"]
        call("insertNeedle", practitioner, "POST", f"/api/v1/sessions/{sid}/needles", json=body)
    call("startTimer", practitioner, "POST", f"/api/v1/sessions/{sid}/timer")
    count = len(session["needles"])
    call("removeNeedles", practitioner, "POST", f"/api/v1/sessions/{sid}/removals", json={"all": True, "count": count - 1})
    call("recordSearch", practitioner, "POST", f"/api/v1/sessions/{sid}/search", json={"found": 1})
    call("closeSession", practitioner, "POST", f"/api/v1/sessions/{sid}/close",
         json={"painAfter": 3, "reactions": [], "adviceGiven": True, "removalReason": "Recorded for the API examples"})
    call("getSession", practitioner, "GET", f"/api/v1/sessions/{sid}")
    call("listSessions", practitioner, "GET", "/api/v1/sessions")
    call("recordCheckIn", patient_client, "POST", f"/api/v1/sessions/{sid}/check-ins",
         json={"soreness": 3, "sorenessHoursAfter": 6, "tiredness": True, "neededSleep": False, "bruising": False, "breathlessness": False})
    call("listCheckIns", patient_client, "GET", f"/api/v1/sessions/{sid}/check-ins")
    call("getSessionStricta", practitioner, "GET", f"/api/v1/sessions/{sid}/stricta")
    call("getSessionStrictaReport", practitioner, "GET", f"/api/v1/sessions/{sid}/stricta-report")
    finished = re.search(r"/courses/([0-9A-Fa-f-]{36})", requests.get(url + "/me", timeout=10, headers=patient_client.headers).text)
    demo_course = finished.group(1) if finished else course["id"]
    call("getCourseStricta", practitioner, "GET", f"/api/v1/courses/{demo_course}/stricta")
    call("exportPatientFHIR", practitioner, "GET", f"/api/v1/patients/{margaret}/fhir")
    call("listIncidents", admin, "GET", "/api/v1/incidents")
    return examples


def write(examples):
    lines = DOCUMENT.read_text().split("\n")
    output, operation, in_success = [], None, False
    for line in lines:
        found = re.match(r"^\s+operationId: (\w+)", line)
        if found:
            operation, in_success = found.group(1), False
        if re.match(r"^        '2\d\d':", line):
            in_success = True
        elif re.match(r"^        '\d\d\d':", line):
            in_success = False
        if in_success and operation in examples and re.match(r"^ {14}example: ", line):
            continue  # an older recorded example
        output.append(line)
        if in_success and operation in examples and re.match(r"^ {14}schema: ", line):
            output.append(" " * 14 + "example: " + json.dumps(examples[operation], ensure_ascii=False, sort_keys=True))
            in_success = False
    DOCUMENT.write_text("\n".join(output))


if __name__ == "__main__":
    recorded = record(sys.argv[1].rstrip("/"))
    write(recorded)
    print(f"recorded {len(recorded)} examples into {DOCUMENT}")
