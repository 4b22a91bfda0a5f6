"""No password, token or session secret appears in the server's log, even at trace level."""
import re

import requests

from conftest import DEMO, csrf_token, signed_in, start_server


def test_secrets_stay_out_of_the_log(acuback, demo_sqlite_url, tmp_path):
    server = start_server(acuback, demo_sqlite_url, "--demo", "--log-level", "trace", cwd=tmp_path)
    try:
        url = server.url
        session = signed_in(url, DEMO["admin"])
        cookies = [cookie.value for cookie in session.cookies]
        answer = session.post(url + "/account/tokens", data={"_csrf": csrf_token(session, url + "/account"), "name": "log test"}, timeout=10)
        token = re.search(r'id="new-token">([^<]+)<', answer.text).group(1)
        assert requests.get(url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 200
        wrong = requests.Session()
        wrong.post(url + "/login", data={"_csrf": csrf_token(wrong, url + "/login"), "email": DEMO["practitioner"],
                                         "password": "Sup3r-secret-guess"}, timeout=10)
        requests.post(url + "/password/forgot", data={"email": DEMO["patient"]}, timeout=10)
    finally:
        assert server.stop() == 0
    log = server.output
    assert "GET /api/v1/me" in log or "/api/v1/me" in log, "the trace log records requests"
    # The demo's shared password is public by design (printed at start, and the same words as the
    # demo clinic's slug), so the secrets checked are a typed password, a token and the cookies.
    for secret in ["Sup3r-secret-guess", token, *cookies]:
        assert secret and secret not in log, f"a secret appears in the log: {secret[:6]}…"
