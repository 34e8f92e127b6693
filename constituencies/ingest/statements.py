"""Statement rules: quoted or reported words about a seat, attributed to who said them.

Quoted passages come from `Document.passages`. Each passage is attributed from the
sentence it opens in, using the text outside the quotation marks: the subject just
before the speech verb ("X said", "X, Momentum's co-ordinator, said", "X's CLP, Y,
tweeted", "the campaign coordinator has said"), a speaker after the quotation
('"...," Ms X added'), a pronoun, or "The group"/"The statement" carrying on the
previous statement. A passage with no attribution continues the one before it.
Sentences without quotation marks can still report words ("X has demanded that ...",
"X has told <outlet> that ...").

Passages by the same speaker and organisation merge into one statement; medium, seat
and stance come from any of their sentences. Statements that say nothing about a seat,
a by-election or a selection, and statements with no speaker at all, are dropped.
"""

import re
from dataclasses import dataclass, field

from .document import Document, Passage, mask_quotes, untemplate
from .facts import Fact, RoleFact, Span, StatementFact
from .mentions import SentenceView

_SPEECH = re.compile(
    r"\b(?:said|says|say|added|adding|tweeted|tweets|stating|stated|told|tells|wrote|has written|written to|"
    r"described|describes|accused|accusing|accuses|called on|called for|calling on|calling for|calls on|"
    r"calls for|urged|urging|urges|demanded|demands|warned|claimed|insisted|argued|issued a statement|"
    r"backed calls|informing|emailed|sent an email|responded|saying)\b"
)
_REPORTED = re.compile(
    r"\b(?:demands|urging|calling on|calling for|calls on|calls for|backed calls for|accusing|"
    r"told \{U\d+\} that|informing (?:them|members) that|"
    r"(?<!be )(?<!been )(?<!being )(?:demanded|urged|called on|called for|accused))\b"
)
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|been|also|already|nonetheless|now|then|too|just|yesterday|today|previously|"
    r"later|separately|not|yet|\w+ly))+\s*$"
)
_OFFICER_TAIL = re.compile(
    r"\b[Tt]he (?:[\w-]+ )?(?:coordinator|co-ordinator|chair|chairman|chairwoman|secretary|spokesperson|"
    r"spokesman|spokeswoman|treasurer|organiser)(?: of (?P<org>\{O\d+\})| of \{P(?P<mp>\d+)\}'s [\w ]+?)?"
    r"(?:, \{P\d+\}'s (?:CLP|local party))?$"
)
_PARTY_ROLE_TAIL = re.compile(r"\{Y(\d+)\} (?:leadership|spokesperson|spokesman|spokeswoman|source|press office)$")
_CLP_TAIL = re.compile(r"\{P(\d+)\}'s (?:CLP|local party|constituency (?:Labour )?party)(?:,? \{C(\d+)\})?$")
_CONTINUATION_TAIL = re.compile(r"\b(?:[Tt]he (?:[\w-]+ ){0,3}?(?:group|statement|CLP|local party)|It|They)$")
_PRONOUN_TAIL = re.compile(r"\b(?:[Hh]e|[Ss]he)$")
_NOT_ISSUED = re.compile(r"\bnot (?:yet )?(?:issued|made|released) a statement\b")
_PERSONALLY = re.compile(r"\bpersonally\b")
_KEEP = re.compile(r"\b(?:by-elections?|resign\w*|stand down|step down|step aside|select\w*|seat|constituenc\w+)\b", re.IGNORECASE)
_MEDIA = [
    ("tweet", re.compile(r"\b(?:tweet\w*|on Twitter)\b")),
    ("email", re.compile(r"\b(?:e-?mail\w*)\b")),
    ("letter", re.compile(r"\b(?:letter|written to|wrote to|writes to)\b")),
    ("interview", re.compile(r"\b(?:told \{U\d+\}|told (?:the|a) |interview|speaking to)")),
    ("statement", re.compile(r"\bstatement\b")),
]
_STANCES = [
    ("calls_for_by_election", re.compile(r"\b(?:by-elections?|resign|stand down|step down|step aside)\b", re.I)),
    ("critical", re.compile(r"\b(?:let down|accus\w+|failure|betray\w*|hypocrit\w*|dwarves|annihilat\w+|lack of)\b", re.I)),
    ("supportive", re.compile(r"\b(?:welcome\w*|thank\w*|principled|praise\w*)\b", re.I)),
]


@dataclass
class Attribution:
    speaker: str = ""
    organisation: str = ""
    officer: bool = False  # an unnamed officer ("the chair of ...") speaks for the organisation
    continues: bool = False


@dataclass
class _Group:
    speaker: str
    organisation: str
    texts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    not_for_clp: bool = False
    officer: bool = False
    also: bool = False


