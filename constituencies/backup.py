"""Restore an `export_tracker --everything` backup into an empty database.

The export names records by slug or name; this reads them back in dependency order
(articles, organisations, seats, people, then facts and their evidence), checking every
quote against its article, all in one transaction: a file that does not fit leaves the
database empty, as it was.
"""

import hashlib
from datetime import date

from django.db import transaction

from . import models
from .pagecache import data_changed

PROVENANCE = ("origin", "edited_fields", "review")


class RestoreError(ValueError):
    """The file cannot be restored; the message says why."""


def _provenance(item):
    return {name: item[name] for name in PROVENANCE if name in item}


def _date(value):
    return date.fromisoformat(value) if value else None


class Restorer:
    def __init__(self, data):
        self.data = data
        self.articles = {}
        self.organisations = {}
        self.seats = {}
        self.people = {}
        self.evidence = []

    @staticmethod
    def find(table, key, what):
        """The restored row named `key` (None stays None); naming one the file does not
        list is an error, not a silent gap."""
        if key is None:
            return None
        try:
            return table[key]
        except KeyError:
            raise RestoreError(f"{what} {key!r} is named but not listed") from None

    def organisation(self, name):
        return self.find(self.organisations, name, "organisation")

    def article(self, slug):
        return self.find(self.articles, slug, "article")

    def person(self, name):
        return self.find(self.people, name, "person")

    def seat(self, slug):
        return self.find(self.seats, slug, "constituency")

    def create(self, model, item, **fields):
        obj = model.objects.create(**fields, **_provenance(item))
        for source in item.get("sources", []):
            article = self.articles.get(source["article"])
            if article is None:
                raise RestoreError(f"source in unknown article {source['article']!r}")
            if article.text[source["start"] : source["end"]] != source["quote"]:
                raise RestoreError(
                    f"quote {source['quote'][:40]!r} is not at {source['start']}-{source['end']} "
                    f"of {article.slug}"
                )
            self.evidence.append(
                models.Evidence(
                    article=article,
                    fact=obj,
                    start=source["start"],
                    end=source["end"],
                    quote=source["quote"],
                    rule=source.get("rule", ""),
                )
            )
        return obj

    def restore(self):
        for item in self.data["articles"]:
            if hashlib.sha256(item["text"].encode("utf-8")).hexdigest() != item["sha256"]:
                raise RestoreError(f"article {item['slug']!r}: text does not match its sha256")
            self.articles[item["slug"]] = models.Article.objects.create(
                slug=item["slug"],
                filename=item["filename"],
                title=item["title"],
                publisher=item["publisher"],
                published=_date(item["published"]),
                url=item["url"],
                # Backups made before articles recorded editors' changes have none.
                edited_fields=item.get("edited_fields", []),
                text=item["text"],
                sha256=item["sha256"],
            )
        # Backups made before facts could wait for a seat have none.
        models.WaitingFact.objects.bulk_create(
            models.WaitingFact(
                article=self.article(item["article"]),
                seat_holder=item["seat_holder"],
                kind=item["kind"],
                fields=item["fields"],
            )
            for item in self.data.get("waiting_facts", [])
        )
        for item in self.data["organisations"]:
            self.organisations[item["name"]] = self.create(
                models.Organisation, item, name=item["name"], slug=item["slug"], kind=item["kind"]
            )
        for item in self.data["constituencies"]:
            self.seats[item["slug"]] = self.create(
                models.Constituency,
                item,
                name=item["name"],
                slug=item["slug"],
                official_name=item["official_name"],
                ons_code=item["ons_code"],
                region=item["region"],
                country=item["country"],
            )
        for item in self.data["organisations"]:
            organisation = self.organisations[item["name"]]
            organisation.parent = self.organisation(item["parent"])
            organisation.constituency = self.seat(item["constituency"])
            organisation.save(update_fields=["parent", "constituency"])
        for item in self.data["people"]:
            person = self.create(
                models.Person,
                item,
                name=item["name"],
                slug=item["slug"],
                description=item["description"],
                party=self.organisation(item["member_of"]),
            )
            self.people[item["name"]] = person
            models.PersonAlias.objects.bulk_create(
                models.PersonAlias(person=person, alias=alias) for alias in item["aliases"]
            )
        for item in self.data["people"]:
            self.restore_person_facts(self.people[item["name"]], item)
        for item in self.data["constituencies"]:
            self.restore_seat(self.seats[item["slug"]], item)
        for item in self.data["general"]["statements"]:
            self.restore_statement(None, item)
        for item in self.data["general"]["events"]:
            self.restore_event(None, item)
        models.Evidence.objects.bulk_create(self.evidence)

    def restore_person_facts(self, person, item):
        for role in item["roles"]:
            self.create(
                models.Role,
                role,
                person=person,
                title=role["title"],
                organisation=self.organisation(role["organisation"]),
            )
        for move in item["party_moves"]:
            self.create(
                models.PartyMove,
                move,
                person=person,
                from_party=self.organisation(move["from_party"]),
                to_group=self.organisation(move["to_group"]),
                constituency=self.seat(move["constituency"]),
                date=_date(move["date"]),
                date_text=move["date_text"],
            )

    def restore_seat(self, seat, item):
        if item["mp"]:
            seat.mp = self.person(item["mp"]["name"])
            seat.save(update_fields=["mp"])
        for majority in item["majorities"]:
            self.create(
                models.Majority,
                majority,
                constituency=seat,
                year=majority["year"],
                majority=majority["majority"],
            )
        models.OfficialResult.objects.bulk_create(
            models.OfficialResult(
                constituency=seat,
                year=int(year),
                electorate=result["electorate"],
                valid_votes=result["valid_votes"],
                winner=result["winner"],
                runner_up=result["runner_up"],
                majority=result["majority"],
                votes=result["votes"],
                source=result["source"],
            )
            for year, result in item["official_results"].items()
        )
        for shortlist in item["shortlists"]:
            self.create(
                models.ShortlistDecision,
                shortlist,
                constituency=seat,
                kind=shortlist["type"],
                decided_by=self.organisation(shortlist["decided_by"]),
                firmness=shortlist["firmness"],
            )
        for candidate in item["candidates"]:
            candidacy = self.create(
                models.Candidacy,
                candidate,
                constituency=seat,
                person=self.person(candidate["name"]),
                status=candidate["status"],
                description=candidate["description"],
            )
            candidacy.backers.set([self.organisation(name) for name in candidate["backers"]])
        for statement in item["statements"]:
            self.restore_statement(seat, statement)
        for event in item["events"]:
            self.restore_event(seat, event)

    def restore_statement(self, seat, item):
        self.create(
            models.Statement,
            item,
            constituency=seat,
            speaker=self.person(item["speaker"]),
            speaker_role=item.get("speaker_role", ""),
            organisation=self.organisation(item["organisation"]),
            by_clp=item["by_clp"],
            medium=item["medium"],
            stance=item["stance"],
            text=item["text"],
            source=self.article(item.get("source")),
            source_key=item.get("source_key", ""),
        )

    def restore_event(self, seat, item):
        self.create(
            models.Event,
            item,
            constituency=seat,
            kind=item["kind"],
            description=item["description"],
            person=self.person(item["person"]),
            date=_date(item["date"]),
            date_text=item["date_text"],
        )


@transaction.atomic
def import_tracker(data):
    """Restore `data` (a parsed export) into an empty database; returns record counts."""
    if models.Article.objects.exists() or models.Constituency.objects.exists():
        raise RestoreError("the database already holds a tracker; restore into an empty one")
    if not isinstance(data, dict):
        raise RestoreError("not an export_tracker file: expected a JSON object")
    missing = {"articles", "organisations", "people", "constituencies", "general"} - set(data)
    if missing:
        raise RestoreError(f"not an export_tracker file: missing {', '.join(sorted(missing))}")
    restorer = Restorer(data)
    try:
        restorer.restore()
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, RestoreError):
            raise
        raise RestoreError(f"not an export_tracker file: bad or missing field {error}") from error
    data_changed()
    return {
        "articles": len(restorer.articles),
        "constituencies": len(restorer.seats),
        "people": len(restorer.people),
        "evidence": len(restorer.evidence),
    }
