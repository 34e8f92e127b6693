"""The public site with official results: the filters over all seats, the tracked seats,
and the seat page's official result beside the articles' claims.

Results files are written here in the Library's shapes and imported with
`import_results`, as the `import_results` command would; the last tests use the
Library's real files when they are present.
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from constituencies.models import Constituency, Review
from constituencies.official_results import import_results

from . import factories as f
from .test_views import csv_rows, seat_names

pytestmark = pytest.mark.django_db

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
GE2017 = SHARED_DATA / "HoC-GE2017-constituency-results.csv"
HISTORICAL = SHARED_DATA / "HoC-1918-2017-election-results.csv"

GE2017_HEADER = (
    "id,ons_region_id,constituency_name,county_name,region_name,country_name,constituency_type,"
    "declaration_time,result,first_party,second_party,electorate,valid_votes,invalid_votes,"
    "majority,con,lab,ld,ukip,green,snp,pc,dup,sf,sdlp,uup,alliance,other,other_winner"
)
PARTY_COLUMNS = GE2017_HEADER.split(",")[15:-1]  # con ... other

# Seat, region, country, winner, runner-up, electorate, votes per party. Valid votes are
# the sum of the votes; the majority is the winner's lead over the runner-up.
# fmt: off
RESULTS_2017 = [
    ("E14000876", "Penistone and Stocksbridge", "Yorkshire and The Humber", "England", "Lab",
     "Con", 71293, {"con": 21485, "lab": 22807, "ld": 2042, "ukip": 3453}),
    ("E14000978", "Streatham", "London", "England", "Lab", "Con", 78532,
     {"con": 11927, "lab": 38212, "ld": 5288, "green": 1696}),
    ("E14000634", "Chingford and Woodford Green", "London", "England", "Con", "Lab", 65958,
     {"con": 23076, "lab": 20638, "ld": 2043, "ukip": 1204, "green": 1035}),
    ("S14000030", "Glasgow North East", "Scotland", "Scotland", "Lab", "SNP", 58207,
     {"con": 4106, "lab": 13637, "ld": 573, "snp": 13395}),
    ("W07000064", "Ceredigion", "Wales", "Wales", "PC", "LD", 55255,
     {"con": 7307, "lab": 10016, "ld": 11519, "ukip": 602, "green": 542, "pc": 11623}),
    ("E14000594", "Buckingham", "South East", "England", "Spk", "Green", 79615,
     {"ukip": 4168, "green": 8574, "other": 34299}),
]
# fmt: on
MAJORITY_2017 = {
    "Penistone and Stocksbridge": 1322,
    "Streatham": 26285,
    "Chingford and Woodford Green": 2438,
    "Glasgow North East": 242,
    "Ceredigion": 104,
    "Buckingham": 25725,
}

HISTORICAL_HEADER = (
    "\ufeffconstituency_id,seats,constituency,country/region,electorate,con_votes,con_share,"
    "lib_votes ,lib_share,lab_votes,lab_share,natSW_votes,natSW_share,oth_votes,oth_share,"
    "total_votes,turnout ,election,boundary_set,"
)
HISTORICAL_ROWS = [
    "E14000876,1,PENISTONE & STOCKSBRIDGE,Yorkshire and The Humber,70817,12968,0.277,2957,0.063,"
    "19691,0.42,,,11238,0.24,46854,0.662,2015,2010-2017,",
    # The Speaker stands as "other": the file cannot say who came second.
    "E14000594,1,BUCKINGHAM,South East,77242,,,,,,,,,53692,1.0,53692,0.695,2015,2010-2017,",
]


def ge2017_line(code, name, region, country, winner, runner_up, electorate, votes):
    values = {
        "id": code,
        "ons_region_id": "",
        "constituency_name": name,
        "county_name": "",
        "region_name": region,
        "country_name": country,
        "constituency_type": "County",
        "declaration_time": "2017-06-09 03:00:00",
        "result": f"{winner} hold",
        "first_party": winner,
        "second_party": runner_up,
        "electorate": electorate,
        "valid_votes": sum(votes.values()),
        "invalid_votes": 100,
        "majority": MAJORITY_2017[name],
        **{party: votes.get(party, 0) for party in PARTY_COLUMNS},
        "other_winner": 1 if winner == "Spk" else 0,
    }
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(values.values())
    return line.getvalue()


def share(name):
    """A seat's 2017 majority in percent of its valid votes, as the site computes it."""
    row = next(r for r in RESULTS_2017 if r[1] == name)
    return MAJORITY_2017[name] * 100 / sum(row[-1].values())


