"""`acuback` as a person at a terminal meets it: help, version, migrate."""
import json
import subprocess

import pytest


def run(binary, *args, cwd=None, timeout=120):
    return subprocess.run([str(binary), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def test_version(acuback):
    result = run(acuback, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "0.1.0"


@pytest.mark.parametrize("command", [[], ["serve"], ["migrate"]])
def test_every_command_has_help(acuback, command):
    result = run(acuback, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "USAGE: acuback" in result.stdout
    assert "OVERVIEW:" in result.stdout


def test_migrate_applies_then_reports_current_then_reverts(acuback, sqlite_url, tmp_path):
    first = run(acuback, "migrate", "--database-url", sqlite_url, "--format", "json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["applied"][0] == "001_create_clinics"
    assert report["current"] is True and report["pending"] == []

    again = run(acuback, "migrate", "--database-url", sqlite_url)
    assert again.returncode == 0
    assert "The schema is current" in again.stdout

    revert = run(acuback, "migrate", "--revert", "--database-url", sqlite_url, "--format", "json")
    assert revert.returncode == 0, revert.stderr
    reverted = json.loads(revert.stdout)
    assert set(reverted["reverted"]) == set(report["applied"])
    assert reverted["current"] is False


def test_revert_all_needs_revert(acuback, sqlite_url):
    result = run(acuback, "migrate", "--all", "--database-url", sqlite_url)
    assert result.returncode != 0
    assert "--all only applies together with --revert" in result.stderr


def test_the_environment_names_the_database(acuback, tmp_path):
    path = tmp_path / "from-env.sqlite"
    result = subprocess.run(
        [str(acuback), "migrate"], capture_output=True, text=True, cwd=tmp_path,
        env={"ACUBACK_DATABASE_URL": f"sqlite://{path}", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_the_default_database_is_a_file_in_the_working_folder(acuback, tmp_path):
    result = subprocess.run([str(acuback), "migrate"], capture_output=True, text=True, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "acuback.sqlite").exists()
