"""CPU per request, measured in one process: repeatable where wall-clock requests per second are not.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/landa REDIS_URL=redis://127.0.0.1:6379/0 \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/1 .venv/bin/python bench/cost.py [--requests 200] [--profile NAME]

The production settings and the WSGI application that gunicorn runs, called directly (no server, no
sockets on our side; PostgreSQL and Redis are real), on a database that ``bench/site.py`` has loaded.
For each line of the site benchmark it reports the process CPU time per request (mean of the best of
three rounds): what a worker spends, whatever else the machine is doing. ``guide-cold`` is the uncached
guide as the first request after a publish: a new page-cache generation before each request, so no
route, derived part or fragment is kept (the two cache writes standing in for the publish included).
``--profile NAME`` prints cProfile's top functions for one line (on CPU time); ``--sample NAME``
pyinstrument's CPU-time samples as a table of inclusive shares (``pip install pyinstrument`` first, it
is not a dependency); ``--callgrind NAME`` runs that line under valgrind's callgrind and prints the
instructions per request (exact, independent of the machine's load; ~50× slower, run it with few requests).
"""
import argparse
import cProfile
import ctypes
import importlib.util
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_site", ROOT / "bench" / "site.py")
bench_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_site)  # the same URLs as bench/site.py ("site" is the standard library's)
GUIDE, JSON, RESULT = bench_site.GUIDE, bench_site.JSON, bench_site.RESULT

COLD = "cold"  # a new query string, after what a publish does: nothing kept (portal.caching.invalidate)

LINES = {
    "guide-uncached": (GUIDE, True),
    "guide-cold": (GUIDE, COLD),
    "guide-cached": (GUIDE, False),
    "home-uncached": ("/en/", True),
    "result-uncached": (RESULT, True),
    "json-uncached": (JSON, True),
    "json-cached": (JSON, False),
    "search": ("/en/search/?q=personnummer", True),
}


def setup():
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} must be set (the database bench/site.py loaded)")
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
    })
    from portal.wsgi import application

    return application


class Caller:
    """Calls the WSGI application as gunicorn would, one GET at a time."""

    def __init__(self, application):
        self.application = application
        self.serial = 0
        self.run = f"{os.getpid()}-{time.time_ns()}"  # unique across runs: the page cache outlives them

    def __call__(self, url: str, uncached: bool | str) -> int:
        path, _, query = url.partition("?")
        if uncached == COLD:  # the first request after a publish: every kept part is rendered again
            from content.context_processors import clear_navigation_cache
            from portal.caching import invalidate

            invalidate()
            clear_navigation_cache()
        if uncached:  # as bench/site.py's Lua script: a query string neither cache has seen
            self.serial += 1
            token = f"bench={self.run}-{self.serial}"
            query = f"{query}&{token}" if query else token
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000", "HTTP_USER_AGENT": "wrk", "HTTP_ACCEPT": "*/*",
            "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
            "wsgi.multiprocess": True, "wsgi.run_once": False,
        }
        status = []
        body = self.application(environ, lambda s, headers, exc_info=None: status.append(s))
        try:
            size = sum(len(chunk) for chunk in body)
        finally:
            if hasattr(body, "close"):
                body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{url}: {status[0]}")
        return size


def measure(call, name: str, requests: int) -> float:
    url, uncached = LINES[name]
    for _ in range(10):
        call(url, uncached)  # warm up: caches, connections, templates
    best = None
    for _round in range(3):
        start = time.process_time()
        for _ in range(requests):
            call(url, uncached)
        spent = (time.process_time() - start) / requests
        best = spent if best is None else min(best, spent)
    return best * 1000


def callgrind(name: str, requests: int) -> None:
    """Instructions per request: collection only inside libc's qsort, which runs the loop as its comparator."""
    out = Path(tempfile.gettempdir()) / f"callgrind.{name}.{os.getpid()}"
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=*qsort*",
         f"--callgrind-out-file={out}", sys.executable, __file__, "--in-callgrind", name,
         "--requests", str(requests)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    summary = next(line for line in out.read_text().splitlines() if line.startswith(("summary:", "totals:")))
    instructions = int(summary.split()[1])
    out.unlink()
    print(f"{name}: {instructions / requests / 1e6:.1f} M instructions per request ({requests} requests)")


def in_callgrind(call, name: str, requests: int) -> None:
    url, uncached = LINES[name]
    for _ in range(10):
        call(url, uncached)

    @ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    def loop(_a, _b):
        for _ in range(requests):
            call(url, uncached)
        return 0

    libc = ctypes.CDLL(None)
    pair = (ctypes.c_int * 2)(1, 2)
    libc.qsort(pair, 2, ctypes.sizeof(ctypes.c_int), loop)  # the comparator runs once


def inclusive_table(session, rows: int = 200) -> str:
    """CPU time per function including what it calls (each function once per sample), highest first."""
    from pyinstrument.frame_info import frame_info_get_identifier

    totals: dict[str, float] = {}
    for stack, seconds in session.frame_records:
        seen = set()
        for frame in stack:
            function, path, line = (frame_info_get_identifier(frame).split("\x00") + ["", ""])[:3]
            name = f"{function}  {path.split('site-packages/')[-1].replace(str(ROOT) + '/', '')}:{line}"
            if name not in seen:
                seen.add(name)
                totals[name] = totals.get(name, 0.0) + seconds
    total = max(totals.values())
    lines = [f"{'share':>6}  function"]
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1])[:rows]:
        lines.append(f"{seconds / total:6.1%}  {name}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", choices=LINES)
    parser.add_argument("--sample", choices=LINES, help="pyinstrument's sampling profile of one line (if installed)")
    parser.add_argument("--callgrind", choices=LINES)
    parser.add_argument("--in-callgrind", choices=LINES, help=argparse.SUPPRESS)
    parser.add_argument("lines", nargs="*", choices=[[], *LINES], default=[])
    options = parser.parse_args()
    if options.callgrind:
        setup()  # fail early on missing settings
        callgrind(options.callgrind, options.requests)
        return
    call = Caller(setup())
    if options.in_callgrind:
        in_callgrind(call, options.in_callgrind, options.requests)
        return
    if options.sample:
        from pyinstrument import Profiler
        from pyinstrument.stack_sampler import get_stack_sampler

        get_stack_sampler().timer_func = time.process_time  # samples CPU time, not waits

        url, uncached = LINES[options.sample]
        for _ in range(10):
            call(url, uncached)
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
        for _ in range(options.requests):
            call(url, uncached)
        profiler.stop()
        print(inclusive_table(profiler.last_session))
        return
    if options.profile:
        url, uncached = LINES[options.profile]
        for _ in range(10):
            call(url, uncached)
        profile = cProfile.Profile(time.process_time)  # CPU, not the wall clock of a shared machine
        profile.enable()
        for _ in range(options.requests):
            call(url, uncached)
        profile.disable()
        profile.dump_stats(Path(tempfile.gettempdir()) / f"profile.{options.profile}.pstats")  # for pstats
        stream = io.StringIO()
        stats = pstats.Stats(profile, stream=stream)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(40)
        print(stream.getvalue())
        return
    for name in options.lines or LINES:
        print(f"{name}: {measure(call, name, options.requests):.2f} ms CPU per request", flush=True)


if __name__ == "__main__":
    main()
