"""Calendar feeds, read by a real iCalendar library, and bookings made over HTTP at once."""
import datetime
import re
from concurrent.futures import ThreadPoolExecutor

import requests
from icalendar import Calendar

from conftest import DEMO, csrf_token, signed_in

FEED = re.compile(r'id="feed-url">([^<]+)<')


def feed_link(session, base_url: str) -> str:
    token = csrf_token(session, base_url + "/account")
    page = session.post(base_url + "/account/calendar", data={"_csrf": token}, timeout=10)
    assert page.status_code == 200, page.text[:300]
    return FEED.search(page.text).group(1)


def test_a_practitioners_feed_holds_their_appointments(demo_server):
    practitioner = signed_in(demo_server.url, DEMO["practitioner"])
    link = feed_link(practitioner, demo_server.url)
    assert link.endswith(".ics")
    response = requests.get(link, timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [component for component in calendar.walk() if component.name == "VEVENT"]
    assert events, "the demo week books Mei Lin Chen"
    me = practitioner.get(demo_server.url + "/api/v1/me", timeout=10).json()
    now = datetime.datetime.now(datetime.timezone.utc)
    listed = practitioner.get(demo_server.url + "/api/v1/appointments", timeout=10, params={
        "from": (now - datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (now + datetime.timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "practitionerId": me["practitionerId"],
    }).json()["items"]
    window = (now - datetime.timedelta(days=30), now + datetime.timedelta(days=60))
    starts = sorted(event.decoded("dtstart") for event in events if window[0] <= event.decoded("dtstart") < window[1])
    expected = sorted(datetime.datetime.fromisoformat(item["start"].replace("Z", "+00:00")) for item in listed)
    assert starts == expected
    for event in events:
        assert event.decoded("dtend") > event.decoded("dtstart")
        assert str(event["uid"]).endswith("@acuback")
        assert str(event["summary"])


def test_a_new_link_replaces_the_old_one(demo_server):
    patient = signed_in(demo_server.url, DEMO["patient"])
    first = feed_link(patient, demo_server.url)
    second = feed_link(patient, demo_server.url)
    assert requests.get(first, timeout=10).status_code == 404
    calendar = Calendar.from_ical(requests.get(second, timeout=10).content)
    assert calendar.get("x-wr-calname") == "Acupuncture appointments"


def test_an_unknown_link_is_not_found(demo_server):
    assert requests.get(demo_server.url + "/calendar/not-a-real-token.ics", timeout=10).status_code == 404


def test_many_parallel_bookings_of_one_time_exactly_one_wins(demo_server):
    reception = signed_in(demo_server.url, DEMO["reception"])
    patients = reception.get(demo_server.url + "/api/v1/patients", timeout=10).json()["items"]
    practitioners = reception.get(demo_server.url + "/api/v1/practitioners", timeout=10).json()["items"]
    mei = next(p for p in practitioners if p["name"] == "Mei Lin Chen")
    now = datetime.datetime.now(datetime.timezone.utc)
    free = requests.get(demo_server.url + "/api/v1/availability", timeout=10, params={
        "practitionerId": mei["id"], "kind": "treatment",
        "from": (now + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "to": (now + datetime.timedelta(days=17)).strftime("%Y-%m-%dT%H:%M:%SZ"), "limit": 1,
    }).json()["slots"][0]["start"]

    def attempt(index: int) -> int:
        body = {"patientId": patients[index % len(patients)]["id"], "practitionerId": mei["id"], "kind": "treatment", "start": free}
        return reception.post(demo_server.url + "/api/v1/appointments", json=body, timeout=30).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(attempt, range(24)))
    print(f"24 parallel bookings of {free}: {statuses.count(201)} booked, {statuses.count(409)} refused as taken")
    assert statuses.count(201) == 1
    assert statuses.count(409) == 23


def test_parallel_bookings_of_two_practitioners_at_one_time_each_get_a_room(demo_server):
    """Rooms are handed out first-free; two bookings at the same moment must not both lose the race."""
    reception = signed_in(demo_server.url, DEMO["reception"])
    patients = reception.get(demo_server.url + "/api/v1/patients", timeout=10).json()["items"]
    practitioners = [p for p in reception.get(demo_server.url + "/api/v1/practitioners", timeout=10).json()["items"]
                     if p["name"] in ("Mei Lin Chen", "Tomás Rivera")]
    now = datetime.datetime.now(datetime.timezone.utc)

    def free_times(practitioner: dict) -> set[str]:
        return {slot["start"] for slot in requests.get(demo_server.url + "/api/v1/availability", timeout=10, params={
            "practitionerId": practitioner["id"], "kind": "treatment",
            "from": (now + datetime.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "to": (now + datetime.timedelta(days=34)).strftime("%Y-%m-%dT%H:%M:%SZ"), "limit": 200,
        }).json()["slots"]}

    shared = sorted(free_times(practitioners[0]) & free_times(practitioners[1]))
    # Times an hour or more apart, so no two of them overlap for one practitioner.
    times = []
    for start in shared:
        moment = datetime.datetime.fromisoformat(start.replace("Z", "+00:00"))
        if not times or moment - times[-1][1] >= datetime.timedelta(hours=1):
            times.append((start, moment))
    times = [start for start, _ in times[:8]]
    assert len(times) == 8
    requests_to_make = [(start, number) for start in times for number in range(2)]

    def attempt(job: tuple[str, int]) -> int:
        start, number = job
        body = {"patientId": patients[number]["id"], "practitionerId": practitioners[number]["id"], "kind": "treatment", "start": start}
        return reception.post(demo_server.url + "/api/v1/appointments", json=body, timeout=30).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(attempt, requests_to_make))
    assert statuses == [201] * len(requests_to_make), statuses
