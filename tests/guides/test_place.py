"""Where the household will live (DESIGN.md, "Place"): ``municipality`` as an optional answer in the one
parser, the questionnaire's last question, the JSON ``place``, the result page, the calendar and the
counts per region. It changes no rule."""

import datetime
import re
from dataclasses import replace

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from content.places import municipalities, regions
from guides.engine import build
from guides.models import ChecklistCount
from guides.place import grouped_municipalities, swedish_key
from guides.situation import InvalidSituation, parse_situation
from guides.taskdata import book_from_file
from tests.guides.places import norrbotten  # noqa: F401 - a fixture

BASE = {"status": "third-country", "permit": "work", "family": "children", "children": "preschool", "stay": "long"}
QUERY = "status=third-country&permit=work&family=children&children=preschool&stay=long"


def _errors(language="en", **params):
    from django.utils import translation

    with translation.override(language), pytest.raises(InvalidSituation) as caught:
        parse_situation({**BASE, **params})
    return caught.value.errors


def _option(value, name, selected=False):
    """An option as the page has it (on an Arabic page a Latin name is isolated: FSI … PDI, portal.bidi)."""
    return re.compile(f'<option value="{value}"{" selected" if selected else ""}>\u2068?{name}\u2069?</option>')


# --- the parser -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name", [("1480", "Göteborg"), ("0180", "Stockholm"), ("1280", "Malmö"), ("2480", "Umeå")]
)
def test_a_municipality_code_is_an_answer_and_its_region_follows(code, name):
    situation = parse_situation({**BASE, "municipality": code})
    assert situation.municipality == code
    assert municipalities()[code].name == name
    assert situation.region == code[:2] and situation.region in regions()


def test_empty_is_absent_and_the_same_value_repeated_is_one_answer():
    assert parse_situation({**BASE, "municipality": ""}).municipality is None
    assert parse_situation(BASE).municipality is None
    assert parse_situation({**BASE, "municipality": ["1480", "1480", ""]}).municipality == "1480"


@pytest.mark.parametrize(
    "value, message",
    [
        ("9999", "There is no municipality with this code"),  # four digits, no such municipality
        ("1400", "There is no municipality with this code"),  # a region's prefix, not a municipality
        ("148", "four-digit code"),
        ("14800", "four-digit code"),
        ("Göteborg", "four-digit code"),
        ("١٤٨٠", "four-digit code"),  # Arabic-Indic digits are not Statistics Sweden's code
        (" 1480", "four-digit code"),
        ("1480\x00", "four-digit code"),
        ("x" * 100_000, "too long"),
        (["1480", "0180"], "only one answer"),
        (["1480"] * 50, "too long"),
    ],
)
def test_a_bad_municipality_is_an_error_keyed_municipality(value, message):
    errors = _errors(municipality=value)
    assert list(errors) == ["municipality"]
    assert message in errors["municipality"][0]


def test_the_message_is_in_the_readers_language():
    assert _errors("sv", municipality="9999")["municipality"] == [
        "Det finns ingen kommun med den koden. Välj en i listan."
    ]


def test_the_place_is_in_the_link_but_not_in_the_counting_key():
    situation = parse_situation({**BASE, "municipality": "1480", "arrival": "2027-03-01"})
    assert situation.as_query().endswith("&arrival=2027-03-01&municipality=1480")
    assert "municipality" not in situation.key and "1480" not in situation.key
    assert parse_situation(dict(re.findall(r"([^&=]+)=([^&]*)", situation.as_query()))) == situation


def test_the_place_changes_no_rule_in_any_of_the_1152_situations():
    from guides.situation import every_situation

    book = book_from_file()
    situations = list(every_situation())
    assert len(situations) == 1152 and all(s.municipality is None for s in situations)
    for situation in situations:
        assert build(book, replace(situation, municipality="1480")) == build(book, situation)


# --- the choices --------------------------------------------------------------------------------------


def test_the_choices_are_every_municipality_grouped_by_region_in_swedish_order():
    groups = grouped_municipalities()
    assert len(groups) == 21
    codes = [code for _region, group in groups for code, _name in group]
    assert sorted(codes) == sorted(municipalities()) and len(codes) == 290
    for region, group in groups:
        assert {code[:2] for code, _name in group} == {r.code for r in regions().values() if r.name == region}
        names = [name for _code, name in group]
        assert names == sorted(names, key=swedish_key)
    skane = dict(groups)["Region Skåne"]
    names = [name for _code, name in skane]
    # Swedish order: Å, Ä and Ö come after Z (an English sort would put Ängelholm first).
    assert names.index("Ängelholm") > names.index("Ystad") and names.index("Örkelljunga") > names.index("Ängelholm")


