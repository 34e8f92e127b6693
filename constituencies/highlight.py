"""An article's text as HTML paragraphs with the passages that supplied facts highlighted.

Article text is untrusted, so every character of it goes through `escape`; the only
markup added is built here from integers. Overlapping passages are merged into one
`<mark>` region: the region's element carries the id of its first passage and an
empty anchor element carries each other passage's id, placed where that passage
starts, so every `#span-<start>-<end>` link lands inside the region that shows it.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain

from django.utils.html import escape
from django.utils.safestring import mark_safe

BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
NEWLINE = re.compile(r"\n")


@dataclass
class Region:
    start: int
    end: int
    spans: list = field(default_factory=list)


def span_id(start, end):
    return f"span-{start}-{end}"


def merge(spans):
    """Overlapping (start, end) spans merged into regions, in text order."""
    regions = []
    for start, end in sorted(set(spans)):
        if regions and start < regions[-1].end:
            regions[-1].end = max(regions[-1].end, end)
            regions[-1].spans.append((start, end))
        else:
            regions.append(Region(start, end, [(start, end)]))
    return regions


def paragraph_ranges(text):
    """(start, end) of each paragraph, without surrounding whitespace.

    Blank lines separate paragraphs when the text has any; otherwise every line is one,
    as in articles saved one paragraph per line.
    """
    separator = BLANK_LINE if BLANK_LINE.search(text) else NEWLINE
    start = 0
    for match in chain(separator.finditer(text), [None]):
        end = match.start() if match else len(text)
        chunk = text[start:end]
        first = start + len(chunk) - len(chunk.lstrip())
        last = start + len(chunk.rstrip())
        if last > first:
            yield first, last
        if match:
            start = match.end()


def highlighted_paragraphs(text, numbers):
    """The paragraphs of `text` as safe HTML strings.

    `numbers` maps each (start, end) span to highlight to the number of its note in the
    list of facts, which a link after the highlighted region points to.
    """
    paragraphs = list(paragraph_ranges(text))
    paragraph_ends = [end for _, end in paragraphs]
    pieces = [[] for _ in paragraphs]
    clipped = ((max(0, s), min(len(text), e)) for s, e in numbers if s < min(e, len(text)))
    for region in merge(clipped):
        cut = []
        index = bisect_right(paragraph_ends, region.start)
        while index < len(paragraphs) and paragraphs[index][0] < region.end:
            p_start, p_end = paragraphs[index]
            cut.append((index, max(region.start, p_start), min(region.end, p_end)))
            index += 1
        unplaced = region.spans[1:]
        for position, (index, start, end) in enumerate(cut):
            # A passage starting between two paragraphs is anchored where the next begins.
            anchors = [(max(s, start), span_id(s, e)) for s, e in unplaced if s < end]
            unplaced = [(s, e) for s, e in unplaced if s >= end]
            notes = region.spans if position == len(cut) - 1 else []
            pieces[index].append(
                Piece(
                    start,
                    end,
                    span_id(*region.spans[0]) if position == 0 else "",
                    anchors,
                    [(numbers[span], *span) for span in notes if span in numbers],
                )
            )
    return [
        mark_safe(render_paragraph(text, p_start, p_end, paragraph_pieces))
        for (p_start, p_end), paragraph_pieces in zip(paragraphs, pieces, strict=True)
    ]


@dataclass
class Piece:
    """The part of a highlighted region inside one paragraph."""

    start: int
    end: int
    id: str
    anchors: list
    notes: list


def render_paragraph(text, p_start, p_end, pieces):
    html = []
    cursor = p_start
    for piece in pieces:
        html.append(escape(text[cursor : piece.start]))
        html.append(
            f'<mark class="evidence" id="{piece.id}">' if piece.id else '<mark class="evidence">'
        )
        inner = piece.start
        for position, anchor_id in piece.anchors:
            html.append(escape(text[inner:position]))
            html.append(f'<span class="span-anchor" id="{anchor_id}"></span>')
            inner = position
        html.append(escape(text[inner : piece.end]))
        html.append("</mark>")
        html.extend(note_link(*note) for note in piece.notes)
        cursor = piece.end
    html.append(escape(text[cursor:p_end]))
    return "".join(html)


def note_link(number, start, end):
    return (
        f'<sup class="note-ref"><a href="#source-{start}-{end}">'
        f'<span class="visually-hidden">Facts from passage </span>{number}</a></sup>'
    )
