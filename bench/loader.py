"""Loader at scale: `load_articles` end to end on 1,000 and 10,000 synthetic articles.

The corpus is made from our own articles (seeds and test fixtures) with the people and
seats their expected records name swapped for others, so that each copy states new facts.
Each run is a fresh database and a separate `manage.py load_articles` process, timed from
start (Django start-up included) to exit; peak memory is the largest resident size of
the writing process. The extraction workers, children of a fork server, are not counted:
each holds the parser's model, about 115 MB more (`bench/memory.py` measures it).

    .venv/bin/python bench/loader.py                      # 1,000 and 10,000, both databases
    .venv/bin/python bench/loader.py --sizes 1000 --database sqlite
"""

import argparse
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEATS = ROOT / "constituencies" / "ingest" / "data" / "constituencies.txt"
# Enough names that synthetic people rarely collide, as real ones rarely do.
FIRST = [
    "Alex",
    "Bridget",
    "Callum",
    "Deborah",
    "Edward",
    "Fiona",
    "Gareth",
    "Helen",
    "Imran",
    "Judith",
    "Kieran",
    "Louise",
    "Martin",
    "Nadine",
    "Oliver",
    "Philippa",
    "Rupert",
    "Sandra",
    "Trevor",
    "Valerie",
    "Wendy",
    "Yusuf",
    "Zara",
    "Aled",
    "Bronwen",
    "Cerys",
    "Declan",
    "Eamon",
    "Gwen",
    "Hamish",
    "Isobel",
    "Jasper",
    "Kirsty",
    "Leon",
    "Morag",
    "Niall",
    "Orla",
    "Padraig",
    "Rhian",
    "Siobhan",
]
LAST = [
    "Ashworth",
    "Bellamy",
    "Cartwright",
    "Dunmore",
    "Ellison",
    "Fairbairn",
    "Gilchrist",
    "Hollins",
    "Ingram",
    "Jessop",
    "Kettering",
    "Lockwood",
    "Marsden",
    "Northcott",
    "Ormerod",
    "Pickering",
    "Radcliffe",
    "Sheldon",
    "Thwaite",
    "Underwood",
    "Varley",
    "Whitfield",
    "Yardley",
    "Abernethy",
    "Blackwood",
    "Cresswell",
    "Dalrymple",
    "Eckersley",
    "Fothergill",
    "Greenhalgh",
    "Hargreaves",
    "Illingworth",
    "Kilbride",
    "Lumsden",
    "Mallinson",
    "Nettleton",
    "Oldroyd",
    "Pennington",
    "Rawcliffe",
    "Sowerby",
    "Tattersall",
    "Wainwright",
    "Ackroyd",
    "Brocklehurst",
    "Cunliffe",
    "Duckworth",
    "Entwistle",
    "Fazackerley",
    "Gledhill",
    "Haworth",
]
PERSON_FIELDS = ("person", "speaker", "name")
# Records that pair an MP with their seat.
SEAT_TYPES = ("seat", "party_move")


def templates():
    """(text, MPs with their seats, other people, other seats) for every article with
    expected records."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            gold = GOLD / f"{path.stem}.json"
            if not gold.exists():
                continue
            records = json.loads(gold.read_text(encoding="utf-8"))
            mps = {
                r["person"]: r["constituency"]
                for r in records
                if r.get("type") in SEAT_TYPES and r.get("constituency") and " " in r["person"]
            }
            people = {r[f] for r in records for f in PERSON_FIELDS if r.get(f) and " " in r[f]}
            seats = {r["constituency"] for r in records if r.get("constituency")}
            found.append((path.read_text(encoding="utf-8"), mps, people - set(mps), seats))
    return found


def make_corpus(folder, count, seed=2019):
    """Write `count` articles into `folder`. As in real coverage, every seat has one MP,
    named the same wherever they appear, while the other people (candidates, officers)
    are mostly new in each article; seats without an MP in an article are picked at
    random."""
    rng = random.Random(seed)
    seat_names = [
        line.strip()
        for line in SEATS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    names = [f"{first} {last}" for first in FIRST for last in LAST]
    rng.shuffle(names)
    mp_of = dict(zip(seat_names, names, strict=False))
    others = names[len(mp_of) :]
    sources = templates()
    size = 0
    for n in range(count):
        text, mps, people, seats = sources[n % len(sources)]
        picked = rng.sample(seat_names, len(set(mps.values())))
        seat_for = dict(zip(sorted(set(mps.values())), picked, strict=True))
        swaps = {}
        for name in sorted(people, key=lambda name: (-len(name), name)):
            swaps[name] = rng.choice(others)
        for name, seat in mps.items():
            swaps[name] = mp_of[seat_for[seat]]
        for name, new in list(swaps.items()):
            swaps[name.rsplit(" ", 1)[-1]] = new.rsplit(" ", 1)[-1]
        for seat in sorted(seats):
            swaps[seat] = seat_for.get(seat) or rng.choice(seat_names)
        if swaps:
            pattern = re.compile(
                "|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True))
            )
            text = pattern.sub(lambda match, swaps=swaps: swaps[match.group(0)], text)
        text += f"\nReported in dispatch {n}.\n"
        path = folder / f"article-{n:05}.txt"
        path.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def database_url(kind, workdir):
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.sqlite3'}", None
    import psycopg2

    name = "tracker_loader_bench"
    admin = psycopg2.connect(dbname="postgres", host="127.0.0.1", user="postgres")
    admin.autocommit = True
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.cursor().execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return f"postgres://postgres@127.0.0.1:5432/{name}", drop


def timed(command, env):
    """Wall seconds and peak RSS (MB) of one process. Its output goes to files, not
    pipes: a pipe nobody reads while waiting would fill up and stall the process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if status != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode()[-2000:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read().decode()


def bench(kind, size, corpus, corpus_bytes):
    with tempfile.TemporaryDirectory(prefix="loader-bench-") as temp:
        url, drop = database_url(kind, Path(temp))
        # As deployed: with DEBUG on, Django also logs every query it runs.
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        }
        try:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
            )
            load = [sys.executable, "manage.py", "load_articles", str(corpus)]
            first, first_rss, output = timed(load, env)
            again, again_rss, _ = timed(load, env)
        finally:
            if drop:
                drop()
    summary = output.strip().splitlines()[-1]
    print(
        f"{kind:8} {size:>6} articles ({corpus_bytes / 1e6:.1f} MB): "
        f"first load {size / first:6.1f} articles/s ({corpus_bytes / 1e6 / first:.2f} MB/s, "
        f"{first:.1f} s, peak {first_rss:.0f} MB); "
        f"re-load {size / again:6.1f} articles/s (peak {again_rss:.0f} MB)"
    )
    print(f"         {summary}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for size in args.sizes:
        corpus = Path(tempfile.mkdtemp(prefix="loader-corpus-"))
        try:
            corpus_bytes = make_corpus(corpus, size)
            for kind in kinds:
                bench(kind, size, corpus, corpus_bytes)
        finally:
            shutil.rmtree(corpus)


if __name__ == "__main__":
    main()
