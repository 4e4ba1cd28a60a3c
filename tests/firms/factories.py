"""Factories for the firms app's tests."""
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from firms.models import ApiToken, Firm, FirmTask, Member, SharedChecklist

PASSWORD = "a long enough pass phrase"
# A valid, canonical situation (as guides.situation.Situation.as_query() writes it).
SITUATION = "status=third-country&permit=work&family=partner-children&children=school&stay=long&arrival=2027-03-01"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}@firm.example")
    email = factory.SelfAttribute("username")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class FirmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Firm

    name = factory.Sequence(lambda n: f"Relocation Firm {n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    user = factory.SubFactory(UserFactory)
    firm = factory.SubFactory(FirmFactory)
    role = Member.STAFF


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SharedChecklist

    firm = factory.SubFactory(FirmFactory)
    situation = SITUATION
    language = "so"
    reference = factory.Sequence(lambda n: f"CASE-{n:04d}")
    note = "Welcome to Sweden! Call us on 08-123 45 67."
    rules_version = "0123456789ab"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


class FirmTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FirmTask

    link = factory.SubFactory(LinkFactory)
    title = "Send us your signed employment contract"
    phase = "before"
    days_from_arrival = -45


def token_for(firm, **kwargs):
    """(token, secret) for ``firm``; read-write unless ``scope`` says otherwise."""
    kwargs.setdefault("scope", ApiToken.READ_WRITE)
    return ApiToken.issue(firm, kwargs.pop("name", "CRM"), **kwargs)


def delete_firm(firm):
    """Remove a firm with everything that points at it (its audit trail and links protect it otherwise).

    For tests that commit their own rows to a database other tests share (the live site of the browser tests).
    """
    from firms.models import AuditEvent

    users = list(firm.members.values_list("user_id", flat=True))
    AuditEvent.objects.filter(firm=firm).delete()
    SharedChecklist.objects.filter(firm=firm).delete()
    firm.delete()
    get_user_model().objects.filter(pk__in=users).delete()
