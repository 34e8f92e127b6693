"""Mention layer: find people, constituencies, organisations and parties in an article,
and resolve every short reference to a person to the full name the article gives.

Constituencies are found by looking up each run of capitalised words, longest first, in
the gazetteer (a dict probe per word n-gram); parties, organisations and outlets by one
regex alternation over the whole text. People are found by shape: a run of two or more capitalised
words, cut at words that are never part of a name (roles, institutions, function words).
A lone surname or first name ("Umunna", "Chuka's", "Ms Parker") then resolves to the
nearest full name with that surname or first name, earlier in the text if possible.
Composite organisations are built from parts: "<seat> CLP", "<seat> Labour",
"<seat> Conservative Association", "<place> Momentum", "<place> Council".

Each sentence is also rendered as a *template*: the sentence with every mention replaced
by a placeholder such as ``{P2}`` (person), ``{C0}`` (constituency), ``{O1}``
(organisation), ``{Y3}`` (party) or ``{U4}`` (outlet), with curly quotes and dashes
folded. The rules read the parse, not templates; templates serve the readers of layout
that is not prose (table rows) and the masking of quoted words (`document.py`).
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import gazetteer
from .segment import Sentence

KIND_CODES = {"person": "P", "constituency": "C", "org": "O", "party": "Y", "outlet": "U"}

_POSSESSIVE = re.compile(r"['’‘]s$")
# A capitalised run directly followed by one of these names an institution, not a person.
_INSTITUTION_WORDS = frozenset(
    {
        "Act",
        "Bill",
        "Programme",
        "Party",
        "Group",
        "Committee",
        "Council",
        "Union",
        "Street",
        "Road",
        "Square",
        "Centre",
        "Hospital",
        "University",
        "College",
        "School",
        "Trust",
        "Fund",
        "Club",
        "Society",
        "Association",
        "Foundation",
        "Women",
        "Leadership",
        "Institute",
        "Parliament",
        "Award",
        "Prize",
        "Lecture",
        "Report",
        "Review",
        "Campaign",
    }
)
# Words after "<seat> Labour" that make it a description of a person, not the local party.
_NOT_CLP_AFTER = re.compile(r"\s+(?:MP|MPs|councillor|member|candidate|leader|council)\b")
_CLP_SUFFIX = re.compile(
    r"(?:['’]s)?\s+(?:CLP|[Cc]onstituency (?:Labour )?[Pp]arty|Labour Party|Labour)(?![\w-])"
)
_ASSOCIATION_SUFFIX = re.compile(
    r"(?:['’]s)?\s+(?:Conservative|Tory)(?: and Unionist)?\s+[Aa]ssociation(?![\w-])"
)
# The names of local parties: a constituency Labour party, a Conservative association.
LOCAL_PARTY_SUFFIXES = (" CLP", " Conservative Association")
# "Barking councillor Sanchia Alasia": the place describes a person, it is not a seat.
_PLACE_AS_MODIFIER = re.compile(
    r"\s+(?:councillors?|council|resident|man|woman|-based|born)\b|-based\b"
)
_PLACE_ORG = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+)\s+(Momentum|[Cc]ouncil|Borough Council|"
    r"City Council)(?![\w-])"
)
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’.])([A-Z][a-z]+) $")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Cllr|Coun)\.? $")


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    name: str
    text: str
    possessive: bool = False
    constituency: str = ""  # for a CLP: the seat it organises


@dataclass
class SentenceView:
    """A sentence with its mentions and template."""

    sentence: Sentence
    mentions: list[Mention]
    template: str
    # template offset of each placeholder, parallel to `mentions`
    slots: list[int] = field(default_factory=list)

    def mention(self, code: str) -> Mention:
        """The mention behind a placeholder index taken from a template match."""
        return self.mentions[int(code)]


def normalise_place(text: str) -> str:
    """A constituency as the article writes it, minus commas, with 'and' for '&'."""
    text = re.sub(r"\s*,\s*", " ", text).replace("&", "and")
    return re.sub(r"\s+", " ", text).strip()


_PLACE_WORD = re.compile(r"[^\W\d_][\w-]*(?:['’](?![sS]\b)\w+)*|&")
_CAP = r"[A-ZÀ-Þ][\w-]*(?:['’](?![sS]\b)\w+)*"
_PLACE_RUN = re.compile(
    rf"(?<![\w-]){_CAP}(?:(?:,? +| *& *)(?:{_CAP}|and|upon|on|under|of|the|in|by|with|le|super))*"
)


def _constituency_spans(text: str) -> list[tuple[int, int]]:
    """Longest gazetteer constituency at each capitalised word, by word n-gram lookup
    (one dict probe per n-gram: far cheaper than a 650-way regex alternation)."""
    keys = gazetteer.constituency_keys()[0]
    lengths = gazetteer.constituency_lengths()
    spans = []
    for run in _PLACE_RUN.finditer(text):
        words = [
            (m.start(), m.end(), m.group())
            for m in _PLACE_WORD.finditer(text, run.start(), run.end())
        ]
        index = 0
        while index < len(words):
            found = 0
            if words[index][2][:1].isupper():
                # Only the lengths of names that start with this word can match.
                candidates = lengths.get(gazetteer.place_key([words[index][2]]), ())
                for length in (n for n in candidates if n <= len(words) - index):
                    last = words[index + length - 1][2]
                    if (
                        last[:1].isupper()
                        and gazetteer.place_key([w[2] for w in words[index : index + length]])
                        in keys
                    ):
                        found = length
                        break
            if found:
                spans.append((words[index][0], words[index + found - 1][1]))
                index += found
            else:
                index += 1
    return spans


_COMPASS = {"North", "South", "East", "West", "Central", "Mid"}
_PLACE_LINKS = {"and", "upon", "on", "under", "of", "the", "in", "by", "with", "le", "super"}


def _short_forms(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A seat named in full and then by its distinctive tail, the town dropped ("A B C",
    then "B C"; "A upon B C", then "B C"): the tail's spans, with the full name. A tail is
    two words or more, capitalised, not only compass words, and not itself a seat."""
    keys = gazetteer.constituency_keys()[0]
    tails: dict[str, str] = {}
    for _, _, name in spans:
        words = name.split()
        rest = words[1:]
        while rest and (rest[0].lower() in _PLACE_LINKS or not rest[0][:1].isupper()):
            rest = rest[1:]  # "Kingston upon Hull North": "Hull North"
        if len(rest) < 2 or set(rest) <= _COMPASS or gazetteer.place_key(rest) in keys:
            continue
        tails[" ".join(rest)] = name
    found = []
    for tail, name in tails.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(tail)}(?![\w-])", text):
            if not any(start <= match.start() < end for start, end, _ in spans):
                found.append((match.start(), match.end(), name))
    return found


