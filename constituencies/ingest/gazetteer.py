"""Gazetteers and word lists for the extractor, loaded once from `data/`.

Names live in data files, not in code: constituencies (650 Westminster seats, 2010-2024
boundaries), parties and organisations with their aliases, outlets that may name
themselves, general-election years, words that are never part of a person's name and
role nouns. This module only turns those lists into lookups and compiled patterns.
"""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _json(name: str) -> dict[str, list[str]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _alias_pattern(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return "|".join(re.escape(alias) for alias in ordered)


@cache
def constituencies() -> list[str]:
    return _lines("constituencies.txt")


@cache
def constituency_aliases() -> dict[str, str]:
    """Short name -> constituency ("Wavertree" -> "Liverpool Wavertree")."""
    return dict(line.split("\t", 1) for line in _lines("constituency_aliases.txt"))


def place_key(words: list[str]) -> str:
    """Lookup key for a place name: lower case, '&' as 'and', commas and spacing ignored."""
    return " ".join("and" if word == "&" else word.lower() for word in words)


@cache
def constituency_keys() -> tuple[dict[str, str], int]:
    """(key -> alias target or "" for a full name, longest name in words)."""
    keys = {place_key(name.split()): "" for name in constituencies()}
    for alias, name in constituency_aliases().items():
        keys[place_key(alias.split())] = name
    return keys, max(len(key.split()) for key in keys)


@cache
def constituency_lengths() -> dict[str, tuple[int, ...]]:
    """First word's key -> the lengths in words of the keys starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in constituency_keys()[0]:
        words = key.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}


@cache
def canonical_constituencies() -> dict[str, str]:
    """Key -> the gazetteer's own spelling, so "STREATHAM" as a heading is "Streatham"."""
    return {place_key(name.split()): name for name in constituencies()}


@cache
def parties() -> dict[str, str]:
    """Alias -> canonical party name."""
    return {alias: name for name, aliases in _json("parties.json").items() for alias in aliases}


@cache
def organisations() -> dict[str, str]:
    """Alias -> canonical organisation name."""
    data = _json("organisations.json")
    return {alias: name for name, aliases in data.items() for alias in aliases}


@cache
def publishers() -> list[str]:
    return _lines("publishers.txt")


@cache
def election_dates() -> list[date]:
    """Polling days of the general elections, in order."""
    return sorted(date.fromisoformat(line) for line in _lines("elections.txt"))


@cache
def election_years() -> list[int]:
    return [day.year for day in election_dates()]


@cache
def name_stopwords() -> frozenset[str]:
    return frozenset(_lines("name_stopwords.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(_lines("function_words.txt"))


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("role_nouns.txt"))


@cache
def description_stopwords() -> frozenset[str]:
    return frozenset(_lines("description_stopwords.txt"))


@cache
def description_modifiers() -> frozenset[str]:
    return frozenset(_lines("description_modifiers.txt"))


@cache
def named_things() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every organisation, party and outlet alias, and alias -> (kind, name).

    Where an alias is both (none today), an organisation wins over a party and a party
    over an outlet.
    """
    kinds: dict[str, tuple[str, str]] = {}
    for name in publishers():
        kinds[name] = ("outlet", name)
    for alias, name in parties().items():
        kinds[alias] = ("party", name)
    for alias, name in organisations().items():
        kinds[alias] = ("org", name)
    # "Momentum-backed" names Momentum, so a hyphen may follow; one may precede only as
    # "ex-" ("ex-Tory MP": the party, formerly), not "anti-" or "pro-". The lookahead for
    # an alias's first letter lets the search skip most positions before trying each alias.
    first = "".join(sorted({re.escape(alias[0]) for alias in kinds}))
    alternation = _alias_pattern(list(kinds))
    start = r"(?:(?<![\w-])|(?<=\b[Ee]x-))"
    return re.compile(rf"(?=[{first}]){start}(?:{alternation})(?!\w)"), kinds
