"""Every public page of a loaded site, rendered twice per language, for comparing before and after a change.

    DJANGO_SETTINGS_MODULE=portal.settings.test DATABASE_URL=… REDIS_URL=… \\
      .venv/bin/python scripts/render_snapshot.py OUT_DIR [--limit 400]
    diff -r BEFORE_DIR AFTER_DIR

Crawls the site from each language's home page with Django's test client (the origin page cache off,
so every request renders), plus search, the checklist result and a page with a query string. Each page
is asked twice (the second answer may come from fragment caches) and both must be the same; the
first is written whitespace-normalised to ``OUT_DIR``, one file per URL.
"""
import argparse
import hashlib
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTRA = [
    "/{code}/search/?q=personnummer",
    "/{code}/checklist/?status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long",
    "/{code}/arriving/register-population/?utm_source=x&b=1",
]
LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/media/", "/admin/", "/documents/", "/feedback/", "/language/", "/c/", "/api/")


def normalised(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", ">\n<")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=400)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    cache.clear()
    client = Client()
    options.out.mkdir(parents=True, exist_ok=True)
    queue = [f"/{code}/" for code, _ in settings.LANGUAGES]
    queue += [url.format(code=code) for url in EXTRA for code, _ in settings.LANGUAGES]
    seen, differing = set(), []
    with override_settings(PAGE_CACHE_ENABLED=False):
        while queue and len(seen) < options.limit:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            first = client.get(url)
            if first.status_code != 200 or "text/html" not in first.get("Content-Type", ""):
                continue
            second = client.get(url)
            html = first.content.decode()
            if second.content.decode() != html:
                differing.append(url)
            name = hashlib.sha256(url.encode()).hexdigest()[:16]
            (options.out / f"{name}.html").write_text(f"<!-- {url} -->\n{normalised(html)}\n")
            for link in LINK.findall(html):
                link = link.replace("&amp;", "&")
                if not link.startswith(SKIP) and urlsplit(link).path.count("/") <= 6 and "?" not in link:
                    queue.append(link)
    print(f"{len(seen)} URLs asked, {len(list(options.out.glob('*.html')))} pages written")
    if differing:
        print("second answer differs from the first:", *differing, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
