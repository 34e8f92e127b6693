"""Load layer: write extracted articles to the database. The only ingest module that
touches the ORM.

Articles are written in batches, inside one transaction the caller opens per batch
(`load_batch`). Within a batch the articles are applied in order, in memory, exactly as
if each were loaded on its own after the ones before it; then the new records go in with
an INSERT or two per kind of record, the evidence likewise (COPY on PostgreSQL), and the
changed records with an UPDATE per kind of record and set of fields changed, and a
history row each. New records get their history when first changed
(`constituencies.history`). A batch that fails is rolled back whole and the caller loads
its articles one by one, so a bad article only ever loses itself.

Every record is upserted on its natural key (see the README) and its evidence spans
are attached. Fields an editor changed (`edited_fields`) are never overwritten, and a
fact an editor rejected stays rejected: the loader does not touch `review`. When an
article is re-processed, its evidence rows that this run did not produce are deleted,
and so are facts left with no evidence at all, unless an editor has touched them.
"""

import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, JSONField, Model, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify

from constituencies import models

from . import references, waiting
from .facts import Extraction
from .read import RawArticle

DATA = Path(__file__).parent / "data"

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# Types whose values every database takes as they are.
PLAIN = (str, int, bool)

# Fact records in the order they are written: people and seats first, as others point at them.
FACT_MODELS = (
    models.Person,
    models.Constituency,
    models.Role,
    models.PartyMove,
    models.Majority,
    models.ShortlistDecision,
    models.Candidacy,
    models.Statement,
    models.Event,
)
# Fact fields that name an organisation.
ORGANISATION_FIELDS = ("party", "organisation", "from_party", "to_group", "decided_by")


@cache
def organisation_kinds():
    return json.loads((DATA / "organisation_kinds.json").read_text(encoding="utf-8"))


@dataclass
class Item:
    """One article to load: its text and what was extracted from it, the stored row an
    editor is correcting (from the admin), and the details (title, publisher, published,
    url) an editor set, which win over the stored ones and the extractor's guesses and are
    recorded in the article's `edited_fields`. `added` is an article an editor adds: it
    never replaces a stored one, so it is not matched by file name, and it keeps its file
    name only if no other article has it."""

    raw: RawArticle
    extraction: Extraction
    article: models.Article | None = None
    metadata: dict = field(default_factory=dict)
    added: bool = False
    # Where it was read from.
    path: object = None
    # The waiting facts (`WaitingFact` pks) it writes now their seats are known: the rest
    # of the article is left as it is.
    placing: tuple = ()


@dataclass
class LoadResult:
    article: models.Article
    counts: Counter = field(default_factory=Counter)
    removed: int = 0
    duplicate_of: str = ""


def opening(text):
    """An article's first words, to name it by when it has neither file name nor title."""
    return " ".join(text.split()[:12])


def unique_slug(model, name):
    base = slugify(name)[:180] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def unique_slugs(model, names):
    """A free slug for each of `names`, distinct from each other: one query for the lot,
    trying each name's first few numbered forms, and a query of its own for a name whose
    forms are all taken."""
    bases = [slugify(name)[:180] or "item" for name in names]
    forms = {base: [base, *(f"{base}-{n}" for n in range(2, 10))] for base in bases}
    wanted = {slug for slugs in forms.values() for slug in slugs}
    taken = set(model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    slugs = []
    for name, base in zip(names, bases, strict=True):
        slug = next((s for s in forms[base] if s not in taken), None)
        if slug is None:
            slug = unique_slug(model, f"{name} {len(taken)}")
        taken.add(slug)
        slugs.append(slug)
    return slugs


def parameter_limit():
    """How many parameters one statement may carry (SQLite sets a limit)."""
    return connection.features.max_query_params or 30000


def insert_many(model, names, rows):
    """INSERT `rows` (tuples of values for the fields `names`, ids for relations) into
    `model`'s table: with COPY on PostgreSQL, elsewhere as many to a statement as the
    database takes. For the tens of thousands of evidence rows a large load writes,
    `bulk_create`'s model instances and preparation of every value cost several times
    what the database does. Only for values that need no conversion on the way in
    (numbers and text)."""
    rows = list(rows)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    table = quote(model._meta.db_table)
    if not rows:
        return
    if connection.vendor == "postgresql":
        # Parsing a statement of thousands of VALUES costs the server more than COPY.
        data = io.StringIO()
        csv.writer(data, quoting=csv.QUOTE_STRINGS).writerows(rows)
        data.seek(0)
        # Past Django's cursor, so its errors are turned into Django's here.
        with connection.cursor() as cursor, connection.wrap_database_errors:
            cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)", data)
        return
    placeholders = f"({', '.join(['%s'] * len(names))})"
    per_statement = parameter_limit() // len(names)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(chunk))}",
                [value for row in chunk for value in row],
            )


