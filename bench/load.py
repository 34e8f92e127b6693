"""Load-test the public site as deployed: gunicorn, DEBUG off, a fresh database.

Makes a new database (a SQLite file in a temporary folder, or the PostgreSQL database
`tracker_bench` on 127.0.0.1, dropped again at the end), migrates it, loads the seed
articles (and, with --official-results, the House of Commons Library CSVs), collects the
static files into the temporary folder, and starts gunicorn on a free loopback port
with DJANGO_DEBUG=0. Then wrk drives each page in turn for --duration seconds with
--connections open connections, and the script prints requests per second, median and
99th-percentile latency and errors for each page and overall. The target is no error
and a 99th percentile under 500 ms; the exit status is 1 when it is missed.

Nothing listens beyond 127.0.0.1 and nothing else is contacted. gunicorn is stopped,
the database dropped and the temporary folder removed whatever happens.

    .venv/bin/python bench/load.py --database sqlite --duration 60 --connections 64
    .venv/bin/python bench/load.py --database postgres --official-results

Needs wrk (Debian package `wrk`) and, for PostgreSQL, a server on 127.0.0.1:5432 that
lets the user create databases (`pg_isready -h 127.0.0.1`).

Workers: a page from the page cache (constituencies/pagecache.py) costs well under a
millisecond of Python and a fresh render 10-30 ms; either way only processes add
throughput under the GIL, and wrk shares the same cores. The default is 2 x cores sync
workers, as the README's deployment runs: one to keep each core busy, and one more per
core to run while the other waits on the database or the socket. Sync workers take
one connection at a time from the shared listening socket, so requests spread evenly;
gthread workers keep wrk's connections alive, but a worker may accept far more of them
than its threads can serve while the others idle, which showed as 5 s timeouts in
trials here. Threads add nothing to CPU-bound pages. --workers, --worker-class and
--threads override this.
"""

import argparse
import functools
import json
import os
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

import common
from common import LOOPBACK, ROOT, log, out

PG_DATABASE = "tracker_bench"
OFFICIAL_RESULTS = Path("/work/shared/data")

URLS = [
    "/",
    "/constituencies/?shortlist=all_women&majority_max=30000",
    "/constituencies/streatham/",
    "/people/chuka-umunna/",
    "/articles/000_b52b8b1d5d8e0d4b/",
]
TARGET_P99_MS = 500
STEP_TIMEOUT = 300  # seconds for any one setup command


def check_pages(base_url):
    """Every page answers 200 before it is timed: a 404 would be fast and meaningless."""
    for url in URLS:
        with LOOPBACK.open(base_url + url, timeout=10) as response:
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")


def overall(runs):
    """All pages together: requests over the total time, and percentiles of the mixture
    of the pages' latency distributions, each weighted by its number of requests."""
    samples = sorted(
        (latency, run["requests"] / len(run["quantiles_us"]))
        for run in runs
        if run["max_us"] > 0
        for latency in run["quantiles_us"]
    )
    total = sum(weight for _, weight in samples)

    def percentile(p):
        if not samples:
            return 0
        seen = 0.0
        for latency, weight in samples:
            seen += weight
            if seen >= total * p / 100:
                return latency
        return samples[-1][0]

    summed = {key: sum(run[key] for run in runs) for key in runs[0] if key != "quantiles_us"}
    summed.update(
        p50_us=percentile(50),
        p99_us=percentile(99),
        max_us=max(run["max_us"] for run in runs),
    )
    return common.summarise(summed)


def print_table(rows):
    header = (
        f"{'page':<58} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
        f"{'errors (status/socket)':>22}"
    )
    out(header)
    out("-" * len(header))
    for name, row in rows:
        errors = f"{row['errors']} ({row['status_errors']}/{row['socket_errors']})"
        p50, p99, top = (
            "n/a" if row[key] is None else f"{row[key]:.1f}"
            for key in ("p50_ms", "p99_ms", "max_ms")
        )
        out(f"{name:<58} {row['rps']:>7.1f} {p50:>7} {p99:>7} {top:>7} {errors:>22}")


