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
    """An editor's published change and a renamed agency go back to what the files say, in place."""
    pages, agencies = Page.objects.count(), Agency.objects.count()
    edited = GuidePage.objects.get(slug="register-population", locale__language_code="sv")
    in_file = edited.title
    edited.title = "Ändrad av en redaktör"
    edited.save_revision().publish()
    Agency.objects.filter(slug="skatteverket", locale__language_code="en").update(name="Renamed")
    summary = load_demo(force=True)
    assert GuidePage.objects.get(pk=edited.pk).title == in_file
    in_register = next(item for item in datafiles.read().agencies if item["key"] == "skatteverket")["en"]["name"]
    assert Agency.objects.get(slug="skatteverket", locale__language_code="en").name == in_register != "Renamed"
    guides = datafiles.read().guides
    per_language = ", ".join(f"{code} {sum(1 for g in guides if code in g)}" for code in datafiles.LANGUAGES)
    assert f"{len(guides)} guides ({per_language})" in summary
    assert (Page.objects.count(), Agency.objects.count()) == (pages, agencies)
    assert GuidePage.objects.filter(slug="register-population").count() == 4


def test_loading_the_same_files_again_publishes_and_saves_nothing(demo):
    """A forced reload of unchanged files: no new revision to look past, no purge, nothing re-registered."""
    from wagtail.models import Revision
    from wagtail_localize.models import TranslationSource

    revisions = Revision.objects.count()
    registered = dict(TranslationSource.objects.values_list("pk", "last_updated_at"))
    summary = load_demo(force=True)
    assert Revision.objects.count() == revisions
    assert dict(TranslationSource.objects.values_list("pk", "last_updated_at")) == registered
    assert "0 translations registered" in summary
