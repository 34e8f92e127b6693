"""Read layer: a file (or pasted text) -> `RawArticle` with normalised text and its hash.

The stored text is what every evidence offset refers to, so normalisation happens here
and only here: UTF-8 (a byte-order mark is dropped) with a Windows-1252 fallback, line
endings folded to LF, then hashed. Files that cannot be an article are refused with an
`ArticleError`: empty or blank, binary, too large, or an HTML document (we do not guess
which part of a web page is the story; paste the article text instead).
"""

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .gazetteer import publishers

MAX_BYTES = 5 * 1024 * 1024

_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_TAGS = re.compile(r"</?(?:p|div|span|br|a|html|body|head|script|style)\b[^>]*>", re.IGNORECASE)


class ArticleError(ValueError):
    """The input cannot be treated as an article; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RawArticle:
    filename: str
    text: str
    sha256: str


def _decode(data: bytes, filename: str) -> str:
    if b"\x00" in data:
        raise ArticleError(f"{filename}: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ArticleError(f"{filename}: neither UTF-8 nor Windows-1252 text") from error


# Control characters that have no place in text.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(CONTROLS.findall(sample)) > len(sample) * 0.05


def normalise(text: str) -> str:
    """Fold CRLF and lone CR to LF; drop a leading byte-order mark left in pasted text."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_text(text: str, filename: str = "pasted.txt") -> RawArticle:
    """Check and normalise text that did not come from a file (e.g. pasted in the admin)."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ArticleError(f"{filename}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    if "\x00" in text or _looks_binary(text):
        raise ArticleError(f"{filename}: binary content, not article text")
    text = normalise(text)
    if not text.strip():
        raise ArticleError(f"{filename}: empty article")
    if _HTML.match(text) or len(_TAGS.findall(text)) > 5:
        raise ArticleError(f"{filename}: looks like an HTML page; paste the article text instead")
    return RawArticle(filename, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_article(path: str | Path) -> RawArticle:
    """Read one article file; raises `ArticleError` if it cannot be an article."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{path.name}: {size} bytes is over the {MAX_BYTES} byte limit")
    return read_text(_decode(path.read_bytes(), path.name), path.name)


_SELF_NAMING = (
    r"(?:{name}) (?:has learned|has learnt|understands|can reveal|revealed|has revealed|reported|"
    r"reports)"
    r"|(?:passed to|seen by|obtained by|contacted by) (?:{name})(?![\w-])"
    r"|^More from (?:{name})\s*$|^(?:{name}) (?:Newsletters?|provides|is)\b"
    r"|\((?:{name})\) [-–—]"
)


@cache
def _longest_first() -> tuple[str, ...]:
    """Outlets' names, longest first, so "HuffPost UK" is found before "HuffPost"."""
    return tuple(sorted(publishers(), key=len, reverse=True))


@cache
def _self_naming(names: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(_SELF_NAMING.format(name=alternation), re.MULTILINE)


def guess_title(text: str) -> str:
    """The first line, when it reads like a headline: short, followed by more text, no full stop."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0]:
        return ""
    first = re.sub(r"^(?:Subject|Re|Fwd?):\s*", "", lines[0], flags=re.IGNORECASE)
    labelled = first != lines[0]  # an email's subject line is its title, however short
    short = len(first.split()) < 3 and not labelled
    if not first or len(first) > 160 or short or first.endswith((".", ",", ";", ":")):
        return ""
    return first


def guess_publisher(text: str) -> str:
    """An outlet the article names as itself ("HuffPost UK has learned", "More from LabourList").

    Outlets quoted as other people's sources ("told ITV") are not the publisher, so only
    phrasings where the outlet is the one reporting count; a closing "More from X" or
    "X Newsletters" line wins over anything in the body.
    """
    present = tuple(name for name in _longest_first() if name in text)
    if not present:
        return ""
    found = list(_self_naming(present).finditer(text))
    if not found:
        return ""
    tail = [m for m in found if m.group().startswith("More from") or "Newsletter" in m.group()]
    best = tail[-1] if tail else found[0]
    return next(name for name in present if name in best.group())