def _gazetteer_mentions(text: str) -> list[Mention]:
    found = []
    spans = []
    for start, end in _constituency_spans(text):
        key = gazetteer.place_key(_PLACE_WORD.findall(text[start:end]))
        name = gazetteer.constituency_keys()[0][key]
        name = (
            name
            or gazetteer.canonical_constituencies().get(key)
            or normalise_place(text[start:end])
        )
        spans.append((start, end, name))
    for start, end, name in sorted(spans + _short_forms(text, spans)):
        if _PLACE_AS_MODIFIER.match(text, end):
            continue
        after = text[end : end + 40]
        if " " not in name and "-" not in name and re.match(r" [A-Z][a-z]", after):
            # "Gordon Brown": a one-word seat name that is really a first name.
            nxt = re.match(r" ([A-Z][\w-]*)", after).group(1)
            if nxt not in gazetteer.name_stopwords() and nxt not in {"CLP", "Momentum"}:
                continue
        if " " not in name and "-" not in name:
            # "Ed Poole": a one-word seat name that is really a surname.
            before = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
            if before and before.group(1) not in gazetteer.name_stopwords():
                continue
        clp = _CLP_SUFFIX.match(text, end)
        if clp and _NOT_CLP_AFTER.match(text, clp.end()):
            clp = None
        association = _ASSOCIATION_SUFFIX.match(text, end)
        local = association or clp
        if local:
            suffix = LOCAL_PARTY_SUFFIXES[1 if association else 0]
            found.append(
                Mention(
                    "org",
                    start,
                    local.end(),
                    f"{name}{suffix}",
                    text[start : local.end()],
                    constituency=name,
                )
            )
            continue
        found.append(Mention("constituency", start, end, name, text[start:end]))
    for match in _PLACE_ORG.finditer(text):
        place, suffix = match.group(1), match.group(2)
        words = place.replace("-", " ").split()
        while (
            words
            and words[0] in gazetteer.name_stopwords()
            and words[0] not in {"North", "South", "East", "West"}
        ):
            words.pop(0)
        if not words or words[-1] in gazetteer.name_stopwords():
            continue
        start = match.start(1) + place.index(words[0])
        kind = "Momentum" if suffix == "Momentum" else "Council"
        found.append(
            Mention(
                "org", start, match.end(), f"{' '.join(words)} {kind}", text[start : match.end()]
            )
        )
    pattern, kinds = gazetteer.named_things()
    for match in pattern.finditer(text):
        kind, name = kinds[match.group()]
        if kind == "party" and text[match.end() : match.end() + 1] == "-":
            continue  # "Blairite-Tory", "Labour-run": an adjective, not the party
        found.append(Mention(kind, match.start(), match.end(), name, match.group()))
    return _without_overlaps(found)


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    # Longest mention wins: "Stockport Momentum" over "Stockport" and "Momentum".
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    kept: list[Mention] = []
    for mention in found:
        index = bisect_left(starts, mention.end)
        if index and ends[index - 1] > mention.start:
            continue
        starts.insert(index, mention.start)
        ends.insert(index, mention.end)
        kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