@pytest.fixture
def results_files(tmp_path):
    ge2017 = tmp_path / "HoC-GE2017-constituency-results.csv"
    ge2017.write_text(
        "\n".join([GE2017_HEADER, *(ge2017_line(*row) for row in RESULTS_2017)]) + "\n",
        encoding="utf-8",
    )
    historical = tmp_path / "HoC-1918-2017-election-results.csv"
    historical.write_text("\n".join([HISTORICAL_HEADER, *HISTORICAL_ROWS]) + "\n", encoding="utf-8")
    return ge2017, historical


@pytest.fixture
def country(results_files):
    """Six seats with official results and one, Stockport, known only from the articles.

    Tracked: Penistone (its MP left Labour; the move names no seat), Streatham (a
    shortlist), Chingford (a statement), Glasgow North East (a candidate) and Stockport
    (a shortlist). Not tracked: Ceredigion (its only candidacy is rejected), Buckingham.
    """
    text = "Angela Smith quit Labour. Her majority was 1,322 in 2017 and 6,723 in 2015."
    article = f.ArticleFactory(text=text)
    labour = f.OrganisationFactory(name="Labour")
    penistone = f.ConstituencyFactory(
        name="Penistone and Stocksbridge",
        slug="penistone-and-stocksbridge",
        mp=f.PersonFactory(name="Angela Smith", slug="angela-smith"),
    )
    f.PartyMoveFactory(person=penistone.mp, from_party=labour, to_group=None)
    claim = f.MajorityFactory(constituency=penistone, year=2017, majority=1322)
    f.add_evidence(claim, article, text.index("1,322"), text.index("1,322") + 5)
    f.MajorityFactory(constituency=penistone, year=2015, majority=6723)
    stockport = f.ConstituencyFactory(name="Stockport", slug="stockport", mp=None)
    f.ShortlistDecisionFactory(constituency=stockport, kind="open")
    f.MajorityFactory(constituency=stockport, year=2017, majority=14477)

    for path in results_files:
        import_results(path)

    seats = {seat.name: seat for seat in Constituency.objects.all()}
    streatham = seats["Streatham"]
    f.ShortlistDecisionFactory(constituency=streatham, kind="all_women")
    # An article that has Streatham's majority wrong: the site goes by the official figure.
    f.MajorityFactory(constituency=streatham, year=2017, majority=100)
    f.StatementFactory(constituency=seats["Chingford and Woodford Green"], speaker=None)
    f.CandidacyFactory(constituency=seats["Glasgow North East"])
    f.CandidacyFactory(constituency=seats["Ceredigion"], review=Review.REJECTED)
    return seats


ALL = [
    "Buckingham",
    "Ceredigion",
    "Chingford and Woodford Green",
    "Glasgow North East",
    "Penistone and Stocksbridge",
    "Stockport",
    "Streatham",
]


def test_the_list_shows_every_seat_and_the_home_page_the_tracked_ones(client, country):
    assert seat_names(client.get("/constituencies/")) == ALL
    home = client.get("/")
    assert seat_names(home) == [
        "Chingford and Woodford Green",
        "Glasgow North East",
        "Penistone and Stocksbridge",
        "Stockport",
        "Streatham",
    ]
    assert 'href="/constituencies/">Browse all 7 seats</a>' in home.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("region=London", ["Chingford and Woodford Green", "Streatham"]),
        ("region=Wales", ["Ceredigion"]),
        ("country=Scotland", ["Glasgow North East"]),
        (
            "country=England",
            [
                "Buckingham",
                "Chingford and Woodford Green",
                "Penistone and Stocksbridge",
                "Streatham",
            ],
        ),
        ("winner=Con", ["Chingford and Woodford Green"]),
        ("winner=PC", ["Ceredigion"]),
        ("winner=Spk", ["Buckingham"]),
        ("winner=Lab", ["Glasgow North East", "Penistone and Stocksbridge", "Streatham"]),
        ("region=London&winner=Lab", ["Streatham"]),
        ("majority_share_max=1", ["Ceredigion", "Glasgow North East"]),
        (
            "majority_share_max=3",
            ["Ceredigion", "Glasgow North East", "Penistone and Stocksbridge"],
        ),
        ("majority_share_min=40", ["Buckingham", "Streatham"]),
        (
            "majority_share_min=2.5&majority_share_max=5.5",
            ["Chingford and Woodford Green", "Penistone and Stocksbridge"],
        ),
        # Official figures first: Streatham's article says 100, the Library 26,285.
        ("majority_max=2000", ["Ceredigion", "Glasgow North East", "Penistone and Stocksbridge"]),
        # No official result: Stockport is filtered on the articles' figure.
        ("majority_min=10000&majority_max=20000", ["Stockport"]),
        (
            "tracked=yes",
            [
                "Chingford and Woodford Green",
                "Glasgow North East",
                "Penistone and Stocksbridge",
                "Stockport",
                "Streatham",
            ],
        ),
        ("tracked=no", ["Buckingham", "Ceredigion"]),
        ("tracked=", ALL),
        ("tracked=yes&country=Wales", []),
        ("tracked=yes&shortlist=open", ["Stockport"]),
    ],
)
def test_each_filter_narrows_the_list(client, country, query, expected):
    response = client.get(f"/constituencies/?{query}")
    assert response.status_code == 200
    assert "Some filters could not be used" not in response.content.decode()
    assert seat_names(response) == expected


