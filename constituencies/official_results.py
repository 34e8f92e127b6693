"""Import the House of Commons Library's official general election results.

Two file shapes are understood, told apart by their header:

- results by constituency for one election (e.g. `HoC-GE2017-constituency-results.csv`):
  ONS code, names, county, region, country, electorate, valid votes, winner, majority
  and votes per party;
- the 1918-2017 results (`HoC-1918-2017-election-results.csv`): one row per seat and
  election with votes per party group; only elections on the current (2010-2017)
  boundaries are imported, since older seats are not today's.

Seats are matched on ONS code, then on the slug of their name, so "Liverpool, Wavertree"
and "PENISTONE & STOCKSBRIDGE" find the articles' "Liverpool Wavertree" and "Penistone
and Stocksbridge". A seat first made here keeps the official name; one first made from
an article keeps the article's spelling and gains the official name beside it.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .models import Constituency, OfficialResult, seat_slug
from .pagecache import data_changed

CONSTITUENCY_RESULTS_COLUMNS = {
    "id",
    "constituency_name",
    "region_name",
    "country_name",
    "electorate",
    "valid_votes",
    "first_party",
    "second_party",
    "majority",
}
# Vote columns and the party codes the Library uses for winners ("Lab", "Con"...), so
# that votes from either file are keyed alike.
CONSTITUENCY_RESULTS_PARTIES = {
    "con": "Con",
    "lab": "Lab",
    "ld": "LD",
    "ukip": "UKIP",
    "green": "Green",
    "snp": "SNP",
    "pc": "PC",
    "dup": "DUP",
    "sf": "SF",
    "sdlp": "SDLP",
    "uup": "UUP",
    "alliance": "Alliance",
    "other": "Other",
}
HISTORICAL_COLUMNS = {
    "constituency_id",
    "constituency",
    "country/region",
    "electorate",
    "total_votes",
    "election",
    "boundary_set",
}
HISTORICAL_PARTIES = {
    "con_votes": "Con",
    "lab_votes": "Lab",
    "lib_votes": "LD",
    "natSW_votes": "SNP/PC",
    "oth_votes": "Other",
}
CURRENT_BOUNDARIES = "2010-2017"
NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}


class ResultsFileError(ValueError):
    """The file is not one of the Library's results files; the message says why."""


@dataclass(frozen=True)
class ResultRow:
    ons_code: str
    name: str
    region: str
    country: str
    year: int
    electorate: int | None
    valid_votes: int | None
    winner: str
    runner_up: str
    majority: int | None
    votes: dict
    source: str


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    conflicts: list = field(default_factory=list)

    def summary(self):
        c = self.counts
        return (
            f"{c['rows']} rows: seats {c['seats created']} created, {c['seats updated']} updated; "
            f"results {c['results created']} created, {c['results updated']} updated, "
            f"{c['results unchanged']} unchanged"
            + (f", {c['rows skipped']} rows skipped" if c["rows skipped"] else "")
        )


def whole(value):
    value = (value or "").strip().replace(",", "")
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError as error:
        raise ResultsFileError(f"expected a number, found {value!r}") from error


def title_case(name):
    """Official upper-case names ("LIVERPOOL, WAVERTREE") in the Library's usual case."""
    if not name.isupper():
        return name
    small = {"and", "of", "the", "upon", "on", "with", "in", "under"}
    words = name.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))


def parse_constituency_results(rows, year):
    for row in rows:
        votes = {
            party: n
            for column, party in CONSTITUENCY_RESULTS_PARTIES.items()
            if (n := whole(row.get(column))) is not None and n > 0
        }
        yield ResultRow(
            ons_code=row["id"].strip(),
            name=row["constituency_name"].strip(),
            region=row["region_name"].strip(),
            country=row["country_name"].strip(),
            year=year,
            electorate=whole(row["electorate"]),
            valid_votes=whole(row["valid_votes"]),
            winner=row["first_party"].strip(),
            runner_up=row["second_party"].strip(),
            majority=whole(row["majority"]),
            votes=votes,
            source=OfficialResult.Source.CONSTITUENCY_RESULTS,
        )


