"""Benchmark the public pages at full-UK scale against Django's floor, and Datasette.

For each database (a SQLite file in a temporary folder, and/or the PostgreSQL database
`tracker_pages_bench` on 127.0.0.1, made new and dropped at the end) the script
migrates, imports the House of Commons Library's results when /work/shared/data or
./data holds them (the real 650 seats), runs `make_demo_data` (650 seats, 20 candidacies
and 50 statements a seat, 5,000 articles, every fact with evidence), collects the
static files and starts gunicorn on a free loopback port with DJANGO_DEBUG=0. Then wrk
drives each page for --duration seconds over --connections connections:

- the trivial view, `/healthz/` (no database, no cache): Django's floor in this
  configuration. Every other page is timed between two runs of it and judged by its
  ratio to their mean, since a shared machine's speed drifts;
- the HTML pages (`/`, every seat in pages of 50, page 13, a filtered list, a seat, its
  MP, an article), which should reach half the floor (ratio >= 0.5);
- the CSV and JSON downloads of all 650 seats (>= 0.25).

With --datasette, Datasette serves the same SQLite file (`datasette serve --immutable`,
loopback) and its table page for the seats, plain and filtered, is driven the same way:
our seat list should answer at least ten times as many requests. Datasette is not a
project dependency: the script uses it if it can be imported here or is on PATH
(`.venv/bin/pip install datasette`), and says so and skips it otherwise.

Requests say `Accept-Encoding: gzip`, as browsers and HTTP libraries do (--identity
asks for uncompressed bodies instead). Each page is first asked for by enough
concurrent requests to reach every gunicorn worker, so that the timing measures pages
as served, not the first render after a change; --rounds repeats the whole set and
reports medians.

Workers: two cores, and a cached page costs about 0.3 ms of Python, which holds the GIL:
only processes add throughput, and wrk needs a share of the same cores, so there is one
gunicorn worker per core (--workers). gthread workers keep wrk's connections alive
(sync workers close each one), each worker taking an equal share of them; four threads
a worker overlap the one database round trip every page pays (the data version), the
sending of large bodies, and the seconds a worker spends rendering the full JSON
download after a change, so that one slow render does not stall the worker's other
connections. DJANGO_CONN_MAX_AGE keeps each thread's database connection open between
requests.

    .venv/bin/python bench/pages.py                      # both databases, 15 s a page
    .venv/bin/python bench/pages.py --database sqlite --duration 5 --datasette --rounds 3

Needs wrk (Debian package `wrk`) and, for PostgreSQL, a server on 127.0.0.1:5432 that
lets --pg-user create databases. Nothing listens beyond 127.0.0.1; gunicorn and
Datasette are stopped, the database dropped and the folder removed whatever happens.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import common
from common import HOST, PYTHON, ROOT, fetch, log, out

PG_DATABASE = "tracker_pages_bench"
RESULTS_FOLDERS = [Path("/work/shared/data"), ROOT / "data"]

TRIVIAL = "/healthz/"
HTML_TARGET = 0.5
DOWNLOAD_TARGET = 0.25
DATASETTE_FACTOR = 10
DATASETTE_TABLE = "/db/constituencies_constituency"
DATASETTE_FILTERED = DATASETTE_TABLE + "?region=London"


def official_results():
    """The Library's CSV files from the first folder that has any."""
    for folder in RESULTS_FOLDERS:
        files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
        if files:
            return files
    return []


def pages_to_time(base_url, headers):
    """The pages, with a seat, its MP and one of its sources found by following links."""
    _, body = fetch(base_url + "/constituencies/", {})
    seat = re.search(rb'href="(/constituencies/[\w-]+/)"', body).group(1).decode()
    _, body = fetch(base_url + seat, {})
    person = re.search(rb'href="(/people/[\w-]+/)"', body).group(1).decode()
    article = re.search(rb'href="(/articles/[\w-]+/)#', body).group(1).decode()
    return [
        ("home", "/", "html"),
        ("all seats, page 1", "/constituencies/", "html"),
        ("all seats, page 13", "/constituencies/?page=13", "html"),
        ("filtered seats", "/constituencies/?region=London&winner=Lab&o=majority", "html"),
        ("a seat", seat, "html"),
        ("its MP", person, "html"),
        ("an article", article, "html"),
        ("CSV, all seats", "/constituencies.csv", "download"),
        ("JSON, all seats", "/constituencies.json", "download"),
    ]


