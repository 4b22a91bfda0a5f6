"""The public page that explains acupuncture for back pain, in a real browser."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser.conftest import console_errors, drain_console

SECTIONS = {
    "what-it-is": "What acupuncture is",
    "where-needles-go": "Where the needles go",
    "during-a-session": "During a session",
    "afterwards": "Afterwards",
    "what-it-can-do": "What it can do",
    "a-course": "Why a course",
    "certified": "certified",
    "tell-us": "Tell your practitioner",
    "sources": "Sources",
}


def test_patient_page_renders_every_section_without_console_errors(browser, demo_server, artifacts):
    drain_console(browser)
    browser.get(demo_server.url + "/learn/back-pain")
    assert "Acupuncture for back pain" in browser.title
    for section_id, heading in SECTIONS.items():
        section = browser.find_element(By.ID, section_id)
        assert section.is_displayed(), section_id
        assert heading.lower() in section.find_element(By.TAG_NAME, "h2").text.lower(), section_id
    text = browser.find_element(By.TAG_NAME, "main").text
    for fact in ("More than 15 needles", "10 to 20 minutes", "lie face down", "sit upright", "feet", "ears"):
        assert fact in text, fact
    sources = browser.find_elements(By.CSS_SELECTOR, "#sources li")
    assert len(sources) >= 5
    browser.save_screenshot(str(artifacts / "patient-page.png"))
    assert console_errors(browser) == []


def test_the_stylesheet_applies(browser, demo_server):
    browser.get(demo_server.url + "/learn/back-pain")
    header = browser.find_element(By.CSS_SELECTOR, ".site-header")
    # The brand colour only appears when /static/css/acuback.css loaded.
    assert header.value_of_css_property("background-color") == "rgba(7, 63, 74, 1)"
    link = browser.find_element(By.CSS_SELECTOR, ".nav-list a")
    assert link.size["height"] >= 48, "navigation targets must be at least 48px tall"


def test_keyboard_users_can_skip_to_the_content(browser, demo_server):
    browser.get(demo_server.url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.is_displayed()
    outline = focused.value_of_css_property("outline-style")
    assert outline == "solid", "focus must be visible"


def test_the_page_reads_on_a_tablet(browser, demo_server, artifacts):
    browser.set_window_size(820, 1180)
    try:
        browser.get(demo_server.url + "/learn/back-pain")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 820, "no sideways scrolling on a tablet"
        browser.save_screenshot(str(artifacts / "patient-page-tablet.png"))
    finally:
        browser.set_window_size(1280, 1600)
