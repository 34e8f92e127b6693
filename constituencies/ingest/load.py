"""Load layer: write one article's extracted facts to the database. The only ingest
module that touches the ORM.

Every record is upserted on its natural key (see the README) and its evidence spans
are attached. Fields an editor changed (`edited_fields`) are never overwritten, and a
fact an editor rejected stays rejected: the loader does not touch `review`. When an
article is re-processed, its evidence rows that this run did not produce are deleted,
and so are facts left with no evidence at all, unless an editor has touched them.
The caller wraps each article in its own transaction.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import slugify

from constituencies import models

DATA = Path(__file__).parent / "data"

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@cache
def organisation_kinds():
    return json.loads((DATA / "organisation_kinds.json").read_text(encoding="utf-8"))


@dataclass
class LoadResult:
    article: models.Article
    counts: Counter = field(default_factory=Counter)
    removed: int = 0
    duplicate_of: str = ""


def unique_slug(model, name, exclude_pk=None):
    base = slugify(name)[:180] or "item"
    slug, n = base, 2
    taken = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class ArticleLoader:
    """Upserts the records of one extracted article. Use once per article."""

    def __init__(self, article, *, text_changed):
        self.article = article
        self.result = LoadResult(article)
        evidence = models.Evidence.objects.filter(article=article)
        # Facts this article supported before the run: any left with no evidence after it
        # are stale.
        self._before = set(evidence.values_list("content_type_id", "object_id"))
        if text_changed:
            # Offsets into the old text mean nothing now; the facts are re-attached below.
            evidence.delete()
            self._previous = {}
        else:
            self._previous = {
                (row.content_type_id, row.rule, row.start, row.end): row.object_id
                for row in evidence
            }
        self._kept_evidence = set()
        self._people = {}
        self._seats = {}
        self._organisations = {}
        # People and seats first made this run, so a fact that fills them in counts as new.
        self._new = set()
        self._touched = set()

    # -- records ---------------------------------------------------------------

    def upsert(self, model, key, values, fact):
        """Find the record by natural key (or by this article's earlier evidence for the
        same span and rule, in case an editor changed a key field), create or update it
        without overwriting edited fields, and attach the fact's evidence."""
        content_type = ContentType.objects.get_for_model(model)
        # The row stays locked until the article's transaction ends, so an editor saving
        # the same record meanwhile waits, then wins, instead of being overwritten.
        rows = model.objects.select_for_update()
        obj = rows.filter(**key).first()
        if obj is None:
            earlier = {
                self._previous.get((content_type.id, fact.rule, span.start, span.end))
                for span in fact.evidence
            } - {None}
            obj = rows.filter(pk__in=earlier).first() if earlier else None
        if obj is None:
            obj = model.objects.create(**key, **values)
            self._new.add((model, obj.pk))
            state = CREATED
        else:
            # Where other articles (or earlier facts of this one) also support the record,
            # they may disagree: this fact only fills blanks, so re-loading settles on the
            # same values.
            shared = (model, obj.pk) in self._touched or (
                models.Evidence.objects.filter(content_type=content_type, object_id=obj.pk)
                .exclude(article=self.article)
                .exists()
            )
            changed = {
                name: value
                for name, value in values.items()
                if name not in obj.edited_fields
                and getattr(obj, name) != value
                and not (shared and getattr(obj, name) not in ("", None))
            }
            for name, value in changed.items():
                setattr(obj, name, value)
            if changed:
                obj.save(update_fields=[*changed, "updated_at"])
            if (model, obj.pk) in self._new:
                state = CREATED
            else:
                state = UPDATED if changed else UNCHANGED
        self._touched.add((model, obj.pk))
        self.attach(obj, content_type, fact)
        return obj, state

    def attach(self, obj, content_type, fact):
        for span in fact.evidence:
            self._kept_evidence.add((content_type.id, obj.pk, span.start, span.end))
            if self._previous.get((content_type.id, fact.rule, span.start, span.end)) == obj.pk:
                continue
            models.Evidence.objects.get_or_create(
                article=self.article,
                content_type=content_type,
                object_id=obj.pk,
                start=span.start,
                end=span.end,
                defaults={"quote": span.quote, "rule": fact.rule},
            )

    def count(self, state, kind):
        self.result.counts[state] += 1
        self.result.counts[f"{kind}:{state}"] += 1

    def organisation(self, name, fact=None):
        if not name:
            return None
        if name in self._organisations:
            return self._organisations[name]
        obj = models.Organisation.objects.filter(name__iexact=name).first()
        if obj is None:
            kind, parent, seat = self._organisation_shape(name)
            obj = models.Organisation.objects.create(
                name=name,
                slug=unique_slug(models.Organisation, name),
                kind=kind,
                parent=parent,
                constituency=seat,
            )
        self._organisations[name] = obj
        return obj

    def _organisation_shape(self, name):
        known = organisation_kinds().get(name)
        if known:
            return known, None, None
        if name.endswith(" CLP"):
            return "clp", self.organisation("Labour"), self.constituency(name.removesuffix(" CLP"))
        if name.endswith(" Momentum"):
            return "campaign", self.organisation("Momentum"), None
        if name.endswith((" Council", " council")):
            return "council", None, None
        return "other", None, None

    def constituency(self, name):
        if not name:
            return None
        if name in self._seats:
            return self._seats[name]
        slug = models.seat_slug(name)
        obj = models.Constituency.objects.filter(Q(name__iexact=name) | Q(slug=slug)).first()
        if obj is None:
            obj = models.Constituency.objects.create(name=name, slug=slug)
            self._new.add((models.Constituency, obj.pk))
        self._seats[name] = obj
        return obj

    def person(self, name):
        """Resolve a name to a person: exact name, then a unique alias or surname match
        among people already known (so "Umunna" in a later article is Chuka Umunna)."""
        if not name:
            return None
        if name in self._people:
            return self._people[name]
        obj = models.Person.objects.filter(name__iexact=name).first()
        if obj is None and " " not in name.strip():
            matches = list(
                models.Person.objects.filter(
                    Q(aliases__alias__iexact=name) | Q(name__iendswith=f" {name}")
                ).distinct()[:2]
            )
            obj = matches[0] if len(matches) == 1 else None
        if obj is None:
            obj = models.Person.objects.create(name=name, slug=unique_slug(models.Person, name))
            self._new.add((models.Person, obj.pk))
        self._people[name] = obj
        return obj

    # -- facts -----------------------------------------------------------------

    def load(self, fact):
        handler = getattr(self, f"load_{type(fact).__name__}")
        kind, state = handler(fact)
        self.count(state, kind)

    def load_PersonFact(self, fact):
        person = self.person(fact.name)
        values = {}
        if fact.description:
            values["description"] = fact.description[:300]
        if fact.party:
            values["party"] = self.organisation(fact.party)
        _, state = self.upsert(models.Person, {"pk": person.pk}, values, fact)
        for alias in fact.aliases:
            if alias != person.name:
                models.PersonAlias.objects.get_or_create(person=person, alias=alias)
        return "person", state

    def load_RoleFact(self, fact):
        key = {
            "person": self.person(fact.person),
            "title": fact.title[:200],
            "organisation": self.organisation(fact.organisation),
        }
        return "role", self.upsert(models.Role, key, {}, fact)[1]

    def load_SeatFact(self, fact):
        seat = self.constituency(fact.constituency)
        values = {"mp": self.person(fact.person)}
        return "seat", self.upsert(models.Constituency, {"pk": seat.pk}, values, fact)[1]

    def load_PartyMoveFact(self, fact):
        key = {"person": self.person(fact.person), "from_party": self.organisation(fact.from_party)}
        values = {"to_group": self.organisation(fact.to_group)}
        if fact.constituency:
            values["constituency"] = self.constituency(fact.constituency)
        if fact.date_text:
            values["date_text"] = fact.date_text[:100]
        return "party_move", self.upsert(models.PartyMove, key, values, fact)[1]

    def load_MajorityFact(self, fact):
        key = {
            "constituency": self.constituency(fact.constituency),
            "year": fact.year,
            "majority": fact.majority,
        }
        return "majority", self.upsert(models.Majority, key, {}, fact)[1]

    def load_ShortlistFact(self, fact):
        key = {"constituency": self.constituency(fact.constituency), "kind": fact.kind}
        values = {"decided_by": self.organisation(fact.decided_by), "firmness": fact.firmness}
        return "shortlist", self.upsert(models.ShortlistDecision, key, values, fact)[1]

    def load_CandidacyFact(self, fact):
        key = {
            "person": self.person(fact.person),
            "constituency": self.constituency(fact.constituency),
        }
        values = {}
        existing = models.Candidacy.objects.filter(**key).first()
        # A later stage of selection wins over an earlier one, whichever article is read
        # last; the status an article gives stays in its evidence.
        if existing is None or stage(fact.status) >= stage(existing.status):
            values["status"] = fact.status
        if fact.description:
            values["description"] = fact.description[:300]
        candidacy, state = self.upsert(models.Candidacy, key, values, fact)
        backers = {self.organisation(name) for name in fact.backers}
        if "backers" not in candidacy.edited_fields and not backers <= set(candidacy.backers.all()):
            candidacy.backers.add(*backers)
            if state == UNCHANGED:
                state = UPDATED
        return "candidacy", state

    def load_StatementFact(self, fact):
        key = {"constituency": self.constituency(fact.constituency), "text": fact.text}
        values = {
            "speaker": self.person(fact.speaker),
            "organisation": self.organisation(fact.organisation),
            "by_clp": fact.by_clp,
            "medium": fact.medium,
            "stance": fact.stance,
        }
        return "statement", self.upsert(models.Statement, key, values, fact)[1]

    def load_EventFact(self, fact):
        key = {
            "constituency": self.constituency(fact.constituency),
            "kind": fact.kind,
            "description": fact.description[:500],
            "person": self.person(fact.person),
        }
        values = {"date_text": fact.date_text[:100]}
        return "event", self.upsert(models.Event, key, values, fact)[1]

    # -- stale facts -------------------------------------------------------------

    def remove_stale(self):
        """Drop this article's evidence that the run did not produce, then the purely
        machine-made facts left with no evidence from any article. People, seats and
        organisations stay: other records and editors refer to them."""
        for row in models.Evidence.objects.filter(article=self.article):
            if (row.content_type_id, row.object_id, row.start, row.end) not in self._kept_evidence:
                row.delete()
        for content_type_id, object_id in sorted(self._before):
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model in (models.Person, models.Constituency, models.Organisation):
                continue
            supported = models.Evidence.objects.filter(
                content_type_id=content_type_id, object_id=object_id
            ).exists()
            if not supported:
                deleted, _ = model.objects.filter(
                    pk=object_id,
                    origin=models.Origin.EXTRACTED,
                    edited_fields=[],
                    review=models.Review.UNREVIEWED,
                ).delete()
                self.result.removed += bool(deleted)


