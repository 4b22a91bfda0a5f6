"""The peer section of `make bench` (ACUBACK_BENCH_PEER=gnuhealth): GNU Health 5.0.6's appointment
creation beside Acuback's bookings of distinct free slots, both driven by one load generator
(bench/load.py) with the same connections and the same count of requests, in the same run.

1. GNU Health is set up or reused as its recipe configures it (bench/gnuhealth.py), and timed.
2. Acuback serves a fresh SQLite bench clinic made as the HTTP rows make theirs (`demo --scale`:
   generated practitioners with certificates, hours, rooms and the demo clinic's leave), so every
   booking passes every rule in force; each request asks for a distinct free slot.
3. SQLite's single-row commit rate at synchronous=FULL in WAL (the pragmas AcubackStore sets) is
   measured on a file beside the bench database, so on the same disk (bench/commits.py, which the
   HTTP section uses too).
4. A short probe of each server (also its warm-up) sets the count, so that the faster one still
   runs ACUBACK_BENCH_PEER_SECONDS; then the generator's ceiling (/healthz), Acuback's bookings and
   GNU Health's creates, each for that count (both again with a larger count, at most twice, if
   either finished sooner).
The servers this section started are stopped at its end; GNU Health's folder stays for reuse.
"""
import datetime
import json
import math
import os
import sqlite3
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

import gnuhealth
import load
from commits import sqlite_full_commits

