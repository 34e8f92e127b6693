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

Workers: each page costs 10-30 ms of CPU in Python (ORM query building and template
rendering), so under the GIL only processes add throughput, and wrk shares the same
cores. The default is 2 x cores sync workers: one to keep each core busy, and one more
per core to run while the other waits on the database or the socket. Sync workers take
one connection at a time from the shared listening socket, so requests spread evenly;
gthread workers keep wrk's connections alive, but a worker may accept far more of them
than its threads can serve while the others idle, which showed as 5 s timeouts in
trials here. Threads add nothing to CPU-bound pages. --workers, --worker-class and
--threads override this.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
HOST = "127.0.0.1"
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

# Reports the run as one JSON line, with the latency distribution at every 0.1
# percentile so that the pages' runs can be merged into an overall distribution.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  local q = {}
  for i = 1, 1000 do q[i] = latency:percentile(i / 10) end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"quantiles_us": [%s]}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(99), latency.max,
    table.concat(q, ",")))
end
"""


def log(message):
    sys.stderr.write(f"[load] {message}\n")
    sys.stderr.flush()


def out(line=""):
    sys.stdout.write(line + "\n")


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# Requests from this script go straight to the loopback server, never through a proxy.
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def base_environment():
    """This process's environment less the shell's Django, database and proxy settings."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_")
        and name != "DATABASE_URL"
        and not name.lower().endswith("_proxy")
    }


def manage(env, *args):
    log("manage.py " + " ".join(args))
    subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=STEP_TIMEOUT,
        stdout=subprocess.DEVNULL,
    )


class PostgresDatabase:
    """The `tracker_bench` database on the loopback server, made new and dropped after."""

    def __init__(self, port, user):
        import psycopg2

        self.psycopg2 = psycopg2
        self.port, self.user = port, user
        self.url = f"postgres://{user}@{HOST}:{port}/{PG_DATABASE}"

    def _run(self, statement):
        connection = self.psycopg2.connect(
            host=HOST, port=self.port, user=self.user, dbname="postgres", connect_timeout=5
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def __enter__(self):
        self._run(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        self._run(f"CREATE DATABASE {PG_DATABASE}")
        return self

    def __exit__(self, *exc):
        try:
            self._run(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            log(f"dropped PostgreSQL database {PG_DATABASE}")
        except self.psycopg2.Error as error:
            log(f"could not drop {PG_DATABASE}: {error}")


class Gunicorn:
    """gunicorn in its own process group on 127.0.0.1, stopped (then killed) on exit."""

    def __init__(self, env, folder, args):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log_path = folder / "gunicorn.log"
        self.command = [
            str(PYTHON.parent / "gunicorn"),
            "tracker.wsgi",
            "--bind", f"{HOST}:{self.port}",
            "--workers", str(args.workers),
            "--worker-class", args.worker_class,
            "--threads", str(args.threads),
            "--keep-alive", "5",
            "--timeout", "30",
            "--error-logfile", str(self.log_path),
            "--log-level", "warning",
        ]  # fmt: skip
        self.env = env
        self.process = None

    def __enter__(self):
        log(" ".join(self.command[1:]))
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start:\n{self.log_tail()}")
            try:
                with LOOPBACK.open(self.url + "/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.log_tail()}")

    def __exit__(self, *exc):
        if self.process is None or self.process.poll() is not None:
            return
        group = os.getpgid(self.process.pid)
        os.killpg(group, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=5)
        log("gunicorn stopped")

    def log_tail(self, lines=30):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def check_pages(base_url):
    """Every page answers 200 before it is timed: a 404 would be fast and meaningless."""
    for url in URLS:
        with LOOPBACK.open(base_url + url, timeout=10) as response:
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")


def wrk(base_url, url, duration, connections, threads, script):
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=5s",
        "--latency",
        # As browsers do: the site may send pages compressed.
        "--header=Accept-Encoding: gzip",
        f"--script={script}",
        base_url + url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK_JSON "))
    return json.loads(line.removeprefix("WRK_JSON "))


def summarise(run):
    seconds = run["duration_us"] / 1e6
    errors = sum(run[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    # With every request timed out wrk has no latency to report (it says 0).
    measured = run["max_us"] > 0
    return {
        "requests": run["requests"],
        "rps": run["requests"] / seconds,
        "p50_ms": run["p50_us"] / 1000 if measured else None,
        "p99_ms": run["p99_us"] / 1000 if measured else None,
        "max_ms": run["max_us"] / 1000 if measured else None,
        "errors": errors,
        "status_errors": run["status"],
        "socket_errors": errors - run["status"],
    }


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
    return summarise(summed)


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
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
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
    parser.add_argument(
        "--wrk-threads", type=int, default=os.cpu_count() or 1, help="wrk threads [cores]."
    )
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
    if args.connections < args.wrk_threads:
        parser.error("--connections must be at least --wrk-threads")
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    return args


def run(args):
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tracker-load-")))
        env = base_environment() | {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(folder), str(ROOT), os.environ.get("PYTHONPATH")])
            ),
        }
        env.update(item.split("=", 1) for item in args.env)
        # The settings as deployed, with the static files collected into the temporary folder.
        static_root = str(folder / "static")
        (folder / "bench_settings.py").write_text(
            f"from tracker.settings import *  # noqa: F403\nSTATIC_ROOT = {static_root!r}\n"
        )
        if args.database == "postgres":
            database = stack.enter_context(PostgresDatabase(args.pg_port, args.pg_user))
            env["DATABASE_URL"] = database.url
        else:
            env["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        log(f"database: {env['DATABASE_URL']}")

        manage(env, "migrate", "--noinput")
        if args.official_results:
            files = sorted(str(path) for path in args.official_results.glob("*.csv"))
            if files:
                manage(env, "import_results", *files)
            else:
                log(f"no official results in {args.official_results}; skipped")
        manage(env, "load_articles", str(ROOT / "seeds"))
        manage(env, "collectstatic", "--noinput")

        server = stack.enter_context(Gunicorn(env, folder, args))
        check_pages(server.url)
        script = folder / "report.lua"
        script.write_text(WRK_REPORT)

        load_before = os.getloadavg()[0]
        runs = {}
        for url in URLS:
            if args.warmup:
                wrk(server.url, url, args.warmup, args.connections, args.wrk_threads, script)
            log(f"{url}: {args.duration} s with {args.connections} connections")
            runs[url] = wrk(
                server.url, url, args.duration, args.connections, args.wrk_threads, script
            )
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
            "pages": {url: summarise(result) for url, result in runs.items()},
            "overall": overall(list(runs.values())),
        }


def main(argv=None):
    args = parse_args(argv)
    # A SIGTERM (a CI timeout, say) unwinds through the cleanup like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
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
