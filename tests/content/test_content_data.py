"""Content is data: ``load_demo`` reads content/data only, and what a file says is what the site shows."""
import ast
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.test import override_settings
from wagtail.models import Locale, Site

from content import datafiles
from content.demo import load_demo
from content.models import GuidePage

CONTENT_DIR = Path(datafiles.__file__).resolve().parent
LOADER_MODULES = [CONTENT_DIR / "demo.py", CONTENT_DIR / "datafiles.py"]
#: What the loader may import from the content app: models and machinery, no module holding text
#: (content.places reads the committed places file, Statistics Sweden's codes and names).
LOADER_IMPORTS = {
    "content", "content.blocks.step", "content.datafiles", "content.editorial", "content.localize", "content.models",
    "content.places",
}


def guide_files():
    return sorted((datafiles.DATA_DIR / "guides").glob("*.yaml"))


def test_the_python_content_modules_are_gone_and_the_loader_imports_no_text():
    for name in ("demo_guides.py", "demo_guides_more.py", "demo_pages.py"):
        assert not (CONTENT_DIR / name).exists(), name
    for path in LOADER_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("content"):
                assert node.module in LOADER_IMPORTS, (path.name, node.module)
                if node.module == "content":
                    assert {alias.name for alias in node.names} <= {"datafiles"}, (path.name, ast.dump(node))


def test_the_fingerprint_covers_every_data_file_the_loader_reads():
    read = {path.relative_to(datafiles.DATA_DIR).as_posix() for path in datafiles.data_files()}
    assert {f"guides/{path.name}" for path in guide_files()} <= read
    assert {"agencies.yaml", "guide_order.yaml", "pages/home.yaml", "pages/phases.yaml", "pages/places.yaml"} <= read
    for folder in ("places", "local"):
        assert {f"{folder}/{path.name}" for path in (datafiles.DATA_DIR / folder).glob("*.yaml")} <= read


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of content/data the loader reads instead (the test edits it; the database rolls back)."""
    root = tmp_path / "data"
    shutil.copytree(datafiles.DATA_DIR, root)
    monkeypatch.setattr(datafiles, "DATA_DIR", root)
    return root


def edit(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_site_shows_what_the_files_say(demo, data_copy):
    """Edit a copy of the data: a changed title, a reviewed flag and a new guide with two languages."""
    def change_guide(data):
        data["sv"]["title"] = "Folkbokföring: en titel bara i testets datafil"
        data["sv"]["reviewed"] = True

    edit(data_copy / "guides" / "register-population.yaml", change_guide)
    new = yaml.safe_load((data_copy / "guides" / "id-card.yaml").read_text(encoding="utf-8"))
    new.update(key="test-only-guide", next_steps=[])
    for code in ("ar", "so"):
        new.pop(code, None)
    new["en"]["title"] = "A guide that exists only in this test"
    (data_copy / "guides" / "test-only-guide.yaml").write_text(
        yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )

    summary = load_demo()  # the fingerprint changed: no force needed

    assert "up to date" not in summary
    sv = GuidePage.objects.get(slug="register-population", locale__language_code="sv")
    assert sv.title == "Folkbokföring: en titel bara i testets datafil"
    assert sv.translation_reviewed is True
    source = GuidePage.objects.get(slug="test-only-guide", locale__language_code="en")
    assert source.title == "A guide that exists only in this test"
    languages = set(GuidePage.objects.filter(translation_key=source.translation_key)
                    .values_list("locale__language_code", flat=True))
    assert languages == {"en", "sv"}  # no page for a language the file lacks: the English fallback shows
    assert load_demo() == "Demo content is up to date; nothing changed."


def test_translation_reviewed_per_language_comes_from_each_file(demo):
    for path in guide_files():
        guide = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = GuidePage.objects.get(slug=guide["key"], locale__language_code="en")
        for code in ("sv", "ar", "so"):
            page = source.get_translation_or_none(Locale.objects.get(language_code=code))
            if code not in guide:
                assert page is None, (guide["key"], code)
                continue
            assert page is not None and page.live, (guide["key"], code)
            assert page.specific.translation_reviewed == bool(guide[code].get("reviewed")), (guide["key"], code)


def test_each_guide_page_carries_its_files_dates_owner_and_sources(demo):
    for path in guide_files():
        guide = yaml.safe_load(path.read_text(encoding="utf-8"))
        for page in GuidePage.objects.filter(translation_key=GuidePage.objects.get(
                slug=guide["key"], locale__language_code="en").translation_key).select_related("agency", "locale"):
            assert page.last_reviewed.isoformat() == str(guide["last_reviewed"]), guide["key"]
            assert page.review_by.isoformat() == str(guide["review_by"]), guide["key"]
            assert (page.agency.slug if page.agency else None) == guide["owner"], guide["key"]
            if page.agency:
                assert page.agency.locale_id == page.locale_id  # the owner named in the page's language
            code = page.locale.language_code
            for block, source in zip(page.sources, guide["sources"], strict=True):
                title, language = datafiles.title_in(source["title"], code)
                assert (block.value["url"], block.value["title"], block.value["language"]) == (
                    source["url"], title, language)
            changes = [b for b in page.body if b.block_type == "changes_coming"]
            assert len(changes) == len(datafiles.changes_list(guide[code])), (guide["key"], code)


def test_changes_may_be_a_list_of_blocks():
    from content.demo import guide_body

    guide = {"key": "k", "owner": None}
    text = {"steps": [{"heading": "H", "text": "T"}], "changes": [
        {"status": "decided", "effective_date": "2027-01-01", "text": "one"},
        {"status": "proposed", "effective_date": None, "text": "two", "source": {"title": "S", "url": "https://x.se/a"}},
    ]}
    body = guide_body(guide, text, {}, "en")
    changes = [block for block in body if block["type"] == "changes_coming"]
    assert [c["value"]["text"] for c in changes] == ["one", "two"]
    assert len({c["id"] for c in changes}) == 2
    assert changes[1]["value"]["source_url"] == "https://x.se/a"
    assert body[0] == {"type": "step", "id": body[0]["id"], "value": {"heading": "H", "text": "<p>T</p>"}}


def test_every_guide_page_has_a_source_below_an_authoritys_home_page(demo):
    """Deep sources: at least one link to the authority's page on the topic, not only its home page."""
    shallow = []
    for page in GuidePage.objects.select_related("locale"):
        if not any(urlsplit(block.value["url"]).path.strip("/") for block in page.sources):
            shallow.append(f"{page.locale.language_code}/{page.slug}")
    assert not shallow, f"{len(shallow)} guide pages cite only home pages, e.g. {shallow[:8]}"


