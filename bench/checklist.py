"""Checklist benchmark: build every combination, then load the JSON API with concurrent clients.

    .venv/bin/python bench/checklist.py                      # embedded default (SQLite, local memory)
    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/checklist.py

It prepares the database (migrate, load_demo, load_tasks), times the engine over all 1,152
situations and the adapter over all of them in four languages, then starts gunicorn on a free port
and has N client threads (keep-alive connections) request random situations for a fixed time.
Options: --clients 16 --seconds 20 --workers 2 --threads 4.
"""

import argparse
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    call_command("load_tasks", verbosity=0)


def time_engine():
    from django.core.cache import cache

    from guides.checklist import catalogue, make_checklist
    from guides.engine import build
    from guides.situation import every_situation
    from guides.taskdata import book_from_file

    situations = list(every_situation())
    book = book_from_file()
    started = time.perf_counter()
    for s in situations:
        build(book, s)
    engine_s = time.perf_counter() - started

    cache.clear()
    catalogue()
    started = time.perf_counter()
    for language in ("en", "sv", "ar", "so"):
        for s in situations:
            make_checklist(s, language)
    adapter_s = time.perf_counter() - started
    return len(situations), engine_s, adapter_s


def queries():
    from guides.situation import every_situation

    out = []
    for s in every_situation():
        items = s.query_items()
        items.append(("lang", random.choice(["en", "sv", "ar", "so"])))
        out.append("/api/v1/checklist?" + urlencode(items, safe=","))
    return out


def load(port: int, clients: int, seconds: float):
    paths = queries()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, codes = [], {}
        while time.perf_counter() < stop:
            path = random.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                code = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                code = 0
            mine.append(time.perf_counter() - t0)
            codes[code] = codes.get(code, 0) + 1
        with lock:
            latencies.extend(mine)
            for code, n in codes.items():
                statuses[code] = statuses.get(code, 0) + n

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "seconds": round(elapsed, 1),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
        "statuses": statuses,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    prepare()
    from django.conf import settings

    backend = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    n, engine_s, adapter_s = time_engine()
    print(f"engine: {n} situations in {engine_s:.3f} s ({engine_s / n * 1e6:.0f} µs each)")
    print(f"adapter (texts, why, guide links): {n * 4} checklists in {adapter_s:.2f} s")

    port = free_port()
    env = dict(os.environ)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        load(port, 4, 3)  # warm-up: every worker builds its catalogue
        result = load(port, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        json.dumps(
            {
                "database": backend,
                "cache": cache_backend,
                "clients": args.clients,
                "gunicorn": f"{args.workers} workers × {args.threads} threads",
                **result,
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
