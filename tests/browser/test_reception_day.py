"""Reception's day view as the front desk uses it: a start time not already past, a refused booking
that keeps what was chosen, a message after booking and after cancelling, and a cancel that asks first."""
import datetime
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser.conftest import console_errors, drain_console, sign_in, wait_for_page

CLINIC_ZONE = ZoneInfo("Europe/London")


def test_the_desk_books_and_cancels_with_the_page_saying_what_happened(browser, demo_server):
    drain_console(browser)
    sign_in(browser, demo_server.url, "reception@demo.acuback.example")
    browser.get(demo_server.url + "/reception")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))

    # Today the form offers a start from the next quarter hour on, never one already gone.
    offered = datetime.datetime.fromisoformat(browser.find_element(By.ID, "book-start").get_attribute("value")).replace(tzinfo=CLINIC_ZONE)
    assert offered > datetime.datetime.now(CLINIC_ZONE) - datetime.timedelta(minutes=1), offered

    # A booking on a later weekday at 11:00, first without a patient: refused, with the rest kept.
    day = datetime.date.today() + datetime.timedelta(days=14)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    browser.get(f"{demo_server.url}/reception?date={day.isoformat()}")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))
    practitioner = Select(browser.find_element(By.ID, "book-practitioner"))
    practitioner.select_by_visible_text("Mei Lin Chen")
    Select(browser.find_element(By.ID, "book-kind")).select_by_value("review")
    start = f"{day.isoformat()}T11:00"
    browser.execute_script("document.getElementById('book-start').value = arguments[0]", start)
    browser.find_element(By.ID, "book-submit").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-error"))
    assert "Patient: choose a patient" in browser.find_element(By.ID, "booking-error").text
    assert Select(browser.find_element(By.ID, "book-practitioner")).first_selected_option.text == "Mei Lin Chen"
    assert Select(browser.find_element(By.ID, "book-kind")).first_selected_option.get_attribute("value") == "review"
    assert browser.find_element(By.ID, "book-start").get_attribute("value") == start

    # With the patient chosen it is booked, and the page says so.
    patients = Select(browser.find_element(By.ID, "book-patient"))
    patients.select_by_index(1)
    browser.find_element(By.ID, "book-submit").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-done"))
    done = browser.find_element(By.ID, "booking-done").text
    assert done.startswith("Booked: review for") and "Mei Lin Chen" in done and "11:00" in done

    # Cancelling asks first: no keeps the visit, yes cancels it and says so.
    row = browser.find_element(By.XPATH, "//table[@id='day-appointments']//tr[td[1][text()='11:00'] and td[3][starts-with(., 'review')]]")
    appointment = row.get_attribute("data-appointment")
    row.find_element(By.CSS_SELECTOR, "button.button-danger").click()
    alert = browser.switch_to.alert
    assert "Cancel" in alert.text and "11:00" in alert.text
    alert.dismiss()
    assert browser.find_elements(By.CSS_SELECTOR, f"#day-appointments tr[data-appointment='{appointment}']")
    browser.find_element(By.CSS_SELECTOR, f"#day-appointments tr[data-appointment='{appointment}'] button.button-danger").click()
    browser.switch_to.alert.accept()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-done") and "Cancelled" in d.find_element(By.ID, "booking-done").text)
    assert not browser.find_elements(By.CSS_SELECTOR, f"#day-appointments tr[data-appointment='{appointment}']")
    errors = [entry for entry in console_errors(browser) if "/reception/book" not in entry["message"]]
    assert errors == [], errors


