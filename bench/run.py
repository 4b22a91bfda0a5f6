"""`make bench`: the performance issue's benchmarks, printed as one table beside their targets.

In process (ordo-one/benchmark, the CoreBenchmarks target): plan generation (target < 30 µs
median), safety evaluation, course search, chart rendering. Over HTTP with wrk against a release
server on a fresh SQLite file (and on PostgreSQL when ACUBACK_BENCH_POSTGRES_URL names one, which is
emptied first): /healthz as the ceiling, a patient's chart page (>= 40 % of the ceiling) and
record, a day schedule, a plan preview (p99 < 5 ms) and bookings of distinct free slots (none
double). The SQLite section also measures SQLite's single-row commit rate at synchronous=FULL on the
same disk (bench/commits.py) and wants bookings at >= 50 % of it; each PostgreSQL row notes its
ratio to the SQLite row of the same name (rates, or p50 for start-up).
At scale: `acuback demo --scale` data, the analytics dashboard (< 100 ms at 1,000,000 sessions) and
a patient's chart, timed.

    python bench/run.py --binary "$(swift build -c release --show-bin-path)/acuback"

Settings (environment): ACUBACK_BENCH_SECONDS per wrk run (10), ACUBACK_BENCH_CONNECTIONS (8),
ACUBACK_BENCH_SCALE generated patients for the scale rows (100000, ten sessions each),
ACUBACK_BENCH_SCALE_DATABASE to time a database generated earlier instead, ACUBACK_BENCH_POSTGRES_URL,
ACUBACK_BENCH_SKIP_CORE=1 to leave out the in-process rows, ACUBACK_BENCH_PROFILE=1 to sample the
server with `perf record` during the SQLite chart page and bookings runs and write two `perf report`
views of each to bench/profile-chart-page.txt and bench/profile-bookings.txt (perf slows what it samples).

The peer (bench/peer.py, bench/load.py, bench/gnuhealth.py; bench/README.md): ACUBACK_BENCH_PEER=gnuhealth
adds a section with GNU Health 5.0.6, set up from ../shared/peers/gnuhealth/ (RECIPE.sh) in
GNUHEALTH_PEER_DIR (default gnuhealth-peer in the system's temporary folder; reused when rerun), its
appointment creates beside Acuback's bookings through one Python load generator, their ratio, the
generator's ceiling on /healthz and SQLite's FULL commit rate on the bench's disk.
ACUBACK_BENCH_PEER_SECONDS (30) is the least a row runs, ACUBACK_BENCH_PEER_CONNECTIONS (4),
ACUBACK_BENCH_PEER_COUNT to fix the requests a row instead of deriving it from short probes.
ACUBACK_BENCH_ONLY=peer runs the peer section alone (with ACUBACK_BENCH_PEER, default gnuhealth).
"""
import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import DEMO, csrf_token, signed_in, start_server  # noqa: E402
from commits import sqlite_full_commits  # noqa: E402

