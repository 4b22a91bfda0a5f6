"""A whole treatment session at the chair in the browser: the practitioner settles the plan,
starts the session from a booked treatment, taps every needle in on the back chart, watches the
server-timed countdown, takes the needles out, closes with the reason an early removal needs,
and the patient sends the check-in from the portal."""
import datetime

import requests
from selenium.common.exceptions import ElementClickInterceptedException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from browser.conftest import console_errors, drain_console, sign_in, wait_for_page
from conftest import DEMO, signed_in


def book_treatment_for_margaret(server) -> str:
    """Reception books a treatment with Mei Lin Chen for Margaret Hughes through the API."""
    reception = signed_in(server.url, DEMO["reception"])
    patients = reception.get(server.url + "/api/v1/patients", params={"q": "Hughes"}, timeout=10).json()["items"]
    practitioners = reception.get(server.url + "/api/v1/practitioners", timeout=10).json()["items"]
    mei = next(p for p in practitioners if p["name"] == "Mei Lin Chen")
    now = datetime.datetime.now(datetime.timezone.utc)
    slots = requests.get(server.url + "/api/v1/availability", timeout=10, params={
        "practitionerId": mei["id"], "kind": "treatment", "limit": 1,
        "from": (now + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (now + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }).json()["slots"]
    body = {"patientId": patients[0]["id"], "practitionerId": mei["id"], "kind": "treatment", "start": slots[0]["start"]}
    booked = reception.post(server.url + "/api/v1/appointments", json=body, timeout=30)
    assert booked.status_code == 201, booked.text
    return booked.json()["id"]


def ledger_length(browser) -> str | None:
    """The ledger length the page shows, or None while the page is being replaced."""
    try:
        return browser.find_element(By.ID, "session").get_attribute("data-ledger-length")
    except (NoSuchElementException, StaleElementReferenceException):
        return None


def press(browser, element) -> None:
    """Clicks like a finger would; a marker partly under a neighbour gets the click sent to it."""
    before = ledger_length(browser)
    try:
        element.click()
    except ElementClickInterceptedException:
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element)
    wait_for_page(browser, lambda d: ledger_length(d) not in (None, before))


def tap_beside_a_marker(browser, into_view: bool = False) -> str:
    """Taps 20 px left of a waiting marker's centre, on one with no other marker near that spot;
    `into_view`: scrolls that marker to the middle of the window first (a phone shows only part of
    the chart). The page's scroll position just before the tap is kept in window.__scrollBeforeTap."""
    from selenium.webdriver.common.action_chains import ActionChains

    centres = browser.execute_script("""
        return Array.from(document.querySelectorAll('.chair-chart .needle[data-key] .hit')).map(function (hit) {
          var box = hit.getBoundingClientRect(), marker = hit.closest('.needle');
          return [marker.getAttribute('data-key'), marker.getAttribute('data-state'), box.left + box.width / 2, box.top + box.height / 2, box.width / 2];
        });""")
    for key, state, x, y, radius in centres:
        spot = (x - 20, y)
        others = [((ox - spot[0]) ** 2 + (oy - spot[1]) ** 2) ** 0.5 for other, _, ox, oy, _ in centres if other != key]
        if state == "waiting" and all(distance > 30 for distance in others):
            hit = browser.find_element(By.CSS_SELECTOR, f".chair-chart .needle[data-key='{key}'] .hit")
            if into_view:
                browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", hit)
            browser.execute_script("window.__scrollBeforeTap = window.scrollY")
            before = ledger_length(browser)
            ActionChains(browser).move_to_element_with_offset(hit, -20, 0).click().perform()
            wait_for_page(browser, lambda d: ledger_length(d) not in (None, before))
            return key
    raise AssertionError(f"no marker stands clear of the others: {centres}")


def start_the_session(browser, server, appointment: str) -> str:
    """As the signed-in practitioner: settles Margaret's plan on her record, then starts the session
    of the booked treatment at the chair; returns the session's id."""
    # Settle the plan on Margaret's record.
    browser.get(server.url + "/patients")
    browser.find_element(By.LINK_TEXT, "Margaret Hughes").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "save-plan"))
    browser.find_element(By.ID, "save-plan").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "plan-saved"))
    assert "needles" in browser.find_element(By.ID, "current-plan").text

    # Start the session from the booked treatment.
    browser.get(server.url + "/chair")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "start-session"))
    browser.find_element(By.CSS_SELECTOR, f"#start-appointment option[value='{appointment}']").click()
    browser.find_element(By.ID, "start-pain").send_keys("6")
    # The treatment was booked for a later day, so starting it now needs a reason, which the session shows.
    browser.find_element(By.ID, "start-off-day").send_keys("Patient came in early")
    browser.find_element(By.CSS_SELECTOR, "#start-session button[type=submit]").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "session"))
    return browser.find_element(By.ID, "session").get_attribute("data-session")