def later_weekday(days: int) -> datetime.date:
    day = datetime.date.today() + datetime.timedelta(days=days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def test_the_desk_books_from_a_free_time_and_moves_the_visit(browser, demo_server):
    drain_console(browser)
    sign_in(browser, demo_server.url, "reception@demo.acuback.example")
    day = later_weekday(16)
    browser.get(f"{demo_server.url}/reception?date={day.isoformat()}")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))

    # A free stretch in Mei Lin Chen's row fills the form with her and that time.
    row = browser.find_element(By.XPATH, "//div[contains(@class,'timeline-practitioner')][span[starts-with(normalize-space(.), 'Mei Lin Chen')]]")
    free = row.find_elements(By.CSS_SELECTOR, "a.block-free")
    assert free, "Mei Lin Chen has free time on a weekday two weeks ahead"
    time = free[0].get_attribute("data-free")
    free[0].click()
    wait_for_page(browser, lambda d: "start=" in d.current_url)
    assert Select(browser.find_element(By.ID, "book-practitioner")).first_selected_option.text == "Mei Lin Chen"
    assert browser.find_element(By.ID, "book-start").get_attribute("value") == f"{day.isoformat()}T{time}"
    # A review is the shortest visit, so it fits at the start of any free stretch.
    Select(browser.find_element(By.ID, "book-kind")).select_by_value("review")
    Select(browser.find_element(By.ID, "book-patient")).select_by_index(1)
    browser.find_element(By.ID, "book-submit").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-done"))
    assert browser.find_element(By.ID, "booking-done").text.startswith("Booked: review for")
    row = browser.find_element(By.XPATH, f"//table[@id='day-appointments']//tr[td[1][text()='{time}'] and td[3][starts-with(., 'review')]]")
    appointment = row.get_attribute("data-appointment")
    assert row.find_element(By.CSS_SELECTOR, "[data-status]").text == "Booked"
    # Arrival is for the day itself; a no-show for a time gone by: neither is offered two weeks ahead.
    assert not row.find_elements(By.CSS_SELECTOR, "[data-action='arrived'], [data-action='noShow']")

    # Moving to a time the clinic is closed is refused with the reason; the visit stays where it was.
    def move_to(value: str) -> None:
        current = browser.find_element(By.CSS_SELECTOR, f"#day-appointments tr[data-appointment='{appointment}']")
        current.find_element(By.CSS_SELECTOR, "details.move summary").click()
        field = current.find_element(By.CSS_SELECTOR, "input[name='start']")
        browser.execute_script("arguments[0].value = arguments[1]", field, value)
        current.find_element(By.CSS_SELECTOR, "[data-action='move']").click()

    move_to(f"{day.isoformat()}T23:00")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-error"))
    assert "cannot be booked" in browser.find_element(By.ID, "booking-error").text
    assert browser.find_elements(By.XPATH, f"//table[@id='day-appointments']//tr[@data-appointment='{appointment}' and td[1][text()='{time}']]")

    # To the next day at the same time (or the first free one there): moved, and the page says so.
    next_day = day + datetime.timedelta(days=1)
    while next_day.weekday() >= 5:
        next_day += datetime.timedelta(days=1)
    browser.get(f"{demo_server.url}/reception?date={next_day.isoformat()}")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))
    target = browser.find_element(By.XPATH, "//div[contains(@class,'timeline-practitioner')][span[starts-with(normalize-space(.), 'Mei Lin Chen')]]//a[contains(@class,'block-free')]").get_attribute("data-free")
    browser.get(f"{demo_server.url}/reception?date={day.isoformat()}")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))
    move_to(f"{next_day.isoformat()}T{target}")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "booking-done") or d.find_elements(By.ID, "booking-error"))
    assert not browser.find_elements(By.ID, "booking-error"), browser.find_element(By.ID, "booking-error").text
    assert browser.find_element(By.ID, "booking-done").text.startswith("Moved: review for")
    assert f"date={next_day.isoformat()}" in browser.current_url
    assert browser.find_elements(By.XPATH, f"//table[@id='day-appointments']//tr[@data-appointment='{appointment}' and td[1][text()='{target}']]")
    errors = [entry for entry in console_errors(browser) if "/reception/appointments" not in entry["message"]]
    assert errors == [], errors


def test_the_day_view_on_a_phone(browser, demo_server, artifacts):
    """At phone size the day view keeps to the screen's width: the timeline scrolls in its own box,
    and a free stretch still fills the booking form."""
    sign_in(browser, demo_server.url, "reception@demo.acuback.example")
    day = later_weekday(18)
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{demo_server.url}/reception?date={day.isoformat()}")
        wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), (
            "the day view scrolls sideways on a phone: " + str(browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")))
        free = browser.find_elements(By.CSS_SELECTOR, "a.block-free")
        assert free, "free stretches are offered on a phone too"
        href = free[0].get_attribute("href")
        browser.get(href)
        wait_for_page(browser, lambda d: d.find_elements(By.ID, "reception-book"))
        assert browser.find_element(By.ID, "book-start").get_attribute("value").startswith(day.isoformat())
        submit = browser.find_element(By.ID, "book-submit")
        assert submit.size["height"] >= 44, submit.size
        browser.save_screenshot(str(artifacts / "reception-phone.png"))
    finally:
        browser.set_window_size(1280, 1600)