def insert_records(model, objs):
    """INSERT unsaved `objs` of `model` and give each its new key, as `bulk_create` does,
    at a fraction of its cost: its generic preparation of every value is most of the time
    a large load spends writing. Values of plain types go in as they are; others (times,
    JSON) are prepared by their field, once for values many rows share. The auto_now
    fields of all the rows get the same time, the time they are written."""
    objs = list(objs)
    if not objs:
        return
    meta = model._meta
    fields = [field for field in meta.concrete_fields if field is not meta.pk]
    now = timezone.now()
    stamped = [
        field.attname
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    # (attribute, field, whether even its plain values need preparing: JSON does)
    reads = [(field.attname, field, isinstance(field, JSONField)) for field in fields]
    relations = [field for field in fields if field.is_relation]
    shared = {}
    rows = []
    for obj in objs:
        for relation in relations:
            related = relation.get_cached_value(obj, None)
            if related is not None:
                # As `save` checks: a relation to a row not written yet cannot be kept.
                if related.pk is None:
                    raise ValueError(
                        f"insert_records() prohibited to prevent data loss due to unsaved "
                        f"related object '{relation.name}'."
                    )
                setattr(obj, relation.attname, related.pk)
        for attname in stamped:
            setattr(obj, attname, now)
        row = []
        for attname, model_field, is_json in reads:
            value = getattr(obj, attname)
            if value is not None and (is_json or type(value) not in PLAIN):
                # JSON values by what they hold: each row has its own empty list.
                key = (attname, repr(value) if is_json else id(value))
                if key not in shared:
                    shared[key] = model_field.get_db_prep_save(value, connection)
                value = shared[key]
            row.append(value)
        rows.append(row)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    per_statement = connection.ops.bulk_batch_size(fields, objs)
    with connection.cursor() as cursor:
        for start in range(0, len(objs), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholders] * len(chunk))} "
                f"RETURNING {quote(meta.pk.column)}",
                [value for row in chunk for value in row],
            )
            # Both databases return the keys in the order the rows were given, as
            # `bulk_create` relies on too.
            for obj, (pk,) in zip(objs[start:], cursor.fetchall(), strict=False):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


def insert_named(model, rows):
    """Give each new row of `model` a free slug made from its name, and insert them."""
    for row, slug in zip(rows, unique_slugs(model, [row.name for row in rows]), strict=True):
        row.slug = slug
    insert_records(model, rows)


def update_many(model, names, rows, **same):
    """UPDATE the fields `names` of many rows of `model` in one statement: `rows` are
    (pk, value for each name) with ids for relations, and `same` gives values every row
    gets. One statement instead of one per row saves a round trip and the ORM's
    preparation of an UPDATE per changed record."""
    rows = list(rows)
    if not rows:
        return
    quote = connection.ops.quote_name
    meta = model._meta
    pk = quote(meta.pk.column)
    assignments, params = [], []
    for position, name in enumerate(names, start=1):
        field = meta.get_field(name)
        case = f"CASE {pk} {' '.join(['WHEN %s THEN %s'] * len(rows))} END"
        if connection.features.requires_casted_case_in_updates:
            # PostgreSQL types a CASE of NULLs only as text.
            case = f"CAST({case} AS {field.cast_db_type(connection)})"
        assignments.append(f"{quote(field.column)} = {case}")
        for row in rows:
            params += [row[0], field.get_db_prep_save(row[position], connection)]
    for name, value in same.items():
        field = meta.get_field(name)
        assignments.append(f"{quote(field.column)} = %s")
        params.append(field.get_db_prep_save(value, connection))
    params += [row[0] for row in rows]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(meta.db_table)} SET {', '.join(assignments)} "
            f"WHERE {pk} IN ({', '.join(['%s'] * len(rows))})",
            params,
        )


def locked(model):
    """Rows of `model` locked until the transaction ends, in key order so that two loads
    lock shared rows in the same order. Only the model's own table is locked: ordering by
    a related field joins a table PostgreSQL will not lock on the nullable side of an outer
    join."""
    return model.objects.select_for_update(of=("self",)).order_by("pk")


def stored(obj, name):
    """A field's stored value; the id for a relation, so comparing costs no query."""
    return getattr(obj, obj._meta.get_field(name).attname)


def comparable(value):
    return value.pk if isinstance(value, Model) else value


def identity(model, key, row=None):
    """A hashable natural key: from a key dict, or (given `row`) read off a fetched row
    for the same fields, so planned facts and fetched rows can be matched."""
    names = tuple(sorted(key))
    if row is None:
        return (model, tuple((name, comparable(key[name])) for name in names))
    return (model, tuple((name, getattr(row, attname)) for name, attname in columns(model, names)))


@cache
def columns(model, names):
    """(name, attribute holding its stored value) for each key field: the id for a relation."""
    return tuple(
        (name, "pk" if name == "pk" else model._meta.get_field(name).attname) for name in names
    )


def natural_key_conditions(model, keys):
    """Conditions matching the rows of `model` whose natural key is one of `keys` (dicts
    of the same fields), a condition for each run of keys one query can carry. A key of
    one field is looked up with IN. A key of several is joined against a VALUES list of
    the keys wanted, which the unique index on the key serves: IN on each field alone
    would also bring every combination of the values, which grows with the data (at
    10,000 articles, ten times the rows wanted), and an OR of a condition per key is
    slow for the database to plan. A NULL matches nothing in a join, so keys with a
    field missing are matched with IS NULL on it, in a group of their own."""
    names = sorted(keys[0])
    if len(names) == 1:
        (name,) = names
        wanted = {comparable(key[name]) for key in keys}
        condition = Q(**{f"{name}__in": wanted - {None}})
        if None in wanted:
            condition |= Q(**{f"{name}__isnull": True})
        return [condition]
    groups = defaultdict(set)
    for key in keys:
        values = tuple(comparable(key[name]) for name in names)
        groups[tuple(value is None for value in values)].add(values)
    quote = connection.ops.quote_name
    meta = model._meta
    columns = [meta.get_field(name).column for name in names]
    select = f"SELECT t.{quote(meta.pk.column)} FROM {quote(meta.db_table)} t"
    parts = []  # (SELECT of the keys' rows, its parameters)
    limit = parameter_limit()
    for nulls, rows in groups.items():
        joined = [column for column, null in zip(columns, nulls, strict=True) if not null]
        empty = [
            f"t.{quote(column)} IS NULL"
            for column, null in zip(columns, nulls, strict=True)
            if null
        ]
        if not joined:
            parts.append((f"{select} WHERE {' AND '.join(empty)}", []))
            continue
        # VALUES columns are called column1, column2... by both databases.
        on = [f"t.{quote(column)} = v.column{n}" for n, column in enumerate(joined, start=1)]
        row = f"({', '.join(['%s'] * len(joined))})"
        rows = list(rows)
        per_query = limit // len(joined)
        for start in range(0, len(rows), per_query):
            chunk = rows[start : start + per_query]
            wanted = f"(VALUES {', '.join([row] * len(chunk))}) v"
            sql = f"{select} JOIN {wanted} ON {' AND '.join(on + empty)}"
            params = [value for key in chunk for value in key if value is not None]
            parts.append((sql, params))
    # One query for all the keys, as far as the database's limit on parameters allows.
    # A UNION rather than an OR of conditions, which would have the database scan the
    # whole table for rows matching any of them.
    conditions, sqls, params = [], [], []
    for sql, part_params in parts:
        if sqls and len(params) + len(part_params) > limit:
            conditions.append(Q(pk__in=RawSQL(" UNION ALL ".join(sqls), params)))
            sqls, params = [], []
        sqls.append(sql)
        params += part_params
    return [*conditions, Q(pk__in=RawSQL(" UNION ALL ".join(sqls), params))]


