"""`acuback demo --scale N` from outside: the progress line, and analytics with known answers."""
import subprocess

from conftest import DEMO, signed_in, start_server


def test_generated_patients_give_the_known_answers(acuback, tmp_path):
    database = f"sqlite://{tmp_path / 'scale.sqlite'}"
    result = subprocess.run([str(acuback), "demo", "--scale", "600", "--database-url", database],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Generated 250 of 600 patients" in result.stderr and "Generated 600 of 600 patients (100 %)" in result.stderr
    assert "Added 600 patients, 3 practitioner(s), 600 courses and 6000 sessions" in result.stdout

    again = subprocess.run([str(acuback), "demo", "--scale", "5", "--database-url", database], capture_output=True, text=True, timeout=120)
    assert again.returncode != 0 and "already holds generated patients" in again.stderr

    server = start_server(acuback, database, "--demo", cwd=tmp_path)
    try:
        analytics = signed_in(server.url, DEMO["admin"]).get(server.url + "/api/v1/analytics", timeout=60).json()
    finally:
        assert server.stop() == 0, server.output
    generated = {group["label"]: group for group in analytics["byPractitioner"] if group["label"].startswith("Generated")}
    # 250, 250 and 100 patients; outcomes repeat every five: responder, responder, partial, non-responder, responder.
    assert [generated[name]["courses"] for name in sorted(generated)] == [250, 250, 100]
    assert [generated[name]["responders"] for name in sorted(generated)] == [150, 150, 60]
    assert all(group["meanChangePoints"] == 2 for group in generated.values())
    # Regions take turns (lower with levels, lower without, middle, upper); 600 / 4 = 150 each, of
    # which 3 in 5 respond, beside the demo's own finished courses.
    regions = {group["label"]: group for group in analytics["byRegion"]}
    assert regions["middle"]["courses"] >= 150 and regions["upper"]["courses"] >= 150
    rates = {rate["label"]: rate for rate in analytics["rates"]}
    # Soreness after sessions 0, 3, 6, 9 of ten, tiredness after 0, 4, 8: 40 and 30 per 100, demo and generated alike.
    assert rates["Soreness"]["per100Sessions"] == 40 and rates["Tiredness"]["per100Sessions"] == 30
    assert analytics["sessions"] >= 6000
