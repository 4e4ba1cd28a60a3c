"""A firm with links cannot be deleted from the Wagtail admin (suspend it instead): no 500, the firm stays."""
from firms.models import Firm
from tests.firms.factories import LinkFactory


def test_deleting_a_firm_with_links_in_the_admin_is_refused_without_a_500(client, django_user_model, firm):
    LinkFactory(firm=firm)
    editor = django_user_model.objects.create_superuser("portal-editor@landa.example", password="x" * 20)
    client.force_login(editor)
    url = f"/admin/snippets/firms/firm/delete/{firm.pk}/"
    assert client.get(url).status_code in (200, 302)
    response = client.post(url)
    assert response.status_code < 500
    assert Firm.objects.filter(pk=firm.pk).exists()
