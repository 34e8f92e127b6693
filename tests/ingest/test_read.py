"""Reading files: decoding, normalisation, refusals, title and publisher guesses."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constituencies.ingest import read
from constituencies.ingest.read import (
    ArticleError,
    RawArticle,
    guess_publisher,
    guess_title,
    read_article,
    read_bytes,
    read_text,
)


def write(tmp_path, data: bytes, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Plain text.\n", "Plain text.\n"),
        ("\ufeffWith a BOM.".encode(), "With a BOM."),
        (b"Windows\r\nline\rends\r\n", "Windows\nline\nends\n"),
        ("Curly “quotes” – dash".encode(), "Curly “quotes” – dash"),
        # not UTF-8: Windows-1252 curly quotes and pound sign
        (b"\x93Hi\x94 \xa315,000", "“Hi” £15,000"),
    ],
)
def test_decoding_and_normalising(tmp_path, data, text):
    raw = read_article(write(tmp_path, data))
    assert raw.text == text
    assert raw.filename == "article.txt"
    assert raw.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_hash_is_of_normalised_text(tmp_path):
    unix = read_article(write(tmp_path, b"Same words.\nTwo lines.", "a.txt"))
    dos = read_article(write(tmp_path, b"Same words.\r\nTwo lines.", "b.txt"))
    assert unix.sha256 == dos.sha256


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n", "empty"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"<!DOCTYPE html><html><body><p>Story</p></body></html>", "HTML"),
        (b"<html>\n<head><title>x</title></head></html>", "HTML"),
    ],
)
def test_refusals(tmp_path, data, reason):
    with pytest.raises(ArticleError) as error:
        read_article(write(tmp_path, data))
    assert reason in error.value.message


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    assert read_article(write(tmp_path, b"x" * 100)).text == "x" * 100
    for reading in (
        lambda: read_article(write(tmp_path, b"x" * 101)),
        lambda: read_bytes(b"x" * 101, "upload.txt"),
        lambda: read_text("y" * 101),
    ):
        with pytest.raises(ArticleError, match="101 bytes is over the 100-byte limit"):
            reading()


def test_size_limit_message_in_megabytes(tmp_path):
    with pytest.raises(ArticleError) as error:
        read.check_size(read.MAX_BYTES + 1, "big.txt")
    assert error.value.message == "big.txt: 5,242,881 bytes is over the 5 MB limit"


def test_read_text_for_pasted_articles():
    raw = read_text("Pasted\r\narticle.")
    assert (raw.filename, raw.text) == ("", "Pasted\narticle.")
    with pytest.raises(ArticleError, match="pasted text: empty article"):
        read_text("  \n ")


# Bytes that are in neither UTF-8 nor Windows-1252: 0x81, 0x8D, 0x8F, 0x90 and 0x9D
# have no character in Windows-1252.
UNDECODABLE = b"Caf\xe9 \x81 bar"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (UNDECODABLE, "neither UTF-8 nor Windows-1252"),
        (b"\x8d\x8f\x90\x9d", "neither UTF-8 nor Windows-1252"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_read_bytes_refusals(data, reason):
    with pytest.raises(ArticleError) as error:
        read_bytes(data, "upload.txt")
    assert error.value.message.startswith("upload.txt: ")
    assert reason in error.value.message


def test_read_bytes_is_what_the_loader_reads(tmp_path):
    data = b"\x93Quoted\x94\r\nand \xa3100."
    assert read_bytes(data, "article.txt") == read_article(write(tmp_path, data))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    try:
        raw = read_bytes(data, "upload.txt")
    except ArticleError as error:
        assert error.message.startswith("upload.txt: ")
    else:
        assert isinstance(raw, RawArticle)
        assert raw.sha256 == hashlib.sha256(raw.text.encode("utf-8")).hexdigest()


def test_text_mentioning_html_is_not_refused():
    assert read_text("She wrote <b> in her tweet and <html> once.").text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Momentum launches push to oust MPs\nMomentum is launching a drive.",
            "Momentum launches push to oust MPs",
        ),
        ("Labour has fast-tracked the selections.\nMore text.", ""),
        ("A single line with no body", ""),
        (
            "Enfield North MP Joan Ryan quits Labour\n\nLONDON - Joan Ryan quit.",
            "Enfield North MP Joan Ryan quits Labour",
        ),
    ],
)
def test_guess_title(text, title):
    assert guess_title(text) == title


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Allies are tipped to run, HuffPost UK has learned.", "HuffPost UK"),
        ("In a letter passed to HuffPost UK, he said so.", "HuffPost UK"),
        ("Story text.\n\nMore from LabourList", "LabourList"),
        ("Story.\nPoliticsHome Newsletters\nPoliticsHome provides coverage", "PoliticsHome"),
        # an outlet quoted as someone else's source is not the publisher
        ("This morning he told ITV News he hoped so.", ""),
        ("No outlet at all.", ""),
    ],
)
def test_guess_publisher(text, publisher):
    assert guess_publisher(text) == publisher
