"""Segment layer: article text -> paragraphs and sentences with character offsets.

Every `Sentence` satisfies `text[start:end] == sentence.text` for the article text it was
cut from, so facts can cite exact spans. Paragraphs are lines: news copy pasted from the
web keeps one paragraph per line, and syntok would otherwise run a headline into the
first sentence. Within a paragraph syntok finds the sentence boundaries (a paragraph
with nowhere a sentence could end is one sentence, without asking syntok); two of its
splits are undone: at a full stop with no space after it ("Conservatives.Anna", a typo)
and at a semicolon.
"""

import re
from dataclasses import dataclass

from syntok import segmenter

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


# Where syntok could possibly end a sentence; a paragraph without one is one sentence.
_POSSIBLE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]|[.!?][\"'”’)\]]*[A-Z]|;")


def _syntok_sentences(text: str, offset: int) -> list[tuple[int, int]]:
    if not _POSSIBLE_END.search(text):
        return [(offset, offset + len(text))]
    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if sentence:
                last = sentence[-1]
                spans.append((offset + sentence[0].offset, offset + last.offset + len(last.value)))
    return spans


def _merge_false_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # A boundary with no space after it ("Conservatives.Anna") is a typo, and a semicolon
    # never ends an English sentence; syntok splits at both.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        unspaced = merged and start == merged[-1][1] and not text[start - 1].isspace()
        if merged and (unspaced or text[merged[-1][1] - 1] == ";"):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def sentences(text: str) -> list[Sentence]:
    """All sentences of `text` in order, each tagged with its paragraph number."""
    result = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        spans = _merge_false_breaks(text, _syntok_sentences(text[p_start:p_end], p_start))
        if not spans:  # a paragraph of symbols only
            spans = [(p_start, p_end)]
        for start, end in spans:
            result.append(Sentence(start, end, text[start:end], number))
    return result