def warm(base_url, path, headers, concurrency):
    """Ask for the page from enough connections at once to reach every worker, twice,
    and check that it answers 200: a 404 would be fast and meaningless."""
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(2):
            statuses = list(
                pool.map(lambda _: fetch(base_url + path, headers)[0], range(concurrency))
            )
            if set(statuses) != {200}:
                raise RuntimeError(f"{path} answered {sorted(set(statuses))}")


def wrk(base_url, path, args, script, headers):
    return common.summarise(
        common.wrk(
            base_url + path,
            script,
            duration=args.duration,
            connections=args.connections,
            threads=args.wrk_threads,
            headers=headers,
        )
    )


def median_run(runs):
    """Each figure's median over the rounds (latencies over the rounds that had any)."""
    medians = {}
    for key in runs[0]:
        values = [run[key] for run in runs if run[key] is not None]
        medians[key] = statistics.median(values) if values else None
    return medians


def gunicorn_command(args, folder):
    # wrk opens all its connections at once and keeps them for the whole run: uncapped,
    # one worker may accept most of them and leave a core idle throughout, as a load
    # balancer or browsers' comings and goings would not. Each worker takes its share.
    share = -(-args.connections // args.workers)
    return common.gunicorn_command(
        folder / "gunicorn.log",
        workers=args.workers,
        worker_class="gthread",
        threads=args.threads,
        options=["--worker-connections", str(share), "--keep-alive", "30", "--timeout", "120"],
    )


def datasette_command():
    """How to start Datasette here, or None when it is not installed."""
    try:
        import datasette  # noqa: F401
    except ImportError:
        found = shutil.which("datasette")
        return [found] if found else None
    return [str(PYTHON), "-m", "datasette"]


def measure_backend(database, args, stack, folder, env, script, headers):
    """Build the database, serve it, time every page; returns the report of one backend."""
    env = dict(env)
    # Named db.sqlite3 so that Datasette calls the database "db".
    sqlite_path = folder / "db.sqlite3"
    env["DATABASE_URL"] = common.database_url(stack, database, sqlite_path, args, PG_DATABASE)
    log(f"{database}: {env['DATABASE_URL']}")
    started = time.monotonic()
    common.manage(env, "migrate", "--noinput")
    results = official_results()
    if results:
        common.manage(env, "import_results", *map(str, results))
    else:
        log("no official results found: the 650 seats are invented")
    common.manage(env, "make_demo_data")
    log(f"{database}: data built in {time.monotonic() - started:.0f} s")

    report = {"database": database, "pages": {}, "datasette": None}
    with ExitStack() as servers:
        server = servers.enter_context(
            common.Server(
                "gunicorn",
                gunicorn_command(args, folder),
                env,
                folder / f"gunicorn-{database}.log",
                probe=TRIVIAL,
            )
        )
        pages = pages_to_time(server.url, headers)
        concurrency = args.workers * args.threads * 2
        for _, path, _ in pages:
            log(f"warming {path}")
            warm(server.url, path, headers, concurrency)

        datasette = None
        if args.datasette and database == "sqlite":
            command = datasette_command()
            if command is None:
                log("Datasette is not installed: `.venv/bin/pip install datasette`; skipped")
            else:
                settings = ["--host", HOST, "--port", "{port}"]
                settings += ["--setting", "sql_time_limit_ms", "10000"]
                datasette = servers.enter_context(
                    common.Server(
                        "datasette",
                        [*command, "serve", "--immutable", str(sqlite_path), *settings],
                        common.base_environment(),
                        folder / "datasette.log",
                        probe=DATASETTE_TABLE + "?_size=1",
                    )
                )
                for path in (DATASETTE_TABLE, DATASETTE_FILTERED):
                    warm(datasette.url, path, headers, 4)

        rounds = {name: [] for name, _, _ in pages}
        rounds[TRIVIAL] = []
        datasette_rounds = {DATASETTE_TABLE: [], DATASETTE_FILTERED: []}
        for number in range(1, args.rounds + 1):
            log(f"{database}: round {number} of {args.rounds}")
            # Every page is timed between two runs of the trivial view, and judged against
            # their mean: a shared machine's speed drifts within a round.
            before = wrk(server.url, TRIVIAL, args, script, headers)
            rounds[TRIVIAL].append({**before, "ratio": 1.0})
            for name, path, _ in pages:
                run = wrk(server.url, path, args, script, headers)
                after = wrk(server.url, TRIVIAL, args, script, headers)
                floor = (before["rps"] + after["rps"]) / 2
                rounds[name].append({**run, "ratio": run["rps"] / floor})
                rounds[TRIVIAL].append({**after, "ratio": 1.0})
                before = after
            if datasette:
                for path in datasette_rounds:
                    datasette_rounds[path].append(wrk(datasette.url, path, args, script, headers))
        report["pages"][TRIVIAL] = {
            "name": "trivial view",
            "kind": "floor",
            **median_run(rounds[TRIVIAL]),
        }
        for name, path, kind in pages:
            report["pages"][path] = {"name": name, "kind": kind, **median_run(rounds[name])}
        if datasette:
            report["datasette"] = {
                path: median_run(runs) for path, runs in datasette_rounds.items()
            }
    return report


def judge(report, datasette):
    """Mark each page against its target; returns whether all passed."""
    passed = True
    for page in report["pages"].values():
        target = {"html": HTML_TARGET, "download": DOWNLOAD_TARGET}.get(page["kind"])
        page["target"] = target
        page["pass"] = target is None or (page["ratio"] >= target and page["errors"] == 0)
        passed &= page["pass"]
    if datasette:
        ours = report["pages"]["/constituencies/"]["rps"]
        theirs = datasette[DATASETTE_TABLE]["rps"]
        report["versus_datasette"] = {
            "factor": ours / theirs,
            "target": DATASETTE_FACTOR,
            "pass": ours / theirs >= DATASETTE_FACTOR,
        }
        passed &= report["versus_datasette"]["pass"]
    return passed


def print_report(report, args, datasette):
    out()
    out(
        f"{report['database']}: median of {args.rounds} round(s), {args.duration} s a page, "
        f"{args.connections} connections, gunicorn {args.workers} workers x {args.threads} "
        f"threads, {'identity' if args.identity else 'gzip'}"
    )
    header = (
        f"{'page':<20} {'path':<48} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'KB':>7} {'errors':>6} {'ratio':>6} {'target':>7}"
    )
    out(header)
    out("-" * len(header))
    for path, page in report["pages"].items():
        target = f">={page['target']:.2f}" if page["target"] else ""
        verdict = "" if page["target"] is None else ("pass" if page["pass"] else "FAIL")
        out(
            f"{page['name']:<20} {path[:48]:<48} {page['rps']:>8.1f} {page['p50_ms']:>7.1f} "
            f"{page['p99_ms']:>7.1f} {page['kb_per_response']:>7.1f} {page['errors']:>6.0f} "
            f"{page['ratio']:>6.2f} {target:>7} {verdict}"
        )
    if datasette:
        for path, run in datasette.items():
            out(
                f"{'Datasette':<20} {path:<48} {run['rps']:>8.1f} {run['p50_ms']:>7.1f} "
                f"{run['p99_ms']:>7.1f} {run['kb_per_response']:>7.1f} {run['errors']:>6.0f}"
            )
        versus = report["versus_datasette"]
        out(
            f"all seats, page 1 vs Datasette's table page: {versus['factor']:.0f}x "
            f"(target >= {versus['target']}x) {'pass' if versus['pass'] else 'FAIL'}"
        )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="[both]"
    )
    parser.add_argument("--duration", type=int, default=15, help="Seconds a page [15].")
    parser.add_argument("--connections", type=int, default=32, help="Open connections [32].")
    parser.add_argument(
        "--datasette",
        action="store_true",
        help="Also time Datasette serving the same SQLite file.",
    )
    parser.add_argument("--rounds", type=int, default=1, help="Rounds, medians reported [1].")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="[cores]")
    parser.add_argument("--threads", type=int, default=4, help="Threads a worker [4].")
    parser.add_argument("--identity", action="store_true", help="Ask for uncompressed bodies.")
    common.add_arguments(parser)
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args(argv)
    common.check_arguments(parser, args)
    if min(args.duration, args.rounds, args.workers, args.threads) < 1:
        parser.error("--duration, --rounds, --workers and --threads must be at least 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    common.exit_on_sigterm()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    headers = {} if args.identity else {"Accept-Encoding": "gzip"}
    reports, passed = [], True
    with tempfile.TemporaryDirectory(prefix="tracker-pages-") as name:
        folder = Path(name)
        env = common.site_environment(folder) | {"DJANGO_CONN_MAX_AGE": "600"}
        common.manage(env, "collectstatic", "--noinput")
        script = common.wrk_script(folder)
        datasette = None
        for database in databases:
            with ExitStack() as stack:
                report = measure_backend(database, args, stack, folder, env, script, headers)
            datasette = report["datasette"] or datasette
            passed &= judge(report, datasette)
            print_report(report, args, datasette)
            reports.append(report)
    if args.datasette and datasette is None:
        out("\nDatasette: not timed (needs --database sqlite or both, and datasette installed).")
    if args.json:
        args.json.write_text(json.dumps({"args": vars(args), "reports": reports}, default=str))
    out("\nall targets met" if passed else "\nsome targets missed")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
