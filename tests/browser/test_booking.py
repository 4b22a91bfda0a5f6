"""A new patient books a first consultation in the browser; reception sees it on the day view.

The patients register first: a demo patient may already hold the one open first consultation
the clinic allows (the demo week starts on Monday), and a new patient is who books one."""
from selenium.webdriver.common.by import By

from browser.conftest import console_errors, drain_console, register_patient, sign_in, wait_for_page


def contrast(browser, text, background) -> float:
    """The WCAG contrast ratio of `text`'s colour on `background`'s background colour."""
    return browser.execute_script("""
        function luminance(colour) {
          var parts = colour.match(/[0-9.]+/g).slice(0, 3).map(Number).map(function (c) {
            c = c / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
          });
          return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2];
        }
        var fore = luminance(getComputedStyle(arguments[0]).color);
        var back = luminance(getComputedStyle(arguments[1]).backgroundColor);
        return (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);""", text, background)


def test_a_patient_books_a_first_consultation(browser, demo_server_on_each_database, artifacts):
    server = demo_server_on_each_database
    drain_console(browser)
    register_patient(browser, server.url, "Nora", "Quill", "nora.quill@example.org")
    browser.get(server.url + "/practitioners")
    cards = browser.find_elements(By.CSS_SELECTOR, "#directory .card")
    assert {card.find_element(By.TAG_NAME, "h2").text for card in cards} == {"Mei Lin Chen", "Tomás Rivera"}
    practitioner = cards[0].get_attribute("data-practitioner")
    cards[0].find_element(By.LINK_TEXT, "Book a first consultation").click()
    wait_for_page(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "button.slot") or d.find_elements(By.ID, "no-times"))
    browser.save_screenshot(str(artifacts / "book-first-consultation.png"))
    slot = browser.find_elements(By.CSS_SELECTOR, "button.slot")[0]
    # The practitioner's name on the time button is readable: WCAG AA contrast (4.5:1) on the button.
    assert contrast(browser, slot.find_element(By.CSS_SELECTOR, ".muted"), slot) >= 4.5
    chosen = slot.get_attribute("data-start")
    # A tap asks before it books.
    slot.click()
    question = browser.switch_to.alert
    assert question.text.startswith("Book a first consultation on") and "?" in question.text
    question.accept()
    wait_for_page(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".just-booked"))
    booked = browser.find_element(By.CSS_SELECTOR, ".just-booked").text
    assert "consultation with" in booked
    assert "A reminder comes the day before" in booked
    browser.save_screenshot(str(artifacts / "visits.png"))
    assert console_errors(browser) == []

    # That practitioner no longer offers the time.
    browser.get(server.url + "/book?practitioner=" + practitioner)
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "practitioner-filter"))
    remaining = [b.get_attribute("data-start") for b in browser.find_elements(By.CSS_SELECTOR, "button.slot")]
    assert remaining and chosen not in remaining

    sign_in(browser, server.url, "reception@demo.acuback.example")
    browser.get(server.url + "/reception?date=" + chosen[:10])
    assert "Nora Quill" in browser.find_element(By.ID, "day-appointments").text
    browser.save_screenshot(str(artifacts / "reception-day.png"))


def test_a_patient_cancels_a_visit_with_notice(browser, demo_server):
    email = "owen.fairley.who.has.a.rather.long.address.at.work@department.example.org"
    register_patient(browser, demo_server.url, "Owen", "Fairley", email)
    # On a phone a long e-mail address wraps instead of widening the page.
    browser.set_window_size(390, 844)
    try:
        browser.get(demo_server.url + "/account")
        wait_for_page(browser, lambda d: email in d.find_element(By.TAG_NAME, "main").text)
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(1280, 1600)
    browser.get(demo_server.url + "/book")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "practitioner-filter"))
    # Days after the first two are folded under their date: open the last, and pick its last time,
    # more than a day ahead, so the notice period allows cancelling online.
    folded = browser.find_elements(By.CSS_SELECTOR, "details.day")
    assert folded and not folded[-1].find_element(By.CSS_SELECTOR, "button.slot").is_displayed()
    folded[-1].find_element(By.TAG_NAME, "summary").click()
    folded[-1].find_elements(By.CSS_SELECTOR, "button.slot")[-1].click()
    browser.switch_to.alert.accept()
    wait_for_page(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".just-booked"))
    visit = browser.find_element(By.CSS_SELECTOR, ".just-booked")
    visit.find_element(By.CSS_SELECTOR, "button.button-danger").click()
    assert browser.switch_to.alert.text.startswith("Cancel your")
    browser.switch_to.alert.accept()
    wait_for_page(browser, lambda d: not d.find_elements(By.CSS_SELECTOR, ".just-booked"))
    assert "/me/visits" in browser.current_url
