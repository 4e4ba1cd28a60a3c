"""The agency register and the interface strings use the glossary's terms (content/data), in every language."""
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "content" / "data"
LANGS = ("en", "sv", "ar", "so")
KEYS = {"migrationsverket", "skatteverket", "forsakringskassan", "arbetsformedlingen", "uhr", "transportstyrelsen",
        "forskarskattenamnden", "municipality", "region", "banks", "international-house", "iaf",
        # the local layer: municipalities and regions as owners (kind and place)
        "goteborg", "stockholm", "malmo", "umea", "vastra-gotaland", "region-stockholm", "region-skane",
        "region-vasterbotten"}
# Interface strings naming a citizenship group, and the glossary term each must contain.
GROUP_STRINGS = {
    "you are a citizen of a Nordic country": "nordic-country",
    "you are a citizen of an EU/EEA country or Switzerland": "eu-country",
    "you are a citizen of a country outside the EU/EEA": "third-country",
    "your partner is a citizen of a Nordic country": "nordic-country",
    "your partner is a citizen of an EU/EEA country or Switzerland": "eu-country",
    "your partner is a citizen of a country outside the EU/EEA": "third-country",
    "A Nordic country": "nordic-country",
    "An EU/EEA country or Switzerland": "eu-country",
    "A country outside the EU/EEA": "third-country",
    "Citizens of a Nordic country": "nordic-country",
    "Citizens of an EU/EEA country or Switzerland": "eu-country",
    "Citizens of a country outside the EU/EEA": "third-country",
}


def glossary(lang: str) -> dict[str, str]:
    return yaml.safe_load((DATA / "glossary" / f"{lang}.yaml").read_text(encoding="utf-8"))["terms"]


def agencies() -> list[dict]:
    return yaml.safe_load((DATA / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]


def test_the_register_holds_each_agency_once_in_four_languages():
    register = agencies()
    keys = [a["key"] for a in register]
    assert len(keys) == len(set(keys)) and set(keys) == KEYS
    for agency in register:
        for lang in LANGS:
            assert agency[lang]["name"].strip() and agency[lang]["description"].strip(), (agency["key"], lang)
        for service in agency["eservices"]:
            assert set(service["label"]) == set(LANGS), agency["key"]
            assert service["url"].startswith("https://")


def test_agency_names_in_the_register_and_the_glossary_are_the_same():
    register = agencies()
    for lang in LANGS:
        terms = glossary(lang)
        for agency in register:
            assert terms[f"agency-{agency['key']}"] == agency[lang]["name"], (lang, agency["key"])


def test_names_keep_the_swedish_name_beside_the_translation():
    for agency in agencies():
        swedish = agency["short_name"]
        if agency["key"] in {"municipality", "region", "banks", "international-house"}:
            continue  # not one authority with a Swedish proper name
        for lang in ("en", "ar", "so"):
            assert f"({swedish})" in agency[lang]["name"] or f"({agency['sv']['name']})" in agency[lang]["name"], (
                agency["key"], lang)


def test_links_go_below_the_home_page_except_where_the_site_is_the_topic():
    home_pages_allowed = {"forskarskattenamnden", "banks", "international-house", "iaf"}
    for agency in agencies():
        urls = [agency["website"], *(s["url"] for s in agency["eservices"])]
        deep = [url for url in urls if urlsplit(url).path.strip("/")]
        assert deep or agency["key"] in home_pages_allowed, agency["key"]
    ih = next(a for a in agencies() if a["key"] == "international-house")
    assert urlsplit(ih["website"]).hostname == "www.internationalhousegothenburg.com"


def test_the_glossaries_have_the_same_keys():
    keys = {lang: set(glossary(lang)) for lang in LANGS}
    assert keys["sv"] == keys["en"] == keys["ar"] == keys["so"]


@pytest.mark.parametrize("lang", ["sv", "ar", "so"])
def test_interface_strings_name_the_citizenship_groups_as_the_glossary_does(lang):
    terms = glossary(lang)
    path = ROOT / f"locale/{lang}/LC_MESSAGES/django.po"
    catalogue = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))}
    for msgid, key in GROUP_STRINGS.items():
        assert terms[key].lower() in catalogue[msgid].lower(), (lang, msgid, catalogue[msgid])


def test_the_arabic_reasons_read_as_arabic_sentences():
    """Every clause starts with أن, so that "Because" (لـ) makes لأنك / لأن شريكك, never "لأن أنك"."""
    import re

    source = (ROOT / "guides" / "why.py").read_text(encoding="utf-8")
    fragments = source[source.index("def _fragment"):source.index("def explain")]
    msgids = re.findall(r'_\("([^"]+)"\)', fragments)
    assert len(msgids) >= 20
    catalogue = {e.msgid: e.msgstr for e in polib.pofile(str(ROOT / "locale/ar/LC_MESSAGES/django.po"))}
    because = catalogue["Because %(reasons)s."]
    for msgid in msgids:
        sentence = because % {"reasons": catalogue[msgid]}
        assert catalogue[msgid].startswith("أن") and sentence.startswith("لأن"), (msgid, sentence)
        assert "لأن أن" not in sentence


def test_local_owners_name_a_place_of_their_kind_as_places_yaml_gives_it():
    """A municipality owner has a four-digit code, a region owner two; both exist in places.yaml."""
    places = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    regions = {str(r["code"]): r["name"] for r in places["regions"]}
    municipalities = {str(m["code"]): m["name"] for m in places["municipalities"]}
    local = [a for a in agencies() if "kind" in a or "place" in a]
    assert len(local) == 8
    for agency in local:
        code = agency["place"]
        assert isinstance(code, str), agency["key"]  # quoted: '0180' stays a string
        if agency["kind"] == "region":
            assert code in regions and agency["sv"]["name"] == regions[code], agency["key"]
        else:
            assert agency["kind"] == "municipality" and code in municipalities, agency["key"]
            assert municipalities[code] in agency["sv"]["name"], agency["key"]
