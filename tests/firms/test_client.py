"""The client's side of a link that no longer (or never) works, the redirect, and the privacy headers.

The full checklist shown to a client is in test_client_checklist.py (it needs the checklist engine).
"""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.firms.factories import LinkFactory


def assert_private(response):
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_the_short_link_goes_to_the_link_in_its_language(client, db):
    link = LinkFactory(language="so")
    response = client.get(f"/c/{link.code}")
    assert response.status_code == 302
    assert response["Location"] == f"/so/c/{link.code}"
    assert_private(response)


def test_the_short_link_head_request_redirects_too_and_counts_nothing(client, db):
    link = LinkFactory(language="ar")
    response = client.head(f"/c/{link.code}")
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.open_count == 0


@pytest.mark.parametrize("path", ["/c/{code}", "/so/c/{code}", "/en/c/{code}"])
def test_an_unknown_code_is_a_404_in_the_readers_language(client, db, path):
    response = client.get(path.format(code="AAAAAAAAAAAAAAAAAAAAAAAA"))
    assert response.status_code == 404
    assert_private(response)


def test_a_404_for_an_unknown_code_in_somali(client, db):
    response = client.get("/so/c/doesnotexist")
    assert response.status_code == 404
    assert "Bogga lama helin" in response.content.decode()


GONE = {
    "en": "This link no longer works",
    "sv": "Länken fungerar inte längre",
    "ar": "هذا الرابط لم يعد يعمل",
    "so": "Xiriirkan hadda ma shaqeynayo",
}


@pytest.mark.parametrize("state", ["revoked", "expired", "suspended"])
@pytest.mark.parametrize("code", GONE)
def test_a_revoked_expired_or_suspended_firms_link_is_410_in_the_readers_language(client, db, state, code):
    link = LinkFactory(language="sv")
    if state == "revoked":
        link.revoked_at = timezone.now()
        link.save()
    elif state == "expired":
        link.expires_at = timezone.now() - timedelta(seconds=1)
        link.save()
    else:
        link.firm.suspended = True
        link.firm.save()
    response = client.get(f"/{code}/c/{link.code}", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 410
    html = response.content.decode()
    assert GONE[code] in html
    assert f'href="/{code}/checklist/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert link.note not in html and link.reference not in html
    assert_private(response)
    link.refresh_from_db()
    assert link.open_count == 0
