"""Document layer: an article's sentences, mentions, templates and quotations in one place.

Relation rules (`rules/`) never scan raw text: they read a `Document`, which holds each
sentence with its mentions and template (see `mentions.py`), the quoted passages of the
article, templates with quoted words masked (so a quotation never looks like its own
attribution), the story's main seat and party, and what the rules have learnt so far
about who sits for which seat. Evidence spans are always sentences or passages of the
article text itself.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import gazetteer
from .facts import Span
from .mentions import KIND_CODES, Mention, SentenceView, find_mentions, sentence_views
from .parse import parse_all
from .segment import paragraphs, sentences

PLACEHOLDER = re.compile(r"\{([PCOYU])(\d+)\}")
_TILDES = re.compile(r"~+")
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.£$€])\b((?:19|20)\d\d)\b(?![\d,])")
_HEADING_SEAT = re.compile(r"\W*\{C0\}\s*(?:\([^()]*\))?\s*[.:-]?\s*")
# A line in capitals or without a full stop that is not a seat: a new section
_OTHER_HEADING = re.compile(r"[^a-z.!?\"“”]{3,80}|[A-Z][^.!?\"“”]{2,60}:")
_OPEN = '“"'
_CLOSE = '”"'


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
    # When the article was published, where the caller knows.
    published: date | None = None
    _focus: str | None = None
    _starts: list[int] | None = None
    _masked: dict[int, str] = field(default_factory=dict)
    _sections: list[str] | None = None
    _parses: dict[int, object] = field(default_factory=dict)
    # position -> its parse with the mentions placed, as `rules.syntax.clauses` made it
    clauses: dict[int, object] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str, published: date | None = None) -> "Document":
        mentions = find_mentions(text)
        views = sentence_views(text, sentences(text), mentions)
        passages = quoted_passages(text)
        return cls(text, views, passages, published=published)

    def story_date(self) -> date | None:
        """When the story was written, as far as can be told: its publication date, else
        the latest date it names. A year named with a month ("February 2019") dates to
        that month; a bare election year to the day after its polling day (a story names
        an election year for the election); another bare year to its first day. None
        when the story names no year."""
        if self.published:
            return self.published
        polling = {day.year: day for day in gazetteer.election_dates()}
        dated: dict[int, date] = {}
        for match in _MONTH_YEAR.finditer(self.text):
            year, month = int(match.group(2)), _MONTHS.index(match.group(1).lower()) + 1
            dated[year] = max(dated.get(year, date.min), date(year, month, 1))
        bare = {int(y) for y in _YEAR.findall(self.text)} - dated.keys()
        for year in bare:
            if year in polling:
                dated[year] = polling[year] + timedelta(days=1)
            elif min(polling) <= year <= max(polling) + 5:
                dated[year] = date(year, 1, 1)
        return max(dated.values(), default=None)

    def last_election(self) -> int:
        """The year of the latest general election before the story was written; 0 when
        the story's date cannot be told."""
        written = self.story_date()
        if written is None:
            return 0
        held = [day.year for day in gazetteer.election_dates() if day < written]
        return held[-1] if held else 0

    def parses(self, positions: list[int]) -> dict:
        """The spaCy parse of the sentences at `positions`. Each sentence is parsed once,
        however many rules ask, and the ones not yet parsed are parsed together."""
        parse_together([(self, positions)])
        return {p: self._parses[p] for p in positions}

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

    def seat(self, person: str) -> str:
        """The seat this article gives an MP, or "" (a fact about the seat then names the
        MP as its `seat_holder`, for the loader to place)."""
        return self.seat_of.get(person, "")

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
            if len(ranked) == 1 or (
                ranked and ranked[0][1] >= 2 and ranked[0][1] >= 2 * ranked[1][1]
            ):
                self._focus = ranked[0][0]
        return self._focus

    def recent_subject(self, position: int, include_current: bool = True, back: int = 3) -> str:
        """The first person named (outside quotations, not as a possessive) in the nearest
        earlier sentence that names one: who "he", "she" or "the MP" most likely is."""
        start = position if include_current else position - 1
        for index in range(start, max(-1, position - back - 1), -1):
            for mention in self.views[index].mentions:
                if (
                    mention.kind == "person"
                    and not mention.possessive
                    and not self.in_quote(mention.start)
                ):
                    return mention.name
        return ""

    def section_seat(self, position: int) -> str:
        """The seat whose heading the sentence falls under: a line that is only a
        constituency, perhaps with its county ("U", "U:", "U (COUNTY)"), or a paragraph
        that opens with one ("U. X won ..."); "" before the first such heading and after
        any other heading-like line."""
        if self._sections is None:
            self._sections = []
            current, paragraph = "", -1
            for view in self.views:
                if view.sentence.paragraph != paragraph:
                    paragraph = view.sentence.paragraph
                    if _HEADING_SEAT.fullmatch(view.template):
                        current = view.mentions[0].name
                    elif _OTHER_HEADING.fullmatch(view.sentence.text):
                        current = ""
                self._sections.append(current)
        return self._sections[position]

    def main_party(self) -> str:
        """The party the story is about ("the party chairman"): the one named most often."""
        counts: dict[str, int] = {}
        for view in self.views:
            for mention in view.mentions:
                if mention.kind == "party":
                    counts[mention.name] = counts.get(mention.name, 0) + 1
        return max(counts, key=counts.get) if counts else ""

    def in_quote(self, start: int) -> bool:
        index = bisect_right(self._passage_starts, start) - 1
        return index >= 0 and start < self.passages[index].end

    @property
    def _passage_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [p.start for p in self.passages]
        return self._starts

    def article_offset(self, view: SentenceView, index: int) -> int:
        """The article offset of position `index` in the view's masked template with its
        quoted runs folded (`mask_quotes(doc, view, view.template, 0)`), so that a clause
        found there can be cited as the exact characters of the article."""
        masked = self.masked_template(view)
        folded = 0
        position = 0
        while position < len(masked) and folded < index:
            if masked[position] == "~":
                while position < len(masked) and masked[position] == "~":
                    position += 1
            else:
                position += 1
            folded += 1
        return self._template_offset(view, position)

    def _template_offset(self, view: SentenceView, position: int) -> int:
        article, cursor = view.sentence.start, 0
        for slot, mention in zip(view.slots, view.mentions, strict=True):
            if position < slot:
                break
            width = len(placeholder(view, mention))
            if position < slot + width:
                return mention.start
            article = mention.end
            cursor = slot + width
        return article + position - cursor

    def masked_template(self, view: SentenceView) -> str:
        """The view's template with quoted characters (and quoted mentions) as "~", same length."""
        key = view.sentence.start
        if key not in self._masked:
            self._masked[key] = self._mask(view)
        return self._masked[key]

    def _mask(self, view: SentenceView) -> str:
        sentence = view.sentence
        quotes = [
            (p.start, p.end)
            for p in self.passages
            if p.start < sentence.end and p.end > sentence.start
        ]
        if not quotes:
            return view.template
        chars = list(view.template)
        article, cursor = sentence.start, 0
        segments = []
        for slot, mention in zip(view.slots, view.mentions, strict=True):
            segments.append((cursor, slot, article))
            width = len(placeholder(view, mention))
            if self.in_quote(mention.start):
                chars[slot : slot + width] = "~" * width
            cursor, article = slot + width, mention.end
        segments.append((cursor, len(chars), article))
        for t_start, t_end, a_start in segments:
            for q_start, q_end in quotes:
                low = max(t_start, t_start + q_start - a_start)
                high = min(t_end, t_start + q_end - a_start)
                if low < high:
                    chars[low:high] = "~" * (high - low)
        return "".join(chars)


