"""Signing in and out, registering, and resetting a password, in a real browser."""
import re
import sqlite3
import subprocess

from selenium.webdriver.common.by import By

from browser.conftest import console_errors, drain_console, sign_in, wait_for_page

RESET_LINK = re.compile(r"(http://\S+/password/reset\?token=[A-Za-z0-9_-]+)")


def latest_message(server, recipient: str) -> str:
    """The body of the newest outbox message to `recipient`, read from the server's database."""
    query = "SELECT body FROM outbox_messages WHERE recipient = '%s' ORDER BY created_at DESC LIMIT 1" % recipient
    if server.backend == "postgres":
        result = subprocess.run(["psql", server.database_url.split("?")[0], "-tAc", query], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        return result.stdout
    with sqlite3.connect(server.database_url.removeprefix("sqlite://")) as db:
        return db.execute(query).fetchone()[0]


def test_staff_sign_in_lands_on_their_work_and_sign_out_ends_it(browser, demo_server_on_each_database, artifacts):
    drain_console(browser)
    sign_in(browser, demo_server_on_each_database.url, "reception@demo.acuback.example")
    assert browser.current_url.endswith("/patients")
    assert "Margaret Hughes" in browser.find_element(By.ID, "patients").text
    nav = browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Main]").text
    assert "Patients" in nav and "Plan a treatment" not in nav, "reception does not plan treatments"
    cookie = browser.get_cookie("acuback_session")
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    browser.save_screenshot(str(artifacts / "signed-in-reception.png"))
    browser.find_element(By.ID, "sign-out").click()
    wait_for_page(browser, lambda d: d.get_cookie("acuback_session") is None)
    browser.get(demo_server_on_each_database.url + "/patients")
    assert "/login" in browser.current_url
    assert console_errors(browser) == []


def test_a_wrong_password_is_refused_without_saying_why(browser, demo_server_on_each_database):
    sign_in(browser, demo_server_on_each_database.url, "reception@demo.acuback.example", "not-the-password")
    message = browser.find_element(By.ID, "login-error").text
    assert message == "The email address or the password is not right."
    sign_in(browser, demo_server_on_each_database.url, "nobody@demo.acuback.example", "not-the-password")
    assert browser.find_element(By.ID, "login-error").text == message


def test_a_page_that_needs_sign_in_returns_there_afterwards(browser, demo_server_on_each_database):
    browser.delete_all_cookies()
    browser.get(demo_server_on_each_database.url + "/admin/audit")
    assert "/login?next=" in browser.current_url
    browser.find_element(By.ID, "email").send_keys("admin@demo.acuback.example")
    browser.find_element(By.ID, "password").send_keys("acuback-demo")
    browser.find_element(By.ID, "sign-in").click()
    wait_for_page(browser, lambda d: "/login" not in d.current_url)
    assert browser.current_url.endswith("/admin/audit")
    assert browser.find_element(By.ID, "audit-events").is_displayed()


def test_a_patient_registers_and_sees_only_their_own_record(browser, demo_server_on_each_database, artifacts):
    browser.delete_all_cookies()
    browser.get(demo_server_on_each_database.url + "/register")
    fields = {"givenName": "Iris", "familyName": "Bell", "email": "iris.bell@example.org",
              "password": "a long enough password", "confirmPassword": "a long enough password"}
    for name, value in fields.items():
        browser.find_element(By.ID, name).send_keys(value)
    browser.execute_script("document.getElementById('birthDate').value = '1979-10-12'")
    browser.find_element(By.ID, "register").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "registered") or d.find_elements(By.ID, "error-summary"))
    assert "iris.bell@example.org" in browser.find_element(By.ID, "registered").text
    assert "Iris Bell" in latest_message(demo_server_on_each_database, "iris.bell@example.org")
    sign_in(browser, demo_server_on_each_database.url, "iris.bell@example.org", "a long enough password")
    assert browser.find_element(By.ID, "patient-name").text == "Iris Bell"
    browser.save_screenshot(str(artifacts / "patient-own-record.png"))
    browser.get(demo_server_on_each_database.url + "/patients")
    assert "Not allowed" in browser.find_element(By.TAG_NAME, "h1").text