def test_the_api_lists_every_guide_in_every_language(client, demo):
    """As many guides in en, sv, ar and so as there are guide files (no language left to the fallback)."""
    counts = {}
    for code in ("en", "sv", "ar", "so"):
        response = client.get("/api/v2/pages/", {"type": "content.GuidePage", "locale": code, "limit": 1})
        assert response.status_code == 200
        counts[code] = response.json()["meta"]["total_count"]
    assert counts == dict.fromkeys(counts, len(guide_files()))


@pytest.mark.parametrize(("base_url", "root"), [
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000/"),
    ("https://landa.example", "https://landa.example/"),
])
def test_the_sites_page_urls_follow_the_base_url(client, demo, base_url, root):
    with override_settings(LANDA_BASE_URL=base_url):
        assert load_demo() == "Demo content is up to date; nothing changed."  # the site is set even then
        site = Site.objects.get(is_default_site=True)
        assert site.root_url + "/" == root
        items = client.get("/api/v2/pages/", {"type": "content.GuidePage", "locale": "sv"}).json()["items"]
    assert items and all(item["meta"]["html_url"].startswith(root + "sv/") for item in items)


def test_the_base_url_defaults_to_the_development_server(monkeypatch):
    import importlib

    from portal.settings import base

    monkeypatch.delenv("LANDA_BASE_URL", raising=False)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    try:
        fresh = importlib.reload(base)
        assert fresh.LANDA_BASE_URL == fresh.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8000"
        monkeypatch.setenv("LANDA_BASE_URL", "https://landa.example/")
        fresh = importlib.reload(base)
        assert fresh.LANDA_BASE_URL == fresh.WAGTAILADMIN_BASE_URL == "https://landa.example"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
