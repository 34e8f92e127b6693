"""Read layer: a file, an upload or pasted text -> `RawArticle`: normalised text, its hash.

The stored text is what every evidence offset refers to, so normalisation happens here
and only here: UTF-8 (a byte-order mark is dropped) with a Windows-1252 fallback, line
endings folded to LF, then hashed. Files read by the loader and files uploaded in the
admin go through the same `read_bytes`, under the same size limit. Input that cannot be
an article is refused with an `ArticleError`: empty or blank, binary, neither UTF-8 nor
Windows-1252, too large, or an HTML document (we do not guess which part of a web page
is the story; paste the article text instead).
"""

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .gazetteer import publishers

MB = 1024 * 1024
# The one size limit for an article, read from a file, uploaded or pasted; the settings'
# request size limit is derived from it.
MAX_BYTES = 5 * MB

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


def check_size(size: int, filename: str) -> None:
    """Refuse an article of `size` bytes over the limit, before anything reads it."""
    if size > MAX_BYTES:
        limit = f"{MAX_BYTES // MB} MB" if MAX_BYTES % MB == 0 else f"{MAX_BYTES:,}-byte"
        raise ArticleError(f"{filename}: {size:,} bytes is over the {limit} limit")


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


def read_text(text: str, filename: str = "") -> RawArticle:
    """Check and normalise decoded text; text pasted in the admin has no file name."""
    name = filename or "pasted text"
    check_size(len(text.encode("utf-8")), name)
    if "\x00" in text or _looks_binary(text):
        raise ArticleError(f"{name}: binary content, not article text")
    text = normalise(text)
    if not text.strip():
        raise ArticleError(f"{name}: empty article")
    if _HTML.match(text) or len(_TAGS.findall(text)) > 5:
        raise ArticleError(f"{name}: looks like an HTML page; paste the article text instead")
    return RawArticle(filename, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_bytes(data: bytes, filename: str) -> RawArticle:
    """Check, decode and normalise an article file's bytes, read from disk or uploaded;
    raises `ArticleError` if they cannot be an article."""
    check_size(len(data), filename)
    return read_text(_decode(data, filename), filename)


def read_article(path: str | Path) -> RawArticle:
    """Read one article file; raises `ArticleError` if it cannot be an article."""
    path = Path(path)
    check_size(path.stat().st_size, path.name)
    return read_bytes(path.read_bytes(), path.name)


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
