"""Site benchmark: the public pages as deployed, against a static file served by nginx as the limit.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/landa REDIS_URL=redis://127.0.0.1:6379/0 \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/1 .venv/bin/python bench/site.py      # make bench-site

Production settings (portal.settings.production) on PostgreSQL and Redis; gunicorn with 2 workers and the
production configuration (portal/gunicorn_config.py: gthread, keep-alive);
Varnish in front with the committed rules (deploy/varnish/landa.vcl); nginx serving a static copy of
the same guide page. wrk measures, each for --seconds (10): a guide uncached (a new query string per
request, so neither cache can answer), the guide from the origin cache, the guide through Varnish, the
home page, the checklist result and search (uncached), the checklist JSON at 50 connections (uncached,
from the origin cache, and through Varnish over every situation in every language), and the static
copy. The numbers and their ratio to the static limit go into bench/README.md with the date.
"""
import argparse
import datetime as dt
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "bench" / "README.md"
BIN = Path(sys.executable).parent
GUIDE = "/ar/arriving/register-population/"
RESULT = "/en/checklist/?status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long"
JSON = (
    "/api/v1/checklist?status=third-country&permit=work&family=partner-children&children=preschool,school"
    "&stay=long&lang=sv"
)
START, END = "<!-- bench-site:start -->", "<!-- bench-site:end -->"
# A new query string per request: neither Varnish nor the origin cache has seen it.
UNCACHED_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", wrk.path .. sep .. "bench=" .. math.random(1, 1000000000) .. "-" .. counter)
end
"""


# Many URLs, not one hot one: each request a random situation (all 1,152) in a random language.
# With the argument "walk" each of wrk's threads asks its share of the URLs once, in order, and stops:
# the priming pass before the measurement, so every URL has been asked once (first asks go to the origin).
ROTATING_LUA = """
paths = {%s}
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end
init = function(args)
  walk = args[1] == "walk"
  stride = tonumber(args[2] or "1")
  position = seed
  answered = 0
  math.randomseed(os.time() * 1000 + seed)
