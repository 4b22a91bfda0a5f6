"""STRICTA reports of a demo course and session: every item filled from the records or marked not
applicable, as JSON (checked against the API document) and as a printable page."""
import re

import requests
import yaml
from openapi_schema_validator import OAS31Validator

from conftest import DEMO, signed_in

ITEMS = ["1a", "1b", "1c", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "3a", "3b", "4a", "4b", "5", "6"]


def test_a_demo_course_reports_every_stricta_item(demo_server_on_each_database):
    url = demo_server_on_each_database.url
    practitioner = signed_in(url, DEMO["practitioner"])
    patient = signed_in(url, DEMO["patient"])
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    record = patient.get(url + "/me", timeout=10)
    patient_id, course_id = re.search(r"/patients/([0-9A-Fa-f-]{36})/courses/([0-9A-Fa-f-]{36})", record.text).groups()

    report = practitioner.get(f"{url}/api/v1/courses/{course_id}/stricta", timeout=30)
    assert report.status_code == 200, report.text
    body = report.json()
    OAS31Validator({"$ref": "#/components/schemas/StrictaReport", "components": document["components"]}).validate(body)
    assert [item["id"] for item in body["items"]] == ITEMS
    for item in body["items"]:
        assert bool(item.get("text")) != bool(item.get("notApplicable")), item
    items = {item["id"]: item for item in body["items"]}
    # The demo course: ten closed sessions with full ledgers, GERAC's regimen, a certified practitioner.
    assert items["3a"]["text"].startswith("10 planned") and "10 held" in items["3a"]["text"]
    assert items["2a"]["text"].endswith("insertions") and any(ch.isdigit() for ch in items["2a"]["text"])
    assert "mm" in items["2c"]["text"] and "De qi" in items["2d"]["text"]
    assert "years in practice" in items["5"]["text"] and "certified by" in items["5"]["text"]
    assert items["6"]["notApplicable"]

    page = patient.get(f"{url}/patients/{patient_id}/courses/{course_id}/stricta", timeout=30)
    assert page.status_code == 200
    for item in ITEMS:
        assert f'data-item="{item}"' in page.text
    assert "Not applicable" in page.text and "MacPherson H, Altman DG" in page.text

    sessions = practitioner.get(url + "/api/v1/sessions", params={"patientId": patient_id}, timeout=30).json()["items"]
    closed = next(s for s in sessions if s["status"] == "closed")
    one = practitioner.get(f"{url}/api/v1/sessions/{closed['id']}/stricta-report", timeout=30).json()
    assert [item["id"] for item in one["items"]] == ITEMS and one["scope"] == "session"
    assert re.match(r"Session \d+ of 10 planned", {i["id"]: i for i in one["items"]}["3a"]["text"])
