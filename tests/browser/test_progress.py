"""The patient's progress charts in a real browser, and the clinic's outcomes page."""
from selenium.webdriver.common.by import By

from browser.conftest import console_errors, drain_console, sign_in, wait_for_page
from conftest import DEMO


def test_the_patient_sees_their_charts(browser, demo_server, artifacts):
    sign_in(browser, demo_server.url, DEMO["patient"])
    drain_console(browser)
    browser.get(demo_server.url + "/me")
    section = browser.find_element(By.ID, "progress")
    assert "Your progress" in section.text
    charts = section.find_elements(By.CSS_SELECTOR, "svg.outcome-chart")
    titles = [chart.find_element(By.TAG_NAME, "title").get_attribute("textContent") for chart in charts]
    assert "Pain over the course" in titles and "Pain before and after each session" in titles
    pain = charts[titles.index("Pain over the course")]
    # The chart is drawn at a size a reader can see, with the baseline rule and the important-change band.
    assert pain.size["width"] > 300 and pain.size["height"] > 100
    assert pain.find_elements(By.CSS_SELECTOR, "rect.band") and pain.find_elements(By.CSS_SELECTOR, "line.rule")
    description = pain.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    assert "Baseline" in description and "important improvement" in description
    table = section.find_element(By.CSS_SELECTOR, "table.chart-table")
    assert table.is_displayed() and table.find_elements(By.CSS_SELECTOR, "tbody tr")
    browser.execute_script("arguments[0].scrollIntoView()", section)
    browser.save_screenshot(str(artifacts / "patient-progress.png"))
    assert console_errors(browser) == []


def test_a_practitioner_records_measures_and_reads_the_outcomes(browser, demo_server, artifacts):
    sign_in(browser, demo_server.url, DEMO["practitioner"])
    browser.get(demo_server.url + "/patients?q=Hughes")
    browser.find_element(By.CSS_SELECTOR, "a[href^='/patients/']:not([href='/patients/new'])").click()
    wait_for_page(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#course-list a"))
    browser.find_element(By.CSS_SELECTOR, "#course-list a").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "course-title"))
    assert "Course of treatment" in browser.find_element(By.ID, "course-title").text
    rows_before = len(browser.find_elements(By.CSS_SELECTOR, "#charts figure:first-of-type tbody tr"))
    browser.find_element(By.ID, "m-pain-week").send_keys("2")
    browser.find_element(By.ID, "m-pain-now").send_keys("12")
    browser.find_element(By.ID, "save-measures").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "measure-error"))
    assert "Pain now: must be from 0 to 10" in browser.find_element(By.ID, "measure-error").text
    field = browser.find_element(By.ID, "m-pain-now")
    field.clear()
    field.send_keys("2")
    browser.find_element(By.ID, "save-measures").click()
    wait_for_page(browser, lambda d: d.find_elements(By.ID, "measures-saved"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#charts figure:first-of-type tbody tr")) == rows_before + 1

    browser.get(demo_server.url + "/clinic/analytics")
    assert int(browser.find_element(By.ID, "overall-courses").text) >= 6
    assert "MacPherson" in browser.find_element(By.ID, "rates-table").text
    browser.save_screenshot(str(artifacts / "outcomes-dashboard.png"))
