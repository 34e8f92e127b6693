"""Two loads at once, and an editor saving while a load runs, on the suite's own kind of
database (a SQLite file, or a scratch PostgreSQL database on the same server)."""

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def scratch_database(tmp_path):
    """A DATABASE_URL for a new, empty database of the kind the suite runs on."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
        return
    import psycopg2

    name = f"tracker_concurrency_{uuid.uuid4().hex[:8]}"
    params = {
        k: settings[v]
        for k, v in {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}.items()
        if settings[v]
    }
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        user = settings["USER"] or "postgres"
        auth = f"{user}:{settings['PASSWORD']}@" if settings["PASSWORD"] else f"{user}@"
        host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        yield f"postgres://{auth}{host}/{name}"
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def manage(url, *args, background=False):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tracker.settings"}
    command = [sys.executable, "manage.py", *map(str, args)]
    if background:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )


def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        shutil.copy(path, folder / path.name)
    return folder


def test_two_loads_at_once_end_as_one_load(tmp_path):
    folder = articles(tmp_path)
    (tmp_path / "one").mkdir()
    with scratch_database(tmp_path / "one") as once_url:
        manage(once_url, "migrate", "-v0")
        manage(once_url, "load_articles", folder)
        expected = manage(once_url, "export_tracker", "--everything").stdout
    (tmp_path / "two").mkdir()
    with scratch_database(tmp_path / "two") as url:
        manage(url, "migrate", "-v0")
        runs = [manage(url, "load_articles", folder, background=True) for _ in range(2)]
        results = [run.communicate(timeout=300) + (run.returncode,) for run in runs]
        for stdout, stderr, code in results:
            assert code == 0, stdout + stderr
            assert "Traceback" not in stderr
        assert manage(url, "export_tracker", "--everything").stdout == expected


EDITOR = """
import sys
import time

import django

django.setup()
from constituencies.models import Article, Candidacy

# Start once the load is under way, then save as the admin does: every field at once.
deadline = time.monotonic() + 60
while Article.objects.count() < 3 and time.monotonic() < deadline:
    time.sleep(0.01)
# Keep saving until half the articles are in, so the load goes on touching the
# candidacy both during and after the edits.
saves = 0
while saves == 0 or Article.objects.count() < int(sys.argv[1]):
    candidacy = Candidacy.objects.get(person__name="Paula Barker")
    candidacy.description = f"edited {saves}"
    candidacy.edited_fields = sorted(set(candidacy.edited_fields) | {"description"})
    candidacy.save()
    saves += 1
print(saves - 1, Article.objects.count())
"""


COPIES = 400


def test_an_editors_save_during_a_load_is_not_lost(tmp_path):
    seed = next(SEEDS.glob("001_*.txt"))
    folder = tmp_path / "many"
    folder.mkdir()
    text = seed.read_text(encoding="utf-8")
    for n in range(COPIES):
        # Many versions of the article that names Paula Barker, so the load keeps
        # touching her candidacy while the editor saves it.
        (folder / f"copy-{n:03}.txt").write_text(f"{text}\nUpdate {n}.\n", encoding="utf-8")
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    (tmp_path / "db").mkdir()
    with scratch_database(tmp_path / "db") as url:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "tracker.settings",
            "PYTHONPATH": str(ROOT),
        }
        manage(url, "migrate", "-v0")
        manage(url, "load_articles", seed)
        load = manage(url, "load_articles", folder, background=True)
        editor = subprocess.run(
            [sys.executable, str(script), str(COPIES // 2)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        stdout, stderr = load.communicate(timeout=300)
        assert editor.returncode == 0, editor.stderr
        assert load.returncode == 0, stdout + stderr
        last_edit, articles_then = map(int, editor.stdout.split())
        # The editor finished while articles were still arriving: the two overlapped.
        assert articles_then < COPIES + 1
        check = manage(
            url,
            "shell",
            "--no-imports",
            "-c",
            "from constituencies.models import Candidacy;"
            "print(Candidacy.objects.get(person__name='Paula Barker').description)",
        )
        assert check.stdout.strip() == f"edited {last_edit}"
