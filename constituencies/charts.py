"""Server-rendered bar charts: the geometry here, the SVG in `_majority_chart.html`.

Bars are drawn as a percentage of the chart's width so the SVG fits any screen without
scaling its text; each bar's value is written out beside its label, so the chart reads
the same without colour, and the template repeats the figures in a table.
"""

from dataclasses import dataclass

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
    """Latest majorities of annotated seats (`with_latest_majority()`), smallest first:
    the seats most at risk lead."""
    known = sorted(
        (s for s in seats if s.latest_majority_votes is not None),
        key=lambda s: (s.latest_majority_votes, s.name),
    )
    return bar_chart(
        ((s.name, s.latest_majority_votes, str(s.latest_majority_year)) for s in known),
        id="seat-majorities",
        title="Latest majority by seat",
        description="Votes between the winner and the runner-up at the latest general "
        "election the sources report, smallest majority first.",
        label_heading="Seat",
        value_heading="Majority (election year)",
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