def parse_together(wanted: list[tuple["Document", list[int]]]) -> None:
    """Parse, in one request, the sentences at the positions given for each document that
    are not parsed yet, and keep each parse on its document."""
    missing = [
        (doc, p) for doc, positions in wanted for p in dict.fromkeys(positions)
        if p not in doc._parses
    ]  # fmt: skip
    texts = [doc.views[p].sentence.text for doc, p in missing]
    for (doc, p), parsed in zip(missing, parse_all(texts), strict=True):
        doc._parses[p] = parsed


def mask_quotes(doc: Document, view: SentenceView, fragment: str, offset: int) -> str:
    """`fragment` (template from `offset`) with each quoted run folded to a single "~"."""
    masked = doc.masked_template(view)
    if masked is view.template:
        return fragment
    return _TILDES.sub("~", masked[offset : offset + len(fragment)])


def placeholder(view: SentenceView, mention: Mention) -> str:
    return "{" + KIND_CODES[mention.kind] + str(view.mentions.index(mention)) + "}"


def untemplate(view: SentenceView, fragment: str) -> str:
    """Template text back to words: placeholders become the mentions' own text."""
    return PLACEHOLDER.sub(lambda m: view.mentions[int(m.group(2))].text, fragment)


def indices(fragment: str, code: str = "P") -> list[int]:
    return [int(m.group(2)) for m in PLACEHOLDER.finditer(fragment) if m.group(1) == code]


_QUOTE_MARK = re.compile(r"[“”\"]")


def quoted_passages(text: str) -> list[Passage]:
    """Passages in double quotation marks, paragraph by paragraph.

    A quotation left open at the end of a paragraph stops there: news style re-opens it
    at the start of the next paragraph, which is then marked as a continuation. A
    paragraph that only closes it ('... of Streatham.”') carries it on too; one with no
    closing mark does not, so a stray mark cannot swallow the rest of the article.
    """
    passages = []
    was_open = False
    for start, end in paragraphs(text):
        marks = list(_QUOTE_MARK.finditer(text, start, end))
        opened_at = None
        continues = False
        if was_open and marks and marks[0].group() == "”" and marks[0].start() > start:
            opened_at, continues = start, True  # a line break inside the quotation
        for mark in marks:
            index, char = mark.start(), mark.group()
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
