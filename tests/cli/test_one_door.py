"""One door per use case, from a clinic that starts with `acuback user create-admin`: a page, an
API call and a command that do the same thing reach the same use case, which leaves one audit
event with the same action, whoever asked (the command line is recorded as such)."""
import json
import sqlite3
import subprocess

from tests.conftest import csrf_token, signed_in, start_server

PASSWORD = "a strong password"


def run(binary, *args, stdin=None):
    done = subprocess.run([str(binary), *args], capture_output=True, text=True, input=stdin, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def trail(sqlite_url):
    """The audit trail as (action, actor_role) pairs, oldest first."""
    with sqlite3.connect(sqlite_url.removeprefix("sqlite://")) as db:
        return db.execute("SELECT action, actor_role FROM audit_events ORDER BY clinic_id, sequence").fetchall()


def added(before, sqlite_url):
    after = trail(sqlite_url)
    assert after[:len(before)] == before
    return after[len(before):]


def test_a_page_an_api_call_and_a_command_reach_the_same_use_case(acuback, sqlite_url):
    before = []
    run(acuback, "user", "create-admin", "--email", "boss@clinic.example", "--clinic-name", "North Clinic",
        "--time-zone", "Europe/London", "--database-url", sqlite_url, stdin=PASSWORD + "\n")
    assert added(before, sqlite_url) == [("user.create", "command-line")]

    server = start_server(acuback, sqlite_url)
    try:
        admin = signed_in(server.url, "boss@clinic.example", PASSWORD)

        # Staff are made on the admin's page, disabled there, and enabled again from the command line.
        before = trail(sqlite_url)
        token = csrf_token(admin, server.url + "/admin/users")
        made = admin.post(server.url + "/admin/users", data={
            "_csrf": token, "email": "desk@clinic.example", "name": "Dee Desk", "role": "reception"}, timeout=10)
        assert made.status_code == 200, made.text[:500]
        assert added(before, sqlite_url) == [("user.create", "admin")]
        users = json.loads(run(acuback, "user", "list", "--format", "json", "--database-url", sqlite_url).stdout)["users"]
        desk = next(user for user in users if user["email"] == "desk@clinic.example")
        before = trail(sqlite_url)
        disabled = admin.post(server.url + f"/admin/users/{desk['id']}/disable", data={"_csrf": token}, allow_redirects=False, timeout=10)
        assert disabled.status_code in (302, 303)
        run(acuback, "user", "disable", "--email", "desk@clinic.example", "--database-url", sqlite_url)
        run(acuback, "user", "enable", "--email", "desk@clinic.example", "--database-url", sqlite_url)
        assert added(before, sqlite_url) == [("user.disable", "admin"), ("user.disable", "command-line"), ("user.enable", "command-line")]

        # A patient registered at the desk page and one through the API: the same use case.
        before = trail(sqlite_url)
        page = admin.post(server.url + "/patients", data={
            "_csrf": csrf_token(admin, server.url + "/patients/new"), "givenName": "Ann", "familyName": "Page",
            "birthDate": "1970-03-04", "email": "", "phone": ""}, allow_redirects=False, timeout=10)
        assert page.status_code in (302, 303), page.text[:500]
        api = admin.post(server.url + "/api/v1/patients", json={"givenName": "Bob", "familyName": "Api", "birthDate": "1971-04-05"}, timeout=10)
        assert api.status_code == 201, api.text
        assert added(before, sqlite_url) == [("patient.create", "admin"), ("patient.create", "admin")]

        # The FHIR export of that patient through the API and from the command line.
        patient_id = api.json()["id"]
        before = trail(sqlite_url)
        bundle = admin.get(server.url + f"/api/v1/patients/{patient_id}/fhir", timeout=20)
        assert bundle.status_code == 200, bundle.text[:500]
        exported = json.loads(run(acuback, "export", "fhir", "--patient", patient_id, "--database-url", sqlite_url).stdout)
        assert exported["resourceType"] == "Bundle" and bundle.json()["resourceType"] == "Bundle"
        assert added(before, sqlite_url) == [("patient.export-fhir", "admin"), ("patient.export-fhir", "command-line")]
    finally:
        server.stop()
    verified = subprocess.run([str(acuback), "audit", "verify", "--database-url", sqlite_url], capture_output=True, text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
