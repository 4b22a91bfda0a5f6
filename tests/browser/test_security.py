"""The pages under their Content-Security-Policy in a real browser, and stored cross-site
scripting: what a user typed is shown as text, never run."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from browser.conftest import console_errors, drain_console, sign_in
from conftest import DEMO, signed_in

PAGES = ["/", "/learn/back-pain", "/practitioners", "/patients", "/reception", "/practitioner/day", "/chair", "/plan",
         "/clinic/analytics", "/account"]


def test_the_pages_run_under_their_policy_without_violations(browser, demo_server):
    sign_in(browser, demo_server.url, DEMO["practitioner"])
    drain_console(browser)
    for path in PAGES:
        browser.get(demo_server.url + path)
        assert browser.find_elements(By.TAG_NAME, "main"), path
    browser.get(demo_server.url + "/patients?q=Hughes")
    browser.find_element(By.CSS_SELECTOR, "a[href^='/patients/']:not([href='/patients/new'])").click()
    browser.find_element(By.CSS_SELECTOR, "#course-list a").click()
    errors = console_errors(browser)
    assert errors == [], errors


def test_stored_markup_is_shown_as_text_and_never_runs(browser, demo_server):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    reception = signed_in(demo_server.url, DEMO["reception"])
    created = reception.post(demo_server.url + "/api/v1/patients", timeout=10,
                             json={"givenName": payload, "familyName": "O'Brien\" onmouseover=\"alert(2)", "birthDate": "1980-01-01"})
    assert created.status_code == 201, created.text
    patient = created.json()["id"]
    sign_in(browser, demo_server.url, DEMO["practitioner"])
    for path in ["/patients?q=Brien", f"/patients/{patient}"]:
        browser.get(demo_server.url + path)
        try:
            alert = browser.switch_to.alert
            raise AssertionError(f"a stored script ran on {path}: {alert.text}")
        except NoAlertPresentException:
            pass
        assert payload in browser.find_element(By.TAG_NAME, "main").text, path
        assert not browser.find_elements(By.CSS_SELECTOR, "main img[src='x']"), path