SECONDS = int(os.environ.get("ACUBACK_BENCH_PEER_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("ACUBACK_BENCH_PEER_CONNECTIONS", "4"))
COUNT = int(os.environ.get("ACUBACK_BENCH_PEER_COUNT", "0"))  # 0: from the probes
PROBE_SECONDS = 5


def gnuhealth_creates(peer: gnuhealth.Peer):
    """A request maker for appointment creates over Tryton JSON-RPC, as the recipe's bench.py makes
    them: the client's defaults, one professional and patient, distinct 15-minute slots far ahead;
    one session per connection."""
    sys.path.insert(0, str(peer.folder))
    from rpc import Client  # the recipe's own client, for the logins only

    ids = peer.ids()
    clients = [Client(port=gnuhealth.PORT) for _ in range(CONNECTIONS)]
    for client in clients:
        client.login("admin", "admin")
    base = {k: v for k, v in clients[0].model("gnuhealth.appointment", "default_get", ["state", "urgency", "appointment_type", "visit_type",
            "institution", "speciality", "healthprof"], False).items() if "." not in k}
    tag = int(time.time())
    start = datetime.datetime(2030, 1, 1, 8, 0) + datetime.timedelta(days=tag % 100000)
    headers = [{"Content-Type": "application/json", "Authorization": c.auth} for c in clients]

    def request(worker: int, number: int) -> load.Request:
        t = start + datetime.timedelta(minutes=15 * number)
        values = dict(base, healthprof=ids["hp"], patient=ids["patient"], state="confirmed", comments=f"bench {tag} #{number}",
                      appointment_date={"__class__": "datetime", "year": t.year, "month": t.month, "day": t.day, "hour": t.hour,
                                        "minute": t.minute, "second": 0, "microsecond": 0})
        body = json.dumps({"id": number, "method": "model.gnuhealth.appointment.create", "params": [[values], clients[worker].context]})
        return "POST", "/health/", body.encode(), headers[worker]

    def classify(status: int, body: bytes) -> str:
        return "created" if status == 200 and b'"error"' not in body else "other"

    return request, classify


def acuback_bookings(url: str, bench):
    """A request maker for bookings of distinct free slots through the API, as bench/book.lua makes
    them; every request number is a slot no other request asks for."""
    admin = bench.token(url, bench.DEMO["admin"])
    auth = {"Authorization": f"Bearer {admin}"}
    generated = requests.get(url + "/api/v1/patients", params={"q": "Generated", "limit": 50}, headers=auth, timeout=10).json()["items"]
    practitioners = [p["id"] for p in requests.get(url + "/api/v1/practitioners", timeout=10).json()["items"] if p["name"].startswith("Generated")]
    bench.add_rooms(url, len(practitioners))
    # The generated practitioners' certificates run three years from today: book only inside them.
    last = (datetime.date.today() + datetime.timedelta(days=3 * 365 - 2)).isoformat()
    starts = [s for s in bench.booking_starts(practitioners, [p["id"] for p in generated], 7 * len(practitioners) * 800) if s[1] < last]
    headers = {"Content-Type": "application/json", **auth}
    offset = [0]

    def request(worker: int, number: int) -> load.Request:
        practitioner, start, patient = starts[offset[0] + number]
        body = f'{{"practitionerId": "{practitioner}", "start": "{start}", "patientId": "{patient}", "kind": "treatment"}}'
        return "POST", "/api/v1/appointments", body.encode(), headers

    def classify(status: int, body: bytes) -> str:
        return "booked" if status == 201 else "refused as taken" if status == 409 else f"other ({status})"

    return request, classify, offset, len(starts)


def peer_rows(binary: str, folder: Path) -> list:
    import run as bench  # the HTTP rows' helpers: the same bench clinic, tokens, rooms and slots

    name = os.environ.get("ACUBACK_BENCH_PEER", "gnuhealth")
    assert name == "gnuhealth", f"ACUBACK_BENCH_PEER={name}: only gnuhealth is known"
    peer = gnuhealth.Peer()
    server = None
    try:
        setup = peer.setup()
        print(f"peer: GNU Health ready in {setup:.0f} s ({', '.join(peer.steps) or 'reused'})", file=sys.stderr, flush=True)
        database_url = f"sqlite://{folder / 'peer.sqlite'}"
        bench.generate(binary, database_url, bench.HTTP_PATIENTS, folder)
        server = bench.start_server(Path(binary), database_url, "--log-level", "notice", cwd=folder)
        while requests.get(server.url + "/readyz", timeout=5).status_code != 200:
            time.sleep(0.01)
        address = urlsplit(server.url)
        book, booked_as, offset, slots = acuback_bookings(server.url, bench)
        create, created_as = gnuhealth_creates(peer)
        commits = _told("SQLite FULL commits", sqlite_full_commits(folder))

        def acuback(**kw) -> load.Result:
            result = load.run(address.hostname, address.port, CONNECTIONS, book, classify=booked_as, **kw)
            offset[0] += result.requests
            return _told("Acuback bookings", result)

        def health(**kw) -> load.Result:
            return _told("GNU Health creates", load.run("127.0.0.1", gnuhealth.PORT, CONNECTIONS, create, classify=created_as, **kw))

        probes = acuback(seconds=PROBE_SECONDS), health(seconds=PROBE_SECONDS)
        count = COUNT or math.ceil(max(p.rate for p in probes) * SECONDS * 1.1)
        count = max(CONNECTIONS, min(count, slots - offset[0]))
        ceiling = _told("/healthz", load.run(address.hostname, address.port, CONNECTIONS, lambda w, n: ("GET", "/healthz", None, {}),
                                             seconds=SECONDS))
        for _ in range(3):
            ours = acuback(count=count)
            theirs = health(count=count)
            shortest = min(ours.seconds, theirs.seconds)
            if COUNT or shortest >= SECONDS or count >= slots - offset[0]:
                break
            # The faster server sped up after its probe: again with a count that keeps it busy long enough.
            count = min(math.ceil(count * SECONDS / shortest * 1.1), slots - offset[0])
    finally:
        if server is not None:
            server.stop()
        peer.stop()
    overlaps = bench.overlapping_bookings(database_url)
    booked = ours.answers["booked"] / ours.seconds
    created = theirs.answers["created"] / theirs.seconds
    others = sum(v for k, v in ours.answers.items() if k.startswith("other") or k == "connection error")
    section = (f"Peer: GNU Health 5.0.6, gunicorn {gnuhealth.WORKERS} workers, PostgreSQL 15 (one Python generator, bench/load.py: "
               f"{CONNECTIONS} connections, {count:,} requests a row; {PROBE_SECONDS} s probes: "
               f"Acuback {probes[0].rate:,.0f}/s, GNU Health {probes[1].rate:,.0f}/s)")

    def row(label, result, rate=None, **kw):
        return bench.Row(section, label, result.rate if rate is None else rate, result.percentile(50), result.percentile(99),
                         (result.rate if rate is None else rate) / ceiling.rate * 100, **kw)

    return [
        bench.Row(section, "GNU Health set-up (RECIPE.sh steps)", note=f"{setup:.0f} s; "
                  + (f"did {', '.join(peer.steps)}" if peer.steps else "reused") + f"; {peer.folder}"),
        row("generator ceiling: /healthz on Acuback", ceiling, note=f"{ceiling.requests:,} in {ceiling.seconds:.0f} s, {_other(ceiling, '200')}"),
        row("Acuback bookings of distinct free slots", ours, booked, target="none double", met=overlaps == 0,
            note=f"{ours.answers['booked']:,} booked, {ours.answers['refused as taken']} refused as taken, {others} other, "
                 f"{overlaps} double bookings; {_took(ours)}"),
        row("GNU Health appointment creates", theirs, created,
            note=f"{theirs.answers['created']:,} created, {_other(theirs, 'created')}; {_took(theirs)}; no conflict check at all"),
        bench.Row(section, "ratio Acuback / GNU Health", target=">= 10x", met=booked >= 10 * created,
                  note=f"{booked / created:.2f}x" if created else "GNU Health created none"),
        bench.Row(section, f"SQLite {sqlite3.sqlite_version} 1-row commits, FULL, WAL", commits.rate, commits.percentile(50),
                  commits.percentile(99), note=f"one connection, same disk as the bench database ({folder})"),
        bench.Row(section, "Acuback bookings / SQLite FULL commits", target=">= 50 %", met=booked >= 0.5 * commits.rate,
                  note=f"{booked / commits.rate * 100:.1f} %"),
    ]


def _other(result: load.Result, good: str) -> str:
    rest = {k: v for k, v in result.answers.items() if k != good}
    return ", ".join(f"{v} {k}" for k, v in rest.items()) or "0 other"


def _took(result: load.Result) -> str:
    return f"{result.seconds:.0f} s" + (f" (under {SECONDS} s)" if result.seconds < SECONDS else "")


def _told(what: str, result: load.Result) -> load.Result:
    print(f"peer: {what}: {result}", file=sys.stderr, flush=True)
    return result
