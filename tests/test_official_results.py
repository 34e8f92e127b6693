"""`import_results` on small files written here, and on the Library's real files when present."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from constituencies.models import Constituency, Majority, OfficialResult
from constituencies.official_results import ResultsFileError, import_results

from . import factories as f

pytestmark = pytest.mark.django_db

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
GE2017 = SHARED_DATA / "HoC-GE2017-constituency-results.csv"
HISTORICAL = SHARED_DATA / "HoC-1918-2017-election-results.csv"

GE2017_HEADER = (
    "id,ons_region_id,constituency_name,county_name,region_name,country_name,constituency_type,"
    "declaration_time,result,first_party,second_party,electorate,valid_votes,invalid_votes,"
    "majority,con,lab,ld,ukip,green,snp,pc,dup,sf,sdlp,uup,alliance,other,other_winner"
)
GE2017_ROWS = [
    'E14000795,E12000002,"Liverpool, Wavertree",Merseyside,North West,England,Borough,'
    "2017-06-09 02:26:00,Lab hold,Lab,Con,62411,43640,119,29466,5251,34717,2858,0,598,0,0,0,0,"
    "0,0,0,216,0",
    "E14000876,E12000003,Penistone and Stocksbridge,South Yorkshire,Yorkshire and The Humber,"
    "England,County,2017-06-09 03:24:00,Lab hold,Lab,Con,71293,49787,123,1322,21485,22807,2042,"
    "3453,0,0,0,0,0,0,0,0,0,0",
]
HISTORICAL_HEADER = (
    "\ufeffconstituency_id,seats,constituency,country/region,electorate,con_votes,con_share,"
    "lib_votes ,lib_share,lab_votes,lab_share,natSW_votes,natSW_share,oth_votes,oth_share,"
    "total_votes,turnout ,election,boundary_set,"
)
HISTORICAL_ROWS = [
    "E14000876,1,PENISTONE & STOCKSBRIDGE,Yorkshire and The Humber,70817,12968,0.277,2957,0.063,"
    "19691,0.42,,,11238,0.24,46854,0.662,2015,2010-2017,",
    'E14000795,1,"LIVERPOOL, WAVERTREE",North West,61549,4098,0.1,2454,0.06,28401,0.693,,,6021,'
    "0.147,40974,0.666,2015,2010-2017,",
    '486,1,"LIVERPOOL, WAVERTREE",North West,72555,3091,0.096,7836,0.244,20155,0.627,,,1056,'
    "0.033,32138,0.443,2001,1997-2001,",
    "E14000888,1,SWINDON NORTH,South West,80983,26295,0.503,1704,0.033,14509,0.278,,,9734,0.186,"
    "52242,0.645,2010,2010-2017,",
    "E14000876,1,SWINDON NORTH,South West,80983,26295,0.503,1704,0.033,14509,0.278,,,9734,0.186,"
    "52242,0.645,2015,2010-2017,",
]


@pytest.fixture
def ge2017(tmp_path):
    path = tmp_path / "HoC-GE2017-constituency-results.csv"
    path.write_text("\n".join([GE2017_HEADER, *GE2017_ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def historical(tmp_path):
    path = tmp_path / "HoC-1918-2017-election-results.csv"
    path.write_text("\n".join([HISTORICAL_HEADER, *HISTORICAL_ROWS]) + "\n", encoding="utf-8")
    return path


def test_import_creates_one_seat_per_constituency_with_its_result(ge2017):
    report = import_results(ge2017)
    assert report.counts["seats created"] == 2 and report.counts["results created"] == 2
    wavertree = Constituency.objects.get(slug="liverpool-wavertree")
    assert (wavertree.name, wavertree.official_name) == (
        "Liverpool Wavertree",
        "Liverpool, Wavertree",
    )
    assert (wavertree.ons_code, wavertree.region, wavertree.country) == (
        "E14000795",
        "North West",
        "England",
    )
    result = wavertree.official_results.get()
    assert (result.year, result.winner, result.runner_up, result.majority) == (
        2017,
        "Lab",
        "Con",
        29466,
    )
    assert result.votes == {"Con": 5251, "Lab": 34717, "LD": 2858, "Green": 598, "Other": 216}
    assert result.turnout == pytest.approx(43640 / 62411)


def test_second_import_changes_nothing(ge2017, historical):
    import_results(ge2017)
    import_results(historical)
    before = list(OfficialResult.objects.values())
    again = import_results(ge2017)
    assert again.counts["results created"] == again.counts["results updated"] == 0
    assert again.counts["seats created"] == again.counts["seats updated"] == 0
    assert import_results(historical).counts["results updated"] == 0
    assert list(OfficialResult.objects.values()) == before


def test_article_seats_are_matched_not_duplicated(ge2017, historical):
    article_seat = f.ConstituencyFactory(name="Liverpool Wavertree", slug="liverpool-wavertree")
    f.ConstituencyFactory(name="Penistone and Stocksbridge", slug="penistone-and-stocksbridge")
    import_results(ge2017)
    import_results(historical)
    assert Constituency.objects.count() == 3
    article_seat.refresh_from_db()
    assert article_seat.name == "Liverpool Wavertree"
    assert article_seat.official_name == "Liverpool, Wavertree"
    penistone = Constituency.objects.get(slug="penistone-and-stocksbridge")
    assert {(r.year, r.majority) for r in penistone.official_results.all()} == {
        (2017, 1322),
        (2015, 6723),
    }


def test_historical_file_keeps_current_boundaries_and_trusts_names_over_a_wrong_code(historical):
    report = import_results(historical)
    assert report.counts["rows skipped"] == 1
    assert not OfficialResult.objects.filter(year=2001).exists()
    swindon = Constituency.objects.get(slug="swindon-north")
    assert sorted(swindon.official_results.values_list("year", flat=True)) == [2010, 2015]
    penistone = Constituency.objects.get(ons_code="E14000876")
    assert list(penistone.official_results.values_list("year", flat=True)) == [2015]


def test_a_runner_up_among_other_candidates_gives_no_majority(historical):
    import_results(historical)
    wavertree_2015 = OfficialResult.objects.get(constituency__slug="liverpool-wavertree", year=2015)
    assert (wavertree_2015.winner, wavertree_2015.majority) == ("Lab", None)


def test_the_single_election_file_is_not_overwritten_by_the_historical_one(ge2017, tmp_path):
    import_results(ge2017)
    path = tmp_path / "historical.csv"
    row = (
        "E14000876,1,PENISTONE AND STOCKSBRIDGE,Yorkshire and The Humber,71293,21485,0.432,"
        "2042,0.041,22807,0.458,,,3453,0.069,49787,0.698,2017,2010-2017,"
    )
    path.write_text(HISTORICAL_HEADER + "\n" + row + "\n", encoding="utf-8")
    import_results(path)
    result = OfficialResult.objects.get(constituency__slug="penistone-and-stocksbridge", year=2017)
    assert result.source == OfficialResult.Source.CONSTITUENCY_RESULTS
    assert result.votes == {"Con": 21485, "Lab": 22807, "LD": 2042, "UKIP": 3453}


@pytest.mark.parametrize(
    "content,message",
    [
        ("name,votes\nStreatham,100\n", "not a House of Commons Library results file"),
        ("", "not a House of Commons Library results file"),
        (GE2017_HEADER + "\n" + GE2017_ROWS[0].replace("29466", "lots"), "expected a number"),
    ],
    ids=["other-columns", "empty", "bad-number"],
)
def test_a_file_of_the_wrong_shape_is_refused_and_nothing_is_written(tmp_path, content, message):
    path = tmp_path / "HoC-GE2017-constituency-results.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsFileError, match=message):
        import_results(path)
    assert not Constituency.objects.exists()


def test_command_reports_and_fails_cleanly(ge2017, tmp_path):
    out = StringIO()
    call_command("import_results", str(ge2017), stdout=out)
    assert "seats 2 created" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_results", str(bad), stdout=StringIO(), stderr=StringIO())


def test_article_majorities_are_checked_against_the_official_figure(ge2017):
    import_results(ge2017)
    seat = Constituency.objects.get(slug="penistone-and-stocksbridge")
    right = f.MajorityFactory(constituency=seat, year=2017, majority=1322)
    wrong = f.MajorityFactory(constituency=seat, year=2017, majority=1323)
    unknown = f.MajorityFactory(constituency=seat, year=2015, majority=6723)
    assert list(Majority.objects.disagreeing_with_official()) == [wrong]
    out = StringIO()
    call_command("export_tracker", stdout=out)
    exported = next(
        c for c in json.loads(out.getvalue())["constituencies"] if c["slug"] == seat.slug
    )
    checks = {
        (m["year"], m["majority"]): (m["official_majority"], m["matches_official"])
        for m in exported["majorities"]
    }
    assert checks == {
        (2017, 1322): (1322, True),
        (2017, 1323): (1322, False),
        (2015, 6723): (None, None),
    }
    assert exported["official_results"]["2017"]["majority"] == 1322
    assert exported["official_results"]["2017"]["votes"]["Lab"] == 22807
    assert {right.pk, wrong.pk, unknown.pk} == set(Majority.objects.values_list("pk", flat=True))


def test_admin_filters_claims_that_disagree(admin_client, ge2017):
    import_results(ge2017)
    seat = Constituency.objects.get(slug="penistone-and-stocksbridge")
    f.MajorityFactory(constituency=seat, year=2017, majority=1322)
    wrong = f.MajorityFactory(constituency=seat, year=2017, majority=9999)
    response = admin_client.get("/admin/constituencies/majority/", {"official": "disagrees"})
    assert list(response.context["cl"].result_list) == [wrong]


@pytest.mark.skipif(not GE2017.exists(), reason=f"official results not found at {GE2017}")
def test_real_2017_file_gives_650_seats_in_a_few_seconds():
    report = import_results(GE2017)
    assert Constituency.objects.count() == 650
    assert report.counts["results created"] == 650
    streatham = OfficialResult.objects.get(constituency__slug="streatham", year=2017)
    assert streatham.majority == 26285


@pytest.mark.skipif(
    not (GE2017.exists() and HISTORICAL.exists()),
    reason=f"official results not found in {SHARED_DATA}",
)
def test_real_files_together_keep_650_seats_and_the_articles_figures():
    import_results(GE2017)
    import_results(HISTORICAL)
    assert Constituency.objects.count() == 650
    assert OfficialResult.objects.filter(year=2015).count() == 650
    penistone = Constituency.objects.get(slug="penistone-and-stocksbridge")
    assert penistone.official_results.get(year=2015).majority == 6723
    assert (
        Constituency.objects.get(slug="streatham").official_results.get(year=2015).majority == 13934
    )