SECONDS = int(os.environ.get("ACUBACK_BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("ACUBACK_BENCH_CONNECTIONS", "8"))
THREADS = 2
SCALE = int(os.environ.get("ACUBACK_BENCH_SCALE", "100000"))
# Patients generated into the HTTP benchmark's database: ten generated practitioners with three
# years of empty diaries to book into, beside the demo clinic.
HTTP_PATIENTS = 2500
PROFILE = os.environ.get("ACUBACK_BENCH_PROFILE") == "1"
# Where the profile of the SQLite bookings goes: in the repository's bench folder, beside this
# script, so bench/README.md can quote it.
PROFILE_FILE = ROOT / "bench" / "profile-bookings.txt"
CHART_PROFILE_FILE = ROOT / "bench" / "profile-chart-page.txt"
DASHBOARD_MS = 100  # the dashboard's target at 1,000,000 sessions


@dataclass
class Row:
    section: str
    name: str
    rps: float | None = None
    p50: float | None = None  # milliseconds
    p99: float | None = None
    ceiling: float | None = None  # share of the /healthz ceiling, %
    target: str = ""
    met: bool | None = None
    note: str = ""


def wrk(url: str, script: str, env: dict) -> dict:
    result = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-s", str(ROOT / "bench" / script), url],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=SECONDS + 120)
    out = result.stdout
    assert result.returncode == 0 and "Requests/sec" in out, result.stderr + out

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": latency("50"), "p99": latency("99"),
            "failed": int(errors.group(1)) if errors else 0, "out": out}


def token(url: str, email: str) -> str:
    session = signed_in(url, email)
    answer = session.post(url + "/account/tokens", data={"_csrf": csrf_token(session, url + "/account"), "name": "bench"}, timeout=10)
    return re.search(r'id="new-token">([^<]+)<', answer.text).group(1)


def add_rooms(url: str, count: int) -> None:
    """Gives the generated practitioners rooms to book into, as the clinic's admin would."""
    admin = signed_in(url, DEMO["admin"])
    for number in range(count):
        added = admin.post(url + "/admin/rooms", data={"_csrf": csrf_token(admin, url + "/admin/clinic"), "name": f"Bench room {number + 1}"},
                           timeout=10)
        added.raise_for_status()


def booking_starts(practitioners: list[str], patients: list[str], count: int) -> list[tuple[str, str, str]]:
    """Distinct 45-minute treatments from two weeks ahead, weekdays 09:00 to 16:30 in London, each
    practitioner's hour with its own patient so no patient is booked twice at once."""
    starts = []
    day = datetime.date.today() + datetime.timedelta(days=14)
    while len(starts) < count:
        if day.weekday() < 5:
            # 10:00 UTC is 09:00 or 10:00 in London; 10:00 to 15:15 UTC is inside the hours either way.
            for slot in range(7):
                moment = datetime.datetime(day.year, day.month, day.day, 10, 0) + datetime.timedelta(minutes=45 * slot)
                for number, practitioner in enumerate(practitioners):
                    starts.append((practitioner, moment.strftime("%Y-%m-%dT%H:%M:%SZ"), patients[number % len(patients)]))
        day += datetime.timedelta(days=1)
    return starts[:count]


def resident_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def generate(binary: str, database_url: str, patients: int, folder: Path) -> float:
    began = time.monotonic()
    made = subprocess.run([binary, "demo", "--scale", str(patients), "--database-url", database_url],
                          capture_output=True, text=True, timeout=4 * 3600, cwd=folder)
    assert made.returncode == 0, made.stderr
    return time.monotonic() - began


def overlapping_bookings(database_url: str) -> int:
    """Pairs of booked appointments of one practitioner that overlap: a double booking."""
    if database_url.startswith("sqlite://"):
        # Fluent keeps SQLite times as seconds since 1970.
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as db:
            return db.execute("""
                SELECT COUNT(*) FROM appointments a JOIN appointments b
                  ON a.practitioner_id = b.practitioner_id AND a.id < b.id AND a.status = 'booked' AND b.status = 'booked'
                 AND a.starts_at < b.starts_at + b.minutes * 60 AND b.starts_at < a.starts_at + a.minutes * 60""").fetchone()[0]
    answer = subprocess.run(["psql", database_url, "-Atc", """
        SELECT COUNT(*) FROM appointments a JOIN appointments b
          ON a.practitioner_id = b.practitioner_id AND a.id < b.id AND a.status = 'booked' AND b.status = 'booked'
         AND a.starts_at < b.starts_at + b.minutes * interval '1 minute' AND b.starts_at < a.starts_at + a.minutes * interval '1 minute'"""],
                            capture_output=True, text=True, timeout=600)
    assert answer.returncode == 0, answer.stderr
    return int(answer.stdout.strip())


def revert_all(binary: str, database_url: str) -> None:
    reverted = subprocess.run([binary, "migrate", "--revert", "--all", "--database-url", database_url], capture_output=True, text=True, timeout=600)
    assert reverted.returncode == 0, reverted.stderr


@contextlib.contextmanager
def perf_record(pid: int, data: Path):
    """Samples the server's call stacks with perf while the block runs."""
    recorder = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-p", str(pid), "-o", str(data)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # perf prints nothing once it is attached; this gives it time to, so the run's start is sampled.
    time.sleep(1)
    assert recorder.poll() is None, recorder.stderr.read()
    try:
        yield
    finally:
        # SIGINT is how perf record is told to stop and finish writing its file; it then exits
        # with a nonzero status, so its last words tell whether the file was written.
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=300)
        said = recorder.stderr.read()
        assert "Captured and wrote" in said, said


