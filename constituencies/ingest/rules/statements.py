"""Statement rules: quoted or reported words about a seat, attributed to who said them.

Quoted passages come from `Document.passages`. Each is attributed from the sentence it
opens in, using only the words outside quotation marks: the subject just before a speech
verb ("X said", "X, Momentum's co-ordinator, said", "X's CLP, Y, tweeted", "the
campaign coordinator has said", "Her constituency party responded"), a speaker after the
quotation ('"...," Ms X added'), a pronoun, or "The group"/"The statement" carrying on
the previous statement. A quotation with no attribution continues the one before it.
Sentences without quotation marks can report words ("X has demanded that ...", "X has
told <outlet> that ..."). A coordinated subject ("Labour figures and Momentum have
demanded") gives one statement per organisation.

Passages by the same speaker and organisation merge into one statement; medium, seat and
stance come from any of their sentences. The seat is the speaking CLP's, else the one
named, else that of the one MP the words are about (the speaker's own if an MP speaks),
else, for words about a single unnamed seat ("his seat", "the constituency"), the seat
the story is about. Statements about no seat, by-election or selection, and statements
with no speaker at all, are dropped.
"""

import re
from dataclasses import dataclass, field

from ..document import Document, Passage, mask_quotes
from ..facts import Fact, RoleFact, Span, StatementFact
from ..mentions import SentenceView

