import time
import pytest
from django.core.management import call_command
from portal.bidi import isolate_latin_runs


@pytest.mark.django_db
def test_cost(client):
    call_command("load_tasks", verbosity=0)
    from tests.firms.factories import SITUATION
    urls = ["/ar/", "/ar/before-you-move/apply-permit/", "/ar/arriving/healthcare/", "/ar/arriving/register-population/",
            "/ar/agencies/skatteverket/", "/ar/checklist/?" + SITUATION, "/ar/checklist/tasks/apply-permit/"]
    for url in urls:
        r = client.get(url)
        html = r.content.decode()
        plain = html.replace("<bdi>", "").replace("</bdi>", "")
        n = 50
        t = time.perf_counter()
        for _ in range(n):
            isolate_latin_runs(plain)
        ms = (time.perf_counter() - t) / n * 1000
        print(f"COST {url[:45]:45} {r.status_code} {len(plain):7d} chars {ms:.2f} ms, {html.count('<bdi>')} bdi")