_NAME_WORD = r"[A-ZÀ-Þ][\w\-]*(?:['’‘][^\W\d_]+)*"
_NAME_RUN = re.compile(rf"(?<![\w'’‘-]){_NAME_WORD}(?: {_NAME_WORD})*")
_WORD_IN_RUN = re.compile(_NAME_WORD)
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he $")


def _capitalised_runs(text: str, blocked: list[Mention]) -> list[list[tuple[int, int, str, bool]]]:
    """Runs of adjacent capitalised words outside gazetteer mentions, cut at stopwords.

    Each word is (start, end, word, possessive); `end` excludes a possessive "'s".
    """
    stop = gazetteer.name_stopwords()
    starts = [m.start for m in blocked]
    runs: list[list[tuple[int, int, str, bool]]] = []
    for run in _NAME_RUN.finditer(text):
        current: list[tuple[int, int, str, bool]] = []
        matches = list(_WORD_IN_RUN.finditer(text, run.start(), run.end()))
        # A name takes no article: "the X Y" is a paper, a programme or a place.
        titled = _ARTICLE_BEFORE.search(text, max(0, run.start() - 4), run.start())
        for position, match in enumerate(matches):
            word, start = match.group(), match.start()
            index = bisect_left(starts, start + 1) - 1
            inside = index >= 0 and blocked[index].start <= start < blocked[index].end
            possessive = bool(_POSSESSIVE.search(word))
            base = word[:-2] if possessive else word
            # A function word capitalised at the start of a sentence is no part of the
            # name after it ("Because X Y", "Hadn't Y"); one alone may be a surname.
            leading = not current and position + 1 < len(matches) and _function_word(base)
            if inside or leading or base in stop or (len(base) > 1 and base.isupper()):
                if current and not titled:
                    runs.append(current)
                current, titled = [], base == "The"
                continue
            current.append((start, start + len(base), base, possessive))
            if possessive:
                if not titled:
                    runs.append(current)
                current, titled = [], False
        if current and not titled:
            runs.append(current)
    return runs


def _function_word(word: str) -> bool:
    """An English function word ("because", "only", "when"), or a negated auxiliary
    ("hadn't")."""
    folded = word.casefold().replace("’", "'")
    return folded in gazetteer.function_words() or folded.endswith("n't")


def find_mentions(text: str) -> list[Mention]:
    """All mentions in the article, in text order, people resolved to full names."""
    gazetteer_found = _gazetteer_mentions(text)
    people: list[Mention] = []
    singles: list[tuple[int, int, str, bool]] = []
    for run in _capitalised_runs(text, gazetteer_found):
        if len(run) == 1:
            singles.append(run[0])
            continue
        names = run[-4:]
        follow = re.match(r" ([A-Z]\w+)", text[names[-1][1] : names[-1][1] + 30])
        if follow and follow.group(1) in _INSTITUTION_WORDS:
            continue
        start, end = names[0][0], names[-1][1]
        name = " ".join(token[2] for token in names)
        people.append(Mention("person", start, end, name, text[start:end], names[-1][3]))
    # In a line set in title case capitals tell nothing: a run there is a person only
    # if the article names the same person elsewhere.
    titles = _title_case_lines(text)
    told = {m.name for m in people if not _within(m.start, titles)}
    people = [
        _told_within(m, told) if _within(m.start, titles) else m for m in people
    ]  # fmt: skip
    people = [m for m in people if m is not None]
    _merge_variants(people)
    people.extend(_resolve_singles(text, people, singles))
    return _without_overlaps(gazetteer_found + people)