STAGES = ["tipped", "applied", "longlisted", "shortlisted", "selected"]


def stage(status):
    """Order of selection stages; withdrawing ends a candidacy whatever came before."""
    return len(STAGES) if status == "withdrawn" else STAGES.index(status)


def find_article(raw):
    """The stored article this text is, or replaces: same text, else same file name."""
    article = models.Article.objects.filter(sha256=raw.sha256).first()
    if article is None and raw.filename:
        article = models.Article.objects.filter(filename=raw.filename).first()
    return article


def load_article(raw, extraction, *, article=None, **metadata):
    """Upsert the article and its facts; returns a `LoadResult`. Call inside a transaction.

    `article` is the row to update (the admin passes it); otherwise it is found by text
    or file name. `metadata` (title, publisher, published, url) given by an editor wins;
    what the extractor guessed only fills blanks, so an edited title survives re-loading.
    """
    if article is None:
        duplicate = models.Article.objects.filter(sha256=raw.sha256).exclude(filename=raw.filename)
        if raw.filename and duplicate.exists():
            first = duplicate.first()
            return LoadResult(first, duplicate_of=first.filename or first.slug)
        article = find_article(raw)
    guessed = {"title": extraction.title, "publisher": extraction.publisher}
    if article is None:
        fields = {**guessed, **{k: v for k, v in metadata.items() if v}}
        slug_source = Path(raw.filename).stem if raw.filename else fields.get("title") or raw.sha256
        article = models.Article.objects.create(
            filename=raw.filename,
            slug=unique_slug(models.Article, slug_source[:100]),
            text=raw.text,
            sha256=raw.sha256,
            **fields,
        )
        text_changed = True
    else:
        text_changed = article.sha256 != raw.sha256
        changes = {"text": raw.text, "sha256": raw.sha256}
        changes |= {k: v for k, v in guessed.items() if v and not getattr(article, k)}
        changes |= {k: v for k, v in metadata.items() if v}
        changes = {k: v for k, v in changes.items() if getattr(article, k) != v}
        for name, value in changes.items():
            setattr(article, name, value)
        if changes:
            article.save()
    loader = ArticleLoader(article, text_changed=text_changed)
    for fact in extraction.facts:
        loader.load(fact)
    loader.remove_stale()
    return loader.result
