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
from django.db.models import Model, Q
from django.utils.text import slugify

from constituencies import models

DATA = Path(__file__).parent / "data"

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# The key field each kind of record is fetched by (the first of these its key has).
LEAD_FIELDS = ("pk", "constituency", "person")


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


def locked(model):
    """Rows of `model` locked until the transaction ends. Only the model's own table is
    locked, and unordered: ordering by a related field joins a table PostgreSQL will not
    lock on the nullable side of an outer join."""
    return model.objects.select_for_update(of=("self",)).order_by()


def stored(obj, name):
    """A field's stored value; the id for a relation, so comparing costs no query."""
    return getattr(obj, obj._meta.get_field(name).attname)


def comparable(value):
    return value.pk if isinstance(value, Model) else value


def identity(model, key, row=None):
    """A hashable natural key: from a key dict, or (given `row`) read off a fetched row
    for the same fields, so planned facts and fetched rows can be matched."""
    parts = []
    for name, value in sorted(key.items()):
        if row is not None:
            value = row.pk if name == "pk" else stored(row, name)
        parts.append((name, comparable(value)))
    return (model, tuple(parts))


@dataclass
class Plan:
    """What one fact will write: the record's natural key, the values it brings, and
    hooks to adjust those values against the stored row and to finish afterwards."""

    kind: str
    model: type
    key: dict
    values: dict
    fact: object
    adjust: object = None
    finish: object = None

    @property
    def identity(self):
        return identity(self.model, self.key)

    def values_for(self, existing):
        return self.adjust(existing, self.values) if self.adjust else self.values


class Names:
    """Names to rows for a whole run: people, seats and organisations are looked up once
    and remembered, so each fact costs no lookups of its own. Rows made for an article
    that then rolls back must be forgotten (`forget()`), or a later article would point
    at rows that no longer exist."""

    def __init__(self):
        self.forget()

    def forget(self):
        self._people = {}
        self._seats = {}
        self._organisations = {}
        self._aliases = None
        self.created = set()

    def organisation(self, name):
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
            self.created.add((models.Constituency, obj.pk))
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
            self.created.add((models.Person, obj.pk))
        self._people[name] = obj
        return obj

    def add_alias(self, person, alias):
        if self._aliases is None:
            self._aliases = set(models.PersonAlias.objects.values_list("person_id", "alias"))
        if (person.pk, alias) not in self._aliases:
            models.PersonAlias.objects.create(person=person, alias=alias)
            self._aliases.add((person.pk, alias))