# --- the JSON API ---------------------------------------------------------------------------------------


def test_without_a_municipality_place_is_null_and_no_item_has_local_links(client, tasks):
    data = client.get(f"/api/v1/checklist?{QUERY}").json()
    assert data["place"] is None
    assert not any("local" in item for item in data["items"])
    assert "municipality" not in data["share_url"]


def test_with_a_municipality_the_place_names_it_and_its_region_and_the_share_url_carries_it(client, tasks):
    plain = client.get(f"/api/v1/checklist?{QUERY}").json()
    data = client.get(f"/api/v1/checklist?{QUERY}&municipality=2584&lang=ar").json()
    # No page of Kiruna or Norrbotten: the Swedish names from the places file, no URL.
    assert data["place"] == {
        "municipality": {"code": "2584", "name": "Kiruna", "url": None},
        "region": {"code": "25", "name": regions()["25"].name, "url": None},
    }
    assert "&municipality=2584" in data["share_url"]
    data = client.get(f"/api/v1/checklist?{QUERY}&municipality=1480&lang=ar").json()
    assert data["place"]["municipality"]["code"] == "1480" and data["place"]["region"]["code"] == "14"
    assert "&municipality=1480" in data["share_url"]
    # No rule changes: the same items in the same order, the same rules version.
    assert [i["key"] for i in data["items"]] == [i["key"] for i in plain["items"]]
    assert data["rules_version"] == plain["rules_version"]


@pytest.mark.parametrize(
    "value", ["9999", "abc", "1480%00", "1480&municipality=0180", "x" * 5000, "%C3%B6%C3%B6%C3%B6%C3%B6"]
)
def test_a_bad_municipality_is_a_400_keyed_municipality_in_the_requested_language(client, tasks, value):
    response = client.get(f"/api/v1/checklist?{QUERY}&municipality={value}&lang=sv")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) in (["municipality"], ["request"])  # a NUL byte is refused before the view
    if "municipality" in errors:
        assert errors["municipality"][0].startswith(("Det finns", "Ange", "Svaret", "Ge bara"))


