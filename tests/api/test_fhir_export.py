"""FHIR R4 export of the demo clinic, checked with the fhir.resources models (the R4 family under
`fhir.resources.R4B`, CLINICAL.md §7): every resource validates, every reference resolves inside
the export, and each resource agrees with the record it came from."""
import json
import subprocess

import pytest
from fhir.resources.R4B import get_fhir_model_class

from conftest import DEMO, signed_in


def validate(resource: dict) -> None:
    get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def references(value) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [ref for key, item in value.items() if key != "reference" for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def test_the_validator_rejects_a_broken_resource():
    broken = [
        {"resourceType": "Procedure", "id": "x", "status": "completed"},  # no subject
        {"resourceType": "Patient", "id": "x", "favouriteColour": "blue"},  # not an element of Patient
        {"resourceType": "Patient", "id": "x", "birthDate": "yesterday"},
        {"resourceType": "Observation", "id": "x", "status": "final", "code": {"text": "pain"}, "valueQuantity": {"value": "lots"}},
    ]
    for resource in broken:
        with pytest.raises(Exception):
            validate(resource)


def test_every_patient_exports_a_valid_bundle_that_matches_the_records(demo_server_on_each_database):
    url = demo_server_on_each_database.url
    admin = signed_in(url, DEMO["admin"])
    patients = admin.get(url + "/api/v1/patients", params={"limit": 100}, timeout=10).json()["items"]
    assert len(patients) == 8
    checked = 0
    for patient in patients:
        response = admin.get(f"{url}/api/v1/patients/{patient['id']}/fhir", timeout=30)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/fhir+json")
        bundle = response.json()
        validate(bundle)
        resources = [entry["resource"] for entry in bundle["entry"]]
        for entry in bundle["entry"]:
            assert entry["fullUrl"].endswith(f"/{entry['resource']['resourceType']}/{entry['resource']['id']}")
        present = {f"{r['resourceType']}/{r['id']}" for r in resources}
        dangling = {ref for r in resources for ref in references(r)} - present
        assert not dangling, f"references outside the Bundle: {dangling}"
        by_type: dict[str, list[dict]] = {}
        for resource in resources:
            validate(resource)
            by_type.setdefault(resource["resourceType"], []).append(resource)
            checked += 1

        fhir_patient = by_type["Patient"][0]
        assert fhir_patient["id"] == patient["id"].lower()
        assert fhir_patient["name"][0]["family"] == patient["familyName"] and fhir_patient["birthDate"] == patient["birthDate"]

        sessions = admin.get(url + "/api/v1/sessions", params={"patientId": patient["id"]}, timeout=30).json()["items"]
        procedures = {p["id"]: p for p in by_type.get("Procedure", [])}
        assert set(procedures) == {s["id"].lower() for s in sessions}
        observations = {o["id"]: o for o in by_type.get("Observation", [])}
        for session in sessions:
            procedure = procedures[session["id"].lower()]
            assert procedure["code"]["coding"][0]["code"] == "44868003"
            assert procedure["status"] == ("completed" if session["status"] == "closed" else "in-progress")
            inserted = {(n["point"], n["side"], n.get("site")) for n in session["needles"] if n["state"] != "waiting" and n.get("point")}
            coded = [c["code"] for site in procedure.get("bodySite", []) for c in site.get("coding", [])]
            assert len(coded) == len(inserted), "one body site per point and side"
            before = observations[session["id"].lower() + "-pain-before"]
            assert before["code"]["coding"][0]["code"] == "72514-3" and before["valueQuantity"]["value"] == session["painBefore"]
            assert before["partOf"] == [{"reference": f"Procedure/{session['id'].lower()}"}]
        for care_plan in by_type.get("CarePlan", []):
            course = admin.get(f"{url}/api/v1/courses/{care_plan['id']}", timeout=10).json()
            assert course["regimen"]["summary"] in care_plan["description"]
        practitioners = by_type["Practitioner"]
        assert all(p.get("qualification") for p in practitioners), "certificates become qualifications"
    assert checked > 300


def test_the_whole_clinic_as_ndjson(acuback, demo_server, tmp_path):
    folder = tmp_path / "bulk"
    result = subprocess.run([str(acuback), "export", "fhir", "--all", "--output", str(folder), "--database-url", demo_server.database_url],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Exported 8 of 8 patients (100 %)" in result.stderr
    files = sorted(path.name for path in folder.iterdir())
    assert {"Patient.ndjson", "Procedure.ndjson", "Observation.ndjson", "CarePlan.ndjson", "Organization.ndjson"} <= set(files)
    seen = set()
    resources = []
    for path in folder.iterdir():
        for line in path.read_text().splitlines():
            resource = json.loads(line)
            assert f"{resource['resourceType']}.ndjson" == path.name
            key = f"{resource['resourceType']}/{resource['id']}"
            assert key not in seen, f"{key} written twice"
            seen.add(key)
            validate(resource)
            resources.append(resource)
    assert not {ref for r in resources for ref in references(r)} - seen
    assert sum(1 for r in resources if r["resourceType"] == "Patient") == 8
    assert sum(1 for r in resources if r["resourceType"] == "Organization") == 1
    one = subprocess.run([str(acuback), "export", "fhir", "--patient", next(r["id"] for r in resources if r["resourceType"] == "Patient"),
                          "--database-url", demo_server.database_url], capture_output=True, text=True, timeout=120)
    assert one.returncode == 0, one.stderr
    validate(json.loads(one.stdout))


def test_a_consultation_exports_its_assessment_red_flags_consent_and_notes(demo_server_on_each_database):
    """A patient registered at the desk: assessment with a red flag, a referral then a clearing,
    consent at the desk; and a demo session's note with its amendment. Each becomes a coded
    resource that validates, and agrees with the record."""
    url = demo_server_on_each_database.url
    reception = signed_in(url, DEMO["reception"])
    practitioner = signed_in(url, DEMO["practitioner"])
    admin = signed_in(url, DEMO["admin"])
    patient = reception.post(url + "/api/v1/patients", timeout=10, json={"givenName": "Nora", "familyName": "Quinn", "birthDate": "1968-04-02"}).json()["id"]
    assessment = practitioner.post(f"{url}/api/v1/patients/{patient}/assessments", timeout=10, json={
        "complaint": "Aching low back since moving house", "regions": ["lower"], "side": "left", "levels": ["L5"], "radiatesToLeg": True,
        "onset": "chronic", "durationWeeks": 26, "redFlags": ["saddleNumbness"],
        "examination": {"rangeOfMovement": "Flexion to the knees", "straightLegRaiseLeft": 40, "neurologicalSigns": "Reduced ankle reflex left"}})
    assert assessment.status_code == 201, assessment.text
    status = practitioner.get(f"{url}/api/v1/patients/{patient}/red-flags", timeout=10).json()
    assert status["treatmentStopped"] and status["urgentReferral"]
    for decision in ({"outcome": "referred", "reason": "Saddle numbness", "referredTo": "Emergency department"},
                     {"outcome": "cleared", "reason": "MRI normal; numbness from cycling"}):
        answer = practitioner.post(f"{url}/api/v1/patients/{patient}/red-flag-decisions", json=decision, timeout=10)
        assert answer.status_code == 201, answer.text
    consent = reception.post(f"{url}/api/v1/patients/{patient}/consents", json={"method": "desk", "signedName": "Nora Quinn"}, timeout=10)
    assert consent.status_code == 201, consent.text

    bundle = admin.get(f"{url}/api/v1/patients/{patient}/fhir", timeout=30).json()
    validate(bundle)
    resources = [entry["resource"] for entry in bundle["entry"]]
    for resource in resources:
        validate(resource)
    present = {f"{r['resourceType']}/{r['id']}" for r in resources}
    assert not {ref for r in resources for ref in references(r)} - present
    by_type: dict[str, list[dict]] = {}
    for resource in resources:
        by_type.setdefault(resource["resourceType"], []).append(resource)
    impression = by_type["ClinicalImpression"][0]
    assert impression["id"] == assessment.json()["id"].lower()
    assert impression["description"] == "Aching low back since moving house"
    assert any(f.get("itemCodeableConcept", {}).get("coding", [{}])[0].get("code") == "saddleNumbness" for f in impression["finding"])
    [flag] = by_type["Flag"]
    assert flag["code"]["coding"][0]["code"] == "saddleNumbness"
    assert flag["status"] == "inactive" and "end" in flag["period"]
    issues = sorted(by_type["DetectedIssue"], key=lambda r: r["identifiedDateTime"])
    assert [i["mitigation"][0]["action"]["coding"][0]["code"] for i in issues] == ["referred", "cleared"]
    assert all(i["implicated"] == [{"reference": f"Flag/{flag['id']}"}] for i in issues)
    assert issues[0]["severity"] == "high"
    [fhir_consent] = by_type["Consent"]
    assert fhir_consent["patient"]["reference"] == f"Patient/{patient.lower()}"
    assert "Nora Quinn" in fhir_consent["sourceAttachment"]["title"]

    # A note on one of the demo practitioner's sessions, then an amendment once it is closed.
    sessions = practitioner.get(url + "/api/v1/sessions", timeout=10).json()["items"]
    closed = next(s for s in sessions if s["status"] == "closed")
    for text in ("Pain 5/10", "Pain 5/10, easier on walking"):
        written = practitioner.put(f"{url}/api/v1/sessions/{closed['id']}/note", json={"subjective": text, "plan": "Continue", "tongue": "Pale"}, timeout=10)
        assert written.status_code == 200, written.text
        assert written.json()["amendment"] is True
    notes = admin.get(f"{url}/api/v1/patients/{closed['patientId']}/fhir", timeout=60).json()
    compositions = [e["resource"] for e in notes["entry"] if e["resource"]["resourceType"] == "Composition"]
    assert len(compositions) == 2
    for composition in compositions:
        validate(composition)
        assert composition["event"][0]["detail"] == [{"reference": f"Procedure/{closed['id'].lower()}"}]
    [latest] = [c for c in compositions if "relatesTo" in c]
    [first] = [c for c in compositions if "relatesTo" not in c]
    assert latest["status"] == "amended"
    assert latest["relatesTo"] == [{"code": "replaces", "targetReference": {"reference": f"Composition/{first['id']}"}}]
    assert "easier on walking" in latest["section"][0]["text"]["div"]
