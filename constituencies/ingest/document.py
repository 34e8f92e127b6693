"""Document layer: an article's sentences, mentions, templates and quotations in one place.

Relation rules (`extract.py`, `statements.py`) never scan raw text: they read a
`Document`, which holds each sentence with its mentions and template (see
`mentions.py`), the quoted passages of the article, and what the rules have learnt so
far about who sits for which seat. Offsets into templates convert back to article
offsets, so every fact can cite an exact `Span`.
"""

import re
from dataclasses import dataclass, field

from .facts import Span
from .mentions import KIND_CODES, Mention, SentenceView, find_mentions, sentence_views
from .segment import paragraphs, sentences

PLACEHOLDER = re.compile(r"\{([PCOYU])(\d+)\}")
_OPEN = "“\""
_CLOSE = "”\""


@dataclass(frozen=True)
class Passage:
    """Words inside quotation marks; `start`..`end` excludes the marks themselves."""

    start: int
    end: int
    text: str
    continues: bool = False  # opened a paragraph that carries on an earlier quotation


@dataclass
class Document:
    text: str
    views: list[SentenceView]
    passages: list[Passage]
    seat_of: dict[str, str] = field(default_factory=dict)
    seat_evidence: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    known_seats: dict[str, str] = field(default_factory=dict)
    _focus: str | None = None

    @classmethod
    def parse(cls, text: str, known_seats: dict[str, str] | None = None) -> "Document":
        mentions = find_mentions(text)
        views = sentence_views(text, sentences(text), mentions)
        return cls(text, views, quoted_passages(text), known_seats=dict(known_seats or {}))

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_span(self, view: SentenceView) -> Span:
        return self.span(view.sentence.start, view.sentence.end)

    def holder_of(self, constituency: str) -> str:
        folded = constituency.casefold()
        for person, seat in self.seat_of.items():
            if seat.casefold() == folded:
                return person
        return ""

    def seat(self, person: str, outside: bool = True) -> tuple[str, bool]:
        """(seat, learnt_elsewhere) for an MP: from this article, else from `known_seats`."""
        if person in self.seat_of:
            return self.seat_of[person], False
        if outside and person in self.known_seats:
            return self.known_seats[person], True
        return "", False

    def focus_seat(self) -> str:
        """The constituency the story is about: the only one named, or named most often
        (at least twice, and more than any other)."""
        if self._focus is None:
            counts: dict[str, int] = {}
            for view in self.views:
                for mention in view.mentions:
                    name = mention.name if mention.kind == "constituency" else mention.constituency
                    if name:
                        counts[name] = counts.get(name, 0) + 1
            ranked = sorted(counts.items(), key=lambda item: -item[1])
            self._focus = ""
            if len(ranked) == 1 or (ranked and ranked[0][1] >= 2 and ranked[0][1] >= 2 * ranked[1][1]):
                self._focus = ranked[0][0]
        return self._focus

    def in_quote(self, start: int) -> bool:
        return any(p.start <= start < p.end for p in self.passages)


def to_text(view: SentenceView, pos: int) -> int:
    """Article offset of template offset `pos` (a placeholder maps to its mention start)."""
    offset = view.sentence.start
    template_cursor = 0
    for slot, mention in zip(view.slots, view.mentions):
        if pos < slot:
            return offset + (pos - template_cursor)
        width = len(placeholder(view, mention))
        if pos < slot + width:
            return mention.start
        offset = mention.end
        template_cursor = slot + width
    return offset + (pos - template_cursor)


def mask_quotes(doc: "Document", view: SentenceView, fragment: str, offset: int) -> str:
    """`fragment` (template from `offset`) with each quoted run folded to a single "~"."""
    if not any(p.start < view.sentence.end and p.end > view.sentence.start for p in doc.passages):
        return fragment
    pieces = []
    cursor = 0
    for match in PLACEHOLDER.finditer(fragment):
        pieces.append(_mask_plain(doc, view, fragment[cursor : match.start()], offset + cursor))
        mention = view.mentions[int(match.group(2))]
        pieces.append("~" if doc.in_quote(mention.start) else match.group())
        cursor = match.end()
    pieces.append(_mask_plain(doc, view, fragment[cursor:], offset + cursor))
    return re.sub(r"~+", "~", "".join(pieces))


def _mask_plain(doc: "Document", view: SentenceView, chunk: str, offset: int) -> str:
    return "".join(
        "~" if char != '"' and doc.in_quote(to_text(view, offset + i)) else char
        for i, char in enumerate(chunk)
    )


def placeholder(view: SentenceView, mention: Mention) -> str:
    return "{" + KIND_CODES[mention.kind] + str(view.mentions.index(mention)) + "}"


def untemplate(view: SentenceView, fragment: str) -> str:
    """Template text back to words: placeholders become the mentions' own text."""
    return PLACEHOLDER.sub(lambda m: view.mentions[int(m.group(2))].text, fragment)


def indices(fragment: str, code: str = "P") -> list[int]:
    return [int(m.group(2)) for m in PLACEHOLDER.finditer(fragment) if m.group(1) == code]


def quoted_passages(text: str) -> list[Passage]:
    """Passages in double quotation marks, paragraph by paragraph.

    A quotation left open at the end of a paragraph stops there: news style re-opens it
    at the start of the next paragraph, which is then marked as a continuation.
    """
    passages = []
    was_open = False
    for start, end in paragraphs(text):
        opened_at = None
        continues = False
        if was_open and text[start] not in _OPEN:
            # The quotation carried on with no re-opening mark (a line break inside it).
            opened_at, continues = start, True
        for index in range(start, end):
            char = text[index]
            if opened_at is None and char in _OPEN and _opens(text, index, start):
                opened_at = index + 1
                continues = was_open and index == start
            elif opened_at is not None and char in _CLOSE and index > opened_at:
                passages.append(Passage(opened_at, index, text[opened_at:index], continues))
                opened_at = None
        was_open = opened_at is not None
        if was_open and end > opened_at:
            passages.append(Passage(opened_at, end, text[opened_at:end], continues))
    return passages


def _opens(text: str, index: int, paragraph_start: int) -> bool:
    if text[index] == "“":
        return True
    # A straight quote opens when it follows a space, a paragraph start or punctuation.
    return index == paragraph_start or not text[index - 1].isalnum()