def test_a_forgotten_password_is_reset_through_the_emailed_link(browser, demo_server_on_each_database, artifacts):
    browser.delete_all_cookies()
    browser.get(demo_server_on_each_database.url + "/password/forgot")
    browser.find_element(By.ID, "email").send_keys("david.osei@demo.acuback.example")
    browser.find_element(By.ID, "send-link").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reset-sent"))
    assert "We have sent a message to that address" in browser.find_element(By.ID, "reset-sent").text

    link = RESET_LINK.search(latest_message(demo_server_on_each_database, "david.osei@demo.acuback.example")).group(1)
    browser.get(link)
    browser.find_element(By.ID, "password").send_keys("my new long password")
    browser.find_element(By.ID, "confirmPassword").send_keys("my new long password")
    browser.find_element(By.ID, "save-password").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reset-done") or d.find_elements(By.ID, "error-summary"))
    assert browser.find_element(By.ID, "reset-done").is_displayed()
    browser.save_screenshot(str(artifacts / "password-reset.png"))

    sign_in(browser, demo_server_on_each_database.url, "david.osei@demo.acuback.example", "my new long password")
    assert browser.find_element(By.ID, "patient-name").text == "David Osei"
    browser.get(link)
    assert browser.find_element(By.ID, "reset-invalid").is_displayed(), "a link works once"


def test_a_personal_api_token_is_shown_once(browser, demo_server_on_each_database):
    sign_in(browser, demo_server_on_each_database.url, "mei.chen@demo.acuback.example")
    browser.get(demo_server_on_each_database.url + "/account")
    browser.find_element(By.ID, "token-name").send_keys("my script")
    browser.find_element(By.ID, "create-token").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "new-token"))
    token = browser.find_element(By.ID, "new-token").text
    assert token.startswith("acb_")
    browser.get(demo_server_on_each_database.url + "/account")
    assert token not in browser.page_source
    import requests
    me = requests.get(demo_server_on_each_database.url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.status_code == 200 and me.json()["role"] == "practitioner"
    # A patient's account page offers the calendar link but no API tokens.
    sign_in(browser, demo_server_on_each_database.url, "margaret.hughes@demo.acuback.example")
    browser.get(demo_server_on_each_database.url + "/account")
    assert not browser.find_elements(By.ID, "token-form")
    assert "API" not in browser.find_element(By.TAG_NAME, "main").text


def test_on_a_phone_the_menu_folds_behind_a_button(browser, demo_server_on_each_database):
    sign_in(browser, demo_server_on_each_database.url, "reception@demo.acuback.example")
    browser.set_window_size(390, 844)
    try:
        browser.get(demo_server_on_each_database.url + "/reception")
        wait_for_page(browser, lambda d: d.find_elements(By.ID, "menu-toggle"))
        toggle = browser.find_element(By.ID, "menu-toggle")
        nav = browser.find_element(By.ID, "site-nav")
        # Folded, the page's heading starts near the top of the screen.
        assert toggle.is_displayed() and not nav.is_displayed()
        assert browser.find_element(By.TAG_NAME, "h1").location["y"] < 200
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true" and nav.is_displayed()
        nav.find_element(By.LINK_TEXT, "Patients").click()
        wait_for_page(browser, lambda d: "/patients" in d.current_url)
    finally:
        browser.set_window_size(1280, 1600)
    # On a wide screen the menu is simply there.
    browser.get(demo_server_on_each_database.url + "/reception")
    assert browser.find_element(By.ID, "site-nav").is_displayed() and not browser.find_element(By.ID, "menu-toggle").is_displayed()
