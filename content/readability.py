"""Plain-language scores for the page editor: LIX for Swedish, Flesch reading ease for English.

LIX (Björnsson 1968) = words per sentence + 100 × share of words longer than six letters; under 40 is
easy, the aim for guidance. Flesch reading ease = 206.835 − 1.015 × words per sentence − 84.6 ×
syllables per word; 60 or more is plain English. Both are computed here: the maintained library
(textstat) needs the CMU dictionary downloaded at run time, which an offline server cannot do. For
Arabic and Somali no established measure fits, so the panel shows sentence length only. In every
language the longest sentences are pointed out: shortening them helps most.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
LIX_AIM = 40
FLESCH_AIM = 60
LONG_SENTENCE = 20  # words: the plain-language guides' usual upper limit
SHOWN = 3


@dataclass
class Sentence:
    text: str
    words: int


@dataclass
class Score:
    language: str
    measure: str = ""
    value: float | None = None
    aim: str = ""
    meets_aim: bool | None = None
    sentences: int = 0
    words: int = 0
    longest: list[Sentence] = field(default_factory=list)

    @property
    def words_per_sentence(self) -> float:
        return round(self.words / self.sentences, 1) if self.sentences else 0.0

    @property
    def long_sentences(self) -> int:
        return sum(1 for sentence in self.longest if sentence.words > LONG_SENTENCE)


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text or "") if WORD.search(part or "")]


def words_in(text: str) -> list[str]:
    return WORD.findall(text)


def lix(text: str) -> float | None:
    sentences = split_sentences(text)
    words = [word for sentence in sentences for word in words_in(sentence)]
    if not words:
        return None
    long_words = sum(1 for word in words if len(word) > 6)
    return round(len(words) / len(sentences) + 100 * long_words / len(words), 1)


def syllables(word: str) -> int:
    """English syllables, approximately: vowel groups, less a silent final e."""
    word = word.lower()
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def flesch_reading_ease(text: str) -> float | None:
    sentences = split_sentences(text)
    words = [word for sentence in sentences for word in words_in(sentence)]
    if not words:
        return None
    per_sentence = len(words) / len(sentences)
    per_word = sum(syllables(word) for word in words) / len(words)
    return round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1)


def score(text: str, language: str) -> Score:
    sentences = [Sentence(sentence, len(words_in(sentence))) for sentence in split_sentences(text)]
    result = Score(language=language, sentences=len(sentences), words=sum(s.words for s in sentences))
    result.longest = sorted(sentences, key=lambda s: -s.words)[:SHOWN]
    if not sentences:
        return result
    if language == "sv":
        result.measure, result.value = "LIX", lix(text)
        result.aim = str(_("under %(aim)d (easy to read)") % {"aim": LIX_AIM})
        result.meets_aim = result.value < LIX_AIM
    elif language == "en":
        result.measure, result.value = "Flesch reading ease", flesch_reading_ease(text)
        result.aim = str(_("%(aim)d or more (plain English)") % {"aim": FLESCH_AIM})
        result.meets_aim = result.value >= FLESCH_AIM
    else:
        result.aim = str(_("sentences under %(words)d words") % {"words": LONG_SENTENCE})
        result.meets_aim = all(s.words <= LONG_SENTENCE for s in sentences)
    return result


# --- the text of a page --------------------------------------------------------------------------

TEXT_FIELDS = ("summary", "who_for", "intro", "processing_time")


def _block_text(block, value):
    """Running text only (text and rich text blocks), not headings, labels or addresses."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        yield unescape(strip_tags(value.source.replace("</p>", "</p>\n").replace("<li>", "\n<li>")))
    elif isinstance(block, blocks.TextBlock):
        yield value
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _block_text(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_text(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_text(child.block, child.value)


def page_text(page) -> str:
    parts = [getattr(page, name, "") or "" for name in TEXT_FIELDS]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.extend(_block_text(body.stream_block, body))
    return "\n".join(part for part in parts if part)


def score_page(page) -> Score:
    language = page.locale.language_code if getattr(page, "locale_id", None) else "en"
    return score(page_text(page), language)


def score_translations(page) -> list[Score]:
    """The page's own score first, then its saved translations' (whose editor is wagtail-localize's
    segment editor, where a panel cannot go): a Swedish LIX is seen from the source page's editor."""
    scores = [score_page(page)]
    if page.pk:
        for translation in page.get_translations().specific().select_related("locale").order_by("locale__pk"):
            scores.append(score_page(translation))
    return scores
