"""Four languages with prefixed URLs, the redirect from /, the switcher and hreflang alternates."""
import re

import pytest
from django.utils.translation import check_for_language, get_language_info

LANGS = {"en": "ltr", "sv": "ltr", "ar": "rtl", "so": "ltr"}
NAMES = {"en": "English", "sv": "Svenska", "ar": "العربية", "so": "Soomaali"}
SKIP_LINK = {
    "en": "Skip to main content",
    "sv": "Hoppa till huvudinnehållet",
    "ar": "انتقل إلى المحتوى الرئيسي",
    "so": "U gudub qaybta ugu muhiimsan",
}


def test_somali_is_known_to_django():
    assert check_for_language("so")
    assert get_language_info("so")["name_local"] == "Soomaali"
    assert get_language_info("so")["bidi"] is False


@pytest.mark.parametrize("code,direction", LANGS.items())
def test_each_home_page_renders_with_its_lang_and_dir(client, demo, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert SKIP_LINK[code] in html
    assert response["Content-Language"] == code


@pytest.mark.parametrize("code", LANGS)
def test_every_page_head_lists_the_four_hreflang_alternates_and_x_default(client, demo, code):
    html = client.get(f"/{code}/").content.decode()
    for other in LANGS:
        assert f'hreflang="{other}" href="http://testserver/{other}/"' in html
    assert 'hreflang="x-default" href="http://testserver/en/"' in html


def test_the_switcher_names_each_language_in_itself_and_keeps_the_reader_on_the_page(client, demo):
    html = client.get("/ar/").content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    for code, name in NAMES.items():
        assert f'lang="{code}"' in nav and name in nav
    assert 'href="/ar/" lang="ar" dir="rtl" hreflang="ar" aria-current="true"' in nav
    assert "/language/sv/?next=%2Fsv%2F" in nav


def test_the_switcher_keeps_path_and_query_on_a_non_page_view(client, demo):
    html = client.get("/sv/nowhere/?x=1").content.decode()
    assert "/language/so/?next=%2Fso%2Fnowhere%2F%3Fx%3D1" in html


def test_switching_language_remembers_it_in_a_cookie_and_goes_on(client, demo):
    response = client.get("/language/so/", {"next": "/so/"})
    assert response.status_code == 302
    assert response["Location"] == "/so/"
    assert response.cookies["landa_language"].value == "so"
    # ... and the next visit to / goes to Somali, whatever the browser says.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 302 and response["Location"] == "/so/"


def test_switching_language_never_redirects_off_the_site(client, demo):
    response = client.get("/language/ar/", {"next": "https://evil.example/"})
    assert response["Location"] == "/ar/"


def test_switching_to_an_unknown_language_is_a_404(client, demo):
    assert client.get("/language/de/", {"next": "/en/"}).status_code == 404


@pytest.mark.parametrize(
    "accept,expected",
    [("ar", "/ar/"), ("sv-SE,sv;q=0.9,en;q=0.8", "/sv/"), ("so", "/so/"), ("de-DE,de;q=0.9", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language(client, demo, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_root_redirect_prefers_the_cookie_to_accept_language(client, demo):
    client.cookies["landa_language"] = "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv")["Location"] == "/ar/"


@pytest.mark.parametrize("path", ["/de/", "/fr/guides/", "/zh-hans/", "/xx"])
def test_an_unknown_language_prefix_is_a_404_not_a_redirect_or_500(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("code", LANGS)
def test_the_404_page_is_in_the_readers_language_and_the_site_layout(client, demo, code):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{LANGS[code]}">' in html
    assert SKIP_LINK[code] in html
    assert 'class="language-switcher"' in html


def test_pages_set_no_cookie_and_send_strict_security_headers(client, demo):
    response = client.get("/sv/")
    assert not response.cookies
    assert response["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_styles_or_scripts(client, demo):
    html = client.get("/en/").content.decode()
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
