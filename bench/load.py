"""One load generator for the peer section: the same code drives GNU Health's appointment creates,
Acuback's bookings and the /healthz ceiling, so their rates differ by the servers, not the clients.

`run` starts CONNECTIONS threads, each with one keep-alive http.client connection; each takes the
next request number from a shared counter, builds the request with `request(worker, number)`,
sends it, reads the whole answer and files it under `classify(status, body)`. It stops after
`count` requests or `seconds`, whichever comes first, and returns the rate and latency percentiles.
Python's threads share one interpreter lock: `/healthz` run through this same generator shows the
rate it can drive at most (its ceiling), printed beside the rows.
"""
import http.client
import itertools
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

Request = tuple[str, str, bytes | None, dict]  # method, path, body, headers


@dataclass
class Result:
    requests: int
    seconds: float
    latencies: list[float] = field(repr=False)  # milliseconds, sorted
    answers: Counter
    samples: dict = field(default_factory=dict, repr=False)  # the first answer's body of each kind but the commonest

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        xs = self.latencies
        if not xs:
            return 0.0
        k = (len(xs) - 1) * p / 100
        f = int(k)
        c = min(f + 1, len(xs) - 1)
        return xs[f] + (xs[c] - xs[f]) * (k - f)

    def __str__(self) -> str:
        return (f"{self.requests} requests in {self.seconds:.1f} s, {self.rate:,.1f}/s, p50 {self.percentile(50):.1f} ms, "
                f"p90 {self.percentile(90):.1f} ms, p99 {self.percentile(99):.1f} ms, {dict(self.answers)}"
                + "".join(f"\n  first {kind!r}: {body[:300]!r}" for kind, body in self.samples.items()))


def by_status(status: int, body: bytes) -> str:
    return str(status)


def run(host: str, port: int, connections: int, request: Callable[[int, int], Request], *, seconds: float | None = None,
        count: int | None = None, classify: Callable[[int, bytes], str] = by_status) -> Result:
    assert seconds or count, "a duration or a count"
    numbers = itertools.count()
    lock = threading.Lock()
    latencies: list[list[float]] = [[] for _ in range(connections)]
    answers: list[Counter] = [Counter() for _ in range(connections)]
    samples: dict[str, bytes] = {}
    ready = threading.Barrier(connections + 1)
    deadline = [0.0]

    def work(worker: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        conn.connect()
        mine, tally = latencies[worker], answers[worker]
        ready.wait()
        while True:
            with lock:
                number = next(numbers)
            if (count is not None and number >= count) or (seconds is not None and time.perf_counter() >= deadline[0]):
                break
            method, path, body, headers = request(worker, number)
            began = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                answer = conn.getresponse()
                data = answer.read()
                label = classify(answer.status, data)
            except (http.client.HTTPException, OSError) as error:
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=120)
                label, data = "connection error", repr(error).encode()
            samples.setdefault(label, data)
            mine.append((time.perf_counter() - began) * 1000)
            tally[label] += 1
        conn.close()

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(connections)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + (seconds or 0)
    ready.wait()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    total = Counter()
    for tally in answers:
        total.update(tally)
    common = total.most_common(1)[0][0] if total else None
    return Result(sum(total.values()), wall, sorted(x for xs in latencies for x in xs), total,
                  {kind: body for kind, body in samples.items() if kind != common})
