"""Bad input at the edges: oversized bodies get 413, malformed JSON 400 naming the body, and
injection attempts are stored or searched as plain text."""
import requests

from conftest import DEMO, csrf_token, signed_in

BIG = b'{"givenName": "' + b"a" * (2 << 20) + b'"}'


def chunks(data: bytes, size: int = 65536):
    for start in range(0, len(data), size):
        yield data[start:start + size]


def test_oversized_bodies_are_refused_with_413(demo_server):
    url = demo_server.url
    reception = signed_in(url, DEMO["reception"])
    sized = reception.post(url + "/api/v1/patients", data=BIG, headers={"Content-Type": "application/json"}, timeout=30)
    assert sized.status_code == 413, sized.text[:300]
    assert sized.headers["content-type"].startswith("application/problem+json")
    chunked = reception.post(url + "/api/v1/patients", data=chunks(BIG), headers={"Content-Type": "application/json"}, timeout=30)
    assert chunked.status_code == 413, "a body sent in chunks without a length is measured too"
    form = requests.post(url + "/login", data=b"email=" + b"a" * (2 << 20), timeout=30,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 413
    assert reception.get(url + "/api/v1/patients", params={"limit": 100}, timeout=10).json()["total"] == 8, "nothing was stored"


def test_malformed_json_is_a_400_naming_the_body(demo_server):
    url = demo_server.url
    reception = signed_in(url, DEMO["reception"])
    for body in [b'{"givenName": ', b"[1, 2", b"\xff\xfe", b'{"givenName": "A", "familyName": "B", "birthDate": 19800101}']:
        answer = reception.post(url + "/api/v1/patients", data=body, headers={"Content-Type": "application/json"}, timeout=10)
        assert answer.status_code == 400, (body, answer.text)
        problem = answer.json()
        assert problem["errors"] and problem["errors"][0]["field"], problem


def test_injection_attempts_are_plain_text(demo_server_on_each_database):
    url = demo_server_on_each_database.url
    reception = signed_in(url, DEMO["reception"])
    attacks = ["' OR '1'='1", "x'); DROP TABLE patients; --", "%", "_", "\\", "Robert'); --"]
    for attack in attacks:
        found = reception.get(url + "/api/v1/patients", params={"q": attack}, timeout=10)
        assert found.status_code == 200 and found.json()["total"] == 0, (attack, found.text[:200])
    created = reception.post(url + "/api/v1/patients", timeout=10,
                             json={"givenName": "x'); DROP TABLE patients; --", "familyName": "%_\\", "birthDate": "1980-01-01"})
    assert created.status_code == 201, created.text
    again = reception.get(url + "/api/v1/patients/" + created.json()["id"], timeout=10).json()
    assert again["givenName"] == "x'); DROP TABLE patients; --" and again["familyName"] == "%_\\"
    assert reception.get(url + "/api/v1/patients", params={"q": "%_"}, timeout=10).json()["total"] == 1, "LIKE wildcards match literally"
    page = signed_in(url, DEMO["reception"])
    token = csrf_token(page, url + "/patients/new")
    assert page.get(url + "/patients", params={"q": "' OR 1=1 --"}, timeout=10).status_code == 200 and token