def test_the_municipality_is_described_in_the_openapi_schema(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    text = schema.content.decode()
    assert schema.status_code == 200
    assert '"municipality"' in text and "ChecklistPlace" in text and "ChecklistLocalLink" in text


# --- the questionnaire and the result page ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_last_page_asks_the_place_last_as_a_select_grouped_by_region(client, tasks, lang):
    response = client.get(f"/{lang}/checklist/?status=eu&permit=work&family=alone")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index('name="stay"') < html.index('name="arrival"') < html.index('name="municipality"')
    select = html[html.index("<select") : html.index("</select>")]
    assert select.count("<optgroup") == 21 and select.count("<option") == 291
    assert re.search(r'<option value="" selected>[^<]+</option>\s*<optgroup', select)  # "Not decided yet" first
    assert _option("1480", "Göteborg").search(select)
    assert ('lang="sv"' in select) == (lang != "sv")
    assert "js/place.js" in html and "<script>" not in html  # the filter is a file (CSP), not inline


def test_not_decided_yet_gives_the_result_without_a_place(client, tasks):
    response = client.get(f"/en/checklist/?{QUERY}&arrival=&municipality=")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your municipality" in html and "Not decided yet" in html
    assert "change=municipality" in html


def test_the_result_shows_the_place_and_a_link_to_change_it(client, tasks):
    response = client.get(f"/ar/checklist/?{QUERY}&municipality=2584")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<bdi lang="sv">Kiruna</bdi>' in html  # the Swedish name, marked as such on an Arabic page
    change = re.search(r'href="(\?[^"]*change=municipality[^"]*)"', html).group(1)
    page = client.get("/ar/checklist/" + change.replace("&amp;", "&"))
    assert page.status_code == 200
    asked = page.content.decode()
    assert _option("2584", "Kiruna", selected=True).search(asked)
    assert asked.count("<h1") == 1 and 'id="id_stay_long"' not in asked  # only the place, as its own question


def test_a_bad_municipality_on_the_page_is_a_400_with_the_message_beside_the_select(client, tasks):
    response = client.get(f"/so/checklist/?{QUERY}&municipality=0000")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_municipality"' in html
    assert 'aria-invalid="true"' in html[html.index("<select") : html.index(">", html.index("<select"))]


def test_the_calendar_takes_the_municipality_and_refuses_a_bad_one(client, tasks):
    good = client.get(f"/en/checklist/calendar.ics?{QUERY}&arrival=2027-03-01&municipality=1480")
    assert good.status_code == 200 and b"BEGIN:VEVENT" in good.content
    assert client.get(f"/en/checklist/calendar.ics?{QUERY}&arrival=2027-03-01&municipality=14").status_code == 400


# --- counting per region ----------------------------------------------------------------------------------


def test_a_checklist_is_counted_under_its_region_never_its_municipality(client, tasks, settings):
    settings.COUNTERS_REDIS_URL = ""
    assert client.get(f"/en/checklist/?{QUERY}&municipality=1480").status_code == 200
    assert client.get(f"/api/v1/checklist?{QUERY}").status_code == 200
    rows = {(row.region, row.language): row for row in ChecklistCount.objects.all()}
    assert set(rows) == {("14", "en"), ("", "en")}
    assert rows[("14", "en")].situation == rows[("", "en")].situation == QUERY
    assert not ChecklistCount.objects.filter(situation__contains="1480").exists()


def test_the_dashboard_counts_checklists_per_region_and_suppresses_cells_under_five(client, db):
    import csv
    import io

    today = timezone.localdate()
    ChecklistCount.objects.create(day=today, situation=QUERY, language="ar", region="14", count=7)
    ChecklistCount.objects.create(day=today, situation=QUERY, language="en", region="14", count=2)
    ChecklistCount.objects.create(day=today, situation=QUERY, language="en", region="01", count=5)
    ChecklistCount.objects.create(day=today, situation=QUERY, language="en", region="", count=30)
    ChecklistCount.objects.create(day=today - datetime.timedelta(days=60), situation=QUERY, language="en", region="01")
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    page = client.get("/admin/reports/insights/")
    assert page.status_code == 200 and 'data-section="regions"' in page.content.decode()
    rows = list(csv.reader(io.StringIO(client.get("/admin/reports/insights/", {"export": "csv"}).content.decode())))
    cells = {(row[1], row[2]): row[3] for row in rows if row[0] == "Checklists per region"}
    west, stockholm = regions()["14"].name, regions()["01"].name
    assert cells[(west, "ar")] == "7" and cells[(west, "en")] == "<5" and cells[(west, "sv")] == "<5"
    assert cells[(stockholm, "en")] == "5"
    assert cells[("No municipality given", "en")] == "30"
    assert not any("Göteborg" in row[1] for row in rows)


# --- local links: the municipality's, else the region's, else none (localcms's pages) -----------------------


def _local(data):
    return {item["key"]: item.get("local") for item in data["items"]}


@pytest.mark.usefixtures("norrbotten")
def test_the_municipalitys_local_guides_come_first_then_the_regions(client):
    data = client.get(f"/api/v1/checklist?{QUERY}&municipality=2580").json()
    place = data["place"]
    assert place["municipality"]["code"] == "2580" and place["region"]["code"] == "25"
    assert place["municipality"]["url"] == "http://testserver/en/where-you-live/norrbotten-test/lulea-test/"
    assert place["region"]["url"] == "http://testserver/en/where-you-live/norrbotten-test/"
    local = _local(data)
    assert local["preschool-place"] == [
        {
            "title": "Preschool in Luleå",
            "url": local["preschool-place"][0]["url"],
            "owner": municipalities()["2580"].name,
        }
    ]
    assert local["preschool-place"][0]["url"].startswith("http://testserver/en/where-you-live/norrbotten-test/")
    assert [link["title"] for link in local["healthcare"]] == ["1177 in Norrbotten"]  # the region's
    assert local["healthcare"][0]["owner"] == regions()["25"].name
    assert all(set(link) == {"title", "url", "owner"} for links in local.values() if links for link in links)
    assert local["find-housing"] is None  # nothing local: no "local" key at all


@pytest.mark.usefixtures("norrbotten")
def test_a_municipality_without_pages_gets_its_regions_and_one_in_an_empty_region_none(client):
    kiruna = client.get(f"/api/v1/checklist?{QUERY}&municipality=2584").json()
    assert kiruna["place"]["municipality"] == {"code": "2584", "name": "Kiruna", "url": None}
    assert kiruna["place"]["region"]["url"].endswith("/en/where-you-live/norrbotten-test/")
    assert [link["title"] for link in _local(kiruna)["preschool-place"]] == ["Preschool in Norrbotten"]
    assert [link["title"] for link in _local(kiruna)["healthcare"]] == ["1177 in Norrbotten"]
    gotland = client.get(f"/api/v1/checklist?{QUERY}&municipality=0980").json()
    assert gotland["place"]["municipality"]["url"] is None and gotland["place"]["region"]["url"] is None
    assert not any("local" in item for item in gotland["items"])


@pytest.mark.usefixtures("norrbotten")
def test_the_result_page_shows_the_place_and_each_items_local_links_marking_another_language(client):
    html = client.get(f"/ar/checklist/?{QUERY}&municipality=2580").content.decode()
    assert 'href="http://testserver/ar/where-you-live/' in html  # the place's page, in the reader's language
    item = html[html.index('id="task-preschool-place"') : html.index("</li>", html.index('id="task-preschool-place"'))]
    assert re.search(r'<a href="[^"]+" lang="en" dir="auto">Preschool in Luleå</a>', item)  # no Arabic yet
    assert "Preschool in Norrbotten" not in item
    assert "Preschool in Luleå" not in html[: html.index('id="task-preschool-place"')]


@pytest.mark.usefixtures("norrbotten")
def test_the_calendar_mentions_the_local_links(client):
    ics = client.get(f"/en/checklist/calendar.ics?{QUERY}&arrival=2027-03-01&municipality=2580").content.decode()
    unfolded = ics.replace("\r\n ", "")
    assert "Where you live" in unfolded and "Preschool in Luleå" in unfolded


@pytest.mark.usefixtures("norrbotten")
def test_the_result_with_a_place_stays_within_the_query_budget(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    url = f"/ar/checklist/?{QUERY}&municipality=2580"
    assert client.get(url).status_code == 200  # fills the navigation and catalogue caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 10, [q["sql"][:120] for q in queries]


@pytest.mark.usefixtures("norrbotten")
def test_the_place_pages_are_valid_html_for_the_w3c_checker(client, tmp_path):
    from tests.conftest import require
    from tests.site.test_site_quality import validate, vnu_jar

    jar = vnu_jar()
    require(jar is not None, "the Nu Html Checker (VNU_JAR)")
    for n, (url, status) in enumerate(
        [
            ("/ar/checklist/?status=eu&permit=work&family=alone", 200),  # the last page, with the select
            (f"/ar/checklist/?{QUERY}&municipality=2580&change=municipality", 200),
            (f"/so/checklist/?{QUERY}&municipality=0000", 400),
            (f"/ar/checklist/?{QUERY}&municipality=2580", 200),  # the place and local links
            (f"/en/checklist/?{QUERY}&municipality=2584", 200),
            (f"/en/checklist/?{QUERY}", 200),
        ]
    ):
        response = client.get(url)
        assert response.status_code == status, url
        (tmp_path / f"page{n}.html").write_bytes(response.content)
    assert validate(jar, tmp_path) == []


def test_a_goteborg_family_reads_its_local_links_in_arabic_on_the_result_page(client, tasks):
    """The demo's Göteborg: its own preschool guide under the preschool place, the region's 1177 guide
    under healthcare, each in Arabic, and the municipality's page linked from the place."""
    from tests.conftest import without_isolation

    response = client.get(f"/ar/checklist/?{QUERY}&municipality=1480")
    assert response.status_code == 200
    html = without_isolation(response.content.decode())

    def item(key):
        start = html.index(f'id="task-{key}"')
        return html[start : html.index("</li>", start)]

    assert "الروضة في غوتنبرغ" in item("preschool-place")
    assert "الرعاية الصحية في فاسترا يوتالاند" in item("healthcare")
    place = html[html.index("situation__place") : html.index("</div>", html.index("situation__place"))]
    assert 'href="http://testserver/ar/' in place
    data = client.get(f"/api/v1/checklist?{QUERY}&municipality=1480&lang=ar").json()
    local = _local(data)
    assert [link["title"] for link in local["preschool-place"]] == ["الروضة في غوتنبرغ"]
    assert all(link["url"].startswith("http://testserver/ar/") for link in local["healthcare"])
