"""The partner's notes: on the partner's items, in the API and on the partner's track, in four languages."""

import pytest
from django.utils.html import strip_tags

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

PARTNER = "status=third-country&permit=work&family=partner&partner=third-country&stay=long"
NOTED = {"sfi", "register-job-seeker", "partner-programme"}


@pytest.mark.parametrize("lang", ["en", "sv", "ar", "so"])
def test_the_partners_items_carry_the_note_in_the_api(client, tasks, lang):
    items = {i["key"]: i for i in client.get(f"/api/v1/checklist?{PARTNER}&lang={lang}").json()["items"]}
    for key, item in items.items():
        if "partner" in item["for"]:
            assert "note" in item, key
            assert bool(item["note"]) == (key in NOTED), key
        else:
            assert "note" not in item, key
    assert "expertskatt" in items["register-job-seeker"]["note"]
    assert "samhällsorientering" in items["sfi"]["note"]
    assert "Jobbsprånget" in items["partner-programme"]["note"]
    if lang == "ar":
        assert any("\u0600" <= ch <= "\u06ff" for ch in items["sfi"]["note"])


def test_without_a_partner_no_item_has_a_note(client, tasks):
    items = client.get("/api/v1/checklist?status=eu&permit=work&family=alone&stay=long").json()["items"]
    assert not any("note" in item for item in items)


def test_the_partners_track_shows_the_notes_and_the_movers_does_not(client, tasks):
    partner = strip_tags(client.get(f"/sv/checklist/?{PARTNER}&track=partner").content.decode())
    assert "För dig som partner" in partner
    assert "inte för att en tidsfrist från ankomsten har gått ut" in partner  # why a later job misses expertskatt
    assert "samhällsorientering" in partner and "Jobbsprånget" in partner
    mover = strip_tags(client.get(f"/sv/checklist/?{PARTNER}&track=mover").content.decode())
    assert "samhällsorientering" not in mover and "För dig som partner" not in mover
    everyone = strip_tags(client.get(f"/en/checklist/?{PARTNER}").content.decode())
    assert "For your partner" in everyone