end
request = function()
  if walk then
    local path = paths[((position - 1) %% #paths) + 1]
    position = position + stride
    return wrk.format("GET", path)
  end
  return wrk.format("GET", paths[math.random(1, #paths)])
end
response = function(status, headers, body)
  answered = answered + 1
  if walk and answered * stride >= #paths then
    wrk.thread:stop()
  end
end
"""


def checklist_paths() -> list[str]:
    """``/api/v1/checklist?…&lang=…`` for every situation in every language."""
    from urllib.parse import urlencode

    sys.path.insert(0, str(ROOT))
    from guides.situation import every_situation

    return [
        "/api/v1/checklist?" + urlencode([*situation.query_items(), ("lang", language)], safe=",")
        for situation in every_situation()
        for language in ("en", "sv", "ar", "so")
    ]


def varnish_misses(tmp: Path) -> int | None:
    """Varnish's count of cache misses so far (None without varnishstat)."""
    varnishstat = shutil.which("varnishstat") or "/usr/bin/varnishstat"
    try:
        output = subprocess.run([varnishstat, "-n", str(tmp / "varnish"), "-1", "-f", "MAIN.cache_miss"],
                                capture_output=True, text=True, check=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"MAIN\.cache_miss\s+(\d+)", output)
    return int(match.group(1)) if match else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local URL
                response.read()
                return
        except Exception:  # noqa: BLE001 - keep trying until the deadline
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def environment(purge_port: int) -> dict:
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} must be set: the benchmark runs the production settings on PostgreSQL and Redis")
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "VARNISH_URL": f"http://127.0.0.1:{purge_port}",
        "LOG_LEVEL": "ERROR",
    })
    return env


def manage(env, *args):
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def start_varnish(tmp: Path, backend_port: int, port: int, purge_port: int):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    shutil.copy(ROOT / "deploy" / "varnish" / "landa.vcl", tmp / "landa.vcl")
    (tmp / "bench.vcl").write_text(
        "vcl 4.1;\n"
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
        "sub landa_backend { set req.backend_hint = default; }\n"
        'include "landa.vcl";\n'
    )
    for path in (tmp, tmp / "landa.vcl", tmp / "bench.vcl"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return subprocess.Popen(
        [varnishd, "-F", "-a", f"http=127.0.0.1:{port}", "-a", f"purge=127.0.0.1:{purge_port}",
         "-n", str(tmp / "varnish"), "-f", str(tmp / "bench.vcl"), "-p", f"vcl_path={tmp}", "-s", "malloc,256m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def start_nginx(tmp: Path, html: bytes, port: int):
    site = tmp / "static-site"
    (site / GUIDE.strip("/")).mkdir(parents=True)
    (site / GUIDE.strip("/") / "index.html").write_bytes(html)
    for path in [tmp, *site.rglob("*"), site]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    conf = tmp / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        default_type text/html;
    }}
}}
""")
    return subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wrk(url: str, seconds: int, connections: int, script: Path | None = None, args: tuple = ()) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url, *(["--", *args] if args else [])],
                            capture_output=True, text=True, check=True).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps, "p50": latency("50"), "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/README.md alone")
    parser.add_argument("--only", help="only the lines whose label contains this, and the limit (implies --no-write)")
    options = parser.parse_args()
    for tool in ("wrk", "nginx", "varnishd"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is needed (Debian packages wrk, nginx, varnish)")

    tmp = Path(tempfile.mkdtemp(prefix="landa-bench-"))
    web_port, cache_port, purge_port, static_port = free_port(), free_port(), free_port(), free_port()
    env = environment(purge_port)
    print("preparing: migrate, demo content, tasks, messages, static files …", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "load_tasks")
    manage(env, "compile_locale")
    manage(env, "collectstatic", "--noinput")
    processes = []
    try:
        processes.append(subprocess.Popen(
            # The production configuration (gthread workers with keep-alive), with 2 workers for 2 cores.
            [str(BIN / "gunicorn"), "portal.wsgi:application", "-c", "python:portal.gunicorn_config",
             "--workers", "2", "--bind", f"127.0.0.1:{web_port}", "--log-level", "warning"], cwd=ROOT, env=env,
        ))
        origin = f"http://127.0.0.1:{web_port}"
        wait_for(origin + GUIDE)
        processes.append(start_varnish(tmp, web_port, cache_port, purge_port))
        cache = f"http://127.0.0.1:{cache_port}"
        wait_for(cache + GUIDE)
        with urllib.request.urlopen(origin + GUIDE, timeout=30) as response:  # noqa: S310 - a local URL
            html = response.read()
        processes.append(start_nginx(tmp, html, static_port))
        static = f"http://127.0.0.1:{static_port}"
        wait_for(static + GUIDE)
        script = tmp / "uncached.lua"
        script.write_text(UNCACHED_LUA)
        rotating = tmp / "rotating.lua"
        rotating.write_text(ROTATING_LUA % ", ".join(f'"{path}"' for path in checklist_paths()))

        seconds, conns = options.seconds, options.connections
        runs = [
            ("static copy of the guide (nginx), the limit", static + GUIDE, conns, None),
            ("guide (Arabic), uncached", origin + GUIDE, conns, script),
            ("guide, origin cache (Redis)", origin + GUIDE, conns, None),
            ("guide, through Varnish", cache + GUIDE, conns, None),
            ("home page (English), uncached", origin + "/en/", conns, script),
            ("home page, through Varnish", cache + "/en/", conns, None),
            ("checklist result, uncached", origin + RESULT, conns, script),
            ("checklist JSON, uncached, 50 connections", origin + JSON, 50, script),
            ("checklist JSON, origin cache, 50 connections", origin + JSON, 50, None),
            ("checklist JSON through Varnish, 4,608 URLs, 50 connections", cache + "/api/v1/checklist", 50, rotating),
            ("search (never cached)", origin + "/en/search/?q=personnummer", conns, script),
        ]
        if options.only:
            runs = [runs[0], *(run for run in runs[1:] if options.only in run[0])]
            options.no_write = True
        load_before = os.getloadavg()[0]
        results = []
        for label, url, connections, lua in runs:
            print(f"wrk: {label} …", flush=True)
            if lua is rotating:  # prime: every URL asked once (wrk's 2 threads, one connection each)
                wrk(url, 120, 2, lua, ("walk", "2"))
            wrk(url, 2, connections, lua)  # warm up (and fill the caches)
            misses = varnish_misses(tmp)
            result = wrk(url, seconds, connections, lua)
            after = varnish_misses(tmp)
            if url.startswith(cache) and misses is not None and after is not None:
                result["misses"] = after - misses  # answered by the origin, not from Varnish's memory
            results.append((label, connections, result))
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    limit = results[0][2]["rps"]
    lines = [
        f"### Results — {dt.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "",
        f"wrk -t2, {seconds} s per line after a 2 s warm-up, {conns} connections unless said; gunicorn 2 gthread "
        "workers × 4 threads with keep-alive (portal/gunicorn_config.py), production settings, PostgreSQL + Redis; "
        "load generator, servers and other work share the CPUs "
        f"(load average {load_before:.1f} before the first line). \"Varnish misses\": requests of the line that "
        "Varnish passed to the origin.",
        "",
        "| what | requests/s | p50 ms | p99 ms | non-2xx | Varnish misses | share of the static limit |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, _connections, result in results:
        p50 = f"{result['p50']:.1f}" if result["p50"] is not None else "–"
        p99 = f"{result['p99']:.1f}" if result["p99"] is not None else "–"
        misses = f"{result['misses']:,}" if "misses" in result else "–"
        lines.append(
            f"| {label} | {result['rps']:,.0f} | {p50} | {p99} | {result['errors']} | {misses} "
            f"| {result['rps'] / limit:.1%} |"
        )
    table = "\n".join(lines)
    print(table)
    if not options.no_write:
        text = README.read_text()
        section = f"{START}\n{table}\n{END}"
        if START in text:
            text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _m: section, text, flags=re.S)
        else:
            text = text.rstrip() + "\n\n" + section + "\n"
        README.write_text(text)
        print(f"written to {README.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
