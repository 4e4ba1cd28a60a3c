"""The demo loader is idempotent and leaves what editors changed alone when its data has not changed."""
from wagtail.models import Page

from content.demo import load_demo
from content.models import Agency, GuidePage


def test_a_second_load_changes_nothing(demo):
    pages, agencies = Page.objects.count(), Agency.objects.count()
    assert load_demo() == "Demo content is up to date; nothing changed."
    assert (Page.objects.count(), Agency.objects.count()) == (pages, agencies)


def test_a_forced_reload_updates_in_place_without_duplicates(demo):
    pages, agencies = Page.objects.count(), Agency.objects.count()
    summary = load_demo(force=True)
    assert "32 guides (en 32, sv 32, ar 13, so 13)" in summary
    assert (Page.objects.count(), Agency.objects.count()) == (pages, agencies)
    assert GuidePage.objects.filter(slug="register-population").count() == 4
