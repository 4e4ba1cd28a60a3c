"""The demo loader is idempotent and leaves what editors changed alone when its data has not changed."""
from wagtail.models import Page

from content import datafiles
from content.demo import load_demo
from content.models import Agency, GuidePage


def test_a_second_load_changes_nothing(demo):
    pages, agencies = Page.objects.count(), Agency.objects.count()
    assert load_demo() == "Demo content is up to date; nothing changed."
    assert (Page.objects.count(), Agency.objects.count()) == (pages, agencies)


def test_a_forced_reload_updates_in_place_without_duplicates(demo):
    pages, agencies = Page.objects.count(), Agency.objects.count()
    summary = load_demo(force=True)
    guides = datafiles.read().guides
    per_language = ", ".join(f"{code} {sum(1 for g in guides if code in g)}" for code in datafiles.LANGUAGES)
    assert f"{len(guides)} guides ({per_language})" in summary
    assert (Page.objects.count(), Agency.objects.count()) == (pages, agencies)
    assert GuidePage.objects.filter(slug="register-population").count() == 4
