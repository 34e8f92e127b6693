"""Resident memory of a gunicorn worker: serving public pages, then after an editor saves
an article in the admin (the save extracts it, so the worker loads the spaCy model).

One sync worker on a fresh SQLite database with the seeds loaded, DEBUG off, loopback
only. Each round starts a new server; the figures are medians over the rounds.

    .venv/bin/python bench/memory.py [--rounds 3]
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

PAGES = ["/", "/constituencies/", "/constituencies/streatham/", "/articles/", "/feeds/latest/"]
ARTICLE = (
    "Wigan MP Lisa Nandy held her seat with a majority of 11,657 in 2017, "
    "the local party said on Monday."
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def worker_rss_mb(master_pid):
    """The resident memory of the master's one worker, in MB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    status = Path(f"/proc/{children[0]}/status").read_text()
    kilobytes = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return kilobytes / 1024


def save_article(base_url, password):
    """Log in to the admin as the bench's superuser and add an article."""
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(CookieJar())
    )

    def post(path, fields):
        page = opener.open(base_url + path, timeout=60).read().decode()
        fields["csrfmiddlewaretoken"] = CSRF.search(page).group(1)
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(base_url + path, data, headers={"Referer": base_url})
        return opener.open(request, timeout=300).status

    post("/admin/login/?next=/admin/", {"username": "bench", "password": password})
    fields = {"title": "Memory bench", "publisher": "", "published": "", "url": "", "text": ARTICLE}
    return post("/admin/constituencies/article/add/", fields)


def one_round(folder):
    env = common.site_environment(folder)
    env["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    password = "bench-" + os.urandom(8).hex()
    env["DJANGO_SUPERUSER_PASSWORD"] = password
    common.manage(env, "migrate", "--noinput")
    common.manage(env, "collectstatic", "--noinput")
    common.manage(env, "load_articles", "seeds")
    common.manage(env, "createsuperuser", "--noinput", "--username", "bench", "--email", "b@x.org")
    command = common.gunicorn_command(
        folder / "gunicorn.log",
        workers=1,
        worker_class="sync",
        threads=1,
        options=["--timeout", "300"],
    )
    with common.Server("gunicorn", command, env, folder / "server.log") as server:
        started = worker_rss_mb(server.process.pid)
        for path in PAGES:
            for _ in range(5):
                common.fetch(server.url + path)
        serving = worker_rss_mb(server.process.pid)
        status = save_article(server.url, password)
        saved = worker_rss_mb(server.process.pid)
    return started, serving, saved, status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    common.exit_on_sigterm()
    rounds = []
    for number in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            rounds.append(one_round(Path(folder)))
            common.log(f"round {number + 1}: {rounds[-1]}")
    names = ("at start", "after serving pages", "after an admin save")
    for index, name in enumerate(names):
        median = statistics.median(r[index] for r in rounds)
        common.out(f"gunicorn worker RSS {name}: {median:.0f} MB")
    common.out(f"admin save statuses: {sorted({r[3] for r in rounds})}")
    load = os.getloadavg()[0]
    common.out(f"({args.rounds} rounds, medians; load average {load:.1f})")


if __name__ == "__main__":
    main()
