"""The same binary on PostgreSQL, when the test run has one (ACUBACK_TEST_POSTGRES_URL)."""
import os
import subprocess

import pytest
import requests

from conftest import ON_POSTGRES, start_server

POSTGRES = os.environ.get("ACUBACK_TEST_POSTGRES_URL")
pytestmark = [pytest.mark.skipif(not POSTGRES, reason="ACUBACK_TEST_POSTGRES_URL is not set"), ON_POSTGRES]


def migrate(binary, *args):
    return subprocess.run([str(binary), "migrate", "--database-url", POSTGRES, *args], capture_output=True, text=True, timeout=120)


def test_serves_the_demo_clinic_on_postgres(acuback, tmp_path):
    assert migrate(acuback, "--revert", "--all").returncode == 0
    server = start_server(acuback, POSTGRES, "--demo", cwd=tmp_path)
    try:
        assert "Loaded the demo clinic" in server.output
        ready = requests.get(server.url + "/readyz", timeout=10)
        assert ready.status_code == 200, ready.text
        assert ready.json()["database"].startswith("postgres")
        assert requests.get(server.url + "/learn/back-pain", timeout=10).status_code == 200
        assert "acuback:acuback@" not in server.output, "the password must not be logged"
    finally:
        assert server.stop() == 0, server.output
    reverted = migrate(acuback, "--revert", "--all")
    assert reverted.returncode == 0, reverted.stderr
    assert "001_create_clinics" in reverted.stdout
