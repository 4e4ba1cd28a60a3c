"""An agency editor's dashboard counts and lists their agency's pages, not the whole site's."""
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from content.models import PORTAL_EDITORS, GuidePage


def test_an_agency_editors_dashboard_is_scoped_to_their_agency(client, demo):
    user = User.objects.create_user("skv", password="a-long-test-password")
    user.groups.add(Group.objects.get(name="Agency: Skatteverket"))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    own = GuidePage.objects.filter(agency__slug="skatteverket")
    assert f"{own.count()} pages of Swedish Tax Agency (Skatteverket)" in html
    assert f"{Page.objects.count() - 1} Pages" not in html
    assert "Register in Sweden" in html  # one of Skatteverket's guides, in the panel
    assert "Apply for a residence permit" not in html  # Migrationsverket's


def test_portal_editors_keep_the_sites_page_count(client, demo):
    user = User.objects.create_user("portal", password="a-long-test-password")
    user.groups.add(Group.objects.get(name=PORTAL_EDITORS))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "pages of" not in html