def test_the_shares_the_filters_use_are_the_ones_computed_here(country):
    by_share = Constituency.objects.with_majority().exclude(majority_percent=None)
    assert {seat.name: seat.majority_percent for seat in by_share} == pytest.approx(
        {name: share(name) for name in MAJORITY_2017}
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "o=majority",
            [
                "Ceredigion",
                "Glasgow North East",
                "Penistone and Stocksbridge",
                "Chingford and Woodford Green",
                "Stockport",
                "Buckingham",
                "Streatham",
            ],
        ),
        (
            "o=-majority",
            [
                "Streatham",
                "Buckingham",
                "Stockport",
                "Chingford and Woodford Green",
                "Penistone and Stocksbridge",
                "Glasgow North East",
                "Ceredigion",
            ],
        ),
        (
            "o=majority_share",
            [
                "Ceredigion",
                "Glasgow North East",
                "Penistone and Stocksbridge",
                "Chingford and Woodford Green",
                "Streatham",
                "Buckingham",
                "Stockport",
            ],
        ),
        (
            "o=-majority_share",
            [
                "Buckingham",
                "Streatham",
                "Chingford and Woodford Green",
                "Penistone and Stocksbridge",
                "Glasgow North East",
                "Ceredigion",
                "Stockport",
            ],
        ),
    ],
)
def test_ordering_by_majority_uses_the_official_figures(client, country, query, expected):
    assert seat_names(client.get(f"/constituencies/?{query}")) == expected


def test_filter_choices_come_from_the_data(client, country):
    form = client.get("/constituencies/").context["filter"].form
    assert [value for value, _ in form.fields["region"].choices] == [
        "",
        "London",
        "Scotland",
        "South East",
        "Wales",
        "Yorkshire and The Humber",
    ]
    assert [value for value, _ in form.fields["country"].choices] == [
        "",
        "England",
        "Scotland",
        "Wales",
    ]
    assert dict(form.fields["winner"].choices) == {
        "": "Any party",
        "Con": "Conservative",
        "Lab": "Labour",
        "PC": "Plaid Cymru",
        "Spk": "The Speaker",
    }


def test_the_form_says_which_majority_it_filters_on_and_groups_its_fields(client, country):
    body = client.get("/constituencies/").content.decode()
    assert "official majority at the latest general election" in body
    assert "the latest majority the articles report" in body
    for legend in (
        "Which seats",
        "Shortlist",
        "Where, and who won",
        "Majority (votes)",
        "Majority as a share of the vote",
    ):
        assert f"<legend>{legend}</legend>" in body, legend
    for name in ("region", "country", "winner", "majority_share_min", "majority_share_max"):
        assert f'<label for="id_{name}">' in body, name
    assert re.search(r'<input type="radio" name="tracked" value="" [^>]*checked', body)


JUNK = [
    "region=Atlantis",
    "region=london",
    "country=Mars",
    "winner=XYZ",
    "winner=Labour",
    "tracked=maybe",
    "tracked=1",
    "majority_share_max=abc",
    "majority_share_min=-1",
    "majority_share_max=101",
    "majority_share_max=1e400",
    "majority_share_min=NaN",
    "majority_share_max=Infinity",
    "majority_share_max=1,5",
    "majority_share_max=" + "9" * 5000,
    "region=%00",
    "o=majority_percent",
    "region=Atlantis&winner=XYZ&tracked=maybe&majority_share_max=abc&o=evil",
]


