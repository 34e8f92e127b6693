"""`prepare_site`: what `make run` does before serving, in one process."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from constituencies import models

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def prepare(capsys, *args):
    call_command("prepare_site", *map(str, args))
    return capsys.readouterr().out


def test_loads_the_seeds_and_makes_the_editor_once(capsys):
    first = prepare(capsys, SEEDS)
    assert models.Article.objects.count() == len(list(SEEDS.glob("*.txt")))
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and editor.groups.filter(name="Editors").exists()
    assert "Editor login at /admin/: user 'editor', password" in first
    assert "No official results given" in first

    again = prepare(capsys, SEEDS)
    assert f"{len(list(SEEDS.glob('*.txt')))} article(s): 0 created, 0 updated" in again
    assert "Editor 'editor' exists" in again
    assert get_user_model().objects.count() == 1


def test_a_results_file_that_cannot_be_read_stops_it_before_loading(capsys, tmp_path):
    broken = tmp_path / "results.csv"
    broken.write_text("not,the,library's,columns\n1,2,3,4\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 file\\(s\\) not imported"):
        prepare(capsys, SEEDS, "--results", broken)
    assert not models.Article.objects.exists()
    assert not get_user_model().objects.exists()
