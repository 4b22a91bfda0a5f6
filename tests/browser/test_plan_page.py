"""The plan page in a real browser: fill in the assessment, see the plan on the chart."""
from selenium.webdriver.common.by import By

from browser.conftest import console_errors, drain_console, sign_in, wait_for_page

PRACTITIONER = "mei.chen@demo.acuback.example"


def check(browser, name, value):
    box = browser.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
    if not box.is_selected():
        box.click()


def test_a_chronic_low_back_plan_is_drawn_on_the_chart(browser, demo_server, artifacts):
    drain_console(browser)
    sign_in(browser, demo_server.url, PRACTITIONER)
    browser.get(demo_server.url + "/plan")
    check(browser, "regions", "lower")
    check(browser, "side", "both")
    check(browser, "levels", "L4")
    check(browser, "levels", "L5")
    check(browser, "onset", "chronic")
    browser.find_element(By.ID, "bmi").send_keys("24")
    browser.find_element(By.ID, "propose").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "plan-title"))

    assert browser.find_element(By.ID, "plan-title").is_displayed()
    chart = browser.find_element(By.CSS_SELECTOR, "svg.back-chart")
    assert chart.get_attribute("role") == "img"
    painful = chart.find_elements(By.CSS_SELECTOR, "rect.region-painful")
    assert [r.get_attribute("data-region") for r in painful] == ["lower"]
    markers = chart.find_elements(By.CSS_SELECTOR, "g.needle")
    rows = browser.find_elements(By.CSS_SELECTOR, "#needles tbody tr")
    assert 15 <= len(markers) == len(rows) <= 20
    roles = {m.get_attribute("data-role") for m in markers}
    assert roles == {"local", "adjacent", "distal", "auricular"}
    # Colour by role: a local marker is drawn in the local colour.
    local = chart.find_element(By.CSS_SELECTOR, 'g.needle[data-role="local"]')
    assert local.value_of_css_property("fill") == "rgb(164, 22, 26)"
    assert "Brinkhaus 2006" in browser.find_element(By.ID, "protocol").text
    assert browser.find_element(By.ID, "no-findings").is_displayed()
    browser.save_screenshot(str(artifacts / "plan-page.png"))
    assert console_errors(browser) == []


def test_findings_sit_beside_the_chart_and_can_be_acknowledged(browser, demo_server, artifacts):
    sign_in(browser, demo_server.url, PRACTITIONER)
    browser.get(demo_server.url + "/plan?check=1&regions=upper&side=right&levels=T3&levels=T4&onset=chronic&lungDisease=on&bmi=18")
    status = browser.find_element(By.ID, "plan-status")
    assert "to acknowledge" in status.text
    findings = browser.find_elements(By.CSS_SELECTOR, ".finding")
    assert any(f.get_attribute("data-finding") == "lung.depth-cap:BL13" for f in findings)
    assert "Capped harder" in browser.find_element(By.CSS_SELECTOR, '[data-finding="lung.depth-cap:BL13"]').text
    browser.save_screenshot(str(artifacts / "plan-findings.png"))
    for box in browser.find_elements(By.CSS_SELECTOR, 'input[name="acknowledged"]'):
        if not box.is_selected():
            box.click()
    browser.find_element(By.ID, "acknowledge").click()
    wait_for_page(browser, lambda d: "Ready to use" in d.find_element(By.ID, "plan-status").text)
    assert "Ready to use" in browser.find_element(By.ID, "plan-status").text


def test_a_contradictory_assessment_is_explained(browser, demo_server):
    sign_in(browser, demo_server.url, PRACTITIONER)
    browser.get(demo_server.url + "/plan?check=1&regions=upper&side=left&onset=acute&levels=L4")
    summary = browser.find_element(By.ID, "error-summary")
    assert "Levels:" in summary.text and "levels[0]" not in summary.text and "lower back" in summary.text
    assert browser.find_elements(By.ID, "plan-title") == []