_SPEECH = re.compile(
    r"\b(?:said|says|say|added|adding|tweeted|tweets|stating|stated|told|tells|wrote|has written|"
    r"written to|"
    r"described|describes|accused|accusing|accuses|called on|called for|calling on|calling for|"
    r"calls on|"
    r"calls for|urged|urging|urges|demanded|demands|warned|claimed|insisted|argued|"
    r"issued a statement|"
    r"backed calls|informing|emailed|sent an email|responded|saying)\b"
)
_REPORTED = re.compile(
    r"\b(?:urging|calling on|calling for|calls on|backed calls for|accusing|"
    r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!been )said(?: that)?(?! to\b)(?! \W)|"
    r"told (?:\{U\d+\}|(?:a|the) (?:[\w-]+ )?(?:newspaper|paper|reporter|radio|station|programme|"
    r"website))(?: that)?|"
    r"informing (?:them|members) that|"
    r"(?<!be )(?<!been )(?<!being )(?:demanded|urged|called on|called for|accused))\b"
)
# "X has issued a statement." with the words in the sentences that follow.
_OPENER = re.compile(
    r"\b(?:issued|released|put out|published) a statement\b(?! (?:accusing|saying|calling))"
)
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|been|also|already|nonetheless|now|then|too|just|yesterday|today|"
    r"previously|"
    r"later|separately|not|yet|\w+ly))+\s*$"
)
_OFFICER_TAIL = re.compile(
    r"\b[Tt]he (?P<role>(?:[\w-]+ )?(?:coordinator|co-ordinator|chair|chairman|chairwoman|"
    r"secretary|spokesperson|"
    r"spokesman|spokeswoman|treasurer|organiser))(?: of \{O(?P<org>\d+)\}|"
    r" of \{P(?P<mp>\d+)\}'s [\w ]+?)?"
    r"(?:, \{P\d+\}'s (?:CLP|local party))?$"
)
_PARTY_SUBJECT = re.compile(
    r"\{Y(\d+)\} (?:leadership|spokesperson|spokesman|spokeswoman|source|sources|press office|"
    r"figures|"
    r"officials|headquarters|HQ)$|^(?:[Tt]he )?\{Y(\d+)\}$"
)
_COORDINATED = re.compile(
    r"^(?:[\w-]+ ){0,2}?\{([YO])(\d+)\}(?: [a-z]+)? and \{([YO])(\d+)\}(?: [a-z]+)?$"
)
_CLP_TAIL = re.compile(
    r"\{P(\d+)\}'s (?:CLP|local party|constituency (?:Labour )?party)(?:,? \{C(\d+)\})?$"
)
_PRONOUN_CLP_TAIL = re.compile(
    r"\b(?:[Hh]is|[Hh]er) (?:CLP|local party|constituency (?:Labour )?party)$"
)
_THE_CLP_TAIL = re.compile(r"\b[Tt]he (?:CLP|local party|constituency (?:Labour )?party)$")
_CONTINUATION_TAIL = re.compile(
    r"\b(?:[Tt]he (?:[\w-]+ ){0,3}?(?:group|statement|CLP|local party)|It|They)$"
)
_PRONOUN_TAIL = re.compile(r"\b(?:[Hh]e|[Ss]he)$")
# A speech verb under negation or a hedge reports no words: "has not yet issued a
# statement", "is expected to call for", "denied calling for".
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no longer|may|might|could|would|expected to|likely to|unlikely to|"
    r"denied|denies|refused to|declined to)|n't)(?: [\w-]+){0,2} ?$",
    re.IGNORECASE,
)
_NOT_ISSUED = re.compile(r"\bnot (?:yet )?(?:issued|made|released) a statement\b")
_PERSONALLY = re.compile(r"\bpersonally\b")
_KEEP = re.compile(
    r"\b(?:by-elections?|resign\w*|stand down|step down|step aside|select\w*|seat|constituen\w+|"
    r"shortlists?|"
    r"our area|the people of|voters)\b",
    re.IGNORECASE,
)
# Words about several seats at once: no single constituency should be guessed.
_PLURAL_TARGET = re.compile(r"\b(?:MPs|defectors|splitters|constituencies|seats|all of)\b")
_ONE_SEAT = re.compile(
    r"\b(?:his|her|him) (?:seat|constituency|area)\b|\bthe (?:seat|constituency)\b|\b(?:his|her|"
    r"him)\b"
)
_MEDIA = [
    ("tweet", re.compile(r"\b(?:tweet\w*|on Twitter)\b")),
    ("email", re.compile(r"\b(?:e-?mail\w*)\b")),
    ("letter", re.compile(r"\b(?:letter|written to|wrote to|writes to)\b")),
    ("interview", re.compile(r"\b(?:told \{U\d+\}|told (?:the|a) |interview|speaking to)")),
    ("statement", re.compile(r"\bstatement\b")),
]
_STANCES = [
    (
        "calls_for_by_election",
        re.compile(r"\b(?:by-elections?|resign|stand down|step down|step aside)\b", re.I),
    ),
    (
        "critical",
        re.compile(
            r"\b(?:let down|accus\w+|failure|betray\w*|hypocrit\w*|dwarves|annihilat\w+|lack of|"
            r"Trots|wrong|cowardly|squatter)\b",
            re.I,
        ),
    ),
    (
        "supportive",
        re.compile(
            r"\b(?:welcome\w*|thank\w*|principled|praise\w*|honoured|humbled|privilege|proud)\b",
            re.I,
        ),
    ),
]
_PRESS_RELEASE = re.compile(
    r"\b(?:PRESS RELEASE|[Ff]or immediate release|NOTES TO EDITORS|[Nn]otes to editors)\b"
)
# Roles whose holder speaks for the organisation (a "member" does not).
_SPOKESPERSON_TITLE = re.compile(
    r"chair|secretary|co-?ordinator|organiser|leader|spokes|director|convenor|treasurer|officer|"
    r"president"
)


@dataclass
class Attribution:
    speaker: str = ""
    organisation: str = ""
    continues: bool = False
    # Who spoke when the article gives a role but no name ("the campaign coordinator").
    role: str = ""


@dataclass
class _Group:
    speaker: str
    organisation: str
    role: str = ""
    texts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    not_for_clp: bool = False
    several_seats: bool = False
    named_seat: bool = False
    rule: str = ""
    about_one_seat: bool = False
    reported_only: bool = True


