"""The client side of the intake benchmark: request bodies and the load generator (see
benchmarks/intake.py). Forked client processes with threads, each holding an http.client keep-alive
connection; a request that fails in transport is retried with the same body and Idempotency-Key."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import multiprocessing
import threading
import time
import uuid
from collections import Counter
from random import Random
from typing import Any

RETRY_SHARE = 0.05
TRANSPORT_RETRIES = 3
TRIVIAL_PATH = "/api/v1/regions/34.04"  # the same as _intake_server.TRIVIAL_PATH
REPORTS_PATH = "/api/v1/reports"
ELECTIONS = [("pilkada-2024", 0.70, dt.date(2024, 11, 27)), ("pemilu-2024", 0.25, dt.date(2024, 2, 14)),
             ("pilkada-2020", 0.05, dt.date(2020, 12, 9))]  # fmt: skip
# fmt: off
FIRST_NAMES = ["Siti", "Budi", "Agus", "Dewi", "Rahmat", "Nur", "Wayan", "Yohanes", "Fitri", "Andi", "Made",
               "Ketut", "Rina", "Hendra", "Maria", "Aisyah"]
LAST_NAMES = ["Rahmawati", "Santoso", "Wijaya", "Siregar", "Nasution", "Pattiasina", "Hidayat", "Lumban Gaol",
              "Mahendra", "Tanjung"]
POSITIONS = ["Camat", "Lurah", "Kepala Dinas Pendidikan", "Guru SMP Negeri", "Kepala Sekolah",
             "Sekretaris Kecamatan", "Kepala Bidang Pemerintahan", "Staf Kecamatan", "Kepala Puskesmas"]
# fmt: on
ACTS = [
    "memasang spanduk pasangan calon di pagar kantor",
    "mengunggah foto dengan gestur jari mendukung pasangan calon di media sosial",
    "menghadiri kampanye pasangan calon pada jam kerja dengan seragam dinas",
    "mengarahkan para guru untuk memilih calon tertentu dalam rapat",
    "membagikan bahan kampanye kepada warga saat pelayanan di kantor",
    "menyukai dan membagikan unggahan kampanye calon petahana",
]


# --- request bodies --------------------------------------------------------------------------------


def reference_pools(db_url: str) -> dict[str, Any]:
    """Regions, and valid NIKs and NIPs built from them (checked with personnel's parsers)."""
    import psycopg

    from netral.personnel.services import parse_nik, parse_nip
    from netral.regions.models import Region

    table = Region._meta.db_table
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(f"SELECT code, level FROM {table}").fetchall()  # noqa: S608
    regencies = sorted(code for code, level in rows if level == Region.Level.REGENCY)
    provinces = sorted(code for code, level in rows if level == Region.Level.PROVINCE)
    rng = Random(20240404)
    niks, nips = [], []
    for _ in range(2000):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        female = rng.random() < 0.5
        region = rng.choice(regencies).replace(".", "") + f"{rng.randrange(1, 30):02d}"
        day = born.day + 40 if female else born.day
        nik = f"{region}{day:02d}{born:%m}{born.year % 100:02d}{rng.randrange(1, 9999):04d}"
        tmt = born.year + 20 + rng.randrange(15)
        nip = (
            f"{born:%Y%m%d}{tmt:04d}{rng.randrange(1, 13):02d}{2 if female else 1}{rng.randrange(1, 999):03d}"
        )
        if parse_nik(nik, regency_codes=set(regencies)).valid:
            niks.append(nik)
        if parse_nip(nip).valid:
            nips.append(nip)
    return {"regencies": regencies, "provinces": provinces, "niks": niks, "nips": nips}


def _person(rng: Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _body(rng: Random, pools: dict[str, Any], today: dt.date) -> bytes:
    code, _share, voting = rng.choices(ELECTIONS, weights=[e[1] for e in ELECTIONS])[0]
    region = rng.choice(pools["provinces"]) if rng.random() < 0.05 else rng.choice(pools["regencies"])
    # 60% learned of it in the last days (in time), the rest around the vote (late: daluwarsa).
    if rng.random() < 0.6:
        known = today - dt.timedelta(days=rng.randrange(6))
    else:
        known = voting - dt.timedelta(days=rng.randrange(-10, 60))
    occurred = known - dt.timedelta(days=rng.randrange(3))
    reported = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        person: dict[str, str] = {"name": _person(rng), "position": rng.choice(POSITIONS),
                                  "agency": f"Pemerintah Daerah {region}"}  # fmt: skip
        if rng.random() < 0.5:
            person["nip"] = rng.choice(pools["nips"])
        reported.append(person)
    act = rng.choice(ACTS)
    payload: dict[str, Any] = {
        "anonymous": rng.random() < 0.3,
        "reported": reported,
        "description": f"{reported[0]['position']} {reported[0]['name']} {act}. " * rng.randrange(1, 5),
        "chronology": f"Sekitar pukul {rng.randrange(7, 17):02d}.{rng.randrange(60):02d} WIB terlapor {act}.",
        "region_code": region,
        "place": f"Kantor {reported[0]['position']}, wilayah {region}",
        "occurred_on": occurred.isoformat(),
        "known_on": known.isoformat(),
        "election": code,
        "evidence_urls": [f"https://instagram.com/p/{uuid.UUID(int=rng.getrandbits(128)).hex[:11]}"]
        * rng.randrange(3),
        "witnesses": [_person(rng) for _ in range(rng.randrange(3))],
    }
    if not payload["anonymous"]:
        payload["reporter"] = {
            "name": _person(rng),
            "nik": rng.choice(pools["niks"]),
            "phone": f"08{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}",
            "email": f"pelapor{rng.randrange(10**6)}@example.co.id" if rng.random() < 0.5 else "",
            "address": f"Jl. Merdeka No. {rng.randrange(1, 200)}",
        }
    return json.dumps(payload).encode()


# --- load generator --------------------------------------------------------------------------------


class _Client:
    """One keep-alive connection; `send` retries transport failures with the same request."""

    def __init__(self, port: int, tally: dict[str, Any]) -> None:
        self.port = port
        self.tally = tally
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        for _attempt in range(TRANSPORT_RETRIES + 1):
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException):
                self.tally["transport_errors"] += 1
                self.conn.close()
                continue
            self.tally["latencies"].append(time.perf_counter() - started)
            self.tally["statuses"][response.status] += 1
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
            return response.status, data
        return 0, b""


def _thread_loop(
    port: int, mode: str, stop_at: float, seed: int, pools: dict[str, Any], tally: dict[str, Any]
) -> None:
    rng = Random(seed)
    client = _Client(port, tally)
    today = dt.date.today()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    while time.time() < stop_at:
        if mode == "trivial":
            client.send("GET", TRIVIAL_PATH, None, headers)
            continue
        body = _body(rng, pools, today)
        sent = {**headers, "Idempotency-Key": str(uuid.uuid4())}  # unique across runs, unlike rng
        status, data = client.send("POST", REPORTS_PATH, body, sent)
        if status != 201:
            continue
        code = json.loads(data)["tracking_code"]
        tally["codes"].append(code)
        if rng.random() < RETRY_SHARE:
            tally["retries"] += 1
            status, data = client.send("POST", REPORTS_PATH, body, sent)
            if status != 201 or json.loads(data)["tracking_code"] != code:
                tally["retry_mismatches"] += 1


def _process_main(port: int, mode: str, start_at: float, stop_at: float, seeds: list[int],
                  pools: dict[str, Any], results: Any) -> None:  # fmt: skip
    tally: dict[str, Any] = {"latencies": [], "statuses": Counter(), "codes": [], "retries": 0,
                             "retry_mismatches": 0, "transport_errors": 0}  # fmt: skip
    time.sleep(max(0.0, start_at - time.time()))
    threads = [
        threading.Thread(target=_thread_loop, args=(port, mode, stop_at, s, pools, tally)) for s in seeds
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(tally)


def load(
    port: int, mode: str, seconds: float, clients: int, processes: int, pools: dict[str, Any], seed: int = 0
) -> dict[str, Any]:
    """Run `clients` connections in `processes` forked processes for `seconds`; merged tallies.
    Connection k draws its bodies from Random(seed + k)."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.time() + 1.0
    stop_at = start_at + seconds
    seeds = list(range(seed, seed + clients))
    workers = [context.Process(target=_process_main,
                               args=(port, mode, start_at, stop_at, seeds[i::processes], pools, results))
               for i in range(processes)]  # fmt: skip
    for worker in workers:
        worker.start()
    tallies = [results.get(timeout=seconds + 300) for _ in workers]
    finished = time.time()
    for worker in workers:
        worker.join()
    merged: dict[str, Any] = {"latencies": [], "statuses": Counter(), "codes": [], "retries": 0,
                              "retry_mismatches": 0, "transport_errors": 0}  # fmt: skip
    for tally in tallies:
        for key, value in tally.items():
            merged[key] = merged[key] + value
    merged["elapsed"] = finished - start_at
    return merged


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0
