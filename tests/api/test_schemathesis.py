"""Schemathesis against a live demo server: generated requests for every operation of the API
document (its examples, the boundaries of each schema, and random data), signed in as the clinic
admin and as a practitioner. No answer may be a server error or break the document: an
undocumented status, a wrong content type, or a body its schema does not allow."""
import re
import subprocess
import sys
from pathlib import Path

from conftest import DEMO, csrf_token, signed_in

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def api_token(url: str, email: str) -> str:
    session = signed_in(url, email)
    answer = session.post(url + "/account/tokens", data={"_csrf": csrf_token(session, url + "/account"), "name": "schemathesis"}, timeout=10)
    return re.search(r'id="new-token">([^<]+)<', answer.text).group(1)


def test_generated_requests_find_no_server_error_and_nothing_outside_the_document(demo_server):
    url = demo_server.url
    schemathesis = Path(sys.executable).with_name("schemathesis")
    for role in ("admin", "practitioner"):
        result = subprocess.run(
            [str(schemathesis), "run", url + "/api/v1/openapi.yaml", "--url", url,
             "--header", f"Authorization: Bearer {api_token(url, DEMO[role])}",
             "--checks", CHECKS, "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", "10", "--workers", "1",
             "--seed", "20261125", "--no-color"],
            capture_output=True, text=True, timeout=900)
        cases = re.search(r"(\d+) generated", result.stdout)
        print(f"schemathesis as {role}: {cases.group(1) if cases else '?'} cases", result.stdout[-400:])
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
        assert cases and int(cases.group(1)) > 500