def statement_facts(doc: Document, roles: list[Fact]) -> list[StatementFact]:
    organisation_of = _organisations(roles)
    groups: list[_Group] = []
    last: list[_Group] = []
    last_index = -10
    handled = _transcript(doc, groups, organisation_of) | _signed_letter(
        doc, groups, organisation_of
    )
    for index, view in enumerate(doc.views):
        if view.sentence.paragraph in handled:
            continue
        passages = [p for p in doc.passages if view.sentence.start <= p.start < view.sentence.end]
        masked = mask_quotes(doc, view, view.template, 0)
        reported = None if passages else _first_said(_REPORTED, masked)
        opener = None if passages or reported else _first_said(_OPENER, masked)
        if passages and all(_is_fragment(doc, passage) for passage in passages):
            # Quoted words inside a reported clause ('said she should "take the ... path"')
            # are reported speech: the clause is kept whole, as the article words it.
            reported = _fragment_verb(masked)
        if not passages and not reported and not opener:
            continue
        reported = reported or opener
        context = _Context(
            doc, view, index, organisation_of, last[0] if last else None, index - last_index
        )
        attributions = _attribute(context, masked, passages, reported)
        if not attributions:
            continue
        if attributions[0].continues:
            if not last or index - last_index > 2:
                continue
            targets = last
        else:
            targets = [_group_for(groups, attribution) for attribution in attributions]
        if reported and not opener:
            parts = [_reported_part(doc, view, masked, reported)]
        else:
            parts = [(f"“{p.text}”", doc.span(p.start, p.end)) for p in passages]
        for group in targets:
            previous = last[0] if last else None
            _add(doc, view, group, parts, passages, masked, previous, bool(reported))
        last, last_index = targets, index
    for group in groups:
        _settle_seat(doc, group)
    return [fact for group in groups if (fact := _fact(doc, group)) is not None]


_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}):\s+(?=\S)")
# Transcript labels that are not the people the story is about.
_NOT_SPEAKERS = {
    "PRESENTER",
    "INTERVIEWER",
    "HOST",
    "ANCHOR",
    "REPORTER",
    "Q",
    "A",
    "TRANSCRIPT",
    "SUBJECT",
}
_SALUTATION = re.compile(r"Dear [^\n]{1,60}")
_SIGN_OFF = re.compile(
    r"(?:In solidarity|Solidarity|Best wishes|With best wishes|Best|"
    r"Yours(?: sincerely| faithfully)?|Kind regards|Warm regards|Regards|Many thanks|Thanks),?"
)
_EMAIL_HEADER = re.compile(r"^(?:Subject|From|To|Sent):", re.MULTILINE)


def _paragraph_views(doc: Document) -> dict[int, list[SentenceView]]:
    found: dict[int, list[SentenceView]] = {}
    for view in doc.views:
        found.setdefault(view.sentence.paragraph, []).append(view)
    return found


def _transcript(doc: Document, groups: list[_Group], organisation_of: dict[str, str]) -> set[int]:
    """Rule statement.transcript: "MIKE GAPES: I will not resign." is Mike Gapes speaking
    in an interview; a bare surname label is resolved to the full name the text gives."""
    people = {m.name for view in doc.views for m in view.mentions if m.kind == "person"}
    handled: set[int] = set()
    for number, views in _paragraph_views(doc).items():
        first = views[0].sentence
        label = _SPEAKER_LABEL.match(doc.text, first.start)
        if not label or label.group(1) in _NOT_SPEAKERS:
            continue
        wanted = label.group(1).casefold()
        speaker = next(
            (p for p in people if wanted in (p.casefold(), p.split()[-1].casefold())), ""
        )
        if not speaker:
            continue
        handled.add(number)
        context = _Context(doc, views[0], doc.views.index(views[0]), organisation_of, None, 9)
        group = _group_for(groups, _person(context, speaker))
        end = views[-1].sentence.end
        span = doc.span(label.end(), end)
        group.texts.append(f"“{span.quote}”")
        group.spans.append(span)
        group.media.append("interview")
        group.reported_only = False
        group.rule = group.rule or "statement.transcript"
        for view in views:
            group.context.append(view.template)
            seats, several, named = _seats(doc, view, [], speaker)
            group.seats += seats
            group.several_seats = group.several_seats or several
            group.named_seat = group.named_seat or named
    return handled


