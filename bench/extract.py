"""Benchmark extraction alone on one core over a synthetic corpus.

The corpus (at least 1,000 articles) is built from the seed and fixture articles: each
synthetic article shuffles the paragraphs of a source article (keeping its first line)
and swaps every gazetteer constituency for another one, so the extractor cannot lean on
repeated text. Reading and loading are not timed.

    .venv/bin/python bench/extract.py [--articles N] [--seed S]
"""

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from constituencies.ingest import gazetteer  # noqa: E402
from constituencies.ingest.extract import extract  # noqa: E402
from constituencies.ingest.read import RawArticle  # noqa: E402
from constituencies.ingest.work import CHUNK, extract_each  # noqa: E402


def sources() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests/fixtures/articles").glob("*.txt")
    )
    return [path.read_text(encoding="utf-8") for path in paths]


def synthetic(texts: list[str], count: int, rng: random.Random) -> list[str]:
    seats = gazetteer.constituencies()
    pattern = re.compile("|".join(re.escape(s) for s in sorted(seats, key=len, reverse=True)))
    corpus = []
    for number in range(count):
        text = texts[number % len(texts)]
        head, *paragraphs = [p for p in text.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        swap: dict[str, str] = {}
        body = "\n\n".join([head, *paragraphs])
        body = pattern.sub(lambda m, swap=swap: swap.setdefault(m.group(), rng.choice(seats)), body)
        corpus.append(body)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args()
    corpus = synthetic(sources(), args.articles, random.Random(args.seed))
    extract(corpus[0])  # load gazetteers and compile patterns outside the timing
    megabytes = sum(len(text.encode("utf-8")) for text in corpus) / 1_000_000
    facts = 0
    # CPU time of this process: the machine is shared, so wall time says little
    started, wall = time.process_time(), time.perf_counter()
    # as the extraction workers take them: CHUNK articles at a time
    for start in range(0, len(corpus), CHUNK):
        chunk = [RawArticle("", text, "") for text in corpus[start : start + CHUNK]]
        facts += sum(len(extraction.facts) for extraction in extract_each(chunk))
    elapsed = time.process_time() - started
    wall = time.perf_counter() - wall
    print(f"{len(corpus)} articles, {megabytes:.2f} MB, {facts} facts in {elapsed:.2f} s CPU")  # noqa: T201
    print(  # noqa: T201
        f"{len(corpus) / elapsed:.0f} articles/s, {megabytes / elapsed:.2f} MB/s of CPU time "
        f"({wall:.2f} s wall)"
    )


if __name__ == "__main__":
    main()