class ArticleLoader:
    """Upserts the records of one extracted article. Use once per article."""

    def __init__(self, article, *, text_changed, names=None):
        self.article = article
        self.names = names or Names()
        self.names.created = set()
        self.result = LoadResult(article)
        evidence = models.Evidence.objects.filter(article=article)
        rows = list(evidence.values_list("content_type_id", "object_id", "rule", "start", "end"))
        # Facts whose evidence from this article went before the run: they may be stale.
        self._dropped = set()
        if text_changed:
            # Offsets into the old text mean nothing now; the facts are re-attached below.
            evidence.delete()
            self._dropped = {(ct, obj) for ct, obj, *_ in rows}
            rows = []
        # Which record this article's span and rule supported, to find it again if an
        # editor has since changed one of its key fields.
        self._previous = {(ct, rule, start, end): obj for ct, obj, rule, start, end in rows}
        self._existing_spans = {(ct, obj, start, end) for ct, obj, _, start, end in rows}
        self._kept_evidence = set()
        self._pending_evidence = {}
        # Records first made for this article, so a fact that fills them in counts as new.
        self._new = self.names.created
        self._touched = set()
        self._rows = {}

    # -- records ---------------------------------------------------------------

    def prefetch(self, plans):
        """Fetch every record the article's facts name, one query per kind of record,
        locking the rows until the article's transaction ends: an editor saving one of
        them meanwhile waits, then wins, instead of being overwritten."""
        by_model = {}
        for plan in plans:
            by_model.setdefault(plan.model, {})[plan.identity] = plan.key
        for model, keys in by_model.items():
            keys = list(keys.values())
            # Rows are fetched by one indexed field and matched on the whole key here: an
            # OR of composite conditions is far slower for the database to plan.
            lead = next(name for name in LEAD_FIELDS if name in keys[0])
            wanted = {comparable(key[lead]) for key in keys}
            query = Q(**{f"{lead}__in": wanted - {None}})
            if None in wanted:
                query |= Q(**{f"{lead}__isnull": True})
            rows = locked(model).filter(query)
            if model is models.Candidacy:
                rows = rows.prefetch_related("backers")
            for row in rows:
                self._rows[identity(model, keys[0], row)] = row

    def upsert(self, plan):
        """Find the record by natural key (or by this article's earlier evidence for the
        same span and rule, in case an editor changed a key field), create or update it
        without overwriting edited fields, and attach the fact's evidence."""
        model, fact = plan.model, plan.fact
        content_type = ContentType.objects.get_for_model(model)
        obj = self._rows.get(plan.identity)
        if obj is None:
            earlier = {
                self._previous.get((content_type.id, fact.rule, span.start, span.end))
                for span in fact.evidence
            } - {None}
            obj = locked(model).filter(pk__in=earlier).first() if earlier else None
        values = plan.values_for(obj)
        if obj is None:
            obj = model.objects.create(**plan.key, **values)
            self._new.add((model, obj.pk))
            state = CREATED
        else:
            # Where other articles (or earlier facts of this one) also support the record,
            # they may disagree: this fact only fills blanks, so re-loading settles on the
            # same values.
            changed = {
                name: value
                for name, value in values.items()
                if name not in obj.edited_fields and stored(obj, name) != comparable(value)
            }
            if changed and self.is_shared(model, content_type, obj):
                changed = {
                    name: value
                    for name, value in changed.items()
                    if stored(obj, name) in ("", None)
                }
            for name, value in changed.items():
                setattr(obj, name, value)
            if changed:
                obj.save(update_fields=[*changed, "updated_at"])
            state = CREATED if (model, obj.pk) in self._new else UPDATED if changed else UNCHANGED
        self._rows[plan.identity] = obj
        self._touched.add((model, obj.pk))
        self.attach(obj, content_type, fact)
        return obj, state

    def is_shared(self, model, content_type, obj):
        """Whether other articles, or earlier facts of this one, also support the record."""
        return (model, obj.pk) in self._touched or (
            models.Evidence.objects.filter(content_type=content_type, object_id=obj.pk)
            .exclude(article=self.article)
            .exists()
        )

    def attach(self, obj, content_type, fact):
        for span in fact.evidence:
            key = (content_type.id, obj.pk, span.start, span.end)
            self._kept_evidence.add(key)
            if key in self._existing_spans or key in self._pending_evidence:
                continue
            self._pending_evidence[key] = models.Evidence(
                article=self.article,
                content_type=content_type,
                object_id=obj.pk,
                start=span.start,
                end=span.end,
                quote=span.quote,
                rule=fact.rule,
            )

    def write_evidence(self):
        """Insert the new evidence rows in one statement, each checked like a single save."""
        rows = list(self._pending_evidence.values())
        for row in rows:
            row.clean()
        models.Evidence.objects.bulk_create(rows)

    def count(self, state, kind):
        self.result.counts[state] += 1
        self.result.counts[f"{kind}:{state}"] += 1

    def organisation(self, name):
        return self.names.organisation(name)

    def constituency(self, name):
        return self.names.constituency(name)

    def person(self, name):
        return self.names.person(name)

    # -- facts -----------------------------------------------------------------

    def load_all(self, facts):
        plans = [getattr(self, f"plan_{type(fact).__name__}")(fact) for fact in facts]
        self.prefetch(plans)
        for plan in plans:
            obj, state = self.upsert(plan)
            if plan.finish:
                state = plan.finish(obj, state)
            self.count(state, plan.kind)

    def plan_PersonFact(self, fact):
        person = self.person(fact.name)
        values = {}
        if fact.description:
            values["description"] = fact.description[:300]
        if fact.party:
            values["party"] = self.organisation(fact.party)

        def add_aliases(person, state):
            for alias in fact.aliases:
                if alias != person.name:
                    self.names.add_alias(person, alias)
            return state

        return Plan("person", models.Person, {"pk": person.pk}, values, fact, finish=add_aliases)

    def plan_RoleFact(self, fact):
        key = {
            "person": self.person(fact.person),
            "title": fact.title[:200],
            "organisation": self.organisation(fact.organisation),
        }
        return Plan("role", models.Role, key, {}, fact)

    def plan_SeatFact(self, fact):
        seat = self.constituency(fact.constituency)
        values = {"mp": self.person(fact.person)}
        return Plan("seat", models.Constituency, {"pk": seat.pk}, values, fact)

    def plan_PartyMoveFact(self, fact):
        key = {"person": self.person(fact.person), "from_party": self.organisation(fact.from_party)}
        values = {"to_group": self.organisation(fact.to_group)}
        if fact.constituency:
            values["constituency"] = self.constituency(fact.constituency)
        if fact.date_text:
            values["date_text"] = fact.date_text[:100]
        return Plan("party_move", models.PartyMove, key, values, fact)

    def plan_MajorityFact(self, fact):
        key = {
            "constituency": self.constituency(fact.constituency),
            "year": fact.year,
            "majority": fact.majority,
        }
        return Plan("majority", models.Majority, key, {}, fact)

    def plan_ShortlistFact(self, fact):
        key = {"constituency": self.constituency(fact.constituency), "kind": fact.kind}
        values = {"decided_by": self.organisation(fact.decided_by), "firmness": fact.firmness}
        return Plan("shortlist", models.ShortlistDecision, key, values, fact)

    def plan_CandidacyFact(self, fact):
        key = {
            "person": self.person(fact.person),
            "constituency": self.constituency(fact.constituency),
        }
        values = {"status": fact.status}
        if fact.description:
            values["description"] = fact.description[:300]
        backers = {self.organisation(name) for name in fact.backers}

        def later_stage_only(existing, values):
            # A later stage of selection wins over an earlier one, whichever article is
            # read last; the status an article gives stays in its evidence.
            if existing is not None and stage(fact.status) < stage(existing.status):
                return {k: v for k, v in values.items() if k != "status"}
            return values

        def add_backers(candidacy, state):
            if "backers" in candidacy.edited_fields or backers <= set(candidacy.backers.all()):
                return state
            candidacy.backers.add(*backers)
            return UPDATED if state == UNCHANGED else state

        return Plan(
            "candidacy",
            models.Candidacy,
            key,
            values,
            fact,
            adjust=later_stage_only,
            finish=add_backers,
        )

    def plan_StatementFact(self, fact):
        key = {"constituency": self.constituency(fact.constituency), "text": fact.text}
        values = {
            "speaker": self.person(fact.speaker),
            "organisation": self.organisation(fact.organisation),
            "by_clp": fact.by_clp,
            "medium": fact.medium,
            "stance": fact.stance,
        }
        return Plan("statement", models.Statement, key, values, fact)

    def plan_EventFact(self, fact):
        key = {
            "constituency": self.constituency(fact.constituency),
            "kind": fact.kind,
            "description": fact.description[:500],
            "person": self.person(fact.person),
        }
        values = {"date_text": fact.date_text[:100]}
        return Plan("event", models.Event, key, values, fact)

    # -- stale facts -------------------------------------------------------------

    def remove_stale(self):
        """Drop this article's evidence that the run did not produce, then the purely
        machine-made facts that lost their last evidence. People, seats and organisations
        stay: other records and editors refer to them."""
        stale, orphans = [], set(self._dropped)
        for pk, *key in models.Evidence.objects.filter(article=self.article).values_list(
            "pk", "content_type_id", "object_id", "start", "end"
        ):
            if tuple(key) not in self._kept_evidence:
                stale.append(pk)
                orphans.add(tuple(key[:2]))
        if stale:
            models.Evidence.objects.filter(pk__in=stale).delete()
        orphans -= {key[:2] for key in self._kept_evidence}
        by_type = {}
        for content_type_id, object_id in orphans:
            by_type.setdefault(content_type_id, set()).add(object_id)
        for content_type_id, object_ids in sorted(by_type.items()):
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model in (models.Person, models.Constituency, models.Organisation):
                continue
            supported = models.Evidence.objects.filter(
                content_type_id=content_type_id, object_id__in=object_ids
            ).values("object_id")
            deleted = (
                model.objects.filter(
                    pk__in=object_ids,
                    origin=models.Origin.EXTRACTED,
                    edited_fields=[],
                    review=models.Review.UNREVIEWED,
                )
                .exclude(pk__in=supported)
                .delete()[1]
            )
            self.result.removed += deleted.get(model._meta.label, 0)


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


def load_article(raw, extraction, *, article=None, names=None, **metadata):
    """Upsert the article and its facts; returns a `LoadResult`. Call inside a transaction.

    `article` is the row to update (the admin passes it); otherwise it is found by text
    or file name. `names` carries people, seats and organisations already resolved in
    this run. `metadata` (title, publisher, published, url) given by an editor wins;
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
    loader = ArticleLoader(article, text_changed=text_changed, names=names)
    loader.load_all(extraction.facts)
    loader.write_evidence()
    loader.remove_stale()
    return loader.result