def _signed_letter(
    doc: Document, groups: list[_Group], organisation_of: dict[str, str]
) -> set[int]:
    """Rule statement.signed_letter: "Dear members, ... In solidarity, <name> / Chair,
    <seat> CLP" is the signatory speaking for their organisation, by email when the text
    carries email headers or says so, else by letter."""
    by_paragraph = _paragraph_views(doc)
    numbers = sorted(by_paragraph)
    texts = {
        n: doc.text[by_paragraph[n][0].sentence.start : by_paragraph[n][-1].sentence.end]
        for n in numbers
    }
    opening = next((n for n in numbers if _SALUTATION.fullmatch(texts[n].rstrip(",:"))), None)
    if opening is None:
        return set()
    closing = next((n for n in numbers if n > opening and _SIGN_OFF.fullmatch(texts[n])), None)
    if closing is None or closing + 1 not in by_paragraph:
        return set()
    signature = [m for v in by_paragraph[closing + 1] for m in v.mentions if m.kind == "person"]
    if not signature:
        return set()
    speaker = signature[0].name
    role = by_paragraph.get(closing + 2, [])
    orgs = [m for v in role for m in v.mentions if m.kind == "org"]
    organisation = orgs[0].name if orgs else organisation_of.get(speaker, "")
    group = _group_for(groups, Attribution(speaker, organisation))
    body = [n for n in numbers if opening < n < closing]
    for n in body:
        views = by_paragraph[n]
        group.texts.append(f"“{texts[n]}”")
        group.spans.append(doc.span(views[0].sentence.start, views[-1].sentence.end))
        for view in views:
            group.spans.append(doc.sentence_span(view))
            group.context.append(view.template)
            seats, several, named = _seats(doc, view, [], speaker)
            group.seats += seats
            group.several_seats = group.several_seats or several
            group.named_seat = group.named_seat or named
    for n in (closing + 1, closing + 2):
        group.spans += [doc.sentence_span(view) for view in by_paragraph.get(n, [])]
    email = _EMAIL_HEADER.search(doc.text) or re.search(r"\be-?mail\b", doc.text, re.IGNORECASE)
    group.media.append("email" if email else "letter")
    group.reported_only = False
    group.rule = group.rule or "statement.signed_letter"
    return {opening, closing, closing + 1, closing + 2, *body}


@dataclass
class _Context:
    doc: Document
    view: SentenceView
    index: int
    organisation_of: dict[str, str]
    last: _Group | None
    distance: int


def _add(doc, view, group, parts, passages, masked, previous, reported) -> None:
    """Add a sentence's words to a statement: each part is its text as shown and the exact
    span it stands for; the sentence itself is evidence of who spoke."""
    texts = [text for text, _ in parts if text]
    group.texts += texts
    group.spans.append(doc.sentence_span(view))
    group.spans += [span for text, span in parts if text]
    group.context.append(masked)
    group.reported_only = group.reported_only and reported
    group.not_for_clp = group.not_for_clp or bool(
        _PERSONALLY.search(masked) or _NOT_ISSUED.search(masked)
    )
    if medium := _medium(masked):
        group.media.append(medium)
    words = " ".join(texts) + " " + masked
    if _PLURAL_TARGET.search(words):
        group.several_seats = True
    if _ONE_SEAT.search(words):
        group.about_one_seat = True
    seats, ambiguous, named = _seats(doc, view, passages, group.speaker)
    group.seats += seats
    group.named_seat = group.named_seat or named
    group.several_seats = group.several_seats or ambiguous
    if (
        not group.seats
        and re.search(r"\balso\b", masked)
        and previous is not None
        and previous.seats
    ):
        group.seats.append(previous.seats[0])


