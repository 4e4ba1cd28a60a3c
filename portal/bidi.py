"""Latin-script runs inside Arabic pages, isolated so they keep their own left-to-right order.

In right-to-left text, "1177.se", "2027-03-01", "0771-235 235" or "Migrationsverket (UHR)" can come
out scrambled: the Unicode bidi algorithm lays neutral characters (dots, dashes, spaces) out by the
surrounding Arabic. Writers cannot be asked to mark every such run by hand, so every Arabic
``text/html`` response goes through :func:`isolate_latin_runs`: each Latin run in a text node is
wrapped in ``<bdi>``. Where no element may go (``<title>``, ``<option>``) the run is wrapped in
the Unicode isolates FSI … PDI instead. Nothing else changes: not attribute values, ``<head>``,
``<script>``, ``<style>``, ``<textarea>``, SVG, nor text that is already isolated (inside ``<bdi>``,
``<bdo>``, ``dir="ltr"``) or is in another language (``lang="en"`` – the templates give such
content ``dir`` too). A regular-expression tokenizer instead of a DOM parser keeps it to about a
millisecond per page; the output is the input plus ``<bdi>`` tags, so it stays valid HTML, and a
second pass changes nothing.
"""
from __future__ import annotations

import re

from django.utils.deprecation import MiddlewareMixin

FSI, PDI = "\u2068", "\u2069"
ISOLATED_LANGUAGE = "ar"  # the pages whose runs are isolated (``<html lang="ar">``)

# A Latin letter (with the Latin-1 and Latin Extended letters Swedish and Somali use) or a digit.
_WORD = r"[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]"
_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
# What may join words inside one run: "1177.se", "a@b.se", "0771-235 235", "EU/EES", "SSYK 1–3".
_JOIN = r"(?:[ \t\n.,:;/@_+%#?=~'’\-\u2010\u2011\u2013]|" + _ENTITY + ")"
_RUN = _WORD + "+(?:" + _JOIN + "+" + _WORD + "+)*(?: ?%)?"
# Entities first, so that "&amp;" is never read as the word "amp".
_TEXT = re.compile(f"({_ENTITY})|({_RUN})")
_ONLY_DIGITS = re.compile(r"[0-9]+")
_ISOLATED = re.compile(f"{FSI}[^{PDI}]*{PDI}")

