"""Gazetteers and word lists for the extractor, loaded once from `data/`.

Names live in data files, not in code: constituencies (650 Westminster seats, 2010-2024
boundaries), parties and organisations with their aliases, outlets that may name
themselves, general-election years, words that are never part of a person's name and
role nouns. This module only turns those lists into lookups and compiled patterns.
"""

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")

# Small words that newspapers lower-case inside place names ("Stoke-on-Trent").
_PLACE_SMALL_WORDS = {"upon", "on", "under", "super", "le", "the", "of", "in", "by", "with"}


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _json(name: str) -> dict[str, list[str]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _alias_pattern(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return "|".join(re.escape(alias) for alias in ordered)


def _place_pattern(name: str) -> str:
    parts = []
    for word in re.split(r"([ -])", name):
        if word == " ":
            parts.append(r",?\s+")
        elif word == "-":
            parts.append(r"\s?-\s?")
        elif word.lower() == "and":
            parts.append(r"(?:and|&)")
        elif word.lower() in _PLACE_SMALL_WORDS:
            parts.append(f"(?i:{re.escape(word)})")
        else:
            parts.append(re.escape(word))
    return "".join(parts)


@cache
def constituencies() -> list[str]:
    return _lines("constituencies.txt")


@cache
def constituency_aliases() -> dict[str, str]:
    """Short name -> constituency ("Wavertree" -> "Liverpool Wavertree")."""
    return dict(line.split("\t", 1) for line in _lines("constituency_aliases.txt"))


@cache
def constituency_regex() -> re.Pattern:
    """Any gazetteer constituency or short name, longest first, tolerant of '&', commas
    and the case of small words."""
    names = sorted([*constituencies(), *constituency_aliases()], key=len, reverse=True)
    body = "|".join(_place_pattern(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@cache
def parties() -> dict[str, str]:
    """Alias -> canonical party name."""
    return {alias: name for name, aliases in _json("parties.json").items() for alias in aliases}


@cache
def party_regex() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_alias_pattern(list(parties()))})(?![\w-])")


@cache
def organisations() -> dict[str, str]:
    """Alias -> canonical organisation name."""
    data = _json("organisations.json")
    return {alias: name for name, aliases in data.items() for alias in aliases}


@cache
def organisation_regex() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_alias_pattern(list(organisations()))})(?![\w-])")


@cache
def publishers() -> list[str]:
    return _lines("publishers.txt")


@cache
def publisher_regex() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_alias_pattern(publishers())})(?![\w-])")


@cache
def election_years() -> list[int]:
    return sorted(int(year) for year in _lines("election_years.txt"))


@cache
def name_stopwords() -> frozenset[str]:
    return frozenset(_lines("name_stopwords.txt"))


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("role_nouns.txt"))