def _organisations(roles: list[Fact]) -> dict[str, str]:
    """Person -> the organisation they speak for: their first office, a CLP office first."""
    found: dict[str, str] = {}
    for role in roles:
        if (
            isinstance(role, RoleFact)
            and role.organisation
            and _SPOKESPERSON_TITLE.search(role.title)
        ):
            current = found.get(role.person, "")
            if not current or (role.organisation.endswith(" CLP") and not current.endswith(" CLP")):
                found[role.person] = role.organisation
    return found


def _attribute(
    context: _Context, masked: str, passages: list[Passage], reported
) -> list[Attribution]:
    quote_at = masked.find('"') if passages else (reported.start() if reported else len(masked))
    quote_at = max(quote_at, 0)
    verbs = [v for v in _SPEECH.finditer(masked) if not _NEGATED.search(masked[: v.start()])]
    if not verbs:
        starts_with_quote = passages and masked.lstrip().startswith('"')
        if starts_with_quote and context.last is not None and context.distance <= 2:
            return [Attribution(continues=True)]
        return []
    before = [v for v in verbs if v.start() < quote_at]
    after = [v for v in verbs if v.start() >= quote_at]
    # Nearest speech verb first ("X has sent an email to members stating: ..." falls back
    # from "stating" to "has sent"); a reported clause takes its own verb first.
    for verb in (before if reported else list(reversed(before))) + after:
        found = _subject(context, masked[: verb.start()].rstrip())
        if found:
            return found
    for verb in after:
        # '"...," said Stockport CLP secretary Mark Evans.'
        if found := _inverted_subject(context, masked[verb.end() :]):
            return found
    return _fallback_subject(context, masked)


_PERSON_AFTER_VERB = re.compile(r"^\s*(?:(?:[\w'-]+|\{[OYCU]\d+\}(?:'s)?) ){0,5}?\{P(\d+)\}(?!')")
_ORG_AFTER_VERB = re.compile(r"^\s*(?:the |a )?\{O(\d+)\}(?!')")


def _inverted_subject(context: _Context, rest: str) -> list[Attribution]:
    if match := _PERSON_AFTER_VERB.match(rest):
        return [_person(context, context.view.mention(match.group(1)).name)]
    if match := _ORG_AFTER_VERB.match(rest):
        return [Attribution("", context.view.mention(match.group(1)).name)]
    return []


def _subject(context: _Context, head: str) -> list[Attribution]:
    head = _AUX_TAIL.sub("", head)
    if '"' in head and head.count('"') % 2 == 0:
        head = re.sub(r'^.*"\s*,?\s*', "", head)  # '"...," Ms Parker added': after the quote
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
        found = _subject_of(context, candidate)
        if found:
            return found
    return []