_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ATTRIBUTE = re.compile(r"(?:^|\s)(lang|dir)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_RAW_TEXT = {"script", "style", "textarea", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_ARABIC_HTML = re.compile(r"<html\b[^>]*\slang\s*=\s*[\"']?ar\b", re.I)

# What happens to text inside an element.
WRAP, SKIP, ISOLATES = "wrap", "skip", "isolates"


def _isolate(run: str) -> bool:
    """A lone number needs no isolation; anything with a letter, or numbers joined by spaces or
    dashes (a phone number), does."""
    return not _ONLY_DIGITS.fullmatch(run)


_HAS_LETTER_OR_DIGIT = re.compile(_WORD)


def _wrap_text(text: str) -> str:
    if not _HAS_LETTER_OR_DIGIT.search(text):
        return text  # most text nodes: white space or Arabic only

    def replace(match: re.Match) -> str:
        run = match.group(2)
        if run is None or not _isolate(run):
            return match.group(0)
        return f"<bdi>{run}</bdi>"

    return _TEXT.sub(replace, text)


def _isolate_text(text: str) -> str:
    """FSI … PDI around each run, where elements cannot go; runs already isolated stay as they are."""
    def replace(match: re.Match) -> str:
        run = match.group(2)
        if run is None or not _isolate(run):
            return match.group(0)
        return f"{FSI}{run}{PDI}"

    pieces, position = [], 0
    for done in _ISOLATED.finditer(text):
        pieces.append(_TEXT.sub(replace, text[position:done.start()]))
        pieces.append(done.group(0))
        position = done.end()
    pieces.append(_TEXT.sub(replace, text[position:]))
    return "".join(pieces)


def _attributes(raw: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(raw):
        value = next(group for group in match.groups()[1:] if group is not None)
        found[match.group(1).lower()] = value.strip().lower()
    return found


def _mode_of(tag: str, raw_attributes: str, parent: str) -> str:
    if tag in {"head", "svg", "math", "bdi", "bdo", "select", "datalist", "noscript"}:
        return ISOLATES if tag in {"select", "datalist"} and parent == WRAP else SKIP
    if parent == ISOLATES:
        return ISOLATES
    if "lang=" not in raw_attributes.lower() and "dir=" not in raw_attributes.lower():
        return parent
    attributes = _attributes(raw_attributes)
    direction, lang = attributes.get("dir"), attributes.get("lang")
    if direction == "ltr":
        return SKIP
    if lang is not None and lang and not lang.startswith("ar"):
        return SKIP  # another language's content: the templates isolate it with dir
    if lang is not None and lang.startswith("ar") or direction == "rtl":
        return WRAP
    return parent


# Only white space before the first tag and after the last: no run can cross the fragment's edges.
_SEPARATE = re.compile(r"\s*<.*>\s*", re.S)


class _Isolator:
    """The tokenizer's walk through a document, resumable: a page can be fed piece by piece (skipping
    fragments isolated when they were rendered, see :func:`isolate_fragment`)."""

    def __init__(self, arabic_document: bool, mode: str = SKIP):
        self.arabic_document = arabic_document
        self.base = mode  # the mode outside every element fed (SKIP until <html lang="ar">)
        self.stack: list[tuple[str, str]] = []  # (tag, mode)
        self.mode = mode
        self.underflow = False  # a closing tag closed an element opened before the first piece
        self.out: list[str] = []

    def feed(self, html: str, position: int = 0, length: int | None = None) -> None:
        """Isolates ``html[position:length]``, which must not end inside a tag or a raw-text element."""
        out, stack = self.out, self.stack
        length = len(html) if length is None else length
        while position < length:
            match = _TOKEN.search(html, position, length)
            end = match.start() if match else length
            if end > position:
                text = html[position:end]
                mode = self.mode
                out.append(_wrap_text(text) if mode == WRAP else _isolate_text(text) if mode == ISOLATES else text)
            if not match:
                break
            out.append(match.group(0))
            position = match.end()
            closing, tag, raw = match.group(1), match.group(2), match.group(3)
            if tag is None:
                continue
            tag = tag.lower()
            if closing:
                for index in range(len(stack) - 1, -1, -1):
                    if stack[index][0] == tag:
                        del stack[index:]
                        break
                else:
                    self.underflow = True
                self.mode = stack[-1][1] if stack else self.base
                continue
            if tag in _RAW_TEXT:
                close = re.compile(rf"</{tag}\s*>", re.I).search(html, position, length)
                content_end = close.start() if close else length
                content = html[position:content_end]
                if tag == "title" and self.arabic_document and all(open_tag != "svg" for open_tag, _ in stack):
                    content = _isolate_text(content)
                out.append(content)
                position = content_end
                continue
            if tag in _VOID or raw.rstrip().endswith("/"):
                continue
            self.mode = _mode_of(tag, raw, self.mode)
            stack.append((tag, self.mode))

    def wraps_here(self) -> bool:
        """Whether text here is wrapped as in a fragment isolated on its own (:func:`isolate_fragment`)."""
        return self.mode == WRAP and all(open_tag != "svg" for open_tag, _ in self.stack)

    def result(self) -> str:
        return "".join(self.out)


def isolate_latin_runs(html: str, fragments=()) -> str:
    """``html`` (an Arabic page) with its Latin runs isolated.

    ``fragments`` are ``(raw, isolated)`` pairs from :func:`isolate_fragment`, in the order they occur in
    ``html``: where the walk meets ``raw`` in text that is wrapped, ``isolated`` is copied instead of
    walking it again (the same result: the fragment closes every element it opens).
    """
    isolator = _Isolator(is_arabic_page(html[:2048]))
    position = 0
    for raw, isolated in fragments:
        start = html.find(raw, position)
        if start < 0:
            continue
        isolator.feed(html, position, start)
        position = start
        if isolator.wraps_here():
            isolator.out.append(isolated)
            position = start + len(raw)
    isolator.feed(html, position)
    return isolator.result()


def isolate_fragment(html: str) -> str | None:
    """``html``, a piece of an Arabic page's ``<body>`` in wrapped text, isolated on its own; None when it
    closes an element it did not open (then only the whole page's walk can say what it becomes)."""
    if not _SEPARATE.fullmatch(html):
        return None  # text at either end could join a run with the text around the fragment
    isolator = _Isolator(True, WRAP)
    isolator.feed(html)
    return None if isolator.underflow or isolator.stack else isolator.result()


def is_arabic_page(html_start: str) -> bool:
    return bool(_ARABIC_HTML.search(html_start))


# Wagtail's and Django's admin are their own interfaces (editors, not readers): left as they are.
_ADMIN_PREFIXES = ("/admin/",)


class BidiIsolationMiddleware(MiddlewareMixin):
    """Applies :func:`isolate_latin_runs` to every Arabic HTML response for readers."""

    def process_response(self, request, response):
        if (
            request.path_info.startswith(_ADMIN_PREFIXES)
            or response.streaming
            or "text/html" not in response.get("Content-Type", "")
            or response.get("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        try:
            html = response.content.decode(charset)
        except UnicodeDecodeError:
            return response
        if not is_arabic_page(html[:2048]):
            return response
        fragments = getattr(request, "_landa_isolated_fragments", ())
        response.content = isolate_latin_runs(html, fragments).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