def statement_facts(doc: Document, roles: list[Fact]) -> list[StatementFact]:
    organisation_of = _organisations(roles)
    groups: list[_Group] = []
    last: _Group | None = None
    last_view_index = -10
    for index, view in enumerate(doc.views):
        passages = [p for p in doc.passages if view.sentence.start <= p.start < view.sentence.end]
        masked = _masked(doc, view)
        reported = None if passages else _REPORTED.search(masked)
        if not passages and not reported:
            continue
        attribution = _attribute(doc, view, masked, passages, reported, index, organisation_of, last, last_view_index)
        if attribution is None:
            continue
        if attribution.continues:
            if last is None or index - last_view_index > 2:
                continue
            group = last
        else:
            group = _group_for(groups, attribution, masked)
        texts = [p.text for p in passages] or [_reported_text(doc, view, masked, reported)]
        group.texts += [t for t in texts if t]
        group.spans.append(doc.sentence_span(view))
        group.spans += [doc.span(p.start, p.end) for p in passages if p.end > view.sentence.end]
        group.context.append(masked)
        group.officer = group.officer or attribution.officer
        group.not_for_clp = group.not_for_clp or bool(_PERSONALLY.search(masked) or _NOT_ISSUED.search(masked))
        group.also = group.also or (not group.seats and bool(re.search(r"\balso\b", masked)) and bool(reported))
        medium = _medium(masked)
        if medium:
            group.media.append(medium)
        group.seats += _seats(doc, view, passages, masked, group.speaker)
        if group.also and not group.seats and last is not None and last.seats:
            group.seats.append(last.seats[0])
        last, last_view_index = group, index
    return [fact for group in groups if (fact := _fact(group)) is not None]


def _organisations(roles: list[Fact]) -> dict[str, str]:
    """Person -> the organisation of their first role, CLP roles first."""
    found: dict[str, str] = {}
    for role in roles:
        if isinstance(role, RoleFact) and role.organisation:
            current = found.get(role.person, "")
            if not current or (role.organisation.endswith(" CLP") and not current.endswith(" CLP")):
                found[role.person] = role.organisation
    return found


def _masked(doc: Document, view: SentenceView) -> str:
    """The template with quoted words blanked, so quotations never look like attributions."""
    return mask_quotes(doc, view, view.template, 0)


def _attribute(doc, view, masked, passages, reported, index, organisation_of, last, last_view_index):
    quote_at = masked.find('"') if passages else (reported.start() if reported else len(masked))
    if quote_at < 0:
        quote_at = 0
    verbs = list(_SPEECH.finditer(masked))
    before = [v for v in verbs if v.start() < quote_at]
    after = [v for v in verbs if v.start() >= quote_at]
    if not verbs:
        starts_with_quote = passages and masked.lstrip().startswith('"')
        if starts_with_quote and last is not None and index - last_view_index <= 2:
            return Attribution(continues=True)
        return None
    # Nearest speech verb first ("X has sent an email to members stating: ..." falls back
    # from "stating" to "has sent"); a reported clause takes its own verb first.
    ordered = (before if reported else list(reversed(before))) + after
    for verb in ordered:
        head = masked[: verb.start()].rstrip()
        attribution = _subject(doc, view, head, organisation_of, last, index - last_view_index)
        if attribution is not None:
            return attribution
    return _fallback_subject(view, masked, organisation_of)


def _subject(doc, view, head, organisation_of, last, distance) -> Attribution | None:
    head = _AUX_TAIL.sub("", head)
    head = re.sub(r'^.*"\s*,?\s*"?\s*', "", head) if head.count('"') % 2 == 0 and '"' in head else head
    candidates = [head.rstrip(",").rstrip()]
    if head.endswith(","):
        inner = head[:-1]
        cut = inner.rfind(",")
        if cut >= 0:
            # "The chair of X's CLP, Joel Bodmer, said": a bare name in apposition speaks;
            # "Laura Parker, Momentum's co-ordinator, said": otherwise the head does.
            apposition = inner[cut + 1 :].strip()
            if re.fullmatch(r"\{P\d+\}|" + _CLP_TAIL.pattern + r"|\{C\d+\}", apposition):
                candidates = [apposition, inner[:cut].rstrip()]
            else:
                candidates = [inner[:cut].rstrip(), apposition]
    for candidate in candidates:
        found = _subject_of(doc, view, candidate, organisation_of, last, distance)
        if found is not None:
            return found
    return None


def _subject_of(doc, view, tail, organisation_of, last, distance) -> Attribution | None:
    if match := re.search(r"\{P(\d+)\}$", tail):
        mention = view.mention(match.group(1))
        if not mention.possessive:
            return Attribution(mention.name, organisation_of.get(mention.name, ""))
    if match := _CLP_TAIL.search(tail):
        seat = view.mention(match.group(2)).name if match.group(2) else doc.seat(view.mention(match.group(1)).name)[0]
        return Attribution("", f"{seat} CLP" if seat else "", officer=True) if seat else None
    if match := re.search(r"\{C(\d+)\}$", tail):
        if re.search(r"(?:'s (?:CLP|local party)|CLP),? \{C\d+\}$", tail):
            return Attribution("", f"{view.mention(match.group(1)).name} CLP", officer=True)
    if match := _OFFICER_TAIL.search(tail):
        org = _officer_org(doc, view, match)
        return Attribution("", org, officer=True) if org else None
    if match := re.search(r"\{O(\d+)\}$", tail):
        return Attribution("", view.mention(match.group(1)).name)
    if match := _PARTY_ROLE_TAIL.search(tail):
        return Attribution("", view.mention(match.group(1)).name)
    if _CONTINUATION_TAIL.search(tail):
        if last is not None and distance <= 2:
            return Attribution(continues=True)
        return Attribution()
    if _PRONOUN_TAIL.search(tail):
        return _pronoun(doc, view, organisation_of, last, distance)
    return None


