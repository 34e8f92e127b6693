"""Mention layer: find people, constituencies, organisations and parties in an article,
and resolve every short reference to a person to the full name the article gives.

Gazetteer lookups (constituencies, parties, organisations, outlets) are one regex pass
each over the whole text. People are found by shape: a run of two or more capitalised
words, cut at words that are never part of a name (roles, institutions, function words).
A lone surname or first name ("Umunna", "Chuka's", "Ms Parker") then resolves to the
nearest full name with that surname or first name, earlier in the text if possible.
Composite organisations are built from parts: "<seat> CLP", "<seat> Labour",
"<place> Momentum", "<place> Council".

Each sentence is also rendered as a *template*: the sentence with every mention replaced
by a placeholder such as ``{P2}`` (person), ``{C0}`` (constituency), ``{O1}``
(organisation), ``{Y3}`` (party) or ``{U4}`` (outlet), with curly quotes and dashes
folded. Relation rules are regexes over templates, so they read like the prose they
match and never depend on particular names.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import gazetteer
from .segment import Sentence

KIND_CODES = {"person": "P", "constituency": "C", "org": "O", "party": "Y", "outlet": "U"}

_WORD = re.compile(r"[^\W\d_][\w\-]*(?:['’‘][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’‘]s$")
# A capitalised run directly followed by one of these names an institution, not a person.
_INSTITUTION_WORDS = frozenset(
    {
        "Act", "Bill", "Programme", "Party", "Group", "Committee", "Council", "Union", "Street",
        "Road", "Square", "Centre", "Hospital", "University", "College", "School", "Trust",
        "Fund", "Club", "Society", "Association", "Foundation", "Women", "Leadership",
        "Institute", "Parliament", "Award", "Prize", "Lecture", "Report", "Review", "Campaign",
    }
)
# Words after "<seat> Labour" that make it a description of a person, not the local party.
_NOT_CLP_AFTER = re.compile(r"\s+(?:MP|MPs|councillor|member|candidate|leader|council)\b")
_CLP_SUFFIX = re.compile(
    r"(?:['’]s)?\s+(?:CLP|[Cc]onstituency (?:Labour )?[Pp]arty|Labour Party|Labour)(?![\w-])"
)
# "Barking councillor Sanchia Alasia": the place describes a person, it is not a seat.
_PLACE_AS_MODIFIER = re.compile(r"\s+(?:councillors?|council|resident|man|woman|-based|born)\b|-based\b")
_PLACE_ORG = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+)\s+(Momentum|[Cc]ouncil|Borough Council|City Council)(?![\w-])"
)
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Cllr)\.? $")


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


def _gazetteer_mentions(text: str) -> list[Mention]:
    found = []
    orgs = gazetteer.organisations()
    parties = gazetteer.parties()
    aliases = gazetteer.constituency_aliases()
    for match in gazetteer.constituency_regex().finditer(text):
        name = normalise_place(match.group())
        name = aliases.get(name, name)
        if _PLACE_AS_MODIFIER.match(text, match.end()):
            continue
        after = text[match.end() : match.end() + 40]
        if " " not in name and "-" not in name and re.match(r" [A-Z][a-z]", after):
            # "Gordon Brown": a one-word seat name that is really a first name.
            nxt = re.match(r" ([A-Z][\w-]*)", after).group(1)
            if nxt not in gazetteer.name_stopwords() and nxt not in {"CLP", "Momentum"}:
                continue
        clp = _CLP_SUFFIX.match(text, match.end())
        if clp and not _NOT_CLP_AFTER.match(text, clp.end()):
            found.append(
                Mention("org", match.start(), clp.end(), f"{name} CLP", text[match.start() : clp.end()],
                        constituency=name)
            )
            continue
        found.append(Mention("constituency", match.start(), match.end(), name, match.group()))
    for match in _PLACE_ORG.finditer(text):
        place, suffix = match.group(1), match.group(2)
        words = place.replace("-", " ").split()
        while words and words[0] in gazetteer.name_stopwords() and words[0] not in {"North", "South", "East", "West"}:
            words.pop(0)
        if not words or words[-1] in gazetteer.name_stopwords():
            continue
        start = match.start(1) + place.index(words[0])
        kind = "Momentum" if suffix == "Momentum" else "Council"
        found.append(Mention("org", start, match.end(), f"{' '.join(words)} {kind}", text[start : match.end()]))
    for match in gazetteer.organisation_regex().finditer(text):
        found.append(Mention("org", match.start(), match.end(), orgs[match.group()], match.group()))
    for match in gazetteer.party_regex().finditer(text):
        found.append(Mention("party", match.start(), match.end(), parties[match.group()], match.group()))
    for match in gazetteer.publisher_regex().finditer(text):
        found.append(Mention("outlet", match.start(), match.end(), match.group(), match.group()))
    return _without_overlaps(found)


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    # Longest mention wins: "Stockport Momentum" over "Stockport" and "Momentum".
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for mention in found:
        if all(mention.end <= start or mention.start >= end for start, end in taken):
            kept.append(mention)
            taken.append((mention.start, mention.end))
    kept.sort(key=lambda m: m.start)
    return kept


def _capitalised_runs(text: str, blocked: list[Mention]) -> list[list[tuple[int, int, str, bool]]]:
    """Runs of adjacent capitalised words outside gazetteer mentions, cut at stopwords.

    Each word is (start, end, word, possessive); `end` excludes a possessive "'s".
    """
    stop = gazetteer.name_stopwords()
    starts = [m.start for m in blocked]
    runs: list[list[tuple[int, int, str, bool]]] = []
    current: list[tuple[int, int, str, bool]] = []
    prev_end = -10
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        index = bisect_left(starts, start + 1) - 1
        inside = index >= 0 and blocked[index].start <= start < blocked[index].end
        possessive = bool(_POSSESSIVE.search(word))
        base = word[:-2] if possessive else word
        name_like = base[:1].isupper() and not (len(base) > 1 and base.isupper())
        if current and (text[prev_end:start] != " " or not name_like or inside or base in stop):
            runs.append(current)
            current = []
        prev_end = match.end()
        if name_like and not inside and base not in stop:
            current.append((start, start + len(base), base, possessive))
            if possessive:
                runs.append(current)
                current = []
    if current:
        runs.append(current)
    return runs


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
    _merge_variants(people)
    people.extend(_resolve_singles(text, people, singles))
    return _without_overlaps(gazetteer_found + people)


def _merge_variants(people: list[Mention]) -> None:
    """"Nav Mishra" after "Navendu Mishra": same surname, one first name a prefix of the
    other -> the name the article gave first."""
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


_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def sentence_views(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[SentenceView]:
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
