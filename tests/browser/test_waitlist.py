"""The waitlist in a real browser, from an empty clinic: the admin sets the clinic and the offer
window up, a practitioner joins, one patient books the first free time and a second joins the
waitlist; the desk cancels the first patient's visit, the second patient gets the offer by mail
(through the server's SMTP outbox), follows the link and books it; the link then says plainly
that it is taken.

Each step is a function taking the driver and the server, so a later test can go on from the
booked visit (to payment and a receipt, say). Runs on SQLite, and PostgreSQL when configured.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser.conftest import console_errors, drain_console, sign_in
from browser.test_first_patient import (  # noqa: F401 (new_clinic is a fixture used by name)
    admin_invites_the_practitioner,
    admin_sets_up_the_clinic,
    click,
    field,
    has,
    new_clinic,
    patient_registers_and_books,
    practitioner_joins,
    set_value,
    submit,
    text_of,
    type_into,
    wait_until,
)

WAITING_GIVEN, WAITING_FAMILY = "Gwen", "Ashby"
WAITING_EMAIL = "gwen.ashby@mail.test"
WAITING_PASSWORD = "waiting for an earlier time"
OFFER_MINUTES = "60"
OFFER_LINK = re.compile(r"https?://\S+/waitlist/offers/[A-Za-z0-9_\-]+")


def shot(driver, artifacts, backend: str, name: str) -> None:
    driver.save_screenshot(str(artifacts / f"waitlist-{backend}-{name}.png"))


def admin_sets_the_offer_window(driver, server, minutes: str = OFFER_MINUTES) -> None:
    """The clinic page's waitlist section: how long a patient has to take an offer."""
    driver.get(server.url + "/admin/clinic")
    type_into(driver, "offerMinutes", minutes)
    submit(driver, field(driver, "save-waitlist-settings"), has("waitlist-settings-saved"))
    assert field(driver, "offerMinutes").get_attribute("value") == minutes


def patient_registers(driver, server, inbox, given: str, family: str, email: str, password: str) -> None:
    """A new patient registers on the public page and signs in."""
    driver.delete_all_cookies()
    driver.get(server.url + "/register")
    type_into(driver, "givenName", given)
    type_into(driver, "familyName", family)
    set_value(driver, field(driver, "birthDate"), "1984-07-09")
    type_into(driver, "email", email)
    type_into(driver, "password", password)
    type_into(driver, "confirmPassword", password)
    submit(driver, field(driver, "register"), lambda d: d.find_elements(By.ID, "registered") or d.find_elements(By.ID, "error-summary"))
    assert not driver.find_elements(By.ID, "error-summary"), text_of(driver, "#error-summary")
    inbox.wait_for(email, "Your account at")
    sign_in(driver, server.url, email, password)


def patient_joins_the_waitlist(driver, server, earliest: str = "07:00", latest: str = "21:00") -> None:
    """From their visits page: a first consultation with any practitioner, any day of the week."""
    driver.get(server.url + "/me/visits")
    submit(driver, field(driver, "waitlist-link"), has("waitlist-join"))
    assert driver.find_elements(By.ID, "no-waitlist")
    Select(field(driver, "waitlist-kind")).select_by_value("consultation")
    Select(field(driver, "waitlist-practitioner")).select_by_value("")
    for weekday in range(1, 8):
        box = field(driver, f"weekday-{weekday}")
        if not box.is_selected():
            click(driver, box)
    # An impossible range is refused, naming the field, and nothing is stored.
    set_value(driver, field(driver, "waitlist-from"), "12:00")
    set_value(driver, field(driver, "waitlist-to"), "11:00")
    submit(driver, field(driver, "join-waitlist"), has("waitlist-error"))
    assert "later than the earliest time" in text_of(driver, "#waitlist-error"), text_of(driver, "#waitlist-error")
    assert driver.find_elements(By.ID, "no-waitlist")
    drain_console(driver)  # the refused form's 400, on purpose
    set_value(driver, field(driver, "waitlist-from"), earliest)
    set_value(driver, field(driver, "waitlist-to"), latest)
    submit(driver, field(driver, "join-waitlist"), has("waitlist-joined"))
    entries = driver.find_elements(By.CSS_SELECTOR, "#waitlist-entries li[data-entry]")
    assert len(entries) == 1 and "any practitioner" in entries[0].text and "Waiting" in entries[0].text, [e.text for e in entries]


