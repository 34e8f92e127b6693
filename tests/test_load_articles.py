"""`load_articles` end to end on the seeds and on broken input."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from constituencies import models

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def load(*paths):
    out = StringIO()
    call_command("load_articles", *map(str, paths), stdout=out)
    return out.getvalue()


def export():
    out = StringIO()
    call_command("export_tracker", stdout=out)
    return out.getvalue()


def test_every_evidence_row_quotes_its_article_exactly():
    load(SEEDS)
    evidence = models.Evidence.objects.select_related("article")
    assert evidence.count() > 50
    for row in evidence:
        assert row.article.text[row.start : row.end] == row.quote


def test_every_seed_fact_has_evidence():
    load(SEEDS)
    for model in (
        models.Majority,
        models.ShortlistDecision,
        models.Candidacy,
        models.Statement,
        models.Event,
        models.PartyMove,
        models.Role,
    ):
        for fact in model.objects.all():
            assert fact.evidence.exists(), fact


def test_seed_articles_are_stored_byte_for_byte():
    load(SEEDS)
    for path in sorted(SEEDS.glob("*.txt")):
        assert models.Article.objects.get(filename=path.name).text == path.read_text("utf-8")


def test_reloading_changes_nothing_and_says_so():
    load(SEEDS)
    first = export()
    output = load(SEEDS)
    assert "0 created, 0 updated" in output.splitlines()[-1]
    assert export() == first


def test_export_is_deterministic_and_has_the_open_data_shape():
    load(SEEDS)
    text = export()
    assert text == export()
    data = json.loads(text)
    assert set(data) >= {"articles", "people", "constituencies"}
    streatham = next(c for c in data["constituencies"] if c["slug"] == "streatham")
    assert streatham["mp"]["name"] == "Chuka Umunna"
    assert streatham["mp"]["former_party"] == "Labour"
    assert {(m["year"], m["majority"]) for m in streatham["majorities"]} == {
        (2017, 26285),
        (2015, 13934),
    }
    assert streatham["shortlist"]["type"] == "all_women"
    article_texts = {a["slug"]: a["text"] for a in data["articles"]}
    for seat in data["constituencies"]:
        for group in ("majorities", "candidates", "statements"):
            for item in seat[group]:
                assert item["sources"], (seat["name"], group, item)
                for source in item["sources"]:
                    text = article_texts[source["article"]]
                    assert text[source["start"] : source["end"]] == source["quote"]


def test_an_editors_change_survives_reloading():
    load(SEEDS)
    candidacy = models.Candidacy.objects.get(person__name="Fran Johnston")
    candidacy.status = "selected"
    candidacy.edited_fields = ["status"]
    candidacy.save()
    load(SEEDS)
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"


def test_a_broken_article_is_reported_and_the_others_still_load(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CommandError) as failure:
        load(tmp_path, tmp_path / "missing.txt")
    message = str(failure.value)
    assert "3 article(s) failed" in message
    for name in ("empty.txt", "binary.txt", "missing.txt"):
        assert name in message
    assert models.Article.objects.count() == 4


def test_same_article_under_another_name_is_not_counted_twice(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, tmp_path / "a.txt")
    shutil.copy(seed, tmp_path / "b.txt")
    output = load(tmp_path)
    assert "same text as a.txt" in output
    assert models.Article.objects.count() == 1


def test_a_changed_article_replaces_only_its_own_facts(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds:
        shutil.copy(path, tmp_path)
    load(tmp_path)
    changed = tmp_path / seeds[0].name
    changed.write_text(changed.read_text().replace("26,285", "26,286"), encoding="utf-8")
    output = load(tmp_path)
    assert "removed" in output
    values = set(
        models.Majority.objects.filter(constituency__slug="streatham").values_list(
            "majority", flat=True
        )
    )
    assert 26286 in values and 26285 not in values
    for row in models.Evidence.objects.select_related("article"):
        assert row.article.text[row.start : row.end] == row.quote


def many_articles(folder, copies=2):
    """Every seed and fixture article, `copies` times, each copy a distinct text."""
    folder.mkdir()
    sources = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    for n in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8") + f"\nUpdate {n}.\n"
            (folder / f"{n}-{source.name}").write_text(text, encoding="utf-8")
    return len(sources) * copies


def test_many_articles_load_alike_through_workers_and_in_one_process(tmp_path, monkeypatch):
    from constituencies.ingest import document, pipeline

    count = many_articles(tmp_path / "many")
    assert count >= pipeline.PARALLEL_FROM
    started = []
    real_pool = pipeline.multiprocessing.get_context("forkserver").Pool

    def pool(*args, **kwargs):
        started.append(args)
        return real_pool(*args, **kwargs)

    def no_parse_here(texts):
        raise AssertionError("the writing process parsed a sentence")

    monkeypatch.setattr(pipeline.multiprocessing.get_context("forkserver"), "Pool", pool)
    monkeypatch.setattr(pipeline, "workers", lambda: 2)
    monkeypatch.setattr(document, "parse_all", no_parse_here)
    load(tmp_path / "many")
    monkeypatch.undo()
    assert started, "the workers were not used"
    through_workers = export()

    for model in (
        models.Event,
        models.Statement,
        models.Candidacy,
        models.ShortlistDecision,
        models.Majority,
        models.PartyMove,
        models.Role,
        models.Article,
        models.Constituency,
        models.Person,
        models.Organisation,
    ):
        model.objects.all().delete()
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", count + 1)
    monkeypatch.setattr(pipeline, "workers", lambda: 2)
    load(tmp_path / "many")
    assert export() == through_workers
    # And a second run changes nothing.
    assert "0 created, 0 updated" in load(tmp_path / "many").splitlines()[-1]