def test_a_full_session_at_the_chair(browser, demo_server_on_each_database, artifacts):
    server = demo_server_on_each_database
    appointment = book_treatment_for_margaret(server)
    drain_console(browser)
    sign_in(browser, server.url, DEMO["practitioner"])

    session_id = start_the_session(browser, server, appointment)
    assert "Patient came in early" in browser.find_element(By.ID, "off-day").text
    planned = len(browser.find_elements(By.CSS_SELECTOR, "#needle-table tr.needle-row"))
    assert planned >= 16
    assert browser.find_element(By.ID, "count-in").text == "0 in"
    assert not browser.find_elements(By.ID, "chair-message") and not browser.find_elements(By.ID, "count-lost")

    # Every needle in: a tap on its marker on the chart, or its In button when the chart has no marker for it.
    # Each tap redraws the session in place: the page is not reloaded and does not jump to the top.
    browser.execute_script("window.stillTheSamePage = true; window.scrollTo(0, 400)")
    # A slip is taken back with the Undo bar the last tap shows.
    press(browser, browser.find_element(By.CSS_SELECTOR, ".chair-chart .needle.state-waiting .hit"))
    assert browser.find_element(By.ID, "count-in").text == "1 in"
    assert "Last: In:" in browser.find_element(By.ID, "undo-form").text
    press(browser, browser.find_element(By.ID, "undo"))
    assert browser.find_element(By.ID, "count-in").text == "0 in"
    assert not browser.find_elements(By.ID, "undo-form")

    # On a tablet a tap a fingertip's width beside a marker (20 px from its centre) still reaches
    # it: each marker is a 44-pixel target, the nearest one winning where they crowd.
    browser.set_window_size(820, 1180)
    try:
        key = tap_beside_a_marker(browser)
        wait_for_page(browser, lambda d: d.find_element(By.CSS_SELECTOR, f".chair-chart .needle[data-key='{key}']").get_attribute("data-state") == "in")
    finally:
        browser.set_window_size(1280, 1600)
    browser.execute_script("window.scrollTo(0, 400)")
    while True:
        markers = browser.find_elements(By.CSS_SELECTOR, ".chair-chart .needle.state-waiting .hit")
        if markers:
            press(browser, markers[0])
            continue
        buttons = browser.find_elements(By.CSS_SELECTOR, "#needle-table .needle-in")
        if not buttons:
            break
        press(browser, buttons[0])
    assert browser.find_element(By.ID, "count-in").text == f"{planned} in"
    assert browser.execute_script("return window.stillTheSamePage") is True
    assert browser.execute_script("return window.scrollY") > 200, "a tap scrolled the page back to the top"
    browser.save_screenshot(str(artifacts / "chair-all-in.png"))

    # The timer started by itself with the last needle; the page counts down from the server's start.
    ends_at = browser.find_element(By.ID, "timer").get_attribute("data-ends-at")
    assert ends_at
    practitioner = signed_in(server.url, DEMO["practitioner"])
    api = practitioner.get(f"{server.url}/api/v1/sessions/{session_id}", timeout=10).json()
    assert api["timer"]["running"] is True
    api_end = datetime.datetime.fromisoformat(api["timer"]["endsAt"].replace("Z", "+00:00"))
    page_end = datetime.datetime.fromisoformat(ends_at.replace("Z", "+00:00"))
    assert abs((api_end - page_end).total_seconds()) < 1
    shown = browser.find_element(By.ID, "countdown").text
    minutes, seconds = (int(part) for part in shown.split(":"))
    assert 0 < api["timer"]["remainingSeconds"] - (minutes * 60 + seconds) + 5 < 15, (shown, api["timer"])
    browser.refresh()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "timer"))
    assert browser.find_element(By.ID, "timer").get_attribute("data-ends-at") == ends_at

    # The dashboard shows the running timer.
    browser.get(server.url + "/chair")
    card = browser.find_element(By.CSS_SELECTOR, f".timer-card[data-session='{session_id}']")
    assert "Margaret Hughes" in card.text and card.find_element(By.CSS_SELECTOR, ".countdown").text
    browser.save_screenshot(str(artifacts / "chair-dashboard.png"))
    card.find_element(By.TAG_NAME, "a").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "session"))

    # One needle out by tapping it, then the rest at once, counted.
    press(browser, browser.find_element(By.CSS_SELECTOR, ".chair-chart .needle.state-in .hit"))
    assert browser.find_element(By.ID, "count-out").text == "1 out"
    browser.find_element(By.ID, "out-count").send_keys(str(planned - 1))
    press(browser, browser.find_element(By.ID, "all-out"))
    assert browser.find_element(By.ID, "count-in").text == "0 in"
    # With every needle out the countdown stops and says how long they were in.
    assert not browser.find_elements(By.ID, "countdown")
    assert browser.find_element(By.ID, "retained").text.startswith("00:")
    assert practitioner.get(f"{server.url}/api/v1/sessions/{session_id}", timeout=10).json()["timer"]["running"] is False

    # Out well before 10 minutes: closing asks for the reason, then closes.
    browser.find_element(By.ID, "pain-after").send_keys("3")
    browser.find_element(By.ID, "advice-given").click()
    browser.find_element(By.ID, "close-session").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "chair-message"))
    assert "Removal reason" in browser.find_element(By.ID, "chair-message").text
    refusals = console_errors(browser)
    assert refusals and all("/close" in entry["message"] and "400" in entry["message"] for entry in refusals), refusals
    browser.find_element(By.ID, "pain-after").send_keys("3")
    browser.find_element(By.ID, "removal-reason").send_keys("Patient asked to stop early.")
    browser.find_element(By.ID, "close-session").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "closed"))
    assert browser.find_element(By.ID, "pain-after-value").text == "3/10"
    assert browser.find_element(By.ID, "stricta-insertions").text == str(planned)
    assert browser.find_element(By.ID, "retained").text.startswith("00:"), "the needles were in for under a minute"
    browser.save_screenshot(str(artifacts / "chair-closed.png"))
    assert console_errors(browser) == []

    # The patient sends the check-in from the portal.
    sign_in(browser, server.url, DEMO["patient"])
    browser.get(server.url + "/me")
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "sessions"))
    browser.find_element(By.CSS_SELECTOR, f"#sessions [data-session='{session_id}'] a.button").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "check-in-form"))
    browser.find_element(By.ID, "soreness").send_keys("3")
    browser.find_element(By.ID, "soreness-hours").send_keys("5")
    browser.find_element(By.CSS_SELECTOR, "input[name=tiredness]").click()
    browser.find_element(By.ID, "send-check-in").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "check-in-saved"))
    assert "soreness 3/10" in browser.find_element(By.CSS_SELECTOR, f"#sessions [data-session='{session_id}']").text
    assert console_errors(browser) == []


