"""Pages, agencies and editors made for a test, so that a test states what it relies on.

The demo content stays loaded (it gives each language its home page and the site its root); a test
that is about a page type or a template builds its own pages under the demo's English home.
"""
import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from content import blocks, places
from content.models import (
    Agency,
    GuidePage,
    HomePage,
    LifeEventIndexPage,
    LifeEventPage,
    LocalGuidePage,
    MunicipalityPage,
    PhasePage,
    PlaceIndexPage,
    RegionPage,
    StandardPage,
)


def english_home():
    return HomePage.objects.get(locale__language_code="en")


class EditorFactory(factory.django.DjangoModelFactory):
    """An active user in one of the editorial groups (``group``: "Agency: Skatteverket", "Portal editors" …)."""

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    group = None

    class Meta:
        model = User

    @classmethod
    def _create(cls, model_class, *args, group=None, **kwargs):
        user = model_class.objects.create_user(*args, password="a-long-test-password", **kwargs)  # noqa: S106
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user


class AgencyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test Agency {n}")
    short_name = factory.Sequence(lambda n: f"TA{n}")
    slug = factory.LazyAttribute(lambda agency: slugify(agency.name))
    website = factory.LazyAttribute(lambda agency: f"https://{agency.slug}.example.se/")
    phone = "+46 8 123 456 78"

    class Meta:
        model = Agency


class PlaceOwnerFactory(AgencyFactory):
    """A region or municipality as an owner (``place_code="1480"`` or ``"14"``), with its editors' group."""

    kind = factory.LazyAttribute(lambda agency: "region" if len(agency.place_code) == 2 else "municipality")
    place_code = "1480"
    name = factory.LazyAttribute(lambda agency: (
        places.regions()[agency.place_code] if agency.kind == "region" else places.municipality(agency.place_code)
    ).name)
    slug = factory.LazyAttribute(lambda agency: f"place-{agency.place_code}")
    group = factory.LazyAttribute(lambda agency: Group.objects.get_or_create(name=f"Agency: {agency.name}")[0])


class WarningBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Do it within a week."

    class Meta:
        model = blocks.WarningBlock


class WhatYouNeedBlockFactory(wagtail_factories.StructBlockFactory):
    items = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = blocks.WhatYouNeedBlock


class GuideBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    warning = factory.SubFactory(WarningBlockFactory)
    what_you_need = factory.SubFactory(WhatYouNeedBlockFactory)

    class Meta:
        model = blocks.GuideBodyBlock


class IntroPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = factory.LazyAttribute(lambda page: f"What {page.title} is about.")

    class Meta:
        abstract = True


class PhasePageFactory(IntroPageFactory):
    class Meta:
        model = PhasePage


class LifeEventIndexPageFactory(IntroPageFactory):
    class Meta:
        model = LifeEventIndexPage


class LifeEventPageFactory(IntroPageFactory):
    class Meta:
        model = LifeEventPage


class StandardPageFactory(IntroPageFactory):
    class Meta:
        model = StandardPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test guide {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = factory.LazyAttribute(lambda page: f"How to {page.title.lower()}.")
    body = wagtail_factories.StreamFieldFactory(GuideBodyBlockFactory)
    sources = factory.LazyAttribute(  # one source, the owner's page on the topic
        lambda page: [("source", {"title": f"{page.title}: the agency's page", "url": "https://agency.example.se/topic/",
                                  "publisher": "", "language": "en"})]
    )
    last_reviewed = datetime.date(2026, 3, 2)
    review_by = datetime.date(2026, 9, 1)

    class Meta:
        model = GuidePage


class PlaceIndexPageFactory(IntroPageFactory):
    title = "Where you live"
    slug = "where-you-live"

    class Meta:
        model = PlaceIndexPage


def english_place_index():
    """The English "Where you live" page: the demo's, or a new one under the English home."""
    return PlaceIndexPage.objects.filter(locale__language_code="en").first() or PlaceIndexPageFactory(
        parent=english_home()
    )


class RegionPageFactory(IntroPageFactory):
    """A region's page; pass ``agency=PlaceOwnerFactory(place_code="14")``."""

    title = factory.LazyAttribute(lambda page: page.agency.name)
    last_reviewed = datetime.date(2026, 3, 2)
    review_by = datetime.date(2026, 9, 1)

    class Meta:
        model = RegionPage


class MunicipalityPageFactory(RegionPageFactory):
    services = factory.LazyAttribute(lambda page: [("service", {
        "heading": "International House", "text": "Help for newcomers in one place.",
        "url": "https://internationalhouse.example.se/"})])

    class Meta:
        model = MunicipalityPage


class LocalGuidePageFactory(GuidePageFactory):
    """A local guide (its owner follows its parent place page); ``task_keys=["preschool-place"]``."""

    title = factory.Sequence(lambda n: f"Test local guide {n}")
    task_keys = factory.LazyFunction(list)

    class Meta:
        model = LocalGuidePage


def guide_admin_form(title, slug, action):
    """The URL and data of Wagtail's "add a guide under Settling in" form, sent with ``action``
    ("action-submit", "action-publish" or None for a preview): what an editor fills in."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    phase = PhasePage.objects.get(slug="settling-in", locale__language_code="en")
    data = nested_form_data({
        "title": title, "slug": slug, "summary": "File it by 2 May.",
        "body": streamfield([("warning", {"text": "Check the prefilled figures."})]),
        "sources": streamfield([]),
        "agency": Agency.objects.get(slug="skatteverket", locale__language_code="en").pk,
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
    })
    if action:
        data[action] = action
    return f"/admin/pages/add/content/guidepage/{phase.pk}/", data
