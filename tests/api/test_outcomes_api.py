"""Courses, measures, reviews and analytics through the JSON API over HTTP, on SQLite and
PostgreSQL, answered as the API document says."""
import requests
import yaml
from openapi_schema_validator import OAS31Validator

from conftest import DEMO, signed_in


def conforms(document: dict, schema: str, value) -> None:
    """Checks `value` against a schema of the served API document with a real validator."""
    OAS31Validator({"$ref": f"#/components/schemas/{schema}", "components": document["components"]}).validate(value)


def fields(response) -> list[str]:
    return [error["field"] for error in response.json().get("errors", [])]


def test_a_course_measured_and_reviewed_through_the_api(demo_server_on_each_database):
    url = demo_server_on_each_database.url
    reception = signed_in(url, DEMO["reception"])
    practitioner = signed_in(url, DEMO["practitioner"])
    admin = signed_in(url, DEMO["admin"])
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    patient_id = reception.get(url + "/api/v1/patients", params={"q": "Hughes"}, timeout=10).json()["items"][0]["id"]

    before = admin.get(url + "/api/v1/analytics", timeout=30)
    assert before.status_code == 200, before.text
    conforms(document, "Analytics", before.json())
    assert before.json()["overall"]["courses"] >= 6, "the demo's finished courses count"

    booked = reception.post(url + "/api/v1/courses", json={"patientId": patient_id, "regimen": "brinkhaus2006"}, timeout=60)
    assert booked.status_code == 201, booked.text
    course = booked.json()
    conforms(document, "Course", course)
    assert course["regimen"]["sessions"] == 12 and course["regimen"]["weeks"] == 8
    assert course["regimen"]["phases"] == [{"sessions": 8, "perWeek": 2}, {"sessions": 4, "perWeek": 1}]
    assert len(course["appointments"]) == 12
    cid = course["id"]

    baseline = {"timepoint": "baseline", "painNow": 7, "painAverageWeek": 6, "painWorst": 9,
                "function": [{"activity": "putting on socks", "score": 3}, {"activity": "sitting for an hour", "score": 4}],
                "fingertipToFloorCm": 24, "schoberCm": 3.5, "swellingGrade": 1}
    saved = practitioner.post(f"{url}/api/v1/courses/{cid}/measures", json=baseline, timeout=10)
    assert saved.status_code == 201, saved.text
    conforms(document, "Measure", saved.json())
    assert saved.json()["functionScore"] == 3.5

    # Bad input names the field and stores nothing.
    for body, expected in [
        ({"timepoint": "session", "painNow": 11}, ["painNow"]),
        ({"timepoint": "baseline", "painNow": 5}, ["timepoint"]),
        ({"timepoint": "session", "painNow": 5, "sessionId": "00000000-0000-4000-8000-000000000000"}, ["sessionId"]),
    ]:
        refused = practitioner.post(f"{url}/api/v1/courses/{cid}/measures", json=body, timeout=10)
        assert refused.status_code == 400 and fields(refused) == expected, refused.text
        conforms(document, "Problem", refused.json())
    early = practitioner.post(f"{url}/api/v1/courses/{cid}/reviews", json={}, timeout=10)
    assert early.status_code == 400, early.text

    later = practitioner.post(f"{url}/api/v1/courses/{cid}/measures",
                              json={"timepoint": "review", "painAverageWeek": 5, "painNow": 5}, timeout=10)
    assert later.status_code == 201, later.text
    review = practitioner.post(f"{url}/api/v1/courses/{cid}/reviews", json={"afterSession": 12, "note": "Little change"}, timeout=10)
    assert review.status_code == 201, review.text
    conforms(document, "CourseReview", review.json())
    # 6 -> 5 is 1 point and 16.7 % less: short of 30 % or 2 points, but more than 10 %.
    assert review.json()["category"] == "partial" and review.json()["recommendation"] == "offer-extension"

    listed = practitioner.get(f"{url}/api/v1/courses/{cid}/measures", timeout=10).json()
    conforms(document, "MeasureList", listed)
    assert [m["timepoint"] for m in listed["items"]] == ["baseline", "review"]

    extension = reception.post(url + "/api/v1/courses", json={"patientId": patient_id, "extendsCourseId": cid}, timeout=60)
    assert extension.status_code == 201, extension.text
    assert extension.json()["extendsCourseId"] == cid and extension.json()["regimen"]["sessions"] == 5

    after = admin.get(url + "/api/v1/analytics", timeout=30).json()
    assert after["overall"]["courses"] == before.json()["overall"]["courses"] + 1, "an extension counts with its course"
    assert after["overall"]["partial"] == before.json()["overall"]["partial"] + 1


def test_outcome_settings_and_questionnaires(demo_server):
    url = demo_server.url
    admin = signed_in(url, DEMO["admin"])
    practitioner = signed_in(url, DEMO["practitioner"])
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    assert practitioner.put(url + "/api/v1/outcome-settings", json={"importantPercent": 30, "importantPoints": 2, "instruments": []},
                            timeout=10).status_code == 403
    saved = admin.put(url + "/api/v1/outcome-settings", json={"importantPercent": 40, "importantPoints": 2.5, "instruments": ["oswestry"]}, timeout=10)
    assert saved.status_code == 200, saved.text
    conforms(document, "OutcomeSettings", saved.json())
    analytics = practitioner.get(url + "/api/v1/analytics", timeout=30).json()
    assert analytics["importantPercent"] == 40 and analytics["importantPoints"] == 2.5