def _subject_of(context: _Context, tail: str) -> list[Attribution]:
    doc, view = context.doc, context.view
    if match := re.search(r"\{P(\d+)\}$", tail):
        mention = view.mention(match.group(1))
        if not mention.possessive:
            return [_person(context, mention.name)]
    if match := _CLP_TAIL.search(tail):
        if match.group(2):
            seat = view.mention(match.group(2)).name
        else:
            seat = doc.seat(view.mention(match.group(1)).name)[0]
        return [Attribution("", f"{seat} CLP")] if seat else []
    if match := re.search(r"(?:'s (?:CLP|local party)|CLP),? \{C(\d+)\}$", tail):
        return [Attribution("", f"{view.mention(match.group(1)).name} CLP")]
    if _PRONOUN_CLP_TAIL.search(tail):
        seat = doc.seat(doc.recent_subject(context.index))[0]
        return [Attribution("", f"{seat} CLP")] if seat else []
    if match := _OFFICER_TAIL.search(tail):
        org = _officer_org(context, match)
        return [Attribution("", org, role=match.group("role"))] if org else []
    if match := _COORDINATED.search(tail):
        return [
            Attribution("", view.mention(match.group(2)).name),
            Attribution("", view.mention(match.group(4)).name),
        ]
    if match := re.search(r"\{O(\d+)\}$", tail):
        return [Attribution("", view.mention(match.group(1)).name)]
    if match := _PARTY_SUBJECT.search(tail.strip()):
        return [Attribution("", view.mention(match.group(1) or match.group(2)).name)]
    if _THE_CLP_TAIL.search(tail):
        # "The CLP" carries on only a CLP's words; otherwise it is the story's seat's CLP.
        last = context.last
        if last is not None and context.distance <= 2 and last.organisation.endswith(" CLP"):
            return [Attribution(continues=True)]
        seat = doc.focus_seat()
        return [Attribution("", f"{seat} CLP")] if seat else []
    if _CONTINUATION_TAIL.search(tail):
        if context.last is not None and context.distance <= 2:
            return [Attribution(continues=True)]
        return [Attribution()]
    if _PRONOUN_TAIL.search(tail):
        return [_pronoun(context)]
    return []


def _person(context: _Context, name: str) -> Attribution:
    # An MP speaks for themselves, whatever else they chair.
    if context.doc.seat(name, outside=False)[0]:
        return Attribution(name, "")
    return Attribution(name, context.organisation_of.get(name, ""))


def _officer_org(context: _Context, match) -> str:
    doc, view = context.doc, context.view
    if match.group("org"):
        org = view.mention(match.group("org"))
        return f"{org.constituency} CLP" if org.constituency else org.name
    if match.group("mp"):
        seat = doc.seat(view.mention(match.group("mp")).name)[0]
        return f"{seat} CLP" if seat else ""
    clps = {m.name for m in view.mentions if m.kind == "org" and m.name.endswith(" CLP")}
    return next(iter(clps)) if len(clps) == 1 else ""


def _pronoun(context: _Context) -> Attribution:
    if context.last is not None and context.distance == 1 and context.last.speaker:
        return Attribution(context.last.speaker, context.last.organisation)
    name = context.doc.recent_subject(context.index, include_current=False, back=4)
    return _person(context, name) if name else Attribution()


def _fallback_subject(context: _Context, masked: str) -> list[Attribution]:
    """The sentence's subject when it opens the sentence: "X and others have urged ..."."""
    match = re.match(r"^\W*(?:\w+ ){0,2}?\{([PO])(\d+)\}(?!\')", masked)
    if not match:
        return []
    mention = context.view.mention(match.group(2))
    if match.group(1) == "P":
        return [_person(context, mention.name)]
    return [Attribution("", mention.name)]


def _group_for(groups: list[_Group], attribution: Attribution) -> _Group:
    who = (attribution.speaker, attribution.organisation, attribution.role)
    for group in groups:
        if (group.speaker, group.organisation, group.role) == who:
            return group
    group = _Group(attribution.speaker, attribution.organisation, attribution.role)
    groups.append(group)
    return group


def _first_said(pattern: re.Pattern, masked: str):
    """The first match of a speech pattern that is neither negated nor hedged."""
    return next(
        (m for m in pattern.finditer(masked) if not _NEGATED.search(masked[: m.start()])), None
    )


def _is_fragment(doc: Document, passage: Passage) -> bool:
    """Quoted words that carry on a clause of the sentence rather than stand on their own:
    they open in lower case, and not after a colon."""
    first = next((char for char in passage.text if char.isalpha()), "")
    before = doc.text[: passage.start - 1].rstrip()
    return first.islower() and not before.endswith(":")


