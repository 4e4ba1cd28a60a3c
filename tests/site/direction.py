"""Where an Arabic page shows Latin letters outside an isolating element (the site-wide check).

Independent of portal.bidi (Python's own HTML parser, not the transform's tokenizer), so that it
checks the transform rather than repeating it. Isolating: ``<bdi>``, ``<bdo>``, any element with
``dir="ltr"``; in ``<title>`` and ``<option>``, which hold only text, the Unicode isolates
(FSI/LRI/RLI … PDI). An element in another language must say its direction (``lang="en"`` needs
``dir``), or its text would flow with the Arabic around it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

LATIN = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]")
UNICODE_ISOLATED = re.compile("[\u2066\u2067\u2068][^\u2069]*\u2069")
SKIPPED = {"script", "style", "textarea", "svg", "math", "noscript", "template"}
TEXT_ONLY = {"title", "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, state): "arabic" | "isolated" | "skipped" | "text-only"
        self.problems: list[str] = []

    @property
    def state(self) -> str:
        return self.stack[-1][1] if self.stack else "outside"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").lower()
        direction = (attrs.get("dir") or "").lower()
        state = self.state
        if tag in SKIPPED or state == "skipped":
            state = "skipped"
        elif tag == "title":
            state = "text-only"  # in <head>, whose other content is not text
        elif tag in {"bdi", "bdo"} or direction == "ltr":
            state = "isolated"
        elif lang and not lang.startswith("ar"):
            if not direction and state == "arabic":
                self.problems.append(f'<{tag} lang="{lang}"> without dir inside Arabic text')
            state = "isolated"
        elif lang.startswith("ar") or direction == "rtl":
            state = "arabic"
        elif tag in TEXT_ONLY and state == "arabic":
            state = "text-only"
        if tag in VOID:
            return
        self.stack.append((tag, state))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.state == "arabic" and LATIN.search(data):
            self.problems.append(f"Latin run outside an isolating element: {data.strip()[:80]!r}")
        elif self.state == "text-only" and LATIN.search(UNICODE_ISOLATED.sub("", data)):
            self.problems.append(f"Latin run without Unicode isolates in {self.stack[-1][0]}: {data.strip()[:80]!r}")


def unisolated_latin(html: str) -> list[str]:
    """What an Arabic page shows in Latin script without isolating it (empty when all is well)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
