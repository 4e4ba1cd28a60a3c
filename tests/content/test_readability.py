"""Plain language: LIX (Swedish), Flesch reading ease (English), the longest sentences, and the panel
in the page editor in the page's own language."""
import pytest
from django.contrib.auth.models import User
from django.utils.html import escape
from wagtail.models import Locale

from content import readability
from content.blocks.step import plain_text
from content.models import GuidePage, PhasePage

SWEDISH = "Du måste ansöka om uppehållstillstånd innan du reser till Sverige. Det tar tid."


def test_lix_counts_words_per_sentence_and_long_words():
    # 13 words in 2 sentences; 2 words longer than six letters: 6.5 + 100 × 2/13
    assert readability.lix(SWEDISH) == pytest.approx(21.9, abs=0.05)
    assert readability.lix("") is None


def test_flesch_reading_ease_of_plain_and_of_dense_english():
    assert readability.flesch_reading_ease("The cat sat on the mat.") == pytest.approx(116.1, abs=0.05)
    dense = ("Notwithstanding the aforementioned administrative considerations, applicants' documentation "
             "necessitates comprehensive verification by the responsible governmental authorities.")
    assert readability.flesch_reading_ease(dense) < 0


def test_syllables_are_counted_by_vowel_groups():
    assert [readability.syllables(w) for w in ("cat", "permit", "residence", "table", "insurance")] == [1, 2, 3, 2, 3]


def test_score_names_the_measure_for_the_language_and_points_out_the_longest_sentences():
    long_one = " ".join(["word"] * 25) + "."
    text = f"Short one. {long_one}\nA third sentence here. Tiny."
    english = readability.score(text, "en")
    assert english.measure == "Flesch reading ease" and english.sentences == 4
    assert english.longest[0].words == 25 and english.longest[0].text == long_one
    assert [s.words for s in english.longest] == [25, 4, 2]
    assert english.long_sentences == 1
    swedish = readability.score(SWEDISH, "sv")
    assert swedish.measure == "LIX" and swedish.meets_aim
    arabic = readability.score(text, "ar")
    assert arabic.measure == "" and arabic.meets_aim is False  # one sentence over 20 words


def test_page_text_takes_running_text_not_headings_or_addresses(demo):
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    text = readability.page_text(page)
    assert page.summary in text
    steps = [child.value for child in page.body if child.block_type == "step"]
    assert steps and plain_text(steps[0]["text"]).split("\n")[0] in text
    assert steps[0]["heading"] not in text.split("\n")
    assert "https://" not in text


def test_the_page_editor_shows_each_languages_score_by_its_own_measure(client, demo):
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Plain language" in html and "data-landa-readability" in html and "Longest sentences" in html
    assert "Flesch reading ease:" in html and "LIX:" in html
    assert html.index('data-language="en"') < html.index('data-language="sv"')
    swedish = page.get_translation(Locale.objects.get(language_code="sv")).specific
    lix = readability.score_page(swedish).value
    assert f"LIX: {lix}" in html
    longest = readability.score_page(swedish).longest[0].text
    assert escape(longest) in html


def test_a_new_page_asks_for_text_first(client, demo):
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    phase = PhasePage.objects.get(slug="arriving", locale__language_code="en")
    html = client.get(f"/admin/pages/add/content/guidepage/{phase.pk}/").content.decode()
    assert "Write and save some text" in html and "Flesch reading ease:" not in html
