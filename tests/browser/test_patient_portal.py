"""The patient's own portal on the demo clinic, in the browser, as Margaret Hughes (who has a plan
and a completed course): booking a treatment herself once the admin lets patients with a plan do
so, moving a visit until the notice period at phone size, and her record, course and session pages
in plain words with the technical details behind "Details for the curious".

Whatever the weekday and hour the tests run, the times they book or move to are on a weekday at
least 9 days ahead, well outside the demo's week of bookings and the clinic's notice period."""
from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser.conftest import console_errors, drain_console, sign_in
from browser.test_first_patient import click, field, has, submit, text_of, tick, wait_until
from conftest import DEMO, signed_in

LONDON = ZoneInfo("Europe/London")
DAYS_AHEAD = 9
PHONE = (390, 844)
QUESTION = re.compile(r"^(?P<verb>.+) on (?P<day>.+) at (?P<time>\d\d:\d\d) with (?P<with>.+)\?$")
POINT_CODE = re.compile(r"\b(?:BL|GV|KI|EX-B|AH|TF|CO)\d+\b")


def far_enough(start: str) -> bool:
    """Whether a time (ISO 8601, UTC) falls on a weekday at least DAYS_AHEAD days after today in London."""
    when = datetime.datetime.fromisoformat(start.replace("Z", "+00:00")).astimezone(LONDON)
    today = datetime.datetime.now(LONDON).date()
    return when.weekday() < 5 and (when.date() - today).days >= DAYS_AHEAD


def take_a_far_time(driver, question_starts: str, avoid: str = "") -> tuple[str, dict]:
    """Taps the first time offered on a weekday at least DAYS_AHEAD days ahead (opening the day it is
    folded under), checks the question the tap asks, accepts it, and waits for the visits page.
    Returns the time's start and the parts of the question (day, time, with)."""
    slots = [slot for slot in driver.find_elements(By.CSS_SELECTOR, "button.slot")
             if far_enough(slot.get_attribute("data-start")) and slot.get_attribute("data-start") != avoid]
    assert slots, "no time offered on a weekday at least 9 days ahead"
    slot = slots[0]
    start = slot.get_attribute("data-start")
    folded = driver.execute_script("var d = arguments[0].closest('details'); return d && !d.open ? d.querySelector('summary') : null;", slot)
    if folded is not None:
        click(driver, folded)
    assert slot.is_displayed()
    page = driver.find_element(By.TAG_NAME, "html")
    click(driver, slot)
    question = driver.switch_to.alert
    text = question.text
    assert text.startswith(question_starts), text
    parts = QUESTION.match(text)
    assert parts, text
    question.accept()
    wait_until(driver, lambda d: d.find_element(By.TAG_NAME, "html") != page and "/me/visits" in d.current_url)
    return start, parts.groupdict()


def visible_text(driver) -> str:
    """The text of the page's main content that is drawn on the screen: what a closed <details>
    holds is not, nor is a chart's <desc> (WebDriver's element text counts an SVG <desc> as
    shown, though a browser never draws it; a screen reader reads it as the chart's description)."""
    return driver.execute_script("""
        var main = document.querySelector('main'), walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT), parts = [];
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent.trim()) { continue; }
          var range = document.createRange();
          range.selectNodeContents(node);
          if (node.parentElement.checkVisibility({visibilityProperty: true}) &&
              Array.prototype.some.call(range.getClientRects(), function (box) { return box.width > 0 && box.height > 0; })) {
            parts.push(node.textContent.trim());
          }
        }
        return parts.join(' ');""")


def no_sideways_scroll(driver, page: str) -> None:
    widths = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{page} scrolls sideways at phone size: {widths[0]}px wide in a {widths[1]}px window"