def parse_historical(rows, report):
    for row in rows:
        if row["boundary_set"].strip() != CURRENT_BOUNDARIES:
            report.counts["rows skipped"] += 1
            continue
        votes = {
            party: n
            for column, party in HISTORICAL_PARTIES.items()
            if (n := whole(row.get(column))) is not None and n > 0
        }
        ranked = sorted(votes.items(), key=lambda item: -item[1])
        winner, runner_up = (ranked + [("", 0), ("", 0)])[:2]
        # "Other" lumps several candidates together: a margin involving it is not a majority.
        known = winner[0] != "Other" and runner_up[0] != "Other" and len(ranked) >= 2
        region = row["country/region"].strip()
        yield ResultRow(
            ons_code=row["constituency_id"].strip(),
            name=title_case(row["constituency"].strip()),
            region=region,
            country=region if region in NATIONS else "England",
            year=whole(row["election"]),
            electorate=whole(row["electorate"]),
            valid_votes=whole(row["total_votes"]),
            winner=winner[0] if winner[0] != "Other" else "",
            runner_up=runner_up[0] if known else "",
            majority=winner[1] - runner_up[1] if known else None,
            votes=votes,
            source=OfficialResult.Source.HISTORICAL,
        )


def read_rows(path, report):
    """Parse a results file into `ResultRow`s, refusing anything of another shape."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = Path(path).read_bytes().decode("cp1252")
    except OSError as error:
        raise ResultsFileError(f"{path}: cannot be read ({error.strerror})") from error
    reader = csv.DictReader(io.StringIO(text))
    header = {(name or "").strip() for name in reader.fieldnames or []}
    reader.fieldnames = [(name or "").strip() for name in reader.fieldnames or []]
    if CONSTITUENCY_RESULTS_COLUMNS.issubset(header):
        year = year_from_name(path)
        rows = parse_constituency_results(reader, year)
    elif HISTORICAL_COLUMNS.issubset(header):
        rows = parse_historical(reader, report)
    else:
        raise ResultsFileError(
            f"{path}: not a House of Commons Library results file; expected the columns of "
            f"the results by constituency ({', '.join(sorted(CONSTITUENCY_RESULTS_COLUMNS))}) "
            f"or of the 1918-2017 results ({', '.join(sorted(HISTORICAL_COLUMNS))})"
        )
    try:
        return list(rows)
    except (KeyError, ResultsFileError) as error:
        raise ResultsFileError(f"{path}: line {reader.line_num}: {error}") from error


def year_from_name(path):
    digits = [
        part
        for part in Path(path).stem.replace("-", " ").replace("_", " ").split()
        if part.upper().startswith("GE") and part[2:].isdigit()
    ]
    if digits:
        return int(digits[0][2:])
    raise ResultsFileError(
        f"{path}: results by constituency must name their election year in the file name, "
        "as the Library's do (HoC-GE2017-...)"
    )


SEAT_FIELDS = ("ons_code", "official_name", "region", "country")
RESULT_FIELDS = ("electorate", "valid_votes", "winner", "runner_up", "majority", "votes", "source")


@transaction.atomic
def import_results(path):
    """Import one results file in a single transaction; returns an `ImportReport`."""
    report = ImportReport()
    rows = read_rows(path, report)
    report.counts["rows"] = len(rows) + report.counts["rows skipped"]
    seats = match_seats(rows, report)
    existing = {
        (r.constituency_id, r.year): r
        for r in OfficialResult.objects.filter(year__in={row.year for row in rows})
    }
    new, changed, seen = [], [], set()
    for row, seat in zip(rows, seats, strict=True):
        if (seat.pk, row.year) in seen:
            report.counts["rows skipped"] += 1
            report.conflicts.append(f"{row.name} {row.year}: a second row for {seat.name}")
            continue
        seen.add((seat.pk, row.year))
        values = {name: getattr(row, name) for name in RESULT_FIELDS}
        result = existing.get((seat.pk, row.year))
        if result is None:
            new.append(OfficialResult(constituency=seat, year=row.year, **values))
        elif (
            result.source == OfficialResult.Source.CONSTITUENCY_RESULTS
            and row.source == OfficialResult.Source.HISTORICAL
        ):
            # The single-election file is the fuller record; the historical file does not
            # overwrite it.
            report.counts["results unchanged"] += 1
        elif any(getattr(result, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(result, name, value)
            changed.append(result)
        else:
            report.counts["results unchanged"] += 1
    OfficialResult.objects.bulk_create(new)
    OfficialResult.objects.bulk_update(changed, RESULT_FIELDS)
    report.counts["results created"] = len(new)
    report.counts["results updated"] = len(changed)
    data_changed()
    return report


COMPASS = {"north", "south", "east", "west", "central", "mid"}


def name_slugs(name):
    """Slugs a seat's name may have: as written, and with a trailing compass word moved to
    the front, since the 1918-2017 file writes "SOMERSET NORTH" for North Somerset."""
    slug = seat_slug(name)
    words = slug.split("-")
    variants = [slug]
    if len(words) > 1 and words[-1] in COMPASS:
        variants.append("-".join([words[-1], *words[:-1]]))
    return variants


def names_agree(seat, row):
    known = {seat.slug, seat_slug(seat.official_name)} if seat.official_name else {seat.slug}
    return any(slug in known for slug in name_slugs(row.name))


def match_seats(rows, report):
    """Find or make the seat for every row, filling in official details without touching
    an editor's values. Returns one seat per row, in order.

    An ONS code is trusted when the row's name agrees with its seat; otherwise the name
    decides (the 1918-2017 file gives Swindon North the code of North Somerset in 2015).
    """
    by_code = {c.ons_code: c for c in Constituency.objects.exclude(ons_code="")}
    by_slug = {c.slug: c for c in Constituency.objects.all()}
    matched, new, changed = [], [], {}
    for row in rows:
        seat = by_code.get(row.ons_code)
        if seat is None or not names_agree(seat, row):
            named = next((by_slug[s] for s in name_slugs(row.name) if s in by_slug), None)
            seat = named or seat
        official = {
            "ons_code": row.ons_code,
            "official_name": title_case(row.name),
            "region": row.region,
            "country": row.country,
        }
        if seat is None:
            # Articles write "Liverpool Wavertree" where the Library writes "Liverpool,
            # Wavertree": the seat takes the articles' form, the official one stays beside it.
            display = official["official_name"].replace(", ", " ")
            seat = Constituency(name=display, slug=seat_slug(row.name), **official)
            new.append(seat)
            by_slug[seat.slug] = seat
            by_code.setdefault(row.ons_code, seat)
        elif row.source == OfficialResult.Source.CONSTITUENCY_RESULTS or not seat.ons_code:
            updates = {
                name: value
                for name, value in official.items()
                if value
                and name not in seat.edited_fields
                and getattr(seat, name) != value
                and not (name == "official_name" and getattr(seat, name))
            }
            for name, value in updates.items():
                setattr(seat, name, value)
            if updates and seat.pk:
                changed[seat.pk] = seat
        matched.append(seat)
    if new:
        bulk_create_with_history(new, Constituency)
        saved = {c.slug: c for c in Constituency.objects.filter(slug__in=[c.slug for c in new])}
        matched = [saved.get(seat.slug, seat) if seat.pk is None else seat for seat in matched]
    if changed:
        bulk_update_with_history(list(changed.values()), Constituency, list(SEAT_FIELDS))
    report.counts["seats created"] = len(new)
    report.counts["seats updated"] = len(changed)
    return matched