_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[A-Z]")


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line set in title case, as headlines often are ("X Loses Y
    As Z Defects To W"): its longer words are all capitalised, and so is a function word
    after the first word (which a list or table row does not have). A headline is one
    sentence: a line whose sentence ends before it does is prose that happens to be
    capitalised ("Label: X Y. Left P for Q.")."""
    found, start = [], 0
    for line in text.split("\n"):
        words = _LINE_WORD.findall(line)
        longer = [word for word in words if len(word) > 3]
        capitalised = all(word[0].isupper() for word in longer) and len(longer) > 2
        headline = capitalised and not _SENTENCE_END.search(line.rstrip())
        if headline and any(w[0].isupper() and _function_word(w) for w in words[1:]):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _told_within(mention: Mention, told: set[str]) -> Mention | None:
    """The longest name in `told` that the run `mention` holds, as its own mention."""
    for name in sorted(told, key=len, reverse=True):
        found = re.search(rf"\b{re.escape(name)}\b", mention.text)
        if found:
            start = mention.start + found.start()
            owned = mention.possessive and found.end() == len(mention.text)
            return Mention("person", start, start + len(name), name, name, owned)
    return None


def _within(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def _merge_variants(people: list[Mention]) -> None:
    """Merge name variants into the name the article gave first: "Nav Mishra" after
    "Navendu Mishra" (same surname, one first name a prefix of the other)."""
    first_seen: dict[str, list[str]] = {}
    for person in people:
        parts = person.name.split()
        for earlier in first_seen.get(parts[-1], []):
            given, earlier_given = parts[0], earlier.split()[0]
            if earlier != person.name and (
                earlier_given.startswith(given) or given.startswith(earlier_given)
            ):
                person.name = earlier
                break
        else:
            first_seen.setdefault(parts[-1], []).append(person.name)


def _resolve_singles(text: str, people: list[Mention], singles) -> list[Mention]:
    """Surnames and first names alone -> the nearest full name (earlier first)."""
    by_last: dict[str, list[Mention]] = {}
    by_first: dict[str, list[Mention]] = {}
    for person in people:
        parts = person.name.split()
        by_last.setdefault(parts[-1], []).append(person)
        by_first.setdefault(parts[0], []).append(person)
    resolved = []
    for start, end, word, possessive in singles:
        candidates = by_last.get(word) or by_first.get(word)
        if candidates:
            before = [p for p in candidates if p.start < start]
            chosen = before[-1] if before else candidates[0]
            resolved.append(Mention("person", start, end, chosen.name, word, possessive))
        elif _TITLE_BEFORE.search(text, max(0, start - 8), start):
            # "Ms Parker" with no full name anywhere: the surname is all we have.
            resolved.append(Mention("person", start, end, word, word, possessive))
    return resolved


# One character for one, so template offsets still line up with the text. Braces in the
# prose become brackets: in a template, braces belong to placeholders alone.
_QUOTE_FOLD = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " ", "{": "(", "}": ")"}
)


def sentence_views(
    text: str, sentences: list[Sentence], mentions: list[Mention]
) -> list[SentenceView]:
    """Attach mentions to sentences and build each sentence's template."""
    views = []
    index = 0
    for sentence in sentences:
        while index < len(mentions) and mentions[index].start < sentence.start:
            index += 1
        inside = []
        j = index
        while j < len(mentions) and mentions[j].start < sentence.end:
            if mentions[j].end <= sentence.end:
                inside.append(mentions[j])
            j += 1
        pieces, slots, cursor, length = [], [], sentence.start, 0
        for number, mention in enumerate(inside):
            chunk = text[cursor : mention.start].translate(_QUOTE_FOLD)
            pieces.append(chunk)
            length += len(chunk)
            slots.append(length)
            placeholder = "{" + KIND_CODES[mention.kind] + str(number) + "}"
            pieces.append(placeholder)
            length += len(placeholder)
            cursor = mention.end
        pieces.append(text[cursor : sentence.end].translate(_QUOTE_FOLD))
        views.append(SentenceView(sentence, inside, "".join(pieces), slots))
    return views
