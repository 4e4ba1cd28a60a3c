"""Latin runs in Arabic pages are isolated (portal.bidi): the transform, its output, and real pages."""
import shutil
import time

import pytest
from django.core.management import call_command

from portal.bidi import FSI, PDI, is_arabic_page, isolate_fragment, isolate_latin_runs
from tests.conftest import require, without_isolation
from tests.firms.factories import SITUATION
from tests.site.direction import unisolated_latin

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>التسجيل (folkbokföring) – Landa</title>
<meta name="description" content="Skatteverket 2027-03-01"><style>p::after { content: "abc"; }</style>
<script>const site = "1177.se";</script></head>
<body><main><h1>سجّل في folkbokföring</h1>
<p>زر 1177.se أو اكتب إلى info@landa.se قبل 2027-03-01، واتصل بالرقم 0771-235 235 لدى مصلحة الهجرة
(Migrationsverket). يكلف 5 000 kronor، و Q&amp;A خلال 3 أيام.</p>
<p><a href="https://www.skatteverket.se/privat/folkbokforing.html" title="Skatteverket">https://www.skatteverket.se/privat/folkbokforing.html</a></p>
<label for="s">الحالة</label><select id="s" name="s"><option value="eu">بلد من EU/EEA أو Schweiz</option></select>
<label for="t">ملاحظة</label><textarea id="t" name="t">Hej BankID</textarea>
<div lang="en" dir="ltr"><p>This guide is not yet in Arabic: 2027-03-01.</p>
<p lang="ar" dir="rtl">بالعربية BankID</p></div>
<p>مكتوب بالفعل <bdi>1177.se</bdi> و<span dir="ltr">UT-kort</span>.</p>
<svg aria-hidden="true" width="1" height="1"><title>icon</title><path d="M0 0"/></svg>
</main></body></html>
"""


def test_latin_runs_in_arabic_text_are_wrapped_in_bdi():
    out = isolate_latin_runs(PAGE)
    for run in ["folkbokföring", "1177.se", "info@landa.se", "2027-03-01", "0771-235 235", "Migrationsverket",
                "5 000 kronor", "Q&amp;A", "https://www.skatteverket.se/privat/folkbokforing.html", "BankID"]:
        assert f"<bdi>{run}</bdi>" in out, run
    assert "(<bdi>Migrationsverket</bdi>)" in out  # the Arabic parentheses stay outside
    assert "خلال 3 أيام" in out  # a lone number needs no isolation


def test_what_cannot_hold_elements_or_must_not_change_is_left_alone():
    out = isolate_latin_runs(PAGE)
    assert f"<title>التسجيل ({FSI}folkbokföring{PDI}) – {FSI}Landa{PDI}</title>" in out
    assert f'<option value="eu">بلد من {FSI}EU/EEA{PDI} أو {FSI}Schweiz{PDI}</option>' in out
    for unchanged in ['content="Skatteverket 2027-03-01"', 'content: "abc";', 'const site = "1177.se";',
                      'href="https://www.skatteverket.se/privat/folkbokforing.html" title="Skatteverket"',
                      "<textarea id=\"t\" name=\"t\">Hej BankID</textarea>",
                      "<p>This guide is not yet in Arabic: 2027-03-01.</p>", "<bdi>1177.se</bdi> و",
                      '<span dir="ltr">UT-kort</span>', "<title>icon</title>"]:
        assert unchanged in out, unchanged
    assert '<p lang="ar" dir="rtl">بالعربية <bdi>BankID</bdi></p>' in out  # Arabic inside English again


def test_the_output_is_the_input_plus_isolation_only_and_a_second_pass_changes_nothing():
    out = isolate_latin_runs(PAGE)
    assert without_isolation(out) == without_isolation(PAGE)
    assert isolate_latin_runs(out) == out
    assert unisolated_latin(out) == []


def _pieces(page: str) -> list[str]:
    """Balanced pieces of PAGE's body, as ``{% fragment %}`` keeps them (portal.fragments)."""
    return [page[page.index("<h1>"):page.index("</h1>") + 5],
            page[page.index("<p>زر"):page.index("</p>", page.index("<p>زر")) + 4],
            page[page.index('<div lang="en"'):page.index("</div>") + 6]]


def test_fragments_isolated_on_their_own_are_copied_and_the_page_comes_out_the_same():
    fragments = [(piece, isolate_fragment(piece)) for piece in _pieces(PAGE)]
    assert all(isolated is not None and isolated != piece for piece, isolated in fragments)
    assert "<p>This guide is not yet in Arabic: 2027-03-01.</p>" in fragments[2][1]  # English: left alone
    assert isolate_latin_runs(PAGE, fragments) == isolate_latin_runs(PAGE)