def perf_report(data: Path, *options: str, lines: int) -> str:
    """The first `lines` entries of one perf report, without perf's comment header."""
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", *options], capture_output=True, text=True, timeout=600)
    assert report.returncode == 0, report.stderr
    entries = "\n".join([line for line in report.stdout.splitlines() if line.strip() and not line.startswith("#")][:lines])
    # perf leaves Swift's symbols mangled; the toolchain's demangler makes them readable when it is there.
    if demangler := shutil.which("swift-demangle"):
        entries = subprocess.run([demangler, "--simplified"], input=entries, capture_output=True, text=True, check=True, timeout=60).stdout
    return entries.rstrip("\n")


def write_profile(data: Path, out: Path, what: str, run: str = "bookings") -> None:
    """Two views of where a run's time goes (the bookings', or the chart page's): own time by
    library and function, then time including callees by function."""
    self_cost = ["--no-children", "--sort", "dso,sym", "-g", "none"]
    with_callees = ["--children", "--sort", "sym", "-g", "none"]
    out.write_text(
        f"perf record -F 499 -g -p <acuback serve> during the SQLite {run} wrk run of bench/run.py, {datetime.date.today()}\n"
        f"{what}\n\n"
        f"== perf report {' '.join(self_cost)}: own time (top 40)\n{perf_report(data, *self_cost, lines=40)}\n\n"
        f"== perf report {' '.join(with_callees)}: time with callees (top 60)\n{perf_report(data, *with_callees, lines=60)}\n")


def against_sqlite(rows: list[Row], sqlite_rows: list[Row]) -> None:
    """Notes each PostgreSQL row with its ratio to the SQLite row of the same name: the rate's
    where both have one, else the p50's (start-up, a time only)."""
    sqlite = {row.name: row for row in sqlite_rows}
    for row in rows:
        other = sqlite.get(row.name)
        if other is None:
            continue
        if row.rps and other.rps:
            ratio = row.rps / other.rps
        elif row.p50 and other.p50:
            ratio = row.p50 / other.p50
        else:
            continue
        row.note = "; ".join(part for part in (f"{ratio:.2f}x SQLite", row.note) if part)


