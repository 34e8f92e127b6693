"""Only constituencies become seats: organisations the articles name never do, and the
migration that removes the ones earlier loaders made keeps what an editor touched."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from constituencies.ingest.pipeline import run
from constituencies.models import Constituency, Organisation
from constituencies.official_results import import_results

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GE2017 = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "HoC-GE2017-constituency-results.csv"
)
SEED_SEATS = {
    "Dudley North",
    "Enfield North",
    "Ilford North",
    "Ilford South",
    "Liverpool Wavertree",
    "Luton South",
    "Nottingham East",
    "Penistone and Stocksbridge",
    "Stockport",
    "Streatham",
}


def test_the_seeds_give_exactly_their_seats_and_no_organisation_is_one():
    run([SEEDS])
    assert set(Constituency.objects.values_list("name", flat=True)) == SEED_SEATS
    organisations = set(Organisation.objects.values_list("name", flat=True))
    assert {"Labour", "Momentum", "Unite", "Redbridge Council"} <= organisations


def test_a_clp_still_names_its_seat(tmp_path):
    (tmp_path / "clp.txt").write_text(
        "Hove CLP said it was disappointed. Momentum and Unite welcomed the news.\n",
        encoding="utf-8",
    )
    run([tmp_path])
    assert list(Constituency.objects.values_list("name", flat=True)) == ["Hove"]
    assert Organisation.objects.get(name="Hove CLP").constituency.name == "Hove"


@pytest.mark.skipif(not GE2017.exists(), reason=f"official results not found at {GE2017}")
def test_seeds_and_the_2017_results_give_exactly_650_seats():
    import_results(GE2017)
    official = set(Constituency.objects.values_list("name", flat=True))
    run([SEEDS])
    assert set(Constituency.objects.values_list("name", flat=True)) == official
    assert len(official) == 650


@pytest.mark.django_db(transaction=True)
def test_the_migration_removes_organisation_seats_and_keeps_edited_ones(capsys):
    executor = MigrationExecutor(connection)
    executor.migrate([("constituencies", "0004_lower_name_indexes")])
    apps = executor.loader.project_state([("constituencies", "0004_lower_name_indexes")]).apps
    Seat = apps.get_model("constituencies", "Constituency")
    Body = apps.get_model("constituencies", "Organisation")
    Shortlist = apps.get_model("constituencies", "ShortlistDecision")
    for name in ("Labour", "Unite", "Momentum"):
        Body.objects.create(name=name, slug=name.lower(), kind="other")
    Seat.objects.create(name="Streatham", slug="streatham")
    Seat.objects.create(name="Labour", slug="labour")
    Seat.objects.create(name="Unite", slug="unite", edited_fields=["name"])
    momentum = Seat.objects.create(name="Momentum", slug="momentum")
    Shortlist.objects.create(constituency=momentum, kind="open", review="confirmed")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert set(Constituency.objects.values_list("name", flat=True)) == {
        "Streatham",
        "Unite",
        "Momentum",
    }
    output = capsys.readouterr().out
    assert "Removed 1 organisations stored as seats: Labour" in output
    assert "an editor touched, for an editor to remove: Momentum, Unite" in output
    call_command("flush", "--noinput")