def _fragment_verb(masked: str):
    """The speech verb that introduces a sentence's quoted fragments: the last one before
    the first quotation mark that is neither negated nor hedged."""
    verbs = [
        v
        for v in _SPEECH.finditer(masked[: masked.find('"')])
        if not _NEGATED.search(masked[: v.start()])
    ]
    return verbs[-1] if verbs else None


def _reported_part(doc: Document, view: SentenceView, masked: str, reported) -> tuple[str, Span]:
    """The reported clause from its verb to the clause's end, as the exact article span."""
    end = len(masked)
    stop = re.search(r", but |; |\. |\.$|:$", masked[reported.end() :])
    if stop:
        end = reported.end() + stop.start()
    while end > reported.start() and masked[end - 1] in " ,":
        end -= 1
    span = doc.span(doc.article_offset(view, reported.start()), doc.article_offset(view, end))
    # "..., local members said." reports no words of its own.
    return (span.quote if end > reported.end() else ""), span


def _medium(masked: str) -> str:
    masked = _NOT_ISSUED.sub("", masked)
    for medium, pattern in _MEDIA:
        if pattern.search(masked):
            return medium
    return ""


def _seats(
    doc: Document, view: SentenceView, passages: list[Passage], speaker: str
) -> tuple[list[str], bool, bool]:
    """(seats the words name or imply through the one MP they name, several seats, named)."""
    in_sentence = [m for m in view.mentions if not doc.in_quote(m.start)]
    quoted = [m for p in passages for m in _mentions_in(doc, p)]
    named = {m.name for m in in_sentence + quoted if m.kind == "constituency"}
    if len(named) == 1:
        return [next(iter(named))], False, True
    if named:
        return [], True, True
    people = {m.name for m in in_sentence + quoted if m.kind == "person" and m.name != speaker}
    seats = {doc.seat(person, outside=False)[0] for person in people} - {""}
    if len(seats) == 1:
        return [next(iter(seats))], False, False
    return [], len(seats) > 1, False


def _settle_seat(doc: Document, group: _Group) -> None:
    if group.organisation.endswith(" CLP") or group.seats:
        return
    own = doc.seat(group.speaker, outside=False)[0] if group.speaker else ""
    if own:
        group.seats.append(own)
    elif (
        group.about_one_seat
        and not group.several_seats
        and doc.focus_seat()
        or not group.several_seats
        and not group.reported_only
        and doc.focus_seat()
    ):
        group.seats.append(doc.focus_seat())


def _mentions_in(doc: Document, passage: Passage):
    for view in doc.views:
        if view.sentence.end <= passage.start or view.sentence.start >= passage.end:
            continue
        for mention in view.mentions:
            if passage.start <= mention.start < passage.end:
                yield mention


def _fact(doc: Document, group: _Group) -> StatementFact | None:
    if not group.speaker and not group.organisation:
        return None
    organisation = group.organisation
    seat = organisation.removesuffix(" CLP") if organisation.endswith(" CLP") else ""
    seat = seat or (group.seats[0] if group.seats else "")
    words = " … ".join(dict.fromkeys(group.texts))
    keep = (
        organisation.endswith(" CLP")
        or group.named_seat
        or _KEEP.search(words + " " + " ".join(group.context))
    )
    if not keep or not words:
        return None
    by_clp = organisation.endswith(" CLP") and not group.not_for_clp
    medium = next((m for m in ("tweet", "email", "letter", "interview") if m in group.media), "")
    medium = medium or (group.media[0] if group.media else "")
    if not medium and _PRESS_RELEASE.search(doc.text) and group.organisation:
        medium = "statement"  # words quoted in an organisation's own press release
    stance = next((name for name, pattern in _STANCES if pattern.search(words)), "")
    spans = tuple(dict.fromkeys(group.spans))
    rule = group.rule or ("statement.reported" if group.reported_only else "statement.quoted")
    return StatementFact(
        rule,
        spans,
        seat,
        words,
        group.speaker,
        organisation,
        by_clp,
        medium,
        stance,
        "" if group.speaker else group.role,
    )
