"""Wagtail API v2 (read-only), sitemap.xml with hreflang alternates, robots.txt."""
import xml.etree.ElementTree as ET

from content import datafiles

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_pages_api_filters_by_locale(client, demo):
    response = client.get("/api/v2/pages/", {"locale": "sv", "type": "content.GuidePage", "limit": 50})
    assert response.status_code == 200
    data = response.json()
    guides = datafiles.read().guides
    assert data["meta"]["total_count"] == sum(1 for guide in guides if "sv" in guide)
    assert all(item["meta"]["locale"] == "sv" for item in data["items"])
    titles = {item["title"] for item in data["items"]}
    assert next(g for g in guides if g["key"] == "register-population")["sv"]["title"] in titles


def test_pages_api_in_arabic_lists_only_the_translated_guides(client, untranslated_income_tax):
    data = client.get("/api/v2/pages/", {"locale": "ar", "type": "content.GuidePage", "limit": 100}).json()
    translated = {guide["key"] for guide in datafiles.read().guides if "ar" in guide} - {"income-tax"}
    assert data["meta"]["total_count"] == len(translated)
    assert {item["meta"]["slug"] for item in data["items"]} == translated


def test_pages_api_detail_gives_the_guide_fields(client, demo):
    items = client.get("/api/v2/pages/", {"locale": "en", "slug": "register-population"}).json()["items"]
    assert len(items) == 1
    detail = client.get(f"/api/v2/pages/{items[0]['id']}/").json()
    assert detail["title"].startswith("Register in Sweden")


def test_agencies_api_lists_agencies_per_language(client, demo):
    response = client.get("/api/v2/agencies/", {"locale": "ar", "limit": 50})
    assert response.status_code == 200
    data = response.json()
    register = datafiles.read().agencies
    assert data["meta"]["total_count"] == len(register)
    assert all(item["language"] == "ar" for item in data["items"])
    skatteverket = next(agency for agency in register if agency["key"] == "skatteverket")["ar"]["name"]
    assert "Skatteverket" in skatteverket
    assert skatteverket in {item["name"] for item in data["items"]}


def test_the_api_is_read_only_and_refuses_bad_input_with_400(client, demo):
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.post("/api/v2/agencies/", {}).status_code == 405
    assert client.get("/api/v2/agencies/", {"locale": "xx"}).status_code == 400
    assert client.get("/api/v2/pages/", {"locale": "xx"}).status_code in (400, 404)


def test_sitemap_lists_each_language_version_with_hreflang_alternates(client, untranslated_income_tax):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(  # noqa: S314 - our own sitemap
        response.content)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    entry = urls["http://testserver/ar/arriving/register-population/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates == {
        "en": "http://testserver/en/arriving/register-population/",
        "sv": "http://testserver/sv/arriving/register-population/",
        "ar": "http://testserver/ar/arriving/register-population/",
        "so": "http://testserver/so/arriving/register-population/",
        "x-default": "http://testserver/en/arriving/register-population/",
    }
    # A page not translated into Arabic is not listed as an Arabic page.
    assert "http://testserver/ar/arriving/income-tax/" not in urls
    assert "http://testserver/sv/arriving/income-tax/" in urls


def test_every_sitemap_url_resolves(client, demo):
    root = ET.fromstring(  # noqa: S314 - our own sitemap
        client.get("/sitemap.xml").content)
    locs = [url.find(f"{SITEMAP}loc").text.replace("http://testserver", "") for url in root.findall(f"{SITEMAP}url")]
    assert len(locs) > 100
    for loc in locs[::7]:
        assert client.get(loc).status_code == 200, loc


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