@pytest.mark.parametrize("query", JUNK)
@pytest.mark.parametrize(
    "path", ["/", "/constituencies/", "/constituencies.csv", "/constituencies.json"]
)
def test_junk_input_never_gives_a_server_error(client, country, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400), response.status_code


@pytest.mark.parametrize("query", JUNK)
def test_junk_filters_are_form_errors_on_the_page(client, country, query):
    response = client.get(f"/constituencies/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Some filters could not be used" in body
    assert 'class="field-errors"' in body
    assert "No seats match these filters." in body


@pytest.mark.parametrize(
    "query, message",
    [
        ("region=Atlantis", "Atlantis is not one of the available choices"),
        ("winner=XYZ", "XYZ is not one of the available choices"),
        ("tracked=maybe", "maybe is not one of the available choices"),
        ("majority_share_max=abc", "Enter a number."),
        ("majority_share_max=101", "less than or equal to 100"),
    ],
)
def test_form_errors_name_the_problem_and_mark_the_control(client, country, query, message):
    body = client.get(f"/constituencies/?{query}").content.decode()
    assert message in body
    name = query.split("=")[0]
    # The message is tied to its control (or the fieldset of radio buttons).
    assert f'<ul class="field-errors" id="id_{name}_error">' in body
    assert re.search(rf'aria-describedby="[^"]*id_{name}_error', body)


def test_downloads_share_the_filters(client, country):
    rows = csv_rows(client.get("/constituencies.csv?region=London&o=-majority"))
    assert [row["name"] for row in rows] == ["Streatham", "Chingford and Woodford Green"]
    streatham = rows[0]
    assert streatham["latest_majority"] == "26285"
    assert streatham["majority_year"] == "2017"
    assert streatham["majority_source"] == "official"
    assert float(streatham["majority_share"]) == pytest.approx(share("Streatham"), abs=0.01)
    assert (streatham["region"], streatham["country"]) == ("London", "England")
    assert (streatham["winner"], streatham["runner_up"]) == ("Lab", "Con")
    assert streatham["tracked"] == "yes"
    stockport = csv_rows(client.get("/constituencies.csv?q=stockport"))[0]
    assert (stockport["latest_majority"], stockport["majority_source"]) == ("14477", "articles")
    assert stockport["majority_share"] == ""

    data = json.loads(client.get("/constituencies.json?winner=Spk&tracked=no").content)
    assert [seat["name"] for seat in data["constituencies"]] == ["Buckingham"]
    response = client.get("/constituencies.csv?region=Atlantis")
    assert response.status_code == 400 and "region" in response.content.decode()


def test_seat_page_shows_the_latest_official_result_with_a_chart(client, country):
    body = client.get("/constituencies/penistone-and-stocksbridge/").content.decode()
    section = body[body.index('id="official-heading"') : body.index('id="majority-heading"')]
    assert "Yorkshire and The Humber, England" in body
    assert "The 2017 general election" in section
    for term, value in [
        ("Winner", "Labour"),
        ("Runner-up", "Conservative"),
        ("Majority", '1,322 <span class="muted">(2.7% of the vote)</span>'),
        ("Electorate", "71,293"),
    ]:
        assert f"<dt>{term}</dt><dd>{value}" in section, term
    assert "<dt>Turnout</dt><dd>69.8%" in section
    assert "(49,787 valid votes)" in section

    svg = re.search(r"<svg[^>]*>.*?</svg>", section, re.S).group(0)
    assert 'role="img"' in svg
    title_id = re.search(r'aria-labelledby="([^" ]+)', svg).group(1)
    assert f'<title id="{title_id}">Penistone and Stocksbridge: votes by party' in svg
    labels = re.findall(r'<text class="chart__label"[^>]*>([^<]+)</text>', svg)
    assert labels == [
        "Labour: 22,807 (45.8%)",
        "Conservative: 21,485 (43.2%)",
        "UKIP: 3,453 (6.9%)",
        "Liberal Democrat: 2,042 (4.1%)",
    ]
    table = section[section.index("<table", section.index("</svg>")) :]
    assert '<th scope="row">Labour</th><td class="numeric">22,807 (45.8%)</td>' in table


def test_seat_page_lists_earlier_elections_in_a_table(client, country):
    body = client.get("/constituencies/penistone-and-stocksbridge/").content.decode()
    earlier = body[body.index('id="earlier-heading"') : body.index('id="majority-heading"')]
    row = re.search(r'<th scope="row">2015</th>(.*?)</tr>', earlier, re.S).group(1)
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert cells == ["Labour", "Conservative", "6,723 (14.3%)", "70,817", "66.2%"]

    buckingham = client.get("/constituencies/buckingham/").content.decode()
    assert "Other candidates, including The Speaker: 34,299" in buckingham
    assert "the majority is not stated" in buckingham


def test_each_article_claim_sits_beside_the_official_figure(client, country):
    body = client.get("/constituencies/penistone-and-stocksbridge/").content.decode()
    claims = body[body.index('id="majority-heading"') :]
    assert "official figure 1,322</span>" in claims
    assert '<span class="tag tag--agrees">Agrees</span>' in claims
    assert "majority of 6,723" in claims and "official figure 6,723</span>" in claims

    streatham = client.get("/constituencies/streatham/").content.decode()
    assert "official figure 26,285 (<strong>differs</strong> from the article)" in streatham
    assert "Differs by 26,185" in streatham
    # The seat's headline majority is the official one, not the article's.
    assert "<dt>Majority</dt><dd>26,285 (2017, official)</dd>" in streatham


def test_seat_without_official_result_says_so(client, country):
    body = client.get("/constituencies/stockport/").content.decode()
    assert "No official result has been imported for this seat." in body
    assert '<dt>Majority</dt><dd>14,477 (2017, reported) <span class="fact-status' in body
    assert "no official figure for 2017" in body


def test_list_marks_tracked_seats_and_the_source_of_each_majority(client, country):
    body = client.get("/constituencies/").content.decode()
    rows = {
        slug: (heading, cells)
        for slug, heading, cells in re.findall(
            r'<th scope="row"><a href="/constituencies/([^/]+)/">(.*?)</th>(.*?)</tr>', body, re.S
        )
    }
    assert "Tracked" in rows["streatham"][0] and "London" in rows["streatham"][0]
    assert "Tracked" not in rows["buckingham"][0]
    assert "46.0% of the vote, 2017" in rows["streatham"][1]
    assert "Labour" in rows["streatham"][1] and "over Conservative" in rows["streatham"][1]
    assert "2017, reported" in rows["stockport"][1]
    assert "No official result" in rows["stockport"][1]


@pytest.fixture
def seeds():
    call_command("load_articles", "seeds", stdout=io.StringIO())


def test_seed_filters_hold_with_official_results_loaded(client, results_files, seeds):
    for path in results_files:
        import_results(path)
    assert seat_names(client.get("/constituencies/?shortlist=open")) == [
        "Ilford South",
        "Stockport",
    ]
    assert len(seat_names(client.get("/constituencies/?shortlist=all_women"))) == 5
    assert "Penistone and Stocksbridge" in seat_names(
        client.get("/constituencies/?majority_max=5000")
    )


@pytest.mark.skipif(
    not (GE2017.exists() and HISTORICAL.exists()),
    reason=f"the Library's results files are not in {SHARED_DATA}",
)
def test_real_files_give_650_seats_that_the_filters_narrow(client):
    import_results(HISTORICAL)
    import_results(GE2017)

    def count(query=""):
        response = client.get(f"/constituencies/?{query}")
        assert response.status_code == 200
        assert "Some filters could not be used" not in response.content.decode()
        return response.context["paginator"].count

    assert count() == 650
    assert count("region=London") == 73
    assert count("country=Scotland") == 59
    assert count("country=Wales") == 40
    assert count("region=London&winner=Con") < 73
    assert 0 < count("majority_share_max=1") < 650
    assert count("tracked=yes") == 0
    assert seat_names(client.get("/constituencies/?winner=Spk")) == ["Buckingham"]
    smallest = client.get("/constituencies/?o=majority")
    assert seat_names(smallest)[0] == "North East Fife"
    assert "under 0.1% of the vote, 2017" in smallest.content.decode()
    page = client.get("/constituencies/penistone-and-stocksbridge/").content.decode()
    assert "Labour: 22,807 (45.8%)" in page
    assert '6,723 <span class="muted">(14.3%)</span>' in page