def http_rows(binary: str, database_url: str, backend: str, folder: Path) -> list[Row]:
    """The wrk runs against a release server on `database_url`, which holds the demo clinic and
    HTTP_PATIENTS generated patients; then start-up time, peak memory and the double-booking check."""
    section = f"HTTP, {backend}"
    generate(binary, database_url, HTTP_PATIENTS, folder)
    began = time.monotonic()
    server = start_server(Path(binary), database_url, "--log-level", "notice", cwd=folder)
    while requests.get(server.url + "/readyz", timeout=5).status_code != 200:
        time.sleep(0.01)
    startup = (time.monotonic() - began) * 1000
    peak = [resident_kib(server.process.pid)]
    watching = threading.Event()

    def watch() -> None:
        while not watching.is_set():
            peak[0] = max(peak[0], resident_kib(server.process.pid))
            time.sleep(0.1)

    threading.Thread(target=watch, daemon=True).start()
    url = server.url
    try:
        admin, practitioner = token(url, DEMO["admin"]), token(url, DEMO["practitioner"])
        patient = requests.get(url + "/api/v1/patients", params={"q": "Hughes"}, headers={"Authorization": f"Bearer {admin}"},
                               timeout=10).json()["items"][0]["id"]
        generated = requests.get(url + "/api/v1/patients", params={"q": "Generated", "limit": 50}, headers={"Authorization": f"Bearer {admin}"},
                                 timeout=10).json()["items"]
        clinician = signed_in(url, DEMO["practitioner"])
        cookie = "; ".join(f"{c.name}={c.value}" for c in clinician.cookies)
        practitioners = [p["id"] for p in requests.get(url + "/api/v1/practitioners", timeout=10).json()["items"]
                         if p["name"].startswith("Generated")]
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        day = f"from={tomorrow}T00:00:00Z&to={tomorrow + datetime.timedelta(days=1)}T00:00:00Z"
        add_rooms(url, len(practitioners))
        starts_file = folder / f"starts-{backend}.lua"
        starts = booking_starts(practitioners, [p["id"] for p in generated], 5000 * SECONDS)
        starts_file.write_text("return {" + ",".join(f'{{"{a}","{b}","{c}"}}' for a, b, c in starts) + "}\n")

        ceiling = wrk(url + "/healthz", "get.lua", {})
        profiling = PROFILE and backend == "SQLite"
        with perf_record(server.process.pid, folder / "perf-chart.data") if profiling else contextlib.nullcontext():
            chart = wrk(f"{url}/patients/{patient}", "get.lua", {"ACUBACK_BENCH_COOKIE": cookie})
        runs = [
            ("/healthz (the ceiling)", ceiling, "", None),
            ("patient chart page", chart, ">= 40 % of ceiling", lambda r: r["rps"] >= 0.4 * ceiling["rps"]),
            ("patient record (API)", wrk(f"{url}/api/v1/patients/{patient}", "get.lua", {"ACUBACK_BENCH_TOKEN": admin}), "", None),
            ("day schedule (API)", wrk(f"{url}/api/v1/appointments?{day}", "get.lua", {"ACUBACK_BENCH_TOKEN": admin}), "", None),
            ("plan preview (API)", wrk(url + "/api/v1/plans/preview", "post.lua", {
                "ACUBACK_BENCH_TOKEN": practitioner,
                "ACUBACK_BENCH_BODY": '{"regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "onset": "chronic"}'}),
             "p99 < 5 ms", lambda r: r["p99"] < 5),
        ]
        with perf_record(server.process.pid, folder / "perf.data") if profiling else contextlib.nullcontext():
            booking = wrk(url, "book.lua", {"ACUBACK_BENCH_TOKEN": admin, "ACUBACK_BENCH_STARTS": str(starts_file),
                                            "ACUBACK_BENCH_THREADS": str(THREADS)})
    finally:
        watching.set()
        server.stop()
    overlaps = overlapping_bookings(database_url)
    made = re.search(r"BOOKINGS created=(\d+) conflicts=(\d+) others=(\d+)", booking["out"])
    created = int(made.group(1))
    # The bookings row counts bookings made, not answers: a refusal is quick and books nothing.
    rate = created / SECONDS
    rows = []
    for name, result, target, check in runs:
        rows.append(Row(section, name, result["rps"], result["p50"], result["p99"], result["rps"] / ceiling["rps"] * 100, target,
                        check(result) if check else None, f"{result['failed']} failed" if result["failed"] else ""))
    booked = Row(section, "bookings of free slots", rate, booking["p50"], booking["p99"], rate / ceiling["rps"] * 100, "none double", overlaps == 0,
                 f"{created} booked, {made.group(2)} refused as taken, {made.group(3)} other answers, {overlaps} double bookings")
    if backend == "SQLite":
        # Measured after the server stopped, so nothing else writes to the disk meanwhile.
        commits = sqlite_full_commits(folder, SECONDS)
        rows.append(Row(section, f"SQLite {sqlite3.sqlite_version} 1-row commits, FULL, WAL", commits.rate, commits.percentile(50),
                        commits.percentile(99), note="one connection, same disk as the bench database, after the server stopped"))
        booked.target, booked.met = ">= 50 % of FULL commits, none double", overlaps == 0 and rate >= 0.5 * commits.rate
        booked.note += f"; {rate / commits.rate * 100:.1f} % of FULL commits"
    if profiling:
        # The load average says whether something else shared the machine while it was sampled.
        write_profile(folder / "perf.data", PROFILE_FILE, f"{binary}: {created} bookings in {SECONDS} s, {rate:,.0f}/s, wrk -t{THREADS} "
                      f"-c{CONNECTIONS}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        booked.note += f"; profiled (perf at 499 Hz slows it): {PROFILE_FILE}"
        write_profile(folder / "perf-chart.data", CHART_PROFILE_FILE, f"{binary}: the chart page of one patient, {chart['rps']:,.0f}/s, "
                      f"wrk -t{THREADS} -c{CONNECTIONS}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", run="patient chart page")
    rows.append(booked)
    rows.append(Row(section, "start-up to ready", p50=startup, target="< 1 s", met=startup < 1000))
    rows.append(Row(section, "peak resident memory", target="< 150 MB", met=peak[0] < 150 * 1024, note=f"{peak[0] / 1024:.0f} MB under load"))
    return rows


def timed(call, times: int = 5) -> tuple[float, float]:
    """Median and slowest of `times` runs of `call` after one to warm up, in milliseconds."""
    call()
    samples = []
    for _ in range(times):
        began = time.monotonic()
        call()
        samples.append((time.monotonic() - began) * 1000)
    samples.sort()
    return samples[len(samples) // 2], samples[-1]


def scale_rows(binary: str, folder: Path) -> list[Row]:
    """Times the dashboard and a patient's chart on generated data. ACUBACK_BENCH_SCALE_DATABASE
    names a file `acuback demo --scale` made earlier, to skip generating it again."""
    if reused := os.environ.get("ACUBACK_BENCH_SCALE_DATABASE"):
        database, made = Path(reused), "made earlier"
        with sqlite3.connect(database) as db:
            patients = db.execute("SELECT COUNT(*) FROM patients WHERE family_name LIKE 'Generated%'").fetchone()[0]
    else:
        database, patients = folder / "scale.sqlite", SCALE
        made = f"{generate(binary, f'sqlite://{database}', SCALE, folder):.0f} s to generate"
    sessions = patients * 10
    section = f"Scale, SQLite: {patients:,} patients, {sessions:,} sessions ({database.stat().st_size / 2**20:,.0f} MB, {made})"
    server = start_server(Path(binary), f"sqlite://{database}", "--log-level", "notice", cwd=folder)
    try:
        admin = signed_in(server.url, DEMO["admin"])
        clinician = signed_in(server.url, DEMO["practitioner"])
        someone = admin.get(server.url + "/api/v1/patients", params={"q": "Generated 000001"}, timeout=60).json()["items"][0]["id"]
        page = clinician.get(f"{server.url}/patients/{someone}", timeout=600).text
        course = re.search(rf'href="(/patients/{someone}/courses/[0-9A-Fa-f-]+)"', page).group(1)

        def get(session, path):
            return lambda: session.get(server.url + path, timeout=600).raise_for_status()

        timings = [
            ("analytics dashboard page", timed(get(admin, "/clinic/analytics")), f"< {DASHBOARD_MS} ms at 1,000,000 sessions"),
            ("analytics (API)", timed(get(admin, "/api/v1/analytics")), ""),
            ("patient chart page", timed(get(clinician, f"/patients/{someone}")), ""),
            ("course page with its charts", timed(get(clinician, course)), ""),
        ]
    finally:
        server.stop()
    rows = []
    for name, (median, slowest), target in timings:
        met = (median < DASHBOARD_MS if sessions >= 1_000_000 else None) if target else None
        note = f"slowest of 5: {slowest:.0f} ms" + ("" if sessions >= 1_000_000 or not target else "; not at 1,000,000 sessions")
        rows.append(Row(section, name, p50=median, target=target, met=met, note=note))
    return rows


def core_rows(folder: Path) -> list[Row]:
    """Runs the CoreBenchmarks target (release) and reads its wall-clock percentiles."""
    out = folder / "core"
    out.mkdir()
    ran = subprocess.run(["swift", "package", "--allow-writing-to-directory", str(out), "benchmark", "--target", "CoreBenchmarks",
                          "--format", "jmh", "--path", str(out), "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=3600)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    targets = {"Plan generation": ("< 30 µs median", lambda p50: p50 < 0.03), "Course search": ("< 2 ms median", lambda p50: p50 < 2)}
    rows = []
    for file in out.glob("*.json"):
        for element in json.loads(file.read_text()):
            name = element["benchmark"].rsplit(".", 1)[-1].replace("_", " ")
            clock = next(value for key, value in element["secondaryMetrics"].items() if "wall clock" in key)
            assert clock["scoreUnit"] == "μs", clock["scoreUnit"]
            p50, p99 = clock["scorePercentiles"]["50.0"] / 1000, clock["scorePercentiles"]["99.0"] / 1000
            target, check = next((value for key, value in targets.items() if name.startswith(key)), ("", None))
            rows.append(Row("In process (ordo-one/benchmark)", name, element["primaryMetric"]["score"], p50, p99,
                            target=target, met=check(p50) if check else None))
    return sorted(rows, key=lambda row: row.name)


def duration(ms: float | None) -> str:
    if ms is None:
        return ""
    return f"{ms * 1000:.0f} µs" if ms < 1 else f"{ms:.1f} ms" if ms < 100 else f"{ms:,.0f} ms"


def print_table(rows: list[Row], binary: str) -> None:
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    memory = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1]) / 2**20
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "")
    build = "release build" if "/release/" in binary else f"binary {binary} (not from a release build folder)"
    print(f"\nAcuback {version}, {build}, {datetime.date.today()}; {os.cpu_count()} cores ({model}), {memory:.0f} GB, "
          f"{platform.system()} {platform.release()}"
          + (f"; wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s" if any(row.section.startswith("HTTP") for row in rows) else "") + "\n")
    header = f"| {'benchmark':<44} | {'per second':>10} | {'p50':>9} | {'p99':>9} | {'of ceiling':>10} | {'target':<36} | {'result':<6} | notes"
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            print(f"\n{section}\n{header}\n|{'-' * 46}|{'-' * 12}|{'-' * 11}|{'-' * 11}|{'-' * 12}|{'-' * 38}|{'-' * 8}|------")
        verdict = "" if row.met is None else "met" if row.met else "MISSED"
        print(f"| {row.name[:44]:<44} | {'' if row.rps is None else f'{row.rps:,.0f}':>10} | {duration(row.p50):>9} | {duration(row.p99):>9} | "
              f"{'' if row.ceiling is None else f'{row.ceiling:.0f} %':>10} | {row.target:<36} | {verdict:<6} | {row.note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = str(Path(parser.parse_args().binary).resolve())
    folder = Path(tempfile.mkdtemp(prefix="acuback-bench-"))
    if os.environ.get("ACUBACK_BENCH_ONLY") == "peer":
        import peer
        print_table(peer.peer_rows(binary, folder), binary)
        return
    rows = [] if os.environ.get("ACUBACK_BENCH_SKIP_CORE") == "1" else core_rows(folder)
    sqlite_rows = http_rows(binary, f"sqlite://{folder / 'http.sqlite'}", "SQLite", folder)
    rows += sqlite_rows
    if postgres := os.environ.get("ACUBACK_BENCH_POSTGRES_URL"):
        # PostgreSQL has no file to keep the audit key beside; every process of the run shares this one.
        os.environ.setdefault("ACUBACK_AUDIT_KEY_FILE", str(folder / "audit.key"))
        revert_all(binary, postgres)
        try:
            postgres_rows = http_rows(binary, postgres, "PostgreSQL", folder)
            against_sqlite(postgres_rows, sqlite_rows)
            rows += postgres_rows
        finally:
            revert_all(binary, postgres)
    if SCALE > 0:
        rows += scale_rows(binary, folder)
    if os.environ.get("ACUBACK_BENCH_PEER"):
        import peer
        rows += peer.peer_rows(binary, folder)
    print_table(rows, binary)


if __name__ == "__main__":
    main()
