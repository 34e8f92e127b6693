"""Precision and recall of the extractor against the hand-written expected records.

Seeds must stay at 0.95 or better, micro-averaged over all seed articles. The development
articles in `tests/fixtures/articles/` come in three groups, each reported on its own and
held to its own floor: `fx*` (written to test other phrasings; the extractor was tuned
while reading them), `ho*` (the first held-out round, moved into development once scored)
and `dv*` (added while the rules were being generalised; the floor there is set just
below what the extractor honestly reaches, because these texts are the closest thing in
this folder to unseen prose). `hb*` is the second blind round, moved into development
once scored; its floor is likewise set just below what the extractor reaches. So are
the later blind rounds (`tests/fixtures/round5` to `round8`), each scored blind before it
joined development (figures in each round's README). The
held-out set in `tests/fixtures/heldout/`, which the extractor's author does not read,
is the real measure and is scored by the lead, not here.
Run with `pytest -s` to see per-type figures and every miss and extra.
"""

from collections import defaultdict
from pathlib import Path

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.scoring import FACT_TYPES, Score, load_expected, placed, score

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests/fixtures/gold"
ARTICLES = ROOT / "tests/fixtures/articles"
SEEDS = sorted(p for p in GOLD.glob("*.json") if (ROOT / "seeds" / f"{p.stem}.txt").exists())

SEED_THRESHOLD = 0.95
# (precision, recall) floors per group of development articles
# Since the rules read the parse (December 2026) the floors follow what they honestly
# reach. fx was tuned phrase by phrase on the templates, and candidacies and party moves
# lost sentence-specific cues there; a majority with no year in an undated article is no
# longer given 2017. dv and hb lost party moves the templates took from defaults (Labour
# left, The Independent Group joined) and from heading tables the parse does not read.
FLOORS = {"fx": (0.95, 0.90), "ho": (0.95, 0.91), "dv": (0.89, 0.69), "hb": (0.94, 0.79)}


# Sets written blind in later rounds, each in its own folder (articles/ and gold/), scored
# once before anyone read their errors (see each round's README) and development since.
ROUND_SETS = {
    "hd": ROOT / "tests/fixtures/round5/hd",
    "he": ROOT / "tests/fixtures/round5/he",
    "hf": ROOT / "tests/fixtures/round6/hf",
    "hg": ROOT / "tests/fixtures/round6/hg",
    "hi": ROOT / "tests/fixtures/round7/hi",
    "hj": ROOT / "tests/fixtures/round7/hj",
    "hk": ROOT / "tests/fixtures/round8/hk",
    "hl": ROOT / "tests/fixtures/round8/hl",
}
# (precision, recall) floors for them, just below what the extractor reaches: they guard
# against losing what generalised, not a target.
ROUND_FLOORS = {
    "hd": (0.86, 0.71),
    "he": (0.80, 0.54),
    "hf": (0.83, 0.57),
    "hg": (0.84, 0.66),
    "hi": (0.83, 0.53),
    "hj": (0.87, 0.69),
    "hk": (0.82, 0.61),
    "hl": (0.81, 0.48),
}


def fixtures(prefix):
    return sorted(p for p in GOLD.glob(f"{prefix}*.json") if (ARTICLES / f"{p.stem}.txt").exists())


def measure(gold_files, folder):
    total = Score()
    per_type = defaultdict(Score)
    lines = []
    extractions = [
        extract((folder / f"{gold.stem}.txt").read_text(encoding="utf-8")).facts
        for gold in gold_files
    ]
    # the facts as loading the set would write them: "X's seat" placed where any names it
    for gold, facts in zip(gold_files, placed(extractions), strict=True):
        expected = load_expected(gold)
        result = score(expected, facts)
        total.add(result)
        for name, cls in FACT_TYPES.items():
            per_type[name].add(
                score(
                    [e for e in expected if e["type"] == name],
                    [f for f in facts if type(f) is cls],
                )
            )
        lines.append(f"{gold.stem}: P={result.precision:.2f} R={result.recall:.2f}")
        lines += [f"  missed {record}" for record in result.false_negatives]
        lines += [f"  extra  {record}" for record in result.false_positives]
    by_type = "  ".join(
        f"{name} P={s.precision:.2f} R={s.recall:.2f}" for name, s in per_type.items()
    )
    return total, f"{by_type}\n" + "\n".join(lines)


def test_seed_articles():
    assert SEEDS, "seed gold files are missing"
    total, report = measure(SEEDS, ROOT / "seeds")
    # the figures are this test's report: shown with `pytest -s`
    print(f"seeds: P={total.precision:.3f} R={total.recall:.3f}\n{report}")  # noqa: T201
    assert total.precision >= SEED_THRESHOLD, report
    assert total.recall >= SEED_THRESHOLD, report


@pytest.mark.parametrize("prefix", sorted(FLOORS))
def test_development_articles(prefix):
    gold_files = fixtures(prefix)
    if not gold_files:
        pytest.skip(f"no {prefix}* fixtures yet")
    total, report = measure(gold_files, ARTICLES)
    print(f"{prefix}: P={total.precision:.3f} R={total.recall:.3f}\n{report}")  # noqa: T201
    precision, recall = FLOORS[prefix]
    assert total.precision >= precision, report
    assert total.recall >= recall, report


@pytest.mark.parametrize("name", sorted(ROUND_FLOORS))
def test_later_rounds(name):
    folder = ROUND_SETS[name]
    total, report = measure(sorted((folder / "gold").glob("*.json")), folder / "articles")
    print(f"{name}: P={total.precision:.3f} R={total.recall:.3f}\n{report}")  # noqa: T201
    precision, recall = ROUND_FLOORS[name]
    assert total.precision >= precision, report
    assert total.recall >= recall, report
