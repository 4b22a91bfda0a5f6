"""`acuback export research` on the demo clinic: nothing that names a patient, dates moved per
patient, and a dictionary for every column."""
import csv
import subprocess
from datetime import date

from conftest import DEMO, signed_in


def read(path):
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def export(acuback, database_url, folder):
    result = subprocess.run([str(acuback), "export", "research", "--output", str(folder), "--database-url", database_url],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "De-identified 8 of 8 patients (100 %)" in result.stderr
    return {name: read(folder / name) for name in ["patients.csv", "courses.csv", "sessions.csv", "measures.csv", "data-dictionary.csv"]}


def test_the_research_dataset_is_de_identified(acuback, demo_server, tmp_path):
    url = demo_server.url
    admin = signed_in(url, DEMO["admin"])
    patients = admin.get(url + "/api/v1/patients", params={"limit": 100}, timeout=10).json()["items"]
    files = export(acuback, demo_server.database_url, tmp_path / "one")

    text = "\n".join((tmp_path / "one" / name).read_text() for name in files)
    for patient in patients:
        for value in [patient["givenName"], patient["familyName"], patient.get("email"), patient.get("phone"), patient["birthDate"], patient["id"]]:
            if value:
                assert value not in text and value.lower() not in text, f"{value} leaked into the export"
    assert "Mei Lin Chen" not in text and "demo.acuback.example" not in text

    dictionary = {(row["file"], row["column"]) for row in files["data-dictionary.csv"]}
    for name, rows in files.items():
        if name == "data-dictionary.csv":
            continue
        header = (tmp_path / "one" / name).read_text().splitlines()[0].split(",")
        assert all((name, column) in dictionary for column in header), f"{name} has columns without a meaning"
    assert len(files["patients.csv"]) == 8 and all(row["patient"].startswith("P") for row in files["patients.csv"])

    # Every date of a patient moves by the same number of days: day_of_course still matches the dates.
    for course in files["courses.csv"]:
        measures = [m for m in files["measures.csv"] if m["course"] == course["course"]]
        baseline = date.fromisoformat(next(m["date"] for m in measures if m["timepoint"] == "baseline"))
        for measure in measures:
            assert (date.fromisoformat(measure["date"]) - baseline).days == int(measure["day_of_course"])

    # The dates are not the real ones: the real session days of the clinic differ from the exported.
    real = set()
    for patient in patients:
        for session in admin.get(url + "/api/v1/sessions", params={"patientId": patient["id"]}, timeout=30).json()["items"]:
            real.add((session["startedAt"][:10], session["painBefore"]))
    exported = {(row["date"], int(row["pain_before"])) for row in files["sessions.csv"]}
    assert len(exported) > 0 and len(exported & real) < len(exported) / 2

    # A second export gives new pseudonyms and shifts, so two exports cannot be joined on them.
    again = export(acuback, demo_server.database_url, tmp_path / "two")
    first = [(row["patient"], row["date"]) for row in files["sessions.csv"]]
    second = [(row["patient"], row["date"]) for row in again["sessions.csv"]]
    assert sorted(first) != sorted(second)