class PlannerStatistics:
    """PostgreSQL plans each query from what it last read of the tables' sizes, which its
    autovacuum reads again only every minute or so: during a large load the tables soon
    outgrow what the planner believes, and it scans whole tables where an index would
    serve, more slowly with every batch. So the tables a load writes are analysed again
    each time the records it has added reach the number there were when they were last
    analysed: a handful of times in a load of thousands of articles, never in a small
    one. SQLite's planner does not work from such statistics."""

    # Below this many records added, plans cannot go far wrong.
    AT_LEAST = 1000

    def __init__(self):
        self.enabled = connection.vendor == "postgresql"
        self.added = 0
        self.known = self.rows() if self.enabled else 0

    @staticmethod
    def tables():
        through = models.Candidacy.backers.through
        written = (*FACT_MODELS, models.Article, models.Evidence, models.Organisation, through)
        return [model._meta.db_table for model in written]

    def rows(self):
        """The records there were when last analysed, as the planner knows them."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(sum(greatest(reltuples, 0)), 0) FROM pg_class "
                "WHERE relname = ANY(%s)",
                [[model._meta.db_table for model in FACT_MODELS]],
            )
            return int(cursor.fetchone()[0])

    def added_records(self, count):
        """Count records a committed batch added; analyse the tables when they are due."""
        if not self.enabled:
            return
        self.added += count
        if self.added >= max(self.known, self.AT_LEAST):
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {', '.join(map(quote, self.tables()))}")
            self.known = self.rows()
            self.added = 0


class KnownSeats:
    """Who holds which seat, as the database has it once the articles applied so far are
    written: for resolving "X's seat" and "seats held by X and Y" in articles that do not
    name the seat themselves.

    Each article applied is a step; `changed_at` records the last step at which each
    person's seat changed, so that facts placed at an earlier step can be asked whether
    they might now be placed otherwise (`changed_since` the MPs they wait for). Kept in
    memory as batches are applied, and checked against the database after each batch
    commits (`reload`). There is one MP to a seat, so it stays small."""

    def __init__(self, lazy=False):
        """`lazy`: read the database only when a seat is first asked for or changed."""
        self.step = 0
        self.changed_at = {}
        self._mp = {}
        self._seats_of = defaultdict(set)
        self._dict = None
        self._loaded = False
        if not lazy:
            self.reload()

    def _load(self):
        if not self._loaded:
            self.reload()

    def reload(self):
        """Read the seats from the database; a seat that differs from what memory had
        counts as changed now."""
        self._loaded = True
        self.step += 1
        stored_mps = dict(
            models.Constituency.objects.public()
            .filter(mp__isnull=False)
            .values_list("name", "mp__name")
        )
        for seat in self._mp.keys() | stored_mps.keys():
            if self._mp.get(seat) != stored_mps.get(seat):
                self.set_mp(seat, stored_mps.get(seat))

    def set_mp(self, seat, person):
        self._load()
        self._dict = None
        before = self._mp.pop(seat, None)
        if before is not None:
            self._seats_of[before].discard(seat)
            self._changed(before)
        if person is not None:
            self._mp[seat] = person
            self._seats_of[person].add(seat)
            self._changed(person)

    def _changed(self, person):
        self.changed_at[person] = self.step

    def seat(self, person):
        # As the database lists them, by seat name: the last seat an MP is named for.
        self._load()
        seats = self._seats_of.get(person)
        return max(seats) if seats else None

    def as_dict(self):
        """{person: seat} for every MP known."""
        self._load()
        if self._dict is None:
            self._dict = {person: self.seat(person) for person in self._seats_of}
            self._dict = {person: seat for person, seat in self._dict.items() if seat}
        return self._dict

    def changed_since(self, people, step):
        """Whether any of `people` had their seat changed after `step`."""
        changed = self.changed_at
        return any(changed.get(person, -1) > step for person in people)


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
    # Fields `adjust` merges with the stored value, which every report may so move,
    # however many articles support the record.
    merged: tuple = ()

    @cached_property
    def identity(self):
        return identity(self.model, self.key)

    def values_for(self, existing):
        return self.adjust(existing, self.values) if self.adjust else self.values


class Names:
    """Names to rows for a whole run: people, seats and organisations are looked up once
    and remembered, so each fact costs no lookups of its own. `preload` looks up a whole
    batch's names at once and makes the missing people in one statement. Rows made for a
    batch that then rolls back must be forgotten (`forget()`), or a later batch would
    point at rows that no longer exist."""

    def __init__(self):
        self.forget()

    def forget(self):
        self._people = {}
        self._seats = {}
        self._organisations = {}
        self._aliases = None
        # Rows made in the current batch: (model, pk) -> the article they were made for.
        self.created = {}
        self.made = {}
        self.owner = None

    def _made(self, model, obj, owner=None):
        self.created[(model, obj.pk)] = owner
        self.made[(model, obj.pk)] = obj

    def preload(self, people, seats, organisations):
        """Look up many people, seats and organisations in a query each, and create the
        missing ones in a statement each (people only where a full name is given)."""
        organisations = [
            name
            for name in dict.fromkeys(organisations)
            if name and name not in self._organisations
        ]
        # A constituency party's own seat, as `_organisation_shape` links them. Only a
        # CLP names a seat: any other organisation is not one.
        seats = [*seats, *(clp_seat(name) for name in organisations)]
        people = [name for name in dict.fromkeys(people) if name and name not in self._people]
        seats = [name for name in dict.fromkeys(seats) if name and name not in self._seats]
        if seats:
            self._preload_seats(seats)
        if people:
            self._preload_people(people)
        if organisations:
            self._preload_organisations(organisations)

    def _preload_organisations(self, names):
        lowered = {name.lower() for name in names}
        rows = models.Organisation.objects.annotate(lowered=Lower("name"))
        found = {row.lowered: row for row in rows.filter(lowered__in=lowered)}
        new = {}
        for name in names:
            if name.lower() in found:
                self._organisations[name] = found[name.lower()]
            elif name.lower() not in new:
                kind, parent, seat = self._organisation_shape(name)
                new[name.lower()] = models.Organisation(
                    name=name, kind=kind, parent=parent, constituency=seat
                )
        new = [row for row in new.values() if row.name not in self._organisations]
        insert_named(models.Organisation, new)
        for row in new:
            self._organisations[row.name] = row

    def _preload_seats(self, seats):
        slugs = {name: models.seat_slug(name) for name in seats}
        lowered = {name.lower() for name in seats}
        rows = models.Constituency.objects.annotate(lowered=Lower("name")).filter(
            Q(lowered__in=lowered) | Q(slug__in=slugs.values())
        )
        by_lowered = {row.lowered: row for row in rows}
        by_slug = {row.slug: row for row in by_lowered.values()}
        new = {}
        for name in seats:
            row = by_lowered.get(name.lower()) or by_slug.get(slugs[name])
            if row is not None:
                self._seats[name] = row
            elif slugs[name]:
                new.setdefault(slugs[name], models.Constituency(name=name, slug=slugs[name]))
        insert_records(models.Constituency, new.values())
        for seat in new.values():
            self._made(models.Constituency, seat)
        for name in seats:
            if name not in self._seats and slugs[name] in new:
                self._seats[name] = new[slugs[name]]

    def _preload_people(self, people):
        lowered = {name.lower() for name in people}
        rows = models.Person.objects.annotate(lowered=Lower("name")).filter(lowered__in=lowered)
        found = {row.lowered: row for row in rows}
        new = {}
        for name in people:
            if name.lower() in found:
                self._people[name] = found[name.lower()]
            elif " " in name.strip():
                new.setdefault(name.lower(), models.Person(name=name))
        new = list(new.values())
        insert_named(models.Person, new)
        for person in new:
            self._people[person.name] = person
            self._made(models.Person, person)

    def claim(self, model, obj):
        """The first article to use a row made in this batch is the one it was made for."""
        key = (model, obj.pk)
        if key in self.created and self.created[key] is None:
            self.created[key] = self.owner

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
        if clp_seat(name):
            return "clp", self.organisation("Labour"), self.constituency(clp_seat(name))
        if name.endswith(" Momentum"):
            return "campaign", self.organisation("Momentum"), None
        if name.endswith((" Council", " council")):
            return "council", None, None
        return "other", None, None

    def constituency(self, name):
        if not name:
            return None
        if name in self._seats:
            obj = self._seats[name]
            self.claim(models.Constituency, obj)
            return obj
        slug = models.seat_slug(name)
        obj = models.Constituency.objects.filter(Q(name__iexact=name) | Q(slug=slug)).first()
        if obj is None:
            obj = models.Constituency.objects.create(name=name, slug=slug)
            self._made(models.Constituency, obj, self.owner)
        self._seats[name] = obj
        return obj

    def person(self, name):
        """Resolve a name to a person: exact name, then a unique alias or surname match
        among people already known (so "Umunna" in a later article is Chuka Umunna)."""
        if not name:
            return None
        if name in self._people:
            obj = self._people[name]
            self.claim(models.Person, obj)
            return obj
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
            self._made(models.Person, obj, self.owner)
        self._people[name] = obj
        return obj

    def add_alias(self, person, alias, pending):
        if self._aliases is None:
            self._aliases = set(models.PersonAlias.objects.values_list("person_id", "alias"))
        if (person.pk, alias) not in self._aliases:
            pending.append(models.PersonAlias(person=person, alias=alias))
            self._aliases.add((person.pk, alias))


def clp_seat(name):
    """The seat a constituency Labour party ("Streatham CLP") is named after, else ""."""
    return name.removesuffix(" CLP") if name.endswith(" CLP") else ""


def find_articles(items):
    """Stored articles for a batch, by text hash and by file name, in one query."""
    hashes = {item.raw.sha256 for item in items}
    filenames = {item.raw.filename for item in items if item.raw.filename}
    # "Not blank" as the file-name index's own condition says, so that the index is used.
    by_name = Q(filename__in=filenames) & ~Q(filename="")
    rows = models.Article.objects.filter(Q(sha256__in=hashes) | by_name).order_by()
    by_hash, by_filename = {}, {}
    for row in rows:
        by_hash[row.sha256] = row
        if row.filename:
            by_filename[row.filename] = row
    return by_hash, by_filename


class BatchLoader:
    """Upserts the records of a batch of extracted articles. Use once per batch, inside
    the caller's transaction.

    A fact about "X's seat" that does not name the seat is placed with the seat X holds
    as the batch has it when the article is applied (see `references`); one whose seat is
    not known yet waits in the database."""

    def __init__(self, items, *, names, seats=None):
        self.items = items
        self.names = names
        self.names.created, self.names.made = {}, {}
        self.seats = seats if seats is not None else KnownSeats(lazy=True)
        self._placed = {}  # item index -> (facts to write, facts waiting, holders, step)
        self.planning = None  # the article whose facts are being planned
        self.results = [None] * len(items)
        self._rows = {}
        self._new = {}  # (model, identity) -> unsaved row
        self._made_for = {}  # id of an unsaved row -> the article it was made for
        self._dirty = defaultdict(dict)  # model -> {pk: (row, changed field names)}
        self._touched = defaultdict(set)  # (model, pk or id(row)) -> articles
        self._shared_outside = {}  # model -> pks with evidence from outside the batch
        self._evidence = []  # (article, row, content type, span, rule)
        self._kept = defaultdict(set)  # article pk -> (ct, object key, start, end)
        self._dropped = defaultdict(set)  # article pk -> (ct, pk) whose evidence went
        self._existing_spans = set()
        self._stored = []  # (pk, article, ct, object, start, end) stored before the batch
        self._previous = {}
        self._previous_quotes = {}
        self._owners = defaultdict(set)  # (ct, pk) -> batch articles with stored evidence
        self._aliases = []
        self._backers = []
        self._content_types = {}

    # -- the batch -------------------------------------------------------------

    def load(self):
        """Apply every article in order, then write the batch; returns a `LoadResult`
        per item."""
        articles = self.resolve_articles()
        self._placing = {
            article.pk for article, item in zip(articles, self.items, strict=True) if item.placing
        }
        self.read_stored_evidence([a for a in articles if a is not None])
        plans = self.plan_all(articles)
        self.prefetch([plan for article_plans in plans for plan in article_plans])
        for index, article in enumerate(articles):
            if article is None:
                continue
            _, _, holders, step = self._placed[index]
            if self.seats.changed_since(holders, step):
                # An earlier article of the batch told us the seat of an MP it names.
                plans[index] = self.plan_article(index, article, self.items[index], True)
                self.prefetch(plans[index])
            self.apply(index, article, plans[index])
        self.write()
        self.write_waiting(articles)
        self.remove_stale()
        return self.results

    def resolve_articles(self):
        """The stored (or new) article row for each item; None for a duplicate, whose
        result says which article it copies. New rows are inserted at once, as evidence
        will point at them."""
        by_hash, by_filename = find_articles(self.items)
        articles, new = [], []
        for index, item in enumerate(self.items):
            raw = item.raw
            article = item.article
            filename = raw.filename
            if article is None:
                first = by_hash.get(raw.sha256)
                if first is not None and (item.added or (filename and first.filename != filename)):
                    self.results[index] = LoadResult(
                        first, duplicate_of=first.filename or first.slug
                    )
                    articles.append(None)
                    continue
                if item.added:
                    filename = "" if filename in by_filename else filename
                else:
                    article = first or (by_filename.get(filename) if filename else None)
            metadata = item.metadata
            guessed = {"title": item.extraction.title, "publisher": item.extraction.publisher}
            if article is None:
                fields = {k: v for k, v in guessed.items() if v} | metadata
                article = models.Article(
                    filename=filename,
                    text=raw.text,
                    sha256=raw.sha256,
                    edited_fields=sorted(metadata),
                    **fields,
                )
                article.text_changed = True
                new.append(article)
            else:
                article.text_changed = article.sha256 != raw.sha256
                edited = set(article.edited_fields) | set(metadata)
                changes = {"text": raw.text, "sha256": raw.sha256, "edited_fields": sorted(edited)}
                # A guess only fills a blank, never a detail an editor set (blank or not).
                changes |= {
                    k: v
                    for k, v in guessed.items()
                    if v and not getattr(article, k) and k not in edited
                }
                changes |= metadata
                changes = {k: v for k, v in changes.items() if getattr(article, k) != v}
                for name, value in changes.items():
                    setattr(article, name, value)
                if changes:
                    article.save()
            by_hash[raw.sha256] = article
            if article.filename:
                by_filename[article.filename] = article
            self.results[index] = LoadResult(article)
            articles.append(article)
        sources = [Path(a.filename).stem if a.filename else a.title or opening(a.text) for a in new]
        slugs = unique_slugs(models.Article, [source[:100] for source in sources])
        for article, slug in zip(new, slugs, strict=True):
            article.slug = slug
        insert_records(models.Article, new)
        self._inserted = {article.pk for article in new}
        return articles

    def read_stored_evidence(self, articles):
        """This batch's articles' evidence from earlier runs, in one query. Evidence into
        a text that has since changed is deleted: its offsets mean nothing now, and the
        facts are re-attached below."""
        changed = [a.pk for a in articles if a.text_changed]
        rows = (
            models.Evidence.objects.filter(article__in=articles)
            .order_by()
            .values_list("pk", "article_id", "content_type_id", "object_id", "rule", "start", "end")
        )
        quotes = (
            dict(
                models.Evidence.objects.filter(article__in=changed)
                .order_by()
                .values_list("pk", "quote")
            )
            if changed
            else {}
        )
        for pk, article_id, ct, obj, rule, start, end in rows:
            if article_id in changed:
                self._dropped[article_id].add((ct, obj))
                # Offsets into the old text mean nothing now, but a sentence the new
                # text still has finds the record it supported.
                self._previous_quotes[(article_id, ct, rule, quotes[pk])] = obj
                continue
            if article_id not in self._placing:
                self._stored.append((pk, article_id, ct, obj, start, end))
            # Which record this article's span and rule supported, to find it again if an
            # editor has since changed one of its key fields.
            self._previous[(article_id, ct, rule, start, end)] = obj
            self._existing_spans.add((article_id, ct, obj, start, end))
            self._owners[(ct, obj)].add(article_id)
        if changed:
            models.Evidence.objects.filter(article__in=changed).delete()

    def plan_all(self, articles):
        """Plans for every fact of every article, after looking up their names at once."""
        people, seats, organisations = [], [], []
        for index, (item, article) in enumerate(zip(self.items, articles, strict=True)):
            if article is None:
                continue
            for fact in self.place(index, item)[0]:
                people += [getattr(fact, name, "") for name in ("name", "person", "speaker")]
                seats.append(getattr(fact, "constituency", ""))
                organisations += [getattr(fact, name, "") for name in ORGANISATION_FIELDS]
                organisations += getattr(fact, "backers", ())
        self.names.preload(people, seats, organisations)
        return [
            self.plan_article(index, article, item) if article is not None else []
            for index, (item, article) in enumerate(zip(self.items, articles, strict=True))
        ]

    def place(self, index, item, again=False):
        """(facts to write, facts waiting for a seat) of the item, placed with the seats
        known now."""
        if again or index not in self._placed:
            facts = item.extraction.facts
            ready, waiting = references.place(facts, self.seats.seat)
            holders = {references.waits_for(fact) for fact in facts} - {""}
            self._placed[index] = (ready, waiting, holders, self.seats.step)
        return self._placed[index][:2]

    def plan_article(self, index, article, item, again=False):
        self.names.owner = index
        self.planning = article
        facts = self.place(index, item, again)[0]
        plans = [getattr(self, f"plan_{type(fact).__name__}")(fact) for fact in facts]
        self.names.owner = self.planning = None
        return plans

    # -- records ---------------------------------------------------------------

    def prefetch(self, plans):
        """Fetch every record the batch's facts name, one query per kind of record,
        locking the rows until the batch's transaction ends: an editor saving one of
        them meanwhile waits, then wins, instead of being overwritten."""
        by_model = {}
        for plan in plans:
            if plan.identity in self._rows:
                continue
            # A person or seat made in this batch is as the batch left it, and no one
            # else can see it before the batch commits.
            made = self.names.made.get((plan.model, plan.key.get("pk")))
            if made is not None:
                self._rows[plan.identity] = made
            else:
                by_model.setdefault(plan.model, {})[plan.identity] = plan.key
        for model, keys in by_model.items():
            keys = list(keys.values())
            for condition in natural_key_conditions(model, keys):
                rows = locked(model).filter(condition)
                if model is models.Candidacy:
                    rows = rows.prefetch_related("backers")
                for row in rows:
                    # A row this batch already holds may have changed in memory: keep that.
                    self._rows.setdefault(identity(model, keys[0], row), row)

    def find(self, plan, article, content_type):
        """The record a fact is about: by natural key, or by this article's earlier
        evidence for the same span and rule (the same words, where its text has changed),
        in case an editor changed a key field."""
        obj = self._rows.get(plan.identity)
        if obj is not None:
            return obj
        rule = plan.fact.rule
        earlier = {
            self._previous.get((article.pk, content_type.id, rule, s.start, s.end))
            or self._previous_quotes.get((article.pk, content_type.id, rule, s.quote))
            for s in plan.fact.evidence
        } - {None}
        if not earlier:
            return None
        held = {row.pk: row for row in self._rows.values() if type(row) is plan.model}
        found = next((held[pk] for pk in sorted(earlier) if pk in held), None)
        return found or locked(plan.model).filter(pk__in=earlier).first()

    def apply(self, index, article, plans):
        """Apply one article's facts to the batch's rows in memory, in order."""
        result = self.results[index]
        self.seats.step += 1
        self.names.owner = index
        for plan in plans:
            obj, state = self.upsert(index, article, plan)
            if plan.finish:
                state = plan.finish(obj, state)
            result.counts[state] += 1
            result.counts[f"{plan.kind}:{state}"] += 1
        self.names.owner = None

    def upsert(self, index, article, plan):
        """Create or update the record in memory without overwriting edited fields, and
        attach the fact's evidence."""
        model, fact = plan.model, plan.fact
        content_type = self._content_types.get(model)
        if content_type is None:
            content_type = self._content_types[model] = ContentType.objects.get_for_model(model)
        obj = self.find(plan, article, content_type)
        values = plan.values_for(obj)
        if obj is None:
            obj = model(**plan.key, **values)
            self._made_for[id(obj)] = index
            self._new[(model, plan.identity)] = obj
            state = CREATED
        else:
            changed = {
                name: value
                for name, value in values.items()
                if name not in obj.edited_fields and stored(obj, name) != comparable(value)
            }
            # Where other articles (or earlier facts of this one) also support the record,
            # they may disagree: this fact only fills blanks, so re-loading settles on the
            # same values.
            if changed and self.is_shared(model, obj, article, content_type):
                changed = {
                    name: value
                    for name, value in changed.items()
                    if stored(obj, name) in ("", None) or name in plan.merged
                }
            for name, value in changed.items():
                if name == "mp" and self.tracks_seat(obj):
                    self.seats.set_mp(obj.name, value.name if value else None)
                setattr(obj, name, value)
            if changed and obj.pk is not None:
                row, fields = self._dirty[model].setdefault(obj.pk, (obj, set()))
                fields.update(changed)
            # A row made in memory by an earlier article of the batch counts as that
            # article's; one made by `Names` for this article counts as this one's.
            made_for = (
                self._made_for.get(id(obj))
                if obj.pk is None
                else self.names.created.get((model, obj.pk))
            )
            state = CREATED if made_for == index else UPDATED if changed else UNCHANGED
        self._rows[plan.identity] = obj
        self._touched[(model, obj.pk or id(obj))].add(article.pk)
        for span in fact.evidence:
            self._evidence.append((article, obj, content_type, span, fact.rule))
        return obj, state

    def tracks_seat(self, obj):
        """Whether `KnownSeats` follows this row: a public seat."""
        return isinstance(obj, models.Constituency) and obj.review != models.Review.REJECTED

    def is_shared(self, model, obj, article, content_type):
        """Whether other articles, or earlier facts of this one, also support the record."""
        key = (model, obj.pk or id(obj))
        if key in self._touched:
            return True
        if obj.pk is None:
            return False
        if self._owners.get((content_type.id, obj.pk), set()) - {article.pk}:
            return True
        return self.shared_outside(model, content_type, obj.pk)

    def shared_outside(self, model, content_type, pk):
        """Whether the stored row has evidence from an article outside the batch. Asked
        for every row of `model` the batch holds at once: one query per kind of record."""
        checked, shared = self._shared_outside.setdefault(model, (set(), set()))
        if pk not in checked:
            pks = {obj.pk for obj in self._rows.values() if type(obj) is model and obj.pk}
            pks = (pks | {pk}) - checked
            batch = [result.article.pk for result in self.results if result]
            elsewhere = models.Evidence.objects.filter(
                content_type=content_type, object_id=OuterRef("pk")
            ).exclude(article__in=batch)
            # EXISTS stops at the first such span, where a popular seat has thousands.
            rows = model.objects.filter(pk__in=pks).filter(Exists(elsewhere)).order_by()
            shared.update(rows.values_list("pk", flat=True))
            checked.update(pks)
        return pk in shared

    # -- writing ---------------------------------------------------------------

    def write(self):
        """Insert the new records, update the changed ones (with their history rows: see
        `constituencies.history` for the new ones), then the evidence, aliases and backers:
        a statement or two per kind of record."""
        now = timezone.now()
        for model in FACT_MODELS:
            insert_records(model, [obj for (kind, _), obj in self._new.items() if kind is model])
            dirty = self._dirty.get(model)
            if dirty:
                # A statement for each set of fields changed together: only the fields
                # this load changed are written, so an editor's meanwhile are not.
                by_fields = defaultdict(list)
                for row, fields in dirty.values():
                    row.updated_at = now
                    by_fields[tuple(sorted(fields))].append(row)
                for fields, rows in by_fields.items():
                    attnames = [model._meta.get_field(name).attname for name in fields]
                    values = ((row.pk, *(getattr(row, a) for a in attnames)) for row in rows)
                    update_many(model, fields, values, updated_at=now)
                # Rows made in this batch have no history yet, like every new row.
                made = self.names.made
                model.history.bulk_history_create(
                    [row for row, _ in dirty.values() if (model, row.pk) not in made],
                    update=True,
                )
        evidence = {}
        for article, obj, content_type, span, rule in self._evidence:
            key = (article.pk, content_type.id, obj.pk, span.start, span.end)
            self._kept[article.pk].add(key[1:])
            if key in self._existing_spans or key in evidence:
                continue
            # Checked as a single save checks it: the quote must be the article's text.
            models.Evidence.check_quote(article.text, span.start, span.end, span.quote)
            evidence[key] = (*key, span.quote, rule)
        columns = ("article", "content_type", "object_id", "start", "end", "quote", "rule")
        insert_many(models.Evidence, columns, evidence.values())
        if self._aliases:
            models.PersonAlias.objects.bulk_create(self._aliases, ignore_conflicts=True)
        through = models.Candidacy.backers.through
        backed = {
            (candidacy.pk, backer.pk) for candidacy, backers in self._backers for backer in backers
        }
        insert_many(through, ("candidacy", "organisation"), sorted(backed))

    def write_waiting(self, articles):
        """Store the facts still waiting for a seat, in place of those the articles had;
        delete the ones written now their seat is known."""
        whole = [
            (index, article)
            for index, article in enumerate(articles)
            if article is not None and not self.items[index].placing
        ]
        stored = [article.pk for _, article in whole if article.pk not in self._inserted]
        placed = [pk for item in self.items for pk in item.placing]
        if stored or placed:
            models.WaitingFact.objects.filter(Q(article__in=stored) | Q(pk__in=placed)).delete()
        rows = [
            waiting.as_row(article, fact)
            for index, article in whole
            for fact in self._placed[index][1]
        ]
        if rows:
            models.WaitingFact.objects.bulk_create(rows)

    def remove_stale(self):
        """Drop the batch's evidence that this run did not produce, then the purely
        machine-made facts that lost their last evidence. People, seats and organisations
        stay: other records and editors refer to them."""
        results = {r.article.pk: r for r in self.results if r and not r.duplicate_of}
        stale, orphans = [], {}
        for article_id, dropped in self._dropped.items():
            for key in dropped:
                orphans.setdefault(key, article_id)
        # The batch's evidence is what was stored before (read at the start, under the
        # batch's locks) and what it wrote, which is all kept.
        for pk, article_id, *key in self._stored:
            if tuple(key) not in self._kept[article_id]:
                stale.append(pk)
                orphans.setdefault(tuple(key[:2]), article_id)
        if stale:
            models.Evidence.objects.filter(pk__in=stale).delete()
        kept = {key[:2] for keys in self._kept.values() for key in keys}
        for content_type_id, pk in remove_unsupported(orphans.keys() - kept):
            results[orphans[(content_type_id, pk)]].removed += 1

    # -- facts -----------------------------------------------------------------

    def organisation(self, name):
        return self.names.organisation(name)

    def constituency(self, name):
        return self.names.constituency(name)

    def person(self, name):
        return self.names.person(name)

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
                    self.names.add_alias(person, alias, self._aliases)
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

        article = self.planning

        def later_stage_only(existing, values):
            # A later stage of selection wins over an earlier one, whichever article is
            # read last; the status an article gives stays in its evidence.
            if existing is None:
                return values
            status = models.Candidacy.advance(existing.status, fact.status)
            ending = status != existing.status and status in models.Candidacy.ENDINGS
            if ending and self.reported_later(existing, article):
                status = existing.status
            return {**values, "status": status}

        def add_backers(candidacy, state):
            if not backers or "backers" in candidacy.edited_fields:
                return state
            have = set(candidacy.backers.all()) if candidacy.pk else set()
            have |= {b for c, added in self._backers if c is candidacy for b in added}
            if backers <= have:
                return state
            self._backers.append((candidacy, backers - have))
            return UPDATED if state == UNCHANGED else state

        return Plan(
            "candidacy",
            models.Candidacy,
            key,
            values,
            fact,
            adjust=later_stage_only,
            finish=add_backers,
            merged=("status",),
        )

    def reported_later(self, candidacy, article):
        """Whether an article dated after `article` already supports the stored
        `candidacy`: then `article`'s report is the older one and ends nothing. Asked
        only when a report would end a candidacy, which is rare."""
        if candidacy.pk is None or article.published is None:
            return False
        return (
            models.Evidence.objects.filter(
                content_type=ContentType.objects.get_for_model(models.Candidacy),
                object_id=candidacy.pk,
                article__published__gt=article.published,
            )
            .exclude(article=article)
            .exists()
        )

    def plan_StatementFact(self, fact):
        # The article's report of who spoke about which seat is the statement: its words
        # are a value an editor may correct, never part of what identifies it.
        who = (fact.speaker, fact.organisation, fact.speaker_role, fact.constituency)
        key = {"source": self.planning, "source_key": "|".join(who)}
        values = {
            "constituency": self.constituency(fact.constituency),
            "text": fact.text,
            "speaker": self.person(fact.speaker),
            "speaker_role": fact.speaker_role[:100],
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


def remove_unsupported(records):
    """Delete those of `records` ((content type id, pk) pairs) that are purely machine-made
    facts and have no evidence left; returns the pairs deleted. People, seats and
    organisations stay: other records and editors refer to them, and a fact an editor
    touched is the editor's."""
    by_type = defaultdict(set)
    for content_type_id, object_id in records:
        by_type[content_type_id].add(object_id)
    removed = []
    for content_type_id, object_ids in sorted(by_type.items()):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in (models.Person, models.Constituency, models.Organisation):
            continue
        supported = models.Evidence.objects.filter(
            content_type_id=content_type_id, object_id__in=object_ids
        ).values("object_id")
        doomed = model.objects.filter(
            pk__in=object_ids,
            origin=models.Origin.EXTRACTED,
            edited_fields=[],
            review=models.Review.UNREVIEWED,
        ).exclude(pk__in=supported)
        removed += [(content_type_id, pk) for pk in doomed.values_list("pk", flat=True)]
        doomed.delete()
    return removed


def delete_articles(articles):
    """Delete `articles` (a queryset) with their evidence, and the machine-made facts that
    only they supported, as re-loading them without those facts would; returns how many
    facts went. Call inside a transaction."""
    records = set(
        models.Evidence.objects.filter(article__in=articles)
        .order_by()
        .values_list("content_type_id", "object_id")
    )
    articles.delete()
    return len(remove_unsupported(records))


def load_batch(items, *, names=None, seats=None):
    """Upsert a batch of articles and their facts; returns a `LoadResult` per item. Call
    inside a transaction.

    An item's `article` is the row to update (the admin passes it); otherwise it is found
    by text or file name, unless it is `added` in the admin. `names` carries people, seats
    and organisations already resolved in this run, `seats` the `KnownSeats` to keep up to
    date. An item's `metadata` (title, publisher, published, url) given by an editor wins
    and is recorded as edited; what the extractor guessed only fills blanks no editor
    set, so an edited title, or one an editor cleared, survives re-loading.
    """
    names = names or Names()
    results = BatchLoader(items, names=names, seats=seats).load()
    placing = [
        Item(raw_of(article), Extraction(facts=placed), article, placing=tuple(pks))
        for article, (pks, placed) in waiting.now_placed().items()
    ]
    if placing:
        results += BatchLoader(placing, names=names, seats=seats).load()
    return results


def raw_of(article):
    """The stored article as read from its file."""
    return RawArticle(article.filename, article.text, article.sha256)


def load_article(raw, extraction, *, article=None, names=None, **metadata):
    """Upsert one article and its facts: a batch of one."""
    return load_batch([Item(raw, extraction, article, metadata)], names=names)[0]
