"""The "changes coming" block shows itself until its effective date, then hides."""
import datetime

from django.utils import translation

from content.blocks.changes import ChangesComingBlock, is_visible


def test_changes_coming_is_visible_before_its_date_and_hidden_from_it():
    value = {"effective_date": datetime.date(2027, 1, 1), "show_from": None}
    assert is_visible(value, today=datetime.date(2026, 12, 31))
    assert not is_visible(value, today=datetime.date(2027, 1, 1))
    assert not is_visible(value, today=datetime.date(2027, 6, 1))


def test_changes_coming_waits_for_its_show_from_date():
    value = {"effective_date": datetime.date(2027, 1, 1), "show_from": datetime.date(2026, 12, 1)}
    assert not is_visible(value, today=datetime.date(2026, 11, 30))
    assert is_visible(value, today=datetime.date(2026, 12, 1))


def test_a_change_without_a_date_stays_visible():
    assert is_visible({"effective_date": None, "show_from": None}, today=datetime.date(2030, 1, 1))


def test_the_rendered_block_is_empty_once_the_change_is_in_effect():
    block = ChangesComingBlock()
    past = block.to_python({"status": "proposed", "effective_date": "2020-01-01", "text": "Old news"})
    future = block.to_python({"status": "proposed", "effective_date": "2999-01-01", "text": "Coming soon"})
    assert "Old news" not in block.render(past)
    assert "Coming soon" in block.render(future)
    with translation.override("en"):
        assert "Proposed change" in block.render(future)


def test_proposed_law_is_labelled_as_proposed_on_the_guide(client, demo):
    html = client.get("/en/settling-in/permanent-residence/").content.decode()
    assert "Proposed change" in html and "SOU 2025:99" in html
    html = client.get("/sv/settling-in/permanent-residence/").content.decode()
    assert "Föreslagen ändring" in html


def test_every_guide_body_block_in_the_database_is_one_the_guide_body_knows(demo):
    """The body's block names are the keys stored in each guide's JSON: a renamed or dropped block type
    would leave that part of every guide unreadable (and silently missing on the page)."""
    from content.blocks import GuideBodyBlock
    from content.models import GuidePage

    known = set(GuideBodyBlock.base_blocks)
    assert isinstance(GuidePage.body.field.stream_block, GuideBodyBlock)
    stored = {item["type"] for page in GuidePage.objects.all() for item in page.body.raw_data}
    assert stored and stored <= known, stored - known