def test_a_fragment_met_where_text_is_not_wrapped_is_walked_as_the_page_says():
    piece = "<p>Migrationsverket 2027-03-01</p>"
    page = PAGE.replace("<p>This guide is not yet in Arabic: 2027-03-01.</p>", piece)  # inside lang="en"
    isolated = isolate_fragment(piece)
    assert isolated == "<p><bdi>Migrationsverket 2027-03-01</bdi></p>"
    out = isolate_latin_runs(page, [(piece, isolated)])
    assert out == isolate_latin_runs(page) and piece in out and isolated not in out


@pytest.mark.parametrize("piece", [
    "</div><p>Skatteverket</p>",  # closes what it did not open
    "<div><p>Skatteverket</p>",  # leaves an element open
    "Skatteverket <b>1177.se</b>",  # text at its edge could join a run outside
    "",
])
def test_a_piece_whose_isolation_depends_on_its_surroundings_is_not_isolated_on_its_own(piece):
    assert isolate_fragment(piece) is None


def test_the_site_check_catches_what_the_transform_fixes():
    problems = unisolated_latin(PAGE)
    assert any("1177.se" in problem for problem in problems)
    assert any("title" in problem for problem in problems)
    assert any("option" in problem for problem in problems)
    assert unisolated_latin('<html lang="ar" dir="rtl"><body><p>انظر <a lang="en" href="/en/">Guide</a></p>')


def test_entities_are_never_cut():
    html = '<html lang="ar"><body><p>أ &quot;x&quot; ب &#x27;BankID&#x27; ج &nbsp;A</p></body></html>'
    out = isolate_latin_runs(html)
    assert out == ('<html lang="ar"><body><p>أ &quot;<bdi>x</bdi>&quot; ب &#x27;<bdi>BankID</bdi>&#x27; ج '
                   "&nbsp;<bdi>A</bdi></p></body></html>")


def test_in_pages_in_other_languages_only_arabic_islands_change():
    html = PAGE.replace('lang="ar" dir="rtl"><head>', 'lang="en" dir="ltr"><head>')
    html = html.replace("<main>", '<main lang="en" dir="ltr">')
    assert not is_arabic_page(html)
    assert isolate_latin_runs(html) == html.replace("بالعربية BankID", "بالعربية <bdi>BankID</bdi>")


def test_the_output_is_valid_html_for_the_w3c_checker(tmp_path):
    from tests.site.test_site_quality import validate, vnu_jar

    jar = vnu_jar()
    require(jar is not None and shutil.which("java") is not None, "Java and the Nu Html Checker (vnu.jar)")
    (tmp_path / "page.html").write_text(isolate_latin_runs(PAGE), encoding="utf-8")
    assert validate(jar, tmp_path) == []


def test_it_costs_a_few_milliseconds_of_cpu_for_a_large_page():
    """CPU time (the machine may be shared): about 0.2 ms per kB; real pages measured 0.4-3.5 ms."""
    big = PAGE.replace("<main>", "<main>" + PAGE.split("<main>")[1].split("</main>")[0] * 80)
    assert len(big) > 60_000
    start = time.process_time()
    for _ in range(10):
        isolate_latin_runs(big)
    per_page = (time.process_time() - start) / 10
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms per page"


@pytest.mark.django_db
def test_every_arabic_response_is_isolated_and_others_are_not(client):
    call_command("load_tasks", verbosity=0)
    arabic = client.get("/ar/checklist/?" + SITUATION)
    assert arabic.status_code == 200
    html = arabic.content.decode()
    assert "<bdi>" in html
    assert unisolated_latin(html) == []
    assert int(arabic["Content-Length"]) == len(arabic.content) if arabic.has_header("Content-Length") else True
    english = client.get("/en/checklist/?" + SITUATION)
    assert "<bdi>" not in english.content.decode()


@pytest.mark.django_db
def test_the_firms_arabic_note_keeps_its_phone_number_in_order(client):
    from tests.firms.factories import FirmFactory, LinkFactory

    call_command("load_tasks", verbosity=0)
    link = LinkFactory(firm=FirmFactory(name="Nordic Moves AB"), language="ar",
                       note="مرحبًا بك في السويد! اتصل بنا على 08-123 45 67 أو اكتب إلى hej@nordicmoves.se")
    response = client.get(f"/ar/c/{link.code}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "اتصل بنا على <bdi>08-123 45 67</bdi> أو اكتب إلى <bdi>hej@nordicmoves.se</bdi>" in html
    assert "<bdi>Nordic Moves AB</bdi>" in html
    assert unisolated_latin(html) == []
