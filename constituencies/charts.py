"""Server-rendered bar charts: the geometry here, the SVG in `_majority_chart.html`.

Bars are drawn as a percentage of the chart's width so the SVG fits any screen without
scaling its text; each bar's value is written out beside its label, so the chart reads
the same without colour, and the template repeats the figures in a table.
"""

from dataclasses import dataclass

from .display import party_name

ROW_HEIGHT = 44
LABEL_Y = 16
BAR_Y = 22
BAR_HEIGHT = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    note: str
    percent: float
    top: int

    @property
    def label_y(self):
        return self.top + LABEL_Y

    @property
    def bar_y(self):
        return self.top + BAR_Y

    @property
    def text(self):
        return f"{self.label}: {self.value:,}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    bars: list

    @property
    def height(self):
        return ROW_HEIGHT * len(self.bars)

    @property
    def bar_height(self):
        return BAR_HEIGHT


def bar_chart(rows, *, id, title, description, label_heading, value_heading):
    """`rows` are (label, value, note) triples, drawn in the order given."""
    rows = list(rows)
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = [
        Bar(label, value, note, round(max(value / largest * 100, 0.5), 2), index * ROW_HEIGHT)
        for index, (label, value, note) in enumerate(rows)
    ]
    return BarChart(id, title, description, label_heading, value_heading, bars)


def seat_majorities(seats):
    """Majorities of annotated seats (`with_majority()`), smallest first: the seats most
    at risk lead. Figures from the articles rather than the official results say so."""
    known = sorted(
        (s for s in seats if s.majority_votes is not None),
        key=lambda s: (s.majority_votes, s.name),
    )
    return bar_chart(
        ((s.name, s.majority_votes, majority_note(s)) for s in known),
        id="seat-majorities",
        title="Majority by seat",
        description="Votes between the winner and the runner-up at the latest general "
        "election: the official result, or where there is none the articles' figure (marked "
        "“reported”). Smallest majority first.",
        label_heading="Seat",
        value_heading="Majority (election year)",
    )


def majority_note(seat):
    official = seat.official_majority_votes is not None
    return f"{seat.majority_year}" + ("" if official else ", reported")


def votes_by_party(seat, result):
    """Votes per party at one official result, most votes first, each with its share.

    The Library's files count the Speaker and independents among "other" candidates; when
    the winner or runner-up is one of them, the label says so."""
    leaders = (result.winner, result.runner_up)
    hidden = [party_name(p) for p in leaders if p and p not in result.votes]
    others = "Other candidates" + (f", including {' and '.join(hidden)}" if hidden else "")
    return bar_chart(
        (
            (
                others if party == "Other" else party_name(party),
                votes,
                f"{share:.1%}" if share is not None else "",
            )
            for party, votes, share in result.ranked_votes()
        ),
        id=f"votes-{seat.slug}-{result.year}",
        title=f"{seat.name}: votes by party at the {result.year} general election",
        description=f"Votes for each party in {seat.name} at the {result.year} general "
        "election, most first, with each party's share of the valid votes.",
        label_heading="Party",
        value_heading="Votes (share)",
    )


def majorities_by_year(seat):
    """A seat's public majorities, oldest election first."""
    majorities = sorted(seat.majorities.all(), key=lambda m: (m.year, m.majority))
    return bar_chart(
        ((str(m.year), m.majority, "") for m in majorities),
        id=f"majorities-{seat.slug}",
        title=f"{seat.name}: majority by general election",
        description="Votes between the winner and the runner-up at each general election "
        "the sources report.",
        label_heading="Election",
        value_heading="Majority",
    )
