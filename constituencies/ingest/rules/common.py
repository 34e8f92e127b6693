"""Small helpers the relation rules share."""

from ..document import Document
from ..mentions import SentenceView


def recent_constituency(doc: Document, view: SentenceView, back: int = 3) -> str:
    """The constituency named most recently in the few sentences before `view`."""
    position = doc.views.index(view)
    for earlier in reversed(doc.views[max(0, position - back) : position]):
        names = [m.name for m in earlier.mentions if m.kind == "constituency"]
        names += [m.constituency for m in earlier.mentions if m.kind == "org" and m.constituency]
        if names:
            return names[-1]
    return ""
