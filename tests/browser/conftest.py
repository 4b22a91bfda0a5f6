"""A headless Chromium driven by Selenium, using Debian's chromium and chromium-driver."""
from __future__ import annotations

import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "chromium and chromium-driver are needed: `make test` installs them"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    yield driver
    driver.quit()


def drain_console(driver) -> None:
    """Forgets console entries left by earlier tests."""
    driver.get_log("browser")


def console_errors(driver) -> list[dict]:
    """Browser console entries at error level since the last call."""
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def sign_in(driver, base_url: str, email: str, password: str = "acuback-demo") -> None:
    """Signs in through the login page."""
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in").click()
    wait_for_page(driver, lambda d: "/login" not in d.current_url or d.find_elements(By.ID, "login-error"))


def wait_for_page(driver, condition, timeout: float = 15) -> None:
    """Waits until a form submission has loaded its answer and `condition` holds."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    # While the old page is being replaced, an element read goes stale, or chromium's inspector
    # answers "unknown error" for a script run in the unloading page: look again until the timeout.
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return document.readyState") == "complete" and condition(d))


def register_patient(driver, base_url: str, given: str, family: str, email: str, password: str = "a long enough password") -> None:
    """Registers a new patient through the page and signs in as them: a patient with no visits yet."""
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base_url + "/register")
    fields = {"givenName": given, "familyName": family, "email": email, "password": password, "confirmPassword": password}
    for name, value in fields.items():
        driver.find_element(By.ID, name).send_keys(value)
    driver.execute_script("document.getElementById('birthDate').value = '1981-04-23'")
    driver.find_element(By.ID, "register").click()
    wait_for_page(driver, lambda d: d.find_elements(By.ID, "registered") or d.find_elements(By.ID, "error-summary"))
    assert driver.find_elements(By.ID, "registered"), driver.find_element(By.ID, "error-summary").text
    sign_in(driver, base_url, email, password)
