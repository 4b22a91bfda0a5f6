"""`acuback points` and `acuback plan` as a practitioner or a script uses them."""
import json
import subprocess

import pytest

EXAMPLE = {
    "regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "radiatesToLeg": False,
    "onset": "chronic", "electroacupuncture": False, "preferredPosition": None,
    "patient": {"pregnancyWeek": None, "anticoagulants": False, "bleedingDisorder": "none",
                "implantedDevice": False, "lungDisease": False, "thoracicSurgery": False, "bmi": 24.0,
                "faintingHistory": False, "needlePhobia": False, "epilepsy": False,
                "brokenSkinRegions": [], "cannotLieProne": False},
}


def run(binary, *args, stdin=None):
    return subprocess.run([str(binary), *args], capture_output=True, text=True, input=stdin, timeout=60)


def plan(binary, assessment, *extra):
    result = run(binary, "plan", "--assessment", "-", *extra, stdin=json.dumps(assessment))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_points_by_alias_as_json(acuback):
    result = run(acuback, "points", "--code", "UB23", "--format", "json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert listing["count"] == 1
    point = listing["points"][0]
    assert point["code"] == "BL23" and point["pinyin"] == "Shenshu"
    assert point["needling"]["level"] == "L2"


def test_points_filters_combine(acuback):
    listing = json.loads(run(acuback, "points", "--region", "lower", "--meridian", "GV", "--format", "json").stdout)
    assert {p["code"] for p in listing["points"]} == {"GV2", "GV3", "GV4", "GV5"}
    every = json.loads(run(acuback, "points", "--format", "json").stdout)
    assert sum(1 for p in every["points"] if p["kind"] == "standard") == 361


def test_points_text_table(acuback):
    result = run(acuback, "points", "--level", "L4")
    assert result.returncode == 0
    assert "BL25" in result.stdout and "GV3" in result.stdout and "EX-B7" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--region", "knee"], "--region: 'knee' is not one of"),
    (["--meridian", "XX"], "--meridian: 'XX' is not one of"),
    (["--code", "BL99"], "--code: 'BL99' is not a point"),
])
def test_points_bad_filters_fail_clearly(acuback, args, message):
    result = run(acuback, "points", *args)
    assert result.returncode != 0
    assert message in result.stderr


def test_plan_from_a_file_holds_the_documented_fields(acuback, tmp_path):
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(EXAMPLE))
    result = run(acuback, "plan", "--assessment", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert 15 <= plan["needleCount"] <= 20 and plan["needleCount"] == len(plan["needles"])
    assert {n["role"] for n in plan["needles"]} == {"local", "adjacent", "distal", "auricular"}
    assert plan["position"] == "prone"
    assert 10 <= plan["retentionMinutes"] <= 20
    for needle in plan["needles"]:
        assert set(needle) >= {"point", "side", "role", "maxDepthMm", "angle", "reason", "sources"}
        assert needle["sources"]
    assert plan["protocol"] and plan["rationale"]
    assert plan["findings"] == []


def test_plan_text_for_people(acuback, tmp_path):
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(EXAMPLE))
    result = run(acuback, "plan", "--assessment", str(path), "--format", "text")
    assert result.returncode == 0
    assert "Protocol: Brinkhaus 2006" in result.stdout
    assert "Position: prone" in result.stdout


def test_the_same_assessment_gives_the_same_plan(acuback):
    assert plan(acuback, EXAMPLE) == plan(acuback, EXAMPLE)


def test_findings_carry_rule_point_and_source(acuback):
    upper = {"regions": ["upper"], "side": "right", "levels": ["T3", "T4"], "onset": "chronic",
             "patient": {"lungDisease": True, "bmi": 18.0, "pregnancyWeek": 20, "anticoagulants": True}}
    result = plan(acuback, upper)
    rules = {f["rule"] for f in result["findings"]}
    assert {"lung.depth-cap", "bleeding.anticoagulants"} <= rules
    for finding in result["findings"]:
        assert set(finding) >= {"severity", "rule", "message", "source"}
        assert finding["severity"] in ("info", "warn", "block")
    lung = [f for f in result["findings"] if f["rule"] == "lung.depth-cap"]
    assert all(f["point"] for f in lung)
    assert result["position"] != "prone", "week 20 of pregnancy"


@pytest.mark.parametrize("assessment, field", [
    ({"regions": ["lumbar"], "side": "both", "onset": "chronic"}, "regions[0]"),
    ({"regions": ["lower"], "side": "sideways", "onset": "chronic"}, "side"),
    ({"regions": ["lower"], "side": "both"}, "onset"),
    ({"regions": ["upper"], "side": "both", "onset": "chronic", "levels": ["L4"]}, "levels[0]"),
    ({"regions": ["lower"], "side": "both", "onset": "chronic", "edits": [{"action": "add", "point": "QQ7", "side": "left"}]}, "edits[0].point"),
])
def test_bad_assessments_fail_naming_the_field(acuback, assessment, field):
    result = run(acuback, "plan", "--assessment", "-", stdin=json.dumps(assessment))
    assert result.returncode != 0
    assert field in result.stderr
    assert result.stdout == ""


def test_a_missing_file_is_named(acuback, tmp_path):
    result = run(acuback, "plan", "--assessment", str(tmp_path / "nope.json"))
    assert result.returncode != 0
    assert "--assessment: cannot read" in result.stderr