def _officer_org(doc, view, match) -> str:
    if match.group("org"):
        org = view.mention(match.group("org"))
        return f"{org.constituency} CLP" if org.constituency else org.name
    if match.group("mp"):
        seat = doc.seat(view.mention(match.group("mp")).name)[0]
        return f"{seat} CLP" if seat else ""
    clps = {m.name for m in view.mentions if m.kind == "org" and m.name.endswith(" CLP")}
    return next(iter(clps)) if len(clps) == 1 else ""


def _pronoun(doc, view, organisation_of, last, distance) -> Attribution:
    if last is not None and distance == 1 and last.speaker:
        return Attribution(last.speaker, last.organisation)
    position = doc.views.index(view)
    for earlier in reversed(doc.views[max(0, position - 4) : position + 1]):
        people = [
            m for m in earlier.mentions
            if m.kind == "person" and not m.possessive and not doc.in_quote(m.start)
            and (earlier is not view or m.start < view.sentence.end)
        ]
        if people:
            name = people[0].name if earlier is not view else people[-1].name
            return Attribution(name, organisation_of.get(name, ""))
    return Attribution()


def _fallback_subject(view, masked, organisation_of) -> Attribution | None:
    """The sentence's grammatical subject when it opens the sentence: "X and others have urged"."""
    match = re.match(r'^\W*(?:\w+ ){0,2}?\{([PO])(\d+)\}(?!\')', masked)
    if not match:
        return None
    mention = view.mention(match.group(2))
    if match.group(1) == "P":
        return Attribution(mention.name, organisation_of.get(mention.name, ""))
    return Attribution("", mention.name)


def _group_for(groups: list[_Group], attribution: Attribution, masked: str) -> _Group:
    for group in groups:
        if group.speaker == attribution.speaker and group.organisation == attribution.organisation:
            return group
    group = _Group(attribution.speaker, attribution.organisation)
    groups.append(group)
    return group


def _reported_text(doc: Document, view: SentenceView, masked: str, reported) -> str:
    end = len(masked)
    stop = re.search(r", but |; |\. |\.$|:$", masked[reported.end() :])
    if stop:
        end = reported.end() + stop.start()
    return untemplate(view, masked[reported.start() : end]).strip()


def _medium(masked: str) -> str:
    if _NOT_ISSUED.search(masked):
        masked = _NOT_ISSUED.sub("", masked)
    for medium, pattern in _MEDIA:
        if pattern.search(masked):
            return medium
    return ""


def _seats(doc: Document, view: SentenceView, passages: list[Passage], masked: str, speaker: str) -> list[str]:
    """Seats the sentence's words are about: named, or through the one MP they name."""
    in_sentence = [m for m in view.mentions if view.sentence.start <= m.start < view.sentence.end]
    quoted = [m for p in passages for m in _mentions_in(doc, p)]
    named = {m.name for m in in_sentence + quoted if m.kind == "constituency"}
    if len(named) == 1:
        return [next(iter(named))]
    if named:
        return []
    people = {m.name for m in in_sentence + quoted if m.kind == "person" and m.name != speaker}
    seats = {doc.seat(person, outside=False)[0] for person in people} - {""}
    return [next(iter(seats))] if len(seats) == 1 else []


def _mentions_in(doc: Document, passage: Passage):
    for view in doc.views:
        if view.sentence.end <= passage.start or view.sentence.start >= passage.end:
            continue
        for mention in view.mentions:
            if passage.start <= mention.start < passage.end:
                yield mention


def _fact(group: _Group) -> StatementFact | None:
    if not group.speaker and not group.organisation:
        return None
    organisation = group.organisation
    seat = organisation.removesuffix(" CLP") if organisation.endswith(" CLP") else ""
    seat = seat or (group.seats[0] if group.seats else "")
    words = " ".join(group.texts)
    keep = organisation.endswith(" CLP") or group.seats or _KEEP.search(words + " " + " ".join(group.context))
    if not keep or not words:
        return None
    by_clp = organisation.endswith(" CLP") and not group.not_for_clp
    medium = group.media[0] if group.media else ""
    for preferred in ("tweet", "email", "letter", "interview"):
        if preferred in group.media:
            medium = preferred
            break
    stance = next((name for name, pattern in _STANCES if pattern.search(words)), "")
    spans = tuple(dict.fromkeys(group.spans))
    rule = "statement.reported" if not any('"' in c for c in group.context) else "statement.quoted"
    return StatementFact(rule, spans, seat, words, group.speaker, organisation, by_clp, medium, stance)