def test_the_countdown_alerts_at_the_target(browser, demo_server):
    """The page's script turns the countdown into an alert when the server's end time passes."""
    session_page = """<!doctype html><html><head><title>T</title></head><body>
      <div id="session" data-session="s" data-server-time="{now}" data-ledger-length="0" data-open="true">
      <section id="timer" data-ends-at="{end}"><p class="countdown" id="countdown">00:02</p><p class="due-label" id="due-alert"></p>
      <button type="button" class="sound-toggle" id="sound-toggle">Sound</button></section></div>
      <script src="{url}/static/js/chair.js"></script></body></html>"""

    def open_page_ending_in_two_seconds():
        now = datetime.datetime.now(datetime.timezone.utc)
        end = now + datetime.timedelta(seconds=2)
        fmt = "%Y-%m-%dT%H:%M:%S.%f"
        html = session_page.format(now=now.strftime(fmt)[:-3] + "Z", end=end.strftime(fmt)[:-3] + "Z", url=demo_server.url)
        browser.execute_script("document.open(); document.write(arguments[0]); document.close();", html)
        WebDriverWait(browser, 10).until(expected_conditions.text_to_be_present_in_element((By.ID, "due-alert"), "Time to take the needles out"))

    browser.get(demo_server.url + "/")
    browser.execute_script("window.localStorage.removeItem('acuback.chair.muted')")
    open_page_ending_in_two_seconds()
    assert browser.find_element(By.ID, "countdown").text.startswith("\u2212") or browser.find_element(By.ID, "countdown").text == "00:00"
    assert "due" in browser.find_element(By.ID, "timer").get_attribute("class")
    # Time up sounds, unless muted on this device; the button says which, and the choice is kept.
    assert browser.find_element(By.ID, "timer").get_attribute("data-sound") == "played"
    toggle = browser.find_element(By.ID, "sound-toggle")
    assert toggle.text.startswith("Sound on") and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.text.startswith("Sound off") and toggle.get_attribute("aria-pressed") == "true"
    open_page_ending_in_two_seconds()
    assert browser.find_element(By.ID, "sound-toggle").text.startswith("Sound off")
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "timer").get_attribute("data-sound") == "muted")