def default_workers():
    return 2 * (os.cpu_count() or 1)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="Seconds per page [60].")
    parser.add_argument("--connections", type=int, default=64, help="Open connections [64].")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--official-results",
        nargs="?",
        const=OFFICIAL_RESULTS,
        type=Path,
        metavar="FOLDER",
        help=f"Also import the official results CSVs in FOLDER [{OFFICIAL_RESULTS}].",
    )
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="gunicorn workers [2 x cores]."
    )
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--threads", type=int, default=1, help="Threads per worker [1].")
    common.add_arguments(parser)
    parser.add_argument("--warmup", type=int, default=3, help="Untimed seconds per page [3].")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Extra environment for the commands and gunicorn (repeatable).",
    )
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args(argv)
    if any("=" not in item for item in args.env):
        parser.error("--env takes NAME=VALUE")
    common.check_arguments(parser, args)
    return args


def run(args):
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tracker-load-")))
        env = common.site_environment(folder)
        env.update(item.split("=", 1) for item in args.env)
        env["DATABASE_URL"] = common.database_url(
            stack, args.database, folder / "bench.sqlite3", args, PG_DATABASE
        )
        log(f"database: {env['DATABASE_URL']}")

        manage = functools.partial(common.manage, env, timeout=STEP_TIMEOUT)
        manage("migrate", "--noinput")
        if args.official_results:
            files = sorted(str(path) for path in args.official_results.glob("*.csv"))
            if files:
                manage("import_results", *files)
            else:
                log(f"no official results in {args.official_results}; skipped")
        manage("load_articles", str(ROOT / "seeds"))
        manage("collectstatic", "--noinput")

        command = common.gunicorn_command(
            folder / "gunicorn.log",
            workers=args.workers,
            worker_class=args.worker_class,
            threads=args.threads,
            options=["--keep-alive", "5", "--timeout", "30"],
        )
        server = stack.enter_context(
            common.Server("gunicorn", command, env, folder / "gunicorn.out")
        )
        check_pages(server.url)
        script = common.wrk_script(folder)

        def drive(url, duration):
            return common.wrk(
                server.url + url,
                script,
                duration=duration,
                connections=args.connections,
                threads=args.wrk_threads,
                # As browsers do: the site may send pages compressed.
                headers={"Accept-Encoding": "gzip"},
                timeout=5,
            )

        load_before = os.getloadavg()[0]
        runs = {}
        for url in URLS:
            if args.warmup:
                drive(url, args.warmup)
            log(f"{url}: {args.duration} s with {args.connections} connections")
            runs[url] = drive(url, args.duration)
        return {
            "database": args.database,
            "duration_s": args.duration,
            "connections": args.connections,
            "gunicorn": {
                "workers": args.workers,
                "threads": args.threads,
                "worker_class": args.worker_class,
            },
            "environment": args.env,
            "cpus": os.cpu_count(),
            # The machine's 1-minute load before and after: other work skews the figures.
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "pages": {url: common.summarise(result) for url, result in runs.items()},
            "overall": overall(list(runs.values())),
        }


def main(argv=None):
    args = parse_args(argv)
    common.exit_on_sigterm()
    report = run(args)
    out(
        f"\n{report['database']}: {args.duration} s per page, {args.connections} connections, "
        f"gunicorn {args.workers} {args.worker_class} workers x {args.threads} threads, "
        f"{report['cpus']} CPUs, load average {report['load_average'][0]} before, "
        f"{report['load_average'][1]} after" + "".join(f", {item}" for item in args.env) + "\n"
    )
    print_table([*report["pages"].items(), ("overall", report["overall"])])
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    failures = [
        f"{name}: {row['errors']} errors, p99 "
        + ("not measured" if row["p99_ms"] is None else f"{row['p99_ms']:.0f} ms")
        for name, row in [*report["pages"].items(), ("overall", report["overall"])]
        if row["errors"] or row["p99_ms"] is None or row["p99_ms"] >= TARGET_P99_MS
    ]
    if failures:
        out(f"\nTarget missed (no errors, p99 < {TARGET_P99_MS} ms):")
        out("\n".join(f"  {failure}" for failure in failures))
        return 1
    out(f"\nTarget met: no errors, p99 < {TARGET_P99_MS} ms on every page.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
