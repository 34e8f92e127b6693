import re

import pytest

from constituencies.highlight import highlighted_paragraphs, merge, paragraph_ranges


def render(text, *spans):
    numbers = {span: number for number, span in enumerate(sorted(spans), 1)}
    return [str(p) for p in highlighted_paragraphs(text, numbers)]


def visible(html):
    return re.sub(r"<sup.*?</sup>|<[^>]+>", "", html)


@pytest.mark.parametrize(
    "spans, regions",
    [
        ([(0, 5), (10, 15)], [(0, 5), (10, 15)]),
        ([(0, 5), (5, 9)], [(0, 5), (5, 9)]),
        ([(0, 10), (5, 15)], [(0, 15)]),
        ([(0, 20), (5, 10)], [(0, 20)]),
        ([(5, 10), (0, 20), (0, 20)], [(0, 20)]),
        ([(0, 4), (3, 8), (7, 12), (20, 22)], [(0, 12), (20, 22)]),
    ],
)
def test_overlapping_spans_merge_into_regions(spans, regions):
    assert [(r.start, r.end) for r in merge(spans)] == regions


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        ("One.\nTwo.\n", ["One.", "Two."]),
        ("One\nstill one.\n\nTwo.", ["One\nstill one.", "Two."]),
        ("  Padded.  \n\n\n", ["Padded."]),
        ("", []),
        ("Windows.\r\nLines.\r\n", ["Windows.", "Lines."]),
    ],
)
def test_paragraphs_follow_blank_lines_or_else_lines(text, paragraphs):
    assert [text[s:e] for s, e in paragraph_ranges(text)] == paragraphs


def test_text_outside_and_inside_marks_is_escaped():
    text = "<b>bold</b> & <script>alert(1)</script>"
    html = render(text, (0, 11), (14, len(text)))[0]
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;" in html
    assert visible(html).count("&lt;") == 4


def test_each_span_gets_its_id_and_a_numbered_note_link():
    html = render("Alpha beta gamma.", (0, 5), (11, 16))[0]
    assert '<mark class="evidence" id="span-0-5">Alpha</mark>' in html
    assert '<mark class="evidence" id="span-11-16">gamma</mark>' in html
    assert 'href="#source-0-5"' in html and 'href="#source-11-16"' in html


def test_overlapping_spans_share_one_mark_and_keep_every_id():
    text = "Alpha beta gamma delta."
    html = render(text, (0, 10), (6, 16), (6, 10))[0]
    assert html.count("<mark") == 1
    mark = re.search(r'<mark class="evidence" id="span-0-10">(.*?)</mark>', html).group(1)
    assert visible(mark) == "Alpha beta gamma"
    assert 'id="span-6-10"' in mark and 'id="span-6-16"' in mark
    assert visible(html) == text
    for note in ("source-0-10", "source-6-10", "source-6-16"):
        assert f'href="#{note}"' in html


def test_a_span_across_paragraphs_is_marked_in_each_without_breaking_nesting():
    text = "First para ends.\nSecond para starts."
    paragraphs = render(text, (6, 25))
    assert paragraphs[0].count("<mark") == paragraphs[0].count("</mark>") == 1
    assert paragraphs[1].count("<mark") == paragraphs[1].count("</mark>") == 1
    assert 'id="span-6-25"' in paragraphs[0] and 'id="span-6-25"' not in paragraphs[1]
    assert "source-6-25" in paragraphs[1] and "source-6-25" not in paragraphs[0]
    assert [visible(p) for p in paragraphs] == ["First para ends.", "Second para starts."]


def test_a_span_starting_between_paragraphs_is_anchored_in_the_next():
    text = "One.\n\nTwo words."
    paragraphs = render(text, (0, 8), (4, 9))
    assert 'id="span-0-8"' in paragraphs[0]
    assert 'id="span-4-9"' in paragraphs[1]


def test_spans_beyond_the_text_are_clipped():
    paragraphs = render("Short.", (2, 99), (50, 60))
    assert [visible(p) for p in paragraphs] == ["Short."]
    assert "<mark" in paragraphs[0]
