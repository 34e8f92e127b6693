"""Small helpers the relation rules share."""

from ..document import Document
from ..mentions import LOCAL_PARTY_SUFFIXES, SentenceView
from ..parse import lemma_class


def recent_constituency(doc: Document, view: SentenceView, back: int = 3) -> str:
    """The constituency named most recently in the few sentences before `view`."""
    position = doc.views.index(view)
    for earlier in reversed(doc.views[max(0, position - back) : position]):
        names = [m.name for m in earlier.mentions if m.kind == "constituency"]
        names += [m.constituency for m in earlier.mentions if m.kind == "org" and m.constituency]
        if names:
            return names[-1]
    return ""


def local_party_name(seat: str, words=()) -> str:
    """The local party of `seat`: a Conservative association when the words that name it
    say so ("the association", "the local Tory party"), else the CLP."""
    if not seat:
        return ""
    conservative = any(w.lower() in lemma_class("conservative_local_words") for w in words)
    return f"{seat}{LOCAL_PARTY_SUFFIXES[1 if conservative else 0]}"


def local_party_seat(name: str) -> str:
    """The seat a local party ("U CLP", "U Conservative Association") is named after."""
    for suffix in LOCAL_PARTY_SUFFIXES:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return ""


BULLETS = ("-", "–", "—", "•", "*")


def is_bulleted(view: SentenceView) -> bool:
    """A line of a list: it opens with a bullet mark."""
    return view.sentence.text.lstrip().startswith(BULLETS)


def is_heading(view: SentenceView) -> bool:
    """A headline, section title or table row: a line with no closing punctuation and no
    bullet."""
    text = view.sentence.text.strip()
    return bool(text) and text[-1] not in '.!?"”:;)' and not is_bulleted(view)


def list_items(doc: Document, lead_in: int) -> list[int]:
    """The sentences that open the items of a list under the lead-in sentence at
    `lead_in` (one ending in a colon, or a heading): the paragraphs after it that are
    bulleted, or rows without closing punctuation, up to the first that is neither."""
    paragraph = doc.views[lead_in].sentence.paragraph
    items = []
    for position in range(lead_in + 1, len(doc.views)):
        view = doc.views[position]
        if view.sentence.paragraph == paragraph:
            continue
        paragraph = view.sentence.paragraph
        if not (is_bulleted(view) or is_heading(view)):
            break
        items.append(position)
    return items
