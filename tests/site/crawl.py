"""Crawl the site as a reader would (no JavaScript) and read what each page says, in which language.

Used by the site-wide checks: every page in every language is reachable, valid HTML, accessible and
written in the language its ``lang`` attribute claims.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

LANGS = ("en", "sv", "ar", "so")
SKIP_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/language/", "/api/")
SKIP_SUFFIXES = (".ics", ".svg", ".png", ".pdf", ".xml", ".txt", ".json")
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "legend", "label", "summary",
              "figcaption", "blockquote", "title", "caption", "button", "option"}
IGNORED_TAGS = {"script", "style", "code", "pre", "template", "svg"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Page:
    url: str
    status: int
    html: str
    links: list[str] = field(default_factory=list)
    lang: str = ""
    page_type: str = ""
    # (language, text) of each block of text, in document order.
    texts: list[tuple[str, str]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.lang_stack: list[tuple[str, str]] = []  # (tag, lang)
        self.ignored_depth = 0
        self.hidden_stack: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.buffer: list[str] = []
        self.buffer_lang = ""
        self.html_lang = ""
        self.body_class = ""

    @property
    def lang(self) -> str:
        return self.lang_stack[-1][1] if self.lang_stack else ""

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        if text:
            self.texts.append((self.buffer_lang, text))
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "html":
            self.html_lang = attrs.get("lang", "")
        if tag == "body":
            self.body_class = attrs.get("class", "") or ""
        if tag in IGNORED_TAGS:
            self.ignored_depth += 1
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS or "lang" in attrs:
            self.flush()
        parent = self.lang
        self.lang_stack.append((tag, attrs.get("lang") or parent))
        self.buffer_lang = self.lang

    def handle_endtag(self, tag):
        if tag in IGNORED_TAGS and self.ignored_depth:
            self.ignored_depth -= 1
        if tag in VOID_TAGS:
            return
        for index in range(len(self.lang_stack) - 1, -1, -1):
            if self.lang_stack[index][0] == tag:
                popped_lang = self.lang_stack[index][1]
                del self.lang_stack[index:]
                if tag in BLOCK_TAGS or popped_lang != self.lang:
                    self.flush()
                break
        self.buffer_lang = self.lang

    def handle_data(self, data):
        if self.ignored_depth:
            return
        if self.buffer and self.buffer_lang != self.lang:
            self.flush()
        self.buffer_lang = self.lang
        self.buffer.append(data)

    def close(self):
        super().close()
        self.flush()


def read(url: str, status: int, html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    match = re.search(r"\bpage-type--([\w-]+)", reader.body_class)
    return Page(
        url=url,
        status=status,
        html=html,
        links=reader.links,
        lang=reader.html_lang,
        page_type=match.group(1) if match else "other",
        texts=reader.texts,
    )


def internal(base_url: str, href: str) -> str | None:
    """The site-relative path (with query) of a link, or None for outside links and files."""
    absolute, _ = urldefrag(urljoin(base_url, href))
    parts = urlsplit(absolute)
    if parts.scheme not in {"http", "https"} or parts.netloc not in {"testserver", ""}:
        return None
    path = parts.path
    if path.startswith(SKIP_PREFIXES) or path.endswith(SKIP_SUFFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def crawl(client, starts, limit: int = 400) -> dict[str, Page]:
    """Breadth-first over internal links from ``starts``, with Django's test client."""
    seen: dict[str, Page] = {}
    queue = deque(starts)
    queued = set(starts)
    while queue and len(seen) < limit:
        url = queue.popleft()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if response.status_code in (301, 302, 303, 307, 308):
            target = internal("http://testserver" + url, response["Location"])
            if target and target not in queued:
                queued.add(target)
                queue.append(target)
            continue
        content_type = response.get("Content-Type", "")
        html = response.content.decode() if "text/html" in content_type else ""
        page = read(url, response.status_code, html)
        seen[url] = page
        for href in page.links:
            target = internal("http://testserver" + url, href)
            if target and target not in queued:
                queued.add(target)
                queue.append(target)
    return seen


def load_everything():
    """All demo data, as `make run` loads it."""
    from django.core.management import call_command, get_commands

    call_command("load_demo", verbosity=0)
    if "load_tasks" in get_commands():
        call_command("load_tasks", verbosity=0)