def book_a_far_treatment_for_margaret(server) -> tuple[str, str]:
    """The desk books Margaret a treatment with Mei Lin Chen on a weekday at least 9 days ahead,
    through the API; returns the appointment's id and start."""
    reception = signed_in(server.url, DEMO["reception"])
    patients = reception.get(server.url + "/api/v1/patients", params={"q": "Hughes"}, timeout=10).json()["items"]
    practitioners = reception.get(server.url + "/api/v1/practitioners", timeout=10).json()["items"]
    mei = next(p for p in practitioners if p["name"] == "Mei Lin Chen")
    day = datetime.datetime.now(LONDON).date() + datetime.timedelta(days=DAYS_AHEAD)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(day, datetime.time(0, 0), LONDON).astimezone(datetime.timezone.utc)
    slots = requests.get(server.url + "/api/v1/availability", timeout=10, params={
        "practitionerId": mei["id"], "kind": "treatment", "limit": 1,
        "from": midnight.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (midnight + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }).json()["slots"]
    assert slots and far_enough(slots[0]["start"]), slots
    body = {"patientId": patients[0]["id"], "practitionerId": mei["id"], "kind": "treatment", "start": slots[0]["start"]}
    booked = reception.post(server.url + "/api/v1/appointments", json=body, timeout=30)
    assert booked.status_code == 201, booked.text
    return booked.json()["id"], slots[0]["start"]


def test_a_patient_books_a_treatment_where_the_clinic_allows_it(browser, demo_server, artifacts):
    server = demo_server
    drain_console(browser)

    # By default a patient books only a first consultation online: no choice of what for.
    sign_in(browser, server.url, DEMO["patient"])
    browser.get(server.url + "/book")
    wait_until(browser, has("practitioner-filter"))
    assert text_of(browser, "h1") == "Book a first consultation"
    assert not browser.find_elements(By.ID, "kind")

    # The admin lets patients with a plan book their own treatments.
    sign_in(browser, server.url, DEMO["admin"])
    browser.get(server.url + "/admin/clinic")
    wait_until(browser, has("save-settings"))
    assert not field(browser, "patientsBookTreatments").is_selected()
    tick(browser, "patientsBookTreatments")
    submit(browser, field(browser, "save-settings"), has("settings-saved"))
    assert not browser.find_elements(By.ID, "settings-error"), text_of(browser, "#settings-error")
    assert field(browser, "patientsBookTreatments").is_selected()

    # Margaret, who has a plan, now chooses what for: a treatment.
    sign_in(browser, server.url, DEMO["patient"])
    browser.get(server.url + "/book")
    wait_until(browser, has("kind"))
    kinds = Select(field(browser, "kind"))
    assert [option.text for option in kinds.options] == ["First consultation", "Treatment", "Review"]
    kinds.select_by_visible_text("Treatment")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#practitioner-filter button[type=submit]"),
           lambda d: d.find_element(By.TAG_NAME, "h1").text == "Book a treatment")
    assert "kind=treatment" in browser.current_url
    assert Select(field(browser, "kind")).first_selected_option.text == "Treatment"
    assert "needles stay in" in text_of(browser, ".lead")
    browser.save_screenshot(str(artifacts / "portal-book-treatment.png"))

    start, asked = take_a_far_time(browser, "Book a treatment on")
    wait_until(browser, has("visits"))
    booked = browser.find_element(By.CSS_SELECTOR, "#visits .just-booked")
    text = booked.text
    assert "Booked." in text, text
    assert f"{asked['day']}, {asked['time']}: treatment with" in text, (asked, text)
    # The visit is with the practitioner the time button and the question named.
    assert f"treatment with {asked['with']}" in text, f"the question asked to book with {asked['with']}; the visit booked: {text!r}"
    assert text_of(browser, "#book-visit") == "Book a visit"
    assert console_errors(browser) == []


