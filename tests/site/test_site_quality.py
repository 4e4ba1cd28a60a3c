"""The whole site, every page in all four languages, as the outside checks will see it.

One crawl (Django's test client, no JavaScript) from each language's home page feeds the checks:
every internal link works, every page is valid HTML (the W3C Nu checker), and all text is in the
language its ``lang`` attribute says (lingua, over all the languages it knows). axe-core in Chromium
runs on one page of each type in each language (tests/browser/test_accessibility.py).
"""
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import require
from tests.site.crawl import LANGS

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_CANDIDATES = [
    os.environ.get("VNU_JAR", ""),
    str(ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"),
    "/work/tools/node_modules/vnu-jar/build/dist/vnu.jar",
]
# pytest-django creates only the databases that collected tests ask for: ask, so the module-scoped
# crawl below finds its tables even when this module runs alone.
pytestmark = pytest.mark.django_db
ISO = {"en": "ENGLISH", "sv": "SWEDISH", "ar": "ARABIC", "so": "SOMALI"}
# A region of a page (all its text in one language) must read as that language once it is long
# enough for a detector to judge. A single block is held to a looser standard, because guidance names
# Swedish terms and agencies once in Swedish ("personnummer", "Försäkringskassan"): it fails only when
# the detector is all but sure it is not in its declared language (e.g. Arabic text marked lang="en").
MIN_LETTERS_REGION = 150
MIN_LETTERS_BLOCK = 60
MAX_CONFIDENCE_WRONG_BLOCK = 0.02


@pytest.fixture(scope="module")
def site(site_pages):
    """Every page reachable from the four home pages, crawled once per session (tests/conftest.py)."""
    return site_pages


def test_the_crawl_reaches_every_language(site):
    for code in LANGS:
        assert any(url.startswith(f"/{code}/") for url in site), code
    assert len(site) >= 4


def test_every_internal_link_works(site):
    broken = {url: page.status for url, page in site.items() if page.status >= 400}
    assert not broken, f"broken internal links: {broken}"


def test_every_page_declares_the_language_of_its_prefix(site):
    wrong = {url: page.lang for url, page in site.items() if page.html and page.lang != url.split("/")[1]}
    assert not wrong, wrong


@cache
def detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", text))


# The detector's answers are remembered: every page repeats the header, the navigation and the footer,
# so most blocks of text are judged once for the whole crawl, not once per page.
@cache
def detect(text: str) -> str:
    language = detector().detect_language_of(text)
    return language.name if language else "UNKNOWN"


@cache
def confidence(text: str, iso_name: str) -> float:
    from lingua import Language

    return detector().compute_language_confidence(text, getattr(Language, iso_name))


def without_named_terms(text: str) -> str:
    """The text less what guidance names in parentheses once, in Swedish: "(personnummer)"."""
    return re.sub(r"\([^)]*\)", " ", text)


def test_all_text_is_in_the_language_its_lang_attribute_says(site):
    problems = []
    for url, page in site.items():
        by_lang: dict[str, list[str]] = {}
        for lang, text in page.texts:
            by_lang.setdefault(lang, []).append(text)
            plain = without_named_terms(text)
            clearly_wrong = (
                lang in ISO
                and letters(plain) >= MIN_LETTERS_BLOCK
                and confidence(plain, ISO[lang]) < MAX_CONFIDENCE_WRONG_BLOCK
            )
            if clearly_wrong:
                problems.append(f"{url} [{lang}] block read as {detect(plain)}: {text[:120]}")
        for lang, texts in by_lang.items():
            whole = " ".join(texts)
            if lang in ISO and letters(whole) >= MIN_LETTERS_REGION and detect(whole) != ISO[lang]:
                problems.append(f"{url} [{lang}] text read as {detect(whole)}: {whole[:160]}")
    assert not problems, "\n".join(problems[:60])


def vnu_jar() -> str | None:
    for candidate in VNU_CANDIDATES:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def test_every_page_is_valid_html_for_the_w3c_checker(site, tmp_path):
    jar = vnu_jar()
    require(jar is not None and shutil.which("java") is not None, "Java and the Nu Html Checker (vnu.jar)")
    files = {}
    for index, (url, page) in enumerate(sorted(site.items())):
        if page.html:
            path = tmp_path / f"page{index}.html"
            path.write_text(page.html, encoding="utf-8")
            files[path.name] = url
    errors = [f"{files.get(name, name)}:{line}: {message}" for name, line, message in validate(jar, tmp_path)]
    assert not errors, "\n".join(errors[:60])


def validate(jar: str, folder: Path) -> list[tuple[str, int, str]]:
    """(file name, line, message) of every error the Nu Html Checker finds in the folder's .html files."""
    result = subprocess.run(
        ["java", "-jar", jar, "--errors-only", "--format", "json", *sorted(map(str, folder.glob("*.html")))],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [(m.get("url", "").rsplit("/", 1)[-1], m.get("lastLine", 0), m.get("message", "")) for m in messages]


def test_the_checker_itself_catches_invalid_html(tmp_path):
    jar = vnu_jar()
    require(jar is not None and shutil.which("java") is not None, "Java and the Nu Html Checker (vnu.jar)")
    (tmp_path / "bad.html").write_text('<!DOCTYPE html><html lang="en"><title>x</title><p><div>x</p>')
    assert validate(jar, tmp_path)


def test_the_language_check_itself_catches_mislabelled_text():
    from tests.site.crawl import read

    page = read("/en/x/", 200, '<html lang="en"><body><p>Det här behöver du och din familj göra innan ni '
                'flyttar, när ni kommer och när ni har bosatt er i Sverige.</p></body></html>')
    assert page.texts[0][0] == "en"
    assert detect(page.texts[0][1]) == "SWEDISH"


def test_no_arabic_page_shows_a_latin_run_outside_an_isolating_element(site):
    from tests.site.direction import unisolated_latin

    arabic = {url: page for url, page in site.items() if page.html and page.lang == "ar"}
    assert len(arabic) >= 10
    problems = [f"{url}: {problem}" for url, page in arabic.items() for problem in unisolated_latin(page.html)]
    assert not problems, "\n".join(problems[:60])
