"""A date already behind the reader is flagged ("this date has passed — do it now"), never shown as ahead."""

import datetime as dt

import pytest
from icalendar import Calendar

from guides.situation import latest_arrival, today
from tests.firms.factories import FirmFactory, LinkFactory

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

QUERY = "status=third-country&permit=work&family=alone&stay=long"
PASSED = "This date has passed — do it now."
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


def cards(html: str) -> dict[str, str]:
    out = {}
    for part in html.split('<li class="task card"')[1:]:
        key = part.split('data-task="', 1)[1].split('"', 1)[0]
        out[key] = part[: part.index("</li>")]
    return out


def test_every_past_date_is_flagged_and_no_future_one(client, tasks):
    past = cards(client.get(f"/en/checklist/?{QUERY}&arrival=2020-01-01").content.decode())
    dated = {k for k, c in past.items() if "<time" in c}
    assert dated and all(PASSED in past[k] for k in dated)
    assert not any(PASSED in c for k, c in past.items() if k not in dated)
    future = client.get(f"/en/checklist/?{QUERY}&arrival={latest_arrival().isoformat()}").content.decode()
    assert PASSED not in future


def test_some_dates_passed_and_others_ahead(client, tasks):
    arrival = today() - dt.timedelta(days=20)  # register-population (+7) passed, bankid (+45) ahead
    page = cards(client.get(f"/sv/checklist/?{QUERY}&arrival={arrival.isoformat()}").content.decode())
    assert "Det här datumet har passerat – gör det nu." in page["register-population"]
    assert "har passerat" not in page["bankid"]


def test_the_calendar_flags_a_passed_date(client, tasks):
    arrival = today() - dt.timedelta(days=20)
    ics = client.get(f"/en/checklist/calendar.ics?{QUERY}&arrival={arrival.isoformat()}").content
    events = {str(e["uid"]).rsplit("-", 1)[0]: e for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert str(events["register-population"]["summary"]).startswith("⚠ ")
    assert str(events["register-population"]["description"]).startswith(PASSED)
    assert not str(events["bankid"]["summary"]).startswith("⚠")
    assert PASSED not in str(events["bankid"]["description"])


@pytest.mark.django_db
def test_the_client_page_flags_a_passed_date(client, tasks):
    link = LinkFactory(firm=FirmFactory(), language="en", situation=QUERY + "&arrival=2020-01-01")
    page = cards(client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode())
    assert PASSED in page["register-population"]