def desk_sees_the_waitlist(driver, server, patient_name: str) -> None:
    driver.get(server.url + "/reception/waitlist")
    assert patient_name in text_of(driver, "#waitlist-entries"), text_of(driver, "main")


def desk_cancels_the_visit(driver, server, start_iso: str, patient_name: str) -> None:
    """The desk's day view: the visit's Cancel button (after the confirmation)."""
    driver.get(f"{server.url}/reception?date={start_iso[:10]}")
    rows = [row for row in driver.find_elements(By.CSS_SELECTOR, "#day-appointments tr[data-appointment]") if patient_name in row.text]
    assert len(rows) == 1, text_of(driver, "main")[:1000]
    button = rows[0].find_element(By.CSS_SELECTOR, "form[action$='/cancel'] button")
    click(driver, button)
    driver.switch_to.alert.accept()
    wait_until(driver, lambda d: "cancelled=" in d.current_url)


def offer_link_from_mail(server, inbox, email: str) -> str:
    mail = inbox.wait_for(email, "A time has come free")
    links = OFFER_LINK.findall(mail)
    assert links, "no offer link in the mail:\n" + mail
    assert urlsplit(links[0]).netloc == urlsplit(server.url).netloc, f"the offer links to {links[0]}, the server is at {server.url}"
    return links[0]


def patient_books_the_offer(driver, link: str) -> str:
    """Opens the mailed link and presses the button; returns the time shown."""
    driver.get(link)
    assert driver.find_elements(By.ID, "book-offer"), text_of(driver, "main")
    when = text_of(driver, "#offer-when")
    submit(driver, field(driver, "book-offer"), lambda d: d.find_elements(By.ID, "offer-booked") or d.find_elements(By.ID, "offer-error"))
    assert not driver.find_elements(By.ID, "offer-error"), text_of(driver, "#offer-error")
    return when


def test_a_cancelled_time_is_offered_to_the_waiting_patient_who_books_it(browser, new_clinic, artifacts):
    server, inbox = new_clinic
    # A page left open by an earlier test keeps polling its stopped server: leave it first.
    browser.get("about:blank")
    drain_console(browser)
    admin_sets_up_the_clinic(browser, server, artifacts)
    admin_invites_the_practitioner(browser, server)
    admin_sets_the_offer_window(browser, server)
    practitioner_joins(browser, server, inbox, artifacts)

    # One patient takes the first free time; another waits for a time like it.
    start = patient_registers_and_books(browser, server, inbox, artifacts)
    patient_registers(browser, server, inbox, WAITING_GIVEN, WAITING_FAMILY, WAITING_EMAIL, WAITING_PASSWORD)
    patient_joins_the_waitlist(browser, server)
    shot(browser, artifacts, server.backend, "01-joined")

    from browser.test_first_patient import ADMIN_EMAIL, ADMIN_PASSWORD, PATIENT_NAME
    sign_in(browser, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    desk_sees_the_waitlist(browser, server, f"{WAITING_GIVEN} {WAITING_FAMILY}")
    desk_cancels_the_visit(browser, server, start, PATIENT_NAME)
    browser.get(server.url + "/reception/waitlist")
    assert f"{WAITING_GIVEN} {WAITING_FAMILY}" in text_of(browser, "#waitlist-offers")
    shot(browser, artifacts, server.backend, "02-offer-out")

    # The offer arrives by mail; the link books it without signing in, and only once.
    link = offer_link_from_mail(server, inbox, WAITING_EMAIL)
    browser.delete_all_cookies()
    patient_books_the_offer(browser, link)
    shot(browser, artifacts, server.backend, "03-booked")
    browser.get(link)
    assert not browser.find_elements(By.ID, "book-offer")
    assert "already been taken" in text_of(browser, "#offer-gone")

    sign_in(browser, server.url, WAITING_EMAIL, WAITING_PASSWORD)
    browser.get(server.url + "/me/visits")
    visits = text_of(browser, "#visits")
    assert "first consultation with" in visits, visits
    browser.get(server.url + "/me/waitlist")
    assert "Booked from an offer" in text_of(browser, "#waitlist-entries")
    assert console_errors(browser) == []