# For each needle marker on the chair's chart, at the current window size: its key, the width of its
# .hit circle, and whether a fingertip tap 20 px from its centre (the existing tablet check's
# distance), in at least one of eight directions, lands on the chart and reaches that marker under
# chair.js's nearest-marker rule (the nearest centre within max(22 px, the circle's radius) wins).
TARGETS_SCRIPT = """
    var reach = 22, step = 20, hits = Array.from(document.querySelectorAll('.chair-chart .needle[data-key] .hit'));
    function centres() {
      return hits.map(function (hit) {
        var box = hit.getBoundingClientRect();
        return {key: hit.closest('.needle').getAttribute('data-key'), x: box.left + box.width / 2, y: box.top + box.height / 2, width: box.width};
      });
    }
    function nearest(x, y, all) {
      var best = null, bestDistance = Infinity;
      all.forEach(function (c) {
        var distance = Math.hypot(x - c.x, y - c.y);
        if (distance <= Math.max(reach, c.width / 2) && distance < bestDistance) { best = c.key; bestDistance = distance; }
      });
      return best;
    }
    return hits.map(function (hit, index) {
      hit.scrollIntoView({block: 'center', inline: 'center'});
      var all = centres(), me = all[index], reached = false, closest = Infinity;
      all.forEach(function (c, other) { if (other !== index) { closest = Math.min(closest, Math.hypot(c.x - me.x, c.y - me.y)); } });
      for (var turn = 0; turn < 8 && !reached; turn++) {
        var angle = turn * Math.PI / 4, x = me.x + step * Math.cos(angle), y = me.y + step * Math.sin(angle);
        var under = document.elementFromPoint(x, y);
        reached = !!(under && under.closest('.chair-chart')) && nearest(x, y, all) === me.key;
      }
      return {key: me.key, width: Math.round(me.width * 10) / 10, nearestOther: Math.round(closest * 10) / 10, reached: reached};
    });"""


