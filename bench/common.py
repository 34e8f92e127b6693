"""What the benchmarks that serve the site share: a fresh database, the settings as
deployed, a server on a free loopback port, and wrk's figures.

`bench/pages.py` and `bench/load.py` import it. Nothing here listens beyond 127.0.0.1 or
contacts anything else; servers are stopped and databases dropped on the way out of
their `with` blocks, whatever happens.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
HOST = "127.0.0.1"
START_TIMEOUT = 60  # seconds for a server to answer

# Reports a wrk run as one JSON line, with the latency distribution at every 0.1
# percentile so that several runs can be merged into one distribution.
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
ERROR_KINDS = ("connect", "read", "write", "status", "timeout")

# Requests from the benchmarks go straight to the loopback servers, never through a proxy.
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def log(message):
    """Progress on stderr, named after the running script: the figures go to stdout."""
    sys.stderr.write(f"[{Path(sys.argv[0]).stem}] {message}\n")
    sys.stderr.flush()


def out(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def exit_on_sigterm():
    """A SIGTERM (a CI timeout, say) unwinds through the cleanup as Ctrl-C does."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url, headers=None, timeout=180):
    request = urllib.request.Request(url, headers=headers or {})
    with LOOPBACK.open(request, timeout=timeout) as response:
        return response.status, response.read()


def add_arguments(parser):
    """The options every serving benchmark takes."""
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument(
        "--wrk-threads", type=int, default=os.cpu_count() or 1, help="wrk threads [cores]."
    )


def check_arguments(parser, args):
    if args.connections < args.wrk_threads:
        parser.error("--connections must be at least --wrk-threads")
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (Debian: apt-get install wrk)")


# --- The site as deployed ---


def base_environment():
    """This process's environment less the shell's Django, database and proxy settings."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_")
        and name != "DATABASE_URL"
        and not name.lower().endswith("_proxy")
    }


def site_environment(folder):
    """The environment of a deployment (DJANGO_DEBUG=0, a random secret key, loopback
    only) whose static files are collected into `folder`; DATABASE_URL is the caller's."""
    (folder / "bench_settings.py").write_text(
        f"from tracker.settings import *  # noqa: F403\nSTATIC_ROOT = {str(folder / 'static')!r}\n"
    )
    return base_environment() | {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(folder), str(ROOT), os.environ.get("PYTHONPATH")])
        ),
    }


def manage(env, *args, timeout=900):
    log("manage.py " + " ".join(args))
    subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )


class PostgresDatabase:
    """A database on the loopback server, made new and dropped after."""

    def __init__(self, name, port, user):
        import psycopg2

        self.psycopg2 = psycopg2
        self.name, self.port, self.user = name, port, user
        self.url = f"postgres://{user}@{HOST}:{port}/{name}"

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
        self._run(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        self._run(f"CREATE DATABASE {self.name}")
        return self

    def __exit__(self, *exc):
        try:
            self._run(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
            log(f"dropped PostgreSQL database {self.name}")
        except self.psycopg2.Error as error:
            log(f"could not drop {self.name}: {error}")


def database_url(stack, database, sqlite_path, args, pg_name):
    """A new database of the kind asked for, dropped when `stack` closes."""
    if database == "postgres":
        return stack.enter_context(PostgresDatabase(pg_name, args.pg_port, args.pg_user)).url
    return f"sqlite:///{sqlite_path}"


def gunicorn_command(log_path, *, workers, worker_class, threads, options=()):
    """gunicorn serving the site on 127.0.0.1, at the port `Server` chooses."""
    return [
        str(PYTHON.parent / "gunicorn"),
        "tracker.wsgi",
        "--bind", f"{HOST}:{{port}}",
        "--workers", str(workers),
        "--worker-class", worker_class,
        "--threads", str(threads),
        "--error-logfile", str(log_path),
        "--log-level", "warning",
        *options,
    ]  # fmt: skip


class Server:
    """A server process in its own process group on 127.0.0.1, stopped (then killed)
    on exit. `{port}` in the command is replaced by a free port."""

    def __init__(self, name, command, env, log_path, probe="/"):
        self.name, self.env = name, env
        self.log_path, self.probe = log_path, probe
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.command = [part.replace("{port}", str(self.port)) for part in command]
        self.process = None

    def __enter__(self):
        log(f"{self.name}: " + " ".join(self.command))
        with open(self.log_path, "ab") as log_file:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start:\n{self.log_tail()}")
            try:
                with LOOPBACK.open(self.url + self.probe, timeout=5) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"{self.name} did not answer within {START_TIMEOUT} s")

    def __exit__(self, *exc):
        if self.process is None or self.process.poll() is not None:
            return
        group = os.getpgid(self.process.pid)
        os.killpg(group, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=5)
        log(f"{self.name} stopped")

    def log_tail(self, lines=30):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


# --- wrk ---


def wrk_script(folder):
    script = folder / "report.lua"
    script.write_text(WRK_REPORT)
    return script


def wrk(url, script, *, duration, connections, threads, headers=None, timeout=10):
    """Drive `url` with wrk; returns its report (see WRK_REPORT)."""
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={script}",
        *(f"--header={name}: {value}" for name, value in (headers or {}).items()),
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK_JSON "))
    return json.loads(line.removeprefix("WRK_JSON "))


def summarise(run):
    """A wrk report in the units the benchmarks print."""
    errors = sum(run[kind] for kind in ERROR_KINDS)
    # With every request timed out wrk has no latency to report (it says 0).
    measured = run["max_us"] > 0
    return {
        "requests": run["requests"],
        "rps": run["requests"] / (run["duration_us"] / 1e6),
        "p50_ms": run["p50_us"] / 1000 if measured else None,
        "p99_ms": run["p99_us"] / 1000 if measured else None,
        "max_ms": run["max_us"] / 1000 if measured else None,
        "errors": errors,
        "status_errors": run["status"],
        "socket_errors": errors - run["status"],
        "kb_per_response": run["bytes"] / max(run["requests"], 1) / 1024,
    }
