"""A patient asks for text messages in the portal, and the confirmation texted at booking links
to the portal, where the intake form and consent are done before the first visit."""
from __future__ import annotations

import datetime
import re
import time
from zoneinfo import ZoneInfo

import requests
from selenium.webdriver.common.by import By

from browser.conftest import register_patient
from browser.test_first_patient import click, field, has, submit, text_of, tick, wait_until
from conftest import DEMO, signed_in, start_server
from fake_sms_gateway import FakeSMSGateway

LONDON = ZoneInfo("Europe/London")
PHONE = "+447700900456"


def first_free_consultation(server, practitioner: str) -> str:
    day = datetime.datetime.now(LONDON).date() + datetime.timedelta(days=9)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(day, datetime.time(0, 0), LONDON).astimezone(datetime.timezone.utc)
    slots = requests.get(server.url + "/api/v1/availability", timeout=10, params={
        "practitionerId": practitioner, "kind": "consultation", "limit": 1,
        "from": midnight.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (midnight + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }).json()["slots"]
    assert slots
    return slots[0]["start"]


def test_a_patient_opts_in_to_texts_and_the_confirmation_leads_to_intake_and_consent(browser, acuback, demo_sqlite_url, tmp_path, monkeypatch):
    with FakeSMSGateway() as gateway:
        monkeypatch.setenv("ACUBACK_SMS_URL", gateway.url)
        monkeypatch.setenv("ACUBACK_SMS_TOKEN", "fake-gateway-token-0123456789")
        server = start_server(acuback, demo_sqlite_url, "--demo", cwd=tmp_path)
        try:
            register_patient(browser, server.url, "Ffion", "Texts", "ffion.texts@example.org")
            browser.get(server.url + "/me")
            wait_until(browser, has("before-first-visit"))
            patient = re.search(r"/patients/([0-9A-Fa-f-]{36})", browser.current_url).group(1)
            assert "fill in the intake form" in text_of(browser, "#checklist-intake")
            assert "read and sign the consent" in text_of(browser, "#checklist-consent")

            # The patient asks for texts, giving their mobile number.
            assert text_of(browser, "#texts-state") == "No"
            field(browser, "texts-phone").send_keys(PHONE)
            tick(browser, "textReminders")
            submit(browser, field(browser, "save-texts"), lambda d: d.find_elements(By.ID, "texts-saved") or d.find_elements(By.ID, "texts-error"))
            assert browser.find_elements(By.ID, "texts-saved"), text_of(browser, "#contact")
            assert text_of(browser, "#texts-state").startswith("Yes")
            assert field(browser, "textReminders").is_selected()

            # The desk books the first consultation: the confirmation is texted at once.
            reception = signed_in(server.url, DEMO["reception"])
            practitioners = reception.get(server.url + "/api/v1/practitioners", timeout=10).json()["items"]
            mei = next(p for p in practitioners if p["name"] == "Mei Lin Chen")["id"]
            booked = reception.post(server.url + "/api/v1/appointments", timeout=30, json={
                "patientId": patient, "practitionerId": mei, "kind": "consultation", "start": first_free_consultation(server, mei)})
            assert booked.status_code == 201, booked.text
            deadline = time.monotonic() + 20
            while not gateway.messages("Booked") and time.monotonic() < deadline:
                time.sleep(0.2)
            texts = gateway.messages("Booked")
            assert len(texts) == 1 and texts[0]["to"] == PHONE, gateway.requests
            link = re.search(r"https?://\S+", texts[0]["body"]).group(0)
            assert link.endswith("/me#before-first-visit"), texts[0]["body"]

            # The link takes the patient to the portal's checklist; both items are done there.
            browser.get(link)
            wait_until(browser, has("checklist"))
            assert f"/patients/{patient}" in browser.current_url
            click(browser, browser.find_element(By.CSS_SELECTOR, "#checklist-intake a"))
            assert browser.find_elements(By.ID, "intake-form")
            submit(browser, field(browser, "save-intake"), has("checklist-intake"))
            assert "Done" in text_of(browser, "#checklist-intake")
            click(browser, browser.find_element(By.CSS_SELECTOR, "#checklist-consent a"))
            field(browser, "consent-name").send_keys("Ffion Texts")
            submit(browser, field(browser, "record-consent"), lambda d: d.find_elements(By.ID, "consent-current") or d.find_elements(By.CSS_SELECTOR, "#consent [role=alert]"))
            browser.get(server.url + "/me")
            wait_until(browser, has("checklist-done"))
            assert "Done" in text_of(browser, "#checklist-consent")
        finally:
            assert server.stop() == 0, server.output