def test_the_chair_at_phone_size(browser, demo_server, artifacts):
    """At 390x844 the practitioner taps two needles in on the chart: the session is redrawn in place
    (no reload, no jump to the top), the fixed Undo bar shows and takes the last tap back, the page
    does not scroll sideways, and every marker is a fingertip-sized target."""
    server = demo_server
    appointment = book_treatment_for_margaret(server)
    drain_console(browser)
    sign_in(browser, server.url, DEMO["practitioner"])
    start_the_session(browser, server, appointment)

    browser.set_window_size(390, 844)
    try:
        wait_for_page(browser, lambda d: d.execute_script("return window.innerWidth") <= 390)
        # A mark that a reload would wipe; each tap first brings its marker to the middle of the window.
        browser.execute_script("window.__marker = 1")
        first = tap_beside_a_marker(browser, into_view=True)
        jumps = [browser.execute_script("return [window.__scrollBeforeTap, window.scrollY]")]
        second = tap_beside_a_marker(browser, into_view=True)
        jumps.append(browser.execute_script("return [window.__scrollBeforeTap, window.scrollY]"))
        assert first != second
        for key in (first, second):
            marker = browser.find_element(By.CSS_SELECTOR, f".chair-chart .needle[data-key='{key}']")
            assert marker.get_attribute("data-state") == "in", key
        assert browser.find_element(By.ID, "count-in").text == "2 in"
        assert browser.execute_script("return window.__marker") == 1, "a tap reloaded the page"
        for before, after in jumps:
            assert before > 200 and abs(after - before) < 50, f"a tap below the top of the page moved it from scrollY {before} to {after}"
        scrolled = browser.execute_script("return window.scrollY")
        browser.save_screenshot(str(artifacts / "chair-phone-two-in.png"))

        # The Undo bar sits in the viewport, wholly on screen, and takes the second tap back in place.
        undo = browser.find_element(By.ID, "undo")
        assert undo.is_displayed()
        box = browser.execute_script("var b = arguments[0].getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom, window.innerWidth, window.innerHeight];", undo)
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= box[4] and box[3] <= box[5], f"the Undo button is off screen: {box}"
        assert f"Last: In: {second}" in browser.find_element(By.ID, "undo-form").text
        # How many lines the button's label takes (checked below, once the rest has been seen to work).
        undo_lines = browser.execute_script(
            "var range = document.createRange(); range.selectNodeContents(arguments[0]); return range.getClientRects().length;", undo)
        undo_bar = browser.execute_script("var b = document.getElementById('undo-form').getBoundingClientRect(); return [Math.round(b.width), Math.round(b.height)];")
        press(browser, undo)
        assert browser.find_element(By.ID, "count-in").text == "1 in"
        assert browser.find_element(By.CSS_SELECTOR, f".chair-chart .needle[data-key='{second}']").get_attribute("data-state") == "waiting"
        assert browser.find_element(By.CSS_SELECTOR, f".chair-chart .needle[data-key='{first}']").get_attribute("data-state") == "in"
        assert browser.execute_script("return window.__marker") == 1, "Undo reloaded the page"
        assert abs(browser.execute_script("return window.scrollY") - scrolled) < 50, "Undo moved the page"

        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), (
            "the chair scrolls sideways at phone size: " + str(browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")))
        assert console_errors(browser) == []

        # The ears are tapped on their own enlarged drawing: a tap on an ear point there puts that needle in.
        from selenium.webdriver.common.action_chains import ActionChains
        ear = browser.find_element(By.CSS_SELECTOR, "#ear-zoom .needle[data-key][data-state='waiting']")
        ear_key = ear.get_attribute("data-key")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", ear)
        before = ledger_length(browser)
        ActionChains(browser).move_to_element(ear.find_element(By.CSS_SELECTOR, ".hit")).click().perform()
        wait_for_page(browser, lambda d: ledger_length(d) not in (None, before))
        assert browser.find_element(By.CSS_SELECTOR, f"#ear-zoom .needle[data-key='{ear_key}']").get_attribute("data-state") == "in", ear_key

        # Seen last, together: the Undo bar reads across the screen (its button's label on one line),
        # and every marker is a fingertip target (a 44 px circle, or reached by a tap 20 px beside it).
        problems = []
        if undo_lines != 1:
            problems.append(f"the Undo button's label wraps onto {undo_lines} lines; the Undo bar is {undo_bar[0]}x{undo_bar[1]} px in a 390 px wide window")
        targets = browser.execute_script(TARGETS_SCRIPT)
        assert targets
        small = [target for target in targets if target["width"] < 44 and not target["reached"]]
        if small:
            problems.append(f"{len(small)} of {len(targets)} needle markers at 390x844 are neither 44 px across nor reached by a tap 20 px beside them: {small}")
        assert not problems, "\n".join(problems)
    finally:
        browser.set_window_size(1280, 1600)