def test_a_patient_moves_a_visit_until_the_notice_period(browser, demo_server, artifacts):
    server = demo_server
    visit, old_start = book_a_far_treatment_for_margaret(server)
    drain_console(browser)
    sign_in(browser, server.url, DEMO["patient"])
    browser.set_window_size(*PHONE)
    try:
        browser.get(server.url + "/me/visits")
        wait_until(browser, has("visits"))
        card = browser.find_element(By.CSS_SELECTOR, f"#visits li[data-visit='{visit}']")
        old_when = card.find_element(By.TAG_NAME, "strong").text
        assert "treatment with Mei Lin Chen" in card.text
        no_sideways_scroll(browser, "/me/visits")

        # The visit's own link leads to times with the same practitioner, from the end of the notice period.
        move = card.find_element(By.CSS_SELECTOR, "a[data-action=move]")
        assert move.text == "Move this visit"
        submit(browser, move, lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Move your "))
        assert browser.current_url.endswith(f"/me/visits/{visit}/move")
        heading = text_of(browser, "h1")
        assert heading.startswith("Move your treatment on ") and heading.endswith(old_when[-5:]), (heading, old_when)
        assert not browser.find_elements(By.ID, "practitioner-filter"), "moving keeps the practitioner and the kind"
        times = browser.find_elements(By.CSS_SELECTOR, "button.slot")
        assert times
        names = {time.find_element(By.CSS_SELECTOR, ".muted").get_attribute("textContent") for time in times}
        assert names == {"Mei Lin Chen"}, names
        assert old_start not in [time.get_attribute("data-start") for time in times]
        no_sideways_scroll(browser, "the move page")
        browser.save_screenshot(str(artifacts / "portal-move-phone.png"))

        new_start, asked = take_a_far_time(browser, "Move your treatment on", avoid=old_start)
        wait_until(browser, has("visit-moved"))
        moved = browser.find_element(By.CSS_SELECTOR, f"#visits li[data-visit='{visit}']")
        assert moved.find_element(By.ID, "visit-moved").text.startswith("Moved.")
        assert asked["with"] == "Mei Lin Chen"
        new_when = f"{asked['day']}, {asked['time']}"
        assert moved.find_element(By.TAG_NAME, "strong").text == new_when, moved.text
        assert "treatment with Mei Lin Chen" in moved.text
        assert old_when not in text_of(browser, "#visits"), "the old time is still listed"
        no_sideways_scroll(browser, "/me/visits after the move")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", moved)
        browser.save_screenshot(str(artifacts / "portal-moved-phone.png"))
    finally:
        browser.set_window_size(1280, 1600)
    assert new_start != old_start
    assert console_errors(browser) == []


def test_plain_words_on_the_patients_own_pages(browser, demo_server, artifacts):
    server = demo_server
    drain_console(browser)
    sign_in(browser, server.url, DEMO["patient"])
    browser.set_window_size(*PHONE)
    try:
        # Her record: the plan in plain words; the point codes wait behind the plan's details.
        browser.get(server.url + "/me")
        wait_until(browser, has("current-plan"))
        assert re.search(r"/patients/[0-9A-Fa-f-]{36}$", browser.current_url), browser.current_url
        plan = text_of(browser, "#current-plan")
        assert plan.startswith("Your plan") and "fine needles" in plan, plan
        shown = visible_text(browser)
        assert not POINT_CODE.findall(shown), f"point codes visible on the record: {POINT_CODE.findall(shown)}"
        details = field(browser, "plan-details")
        assert "BL25" not in details.text and not details.get_attribute("open")
        no_sideways_scroll(browser, "the record")
        browser.save_screenshot(str(artifacts / "portal-record-phone.png"))
        click(browser, details.find_element(By.TAG_NAME, "summary"))
        wait_until(browser, lambda d: d.find_element(By.ID, "plan-details").get_attribute("open") is not None)
        assert "BL25" in field(browser, "plan-details").text
        assert "BL25" in visible_text(browser)

        # Her course: headed in plain words; STRICTA and the modified Schober test wait behind the details.
        record = browser.current_url
        link = browser.find_element(By.CSS_SELECTOR, "#course-list a")
        submit(browser, link, has("course-title"))
        title = text_of(browser, "#course-title")
        assert title.startswith("Your course of "), title
        shown = visible_text(browser)
        assert "STRICTA" not in shown, "STRICTA is visible on the course page before the details are opened"
        assert "schober" not in shown.lower(), "the Schober test is named on the course page before the details are opened"
        no_sideways_scroll(browser, "the course page")
        browser.save_screenshot(str(artifacts / "portal-course-phone.png"))
        for summary in browser.find_elements(By.CSS_SELECTOR, "main details.curious > summary"):
            click(browser, summary)
        opened = visible_text(browser)
        assert "STRICTA" in opened and "Schober" in opened

        # A session of the course: a plain summary, the needle-by-needle record behind the details.
        browser.get(record)
        wait_until(browser, has("sessions"))
        session = browser.find_element(By.CSS_SELECTOR, "#sessions a[href^='/sessions/']")
        submit(browser, session, has("session"))
        summary = field(browser, "session-plain")
        assert summary.is_displayed() and "needles" in summary.text, summary.text
        assert not POINT_CODE.findall(visible_text(browser)), "point codes visible on the session page"
        no_sideways_scroll(browser, "the session page")
        browser.save_screenshot(str(artifacts / "portal-session-phone.png"))
    finally:
        browser.set_window_size(1280, 1600)
    assert console_errors(browser) == []
